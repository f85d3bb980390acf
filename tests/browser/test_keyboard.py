"""Keyboard and small screens: a skip link, visible focus, every control reachable by Tab,
no horizontal scrolling at 320 CSS pixels, and a Dutch, unique title on every page."""

from __future__ import annotations

import pytest
from harness import PAGES

pytestmark = pytest.mark.browser

# Every element a keyboard user could need, numbered in document order. A control counts when
# the page shows it: not hidden (also by a `hidden` attribute the theme animates away with CSS),
# not disabled, not in a closed <details> or an inert region.
CONTROLS = """() => {
  const selector = 'a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, iframe, [tabindex], [contenteditable]';
  const controls = [...document.querySelectorAll(selector)].filter(el =>
    el.tabIndex >= 0 && !el.disabled && !el.closest('[inert], [hidden]')
    && el.checkVisibility({visibilityProperty: true}) && el.getClientRects().length > 0);
  controls.forEach((el, i) => { el.dataset.bwControl = i; });
  return controls.map(el => describe(el));
  function describe(el) {
    return `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : ''} "${(el.getAttribute('aria-label') || el.textContent || el.value || el.getAttribute('href') || '').trim().slice(0, 40)}"`;
  }
}"""

# The focused element: which control it is, and whether the focus can be seen on it. With
# `settle`, once the page has painted what the focus set off (Material opens its search on the
# next frame).
FOCUSED = """async (settle) => {
  if (settle) await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const box = el.getClientRects()[0] || el.getBoundingClientRect();  // a link's first line
  return {
    control: el.dataset.bwControl === undefined ? null : Number(el.dataset.bwControl),
    tag: el.tagName.toLowerCase(), text: (el.textContent || el.value || '').trim().slice(0, 40),
    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
    // Seen: not transparent, and on top at its own centre (not clipped away or covered).
    seen: el.checkVisibility({opacityProperty: true, visibilityProperty: true}) && box.width > 0 && box.height > 0
      && el.contains(document.elementFromPoint(
        Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1),
        Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1))),
  };
}"""


def tab_through(page) -> tuple[list[str], list[dict]]:
    """Press Tab from the top of the page until the focus leaves it; the controls and the stops."""
    # The final state of each focus, not a frame of the theme's fades (the search's overlay
    # takes a quarter second to clear the page after the search closes).
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; animation: none !important; }")
    controls = page.evaluate(CONTROLS)
    stops = []
    for _ in range(len(controls) + 20):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED, False)
        if focused is not None and not focused["seen"]:
            focused = page.evaluate(FOCUSED, True)
        if focused is None or (stops and focused["control"] is not None and focused["control"] == stops[0]["control"]):
            break
        stops.append(focused)
    return controls, stops


@pytest.mark.parametrize("stop", PAGES, ids=lambda stop: stop.name)
def test_the_first_tab_stop_is_a_skip_link_to_the_content(visit, stop):
    page = visit(stop.url).page
    page.keyboard.press("Tab")
    link = page.locator(":focus")
    assert link.inner_text().strip() == "Ga naar inhoud"
    page.wait_for_function("getComputedStyle(document.activeElement).opacity === '1'")  # it shows itself
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"
    assert page.evaluate("!!document.activeElement.closest('.md-content')")
    page.keyboard.press("Tab")  # the next stop is in the content, past the header and the menu
    assert page.evaluate("!!document.activeElement.closest('.md-content')"), page.evaluate("document.activeElement.outerHTML")


@pytest.mark.parametrize("stop", PAGES, ids=lambda stop: stop.name)
@pytest.mark.parametrize("width", [1280, 375])
def test_every_control_is_reached_by_tab_and_shows_its_focus(visit, stop, width):
    page = visit(stop.url, width=width).page
    controls, stops = tab_through(page)
    reached = {focused["control"] for focused in stops}
    missed = [control for i, control in enumerate(controls) if i not in reached]
    assert not missed, f"/{stop.url} op {width} px: met Tab niet te bereiken:\n" + "\n".join(missed)
    unseen = [f for f in stops if not f["outline"] or not f["seen"]]
    assert not unseen, f"/{stop.url} op {width} px: focus niet zichtbaar op:\n" + "\n".join(map(str, unseen))


def test_the_menu_opens_and_closes_by_keyboard_on_a_phone(visit):
    page = visit("wijken/soesterkwartier/", width=375).page
    menu = page.get_by_role("button", name="Menu")
    assert menu.get_attribute("aria-expanded") == "false"
    drawer = page.locator(".md-sidebar--primary")  # the tabs above the page stay in view
    assert not drawer.get_by_role("link", name="Initiatieven", exact=True).first.is_visible()
    menu.focus()
    page.keyboard.press("Enter")
    assert menu.get_attribute("aria-expanded") == "true"
    assert page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')")  # the focus went in
    drawer.get_by_role("link", name="Initiatieven", exact=True).wait_for()
    page.keyboard.press("Escape")
    assert menu.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.getAttribute('role')") == "button"


@pytest.mark.parametrize("stop", PAGES, ids=lambda stop: stop.name)
def test_no_horizontal_scrolling_at_320_pixels(arrive, stop):
    page = arrive(stop, width=320).page
    width = page.evaluate("document.documentElement.scrollWidth")
    wide = page.evaluate("""() => [...document.querySelectorAll('body *')]
        .filter(el => el.getBoundingClientRect().right > 320 && el.checkVisibility())
        .slice(0, 5).map(el => el.tagName.toLowerCase() + '.' + [...el.classList].join('.'))""")
    assert width <= 320, f"/{stop.url} is {width} px breed op een scherm van 320 px; te breed: {wide}"


@pytest.mark.parametrize("stop", PAGES, ids=lambda stop: stop.name)
def test_the_page_is_dutch_and_titled(visit, stop):
    page = visit(stop.url).page
    assert page.evaluate("document.documentElement.lang") == "nl"
    assert page.title().endswith(" - Bovenwijks Amersfoort") or page.title() == "Bovenwijks Amersfoort"
