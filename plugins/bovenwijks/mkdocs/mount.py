"""Mounting the domain's `SitePage`s into a MkDocs build: the one place our plugins share.

Every bovenwijks plugin produces its pages in the domain and hands them here, so that the
MkDocs-specific parts (virtual files, edit links, escaped titles) live in one module.
"""

from __future__ import annotations

import re
from html import escape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents, get_toc

from bovenwijks.site import searchable
from bovenwijks.site.pages import SitePage

_SECTION = re.compile(r'<h2\b[^>]*?\bid="([^"]+)"[^>]*>(.*?)</h2>', re.S)
_PERMALINK = re.compile(r'<a class="headerlink".*?</a>', re.S)
_TAG = re.compile(r"<[^>]+>")


def section_toc(html: str) -> TableOfContents:
    """The h2 sections of a page we composed, for the theme's table of contents.

    MkDocs builds the table of contents from the Markdown alone, so the sections our
    templates add (and those other plugins append) would be missing from it.
    """
    return get_toc(
        [
            {"level": 2, "id": ident, "name": _TAG.sub("", _PERMALINK.sub("", title)).strip(), "children": []}
            for ident, title in _SECTION.findall(html)
        ]
    )


class MountedPages:
    """The domain pages a plugin mounted, found again by the MkDocs page they became."""

    def __init__(self) -> None:
        self.by_uri: dict[str, SitePage] = {}

    def mount(self, pages: list[SitePage], files: Files, config: MkDocsConfig) -> None:
        """Add `pages` to `files` as generated files; a page replaces a file at its place."""
        for site_page in pages:
            existing = files.get_file_from_path(site_page.src_uri)
            if existing is not None:
                files.remove(existing)
            # Our pages are reached from overviews, not from the navigation, which must stay
            # small: Material renders the whole nav tree into every page.
            file = File.generated(config, site_page.src_uri, content=site_page.markdown, inclusion=InclusionLevel.NOT_IN_NAV)
            file.edit_uri = site_page.source
            files.append(file)
            self.by_uri[site_page.src_uri] = site_page

    def get(self, page: Page) -> SitePage | None:
        """The domain page behind `page`, if this plugin mounted it."""
        return self.by_uri.get(page.file.src_uri)

    def on_page_markdown(self, page: Page) -> None:
        """Give MkDocs and the theme the title and description, escaped: they print them raw."""
        site_page = self.get(page)
        if site_page is None:
            return
        page.meta["title"] = escape(site_page.title)
        if site_page.description:
            page.meta["description"] = escape(site_page.description)
        if site_page.feeds:
            page.meta["bovenwijks_feeds"] = site_page.feeds
        # Both are read by Material's search plugin.
        if not site_page.search:
            page.meta["search"] = {"exclude": True}
        elif site_page.boost != 1.0:
            page.meta["search"] = {"boost": site_page.boost}

    def on_page_content(self, html: str, page: Page) -> str:
        """The page's content: the domain wraps the HTML MkDocs made of its Markdown.

        What the search should not read waits in the page's meta until `restore`.
        """
        site_page = self.get(page)
        return html if site_page is None else defer(site_page.render(html), page)


_LATER = "bovenwijks_later"


def defer(html: str, page: Page) -> str:
    """`html` without the parts the search skips (see `domain.searchable`); kept on `page`."""
    html, parts = searchable.split(html)
    if parts:
        page.meta[_LATER] = parts
    return html


def restore(page: Page) -> None:
    """Put back what `defer` kept, once the search has read the page."""
    parts = page.meta.pop(_LATER, None)
    if parts:
        page.content = searchable.join(page.content or "", parts)
