"""Calendars as residents' apps read them, and a small city of series to read them on.

`instances` expands a calendar file with recurring-ical-events, as a calendar app does;
`expected` says what the same window holds by `bovenwijks.herhaling.keren`, which the
agenda pages list, for the activiteiten `in_file` finds in a calendar of a built site.
`calcurse_import` and `calcurse_agenda` run Debian's calcurse on a file.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
import recurring_ical_events
from icalendar import Calendar

from bovenwijks.herhaling import keren
from bovenwijks.model import Activiteit, Stad

HOST = "stad.example"
AFGELAST = "Gaat niet door: "
CALCURSE_TIMEOUT = 60  # seconds for one import: it takes milliseconds

# (uid, start, end, cancelled, summary): one time of an activiteit as a calendar app shows it.
Instance = tuple[str, date | datetime, date | datetime, bool, str]


def reeksen(city) -> None:
    """Two wijken with every kind of series, cancellations and a whole-day activiteit.

    The taalcafé crosses the change to winter time (25 October 2026) at 19.30 uur.
    """
    city.wijk("oost", naam="Oost")
    city.wijk("west", naam="West")
    city.activiteit(
        "oost",
        "taalcafe",
        start="2026-10-06 19:30",
        eind="2026-10-06 21:30",
        titel="Taalcafé",
        herhaling={
            "elke": "week",
            "dagen": ["dinsdag", "donderdag"],
            "tot": "2026-12-17",
            "behalve": ["2026-10-08", {"datum": "2026-11-03", "reden": "De zaal is verhuurd"}],
        },
        aanmelden="taalcafe@example.org",
        kosten="gratis",
        toegankelijkheid="Rolstoeltoegankelijk, met ringleiding",
    )
    city.activiteit("oost", "borrel", start="2026-10-30 17:00", eind="2026-10-30 19:00", titel="Vrijdagborrel", herhaling={"elke": "maand"})
    city.activiteit(
        "oost",
        "repair-cafe",
        start="2026-11-14 10:00",
        eind="2026-11-14 13:00",
        titel="Repair Café",
        herhaling={"elke": "maand", "aantal": 6, "behalve": [{"datum": "2027-01-09", "reden": "Nieuwjaarsreceptie in de zaal"}]},
    )
    city.activiteit(
        "west",
        "koningsdag",
        start="2027-04-27",
        titel="Koningsdag",
        herhaling={"elke": "jaar", "behalve": ["2028-04-27", {"datum": "2029-04-27", "reden": "Geen vrijwilligers"}]},
    )
    city.activiteit(
        "west",
        "wandeling",
        start="2026-11-07 10:00",
        eind="2026-11-07 12:00",
        titel="Boswandeling",
        herhaling={"elke": "2 weken", "aantal": 4},
        afgelast="De boswachter is ziek",
    )
    city.activiteit("west", "lezing", start="2026-12-03 20:00", eind="2026-12-03 22:00", titel="Lezing", afgelast="De spreker is ziek")
    city.activiteit("west", "markt", start="2026-12-12", titel="Kerstmarkt")


def calendar_files(site: Path) -> dict[str, Path]:
    """Every calendar file of a built site, by its path relative to the site root."""
    return {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*.ics"))}


def in_file(stad: Stad, path: str) -> list[Activiteit]:
    """The activiteiten the calendar at `path` holds: the city's, a wijk's, or the one whose own file it is."""
    if path == "kalender/stad.ics":
        return stad.activiteiten()
    if path.startswith("kalender/wijken/"):
        return stad.wijken[path.removeprefix("kalender/wijken/").removesuffix(".ics")].agenda
    [activiteit] = [a for a in stad.activiteiten() if a.ics == path]
    return [activiteit]


def instances(data: bytes, van: date, tot: date) -> Counter[Instance]:
    """Every time in the calendar `data` on the days `van` to `tot`, expanded as apps do."""
    calendar = Calendar.from_ical(data)
    found: Counter[Instance] = Counter()
    for event in recurring_ical_events.of(calendar).between(van, tot + timedelta(days=1)):
        start = event.decoded("DTSTART")
        end = event.decoded("DTEND") if "DTEND" in event else start
        found[(str(event["UID"]), start, end, str(event.get("STATUS", "")) == "CANCELLED", str(event["SUMMARY"]))] += 1
    return found


def expected(activiteiten: list[Activiteit], van: date, tot: date, host: str = HOST) -> Counter[Instance]:
    """The times of `activiteiten` on the days `van` to `tot`, as the pages list them."""
    found: Counter[Instance] = Counter()
    for activiteit in activiteiten:
        for keer in keren(activiteit, van, tot):
            if activiteit.hele_dag:
                start, end = keer.datum, keer.einddatum + timedelta(days=1)
            else:
                start, end = keer.start, keer.eind or keer.start
            summary = f"{AFGELAST}{activiteit.titel}" if keer.afgelast else activiteit.titel
            found[(f"{activiteit.identity}@{host}", start, end, keer.afgelast is not None, summary)] += 1
    return found


def verwacht_in_calcurse(activiteiten: list[Activiteit]) -> dict[str, int]:
    """What calcurse imports of a calendar with `activiteiten`: an appointment ("app") for each
    timed activiteit or series and for each of its times cancelled with a reason; an "event"
    for each whole-day one."""
    counts = {"apps": 0, "events": 0}
    for activiteit in activiteiten:
        cancelled = sum(1 for u in activiteit.herhaling.behalve if u.reden) if activiteit.herhaling else 0
        counts["events" if activiteit.hele_dag else "apps"] += 1 + cancelled
    return counts


def calcurse() -> str:
    """Debian's calcurse; the test skips without it, and fails in CI (.ci/run installs it)."""
    program = shutil.which("calcurse")
    if program is None:
        reason = "calcurse ontbreekt: installeer het met `apt-get install calcurse`"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason} (in CI is dat een fout: .ci/run hoort het te installeren)", pytrace=False)
        pytest.skip(reason)
    return program


def _run(folder: Path, *args: str) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [calcurse(), "-D", str(folder), "-C", str(folder), *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        # What a resident in Amsterdam sees: calcurse shows times in the machine's zone.
        env={**os.environ, "TZ": "Europe/Amsterdam"},
        timeout=CALCURSE_TIMEOUT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


_REPORT = re.compile(r"(\d+) apps? / (\d+) events? / (\d+) todos? / (\d+) skipped")


def calcurse_import(path: Path, folder: Path) -> dict[str, int]:
    """Import the calendar at `path` into a new calcurse in `folder`: its report, as counts."""
    out = _run(folder, "-i", str(path))
    match = _REPORT.search(out)
    assert match, out
    return dict(zip(("apps", "events", "todos", "skipped"), map(int, match.groups()), strict=True))


def calcurse_agenda(folder: Path, van: date, dagen: int) -> list[tuple[str, str]]:
    """What calcurse in `folder` lists on the `dagen` days from `van`: (`2026-10-27 19:30`, title)."""
    line = "%(start:%Y-%m-%d %H:%M)\t%m\\n"
    out = _run(
        folder,
        "-Q",
        "--from",
        van.strftime("%m/%d/%Y"),
        "--days",
        str(dagen),
        f"--format-apt={line}",
        f"--format-recur-apt={line}",
    )
    return [tuple(row.split("\t", 1)) for row in out.splitlines() if "\t" in row]
