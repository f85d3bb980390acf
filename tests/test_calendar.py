"""Calendars as calendar apps read them: parsed back with icalendar, and checked line by line."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from icalendar import Calendar

from bovenwijks.content.load import load_stad
from bovenwijks.publish.calendar import ics, kalenders

SITE = "https://stad.example/"
NASTY = "<script>alert(1)</script> & Café Eén; ĳsbaan, ijs"


@pytest.fixture
def stad(city):
    city.wijk("oost", naam="Oost")
    city.wijk("oosterpark", naam="Oosterpark")
    city.initiatief("oost", "repair-cafe", titel="Repair Café Oost", themas=["groen-en-duurzaam"])
    city.activiteit(
        "oost",
        "reparatiemiddag",
        start="2026-12-10 19:30",
        eind="2026-12-10 21:30",
        titel="Reparatiemiddag",
        initiatief="repair-cafe",
        locatie="Buurthuis De Ster",
    )
    city.activiteit("oost", "markt", start="2026-12-12", titel="Kerstmarkt", locatie="Plein, Amersfoort")
    city.activiteit("oost", "zomer", start="2026-07-01 14:00", titel="Zomerfeest")  # summer time: +02:00
    city.activiteit("oosterpark", "park", start="2027-01-05 10:00", titel="Parkwandeling")
    loaded = load_stad(city.root)
    assert loaded.problems == []
    return loaded.stad


def _ics(stad, naam="wijken/oost", bodies=None) -> bytes:
    kalender = next(k for k in kalenders(stad) if k.naam == naam)
    return ics(kalender, stad, SITE, bodies or {})


def _events(data: bytes):
    return {str(e["uid"]): e for e in Calendar.from_ical(data).walk("VEVENT")}


def test_a_calendar_for_the_city_and_each_wijk(stad):
    assert [(k.naam, k.path, len(k.activiteiten)) for k in kalenders(stad)] == [
        ("stad", "kalender/stad.ics", 4),
        ("wijken/oost", "kalender/wijken/oost.ics", 3),
        ("wijken/oosterpark", "kalender/wijken/oosterpark.ics", 1),
    ]


def test_events_have_uid_from_identity_and_dtstamp(stad):
    events = _events(_ics(stad))
    assert set(events) == {"oost/agenda/reparatiemiddag@stad.example", "oost/agenda/markt@stad.example", "oost/agenda/zomer@stad.example"}
    for event in events.values():
        stamp = event.decoded("dtstamp")
        assert stamp.utcoffset() == timedelta(0)  # DTSTAMP is UTC, as RFC 5545 wants
    middag = events["oost/agenda/reparatiemiddag@stad.example"]
    assert middag.decoded("dtstamp") == datetime(2026, 12, 10, 18, 30, tzinfo=UTC)


def test_timed_events_are_in_amsterdam_time_with_a_vtimezone(stad):
    data = _ics(stad)
    calendar = Calendar.from_ical(data)
    [timezone_] = calendar.walk("VTIMEZONE")
    assert str(timezone_["tzid"]) == "Europe/Amsterdam"
    assert "DTSTART;TZID=Europe/Amsterdam:20261210T193000" in data.decode()
    assert "DTEND;TZID=Europe/Amsterdam:20261210T213000" in data.decode()
    zomer = _events(data)["oost/agenda/zomer@stad.example"]
    assert zomer.decoded("dtstart").utcoffset() == timedelta(hours=2)


def test_whole_day_events_are_dates(stad):
    markt = _events(_ics(stad))["oost/agenda/markt@stad.example"]
    assert markt.decoded("dtstart") == date(2026, 12, 12) and not isinstance(markt.decoded("dtstart"), datetime)
    assert markt.decoded("dtend") == date(2026, 12, 13)  # the day after: DTEND is exclusive


def test_description_has_the_text_and_the_link(stad):
    bodies = {"oost/agenda/reparatiemiddag": "<p>Neem je <b>kapotte</b> spullen mee.</p>"}
    middag = _events(_ics(stad, bodies=bodies))["oost/agenda/reparatiemiddag@stad.example"]
    description = str(middag["description"])
    assert description.startswith("Neem je kapotte spullen mee.")
    assert "Georganiseerd door Repair Café Oost (Oost)." in description
    assert description.endswith("Meer informatie: https://stad.example/wijken/oost/agenda/reparatiemiddag/")
    assert str(middag["url"]) == "https://stad.example/wijken/oost/agenda/reparatiemiddag/"
    assert str(middag["location"]) == "Buurthuis De Ster, Amersfoort"
    assert middag["categories"].cats == ["Groen en duurzaam"]  # the organiser's thema


def test_location_names_the_city_once(stad):
    assert str(_events(_ics(stad))["oost/agenda/markt@stad.example"]["location"]) == "Plein, Amersfoort"


def test_crlf_and_folded_lines(stad):
    data = _ics(stad, bodies={"oost/agenda/reparatiemiddag": "<p>" + "Eén ĳverige vrijwilliger repareert je fiets. " * 10 + "</p>"})
    assert data.endswith(b"\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    lines = data.split(b"\r\n")
    assert any(line.startswith(b" ") for line in lines)  # long lines were folded ...
    for line in lines:
        assert len(line) <= 75, line  # ... at 75 octets,
        line.decode("utf-8")  # ... never inside a character


def test_titel_is_text_in_ics(city):
    city.wijk("oost", naam="Oost")
    city.activiteit("oost", "xss", titel=NASTY, locatie=NASTY)
    stad = load_stad(city.root).stad
    [event] = _events(_ics(stad)).values()
    assert str(event["summary"]) == NASTY
    assert str(event["location"]) == f"{NASTY}, Amersfoort"
    assert "SUMMARY:<script>alert(1)</script> & Café Eén\\; ĳsbaan\\, ijs" in _ics(stad).decode().replace("\r\n ", "")


def test_same_content_same_bytes(stad):
    assert _ics(stad, "stad") == _ics(stad, "stad")
    assert b"DTSTAMP:20261210T183000Z" in _ics(stad, "stad")


def test_description_is_the_first_paragraph(stad):
    lang = "Eerste alinea met een heel verhaal over de middag. " * 20
    bodies = {"oost/agenda/reparatiemiddag": f"<p>Korte eerste alinea.</p>\n<p>{lang}</p>"}
    description = str(_events(_ics(stad, bodies=bodies))["oost/agenda/reparatiemiddag@stad.example"]["description"])
    assert description.startswith("Korte eerste alinea.\n\nGeorganiseerd door")
    bodies = {"oost/agenda/reparatiemiddag": f"<p>{lang}</p>"}
    description = str(_events(_ics(stad, bodies=bodies))["oost/agenda/reparatiemiddag@stad.example"]["description"])
    eerste = description.split("\n\n")[0]
    assert eerste.endswith(" …") and len(eerste) <= 502 and lang.startswith(eerste.removesuffix(" …"))


@pytest.mark.parametrize(
    "line",
    [
        "",
        "SUMMARY:kort",
        "x" * 74,
        "x" * 75,
        "x" * 148,
        "x" * 149,
        "DESCRIPTION:" + "Eén ĳverige vrijwilliger. " * 12,
        "DESCRIPTION:" + "a" * 72 + "\\n" + "b" * 100,  # an escape right at the fold
        "X:" + "^" * 200,
        "X:" + "€😀" * 60,
    ],
)
def test_fold_writes_what_icalendar_writes(line):
    from icalendar.parser import Contentline

    from bovenwijks.publish.calendar import fold

    assert fold(line) == Contentline(line).to_ical()


def test_fold_agrees_with_icalendar_on_random_lines():
    import random

    from icalendar.parser import Contentline

    from bovenwijks.publish.calendar import fold

    rnd = random.Random(2026)
    for _ in range(2000):
        line = "".join(rnd.choice("ab \\^;,:éĳ€😀xxxxxxxx") for _ in range(rnd.randint(0, 300)))
        assert fold(line) == Contentline(line).to_ical(), line
