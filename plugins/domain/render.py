"""Rendering the HTML that residents see, from the model, with Jinja2.

Autoescaping is on: text from frontmatter is data, never markup. Pages are rendered for a
URL relative to the site root, and every link is made relative to it, so that the site works
under any base path (GitHub Pages serves it under the repository's name).
"""

from __future__ import annotations

import posixpath
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from . import searchable
from .dates import TZ, dutch_date, dutch_month, dutch_time

TEMPLATES = Path(__file__).parent / "templates"

STATUS = {"idee": "Idee", "actief": "Actief", "gepauzeerd": "Gepauzeerd", "afgerond": "Afgerond"}
SOORT = {"vraag": "Vraag", "ervaring": "Ervaring"}


def _relpath(path: str, start: str) -> str:
    """`posixpath.relpath` for two paths from the site root, without asking the OS for the
    working directory: it is called for every link of every page."""
    if path.startswith("/") or start.startswith("/"):
        return posixpath.relpath(path, start)
    to = [p for p in posixpath.normpath(path).split("/") if p != "."]
    frm = [p for p in posixpath.normpath(start).split("/") if p != "."]
    if ".." in to or ".." in frm:
        return posixpath.relpath(path, start)
    common = 0
    while common < min(len(to), len(frm)) and to[common] == frm[common]:
        common += 1
    return "/".join([".."] * (len(frm) - common) + to[common:]) or "."


def relative_url(target: str, base: str) -> str:
    """The link from the page at `base` to `target`, both relative to the site root.

    Page URLs end in `/` (directory URLs); the home page is the empty string.
    """
    if "://" in target or target.startswith(("mailto:", "tel:", "#")):
        return target
    path, _, anchor = target.partition("#")
    start = base if base.endswith("/") or not base else posixpath.dirname(base)
    rel = _relpath(path or ".", start.rstrip("/") or ".")
    if path.endswith("/") or not path:
        rel = "./" if rel == "." else rel + "/"
    return rel + (f"#{anchor}" if anchor else "")


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
    )
    env.filters.update(
        datum=lambda d: dutch_date(d),
        dag=lambda d: dutch_date(d, weekday=True),
        maand=dutch_month,
        tijd=dutch_time,
        wanneer=_when,
        iso=_iso,
        telefoon_uri=_telefoon_uri,
    )
    env.tests["contains"] = lambda sequence, value: value in sequence
    # OVERSLAAN ... EINDE: what the site search skips (see searchable.py).
    env.globals.update(STATUS=STATUS, SOORT=SOORT, OVERSLAAN=Markup(searchable.OVERSLAAN), EINDE=Markup(searchable.EINDE))
    return env


def render(template: str, url: str, **context: Any) -> str:
    """Render `template` for the page at `url` (relative to the site root)."""
    return environment().get_template(template).render(link=lambda target: relative_url(target, url), page_url=url, **context)
