"""Photos on the pages: the copies a photo has, and the `<picture>` that offers them.

A photo is never shown as uploaded: `bovenwijks.publish.fotos` makes its copies (several
widths in a modern format, one fallback, one share image) and describes them as a `Foto`.
The browser picks the copy that fits its screen from `srcset` and `sizes`; `width` and
`height` keep the page from jumping while it loads.
"""

from __future__ import annotations

import html
import posixpath
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass

from markupsafe import Markup, escape

from bovenwijks.content.afbeelding import target
from bovenwijks.content.tekst import HTML_IMAGE, attributes
from bovenwijks.model import Afbeelding


@dataclass(frozen=True)
class Rendition:
    """One copy of a photo: its address (relative to the site root), size in pixels and bytes."""

    url: str
    width: int
    height: int
    media_type: str
    size: int


@dataclass(frozen=True)
class Foto:
    """The copies of one photo, for pages, feeds and share previews."""

    renditions: tuple[Rendition, ...]  # in the modern format, narrowest first
    fallback: Rendition  # JPEG (PNG when the photo is transparent), for every browser and feed reader
    share: Rendition  # 1200 × 630 JPEG: what WhatsApp and Facebook show beside a shared link

    @property
    def largest(self) -> Rendition:
        """The widest copy: its width and height are the photo's proportions."""
        return self.renditions[-1]


# What a photo takes of the screen's width (`sizes`), by where it stands: the browser picks
# the copy before the layout is known. At the top of a page it is the content's width (at
# most 42rem, bovenwijks.css); on a card, a small square.
# In `sizes`, a rem is the browser's 16 pixels, not Material's (125 %, and 150 % on wide
# screens): 42rem of content is 52.5 of these rems, then 63.
SIZES = {
    "pagina": "(min-width: 100em) 63rem, (min-width: 56em) 52.5rem, 100vw",
    "kaart": "8.25rem",
}

# The photos of this build: `bestand` (a repository path) → its copies, or None when it has
# none (it could not be read). Set by the engine's adapter once per build.
_LOOKUP: ContextVar[Callable[[str], Foto | None]] = ContextVar("fotos", default=lambda bestand: None)


def use(lookup: Callable[[str], Foto | None]) -> None:
    """Make `lookup` the photos of the pages rendered from now on, in this thread."""
    _LOOKUP.set(lookup)


def foto(afbeelding: Afbeelding | None) -> Foto | None:
    """The copies of an editor's photo, if it has any."""
    return _LOOKUP.get()(afbeelding.bestand) if afbeelding else None


def picture(
    foto: Foto,
    alt: str,
    *,
    link: Callable[[str], str],
    sizes: str,
    eager: bool = False,
    attributes: str = "",
) -> Markup:
    """The `<picture>` of `foto`, its addresses made by `link` (site root → this page).

    `alt` is plain text. The first photo of a page (`eager`) loads at once, with priority:
    it is what residents see first. Every other one loads when it scrolls near.
    """
    srcset = ", ".join(f"{link(r.url)} {r.width}w" for r in foto.renditions)
    loading = 'loading="eager" fetchpriority="high"' if eager else 'loading="lazy"'
    return Markup(
        f'<picture><source type="{foto.largest.media_type}" srcset="{srcset}" sizes="{sizes}">'
        f'<img src="{link(foto.fallback.url)}" alt="{escape(alt)}" width="{foto.largest.width}" height="{foto.largest.height}" '
        f'{loading} decoding="async"{attributes}></picture>'
    )


def plain_image(foto: Foto, alt: str, *, link: Callable[[str], str]) -> Markup:
    """One `<img>` of the fallback copy: for feeds and mail, which handle nothing more."""
    r = foto.fallback
    return Markup(f'<img src="{link(r.url)}" alt="{escape(alt)}" width="{r.width}" height="{r.height}">')


_KEPT = ("class", "title", "id")  # what an editor may add (`attr_list`) that the picture keeps


# Why an image in an editor's text is left out of the page (`in_html`).
ZONDER_ALT = "zonder-alt"  # an editor's photo without a description
ELDERS = "elders"  # from another host: a resident's browser calls no other host
INGEBED = "ingebed"  # a `data:` image, with whatever metadata it carries


def _reason(src: str, found: Foto | None, alt: str) -> str | None:
    """Why the image at `src` must not be on the page, or None."""
    if src.startswith("//") or "://" in src:
        return ELDERS
    if src.startswith("data:image/") and not src.startswith("data:image/svg"):
        return INGEBED
    if found is not None and not alt.strip():
        return ZONDER_ALT
    return None


def in_html(
    html_text: str,
    page_url: str,
    lookup: Callable[[str], Foto | None],
    link: Callable[[str], str],
    *,
    plain: bool = False,
    first: bool = True,
    left_out: Callable[[str, str], None] = lambda src, reason: None,
) -> str:
    """`html_text` with every `<img>` of an editor's photo replaced by its `<picture>`.

    `lookup` finds a photo by its address relative to the site root, where the engine placed
    the original (which is not published); `page_url` is the page's own (`wijken/oost/`).
    `plain` gives a single `<img>` of the fallback instead, for feed readers, which show
    neither `srcset` nor `<picture>` reliably. Other images are left as they are, except
    what must not be on the page at all: each of those goes, and `left_out(src, reason)`
    hears of it. The page's first image loads at once (unless `first` is False: the page
    shows a photo above this HTML); the rest load lazily.
    """
    seen_image = not first
    parts: list[str] = []
    last = 0
    for match in HTML_IMAGE.finditer(html_text):
        values = attributes(match.group(0))
        src = html.unescape(values.get("src", ""))
        alt = html.unescape(values.get("alt", ""))
        found = None
        if src and "://" not in src and not src.startswith(("data:", "/", "#")):
            # MkDocs makes a Markdown image's address relative to the page; an editor's raw
            # HTML keeps the one they wrote, relative to their file's folder.
            found = lookup(posixpath.normpath(posixpath.join(page_url, target(src)))) or lookup(
                posixpath.normpath(posixpath.join(posixpath.dirname(page_url.rstrip("/")), target(src)))
            )
        reason = _reason(src, found, alt)
        if reason is not None:
            left_out(src, reason)
            parts.append(html_text[last : match.start()])
            last = match.end()
            continue
        if found is not None:
            kept = "".join(f' {name}="{escape(html.unescape(values[name]))}"' for name in _KEPT if values.get(name))
            parts.append(html_text[last : match.start()])
            parts.append(
                plain_image(found, alt, link=link)
                if plain
                else picture(
                    found,
                    alt,
                    link=link,
                    sizes=SIZES["pagina"],
                    eager=not seen_image,
                    attributes=kept,
                )
            )
            last = match.end()
        seen_image = True
    if not parts:
        return html_text
    parts.append(html_text[last:])
    return "".join(parts)
