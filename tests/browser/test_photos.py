"""Photos as a resident's phone gets them: light, at once where they are seen first, and steady."""

from __future__ import annotations

import time

import pytest
from harness import PAGES

pytestmark = pytest.mark.browser

MB = 1024 * 1024
PHONE = {"width": 375, "height": 667}  # an iPhone SE
WITH_PHOTOS = [stop for stop in PAGES if stop.name in ("home", "wijk", "initiatief", "bericht")]


def _load(browser, url: str, scale: int):
    """Load `url` as a phone with a screen of `scale` pixels per CSS pixel; what came over the wire."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=scale, is_mobile=True, has_touch=True)
    received: dict[str, int] = {}
    context.on("requestfinished", lambda request: received.__setitem__(request.url, request.sizes()["responseBodySize"]))
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    return context, page, received


@pytest.mark.parametrize("scale", [1, 3])
@pytest.mark.parametrize("stop", WITH_PHOTOS, ids=lambda stop: stop.name)
def test_a_page_with_photos_transfers_at_most_a_megabyte_on_a_phone(browser, demo_url, stop, scale):
    context, _, received = _load(browser, demo_url + stop.url, scale)
    context.close()
    photos = [url for url in received if "/fotos/" in url]
    total = sum(received.values())
    assert photos or stop.name == "home", f"/{stop.url} laadt geen foto: {sorted(received)}"
    assert total <= MB, (
        f"/{stop.url} haalt {total / MB:.2f} MB op bij {scale}× (de grootste: {sorted(received.items(), key=lambda kv: -kv[1])[:5]})"
    )


def test_the_first_photo_comes_at_once_the_rest_as_they_scroll_near(browser, demo_url):
    context, page, _ = _load(browser, demo_url + "wijken/soesterkwartier/", 2)
    try:
        hero = page.locator("figure.bw-foto img")
        assert hero.evaluate("img => img.complete && img.naturalWidth > 0")
        assert hero.evaluate("img => img.currentSrc").endswith(".webp")  # the modern copy, not the fallback
        card = page.locator(".bw-card .bw-kaartfoto img").first
        # Beyond the distance at which Chromium starts a lazy image (1,250 to 2,500 pixels).
        assert card.evaluate("img => img.getBoundingClientRect().top") > 2500
        assert not card.evaluate("img => img.complete && img.naturalWidth > 0")  # far below: not yet
        card.scroll_into_view_if_needed()
        page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=card.element_handle(), timeout=5000)
        width = card.evaluate("img => new URL(img.currentSrc).pathname")
        assert width.endswith(("-320.webp", "-640.webp")), width  # a small copy for a small square
    finally:
        context.close()


def _slowly(route) -> None:
    time.sleep(0.4)  # a phone's network: the page is drawn before its photos arrive
    route.continue_()


def test_nothing_jumps_while_the_photos_load(browser, demo_url):
    """Without `width` and `height` on its <img>, this page shifts by 0.12 when its photo arrives."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=2)
    page = context.new_page()
    page.route("**/fotos/**", _slowly)
    # Layout shifts as Chromium measures them for Core Web Vitals, from the first paint on.
    page.add_init_script(
        """window.__shift = 0;
        new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; })
          .observe({type: 'layout-shift', buffered: true});"""
    )
    try:
        page.goto(demo_url + "wijken/soesterkwartier/initiatieven/repair-cafe/", wait_until="networkidle")
        assert page.locator("figure.bw-foto img").evaluate("img => img.complete && img.naturalWidth > 0")
        assert page.evaluate("window.__shift") < 0.01
    finally:
        context.close()
