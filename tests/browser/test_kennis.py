"""The kennis pages on a phone: a readable table that fits, and kennis that stays out of the way."""

from __future__ import annotations

import pytest
from test_accessibility import axe_violations, describe

pytestmark = pytest.mark.browser

INITIATIEF = "wijken/soesterkwartier/initiatieven/repair-cafe/"


def test_kennis_table_is_readable_and_fits_at_320_pixels(visit):
    page = visit("kennis/", width=320).page
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    wrap = page.locator(".bw-kennis-tabel")
    box = wrap.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 320  # what does not fit scrolls inside the box
    sizes = page.evaluate(
        "[...document.querySelectorAll('.bw-kennis-tabel th, .bw-kennis-tabel td')].map(c => parseFloat(getComputedStyle(c).fontSize))"
    )
    assert sizes and min(sizes) >= 14, f"tabeltekst van {min(sizes)} px"


@pytest.mark.parametrize("url", [INITIATIEF, "wijken/soesterkwartier/"])
def test_kennis_is_one_closed_section_whose_open_contents_pass_axe(visit, url):
    page = visit(url, width=375).page
    details = page.locator("details.bw-kennis")
    assert details.count() == 1
    assert not details.evaluate("d => d.open")
    assert details.locator("summary").inner_text().startswith("Kennis delen met andere wijken")
    # Closed, its headings are out of sight; the summary is the one thing to see of it.
    assert not details.locator("h2").first.is_visible()
    details.locator("summary").click()
    assert details.evaluate("d => d.open") and details.locator("h2").first.is_visible()
    violations = axe_violations(page)
    assert not violations, f"/{url} met de kennis open:\n{describe(violations)}"


@pytest.mark.parametrize("width", [1280, 375, 320])
def test_who_can_help_opens_with_the_matches_and_passes_axe(visit, width):
    page = visit("kennis/matches/", width=width).page
    assert page.locator("h1").inner_text() == "Wie kan jullie helpen?"
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    uitleg = page.locator("details#volgorde")
    assert not uitleg.evaluate("d => d.open")
    assert page.locator("section.bw-zoekt").first.bounding_box()["y"] < uitleg.bounding_box()["y"]
    violations = axe_violations(page)
    assert not violations, f"/kennis/matches/ op {width} px breed:\n{describe(violations)}"
