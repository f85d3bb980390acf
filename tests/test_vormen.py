"""What editors naturally write is accepted: `e-mail:`, `eind: 17:00`, "zaterdag 19 juni 2027",
comma lists of ids, the titel of a prioriteit; and what is wrong in it reads as one Dutch sentence.
"""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from city import INITIATIEF_FRONTMATTER

from bovenwijks.content.load import load_stad
from bovenwijks.content.suggest import hint, then
from bovenwijks.dates import TZ, parse_date, parse_datetime, parse_time, wrong_weekday

INITIATIEF = "wijken/oost/initiatieven/repair-cafe.md"
ACTIVITEIT = "wijken/oost/agenda/soep.md"
ACTIVITEIT_FRONTMATTER = "---\ntitel: Soep\nlocatie: Buurthuis\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("zaterdag 19 juni 2027", date(2027, 6, 19)),
        ("Zaterdag 19 juni 2027", date(2027, 6, 19)),
        ("za 19 juni 2027", date(2027, 6, 19)),
        ("za. 19-06-2027", date(2027, 6, 19)),
        ("zaterdag, 2027-06-19", date(2027, 6, 19)),
        ("vrijdag 19 juni 2027", None),  # the 19th is a Saturday
        ("morgen 19 juni 2027", None),
        ("zaterdag", None),
    ],
)
def test_a_date_may_start_with_its_weekday(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("zaterdag 19 juni 2027 19:30", datetime(2027, 6, 19, 19, 30, tzinfo=TZ)),
        ("zo 20 juni 2027 om 12.00 uur", datetime(2027, 6, 20, 12, 0, tzinfo=TZ)),
        ("vrijdag 19 juni 2027 19:30", None),
    ],
)
def test_a_date_and_time_may_start_with_its_weekday(text, expected):
    parsed = parse_datetime(text)
    assert (parsed[0] if parsed else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("vrijdag 19 juni 2027", (date(2027, 6, 19), 4)),
        ("vr 19 juni 2027 19:30", (date(2027, 6, 19), 4)),
        ("zaterdag 19 juni 2027", None),
        ("19 juni 2027", None),
        ("vrijdag 31 juni 2027", None),  # no such date: that is the problem, not the weekday
    ],
)
def test_wrong_weekday(text, expected):
    assert wrong_weekday(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("17:00", time(17, 0)), ("17.00", time(17, 0)), ("17:00 uur", time(17, 0)), ("9.30", time(9, 30)), ("25:00", None), ("17", None)],
)
def test_a_time_alone(text, expected):
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    ("word", "choices", "expected"),
    [
        ("weekk", ("week", "2 weken", "maand", "jaar"), "bedoel je 'week'? (kies uit: week, 2 weken, maand, jaar)"),
        ("dag", ("week", "2 weken", "maand", "jaar"), "kies uit: week, 2 weken, maand, jaar"),
    ],
)
def test_hint_lists_the_choices_once_in_their_own_order(word, choices, expected):
    assert hint(word, choices) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bedoel je 'titel'?", "bedoel je 'titel'? Deze sleutel wordt genegeerd"),
        ("kies uit: 'a', 'b'", "kies uit: 'a', 'b'. Deze sleutel wordt genegeerd"),
        ("(zie wijkplan.md)", "(zie wijkplan.md). Deze sleutel wordt genegeerd"),
    ],
)
def test_then_makes_one_sentence_follow_another(text, expected):
    assert then(text, "Deze sleutel wordt genegeerd") == expected


def _load(city, path: str, text: str):
    city.wijk("oost", naam="Oost")
    city.wijkplan(
        "oost",
        [
            {"id": "eenzaamheid", "titel": "Eenzaamheid tegengaan", "thema": "ontmoeting"},
            {"id": "groen", "titel": "Meer groen, minder stenen", "thema": "groen-en-duurzaam"},
        ],
    )
    city.write(path, text)
    return load_stad(city.root)


def _initiatief(old: str, new: str) -> str:
    assert old in INITIATIEF_FRONTMATTER
    return INITIATIEF_FRONTMATTER.replace(old, new) + "---\n\nTekst.\n"


ACCEPTED_INITIATIEF = [
    pytest.param(_initiatief("  email:", "  e-mail:"), "contact", ("Jan", "jan@example.org", None), id="e-mail"),
    pytest.param(
        _initiatief("themas:\n  - ontmoeting", "themas: ontmoeting, groen-en-duurzaam"),
        "themas",
        ["ontmoeting", "groen-en-duurzaam"],
        id="comma-themas",
    ),
    pytest.param(
        _initiatief("status: actief", "status: actief\nprioriteiten: [Eenzaamheid tegengaan]"), "prioriteiten", ["eenzaamheid"], id="titel"
    ),
    pytest.param(
        _initiatief("status: actief", "status: actief\nprioriteiten: eenzaamheid TEGENGAAN, Meer groen, minder stenen"),
        "prioriteiten",
        ["eenzaamheid", "groen"],
        id="comma-titels",
    ),
    pytest.param(
        _initiatief("status: actief", "status: actief\nprioriteiten: Meer groen, minder stenen"),
        "prioriteiten",
        ["groen"],
        id="titel-with-comma",
    ),
    pytest.param(
        _initiatief("status: actief", "status: actief\npartners: Welzin, MEE"), "partners", ["Welzin, MEE"], id="text-is-not-split"
    ),
    pytest.param(_initiatief("status: actief", "status: actief\ngestart: zondag 3 maart 2024"), "gestart", date(2024, 3, 3), id="weekday"),
]


@pytest.mark.parametrize(("text", "attribute", "expected"), ACCEPTED_INITIATIEF)
def test_what_editors_write_in_an_initiatief_is_accepted(city, text, attribute, expected):
    loaded = _load(city, INITIATIEF, text)
    assert [str(p) for p in loaded.problems] == []
    [initiatief] = loaded.stad.wijken["oost"].initiatieven
    value = getattr(initiatief, attribute)
    if attribute == "contact":
        value = (value.naam, value.email, value.telefoon)
    assert value == expected


@pytest.mark.parametrize(
    ("keys", "start", "eind"),
    [
        ("start: 2026-12-10 19:30\neind: 21:00\n", "2026-12-10T19:30:00+01:00", "2026-12-10T21:00:00+01:00"),
        ("eind: 21.30 uur\nstart: 2026-12-10 19:30\n", "2026-12-10T19:30:00+01:00", "2026-12-10T21:30:00+01:00"),
        ("start: zaterdag 19 juni 2027 19:30\neind: 22.00\n", "2027-06-19T19:30:00+02:00", "2027-06-19T22:00:00+02:00"),
        ("start: 2026-12-10T19:30:00+00:00\neind: 21:00\n", "2026-12-10T19:30:00+00:00", "2026-12-10T21:00:00+00:00"),
    ],
)
def test_eind_may_be_a_time_alone_on_the_day_of_start(city, keys, start, eind):
    loaded = _load(city, ACTIVITEIT, ACTIVITEIT_FRONTMATTER + keys + "---\n\nKom ook.\n")
    assert [str(p) for p in loaded.problems] == []
    [activiteit] = loaded.stad.wijken["oost"].agenda
    assert (activiteit.start.isoformat(), activiteit.eind.isoformat()) == (start, eind)


def test_a_series_may_list_its_days_with_commas(city):
    keys = "start: di 1 december 2026 19:30\neind: 21:00\nherhaling:\n  elke: week\n  dagen: di, donderdag\n  tot: 2026-12-31\n"
    loaded = _load(city, ACTIVITEIT, ACTIVITEIT_FRONTMATTER + keys + "---\n\nKom ook.\n")
    assert [str(p) for p in loaded.problems] == []
    [activiteit] = loaded.stad.wijken["oost"].agenda
    assert activiteit.herhaling.dagen == (1, 3)


MISTAKES = [
    pytest.param(
        INITIATIEF,
        _initiatief("  email: jan@example.org", "  email: jan@example.org\n  e-mail: jan@example.org"),
        "wijken/oost/initiatieven/repair-cafe.md:10: de sleutel 'contact.e-mail' staat er twee keer in (ook op regel 9, als 'contact.email'); laat er een staan",
        id="email-twice",
    ),
    pytest.param(
        INITIATIEF,
        _initiatief("  email: jan@example.org", "  e-mail: jan-at-example"),
        "wijken/oost/initiatieven/repair-cafe.md:9: 'contact.e-mail': 'jan-at-example' is geen geldig e-mailadres (zoals naam@voorbeeld.nl)",
        id="bad-e-mail",
    ),
    pytest.param(
        INITIATIEF,
        _initiatief("  email: jan@example.org", "  email: jan@example.org\n  emial: jan@example.org"),
        "wijken/oost/initiatieven/repair-cafe.md:10: onbekende sleutel 'contact.emial'; bedoel je 'email'? Deze sleutel wordt genegeerd",
        id="unknown-key",
    ),
    pytest.param(
        INITIATIEF,
        _initiatief("themas:\n  - ontmoeting", "themas: ontmoeting, ontmoeten"),
        "wijken/oost/initiatieven/repair-cafe.md:5: onbekend thema 'ontmoeten'; bedoel je 'ontmoeting'? (thema's staan in content/vocabulaire.yml)",
        id="comma-themas-one-wrong",
    ),
    pytest.param(
        INITIATIEF,
        _initiatief("status: actief", "status: actief\nprioriteiten: [Eenzaamheid bestrijden]"),
        "wijken/oost/initiatieven/repair-cafe.md:5: 'prioriteiten': 'Eenzaamheid bestrijden' is geen id of titel van een prioriteit;"
        " bedoel je 'eenzaamheid'? (de prioriteiten staan in wijken/oost/wijkplan.md)",
        id="prioriteit-neither-id-nor-titel",
    ),
    pytest.param(
        INITIATIEF,
        _initiatief("status: actief", "status: actief\nprioriteiten: [eenzaamheid-tegengaan]"),
        "wijken/oost/initiatieven/repair-cafe.md:5: onbekende prioriteit 'eenzaamheid-tegengaan'; bedoel je 'eenzaamheid'? (de prioriteiten staan in wijken/oost/wijkplan.md)",
        id="prioriteit-id-made-from-titel",
    ),
    pytest.param(
        INITIATIEF,
        _initiatief("status: actief", "status: actief\ngestart: zo 1 maart 2024"),
        "wijken/oost/initiatieven/repair-cafe.md:5: 'gestart': 1 maart 2024 is een vrijdag, geen zondag; controleer de dag of de datum, of laat de dag weg",
        id="wrong-weekday-short",
    ),
    pytest.param(
        ACTIVITEIT,
        ACTIVITEIT_FRONTMATTER + "start: vrijdag 19 juni 2027 19:30\n---\n",
        "wijken/oost/agenda/soep.md:4: 'start': 19 juni 2027 is een zaterdag, geen vrijdag; controleer de dag of de datum, of laat de dag weg",
        id="wrong-weekday",
    ),
    pytest.param(
        ACTIVITEIT,
        ACTIVITEIT_FRONTMATTER + "eind: 17:00\nstart: morgen\n---\n",
        "wijken/oost/agenda/soep.md:4: 'eind': '17:00' is alleen een tijd en hoort dan bij de dag van 'start', maar 'start' ontbreekt"
        " of is geen geldige datum; schrijf de datum erbij, zoals 2026-11-22 17:00\n"
        "wijken/oost/agenda/soep.md:5: 'start': 'morgen' is geen geldige datum en tijd; schrijf jaar-maand-dag uur:minuut, zoals 2026-11-22 19:30",
        id="time-alone-without-start",
    ),
    pytest.param(
        ACTIVITEIT,
        ACTIVITEIT_FRONTMATTER + "start: 2026-12-10 19:30\neind: 17:00\n---\n",
        "wijken/oost/agenda/soep.md:5: het einde ligt vóór het begin; controleer 'start' en 'eind'",
        id="time-alone-before-start",
    ),
    pytest.param(
        "wijken/oost/index.md",
        "---\nnaam: Oost\nsamenvatting: De wijk.\nredactie: annekeb, pietj\nkalender: www.oost.nl/agenda.ics\n---\n",
        "wijken/oost/index.md:5: 'kalender': 'www.oost.nl/agenda.ics' is geen volledig webadres; begin met https://",
        id="kalender-is-known",
    ),
]


@pytest.mark.parametrize(("path", "text", "expected"), MISTAKES)
def test_mistakes_read_as_one_dutch_sentence(city, path, text, expected):
    assert [str(p) for p in _load(city, path, text).problems] == expected.split("\n")


def _read(tmp_path, frontmatter: str) -> tuple[dict | None, list[str]]:
    from bovenwijks.content.source import read_source

    file = tmp_path / "x.md"
    file.write_text(f"---\n{frontmatter}---\n\nTekst.\n", encoding="utf-8")
    source, problems = read_source(file, "x.md")
    values = None
    if source is not None:
        values = {
            k.value: [getattr(i, "value", i) for i in v.value] if isinstance(v.value, list) else v.value for k, v in source.node.value
        }
    return values, [str(p) for p in problems]


@pytest.mark.parametrize(
    ("frontmatter", "expected"),
    [
        ("titel: 't Hofje\nstatus: actief\n", {"titel": "'t Hofje", "status": "actief"}),
        ("plaats: 's-Hertogenbosch\n", {"plaats": "'s-Hertogenbosch"}),
        ("titel: 'n Buurt vol groen  # werktitel\n", {"titel": "'n Buurt vol groen"}),
        ("titel: 't Hofje van 't Zand\n", {"titel": "'t Hofje van 't Zand"}),
        ("themas:\n  - 't Hofje\n  - 's Avonds\n", {"themas": ["'t Hofje", "'s Avonds"]}),
        ("titel: 't Hofje'\n", {"titel": "t Hofje"}),  # closed on its line: YAML's own quoting
        ("titel: 'simpel'\n", {"titel": "simpel"}),
        ("samenvatting: |\n  't Hofje\n", {"samenvatting": "'t Hofje"}),  # a block of text stays as typed
        ("samenvatting: Het hofje,\n  't Hofje genoemd\n", {"samenvatting": "Het hofje, 't Hofje genoemd"}),
    ],
)
def test_a_value_may_start_with_an_apostrophe(tmp_path, frontmatter, expected):
    assert _read(tmp_path, frontmatter) == (expected, [])


YAML_FRONTMATTER_MISTAKES = [
    (
        "themas: [ontmoeting, groen\nstatus: actief\n",
        "x.md:2: de frontmatter is geen geldige YAML: de lijst tussen [ en ] wordt niet goed afgesloten; zet de ] aan het eind,"
        " en een waarde met een komma of dubbele punt tussen aanhalingstekens",
    ),
    (
        "contact: {naam: Jan, email: jan@example.org\nstatus: actief\n",
        "x.md:2: de frontmatter is geen geldige YAML: de groep tussen { en } wordt niet goed afgesloten; zet de } aan het eind,"
        " en een waarde met een komma of dubbele punt tussen aanhalingstekens",
    ),
    (
        'status: actief\ntitel: "Het Hofje\nthemas:\n  - ontmoeting\n',
        "x.md:3: de frontmatter is geen geldige YAML: een aanhalingsteken aan het begin van de waarde wordt niet afgesloten;"
        " zet hetzelfde teken aan het eind van de waarde, of haal het weg",
    ),
    (
        'locatie: "C:\\pad"\n',
        "x.md:2: de frontmatter is geen geldige YAML: tussen dubbele aanhalingstekens heeft \\ een speciale betekenis;"
        " zet de waarde tussen enkele aanhalingstekens ('…'), of schrijf \\\\",
    ),
    (
        "titel: 'Het Hofje' in Oost\n",
        "x.md:2: de frontmatter is geen geldige YAML: de inspringing klopt niet, of er staat nog tekst na het aanhalingsteken"
        " dat de waarde afsluit",
    ),
    (
        "themas:\n  - ontmoeting\n  groen: ja\n",
        "x.md:4: de frontmatter is geen geldige YAML: de inspringing van deze lijst klopt niet: begin elk onderdeel met '- ',"
        " even ver ingesprongen",
    ),
    (
        "titel: | Soep\n",
        "x.md:2: de frontmatter is geen geldige YAML: een waarde mag niet met | of > beginnen; zet de hele waarde tussen aanhalingstekens",
    ),
    (
        "titel: ]\n",
        "x.md:2: de frontmatter is geen geldige YAML: een waarde mag niet met ], } of een komma beginnen; zet de hele waarde tussen aanhalingstekens",
    ),
    (
        "titel: %Soep\n",
        "x.md:2: de frontmatter is geen geldige YAML: een waarde mag niet met @, `, % of een ander bijzonder teken beginnen;"
        " zet de hele waarde tussen aanhalingstekens",
    ),
    (
        "%YAML 1.1\n",
        "x.md:3: de frontmatter is geen geldige YAML: deze regel is geen 'sleutel: waarde'; begin hem met een sleutel en een dubbele punt",
    ),
    (
        "titel: Soep\nstatus: actief\x07\n",
        "x.md:3: op deze regel staat een onzichtbaar teken (#x0007) dat hier niet mag; typ de regel opnieuw",
    ),
]


@pytest.mark.parametrize(("frontmatter", "expected"), YAML_FRONTMATTER_MISTAKES)
def test_broken_yaml_is_told_in_dutch_on_its_line(tmp_path, frontmatter, expected):
    assert _read(tmp_path, frontmatter) == (None, [expected])


@pytest.mark.parametrize(
    ("frontmatter", "expected"),
    [
        (
            "titel: Buurtmoestuin #2\n",
            "x.md:2: 'titel': YAML leest alles vanaf ' #' als commentaar, dus hier staat alleen 'Buurtmoestuin'; zet de hele waarde"
            ' tussen aanhalingstekens: titel: "Buurtmoestuin #2"',
        ),
        (
            "themas:\n  - ontmoeting\n  - groen #1\n",
            "x.md:4: 'themas': YAML leest alles vanaf ' #' als commentaar, dus hier staat alleen 'groen'; zet de hele waarde"
            ' tussen aanhalingstekens: - "groen #1"',
        ),
        (
            "contact:\n  naam: Jan #3 en Piet\n",
            "x.md:3: 'contact.naam': YAML leest alles vanaf ' #' als commentaar, dus hier staat alleen 'Jan'; zet de hele waarde"
            ' tussen aanhalingstekens: naam: "Jan #3 en Piet"',
        ),
        (
            "locatie: #2 Buurthuis\n",
            "x.md:2: 'locatie': YAML leest alles vanaf ' #' als commentaar, dus hier staat niets; zet de hele waarde"
            ' tussen aanhalingstekens: locatie: "#2 Buurthuis"',
        ),
    ],
)
def test_a_hash_that_cuts_a_value_short_is_reported(tmp_path, frontmatter, expected):
    assert _read(tmp_path, frontmatter)[1] == [expected]


@pytest.mark.parametrize(
    "frontmatter",
    [
        "status: actief  # tot de zomer\n",
        'titel: "Buurtmoestuin #2"\n',
        "titel: 'Buurtmoestuin #2'\n",
        "titel: Soep#2\n",
        "titel: Soep #\n",
    ],
)
def test_a_comment_on_purpose_is_no_problem(tmp_path, frontmatter):
    assert _read(tmp_path, frontmatter)[1] == []


def test_a_hash_in_a_value_is_a_warning_and_the_item_keeps_its_page(city):
    loaded = _load(city, INITIATIEF, _initiatief("titel: Repair Café", "titel: Buurtmoestuin #2"))
    [problem] = loaded.problems
    assert (str(problem), problem.fatal) == (
        "wijken/oost/initiatieven/repair-cafe.md:2: 'titel': YAML leest alles vanaf ' #' als commentaar, dus hier staat alleen"
        " 'Buurtmoestuin'; zet de hele waarde tussen aanhalingstekens: titel: \"Buurtmoestuin #2\"",
        False,
    )
    assert [i.titel for i in loaded.stad.wijken["oost"].initiatieven] == ["Buurtmoestuin"]


def test_t_hofje_is_the_titel(city):
    loaded = _load(city, INITIATIEF, _initiatief("titel: Repair Café", "titel: 't Hofje"))
    assert loaded.problems == []
    assert [i.titel for i in loaded.stad.wijken["oost"].initiatieven] == ["'t Hofje"]
