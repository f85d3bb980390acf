"""Share images for pages without a photo: a wijk's or the city's name on the city's colours.

When a resident shares a page in a WhatsApp group, the preview shows a picture. A page
without a photo of its own (or of its initiatief or wijk) shows one of these: a few for the
whole city, not one per page, made once and cached by what they show. The font ships in a
Python package (Source Sans Pro, SIL Open Font License), so the build fetches nothing.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import font_source_sans_pro
from PIL import Image, ImageColor, ImageDraw, ImageFont

from bovenwijks.publish.fotos import FOLDER, SHARE_SIZE, CacheError
from bovenwijks.site.fotos import Rendition
from bovenwijks.slug import slugify

VERSION = "1"  # change it when the cards would come out differently
_BOLD = font_source_sans_pro.font_files_ttf["SourceSansProBold"]
_REGULAR = font_source_sans_pro.font_files_ttf["SourceSansProSemibold"]
_MARGIN = 88
_LARGEST, _SMALLEST = 112, 64  # the name's size in pixels: as large as fits on two lines


@dataclass(frozen=True)
class Kleuren:
    """The city's colours: the background of its cards and the text on it."""

    achtergrond: str = "#4051b5"  # Material's indigo, the demo city's
    tekst: str = "#ffffff"

    @classmethod
    def op(cls, achtergrond: str) -> Kleuren:
        """The colours of cards on `achtergrond`: white text or black, whichever reads better.

        Raises ValueError when `achtergrond` is no colour.
        """
        light = _luminance(achtergrond)
        # White wins where its contrast (1.05 / (L + .05)) beats black's ((L + .05) / .05).
        return cls(achtergrond, "#ffffff" if 1.05 / (light + 0.05) >= (light + 0.05) / 0.05 else "#000000")


def _luminance(colour: str) -> float:
    """The relative luminance of `colour`, as WCAG 2 defines it for contrast."""
    channels = [c / 255 for c in ImageColor.getrgb(colour)[:3]]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _lines(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """`text` broken into lines no wider than `width`, at spaces."""
    lines: list[str] = []
    for word in text.split():
        line = f"{lines[-1]} {word}" if lines else word
        if lines and draw.textlength(line, font=font) <= width:
            lines[-1] = line
        else:
            lines.append(word)
    return lines


def _fitted(draw: ImageDraw.ImageDraw, text: str, width: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest font at which `text` fits `width` on at most two lines (or the smallest)."""
    for size in range(_LARGEST, _SMALLEST - 1, -4):
        font = ImageFont.truetype(_BOLD, size)
        lines = _lines(draw, text, font, width)
        if len(lines) <= 2 and all(draw.textlength(line, font=font) <= width for line in lines):
            return font, lines
    return font, lines[:3]


def draw(naam: str, onder: str, kleuren: Kleuren) -> bytes:
    """The PNG of a share card: `naam` large, `onder` (the site's name) below it."""
    width, height = SHARE_SIZE
    image = Image.new("RGB", SHARE_SIZE, kleuren.achtergrond)
    pen = ImageDraw.Draw(image)
    text = ImageColor.getrgb(kleuren.tekst)
    back = ImageColor.getrgb(kleuren.achtergrond)
    # A row of houses along the bottom, in the text's colour at a fifth: a neighbourhood,
    # without competing with the name.
    roofs = tuple(round(b + (t - b) * 0.2) for b, t in zip(back, text, strict=True))
    x = 0
    for number in range(14):
        house = 40 + (number * 37) % 50
        top = height - 30 - house
        pen.rectangle((x, top, x + 80, height), fill=roofs)
        pen.polygon([(x - 6, top), (x + 40, top - 30 - (number % 3) * 6), (x + 86, top)], fill=roofs)
        x += 88
    font, lines = _fitted(pen, naam, width - 2 * _MARGIN)
    y = 120
    for line in lines:
        pen.text((_MARGIN, y), line, font=font, fill=text)
        y += round(font.size * 1.1)
    pen.rectangle((_MARGIN, y + 18, _MARGIN + 120, y + 26), fill=text)
    pen.text((_MARGIN, y + 48), onder, font=ImageFont.truetype(_REGULAR, 44), fill=text)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


class Deelkaarten:
    """The share cards of one build, made once (or found in the cache) each.

    `cache` is the folder that keeps them between builds.
    """

    def __init__(self, cache: Path, kleuren: Kleuren):
        self.cache, self.kleuren = cache, kleuren
        self.published: dict[str, Path] = {}  # address in the site → the file to copy there
        self._made: dict[tuple[str, str], Rendition] = {}

    def kaart(self, naam: str, onder: str) -> Rendition:
        """The share card of `naam` (a wijk, the city), with `onder` beneath it."""
        made = self._made.get((naam, onder))
        if made is not None:
            return made
        what = json.dumps([VERSION, naam, onder, self.kleuren.achtergrond, self.kleuren.tekst]).encode()
        key = hashlib.sha256(what).hexdigest()
        file = self.cache / FOLDER / "kaarten" / f"{key}.png"
        if not file.is_file():
            try:
                file.parent.mkdir(parents=True, exist_ok=True)
                # A name of its own, moved in whole: a build beside this one may write it too.
                handle, part = tempfile.mkstemp(prefix=".bezig-", dir=file.parent)
                with os.fdopen(handle, "wb") as out:
                    out.write(draw(naam, onder, self.kleuren))
                os.replace(part, file)
            except OSError as error:
                raise CacheError(self.cache, error) from None
        url = f"{FOLDER}/{slugify(naam) or 'kaart'}-{key[:12]}.png"
        self.published[url] = file
        made = self._made[(naam, onder)] = Rendition(url, *SHARE_SIZE, "image/png", file.stat().st_size)
        return made
