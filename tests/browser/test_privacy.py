"""A resident's visit goes to no third party: no request to another host, and no cookie."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from harness import PAGES, serve

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("stop", PAGES, ids=lambda stop: stop.name)
def test_the_browser_asks_only_the_site_itself(arrive, demo_url, stop):
    visited = arrive(stop, until="networkidle")
    own = urlsplit(demo_url).netloc
    assert visited.requests, "the request log is empty: nothing was recorded"
    elsewhere = sorted({url for url in visited.requests if urlsplit(url).netloc != own and not url.startswith(("data:", "blob:"))})
    assert not elsewhere, f"/{stop.url} vraagt andere sites om:\n" + "\n".join(elsewhere)
    if stop.zoek:  # the search index is fetched by a web worker: its request is in the log too
        assert any(urlsplit(url).path.endswith("/search/search_index.json") for url in visited.requests), visited.requests


@pytest.mark.parametrize("stop", PAGES, ids=lambda stop: stop.name)
def test_no_cookie_is_set(arrive, stop):
    visited = arrive(stop, until="networkidle")
    assert visited.context.cookies() == []
    assert visited.page.evaluate("document.cookie") == ""


def test_the_request_log_sees_another_host(open_site, tmp_path):
    # The assertion above is only worth something if a request elsewhere would be seen.
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="nl"><title>t</title><img src="http://192.0.2.1/pixel.gif" alt="">', encoding="utf-8"
    )

    with serve(tmp_path) as url:
        visited = open_site(url, "", until="networkidle")
    assert "http://192.0.2.1/pixel.gif" in visited.requests
