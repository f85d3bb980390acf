"""A page of the site as the domain describes it, for any static site engine to mount.

The engine renders `markdown` to HTML (the editor's body, with the engine's Markdown
extensions), then `render` wraps that HTML into the page residents see.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from bovenwijks.model import Afbeelding


@dataclass
class SitePage:
    """One page: where it lives, what it is made of, and the file to edit it in."""

    src_uri: str  # `wijken/soesterkwartier/index.md`: the page's place in the site
    title: str  # plain text; the engine escapes it
    render: Callable[[str], str]  # the engine's HTML of `markdown` → the page's content
    markdown: str = ""
    source: str | None = None  # the repository file an editor changes, for "Bewerk deze pagina"
    description: str | None = None
    feeds: list[tuple[str, str, str]] = field(default_factory=list)  # (title, url, media type)
    # Later pages of a listing only repeat items that the search finds on their own pages;
    # leaving them out keeps results pointing at the items, and the index (and build) small.
    search: bool = True
    # How the search ranks this page against others (1 is normal): what helps residents
    # (help, initiatieven, activiteiten) above what organisers ask each other.
    boost: float = 1.0
    # The photo at the top of the page: it loads first.
    afbeelding: Afbeelding | None = None
    # What a shared link to this page shows: the first of these photos that has copies (its
    # own, its initiatief's, its wijk's), or else the share card of the wijk named `wijk`, or
    # of the city. `article` for a page about one thing (an item), not a list.
    beelden: tuple[Afbeelding, ...] = ()
    wijk: str | None = None
    article: bool = False

    @property
    def url(self) -> str:
        """The page's URL relative to the site root: `wijken/soesterkwartier/`."""
        stem = self.src_uri.removesuffix(".md")
        if stem == "index":
            return ""
        return stem.removesuffix("/index").removesuffix("index") + "/"
