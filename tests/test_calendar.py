"""Calendars as calendar apps read them: parsed back with icalendar, series expanded with
recurring-ical-events, and checked line by line."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta

import pytest
from calendars import expected, instances, reeksen
from icalendar import Calendar, Event, vRecur

from bovenwijks.content.load import load_stad
from bovenwijks.dates import TZ
from bovenwijks.herhaling import keren
from bovenwijks.publish.calendar import JAREN_HOOGSTENS, Events, Regel, component, eigen_kalender, eigen_kalenders, ics, kalenders

SITE = "https://stad.example/"
NASTY = "<script>alert(1)</script> & Café Eén; ĳsbaan, ijs"
# When every activiteit's file last changed, in these tests: its DTSTAMP and LAST-MODIFIED.
GEWIJZIGD = datetime(2026, 11, 20, 9, 15, tzinfo=UTC)


def _gewijzigd(city) -> None:
    """Give every activiteit's file the same modification time (the city is no git repository)."""
    for path in (city.root / "wijken").glob("*/agenda/*.md"):
        os.utime(path, (GEWIJZIGD.timestamp(), GEWIJZIGD.timestamp()))


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
    _gewijzigd(city)
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


def test_events_have_uid_from_identity_and_dtstamp_from_the_last_change(stad):
    events = _events(_ics(stad))
    assert set(events) == {"oost/agenda/reparatiemiddag@stad.example", "oost/agenda/markt@stad.example", "oost/agenda/zomer@stad.example"}
    for event in events.values():
        stamp = event.decoded("dtstamp")
        assert stamp.utcoffset() == timedelta(0)  # DTSTAMP is UTC, as RFC 5545 wants
        assert stamp == event.decoded("last-modified") == GEWIJZIGD


def test_without_a_last_change_dtstamp_is_the_start(stad):
    middag = next(a for a in stad.activiteiten() if a.slug == "reparatiemiddag")
    middag.gewijzigd = None
    event = _events(_ics(stad))["oost/agenda/reparatiemiddag@stad.example"]
    assert event.decoded("dtstamp") == datetime(2026, 12, 10, 18, 30, tzinfo=UTC)
    assert "LAST-MODIFIED" not in event


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
    first = _ics(stad, "stad")
    component.cache_clear()  # as a build in a new process makes them
    assert _ics(stad, "stad") == first
    assert b"DTSTAMP:20261120T091500Z" in _ics(stad, "stad")


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


# -- series, cancellations, and each activiteit's own file ------------------------------

VAN, TOT = date(2026, 9, 1), date(2029, 12, 31)


@pytest.fixture
def reeks_stad(city):
    reeksen(city)
    _gewijzigd(city)
    loaded = load_stad(city.root)
    assert loaded.problems == []
    return loaded.stad


def _alle(stad):
    """Every calendar of the city (its own, each wijk's, each activiteit's) and its file."""
    events = Events(stad, SITE, {})
    return [(k, ics(k, stad, SITE, {}, events)) for k in [*kalenders(stad), *eigen_kalenders(stad)]]


def _activiteit(stad, slug):
    return next(a for a in stad.activiteiten() if a.slug == slug)


def _eigen(stad, slug) -> bytes:
    return ics(eigen_kalender(_activiteit(stad, slug)), stad, SITE, {})


def _unfolded(data: bytes) -> list[str]:
    return data.decode().replace("\r\n ", "").split("\r\n")


def test_every_calendar_gives_the_times_the_pages_list(reeks_stad):
    alle = _alle(reeks_stad)
    assert len(alle) == 1 + 2 + 7  # the city's, two wijken's, seven activiteiten's own
    for kalender, data in alle:
        assert instances(data, VAN, TOT) == expected(kalender.activiteiten, VAN, TOT), kalender.path
    city = instances(alle[0][1], VAN, TOT)
    assert sum(city.values()) > 40
    # Each kind is there: a dropped time is not, a time cancelled with a reason is.
    starts = {(uid.split("/")[-1].split("@")[0], start, cancelled) for uid, start, _, cancelled, _ in city}
    assert ("taalcafe", datetime(2026, 10, 8, 19, 30, tzinfo=TZ), False) not in starts
    assert ("taalcafe", datetime(2026, 11, 3, 19, 30, tzinfo=TZ), True) in starts
    assert ("repair-cafe", datetime(2027, 1, 9, 10, 0, tzinfo=TZ), True) in starts
    assert ("koningsdag", date(2028, 4, 27), False) not in starts and ("koningsdag", date(2029, 4, 27), True) in starts
    assert sum(1 for uid, *_ in city if uid.startswith("oost/agenda/repair-cafe@")) == 6  # `aantal: 6`
    assert [cancelled for uid, _, _, cancelled, _ in city if uid.startswith("west/agenda/wandeling@")] == [True] * 4


def test_a_series_is_one_vevent_with_an_rrule(reeks_stad):
    rules = {}
    for slug in ("taalcafe", "borrel", "repair-cafe", "koningsdag", "wandeling"):
        lines = _unfolded(_eigen(reeks_stad, slug))
        [rule] = [line for line in lines if line.startswith("RRULE")]
        rules[slug] = rule
        overrides = 1 if slug in ("taalcafe", "repair-cafe", "koningsdag") else 0  # the times cancelled with a reason
        assert lines.count("BEGIN:VEVENT") == 1 + overrides
    assert rules == {
        "taalcafe": "RRULE:FREQ=WEEKLY;UNTIL=20261217T225959Z;BYDAY=TU,TH;WKST=MO",
        "borrel": "RRULE:FREQ=MONTHLY;BYDAY=-1FR",
        "repair-cafe": "RRULE:FREQ=MONTHLY;COUNT=6;BYDAY=2SA",
        "koningsdag": "RRULE:FREQ=YEARLY",
        "wandeling": "RRULE:FREQ=WEEKLY;COUNT=4;INTERVAL=2;BYDAY=SA;WKST=MO",
    }


def test_a_dropped_date_is_an_exdate_at_the_time_of_dtstart(reeks_stad):
    taalcafe = _unfolded(_eigen(reeks_stad, "taalcafe"))
    assert "DTSTART;TZID=Europe/Amsterdam:20261006T193000" in taalcafe
    assert "EXDATE;TZID=Europe/Amsterdam:20261008T193000" in taalcafe
    koningsdag = _unfolded(_eigen(reeks_stad, "koningsdag"))
    assert "DTSTART;VALUE=DATE:20270427" in koningsdag and "EXDATE;VALUE=DATE:20280427" in koningsdag


def test_a_time_cancelled_with_a_reason_is_a_cancelled_instance_of_the_series(reeks_stad):
    master, override = Calendar.from_ical(_eigen(reeks_stad, "taalcafe")).walk("VEVENT")
    assert str(master["uid"]) == str(override["uid"]) == "oost/agenda/taalcafe@stad.example"
    assert "STATUS" not in master and "RECURRENCE-ID" not in master
    assert override.decoded("recurrence-id") == override.decoded("dtstart") == datetime(2026, 11, 3, 19, 30, tzinfo=TZ)
    assert override.decoded("dtend") == datetime(2026, 11, 3, 21, 30, tzinfo=TZ)
    assert "RRULE" not in override and str(override["status"]) == "CANCELLED"
    assert str(override["summary"]) == "Gaat niet door: Taalcafé"
    assert str(override["description"]).startswith("Gaat niet door: De zaal is verhuurd\n\n")
    assert "RECURRENCE-ID;TZID=Europe/Amsterdam:20261103T193000" in _unfolded(_eigen(reeks_stad, "taalcafe"))
    koningsdag = _unfolded(_eigen(reeks_stad, "koningsdag"))
    assert "RECURRENCE-ID;VALUE=DATE:20290427" in koningsdag and "DTSTART;VALUE=DATE:20290427" in koningsdag


def test_an_evening_series_stays_at_half_past_seven_across_the_change_to_winter_time(reeks_stad):
    found = instances(_eigen(reeks_stad, "taalcafe"), date(2026, 10, 19), date(2026, 10, 31))
    starts = sorted(start for _, start, *_ in found)
    assert [(s.date().isoformat(), s.astimezone(TZ).strftime("%H:%M")) for s in starts] == [
        ("2026-10-20", "19:30"),
        ("2026-10-22", "19:30"),
        ("2026-10-27", "19:30"),  # winter time since Sunday 25 October
        ("2026-10-29", "19:30"),
    ]
    assert [s.astimezone(UTC).strftime("%H:%M") for s in starts] == ["17:30", "17:30", "18:30", "18:30"]


def test_the_time_zone_covers_every_time_in_the_file(reeks_stad):
    # As an app that reads the VTIMEZONE itself, not only its name: its offsets must be
    # Amsterdam's at every time, also years ahead for the Vrijdagborrel, which goes on.
    until = date(2030, 12, 31)  # three years past the content's latest first time (2027)
    checked = []
    for kalender, data in _alle(reeks_stad):
        timed = [a for a in kalender.activiteiten if not a.hele_dag]
        if not timed:
            assert b"BEGIN:VTIMEZONE" not in data, kalender.path  # whole days are dates, in no zone
            continue
        [vtimezone] = Calendar.from_ical(data).walk("VTIMEZONE")
        own = vtimezone.to_tz(lookup_tzid=False)
        for activiteit in timed:
            for keer in keren(activiteit, VAN, until):
                for moment in filter(None, (keer.start, keer.eind)):
                    wall = moment.astimezone(TZ).replace(tzinfo=None)
                    assert wall.replace(tzinfo=own).utcoffset() == moment.utcoffset(), (kalender.path, moment)
                    checked.append(moment)
    assert len(checked) > 400 and max(checked).year == 2030


def test_afgelast_stays_in_the_calendar_marked_as_not_going_on(reeks_stad):
    [lezing] = Calendar.from_ical(_eigen(reeks_stad, "lezing")).walk("VEVENT")
    assert str(lezing["status"]) == "CANCELLED"
    assert str(lezing["summary"]) == "Gaat niet door: Lezing"
    assert str(lezing["description"]).startswith("Gaat niet door: De spreker is ziek\n\n")
    [wandeling] = Calendar.from_ical(_eigen(reeks_stad, "wandeling")).walk("VEVENT")
    assert str(wandeling["status"]) == "CANCELLED" and "RRULE" in wandeling  # the whole series, every time
    assert str(wandeling["description"]).startswith("Gaat niet door: De boswachter is ziek\n\n")
    # Not deleted: the city's calendar still has them, for the residents who were coming.
    stad = _events(ics(kalenders(reeks_stad)[0], reeks_stad, SITE, {}))
    assert str(stad["west/agenda/lezing@stad.example"]["status"]) == "CANCELLED"
    assert str(stad["west/agenda/wandeling@stad.example"]["status"]) == "CANCELLED"


def test_description_says_the_rule_and_what_residents_ask_before_they_go(reeks_stad):
    [master, _] = Calendar.from_ical(_eigen(reeks_stad, "taalcafe")).walk("VEVENT")
    assert str(master["description"]).split("\n\n") == [
        "Elke dinsdag en donderdag, tot en met 17 december 2026.",
        "Een activiteit in Oost.",
        "Aanmelden: taalcafe@example.org\nKosten: gratis\nToegankelijkheid: Rolstoeltoegankelijk, met ringleiding",
        "Meer informatie: https://stad.example/wijken/oost/agenda/taalcafe/",
    ]
    [borrel] = Calendar.from_ical(_eigen(reeks_stad, "borrel")).walk("VEVENT")
    assert str(borrel["description"]).startswith("Elke laatste vrijdag van de maand.\n\n")
    assert "Aanmelden" not in str(borrel["description"]) and "Kosten" not in str(borrel["description"])


def test_every_activiteit_has_a_calendar_file_of_its_own(reeks_stad):
    eigen = eigen_kalenders(reeks_stad)
    assert sorted(k.path for k in eigen) == sorted(a.ics for a in reeks_stad.activiteiten())
    kalender = eigen_kalender(_activiteit(reeks_stad, "taalcafe"))
    assert kalender.path == "wijken/oost/agenda/taalcafe/taalcafe.ics"  # beside its page
    data = ics(kalender, reeks_stad, SITE, {})
    calendar = Calendar.from_ical(data)
    assert str(calendar["method"]) == "PUBLISH"
    assert str(calendar["url"]) == "https://stad.example/wijken/oost/agenda/taalcafe/"
    # No name: an app adds the activiteit to the resident's own calendar, not as a calendar of its own.
    assert "X-WR-CALNAME" not in calendar and "NAME" not in calendar and "REFRESH-INTERVAL" not in calendar
    events = calendar.walk("VEVENT")
    assert {str(e["uid"]) for e in events} == {"oost/agenda/taalcafe@stad.example"} and len(events) == 2
    for event in events:
        assert str(event["url"]) == "https://stad.example/wijken/oost/agenda/taalcafe/"
        assert str(event["description"]).endswith("Meer informatie: https://stad.example/wijken/oost/agenda/taalcafe/")
    assert len(calendar.walk("VTIMEZONE")) == 1


def test_the_files_of_an_activiteit_carry_the_same_events(reeks_stad):
    # Serialised once, for the city's calendar, its wijk's and its own.
    alle = dict((k.path, data) for k, data in _alle(reeks_stad))
    own = alle["wijken/oost/agenda/taalcafe/taalcafe.ics"]
    vevents = own[own.index(b"BEGIN:VEVENT") : own.rindex(b"END:VEVENT")]
    assert vevents in alle["kalender/stad.ics"] and vevents in alle["kalender/wijken/oost.ics"]


def test_a_date_given_twice_under_behalve_is_one_time_in_the_calendar_as_on_the_page(city):
    city.wijk("oost", naam="Oost")
    behalve = ["2026-12-08", {"datum": "2026-12-08", "reden": "Dicht"}, {"datum": "2026-12-15", "reden": "Dicht"}, "2026-12-15"]
    city.activiteit("oost", "soep", start="2026-12-01 18:00", titel="Soep", herhaling={"elke": "week", "aantal": 4, "behalve": behalve})
    stad = load_stad(city.root).stad
    data = _eigen(stad, "soep")
    assert instances(data, VAN, TOT) == expected(stad.activiteiten(), VAN, TOT)
    lines = _unfolded(data)
    assert len([line for line in lines if line.startswith(("EXDATE", "RECURRENCE-ID"))]) == 2  # one for each date


def test_a_series_until_the_last_day_there_is_still_has_its_calendar(city):
    # An editor's "for ever": the calendar, and with it the whole build, must not fail on it.
    city.wijk("oost", naam="Oost")
    city.activiteit("oost", "feest", start="2026-12-05 14:00", titel="Buurtfeest", herhaling={"elke": "jaar", "tot": "9999-12-31"})
    stad = load_stad(city.root).stad
    data = _eigen(stad, "feest")
    assert instances(data, VAN, TOT) == expected(stad.activiteiten(), VAN, TOT)
    lines = _unfolded(data)
    assert "RRULE:FREQ=YEARLY;UNTIL=99991231T225959Z" in lines
    assert lines.count("BEGIN:STANDARD") < 2 * (JAREN_HOOGSTENS + 2)  # not eight thousand years of changes


_START = datetime(2026, 12, 8, 19, 30, tzinfo=TZ)
# Components as icalendar is given them the plain way: (kind, [(name, value, parameters)]).
COMPONENTS = {
    "one time": (Event, [("uid", "oost/agenda/soep@example.org", None), ("dtstart", _START), ("summary", "Soep; met brood, en thee")]),
    "a series": (
        Event,
        [
            ("dtstart", _START),
            (
                "rrule",
                vRecur({"freq": "WEEKLY", "byday": ["TU", "TH"], "wkst": "MO", "until": datetime(2027, 6, 30, 21, 59, 59, tzinfo=UTC)}),
            ),
            ("exdate", [_START + timedelta(days=7), _START + timedelta(days=14)]),
            ("categories", ["Ontmoeten", "Eten"]),
        ],
    ),
    "a whole day": (Event, [("dtstart", date(2027, 4, 27)), ("dtend", date(2027, 4, 28)), ("description", "Koningsdag " * 20)]),
    "a calendar": (
        Calendar,
        [("prodid", "-//Bovenwijks//Agenda Amersfoort//NL"), ("refresh-interval", timedelta(hours=12), {"VALUE": "DURATION"})],
    ),
}


def _key(value):
    """A value as `Events` hands it to `component`: lists as tuples, an RRULE as a `Regel`."""
    if isinstance(value, vRecur):
        return Regel.van(dict(value))
    return tuple(value) if isinstance(value, list) else value


@pytest.mark.parametrize("name", COMPONENTS)
def test_a_component_made_once_is_what_icalendar_writes(name):
    kind, properties = COMPONENTS[name]
    plain = kind()
    for name_, value, *parameters in properties:
        plain.add(name_, value, parameters=parameters[0] if parameters else None)
    key = tuple((n, _key(v), tuple((p[0] or {}).items()) if p else ()) for n, v, *p in properties)
    made = component(kind, key)
    assert made == plain.to_ical()
    # The second time it is the same bytes, not made again.
    assert component(kind, key) is made
