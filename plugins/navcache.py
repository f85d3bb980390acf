"""Material's navigation, rendered once for all the pages that show the same one.

Material renders the whole navigation into every page. Our wijk, item and overview pages
are outside the navigation, so for them it differs only in where its links point from the
page: every page whose links come out the same (in practice, every page at the same depth
under the same top-level folder) can share one rendering. Pages in the navigation show
their own entry as active, with their table of contents, so they are rendered as usual.
"""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url


class NavCache:
    """The `bovenwijks_nav` global of the theme (see `plugins/theme/main.html`)."""

    def __init__(self) -> None:
        self.html: dict[tuple, Markup] = {}

    def __call__(self, page: Page | None, nav: Navigation | None, base_url: str, render: Callable[[], str]) -> Markup:
        """Material's primary navigation for `page`: `render()`, or the same HTML made before."""
        if page is None or nav is None or page in nav.pages:
            return Markup(render())
        # Everything the navigation reads from the page: its links (the `url` filter
        # makes them relative to the page) and the theme's assets (`base_url`).
        key = (
            base_url,
            tuple(get_relative_url(item.url, page.url) for item in nav.pages),
            nav.homepage and get_relative_url(nav.homepage.url, page.url),
        )
        html = self.html.get(key)
        if html is None:
            html = self.html[key] = Markup(render())
        return html
