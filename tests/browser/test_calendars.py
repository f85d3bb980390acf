"""The demo city's calendars as residents' calendar apps read them (no browser needed).

Every calendar file of the built demo site (the city's, each wijk's and each activiteit's
own) expanded with recurring-ical-events gives the times the pages list; calcurse (Debian)
imports each with nothing skipped; and the server gives each as a calendar, so that a tap on
"Zet in je agenda" opens the phone's agenda app.
"""

from __future__ import annotations

from datetime import date
from urllib.parse import urlsplit
from urllib.request import urlopen

import pytest
from calendars import calcurse_import, calendar_files, expected, in_file, instances, verwacht_in_calcurse
from harness import REPO

from bovenwijks.content.load import load_stad
from bovenwijks.publish.calendar import MEDIA_TYPE

VAN, TOT = date(2025, 1, 1), date(2029, 12, 31)


@pytest.fixture(scope="module")
def stad():
    """The demo city as the pages have it."""
    return load_stad(REPO).stad


def test_every_calendar_gives_the_times_the_pages_list(demo, stad):
    calendars = calendar_files(demo.site)
    assert {"kalender/stad.ics", *(f"kalender/wijken/{w}.ics" for w in stad.wijken), *(a.ics for a in stad.activiteiten())} == set(
        calendars
    )
    host = urlsplit(demo.url).hostname
    for path, file in calendars.items():
        found = instances(file.read_bytes(), VAN, TOT)
        assert found == expected(in_file(stad, path), VAN, TOT, host), path


def test_calcurse_imports_every_calendar_with_nothing_skipped(demo, stad, tmp_path):
    for number, (path, file) in enumerate(calendar_files(demo.site).items()):
        report = calcurse_import(file, tmp_path / str(number))
        assert report == {**verwacht_in_calcurse(in_file(stad, path)), "todos": 0, "skipped": 0}, path


def test_every_calendar_is_served_as_a_calendar(demo):
    for path in calendar_files(demo.site):
        with urlopen(demo.url + path, timeout=10) as response:
            assert response.headers["Content-Type"] == MEDIA_TYPE, path
            assert response.read().startswith(b"BEGIN:VCALENDAR\r\n"), path
