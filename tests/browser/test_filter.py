"""/initiatieven/ filters in place with JavaScript, and works without it."""

from __future__ import annotations

import pytest
from harness import REPO

from bovenwijks.content.load import load_stad

pytestmark = pytest.mark.browser


def expected(thema: str = "", wijk: str = "", status: str = "") -> list[str]:
    """The titels a resident should see for this choice, from the demo city itself."""
    return sorted(
        i.titel
        for i in load_stad(REPO).stad.initiatieven()
        if (not thema or thema in i.themas) and (not wijk or i.wijk == wijk) and (not status or i.status == status)
    )


def titels(page) -> list[str]:
    return sorted(page.locator("[data-bw-results] .bw-card__title a").all_inner_texts())


def test_filter_in_place_without_reload(visit):
    arrived = visit("initiatieven/")
    page = arrived.page
    page.evaluate("window.__zelfdePagina = true")  # gone if the page reloads
    page.select_option("select[name=thema]", "ontmoeting")
    page.wait_for_function("document.querySelector('[data-bw-count]').textContent !== ''")
    assert titels(page) == expected(thema="ontmoeting")
    page.select_option("select[name=wijk]", "kruiskamp")
    page.wait_for_function(
        f"document.querySelector('[data-bw-count]').textContent.startsWith('{len(expected('ontmoeting', 'kruiskamp'))} ')"
    )
    assert titels(page) == expected(thema="ontmoeting", wijk="kruiskamp")
    assert page.locator("[data-bw-count]").inner_text() in (
        "1 initiatief gevonden",
        f"{len(expected('ontmoeting', 'kruiskamp'))} initiatieven gevonden",
    )
    assert page.evaluate("window.__zelfdePagina") is True
    assert "thema=ontmoeting" in page.url and "wijk=kruiskamp" in page.url  # a link to share
    # The links of filtered cards lead to the item pages.
    first = page.locator("[data-bw-results] .bw-card__title a").first
    href = first.get_attribute("href")
    assert href.startswith("../wijken/kruiskamp/initiatieven/")


def test_status_filter_and_reset(visit):
    page = visit("initiatieven/").page
    alle = titels(page)
    page.select_option("select[name=status]", "afgerond")
    page.wait_for_function("document.querySelector('[data-bw-count]').textContent !== ''")
    assert titels(page) == expected(status="afgerond")
    page.select_option("select[name=status]", "")
    page.wait_for_function("document.querySelector('[data-bw-count]').textContent === ''")
    assert titels(page) == alle


def test_filter_from_a_shared_link(visit):
    page = visit("initiatieven/?thema=ondersteuning&status=actief").page
    page.wait_for_function("document.querySelector('[data-bw-count]').textContent !== ''")
    assert titels(page) == expected(thema="ondersteuning", status="actief")
    assert page.locator("select[name=thema]").input_value() == "ondersteuning"


def test_without_javascript_the_static_filters_remain(browser, demo_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(demo_url + "initiatieven/")
        assert not page.locator("form.bw-filter").is_visible()  # no controls that cannot work
        page.get_by_role("link", name="Ontmoeting", exact=True).first.click()
        page.wait_for_url("**/themas/ontmoeting/")
        shown = sorted(page.locator(".bw-card__title a").all_inner_texts())
        assert shown == expected(thema="ontmoeting")
    finally:
        context.close()
