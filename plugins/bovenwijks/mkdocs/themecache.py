"""Parts of Material's pages rendered once for all the pages that show the same HTML.

Material renders its whole frame (navigation, search form, configuration) into every page,
though on our thousands of wijk, item and overview pages most of it comes out the same. Each
part is cached under everything it reads from the page, so a page gets exactly the HTML
Material would have made for it. Without our plugins, the theme renders them as usual.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable

from markupsafe import Markup
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

_TITLE = "\0"  # where a page's title goes in a part rendered for many pages


class ThemeCache:
    """The `bovenwijks_cache` global of the theme (see `bovenwijks/mkdocs/theme/`)."""

    def __init__(self) -> None:
        self.html: dict[Hashable, Markup] = {}

    def _get(self, key: Hashable, render: Callable[[], str]) -> Markup:
        html = self.html.get(key)
        if html is None:
            html = self.html[key] = Markup(render())
        return html

    def nav(self, page: Page | None, nav: Navigation | None, base_url: str, render: Callable[[], str], name: str = "nav") -> Markup:
        """Material's primary navigation (or, `name` "tabs", its tabs) for `page`: `render()`, or the same HTML made before.

        Either differs from page to page only in where its links point from the page (in
        practice, by depth and top-level folder), except on the pages in the navigation:
        they show their own entry (and its tab) as active, the menu with their table of contents.
        """
        if page is None or nav is None or page in nav.pages:
            return Markup(render())
        # Everything the navigation reads from the page: its links (the `url` filter
        # makes them relative to the page) and the theme's assets (`base_url`).
        key = (
            name,
            base_url,
            tuple(get_relative_url(item.url, page.url) for item in nav.pages),
            nav.homepage and get_relative_url(nav.homepage.url, page.url),
        )
        return self._get(key, render)

    def placed(self, name: str, page: Page | None, base_url: str, targets: Iterable[object], caller: Callable[[], str]) -> Markup:
        """A part that reads from the page only the way to the theme's assets (`assets/...`)
        and to `targets` (site paths such as `toegankelijkheid/`, or `extra_javascript`).

        Used as `{% call %}` around a block's `super()`: Jinja passes the block as `caller`.
        """
        if page is None or page.url.startswith("assets/"):
            return Markup(caller())
        paths = ("assets/", *(str(target) for target in targets))
        place = tuple(path if "://" in path else get_relative_url(path, page.url) for path in paths)
        return self._get((name, base_url, place), caller)

    def titled(
        self, name: str, page: Page | None, nav: Navigation | None, base_url: str, title: object, render: Callable[[object], str]
    ) -> Markup:
        """A part that reads from the page its title and the link to the home page (the header).

        Rendered once per place with a marker for the title, which each page's title
        replaces: Material prints titles as they are (MkDocs' theme does not escape), and so
        does this. A title that holds the marker itself is rendered as usual.
        """
        text = str(title)
        if page is None or nav is None or nav.homepage is None or _TITLE in text or page.url.startswith("assets/"):
            return Markup(render(title))
        key = (name, base_url, get_relative_url(nav.homepage.url, page.url))
        return Markup(str.replace(self._get(key, lambda: render(_TITLE)), _TITLE, text))

    def once(self, name: str, render: Callable[[], str]) -> Markup:
        """A part that reads nothing from the page (the search form): the same everywhere."""
        return self._get((name,), render)
