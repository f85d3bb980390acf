"""End-to-end: the calendars of a small city of series, built with the real MkDocs, as
residents' calendar apps read them.

Every calendar file (the city's, each wijk's and each activiteit's own) expanded with
recurring-ical-events gives the times the pages list, and calcurse (Debian) imports it with
nothing skipped. The demo city's are checked the same way in tests/browser/test_calendars.py.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from urllib.parse import urljoin

import pytest
from calendars import calcurse_agenda, calcurse_import, calendar_files, expected, in_file, instances, reeksen, verwacht_in_calcurse
from city import City
from icalendar import Calendar

from bovenwijks.content.load import load_stad
from bovenwijks.herhaling import keren

VAN, TOT = date(2026, 9, 1), date(2029, 12, 31)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The city of `reeksen`, built once for this module; its model beside it."""
    city = City(tmp_path_factory.mktemp("reeksen"))
    reeksen(city)
    result = city.build(strict=True)
    assert result.error is None, result.warnings
    loaded = load_stad(city.root)
    assert loaded.problems == []
    return result.site, loaded.stad


def test_every_calendar_of_the_site_gives_the_times_the_pages_list(built):
    site, stad = built
    calendars = calendar_files(site)
    assert set(calendars) == {"kalender/stad.ics", "kalender/wijken/oost.ics", "kalender/wijken/west.ics"} | {
        a.ics for a in stad.activiteiten()
    }
    for path, file in calendars.items():
        found = instances(file.read_bytes(), VAN, TOT)
        assert found == expected(in_file(stad, path), VAN, TOT), path
        assert found, path


def test_an_activiteit_has_its_own_calendar_file_beside_its_page(built):
    site, stad = built
    [taalcafe] = [a for a in stad.activiteiten() if a.slug == "taalcafe"]
    assert taalcafe.ics == "wijken/oost/agenda/taalcafe/taalcafe.ics"
    # Its page offers it ("Zet alle keren in je agenda"): the link leads to the file.
    page = (site / taalcafe.url / "index.html").read_text(encoding="utf-8")
    [href] = re.findall(r'<a [^>]*href="([^"]+\.ics)"', page)
    assert urljoin(f"https://stad.example/{taalcafe.url}", href) == f"https://stad.example/{taalcafe.ics}"
    calendar = Calendar.from_ical((site / taalcafe.ics).read_bytes())
    assert str(calendar["method"]) == "PUBLISH"
    assert str(calendar["url"]) == "https://stad.example/wijken/oost/agenda/taalcafe/"
    events = calendar.walk("VEVENT")
    # Only the taalcafé: its series and its evening that does not go on.
    assert [str(e["uid"]) for e in events] == ["oost/agenda/taalcafe@stad.example"] * 2
    assert [str(e["summary"]) for e in events] == ["Taalcafé", "Gaat niet door: Taalcafé"]
    assert all("Meer informatie: https://stad.example/wijken/oost/agenda/taalcafe/" in str(e["description"]) for e in events)
    assert "Kom ook." in str(events[0]["description"])  # the text of its page, as MkDocs made it


def test_calcurse_imports_every_calendar_with_nothing_skipped(built, tmp_path):
    site, stad = built
    for number, (path, file) in enumerate(calendar_files(site).items()):
        report = calcurse_import(file, tmp_path / str(number))
        assert report == {**verwacht_in_calcurse(in_file(stad, path)), "todos": 0, "skipped": 0}, path


def test_calcurse_shows_the_taalcafe_at_half_past_seven_across_the_change_to_winter_time(built, tmp_path):
    site, stad = built
    [taalcafe] = [a for a in stad.activiteiten() if a.slug == "taalcafe"]
    assert calcurse_import(site / taalcafe.ics, tmp_path)["skipped"] == 0
    shown = calcurse_agenda(tmp_path, date(2026, 10, 1), 92)
    times = {when for when, _ in shown}
    assert times == {k.start.strftime("%Y-%m-%d %H:%M") for k in keren(taalcafe, date(2026, 10, 1), date(2026, 12, 31))}
    assert {"2026-10-22 19:30", "2026-10-27 19:30"} <= times  # summer time, then winter time
    assert "2026-10-08 19:30" not in times  # dropped by `behalve`
    # calcurse keeps a cancelled instance as an appointment of its own, beside the series' time.
    assert ("2026-11-03 19:30", "Gaat niet door: Taalcafé") in shown
    assert max(datetime.strptime(when, "%Y-%m-%d %H:%M") for when in times).date() == date(2026, 12, 17)  # `tot`
