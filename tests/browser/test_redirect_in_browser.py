"""An old address in a real browser: the redirect page takes the resident to the page's new
address, also when the site is served under a sub-path (as on GitHub Pages)."""

from __future__ import annotations

import shutil

import pytest
from harness import serve
from test_doorverwijzing_build import VERHUISD, renamed_city

pytestmark = [pytest.mark.browser, pytest.mark.skipif(shutil.which("git") is None, reason="git ontbreekt")]


def test_an_old_address_ends_at_the_new_page(city, open_site):
    result = renamed_city(city).build()
    assert result.error is None, result.warnings
    with serve(city.root) as url:
        base = url + result.site.name + "/"  # the site under a sub-path of the host
        for old, new in VERHUISD.items():
            visit = open_site(base, old)
            visit.page.wait_for_url(base + new)
            assert visit.page.locator("article h1").first.is_visible()
            assert all(request.startswith(url) for request in visit.requests), visit.requests
