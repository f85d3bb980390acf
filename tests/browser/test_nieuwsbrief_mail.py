"""The nieuwsbrief's HTML mail in Chromium: accessible on a phone, 320 pixels wide, dark and light.

A mail program shows the HTML part without the site around it, and fetches nothing for it
here: the page is set from the message itself, and every request it would make is recorded.
"""

from __future__ import annotations

from datetime import date

import pytest
from city import REPO, SITE_URL
from test_accessibility import axe_violations, describe

from bovenwijks.city.kennisuitwisseling import Uitwisseling
from bovenwijks.city.nieuwsbrief import Lijst, Week, brief
from bovenwijks.content.load import load_stad
from bovenwijks.publish.nieuwsbrief import mail

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def letter_html() -> str:
    """The HTML part of the demo city's letter of Soesterkwartier in week 48 of 2026: series, a
    cancelled time and a match."""
    stad = load_stad(REPO, vandaag=date(2026, 11, 23)).stad
    letter = brief(stad, "soesterkwartier", Week(2026, 48), Uitwisseling(stad))
    assert letter.afgelast and letter.koppelingen, "the demo's letter should show a cancellation and a match"
    message = mail(
        letter, SITE_URL, aan="lijst@stad.example", van="nieuwsbrief@stad.example", lijst=Lijst(afmelden="mailto:af@stad.example")
    )
    return message.get_body(("html",)).get_content()


def _open(browser, html: str, width: int, scheme: str = "light"):
    page = browser.new_page(viewport={"width": width, "height": 800}, color_scheme=scheme)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.set_content(html, wait_until="load")
    return page, requests


def test_the_mail_passes_axe_at_375_pixels(browser, letter_html):
    page, _ = _open(browser, letter_html, 375)
    violations = axe_violations(page)
    assert not violations, describe(violations)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_mail_fits_320_pixels_and_loads_nothing(browser, letter_html, scheme):
    page, requests = _open(browser, letter_html, 320, scheme)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert requests == []
    assert page.get_by_text("Gaat niet door:", exact=False).first.is_visible()


def test_the_mail_turns_dark_where_the_reader_asks_for_it(browser, letter_html):
    colours = {}
    for scheme in ("light", "dark"):
        page, _ = _open(browser, letter_html, 375, scheme)
        colours[scheme] = page.evaluate(
            "[getComputedStyle(document.querySelector('.bw-mail')).backgroundColor, getComputedStyle(document.querySelector('h1')).color]"
        )
    assert colours["light"] == ["rgb(255, 255, 255)", "rgb(26, 26, 26)"]
    assert colours["dark"] == ["rgb(18, 18, 18)", "rgb(242, 242, 242)"]
