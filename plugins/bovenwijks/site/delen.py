"""What a page shows when residents share it: Open Graph and Twitter card tags.

WhatsApp, Facebook, Signal and most apps read Open Graph (`og:`) tags for the preview of a
shared link: a title, a line of text and a picture. Every address in them is absolute: the
app fetches them without the page around.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass

from bovenwijks.dates import LOCALE
from bovenwijks.model import Afbeelding
from bovenwijks.site.fotos import Foto, Rendition, foto


@dataclass(frozen=True)
class Deelbeeld:
    """The picture of a shared page: a copy of a photo or a share card, and what it shows."""

    rendition: Rendition
    alt: str


def uit_fotos(afbeeldingen: Iterable[Afbeelding | None]) -> Deelbeeld | None:
    """The share image of the first of `afbeeldingen` that has copies (its own, its initiatief's, its wijk's)."""
    for afbeelding in afbeeldingen:
        found: Foto | None = foto(afbeelding)
        if found is not None and afbeelding is not None:
            return Deelbeeld(found.share, afbeelding.alt)
    return None


def tags(
    *,
    title: str,
    description: str | None,
    url: str,
    site_name: str,
    site_url: str,
    beeld: Deelbeeld,
    article: bool,
) -> list[tuple[str, str, str]]:
    """The `<meta>` tags of a page as (attribute, name, content), its content plain text.

    `url` and the picture's address are relative to the site root; `site_url` (ending in
    `/`) makes them absolute. `title` may come escaped from the engine: it is read as text.
    """
    text = html.unescape(str(title))
    found = [
        ("property", "og:type", "article" if article else "website"),
        ("property", "og:site_name", site_name),
        ("property", "og:locale", LOCALE),
        ("property", "og:title", text),
        ("property", "og:url", site_url + url),
    ]
    if description:
        found.append(("property", "og:description", html.unescape(str(description))))
    image = beeld.rendition
    found += [
        ("property", "og:image", site_url + image.url),
        ("property", "og:image:type", image.media_type),
        ("property", "og:image:width", str(image.width)),
        ("property", "og:image:height", str(image.height)),
        ("property", "og:image:alt", beeld.alt),
        ("name", "twitter:card", "summary_large_image"),
    ]
    return found
