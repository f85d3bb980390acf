"""Under `mkdocs serve`: what MkDocs made of each page's Markdown in the last build, for the next.

MkDocs converts every page's Markdown on every build, with a converter of its own for each
page; after an editor's save nearly every page's Markdown is what it was. The result of
`Page.render` (the HTML, the table of contents, the title, the anchors the page has and the
links to anchors elsewhere, and what MkDocs logged about its links) is kept under a
fingerprint of everything the conversion reads: the page's Markdown and place, the
Markdown extensions and their options, the link validation, and every file of the site
with its address (links are resolved against them). When the next build's fingerprint is
the same, the page gets the kept result, and MkDocs' messages about its links are logged
again, so that `--strict` counts them as before.

Only for Markdown extensions known to read nothing but the text: one that reads files
(`pymdownx.snippets`) or is unknown here, and no page is kept.
"""

from __future__ import annotations

import copy
import hashlib
import logging
from dataclasses import dataclass

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from bovenwijks.mkdocs.linkmeldingen import LOGGER

# Python-Markdown's own extensions: each a function of the text and its options.
_MARKDOWN = frozenset(
    [
        "abbr",
        "admonition",
        "attr_list",
        "codehilite",
        "def_list",
        "extra",
        "fenced_code",
        "footnotes",
        "legacy_attrs",
        "legacy_em",
        "md_in_html",
        "meta",
        "nl2br",
        "sane_lists",
        "smarty",
        "tables",
        "toc",
        "wikilinks",
    ]
)
_PYMDOWNX = "pymdownx."
_LEEST_BESTANDEN = frozenset({"pymdownx.snippets"})  # includes other files into the text


def pure(extension: object) -> bool:
    """Whether the Markdown extension `extension` (as mkdocs.yml names it) reads only the text."""
    if not isinstance(extension, str):
        return False  # an object made in Python: its state is unknown
    name = extension.removeprefix("markdown.extensions.")
    return name in _MARKDOWN or (name.startswith(_PYMDOWNX) and name not in _LEEST_BESTANDEN)


def build_key(config: MkDocsConfig, files: Files) -> bytes | None:
    """The fingerprint of what every page's conversion reads the same; None: no page may be kept."""
    extensions = list(config.markdown_extensions)
    if not all(pure(extension) for extension in extensions):
        return None
    settings = (extensions, config.mdx_configs, config.validation, config.use_directory_urls)
    every_file = tuple((f.src_uri, f.dest_uri, f.url, f.inclusion.name) for f in files)
    return hashlib.blake2b(repr((settings, every_file)).encode(), digest_size=16).digest()


def page_key(page: Page, build: bytes) -> bytes:
    """The fingerprint of what the conversion of `page` reads. Its place is not in it: a page
    is kept by its place (`src_uri`), and its address is among the files of `build`."""
    digest = hashlib.blake2b(build, digest_size=16)
    digest.update((page.markdown or "").encode("utf-8", "surrogatepass"))
    return digest.digest()


@dataclass(frozen=True)
class _Render:
    """What `Page.render` left on a page, and what it logged."""

    key: bytes
    content: str | None
    toc: TableOfContents
    title: str | None
    anchors: frozenset[str]
    links_to_anchors: dict[str, dict[str, str]] | None  # by the src_uri of the page linked to
    records: tuple[logging.LogRecord, ...]


class _Opname(logging.Filter):
    """Keeps every record the logger gets, before its other filters judge it (see `KeptMarkdown.render`)."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def filter(self, record: logging.LogRecord) -> bool:
        self.records.append(record)
        return True


class KeptMarkdown:
    """What the last build's `Page.render` made of each page, for the next; one build's only.

    `kept` counts the pages of the current build that were not converted again.
    """

    def __init__(self) -> None:
        self._last: dict[str, _Render] = {}
        self._this: dict[str, _Render] = {}
        self._build: bytes | None = None
        self._files: Files | None = None
        self.kept = 0

    def begin(self) -> None:
        """Start a build: the last one's conversions become the ones to reuse."""
        self._last, self._this = self._this, {}
        self._files, self._build = None, None
        self.kept = 0

    def end(self) -> None:
        """Every page is converted: the last build's conversions are no longer needed."""
        self._last, self._files = {}, None

    def __len__(self) -> int:
        """How many pages this build keeps for the next."""
        return len(self._this)

    def install(self, page: Page) -> None:
        """Have MkDocs convert `page` through `render`."""
        page.render = lambda config, files: self.render(page, config, files)

    def render(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        """`page.render(config, files)`, or what it gave last time when nothing it reads changed."""
        if self._files is not files:
            # Every plugin's `on_files` has run once MkDocs converts the first page.
            self._files, self._build = files, build_key(config, files)
        if self._build is None:
            Page.render(page, config, files)
            return
        key = page_key(page, self._build)
        last = self._last.get(page.file.src_uri)
        if last is not None and last.key == key:
            self._restore(page, last, files)
            self.kept += 1
        else:
            last = self._convert(page, config, files, key)
        self._this[page.file.src_uri] = last

    def _convert(self, page: Page, config: MkDocsConfig, files: Files, key: bytes) -> _Render:
        # First among the logger's filters: what it logs is kept before our own filter
        # (linkmeldingen) leaves a message out, so that the filter judges it again next time.
        logger = logging.getLogger(LOGGER)
        opname = _Opname()
        logger.filters.insert(0, opname)
        try:
            Page.render(page, config, files)
        finally:
            logger.removeFilter(opname)
        links = page.links_to_anchors
        return _Render(
            key,
            page.content,
            copy.deepcopy(page.toc),
            page._title_from_render,
            frozenset(page.present_anchor_ids or ()),
            None if links is None else {file.src_uri: dict(anchors) for file, anchors in links.items()},
            tuple(opname.records),
        )

    @staticmethod
    def _restore(page: Page, kept: _Render, files: Files) -> None:
        page.content = kept.content
        page.toc = copy.deepcopy(kept.toc)  # plugins may change a page's toc in place
        page._title_from_render = kept.title
        page.present_anchor_ids = set(kept.anchors)
        if kept.links_to_anchors is not None:
            page.links_to_anchors = {files.get_file_from_path(uri): dict(anchors) for uri, anchors in kept.links_to_anchors.items()}
        for record in kept.records:
            logging.getLogger(record.name).handle(record)
