"""The posters of the agenda as PDF files (WeasyPrint), cached by what they hold.

WeasyPrint takes a good part of a second for each poster, and a city has a poster for every
wijk. A poster's PDF is kept in the cache folder under the SHA-256 of its HTML, of this
module's `VERSION` and of WeasyPrint's version: the HTML holds everything the poster shows
(the days, every time, the QR code, the fonts' files), so a wijk whose agenda did not change
is not made again, and a new WeasyPrint makes every poster anew.

The same HTML makes the same bytes: the PDF's dates come from the poster's own day
(`dcterms.created` in its HTML), and it gets no random identifier. WeasyPrint fetches only
`file:` URLs (the fonts); any other address stops it, so a poster never loads from another host.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

import weasyprint
from PIL import ImageFile
from weasyprint.urls import FatalURLFetchingError, URLFetcher

from bovenwijks.publish.fotos import CacheError, place
from bovenwijks.site.affiche import Affiche

# Importing WeasyPrint sets Pillow's LOAD_TRUNCATED_IMAGES for the whole process: a photo that
# stopped halfway in its upload would then be published half grey, instead of reported
# (`publish.fotos`). A poster has no photos: Pillow's own default again.
ImageFile.LOAD_TRUNCATED_IMAGES = False

# Change it whenever the same HTML would make another PDF: every cached poster is made again.
VERSION = "1"
FOLDER = "affiches"  # in the cache folder


class Alleenbestanden(URLFetcher):
    """A fetcher of `file:` URLs only: the build never touches the network."""

    def fetch(self, url, headers=None):
        """The file at `url`; raises FatalURLFetchingError (which stops WeasyPrint) for any other URL."""
        if not url.lower().startswith("file:"):
            raise FatalURLFetchingError(f"een affiche laadt niets van buiten de site: {url}")
        return super().fetch(url, headers)


def pdf(html: str) -> bytes:
    """The PDF that WeasyPrint makes of the poster `html`: tagged, so a screen reader can read it."""
    return weasyprint.HTML(string=html, url_fetcher=Alleenbestanden()).write_pdf(pdf_identifier=False, pdf_tags=True)


def sleutel(html: str) -> str:
    """The cache key of the poster `html`: its text, this module's VERSION and WeasyPrint's."""
    return hashlib.sha256(f"{VERSION}\n{weasyprint.__version__}\n{html}".encode()).hexdigest()


class Affichebank:
    """The posters of a build: each made once, or found in `cache` (the build's cache folder)."""

    def __init__(self, cache: Path):
        self.cache = cache

    def bestand(self, affiche: Affiche) -> Path:
        """The PDF of `affiche` in the cache, made now when it is not there.

        Raises `CacheError` when the cache can't be written.
        """
        file = self.cache / FOLDER / f"{sleutel(affiche.html)}.pdf"
        if file.is_file():
            return file
        data = pdf(affiche.html)
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
            # A name of its own, moved in whole: a build that stops halfway leaves no half a
            # PDF that the next build would trust, and a build beside this one may write it too.
            handle, part = tempfile.mkstemp(prefix=".bezig-", dir=file.parent)
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.chmod(part, 0o644)  # mkstemp's 0600 would reach the site: its file is linked there
            os.replace(part, file)
        except OSError as error:
            raise CacheError(self.cache, error, "de affiches") from None
        return file

    def publish(self, affiches: Iterable[Affiche], site: Path) -> None:
        """Put the PDF of each of `affiches` into the built `site`, at its `pad`."""
        place({a.pad: self.bestand(a) for a in affiches}, site)
