"""The poster of a wijk's agenda (and the city's), as HTML for print: the notice board's page.

Many residents never look at the site, but they pass the notice board in the buurthuis.
Each wijk gets an A4 poster of what is on in the four weeks from the build day, day by day,
in large type (nothing under 14 pt), with every cancelled time marked in words, and a QR
code to the wijk's page for the rest. `publish.affiche` makes the PDF of it.

The HTML loads nothing: the QR code is SVG in the page (segno), the font is the Source Sans
Pro the package ships, named by its file. So the PDF is the same on every machine.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import font_source_sans_pro
import segno
from markupsafe import Markup

from bovenwijks.city.agenda import Periode, vier_weken
from bovenwijks.model import STAD_AFFICHE, Stad, Wijk
from bovenwijks.site.render import render

# The faces the poster uses, by the weight CSS gives them.
LETTERS = {
    400: font_source_sans_pro.font_files_ttf["SourceSansPro"],
    600: font_source_sans_pro.font_files_ttf["SourceSansProSemibold"],
    700: font_source_sans_pro.font_files_ttf["SourceSansProBold"],
}


@dataclass(frozen=True)
class Affiche:
    """One poster: where it is published in the site, and the HTML it is made of."""

    pad: str  # `wijken/soesterkwartier/affiche.pdf`, relative to the site root
    naam: str  # the wijk's name, or the city's
    html: str


# Kept for the process: the codes are the same every build (one per wijk and the city's),
# and making them took a quarter of a second at 30 wijken, which `mkdocs serve` spent again
# on every save.
@lru_cache(maxsize=1024)
def qr(url: str) -> Markup:
    """The QR code of `url` as an SVG element, black on white with its quiet zone.

    Error correction M (15 %): a poster gets a pin through it, or a fold.
    """
    code = segno.make(url, error="m")
    return Markup(code.svg_inline(scale=1, border=4, dark="#000", light="#fff", omitsize=True))


def _letters() -> list[tuple[int, str]]:
    return [(weight, Path(file).as_uri()) for weight, file in LETTERS.items()]


def html(naam: str, periode: Periode, url: str, *, stad: Stad, city: bool = False) -> str:
    """The HTML of a poster of `naam` (a wijk or the city) for `periode`, its QR code to `url`.

    Without `url` (a site without `site_url`) the poster has no QR code: a code to a path on
    no host would lead nowhere. `city`: each time says its wijk.
    """
    return render(
        "affiche.html",
        "",
        naam=naam,
        periode=periode,
        adres=url,
        qr=qr(url) if url else None,
        stad=stad,
        city=city,
        letters=_letters(),
    )


def affiche(wijk: Wijk, stad: Stad, vandaag: date, site_url: str) -> Affiche:
    """The poster of `wijk`, from `vandaag`, its QR code to the wijk's page."""
    url = site_url + wijk.url if site_url else ""
    return Affiche(wijk.affiche, wijk.naam, html(wijk.naam, vier_weken(stad, vandaag, wijk.slug), url, stad=stad))


def stad_affiche(stad: Stad, vandaag: date, site_url: str) -> Affiche:
    """The city's poster, of every wijk, from `vandaag`, its QR code to the agenda."""
    url = f"{site_url}agenda/" if site_url else ""
    return Affiche(STAD_AFFICHE, stad.naam, html(stad.naam, vier_weken(stad, vandaag), url, stad=stad, city=True))


def affiches(stad: Stad, vandaag: date, site_url: str) -> list[Affiche]:
    """The poster of every wijk and the city's; `site_url` ends in `/` (empty: no QR codes)."""
    return [*(affiche(w, stad, vandaag, site_url) for w in stad.wijken.values()), stad_affiche(stad, vandaag, site_url)]
