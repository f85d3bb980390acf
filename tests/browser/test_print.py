"""Every page on paper (issue 17): the print stylesheet in Chromium, as a resident prints a page.

With print media, what is for the screen is gone (header, tabs, sidebars, search, footer,
"Terug naar boven", the editors' link) and the address of a link to elsewhere follows its
text. Chromium's own PDF of a page holds every word of its content: nothing is cut off.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from conftest import unavailable

pytestmark = pytest.mark.browser

GONE = (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-search", ".md-footer", ".md-top", ".bw-bewerk")


def _printed(visit, url: str):
    page = visit(url).page
    page.emulate_media(media="print")
    return page


def _shown(page, selector: str) -> bool:
    return page.evaluate(
        """(selector) => [...document.querySelectorAll(selector)].some(e => {
             const box = e.getBoundingClientRect();
             return e.checkVisibility({visibilityProperty: true, contentVisibilityAuto: true}) && box.width > 0 && box.height > 0;
           })""",
        selector,
    )


@pytest.mark.parametrize("url", ["", "wijken/soesterkwartier/", "agenda/", "toegankelijkheid/"])
def test_on_paper_only_the_content_is_left(visit, url):
    page = _printed(visit, url)
    assert _shown(page, "article h1"), f"/{url}: de titel staat niet op papier"
    for selector in GONE:
        assert not _shown(page, selector), f"/{url}: {selector} staat op papier"
    # And on the screen they are there: the test would see it if the stylesheet hid them always.
    page.emulate_media(media="screen")
    assert _shown(page, ".md-header") and _shown(page, ".md-search")


def _after(page, selector: str) -> str:
    return page.locator(selector).first.evaluate("e => getComputedStyle(e, '::after').content")


def test_a_link_to_elsewhere_shows_its_address_on_paper(visit):
    page = _printed(visit, "toegankelijkheid/")
    assert _after(page, 'article a[href="https://www.w3.org/Translations/WCAG21-nl/"]') == '" (https://www.w3.org/Translations/WCAG21-nl/)"'
    page.emulate_media(media="screen")
    assert _after(page, 'article a[href="https://www.w3.org/Translations/WCAG21-nl/"]') in ("none", "normal")


def test_a_link_that_is_its_own_address_is_not_printed_twice(visit):
    page = _printed(visit, "wijken/soesterkwartier/")
    website = 'article a[href="https://www.indebuurt033.example/soesterkwartier"]'
    assert page.locator(website).first.inner_text() == "https://www.indebuurt033.example/soesterkwartier"
    assert _after(page, website) in ("none", "normal")


def test_the_poster_link_and_a_closed_list_print(visit):
    page = _printed(visit, "wijken/soesterkwartier/")
    assert _shown(page, 'article a[href="affiche.pdf"]')
    # "Eerdere activiteiten" is closed on the screen; on paper its list is there.
    assert _shown(page, "article details.bw-archive .bw-event")
    page.emulate_media(media="screen")
    assert not _shown(page, "article details.bw-archive .bw-event")


def _words(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("url", ["wijken/soesterkwartier/", "toegankelijkheid/"])
def test_the_printed_pdf_holds_all_of_the_pages_text(visit, url, tmp_path):
    if shutil.which("pdftotext") is None:
        unavailable("pdftotext ontbreekt: installeer het met `apt-get install poppler-utils`")
    page = _printed(visit, url)
    lines = [line.strip() for line in page.locator("article").inner_text().splitlines() if line.strip()]
    assert len(lines) > 10
    (tmp_path / "pagina.pdf").write_bytes(page.pdf(format="A4"))
    # -raw: in the order Chromium drew the text, which is the page's; a grid of cards in two
    # columns is not read across.
    subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", tmp_path / "pagina.pdf", tmp_path / "pagina.txt"], check=True)
    printed = _words((tmp_path / "pagina.txt").read_text(encoding="utf-8"))
    # The addresses the print stylesheet writes after links are on paper, not in the page's text.
    shown = """a => [...a.querySelectorAll('a[href^="http"]:not(.bw-eigen-adres)')].filter(l => l.checkVisibility()).map(l => l.href)"""
    for href in page.locator("article").evaluate(shown):
        assert _words(f"({href})") in printed, href
    for address in set(re.findall(r"\(https?://[^)]*\)", (tmp_path / "pagina.txt").read_text(encoding="utf-8").replace("\n", ""))):
        printed = printed.replace(_words(address), "")
    missing = [line for line in lines if _words(line) not in printed]
    assert missing == [], f"/{url}: niet op papier: {missing[:5]}"
