"""Under `mkdocs serve`: each page's HTML as the last build's theme rendered it, for the next.

Material renders its whole frame around every page, about a fifth of a build; after an
editor's save most pages come out the same. A page's HTML is kept under a fingerprint of
everything the theme reads when it renders it: the page's content, title, meta, table of
contents and links (taken after every plugin's `on_page_context`), the navigation, the
configuration and every template file. When the next build's fingerprint of the page is
the same, the theme prints the kept HTML instead of rendering it again (`main.html` then
extends `bovenwijks-kept.html`). Anything else in the template context (a plugin's own
variable) and the page is rendered as usual.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents
from mkdocs.utils import get_theme_dir

# Where the theme finds the kept HTML: bovenwijks/mkdocs/theme/main.html.
CONTEXT = "bovenwijks_kept"

# What MkDocs puts in every page's context (`mkdocs.commands.build.get_context`), and how
# the fingerprint covers it. `build_date_utc` differs on every build; Material does not
# print it, and a template that does is never kept (see `_templates`).
_GLOBAL = {"nav", "pages", "config", "mkdocs_version", "build_date_utc"}  # the build's key
_OWN = {"page", "base_url", "extra_css", "extra_javascript"}  # the page's key
_ASSETS = "assets"  # style sheets and scripts: the pages link them, and print none of them
_ICONS = ".icons"  # the installed theme's thousands of icons (see `_templates`)


def _toc(toc: TableOfContents | list) -> tuple:
    return tuple((item.title, item.url, item.level, _toc(item.children)) for item in toc)


def _link(item) -> tuple | None:
    return None if item is None else (item.title, getattr(item, "url", None))


def _nav(items) -> tuple:
    # Material prints other pages' front matter in the navigation and tabs (`icon`,
    # `subtitle`, `status`) and tells index pages apart: their meta and `is_index` count.
    return tuple(
        (
            type(item).__name__,
            item.title,
            getattr(item, "url", None),
            getattr(item, "is_index", None),
            repr(getattr(item, "meta", None)),
            _nav(item.children or ()),
        )
        for item in items
    )


def nav_key(nav: Navigation) -> bytes:
    """The fingerprint of the navigation, the same for every page of a build."""
    return hashlib.blake2b(repr(_nav(nav.items)).encode(), digest_size=16).digest()


def _templates(dirs: list[str], installed: str | None = None) -> bytes | None:
    """The digest of every template file of the theme; None when one prints the build's time.

    The icons of the `installed` theme's own folder (`.icons/`, thousands of files) are left
    out: they change with an upgrade of Material, for which serve is started again, and
    walking them took a quarter of a second on every build. A city's own icons (in its
    `custom_dir`) count, as every template does.
    """
    digest = hashlib.blake2b(digest_size=16)
    theme = Path(installed).resolve() if installed is not None else None
    for folder in dirs:
        skipped = {_ASSETS, _ICONS} if Path(folder).resolve() == theme else {_ASSETS}
        for parent, subfolders, names in os.walk(folder):
            subfolders[:] = sorted(name for name in subfolders if name not in skipped)
            for name in sorted(names):
                if not name.endswith((".html", ".xml", ".svg")):
                    continue
                path = os.path.join(parent, name)
                with open(path, "rb") as file:
                    data = file.read()
                if b"build_date_utc" in data:
                    return None
                digest.update(path.encode() + b"\0" + data + b"\0")
    return digest.digest()


def build_key(config: MkDocsConfig) -> bytes | None:
    """The fingerprint of what every page's theme reads the same: the configuration (every
    plugin's options too) and the template files. None: no page may be kept in this build."""
    installed = get_theme_dir(config.theme.name) if config.theme.name else None
    templates = _templates(list(config.theme.dirs), installed)
    if templates is None:
        return None
    settings = [(key, value) for key, value in config.items() if key != "plugins"]
    settings.append(("theme", (config.theme.name, dict(config.theme.items()), list(config.theme.dirs))))
    settings.append(("plugins", [(name, dict(plugin.config)) for name, plugin in config.plugins.items()]))
    return hashlib.blake2b(repr(settings).encode() + templates, digest_size=16).digest()


def page_key(page: Page, context: dict, build: bytes, nav: bytes) -> bytes | None:
    """The fingerprint of what the theme reads of `page`; None when the context holds more than MkDocs puts there."""
    if context.keys() - _GLOBAL - _OWN:
        return None
    own = (
        page.url,
        page.file.src_uri,
        page.title,
        page.canonical_url,
        page.abs_url,
        page.edit_url,
        page.is_homepage,
        repr(page.meta),
        _toc(page.toc),
        _link(page.previous_page),
        _link(page.next_page),
        _link(page.parent),
        tuple(_link(ancestor) for ancestor in page.ancestors),
        context.get("base_url"),
        tuple(context.get("extra_css", ())),
        tuple(str(script) for script in context.get("extra_javascript", ())),
    )
    # The navigation is digested once per build (`nav_key`): its text is the same for every
    # page, and printing it into each page's fingerprint took a tenth of a rebuild.
    digest = hashlib.blake2b(build + nav, digest_size=16)
    digest.update(repr(own).encode())
    digest.update((page.content or "").encode("utf-8", "surrogatepass"))
    return digest.digest()


class KeptPages:
    """The HTML of the last build's pages, by page, with the fingerprint it was rendered for.

    One build's pages are kept for the next only: a page the next build does not have is
    forgotten. `kept` counts the pages the current build took from the last.
    """

    def __init__(self) -> None:
        self._last: dict[str, tuple[bytes, str]] = {}
        self._this: dict[str, tuple[bytes, str]] = {}
        self._keys: dict[str, bytes] = {}
        self._build: bytes | None = None
        self._nav: tuple[Navigation | None, bytes] = (None, b"")
        self.kept = 0

    def begin(self, config: MkDocsConfig) -> None:
        """Start a build: the last one's pages become the ones to reuse."""
        self._last, self._this, self._keys = self._this, {}, {}
        self._build = build_key(config)
        self._nav = (None, b"")
        self.kept = 0

    def context(self, context: dict, page: Page, nav: Navigation) -> dict:
        """`context` with the kept HTML of `page` in it, when its fingerprint is the last build's."""
        if self._build is None:
            return context
        if self._nav[0] is not nav:
            self._nav = (nav, nav_key(nav))
        key = page_key(page, context, self._build, self._nav[1])
        if key is None:
            return context
        self._keys[page.file.src_uri] = key
        last = self._last.get(page.file.src_uri)
        if last is not None and last[0] == key:
            context[CONTEXT] = Markup(last[1])
            self.kept += 1
        return context

    def end(self) -> None:
        """The build is written: the last one's pages are no longer needed."""
        self._last, self._nav = {}, (None, b"")

    def __len__(self) -> int:
        """How many pages this build keeps for the next."""
        return len(self._this)

    def keep(self, output: str, page: Page) -> None:
        """Keep what the theme made of `page`, for the next build."""
        key = self._keys.pop(page.file.src_uri, None)
        if key is not None:
            self._this[page.file.src_uri] = (key, output)
