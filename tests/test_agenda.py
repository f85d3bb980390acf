"""An agenda like wijk life (issue 15): series, cancellations, signing up, and what residents read.

Pure functions first (each rule against its Dutch wording and its times), then the editor's
mistakes as `path:line` messages, then a built city: the agenda, the activiteit's page, the
home and wijk pages, the feeds, the structured data and the open data.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from bovenwijks.content.load import load_stad
from bovenwijks.dates import TZ
from bovenwijks.herhaling import beschrijving, in_venster, keren, voorbij
from bovenwijks.model import Activiteit, Herhaling, Uitzondering

VANDAAG = date(2026, 11, 23)  # the harness's build date, a Monday
# When the built city's activiteiten were put on the agenda: their files' modification time
# (the city is no git repository), a day that none of them is on.
GEWIJZIGD = datetime(2026, 11, 20, 9, 15, tzinfo=UTC)


def _activiteit(start: str, eind: str | None = None, hele_dag: bool = False, **rule) -> Activiteit:
    behalve = tuple(Uitzondering(date.fromisoformat(d), r) for d, r in rule.pop("behalve", ()))
    return Activiteit(
        "oost",
        "x",
        "wijken/oost/agenda/x.md",
        "X",
        start=datetime.fromisoformat(start).replace(tzinfo=TZ),
        eind=datetime.fromisoformat(eind).replace(tzinfo=TZ) if eind else None,
        hele_dag=hele_dag,
        herhaling=Herhaling(behalve=behalve, **rule),
    )


def _local(keer) -> str:
    """A time as a resident reads it, with its offset: `2026-10-27 19:30+01:00`."""
    return keer.start.astimezone(TZ).isoformat(sep=" ", timespec="minutes")


# Each rule, how the page says it, and its times from its start for (at most) the days given.
RULES = [
    pytest.param(
        _activiteit("2026-10-20 19:30", "2026-10-20 21:30", elke="week", dagen=(1, 3)),
        "elke dinsdag en donderdag",
        10,
        ["2026-10-20 19:30+02:00", "2026-10-22 19:30+02:00", "2026-10-27 19:30+01:00", "2026-10-29 19:30+01:00"],
        id="weekly on two days, across the change to winter time",
    ),
    pytest.param(
        _activiteit("2026-11-27 18:00", elke="maand", aantal=4),
        "elke laatste vrijdag van de maand, 4 keer",
        200,
        ["2026-11-27 18:00+01:00", "2026-12-25 18:00+01:00", "2027-01-29 18:00+01:00", "2027-02-26 18:00+01:00"],
        id="laatste vrijdag",
    ),
    pytest.param(
        _activiteit("2026-12-12 10:00", "2026-12-12 13:00", elke="maand", tot=date(2027, 6, 30)),
        "elke tweede zaterdag van de maand, tot en met 30 juni 2027",
        400,
        [f"{d} 10:00+0{1 if d < '2027-03-28' else 2}:00" for d in ("2026-12-12", "2027-01-09", "2027-02-13", "2027-03-13")]
        + ["2027-04-10 10:00+02:00", "2027-05-08 10:00+02:00", "2027-06-12 10:00+02:00"],
        id="tweede zaterdag until a date, across the change to summer time",
    ),
    pytest.param(
        _activiteit("2026-11-23 14:00", elke="2 weken"),
        "om de twee weken op maandag",
        28,
        ["2026-11-23 14:00+01:00", "2026-12-07 14:00+01:00", "2026-12-21 14:00+01:00"],
        id="every two weeks",
    ),
    pytest.param(
        _activiteit("2027-04-27 00:00", hele_dag=True, elke="jaar", aantal=3),
        "elk jaar op 27 april, 3 keer",
        None,
        ["2027-04-27 00:00+02:00", "2028-04-27 00:00+02:00", "2029-04-27 00:00+02:00"],
        id="whole day, yearly",
    ),
    pytest.param(
        _activiteit("2026-10-18 14:00", elke="week", tot=date(2026, 11, 1), behalve=[("2026-10-25", None)]),
        "elke zondag, tot en met 1 november 2026",
        None,
        ["2026-10-18 14:00+02:00", "2026-11-01 14:00+01:00"],
        id="a dropped date on the night the clocks change",
    ),
]


@pytest.mark.parametrize("activiteit,wording,days,times", RULES)
def test_each_rule_reads_in_dutch_and_gives_its_times(activiteit, wording, days, times):
    assert beschrijving(activiteit.herhaling, activiteit.datum) == wording
    tot = activiteit.datum + timedelta(days=days) if days else None
    assert [_local(k) for k in keren(activiteit, activiteit.datum, tot)] == times


def test_a_time_keeps_its_length_in_wall_clock_time():
    # 19.30 to 21.30 uur, on either side of the change to winter time.
    activiteit = RULES[0].values[0]
    for keer in keren(activiteit, date(2026, 10, 20), date(2026, 10, 30)):
        assert keer.eind.astimezone(TZ).strftime("%H:%M") == "21:30"


def test_a_cancelled_time_stays_with_its_reason_and_a_dropped_one_goes():
    activiteit = _activiteit("2026-11-24 19:30", elke="week", behalve=[("2026-12-01", "Ziek"), ("2026-12-08", None)])
    found = [(k.datum.isoformat(), k.afgelast) for k in keren(activiteit, VANDAAG, date(2026, 12, 16))]
    assert found == [("2026-11-24", None), ("2026-12-01", "Ziek"), ("2026-12-15", None)]


def test_an_agenda_lists_a_series_within_its_window_and_a_cancelled_one_once():
    weekly = _activiteit("2026-11-24 19:30", elke="week")
    assert len(in_venster(weekly, VANDAAG)) == 8  # eight weeks
    assert [k.datum for k in in_venster(_activiteit("2027-06-01 10:00", elke="week"), VANDAAG)] == [date(2027, 6, 1)]
    cancelled = replace(weekly, afgelast="De vrijwilligers stoppen")
    assert [(k.datum, k.afgelast) for k in in_venster(cancelled, VANDAAG)] == [(date(2026, 11, 24), "De vrijwilligers stoppen")]


def test_a_series_is_over_only_after_its_last_time():
    finite = _activiteit("2026-10-01 10:00", elke="week", aantal=3)  # 1, 8 and 15 October
    assert voorbij(finite, date(2026, 10, 16)) and not voorbij(finite, date(2026, 10, 15))
    assert not voorbij(_activiteit("2020-01-01 10:00", elke="jaar"), VANDAAG)  # it goes on


# -- an editor's mistakes ---------------------------------------------------------------------

MISTAKES = [
    pytest.param({"elke": "dag"}, 6, "'herhaling.elke': 'dag' kan niet; kies uit: week, 2 weken, maand, jaar", True, id="unknown elke"),
    pytest.param(
        {"elke": "week", "dagen": ["dinsdag", "donderdg"]},
        9,
        "'herhaling.dagen': 'donderdg' is geen dag van de week; bedoel je 'donderdag'?",
        True,
        id="mistyped weekday",
    ),
    pytest.param(
        {"elke": "week", "dagen": [3]},
        8,
        "'herhaling.dagen': '3' is geen dag van de week; kies uit: maandag, dinsdag, woensdag, donderdag, vrijdag, zaterdag, zondag",
        True,
        id="no weekday at all",
    ),
    pytest.param(
        {"elke": "week", "tot": "2026-10-01"},
        7,
        "'herhaling.tot' (1 oktober 2026) ligt vóór 'start' (1 december 2026)",
        True,
        id="tot before start",
    ),
    pytest.param(
        {"elke": "week", "tot": "2027-06-30", "aantal": 5}, 8, "'herhaling' heeft 'tot' én 'aantal'; kies er één", True, id="both"
    ),
    pytest.param({"elke": "week", "aantal": 0}, 7, "'herhaling.aantal': '0' kan niet", True, id="aantal below 1"),
    # Python's isdigit() takes a superscript for a digit, and int() then fails on it.
    pytest.param(
        {"elke": "week", "aantal": "²"},
        7,
        "'herhaling.aantal': '²' kan niet",
        True,
        id="aantal a superscript",
    ),
    pytest.param(
        {"elke": "week", "dagen": ["woensdag"]},
        3,
        "'start' (dinsdag 1 december 2026) valt op een dinsdag, maar 'herhaling.dagen' noemt woensdag",
        True,
        id="start not one of the days",
    ),
    pytest.param(
        {"elke": "week", "behalve": ["2026-12-09"]},
        8,
        "'herhaling.behalve': woensdag 9 december 2026 is geen van de keren van deze reeks (elke dinsdag). Deze datum wordt"
        " weggelaten; bedoel je dinsdag 8 december of dinsdag 15 december?",
        False,
        id="behalve not a time",
    ),
    pytest.param(
        {"elke": "week", "behalve": ["2026-12-08", {"datum": "2026-12-08", "reden": "Dicht"}]},
        9,
        "'herhaling.behalve': dinsdag 8 december 2026 staat er al op regel 8; noem elke datum één keer, met of zonder reden",
        False,
        id="behalve twice",
    ),
]


@pytest.mark.parametrize("rule,line,message,fatal", MISTAKES)
def test_a_mistake_in_a_series_is_reported_on_its_line(city, rule, line, message, fatal):
    city.wijk("oost")
    city.activiteit("oost", "taalcafe", start="2026-12-01 19:30", titel="Taalcafé", locatie="Buurthuis", herhaling=rule)
    loaded = load_stad(city.root)
    [problem] = loaded.problems
    assert problem.path == "wijken/oost/agenda/taalcafe.md" and problem.line == line
    assert message in problem.message
    assert problem.fatal is fatal
    # A broken rule costs the activiteit its page; a wrong `behalve` date only itself.
    assert [a.slug for a in loaded.stad.wijken["oost"].agenda] == ([] if fatal else ["taalcafe"])


# `behalve` as the contract writes it ("a date, or `{datum, reden}`"), as a list or just one,
# in block or flow style: the times it names, and the line of each.
TAALCAFE = "---\ntitel: Taalcafé\nstart: 2026-12-01 19:30\nlocatie: Buurthuis\nherhaling:\n  elke: week\n"
BEHALVE_FORMS = [
    pytest.param("  behalve: 2026-12-08\n", [("2026-12-08", None, 7)], id="one date"),
    pytest.param("  behalve:\n    - 2026-12-08\n    - 2026-12-15\n", [("2026-12-08", None, 8), ("2026-12-15", None, 9)], id="dates"),
    pytest.param(
        "  behalve:\n    - datum: 2026-12-08\n      reden: Dicht\n    - 2026-12-15\n",
        [("2026-12-08", "Dicht", 8), ("2026-12-15", None, 10)],
        id="a list with a reason",
    ),
    pytest.param("  behalve:\n    datum: 2026-12-08\n    reden: Dicht\n", [("2026-12-08", "Dicht", 8)], id="one with a reason"),
    pytest.param("  behalve: {datum: 2026-12-08, reden: Dicht}\n", [("2026-12-08", "Dicht", 7)], id="one with a reason, flow"),
]


@pytest.mark.parametrize("text,behalve", BEHALVE_FORMS)
def test_behalve_may_be_one_time_or_a_list_of_them(city, text, behalve):
    city.wijk("oost")
    city.write("wijken/oost/agenda/taalcafe.md", f"{TAALCAFE}{text}---\n\nKom ook.\n")
    loaded = load_stad(city.root)
    assert loaded.problems == []
    [taalcafe] = loaded.stad.wijken["oost"].agenda
    assert [(u.datum.isoformat(), u.reden, u.line) for u in taalcafe.herhaling.behalve] == behalve


def test_aanmelden_that_is_no_address_is_a_warning_and_stays_as_text(city):
    city.wijk("oost")
    city.activiteit("oost", "soep", titel="Soep", aanmelden="bij Anneke")
    loaded = load_stad(city.root)
    [problem] = loaded.problems
    assert not problem.fatal and "'aanmelden': 'bij Anneke' is geen webadres" in problem.message
    [soep] = loaded.stad.wijken["oost"].agenda
    assert soep.aanmelden == "bij Anneke" and soep.aanmelden_link is None


# What an editor writes under `aanmelden`: whether the check warns, and where the page links.
AANMELDEN = [
    pytest.param("taalcafe@oost.example", False, "mailto:taalcafe@oost.example", id="an address"),
    pytest.param("mailto:taalcafe@oost.example", False, "mailto:taalcafe@oost.example", id="mailto"),
    pytest.param("https://oost.example/aanmelden", False, "https://oost.example/aanmelden", id="a web address"),
    pytest.param("bij Anneke", True, None, id="words"),
    pytest.param(
        "MAILTO:taalcafe@oost.example",
        False,
        "mailto:taalcafe@oost.example",
        id="MAILTO",
    ),
    pytest.param(
        "mailto:taalcafe@oost.example?subject=Taalcafé",
        True,
        None,
        id="mailto with a subject",
    ),
    pytest.param(
        "javascript:alert('a@b.nl')",
        True,
        None,
        id="javascript",
    ),
]


@pytest.mark.parametrize("aanmelden,warned,link", AANMELDEN)
def test_aanmelden_links_what_the_check_takes_for_an_address(city, aanmelden, warned, link):
    city.wijk("oost")
    city.activiteit("oost", "taalcafe", titel="Taalcafé", aanmelden=aanmelden)
    loaded = load_stad(city.root)
    assert [p.fatal for p in loaded.problems] == ([False] if warned else [])
    [taalcafe] = loaded.stad.wijken["oost"].agenda
    assert taalcafe.aanmelden_link == link


# -- a built city -------------------------------------------------------------------------------


@pytest.fixture
def built(city):
    city.wijk("oost", naam="Oost")
    city.initiatief("oost", "taal", titel="Taalmaatjes Oost")
    city.activiteit(
        "oost",
        "taalcafe",
        titel="Taalcafé",
        start="2026-11-17 19:30",  # a Tuesday
        eind="2026-11-17 21:00",
        locatie="Buurthuis De Ster",
        initiatief="taal",
        herhaling={
            "elke": "week",
            "dagen": ["dinsdag", "donderdag"],
            "tot": "2027-03-31",
            "behalve": ["2026-12-24", {"datum": "2026-12-01", "reden": "Het buurthuis is dicht voor een verbouwing"}],
        },
        kosten="gratis",
        aanmelden="taalcafe@oost.example",
        toegankelijkheid="Rolstoeltoegankelijk; er is een ringleiding",
    )
    city.activiteit(
        "oost",
        "lezing",
        titel="Lezing over zonnepanelen",
        start="2026-11-26 20:00",
        locatie="Bibliotheek",
        afgelast="De spreker is ziek; we zoeken een nieuwe datum.",
        kosten="€ 2,50 voor koffie",
        aanmelden="https://oost.example/aanmelden",
    )
    city.activiteit(
        "oost",
        "zomercursus",
        titel="Zomercursus",
        start="2026-07-01 10:00",
        locatie="Buurthuis De Ster",
        herhaling={"elke": "week", "aantal": 4},
    )
    for path in (city.root / "wijken").glob("*/agenda/*.md"):
        os.utime(path, (GEWIJZIGD.timestamp(), GEWIJZIGD.timestamp()))
    return city.build(strict=True)


def _times(html: str, title: str) -> list[str]:
    """The `datetime` of every row in `html` that links to the activiteit called `title`."""
    return re.findall(
        rf'<time class="bw-event__when" datetime="([^"]+)">[^<]*</time>\s*(?:<span[^>]*>[^<]*</span>\s*)?<a[^>]*>{title}</a>', html
    )


def test_the_agenda_lists_each_time_within_its_window_linking_to_the_one_page(built):
    html = built.listing("agenda/")
    times = _times(html, "Taalcafé")
    assert times[:4] == ["2026-11-24T19:30+01:00", "2026-11-26T19:30+01:00", "2026-12-01T19:30+01:00", "2026-12-03T19:30+01:00"]
    assert "2026-12-24T19:30+01:00" not in times  # dropped: Kerstavond
    assert times[-1] <= "2027-01-18"  # eight weeks ahead, not until March
    assert set(re.findall(r'href="([^"]+)">Taalcafé</a>', html)) == {"../wijken/oost/agenda/taalcafe/"}


def test_a_cancelled_time_and_a_cancelled_evening_stay_marked_with_the_reason(built):
    html = built.page("agenda/")
    row = html[html.index('datetime="2026-12-01T19:30+01:00"') :]
    row = row[: row.index("</li>")]
    assert "Gaat niet door" in row and "Het buurthuis is dicht voor een verbouwing" in row
    lezing = html[html.index('datetime="2026-11-26T20:00+01:00"') :]
    lezing = lezing[: lezing.index("</li>")]
    assert "Gaat niet door" in lezing and "De spreker is ziek" in lezing and "Lezing over zonnepanelen" in lezing


def test_the_agenda_helps_choose_this_week_the_weekend_later(built):
    html = built.page("agenda/")
    nav = html[html.index('class="bw-kies"') :]
    nav = nav[: nav.index("</nav>")]
    assert re.findall(r'href="#([^"]+)">([^<]+)<', nav) == [("deze-week", "Deze week"), ("dit-weekend", "Dit weekend"), ("later", "Later")]
    week = html[html.index('id="deze-week"') : html.index('id="dit-weekend"')]
    assert "Taalcafé" in week and "Lezing over zonnepanelen" in week
    assert html.index('id="dit-weekend"') < html.index('id="later"')


def test_a_series_whose_last_time_has_passed_is_in_the_archive(built):
    archive = built.listing("agenda/archief/")
    assert "Zomercursus" in archive and "Elke woensdag, 4 keer" in archive
    assert 'datetime="2026-07-22T10:00+02:00"' in archive  # its last time
    assert "Taalcafé" not in archive
    assert "Zomercursus" not in built.listing("agenda/")


def test_the_page_says_the_rule_in_dutch_and_lists_the_next_times(built):
    html = built.article("wijken/oost/agenda/taalcafe/")
    assert "Elke dinsdag en donderdag, tot en met 31 maart 2027" in html
    assert "19.30 tot 21.00 uur" in html
    keren = html[html.index('id="keren"') :]
    keren = keren[: keren.index("</ul>")]
    assert re.findall(r'datetime="([^"]+)"', keren)[:3] == ["2026-11-24T19:30+01:00", "2026-11-26T19:30+01:00", "2026-12-01T19:30+01:00"]
    assert "Het buurthuis is dicht voor een verbouwing" in keren
    assert "2026-12-24" not in keren


def test_the_page_says_cost_signing_up_and_access(built):
    html = built.article("wijken/oost/agenda/taalcafe/")
    facts = dict(re.findall(r"<dt>([^<]+)</dt><dd>(.*?)</dd>", html))
    assert facts["Kosten"] == "gratis"
    assert facts["Aanmelden"] == '<a href="mailto:taalcafe@oost.example">taalcafe@oost.example</a>'
    assert facts["Toegankelijkheid"] == "Rolstoeltoegankelijk; er is een ringleiding"


def test_every_page_offers_its_own_calendar_file(built):
    html = built.article("wijken/oost/agenda/taalcafe/")
    assert re.search(
        r'<a class="bw-knop bw-knop--agenda" href="taalcafe.ics" download="taalcafe.ics" type="text/calendar">Zet alle keren in je agenda</a>',
        html,
    )
    lezing = built.article("wijken/oost/agenda/lezing/")
    assert 'href="lezing.ics"' in lezing and ">Zet in je agenda</a>" in lezing
    # What is over has no reason to go in anyone's agenda.
    assert ".ics" not in built.article("wijken/oost/agenda/zomercursus/")


def test_a_cancelled_evening_says_so_on_its_page(built):
    html = built.article("wijken/oost/agenda/lezing/")
    assert html.index("Gaat niet door.") < html.index("De spreker is ziek") < html.index('class="bw-feiten"')


def _jsonld(html: str) -> dict:
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))


def test_structured_data_has_the_status_the_offer_and_the_schedule(built):
    lezing = _jsonld(built.page("wijken/oost/agenda/lezing/"))
    assert lezing["eventStatus"] == "https://schema.org/EventCancelled"
    assert lezing["offers"] == {
        "@type": "Offer",
        "url": "https://oost.example/aanmelden",
        "description": "€ 2,50 voor koffie",
        "price": "2.50",
        "priceCurrency": "EUR",
    }
    assert lezing["isAccessibleForFree"] is False
    taal = _jsonld(built.page("wijken/oost/agenda/taalcafe/"))
    assert taal["eventStatus"] == "https://schema.org/EventScheduled" and taal["isAccessibleForFree"] is True
    assert taal["offers"]["price"] == "0" and taal["offers"]["url"] == "mailto:taalcafe@oost.example"
    schedule = taal["eventSchedule"]
    assert schedule["repeatFrequency"] == "P1W"
    assert schedule["byDay"] == ["https://schema.org/Tuesday", "https://schema.org/Thursday"]
    assert (schedule["startTime"], schedule["endTime"], schedule["endDate"]) == ("19:30", "21:00", "2027-03-30")
    assert schedule["exceptDate"] == ["2026-12-24", "2026-12-01"]
    statuses = {e["startDate"]: e["eventStatus"].rsplit("/", 1)[1] for e in taal["subEvent"]}
    assert statuses["2026-12-01T19:30+01:00"] == "EventCancelled" and statuses["2026-11-24T19:30+01:00"] == "EventScheduled"
    assert taal["location"]["amenityFeature"]["name"] == "Rolstoeltoegankelijk; er is een ringleiding"


def test_home_and_wijk_show_the_next_times(built):
    home = built.page("")
    assert _times(home, "Taalcafé")[:2] == ["2026-11-24T19:30+01:00", "2026-11-26T19:30+01:00"]
    wijk = built.article("wijken/oost/")
    assert _times(wijk, "Taalcafé")[0] == "2026-11-24T19:30+01:00"
    lezing = wijk[wijk.index(">Lezing over zonnepanelen</a>") :]
    assert "De spreker is ziek" in lezing[: lezing.index("</li>")]
    # The card counts activiteiten, a series once: the taalcafé and the lezing.
    assert "2 activiteiten op de agenda" in built.page("wijken/")


def test_the_initiatief_lists_its_series_once_with_its_rule(built):
    html = built.article("wijken/oost/initiatieven/taal/")
    agenda = html[html.index('id="agenda"') :]
    assert agenda.count(">Taalcafé</a>") == 1 and "Elke dinsdag en donderdag" in agenda


def test_feeds_mark_a_cancellation_and_date_by_the_file_not_the_event(built):
    import feedparser

    feed = feedparser.parse((built.site / "feeds/agenda.rss").read_bytes())
    titles = [e.title for e in feed.entries]
    assert "Gaat niet door: Lezing over zonnepanelen (26 november 2026)" in titles
    assert "Taalcafé (elke dinsdag en donderdag, tot en met 31 maart 2027)" in titles
    # When the file changed, never the event's own day.
    assert {datetime(*e.published_parsed[:6], tzinfo=UTC) for e in feed.entries} == {GEWIJZIGD}
    taal = next(e for e in feed.entries if e.title.startswith("Taalcafé"))
    assert "Elke dinsdag en donderdag, tot en met 31 maart 2027, 19.30 tot 21.00 uur" in taal.summary
    assert "Kosten:</strong> gratis" in taal.content[0].value


def test_open_data_has_the_series_and_the_rest(built):
    data = json.loads((built.site / "data/activiteiten.json").read_text(encoding="utf-8"))
    records = {r["id"]: r for r in data["items"]}
    taal = records["oost/agenda/taalcafe"]
    assert taal["herhaling"]["tekst"] == "elke dinsdag en donderdag, tot en met 31 maart 2027"
    assert taal["herhaling"]["rrule"] == "FREQ=WEEKLY;UNTIL=20270331T215959Z;BYDAY=TU,TH;WKST=MO"
    assert taal["herhaling"]["behalve"] == [
        {"datum": "2026-12-24", "reden": None},
        {"datum": "2026-12-01", "reden": "Het buurthuis is dicht voor een verbouwing"},
    ]
    assert (taal["kosten"], taal["aanmelden"], taal["afgelast"]) == ("gratis", "taalcafe@oost.example", None)
    assert records["oost/agenda/lezing"]["afgelast"] == "De spreker is ziek; we zoeken een nieuwe datum."


def test_every_calendar_gives_exactly_the_times_the_pages_list(built):
    """The city's calendar, read as a calendar app reads it, against the agenda's rows."""
    import recurring_ical_events
    from icalendar import Calendar

    html = built.listing("agenda/")
    listed = set(
        re.findall(
            r'<time class="bw-event__when" datetime="([^"]+)">[^<]*</time>\s*(?:<span[^>]*>[^<]*</span>\s*)?<a[^>]*href="[^"]*agenda/([a-z-]+)/"',
            html,
        )
    )
    calendar = Calendar.from_ical((built.site / "kalender/stad.ics").read_bytes())
    window = (VANDAAG, VANDAAG + timedelta(weeks=8, days=1))
    expanded = set()
    for event in recurring_ical_events.of(calendar).between(*window):
        start = event.decoded("dtstart").astimezone(TZ).isoformat(timespec="minutes")
        expanded.add((start, str(event["url"]).rstrip("/").rsplit("/", 1)[1]))
        if (start, "taalcafe") == ("2026-12-01T19:30+01:00", "taalcafe"):
            assert event["status"] == "CANCELLED"
    assert listed == expanded
    # Each page's own file holds its next times, as the page lists them.
    page = built.article("wijken/oost/agenda/taalcafe/")
    keren = page[page.index('id="keren"') : page.index("</ul>", page.index('id="keren"'))]
    own = Calendar.from_ical((built.site / "wijken/oost/agenda/taalcafe/taalcafe.ics").read_bytes())
    times = sorted(
        e.decoded("dtstart").astimezone(TZ).isoformat(timespec="minutes") for e in recurring_ical_events.of(own).between(*window)
    )
    assert re.findall(r'datetime="([^"]+)"', keren) == times[:8]


@pytest.fixture
def weekenden(city):
    """Series whose times last more than a day, and one whose first time drops out."""
    city.wijk("oost", naam="Oost")
    city.activiteit(
        "oost", "kamp", titel="Weekendkamp", start="2026-11-27 18:00", eind="2026-11-29 17:00", herhaling={"elke": "week", "aantal": 6}
    )
    city.activiteit("oost", "markt", titel="Weekendmarkt", start="2026-12-05", eind="2026-12-06", herhaling={"elke": "maand", "aantal": 3})
    city.activiteit(
        "oost", "soep", titel="Soep", start="2026-12-04 18:00", herhaling={"elke": "week", "aantal": 4, "behalve": ["2026-12-04"]}
    )
    return city.build(strict=True)


def _feiten(html: str) -> dict[str, str]:
    return dict(re.findall(r"<dt>([^<]+)</dt><dd>(.*?)</dd>", html))


def test_a_series_of_times_over_more_days_says_from_which_day_to_which(weekenden):
    assert _feiten(weekenden.article("wijken/oost/agenda/kamp/"))["Hoe laat"] == "Vrijdag 18.00 uur tot zondag 17.00 uur"
    assert _feiten(weekenden.article("wijken/oost/agenda/markt/"))["Hoe laat"] == "Zaterdag tot en met zondag, de hele dag"
    import feedparser

    entries = {e.title.split(" (")[0]: e for e in feedparser.parse((weekenden.site / "feeds/agenda.rss").read_bytes()).entries}
    assert "Elke vrijdag, 6 keer, vrijdag 18.00 uur tot zondag 17.00 uur" in entries["Weekendkamp"].summary
    assert "zaterdag tot en met zondag, de hele dag" in entries["Weekendmarkt"].content[0].value


def test_a_series_whose_first_date_drops_out_begins_at_its_first_time(weekenden):
    html = weekenden.article("wijken/oost/agenda/soep/")
    assert _feiten(html)["Wanneer"] == "Elke vrijdag, 4 keer, vanaf vrijdag 11 december 2026"
    import feedparser

    [soep] = [e for e in feedparser.parse((weekenden.site / "feeds/agenda.rss").read_bytes()).entries if e.title.startswith("Soep")]
    assert "de eerste keer is vrijdag 11 december 2026" in soep.content[0].value


def test_after_the_weekend_the_home_page_lists_each_activiteit_once_at_its_next_time(weekenden):
    home = weekenden.article("")
    daarna = home[home.index('id="binnenkort"') : home.index("</ul>", home.index('id="binnenkort"'))]
    assert re.findall(r'class="bw-event__title"[^>]*>([^<]+)</a>', daarna) == ["Weekendkamp", "Weekendmarkt", "Soep"]
    assert "Elke vrijdag, 6 keer" in daarna  # a series says how it comes back
