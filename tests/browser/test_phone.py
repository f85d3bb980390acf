"""The demo site on a resident's phone (issue 13): what is in the first screen, what the
search leads to, and that nothing is in the way (nothing off the edge of a 320 px screen:
test_keyboard.py)."""

from __future__ import annotations

import pytest
from harness import PAGES, search

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 667}  # an iPhone SE: the smallest phone most residents have


def test_the_four_entrances_are_in_the_first_screen_of_a_phone(visit):
    page = visit("", **PHONE).page
    for naam in ("Wat is er te doen?", "Mijn wijk", "Ik zoek hulp of advies", "Ik wil meedoen of helpen"):
        box = page.locator(".bw-ingang", has_text=naam).bounding_box()
        assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], naam


@pytest.mark.parametrize("stop", [stop for stop in PAGES if not stop.zoek], ids=lambda stop: stop.name)
@pytest.mark.parametrize("width", [375, 1280])
def test_nothing_stands_before_a_pages_content(arrive, stop, width):
    page = arrive(stop, width=width, height=800).page
    # No sidebar, table of contents or "Volgende" footer; the menu on a phone stays closed.
    for frame in (".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer__inner"):
        box = page.locator(frame).first.bounding_box() if page.locator(frame).count() else None
        visible = box is not None and box["width"] > 0 and box["x"] + box["width"] > 0 and box["x"] < width
        assert not visible, f"/{stop.url} toont {frame} op {width} px"
    # The first link in the content is not a pencil to GitHub.
    links = page.locator("article a[href]")
    if links.count():
        first = links.first.get_attribute("href") or ""
        assert "github.com" not in first, f"/{stop.url}: {first}"


def test_badges_chips_and_the_charts_labels_are_readable_on_a_phone(visit):
    page = visit("themas/", width=320, height=640).page
    smallest = page.evaluate(
        """() => {
          const svg = document.querySelector('.bw-chart svg');
          const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
          return Math.min(...[...svg.querySelectorAll('text')].map(t => parseFloat(t.getAttribute('font-size')) * scale));
        }"""
    )
    assert smallest >= 12, f"de kleinste tekst in de grafiek is {smallest:.1f} px"
    page = visit("wijken/soesterkwartier/", **PHONE).page
    for selector in (".bw-status", ".bw-chip"):
        size = page.locator(selector).first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
        assert size >= 14, f"{selector}: {size} px"


@pytest.mark.parametrize(
    "term,place",
    [
        ("dit weekend", "agenda/"),
        ("repair cafe", "wijken/soesterkwartier/initiatieven/repair-cafe/"),
    ],
)
def test_a_residents_search_leads_somewhere_useful(visit, term, place):
    page = visit("", **PHONE).page
    search(page, term)
    first = page.locator(".md-search-result__item a").first.get_attribute("href")
    assert place in first, f"'{term}' leidt eerst naar {first}"
    assert page.locator(".md-search-result__item", has_text="Alle sleutels").count() == 0


def test_a_search_that_finds_nothing_offers_next_steps(visit):
    page = visit("", **PHONE).page
    search(page, "qwxzv")
    assert page.locator(".md-search-result__meta").inner_text().strip() == "Niets gevonden"
    verder = page.locator(".bw-zoek-verder")
    assert verder.is_visible()
    assert [link.get_attribute("href") for link in verder.locator("a").all()] == ["./hulp/", "./agenda/", "./wijken/"]


def test_the_wijk_a_resident_picks_is_their_wijk_next_time(visit):
    visited = visit("", **PHONE)
    page = visited.page
    page.locator("[data-wijk-kiezer] a", has_text="Liendert").click()
    page.wait_for_url("**/wijken/liendert/")
    assert page.locator("[data-mijn-wijk-knop]").get_attribute("aria-pressed") == "true"
    page.goto(page.url.split("wijken/")[0])
    ingang = page.locator("[data-mijn-wijk-ingang]")
    assert ingang.inner_text().endswith("Liendert")
    assert ingang.get_attribute("href").endswith("wijken/liendert/")
    # Pressed again on the wijk's page, it is no longer their wijk.
    page.goto(page.url + "wijken/liendert/")
    page.locator("[data-mijn-wijk-knop]").click()
    assert page.evaluate("localStorage.getItem('bovenwijks-wijk')") is None


def test_a_feeds_address_is_copied_with_one_tap(visit):
    visited = visit("volgen/", **PHONE)
    visited.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = visited.page
    page.locator("summary", has_text="Lukt het niet?").click()
    button = page.locator("[data-kopieer]").first
    address = button.get_attribute("data-kopieer")
    button.click()
    page.locator(".bw-kopieer-melding", has_text="gekopieerd").wait_for()
    assert button.inner_text() == "Gekopieerd"
    assert page.evaluate("navigator.clipboard.readText()") == address


@pytest.mark.parametrize(
    "term,place",
    [
        ("ik zoek hulp bij mantelzorg", "hulp/mantelzorg/"),
        ("rolstoel", "hulp/vervoer/"),
        ("huiswerkbegeleiding", "hulp/kinderen-en-school/"),
    ],
)
def test_a_residents_question_in_the_search_leads_to_help_first(visit, term, place):
    page = visit("", **PHONE).page
    search(page, term)
    first = page.locator(".md-search-result__item a").first.get_attribute("href")
    assert first.split("?")[0].endswith(place), f"'{term}' leidt eerst naar {first}"


def test_hulp_shows_the_residents_own_wijk_first(visit):
    page = visit("wijken/zielhorst/", **PHONE).page
    page.locator("[data-mijn-wijk-knop]").click()
    page.goto(page.url.replace("wijken/zielhorst/", "hulp/mantelzorg/"))
    groups = page.locator("[data-mijn-wijk-eerst] > [data-wijk]")
    assert groups.count() > 1
    assert groups.first.get_attribute("data-wijk") == "zielhorst"
