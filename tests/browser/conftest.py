"""Fixtures of the browser tests: the demo site, built once per session and served on 127.0.0.1.

`visit(url)` opens a page of it in a fresh browser context (no cookies, no cache) and records
every request the page makes, so that each test can say what a resident's browser did.
In CI (`CI=true`) a missing browser or tool fails the run; elsewhere the test is skipped with
the reason.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest
from harness import Build, Stop, build_demo, launch, missing_browser, search, serve


def unavailable(reason: str) -> None:
    """Skip for `reason`, except in CI, where what the tests need must be there."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (in CI is dat een fout: .ci/run hoort het te installeren)", pytrace=False)
    pytest.skip(reason)


@dataclass
class Visit:
    """A page as a resident's browser loaded it, and every URL it requested."""

    page: object  # playwright.sync_api.Page
    context: object  # playwright.sync_api.BrowserContext
    requests: list[str] = field(default_factory=list)


@pytest.fixture(scope="session")
def demo(tmp_path_factory) -> Iterator[Build]:
    """The demo city, built for the fixed build date, and served from 127.0.0.1 for the session."""
    site = tmp_path_factory.mktemp("demo")
    # Served first, so that it is built for the address it is served at, as when published.
    with serve(site) as url:
        yield build_demo(site, url)


@pytest.fixture(scope="session")
def demo_url(demo: Build) -> str:
    """The base URL the demo site is served at (`http://127.0.0.1:PORT/`)."""
    return demo.url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium, headless, driven by Playwright."""
    reason = missing_browser()
    if reason:
        unavailable(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def open_site(browser) -> Iterator[Callable[..., Visit]]:
    """`open_site(base_url, url, width=1280)`: load a page of any served site, recording requests.

    `until="networkidle"` waits until the page has made every request it makes by itself (half
    a second without any); the default waits for the page and its scripts to have loaded.
    """
    contexts = []

    def open_page(base_url: str, url: str, width: int = 1280, height: int = 800, until: str = "load") -> Visit:
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        visit = Visit(page=None, context=context)
        # On the context, not the page: the search runs in a web worker, whose requests count too.
        context.on("request", lambda request: visit.requests.append(request.url))
        visit.page = context.new_page()
        response = visit.page.goto(base_url + url, wait_until=until)
        assert response is not None and response.ok, f"/{url} laadt niet: HTTP {response.status if response else '-'}"
        return visit

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def visit(open_site, demo_url) -> Callable[..., Visit]:
    """`visit(url, width=1280)`: load a page of the demo site (`wijken/soesterkwartier/`)."""
    return lambda url, **options: open_site(demo_url, url, **options)


@pytest.fixture
def arrive(visit) -> Callable[..., Visit]:
    """`arrive(stop, width=1280)`: load a `Stop` of the demo site, and search there if it says so."""

    def arrive_at(stop: Stop, **options) -> Visit:
        arrived = visit(stop.url, **options)
        if stop.zoek:
            search(arrived.page, stop.zoek)
        return arrived

    return arrive_at
