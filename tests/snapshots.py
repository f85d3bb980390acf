"""Imported content for tests: a wijk's own website as text (its feed, its calendar), the records
of a snapshot as `bovenwijks ophalen` writes them, and the command run in this process.

The wijk is `oost` unless a test says otherwise.
"""

from __future__ import annotations

import argparse
import contextlib
import io
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from city import BUILD_DATE

from bovenwijks.content.opgehaald import FEED, Bron, Momentopname, pad
from bovenwijks.tools import ophalen as ophalen_command
from bovenwijks.tools.fetch import Limieten

NU = datetime(2026, 11, 23, 5, 30, tzinfo=UTC)  # the morning of the tests' build date
DATE = {"BOVENWIJKS_BUILD_DATE": BUILD_DATE}  # the day `make check` has in these tests
SITE = "Wijkvereniging Oost"
FEED_URL = "https://www.oost.example/feed/"
KALENDER_URL = "https://www.oost.example/agenda.ics"

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>{site}</title><link>https://oost.example/</link><description>Nieuws</description>
{items}
</channel></rss>
"""
ITEM = """<item><title>{titel}</title><link>https://oost.example/{guid}/</link><guid isPermaLink="false">{guid}</guid>
<pubDate>Wed, 18 Nov 2026 10:00:00 +0000</pubDate><description>Kort.</description>{extra}
<content:encoded><![CDATA[{html}]]></content:encoded></item>"""


def rss(*items: tuple[str, ...], site: str = "Buurtvereniging Oost", extra: str = "") -> bytes:
    """A WordPress-like RSS feed of `items`, each (guid, titel) or (guid, titel, html); `extra`
    goes into each item, with `{guid}` filled in (an enclosure)."""

    def item(guid: str, titel: str, html: str | None = None) -> str:
        return ITEM.format(guid=guid, titel=titel, html=html or f"<p>{titel}.</p>", extra=extra.format(guid=guid))

    return RSS.format(site=site, items="\n".join(item(*i) for i in items)).encode()


def ics(*events: str) -> bytes:
    """A calendar of `events` (see `event`), CRLF as RFC 5545 has it."""
    head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//NL\r\nX-WR-CALNAME:Agenda Oost\r\n"
    return (head + "".join(events) + "END:VCALENDAR\r\n").encode()


def event(uid: str, start: str, titel: str, *lines: str, dtstamp: str = "20261101T000000Z") -> str:
    """One VEVENT at the buurthuis; `lines` are more properties (an RRULE)."""
    extra = "".join(f"{line}\r\n" for line in lines)
    return f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:{dtstamp}\r\nDTSTART:{start}\r\nSUMMARY:{titel}\r\nLOCATION:Buurthuis\r\n{extra}END:VEVENT\r\n"


def bericht(**over: Any) -> dict[str, Any]:
    """The record of an imported bericht, as a snapshot holds it."""
    record = {
        "id": "https://www.oost.example/?p=12",
        "slug": "kerstmarkt-op-het-plein",
        "titel": "Kerstmarkt op het plein",
        "datum": "2026-11-18T10:00:00+01:00",
        "link": "https://www.oost.example/2026/11/kerstmarkt/",
        "html": "<p>Op 12 december is er weer een kerstmarkt.</p>",
        "samenvatting": "Op 12 december is er weer een kerstmarkt.",
        "auteur": "Femke",
        "afbeelding": None,
    }
    return record | over


def activiteit(**over: Any) -> dict[str, Any]:
    """The record of an imported activiteit, as a snapshot holds it."""
    record = {
        "id": "koffie-123@oost.example",
        "slug": "koffieochtend",
        "titel": "Koffieochtend",
        "start": "2026-11-24T10:00:00+01:00",
        "eind": "2026-11-24T11:30:00+01:00",
        "hele_dag": False,
        "locatie": "Buurthuis Oost",
        "html": "<p>Kom een kop koffie drinken.</p>",
        "link": "https://www.oost.example/agenda/koffieochtend/",
        "afgelast": None,
        "herhaling": None,
        "gewijzigd": "2026-11-01T09:00:00+00:00",
    }
    return record | over


def schrijf(city, bron: Bron, items: list[dict[str, Any]], wijk: str = "oost", **over: Any) -> Path:
    """Write the snapshot of `bron` with `items` into the wijk's folder, as `ophalen` does."""
    snapshot = Momentopname(
        url=FEED_URL if bron is FEED else KALENDER_URL,
        site=SITE,
        link="https://www.oost.example/",
        gewijzigd=datetime(2026, 11, 20, 6, tzinfo=UTC),
        items=items,
    )
    for key, value in over.items():
        setattr(snapshot, key, value)
    path = pad(city.root / "wijken" / wijk, bron)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(snapshot.json(), encoding="utf-8")
    return path


def momentopname(city, bron: Bron, wijk: str = "oost") -> Momentopname:
    """The snapshot of `bron` in the wijk's folder, as written."""
    return Momentopname.van(pad(city.root / "wijken" / wijk, bron).read_text(encoding="utf-8"))


def ophalen(city, *, wijk=None, lokaal=True, nu=NU, limieten: Limieten | None = None) -> tuple[int, str, str]:
    """`bovenwijks ophalen` in this process: its exit code, stdout and stderr. A test gives its
    own `nu`, and its own `limieten`: it can't wait for the real time limits."""
    out, err = io.StringIO(), io.StringIO()
    args = argparse.Namespace(root=str(city.root), wijk=wijk, stad=None, lokaal=lokaal)
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = ophalen_command.run(args, nu=nu, limieten=limieten)
    return code, out.getvalue(), err.getvalue()
