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
from functools import cache
from importlib import metadata
from pathlib import Path
from types import ModuleType

from PIL import ImageFile

from bovenwijks.publish.fotos import CacheError, place
from bovenwijks.site.affiche import Affiche

# Change it whenever the same HTML would make another PDF: every cached poster is made again.
VERSION = "1"
FOLDER = "affiches"  # in the cache folder


@cache
def _weasyprint() -> ModuleType:
    """WeasyPrint, imported when the first poster of the process is made.

    Its import takes half a second of every build, also of the builds that find every poster
    in the cache (issue 20). Importing it sets Pillow's LOAD_TRUNCATED_IMAGES for the whole
    process: a photo that stopped halfway in its upload would then be published half grey,
    instead of reported (`publish.fotos`). A poster has no photos: Pillow's own default again.
    """
    import weasyprint

    ImageFile.LOAD_TRUNCATED_IMAGES = False
    return weasyprint


@cache
def _fetcher_class() -> type:
    """`Alleenbestanden`: a fetcher of `file:` URLs only, so the build never touches the network."""
    from weasyprint.urls import FatalURLFetchingError, URLFetcher

    _weasyprint()

    class Alleenbestanden(URLFetcher):
        def fetch(self, url, headers=None):
            """The file at `url`; raises FatalURLFetchingError (which stops WeasyPrint) for any other URL."""
            if not url.lower().startswith("file:"):
                raise FatalURLFetchingError(f"een affiche laadt niets van buiten de site: {url}")
            return super().fetch(url, headers)

    return Alleenbestanden


def pdf(html: str) -> bytes:
    """The PDF that WeasyPrint makes of the poster `html`: tagged, so a screen reader can read it."""
    return _weasyprint().HTML(string=html, url_fetcher=_fetcher_class()()).write_pdf(pdf_identifier=False, pdf_tags=True)


@cache
def weasyprint_version() -> str:
    """The installed WeasyPrint's version, read once without importing it (the same as its `__version__`)."""
    return metadata.version("weasyprint")


def sleutel(html: str) -> str:
    """The cache key of the poster `html`: its text, this module's VERSION and WeasyPrint's."""
    return hashlib.sha256(f"{VERSION}\n{weasyprint_version()}\n{html}".encode()).hexdigest()


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
