"""A wijk's own agenda (`kalender`) read as activiteiten: each test builds a real .ics and reads it.

Times, series in the contract's words, the times the contract can't say written out,
cancellations, what is left out and why, and what is no calendar at all. The series that
are mapped onto `herhaling` are held against recurring-ical-events, the reference for what
a calendar app shows, over two years.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta

import pytest
import recurring_ical_events
from icalendar import Calendar

from bovenwijks.dates import TZ
from bovenwijks.herhaling import WEEKDAGEN, keren
from bovenwijks.model import Activiteit, Herhaling, Uitzondering
from bovenwijks.tools.kalenderbron import MAX_KEREN, GeenKalender, Kalender, KalenderActiviteit, alineas, lees_kalender

VANDAAG = date(2026, 11, 23)  # a Monday; old history is what ended before 26 oktober 2026
URL = "https://soesterkwartier.example/agenda/?ical=1"
NAAM = "Wijkvereniging Soesterkwartier"
AFGELAST = f"Afgelast volgens {NAAM}"
UID = "taalcafe@soesterkwartier.example"

# As Google, Outlook and WordPress write it: the zone's rules in the file itself.
AMSTERDAM = """BEGIN:VTIMEZONE
TZID:Europe/Amsterdam
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE"""


def ics(*events: str, kop: str = f"X-WR-CALNAME:{NAAM}") -> bytes:
    """A calendar file with `events`, lines ending in CRLF as RFC 5545 asks."""
    text = "\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//bovenwijks//test//NL", kop, AMSTERDAM, *events, "END:VCALENDAR"])
    return ("\r\n".join(line for line in text.split("\n") if line) + "\r\n").encode()


def vevent(*lines: str, uid: str = UID, summary: str | None = "Taalcafé") -> str:
    """One VEVENT with `lines`; `summary=None` leaves its title out."""
    title = [f"SUMMARY:{summary}"] if summary is not None else []
    return "\n".join(["BEGIN:VEVENT", f"UID:{uid}", "DTSTAMP:20261101T090000Z", *title, *lines, "END:VEVENT"])


def lees(body: bytes) -> Kalender:
    return lees_kalender(body, URL, VANDAAG)


def enige(body: bytes) -> KalenderActiviteit:
    [activiteit] = lees(body).activiteiten
    return activiteit


def ams(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=TZ)


# ---- one-off events: the times --------------------------------------------------------------


@pytest.mark.parametrize(
    "lines, kop, start, eind, hele_dag",
    [
        (
            ["DTSTART;TZID=Europe/Amsterdam:20261205T193000", "DTEND;TZID=Europe/Amsterdam:20261205T213000"],
            None,
            "2026-12-05 19:30",
            "2026-12-05 21:30",
            False,
        ),
        (["DTSTART:20261205T183000Z", "DTEND:20261205T203000Z"], None, "2026-12-05 19:30", "2026-12-05 21:30", False),
        (["DTSTART:20270705T173000Z", "DURATION:PT2H"], None, "2027-07-05 19:30", "2027-07-05 21:30", False),
        # floating: Amsterdam's clock
        (["DTSTART:20261205T193000"], None, "2026-12-05 19:30", None, False),
        # floating, with the calendar's own zone (Google, Apple)
        (["DTSTART:20261205T193000"], "X-WR-TIMEZONE:Europe/London", "2026-12-05 20:30", None, False),
        (["DTSTART:20261205T193000"], "X-WR-TIMEZONE:Mars/Olympus", "2026-12-05 19:30", None, False),  # a zone nobody knows
        # a whole day: DTEND is the day after
        (["DTSTART;VALUE=DATE:20261212", "DTEND;VALUE=DATE:20261213"], None, "2026-12-12 00:00", None, True),
        (["DTSTART;VALUE=DATE:20261212"], None, "2026-12-12 00:00", None, True),
        # a weekend: `eind` is its last day
        (["DTSTART;VALUE=DATE:20261212", "DTEND;VALUE=DATE:20261214"], None, "2026-12-12 00:00", "2026-12-13 00:00", True),
        # an end before the start is no end
        (["DTSTART:20261205T193000", "DTEND:20261205T183000"], None, "2026-12-05 19:30", None, False),
    ],
)
def test_the_times_of_an_event_in_amsterdam_time(lines, kop, start, eind, hele_dag):
    body = ics(vevent(*lines), kop=kop) if kop else ics(vevent(*lines))
    activiteit = enige(body)
    assert (activiteit.start, activiteit.eind, activiteit.hele_dag) == (ams(start), ams(eind) if eind else None, hele_dag)
    assert activiteit.start.tzinfo is TZ
    assert activiteit.herhaling is None
    assert activiteit.uid == UID


def test_what_an_event_says_besides_its_time():
    activiteit = enige(
        ics(
            vevent(
                "DTSTART;TZID=Europe/Amsterdam:20261205T193000",
                "LOCATION:Buurthuis De Sapel\\, Soesterkwartier",
                "URL:/agenda/taalcafe/",
                "DESCRIPTION:Oefen Nederlands met je buren.\\nKoffie staat klaar.\\n\\nMeer: https://soesterkwartier.example/taal. <script>alert(1)</script>",
                "LAST-MODIFIED:20261110T080000Z",
                summary="Taalcafé  voor   iedereen",
            )
        )
    )
    assert activiteit.titel == "Taalcafé voor iedereen"
    assert activiteit.locatie == "Buurthuis De Sapel, Soesterkwartier"
    assert activiteit.link == "https://soesterkwartier.example/agenda/taalcafe/"
    assert activiteit.html == (
        "<p>Oefen Nederlands met je buren.<br>Koffie staat klaar.</p>\n"
        '<p>Meer: <a href="https://soesterkwartier.example/taal" rel="nofollow noopener noreferrer">https://soesterkwartier.example/taal</a>.'
        " &lt;script&gt;alert(1)&lt;/script&gt;</p>"
    )
    assert activiteit.gewijzigd == datetime(2026, 11, 10, 9, 0, tzinfo=TZ)
    assert activiteit.afgelast is None


@pytest.mark.parametrize(
    "lines, locatie, link, html, gewijzigd",
    [
        ([], "", None, "", None),  # not DTSTAMP: most servers set it to the time of the export
        (["URL:javascript:alert(1)"], "", None, "", None),
        (["URL:mailto:taal@example.org"], "", None, "", None),
        (["URL:http://[kapot/agenda"], "", None, "", None),  # no address: left out, not a traceback
        (["DESCRIPTION:Tom & Jerry <3"], "", None, "<p>Tom &amp; Jerry &lt;3</p>", None),
    ],
)
def test_what_an_event_leaves_out(lines, locatie, link, html, gewijzigd):
    activiteit = enige(ics(vevent("DTSTART:20261205T193000", *lines)))
    assert (activiteit.locatie, activiteit.link, activiteit.html, activiteit.gewijzigd) == (locatie, link, html, gewijzigd)


@pytest.mark.parametrize(
    "text, html",
    [
        ("", ""),
        ("Eén regel", "<p>Eén regel</p>"),
        ("a\nb\n\n\n\nc", "<p>a<br>b</p>\n<p>c</p>"),
        ("a\r\nb", "<p>a<br>b</p>"),
        (
            "zie http://x.example/a?b=1&c=2, of niet",
            '<p>zie <a href="http://x.example/a?b=1&amp;c=2" rel="nofollow noopener noreferrer">http://x.example/a?b=1&amp;c=2</a>, of niet</p>',
        ),
        ('"quote" <b>', "<p>&quot;quote&quot; &lt;b&gt;</p>"),
    ],
)
def test_plain_text_becomes_paragraphs(text, html):
    assert alineas(text) == html


def test_html_in_x_alt_desc_is_cleaned():
    activiteit = enige(
        ics(
            vevent(
                "DTSTART:20261205T193000",
                "DESCRIPTION:Neem je buren mee.",
                'X-ALT-DESC;FMTTYPE=text/html:<p onclick="x()">Neem je <b>buren</b> mee.</p><script>alert(1)</script><img src="https://tracker.example/p.gif">',
            )
        )
    )
    assert "Neem je" in activiteit.html and "buren" in activiteit.html
    assert "<script" not in activiteit.html and "alert" not in activiteit.html
    assert "onclick" not in activiteit.html and "<img" not in activiteit.html


def test_html_that_google_writes_into_description_is_cleaned_not_escaped():
    activiteit = enige(ics(vevent("DTSTART:20261205T193000", "DESCRIPTION:Neem je <b>buren</b> mee.<br><script>alert(1)</script>")))
    assert "Neem je" in activiteit.html and "&lt;b&gt;" not in activiteit.html
    assert "<script" not in activiteit.html and "alert" not in activiteit.html


@pytest.mark.parametrize(
    "kop, site",
    [
        (f"X-WR-CALNAME:{NAAM}", NAAM),
        ("X-WR-CALNAME:   ", "soesterkwartier.example"),
        ("X-WR-CALDESC:zonder naam", "soesterkwartier.example"),
    ],
)
def test_the_site_is_the_calendars_name_else_its_host(kop, site):
    assert lees(ics(vevent("DTSTART:20261205T193000"), kop=kop)).site == site


# ---- series in the contract's words ---------------------------------------------------------

# (DTSTART, RRULE, the `herhaling` without `behalve`)
PASSEND = [
    (
        ";TZID=Europe/Amsterdam:20261006T193000",
        "FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20261217T225959Z",
        {"elke": "week", "dagen": ["dinsdag", "donderdag"], "tot": "2026-12-17"},
    ),
    # Google's UNTIL: the last time itself, in UTC
    (";TZID=Europe/Amsterdam:20261006T193000", "FREQ=WEEKLY;UNTIL=20261215T183000Z", {"elke": "week", "tot": "2026-12-15"}),
    # an UNTIL before the clock time on its day: that day's time is not in it
    (";TZID=Europe/Amsterdam:20261006T193000", "FREQ=WEEKLY;UNTIL=20261215T120000Z", {"elke": "week", "tot": "2026-12-14"}),
    # a series for ever, as some editors write it
    (";TZID=Europe/Amsterdam:20261006T193000", "FREQ=WEEKLY;UNTIL=99991231T225959Z", {"elke": "week", "tot": "9999-12-31"}),
    (";TZID=Europe/Amsterdam:20261006T193000", "FREQ=WEEKLY;UNTIL=99991231T235959Z", {"elke": "week", "tot": "9999-12-31"}),
    (";TZID=Europe/Amsterdam:20261006T193000", "FREQ=WEEKLY;BYDAY=TU;COUNT=10", {"elke": "week", "aantal": 10}),
    (";TZID=Europe/Amsterdam:20261107T100000", "FREQ=WEEKLY;INTERVAL=2", {"elke": "2 weken"}),
    (
        ";TZID=Europe/Amsterdam:20261107T100000",
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=SA,SU;WKST=MO",
        {"elke": "2 weken", "dagen": ["zaterdag", "zondag"]},
    ),
    # floating: Amsterdam's clock, as the contract's
    (":20261006T193000", "FREQ=WEEKLY;BYDAY=TH,TU", {"elke": "week", "dagen": ["dinsdag", "donderdag"]}),
    (";TZID=Europe/Amsterdam:20261114T100000", "FREQ=MONTHLY;BYDAY=2SA", {"elke": "maand"}),
    (";TZID=Europe/Amsterdam:20261114T100000", "FREQ=MONTHLY;BYDAY=+2SA;COUNT=6", {"elke": "maand", "aantal": 6}),
    (";TZID=Europe/Amsterdam:20261030T170000", "FREQ=MONTHLY;BYDAY=-1FR", {"elke": "maand"}),
    (";VALUE=DATE:20270427", "FREQ=YEARLY", {"elke": "jaar"}),
    (";VALUE=DATE:20270427", "FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=27", {"elke": "jaar"}),
    (";VALUE=DATE:20261212", "FREQ=WEEKLY;BYDAY=SA;UNTIL=20270130", {"elke": "week", "tot": "2027-01-30"}),
]


@pytest.mark.parametrize("dtstart, rrule, herhaling", PASSEND)
def test_a_series_that_the_contract_can_say_is_one_activiteit(dtstart, rrule, herhaling):
    activiteit = enige(ics(vevent(f"DTSTART{dtstart}", f"RRULE:{rrule}")))
    assert activiteit.uid == UID
    assert activiteit.herhaling == {**herhaling, "behalve": []}


# A series with every kind of exception: dropped, cancelled, moved, and changed in what residents don't see.
UITZONDERINGEN = ics(
    vevent(
        "DTSTART;TZID=Europe/Amsterdam:20261006T193000",
        "DTEND;TZID=Europe/Amsterdam:20261006T213000",
        "RRULE:FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20261217T225959Z",
        "EXDATE;TZID=Europe/Amsterdam:20261008T193000,20261126T193000",
        "EXDATE;TZID=Europe/Amsterdam:20261007T193000",  # a Wednesday: no time of the series
    ),
    vevent(
        "RECURRENCE-ID;TZID=Europe/Amsterdam:20261203T193000",
        "DTSTART;TZID=Europe/Amsterdam:20261203T193000",
        "DTEND;TZID=Europe/Amsterdam:20261203T213000",
        "STATUS:CANCELLED",
    ),
    vevent(
        "RECURRENCE-ID;TZID=Europe/Amsterdam:20261201T193000",
        "DTSTART;TZID=Europe/Amsterdam:20261201T200000",
        "DTEND;TZID=Europe/Amsterdam:20261201T220000",
        "LOCATION:De bibliotheek",
    ),
    # only who comes changed: residents see the series' own time
    vevent(
        "RECURRENCE-ID;TZID=Europe/Amsterdam:20261208T193000",
        "DTSTART;TZID=Europe/Amsterdam:20261208T193000",
        "DTEND;TZID=Europe/Amsterdam:20261208T213000",
        "ATTENDEE:mailto:jan@example.org",
    ),
)


def test_exceptions_of_a_series_dropped_cancelled_and_moved():
    reeks, verzet = lees(UITZONDERINGEN).activiteiten
    assert reeks.uid == UID and reeks.start == ams("2026-10-06 19:30")
    assert reeks.herhaling == {
        "elke": "week",
        "dagen": ["dinsdag", "donderdag"],
        "tot": "2026-12-17",
        "behalve": [
            {"datum": "2026-10-08", "reden": None},
            {"datum": "2026-11-26", "reden": None},
            {"datum": "2026-12-01", "reden": None},
            {"datum": "2026-12-03", "reden": AFGELAST},
        ],
    }
    assert (verzet.uid, verzet.start, verzet.eind, verzet.locatie, verzet.herhaling) == (
        f"{UID}#20261201",
        ams("2026-12-01 20:00"),
        ams("2026-12-01 22:00"),
        "De bibliotheek",
        None,
    )


# (DTSTART, RRULE, the times written out: "UID#..." and start)
UITGESCHREVEN = [
    (
        ";TZID=Europe/Amsterdam:20261130T100000",
        "FREQ=DAILY;COUNT=5",
        [("20261130", "2026-11-30 10:00"), ("20261201", "2026-12-01 10:00"), ("20261202", "2026-12-02 10:00"), ("20261203", "2026-12-03 10:00"), ("20261204", "2026-12-04 10:00")],
    ),
    (
        ";TZID=Europe/Amsterdam:20260115T190000",
        "FREQ=MONTHLY;BYMONTHDAY=15",
        [(f"{m:%Y%m}15", f"{m:%Y-%m}-15 19:00") for m in (date(2026, 11, 1), date(2026, 12, 1), *(date(2027, n, 1) for n in range(1, 6)))],
    ),
    # the fourth Friday is the last in November, not in every month
    (";TZID=Europe/Amsterdam:20261127T170000", "FREQ=MONTHLY;BYDAY=4FR;COUNT=3", [("20261127", "2026-11-27 17:00"), ("20261225", "2026-12-25 17:00"), ("20270122", "2027-01-22 17:00")]),
    (";TZID=Europe/Amsterdam:20261124T193000", "FREQ=WEEKLY;INTERVAL=3;COUNT=3", [("20261124", "2026-11-24 19:30"), ("20261215", "2026-12-15 19:30"), ("20270105", "2027-01-05 19:30")]),
    (";TZID=Europe/Amsterdam:20261114T100000", "FREQ=MONTHLY;BYDAY=SA;BYSETPOS=2;COUNT=2", [("20261114", "2026-11-14 10:00"), ("20261212", "2026-12-12 10:00")]),
    # DTSTART on a Wednesday, the rule on Tuesdays: RFC 5545 counts the start as a time
    (";TZID=Europe/Amsterdam:20261125T193000", "FREQ=WEEKLY;BYDAY=TU;UNTIL=20261209T000000Z", [("20261125", "2026-11-25 19:30"), ("20261201", "2026-12-01 19:30"), ("20261208", "2026-12-08 19:30")]),
    # in UTC, the time in Amsterdam moves an hour at the change to winter time (25 oktober);
    # the first, at 19.30 uur on 20 oktober, is old history
    (
        ":20261020T173000Z",
        "FREQ=WEEKLY;COUNT=4",
        [("20261027", "2026-10-27 18:30"), ("20261103", "2026-11-03 18:30"), ("20261110", "2026-11-10 18:30")],
    ),
    # every other week, the weeks starting on Sunday: not the contract's Monday
    (";TZID=Europe/Amsterdam:20261129T100000", "FREQ=WEEKLY;INTERVAL=2;BYDAY=SU,MO;WKST=SU;COUNT=4", [("20261129", "2026-11-29 10:00"), ("20261130", "2026-11-30 10:00"), ("20261213", "2026-12-13 10:00"), ("20261214", "2026-12-14 10:00")]),
    # two times a day: each has its clock time in its id
    (";TZID=Europe/Amsterdam:20261124T100000", "FREQ=DAILY;BYHOUR=10,14;COUNT=2", [("20261124T1000", "2026-11-24 10:00"), ("20261124T1400", "2026-11-24 14:00")]),
]  # fmt: skip


@pytest.mark.parametrize("dtstart, rrule, times", UITGESCHREVEN)
def test_a_series_the_contract_cannot_say_is_written_out(dtstart, rrule, times):
    activiteiten = lees(ics(vevent(f"DTSTART{dtstart}", f"RRULE:{rrule}"))).activiteiten
    assert [(a.uid, a.start) for a in activiteiten] == [(f"{UID}#{suffix}", ams(start)) for suffix, start in times]
    assert all(a.herhaling is None and a.titel == "Taalcafé" for a in activiteiten)


def test_a_series_written_out_keeps_its_exceptions():
    body = ics(
        vevent(
            "DTSTART;TZID=Europe/Amsterdam:20261130T100000",
            "DTEND;TZID=Europe/Amsterdam:20261130T120000",
            "RRULE:FREQ=DAILY;COUNT=5",
            "EXDATE;TZID=Europe/Amsterdam:20261201T100000",
        ),
        vevent("RECURRENCE-ID;TZID=Europe/Amsterdam:20261202T100000", "DTSTART;TZID=Europe/Amsterdam:20261202T100000", "STATUS:CANCELLED"),
        vevent(
            "RECURRENCE-ID;TZID=Europe/Amsterdam:20261203T100000", "DTSTART;TZID=Europe/Amsterdam:20261203T150000", summary="Taalcafé later"
        ),
    )
    got = [(a.uid.removeprefix(UID), a.start, a.titel, a.afgelast) for a in lees(body).activiteiten]
    assert got == [
        ("#20261130", ams("2026-11-30 10:00"), "Taalcafé", None),
        ("#20261202", ams("2026-12-02 10:00"), "Taalcafé", AFGELAST),
        ("#20261203", ams("2026-12-03 15:00"), "Taalcafé later", None),
        ("#20261204", ams("2026-12-04 10:00"), "Taalcafé", None),
    ]


def test_a_series_changed_from_one_time_on_is_written_out():
    body = ics(
        vevent("DTSTART;TZID=Europe/Amsterdam:20261124T193000", "RRULE:FREQ=WEEKLY;COUNT=4"),
        vevent("RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Europe/Amsterdam:20261208T193000", "DTSTART;TZID=Europe/Amsterdam:20261208T200000"),
    )
    assert [(a.uid.removeprefix(UID), a.start, a.herhaling) for a in lees(body).activiteiten] == [
        ("#20261124", ams("2026-11-24 19:30"), None),
        ("#20261201", ams("2026-12-01 19:30"), None),
        ("#20261208", ams("2026-12-08 20:00"), None),
        ("#20261215", ams("2026-12-15 20:00"), None),
    ]


def test_a_series_written_out_is_bounded():
    kalender = lees(ics(vevent("DTSTART;TZID=Europe/Amsterdam:20200101T090000", "RRULE:FREQ=DAILY")))
    assert len(kalender.activiteiten) == MAX_KEREN
    assert kalender.activiteiten[0].uid == f"{UID}#20261026"  # four weeks before VANDAAG
    assert kalender.activiteiten[-1].uid == f"{UID}#20261224"
    assert kalender.overgeslagen == (
        f"'Taalcafé' komt 211 keer voor tussen 26 oktober 2026 en 24 mei 2027; alleen de eerste {MAX_KEREN} keer staan in de agenda",
    )


# ---- the reference: what a calendar app shows of the same file -------------------------------


def _herhaling(values: dict) -> Herhaling:
    return Herhaling(
        values["elke"],
        tuple(WEEKDAGEN.index(d) for d in values.get("dagen", [])),
        date.fromisoformat(values["tot"]) if "tot" in values else None,
        values.get("aantal"),
        tuple(Uitzondering(date.fromisoformat(u["datum"]), u["reden"]) for u in values["behalve"]),
    )


def _model(a: KalenderActiviteit) -> Activiteit:
    herhaling = _herhaling(a.herhaling) if a.herhaling else None
    return Activiteit(
        "oost", "x", "x.md", a.titel, start=a.start, eind=a.eind, hele_dag=a.hele_dag, herhaling=herhaling, afgelast=a.afgelast
    )


def _op_de_pagina(kalender: Kalender, van: date, tot: date) -> Counter:
    """The times the build lists of the imported activiteiten, by `bovenwijks.herhaling`."""
    return Counter((k.start, k.afgelast is not None) for a in kalender.activiteiten for k in keren(_model(a), van, tot))


def _in_de_app(body: bytes, van: date, tot: date) -> Counter:
    found = Counter()
    for event in recurring_ical_events.of(Calendar.from_ical(body)).between(van, tot + timedelta(days=1)):
        start = event.start
        if not isinstance(start, datetime):
            start = datetime.combine(start, datetime.min.time())
        start = start.replace(tzinfo=TZ) if start.tzinfo is None else start.astimezone(TZ)  # floating: Amsterdam's clock
        found[(start, str(event.get("STATUS", "")) == "CANCELLED")] += 1
    return found


REFERENTIE = [
    *[ics(vevent(f"DTSTART{dtstart}", f"RRULE:{rrule}")) for dtstart, rrule, _ in PASSEND],
    UITZONDERINGEN,
    ics(
        vevent(
            "DTSTART;TZID=Europe/Amsterdam:20261006T193000",
            "RRULE:FREQ=WEEKLY;BYDAY=TU,TH",
            "EXDATE;TZID=Europe/Amsterdam:20261008T193000,20261126T193000",
        ),
        vevent("RECURRENCE-ID;TZID=Europe/Amsterdam:20261203T193000", "DTSTART;TZID=Europe/Amsterdam:20261203T193000", "STATUS:CANCELLED"),
        vevent("RECURRENCE-ID;TZID=Europe/Amsterdam:20270302T193000", "DTSTART;TZID=Europe/Amsterdam:20270303T200000"),
    ),
]


@pytest.mark.parametrize("body", REFERENTIE, ids=[f"reeks-{n}" for n in range(len(REFERENTIE))])
def test_a_mapped_series_has_the_times_a_calendar_app_shows(body):
    kalender = lees(body)
    assert any(a.herhaling for a in kalender.activiteiten)  # mapped, not written out
    van, tot = date(2026, 10, 26), date(2028, 10, 26)  # both changes of the clock, twice
    assert _op_de_pagina(kalender, van, tot) == _in_de_app(body, van, tot)


def test_a_written_out_series_has_the_times_a_calendar_app_shows():
    body = ics(vevent("DTSTART:20261020T173000Z", "RRULE:FREQ=WEEKLY"))
    kalender = lees(body)
    assert not any(a.herhaling for a in kalender.activiteiten)
    van, tot = VANDAAG - timedelta(days=28), VANDAAG + timedelta(weeks=26)
    assert _op_de_pagina(kalender, van, tot) == _in_de_app(body, van, tot)


# ---- cancelled, old, and left out ------------------------------------------------------------


def test_a_cancelled_event_stays_on_the_agenda_marked_so():
    single = enige(ics(vevent("DTSTART:20261205T193000", "STATUS:CANCELLED")))
    assert single.afgelast == AFGELAST
    series = enige(ics(vevent("DTSTART:20261205T193000", "STATUS:CANCELLED", "RRULE:FREQ=WEEKLY")))
    assert (series.afgelast, series.herhaling) == (AFGELAST, {"elke": "week", "behalve": []})


@pytest.mark.parametrize(
    "lines, kept",
    [
        (["DTSTART:20261025T193000"], False),  # a day before the four weeks
        (["DTSTART:20261026T193000"], True),
        (["DTSTART:20261020T193000", "DTEND:20261027T120000"], True),  # ended within the four weeks
        (["DTSTART;VALUE=DATE:20261024", "DTEND;VALUE=DATE:20261027"], True),  # its last day is 26 oktober
        (["DTSTART:20250107T193000", "RRULE:FREQ=WEEKLY;COUNT=3"], False),
        (["DTSTART:20250107T193000", "RRULE:FREQ=WEEKLY;UNTIL=20261020T000000Z"], False),
        (["DTSTART:20250107T193000", "RRULE:FREQ=WEEKLY;UNTIL=20261030T000000Z"], True),
        (["DTSTART:20200107T193000", "RRULE:FREQ=WEEKLY"], True),
        (["DTSTART:20250107T193000", "RRULE:FREQ=DAILY;COUNT=3"], False),
    ],
)
def test_old_history_is_left_out_without_a_word(lines, kept):
    kalender = lees(ics(vevent(*lines), vevent("DTSTART:20261205T193000", uid="ander@x", summary="Borrel")))
    assert [a.titel for a in kalender.activiteiten] == (["Taalcafé", "Borrel"] if kept else ["Borrel"])
    assert kalender.overgeslagen == ()


@pytest.mark.parametrize(
    "event, reason",
    [
        (vevent("LOCATION:Buurthuis", summary="Buurtborrel"), "'Buurtborrel' is overgeslagen: er staat geen begintijd bij (DTSTART)"),
        (vevent("DTSTART:morgen", summary="Buurtborrel"), "'Buurtborrel' is overgeslagen: de begintijd (DTSTART) is onleesbaar"),
        (
            vevent("DTSTART:20261205T193000", summary=None),
            "een activiteit op 5 december 2026 is overgeslagen: er staat geen titel bij (SUMMARY)",
        ),
        (vevent("LOCATION:Buurthuis", summary=None, uid="x1"), "een activiteit zonder titel en begintijd is overgeslagen (UID x1)"),
        (
            vevent("DTSTART:20261207T193000", uid="goed@x", summary="Dubbel"),
            "'Dubbel' is overgeslagen: een andere activiteit heeft dezelfde UID (goed@x)",
        ),
    ],
)
def test_an_unusable_event_is_left_out_with_the_reason(event, reason):
    kalender = lees(ics(vevent("DTSTART:20261205T193000", uid="goed@x"), event))
    assert [a.titel for a in kalender.activiteiten] == ["Taalcafé"]
    assert kalender.overgeslagen == (reason,)


@pytest.mark.parametrize(
    "lines, reason",
    [
        (["RRULE:FREQ=WEEKLY", "EXDATE:morgen"], "'Taalcafé' is overgeslagen: een waarde is onleesbaar (EXDATE)"),
        (["RRULE:FREQ=SOMETIMES"], "'Taalcafé' is overgeslagen: een waarde is onleesbaar (RRULE)"),
        (["RRULE:FREQ=WEEKLY;BYDAY=TU", "RDATE:ooit"], "'Taalcafé' is overgeslagen: een waarde is onleesbaar (RDATE)"),
    ],
)
def test_a_series_with_a_value_that_cannot_be_read_is_left_out_with_the_reason(lines, reason):
    kalender = lees(ics(vevent("DTSTART:20261124T193000", *lines), vevent("DTSTART:20261205T193000", uid="ander@x", summary="Borrel")))
    assert [a.titel for a in kalender.activiteiten] == ["Borrel"]
    assert kalender.overgeslagen == (reason,)


@pytest.mark.parametrize("line", ["DTEND:straks", "DURATION:PT45"])
def test_an_end_that_cannot_be_read_is_no_end(line):
    activiteit = enige(ics(vevent("DTSTART:20261205T193000", line)))
    assert (activiteit.start, activiteit.eind) == (ams("2026-12-05 19:30"), None)


def test_an_instance_that_cannot_be_read_is_left_out_and_its_series_stays():
    kalender = lees(
        ics(vevent("DTSTART:20261124T193000", "RRULE:FREQ=WEEKLY"), vevent("RECURRENCE-ID:gisteren", "DTSTART:20261208T200000"))
    )
    assert [(a.uid, a.herhaling) for a in kalender.activiteiten] == [(UID, {"elke": "week", "behalve": []})]
    assert kalender.overgeslagen == (
        "een gewijzigde keer van 'Taalcafé' is overgeslagen: de keer die ze vervangt (RECURRENCE-ID) is onleesbaar",
    )


def test_the_instances_of_an_unusable_series_go_with_it():
    kalender = lees(
        ics(
            vevent("RRULE:FREQ=WEEKLY"),
            vevent("RECURRENCE-ID:20261208T193000", "DTSTART:20261208T200000"),
            vevent("DTSTART:20261205T193000", uid="ander@x", summary="Borrel"),
        )
    )
    assert [a.titel for a in kalender.activiteiten] == ["Borrel"]
    assert kalender.overgeslagen == ("'Taalcafé' is overgeslagen: er staat geen begintijd bij (DTSTART)",)


def test_an_instance_whose_series_is_not_in_the_file_stands_alone():
    activiteit = enige(ics(vevent("RECURRENCE-ID:20261208T193000", "DTSTART:20261208T200000")))
    assert (activiteit.uid, activiteit.start) == (f"{UID}#20261208", ams("2026-12-08 20:00"))


def test_an_event_without_uid_has_a_stable_one():
    event = "\n".join(["BEGIN:VEVENT", "SUMMARY:Borrel", "DTSTART:20261205T193000", "END:VEVENT"])
    first, again = enige(ics(event)), enige(ics(event))
    assert first.uid == again.uid and first.uid.startswith("zonder-uid-")


# ---- no calendar -----------------------------------------------------------------------------

LEEG = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//NL\r\nEND:VCALENDAR\r\n"


@pytest.mark.parametrize(
    "body, message",
    [
        (b"<!DOCTYPE html>\n<html><head><title>Agenda</title></head><body>Onze agenda</body></html>", "dit is geen agenda (iCalendar, .ics) maar een webpagina (HTML)"),
        (b'<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', "dit is een RSS- of Atom-feed, geen agenda (iCalendar, .ics); hoort dit adres bij 'feed'?"),
        (b"\x00\x9f garbage \xff", "dit is geen agenda: een iCalendar-bestand (.ics) begint met BEGIN:VCALENDAR"),
        (b"", "de agenda is leeg: het antwoord had geen inhoud"),
        (b"  \r\n ", "de agenda is leeg: het antwoord had geen inhoud"),
        (LEEG, "de agenda bevat geen activiteiten (er staat geen enkele VEVENT in)"),
        (b"BEGIN:VCALENDAR\r\nBEGIN:VTODO\r\nUID:t\r\nSUMMARY:Afwas\r\nEND:VTODO\r\nEND:VCALENDAR\r\n", "de agenda bevat geen activiteiten (er staat geen enkele VEVENT in)"),
        (b"BEGIN:VCALENDAR\r\nzomaar wat tekst\r\nEND:VCALENDAR\r\n", "de agenda is onleesbaar: niet elke regel volgt de opmaak van iCalendar (RFC 5545)"),
        (
            ics(vevent("LOCATION:Buurthuis"), vevent(uid="y", summary=None)),
            "geen enkele activiteit in de agenda is bruikbaar: 'Taalcafé' is overgeslagen: er staat geen begintijd bij (DTSTART);"
            " een activiteit zonder titel en begintijd is overgeslagen (UID y)",
        ),
    ],
)  # fmt: skip
def test_what_is_no_calendar_says_so_in_dutch(body, message):
    with pytest.raises(GeenKalender) as raised:
        lees(body)
    assert str(raised.value) == message


def test_a_calendar_of_only_old_history_is_a_calendar_with_nothing_in_it():
    kalender = lees(ics(vevent("DTSTART:20250107T193000")))
    assert (kalender.activiteiten, kalender.overgeslagen) == ((), ())


def test_an_outlook_export_in_windows_1252_is_read():
    activiteit = enige(ics(vevent("DTSTART:20261205T193000", summary="Caf\u00e9")).replace("Café".encode(), "Café".encode("cp1252")))
    assert activiteit.titel == "Café"


# ---- reproducible ----------------------------------------------------------------------------

ALLES = [
    vevent(
        "DTSTART;TZID=Europe/Amsterdam:20261006T193000", "RRULE:FREQ=WEEKLY;BYDAY=TU,TH", "EXDATE;TZID=Europe/Amsterdam:20261126T193000"
    ),
    vevent("RECURRENCE-ID;TZID=Europe/Amsterdam:20261201T193000", "DTSTART;TZID=Europe/Amsterdam:20261201T200000"),
    vevent("RECURRENCE-ID;TZID=Europe/Amsterdam:20261203T193000", "DTSTART;TZID=Europe/Amsterdam:20261203T193000", "STATUS:CANCELLED"),
    vevent("DTSTART;TZID=Europe/Amsterdam:20261130T100000", "RRULE:FREQ=DAILY;COUNT=5", uid="soep@x", summary="Soep"),
    vevent("DTSTART;VALUE=DATE:20261212", "DTEND;VALUE=DATE:20261214", uid="markt@x", summary="Kerstmarkt"),
    vevent("DTSTART:20261205T183000Z", "STATUS:CANCELLED", uid="lezing@x", summary="Lezing"),
]


def test_the_same_calendar_gives_the_same_activiteiten():
    first, again = lees(ics(*ALLES)), lees(ics(*ALLES))
    assert first == again
    assert len(first.activiteiten) == 9
    assert lees(ics(*reversed(ALLES))).activiteiten == first.activiteiten
