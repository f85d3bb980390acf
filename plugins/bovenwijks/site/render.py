"""Rendering the HTML that residents see, from the model, with Jinja2.

Autoescaping is on: text from frontmatter is data, never markup. Pages are rendered for a
URL relative to the site root, and every link is made relative to it, so that the site works
under any base path (GitHub Pages serves it under the repository's name).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from contextvars import ContextVar
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from bovenwijks.dates import TZ, dutch_date, dutch_day, dutch_hours, dutch_month, dutch_time
from bovenwijks.herhaling import GAAT_NIET_DOOR, VENSTER_TEKST, beschrijving, volgende
from bovenwijks.keuzes import SOORT, STATUS
from bovenwijks.model import STAD_AFFICHE
from bovenwijks.site import fotos, searchable

TEMPLATES = Path(__file__).parent / "templates"
# Where a page rendered here wants the kennis plugin's part of it (`KennisPages.sections`):
# inside the initiatief's closed "Kennis delen" section, not after the page.
KENNIS_PLEK = "<!--kennis:plek-->"


def relative_url(target: str, base: str) -> str:
    """The link from the page at `base` to `target`, both relative to the site root.

    Page URLs end in `/` (directory URLs); the home page is the empty string.
    """
    if target.startswith(("#", "mailto:", "tel:")) or "://" in target:
        return target
    path, _, anchor = target.partition("#")
    suffix = f"#{anchor}" if anchor else ""
    plain = not path.startswith("/") and "/." not in f"/{path}" and "/." not in f"/{base}" and "//" not in path + base
    if plain and (not base or base.endswith("/")):
        # Every link of every page comes here: plain segments, no `.` or `..`, so the common
        # folders can be counted without `posixpath`, which asks the OS where it is.
        frm = base.split("/")[:-1] if base else []
        to = path.split("/")
        common = 0
        last = len(to) - 1  # the file name, or "" for a directory URL: never a common folder
        while common < len(frm) and common < last and frm[common] == to[common]:
            common += 1
        return ("../" * (len(frm) - common) + "/".join(to[common:]) or "./") + suffix
    start = base if base.endswith("/") or not base else posixpath.dirname(base)
    rel = posixpath.relpath(path or ".", start.rstrip("/") or ".")
    if path.endswith("/") or not path:
        rel = "./" if rel == "." else rel + "/"
    return rel + suffix


def _when(value: datetime, hele_dag: bool = False) -> str:
    local = value.astimezone(TZ)
    day = dutch_date(local.date(), weekday=True)
    return day if hele_dag else f"{day}, {dutch_time(local)}"


def _iso(value: date | datetime) -> str:
    if isinstance(value, datetime):
        return value.astimezone(TZ).isoformat(timespec="minutes")
    return value.isoformat()


def _telefoon_uri(value: str) -> str:
    digits = "".join(c for c in value if c.isdigit() or c == "+")
    return f"tel:{digits}"


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The Jinja2 environment of our templates, with Dutch date filters."""
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        # The templates are part of the package: they do not change during a build, and
        # checking their files' times cost a `stat` on every page.
        auto_reload=False,
    )
    env.filters.update(
        datum=lambda d: dutch_date(d),
        dag=lambda d: dutch_date(d, weekday=True),
        datum_kort=dutch_day,
        maand=dutch_month,
        tijd=dutch_time,
        wanneer=_when,
        iso=_iso,
        telefoon_uri=_telefoon_uri,
        uren=lambda keer: dutch_hours(keer.start, keer.eind, keer.hele_dag),
        regel=lambda a: beschrijving(a.herhaling, a.datum) if a.herhaling else "",
        # The first time that happens: `start` may be a date that `behalve` drops.
        eerste=lambda a: volgende(a, a.datum),
    )
    env.tests["contains"] = lambda sequence, value: value in sequence
    # OVERSLAAN ... EINDE: what the site search skips (see searchable.py).
    env.globals.update(STATUS=STATUS, SOORT=SOORT, OVERSLAAN=Markup(searchable.OVERSLAAN), EINDE=Markup(searchable.EINDE))
    env.globals["KENNIS_PLEK"] = Markup(KENNIS_PLEK)
    env.globals["VENSTER"] = VENSTER_TEKST
    env.globals["GAAT_NIET_DOOR"] = GAAT_NIET_DOOR
    env.globals["STAD_AFFICHE"] = STAD_AFFICHE
    # `link` is a global, not part of each page's context, so that templates can import the
    # macros without context: Jinja then builds the macro module once, not once per page.
    env.globals["link"] = lambda target: _LINK.get()(target)
    # An editor's photo: its copies (`foto(afbeelding)`, None without), and their `<picture>`
    # sized for where it stands (a key of `fotos.SIZES`).
    env.globals["foto"] = fotos.foto
    env.globals["picture"] = lambda found, alt, plek, eager=False: fotos.picture(
        found, alt, link=_LINK.get(), sizes=fotos.SIZES[plek], eager=eager
    )
    env.globals["plain_image"] = lambda found, alt, link: fotos.plain_image(found, alt, link=link)
    return env


_LINK: ContextVar[Callable[[str], str]] = ContextVar("link")


def render(template: str, url: str, *, root: str | None = None, **context: Any) -> str:
    """Render `template` for the page at `url` (relative to the site root).

    Every `link(target)` in it is made relative to `url`; with `root` (`../../`), it is
    `root + target` instead, for HTML that is shared by every page at that depth.
    """
    link = (lambda target: root + target) if root is not None else (lambda target: relative_url(target, url))
    token = _LINK.set(link)
    try:
        return environment().get_template(template).render(page_url=url, **context)
    finally:
        _LINK.reset(token)
