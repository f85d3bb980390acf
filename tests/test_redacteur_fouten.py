"""Every editor mistake caught before the pull request (issue 16): a table of mistakes, each
with the exact Dutch message and the line it names, and the proof that `make check` and
`mkdocs build --strict` agree on each: both fail, or both pass.

Each row is a change to a small valid wijk (`{w}` is its folder); the city also has the wijk
`buren`, for links across wijken. The messages are read as an editor reads them: in full.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from city import City, project_config

from bovenwijks.content.load import load_stad

# A valid wijk, an initiatief and an activiteit that names it: what every row changes.
WIJK = "---\nnaam: {naam}\nsamenvatting: Een wijk.\nredactie:\n  - redactie-{w}\n---\n\nOver de wijk.\n"
LINK = "\nZie [de kledingbank]({doel}).\n"
INITIATIEF = """---
titel: Kledingbank
samenvatting: Kleding voor wie het nodig heeft.
status: actief
themas:
  - ontmoeting
contact:
  naam: Jan
  email: jan@example.org
---

## Openingstijden

Elke dinsdag.
"""
ACTIVITEIT = """---
titel: Ruilmiddag
start: 2026-12-10 14:00
locatie: Buurthuis
initiatief: kledingbank
---

Kom ruilen.
"""
BASE = {
    "{w}/index.md": WIJK,
    "{w}/initiatieven/kledingbank.md": INITIATIEF,
    "{w}/agenda/ruilmiddag.md": ACTIVITEIT,
}


def initiatief(old: str, new: str) -> str:
    """The valid initiatief with its text `old` changed into `new`."""
    assert old in INITIATIEF, old
    return INITIATIEF.replace(old, new, 1)


def activiteit(old: str, new: str) -> str:
    """The valid activiteit with its text `old` changed into `new`."""
    assert old in ACTIVITEIT, old
    return ACTIVITEIT.replace(old, new, 1)


# The files most rows change: the initiatief, the activiteit, and a new file.
INI = "{w}/initiatieven/kledingbank.md"
A = "{w}/agenda/ruilmiddag.md"
N = "{w}/initiatieven/nieuw.md"


@dataclass(frozen=True)
class Fout:
    """One row: what the editor wrote (path inside the wijk → text, or None: removed), and
    every problem the check reports, as (path, line, message)."""

    naam: str
    bestanden: dict[str, str | None]
    verwacht: list[tuple[str, int, str]]


FOUTEN = [
    Fout(
        "onbekend-thema",
        {INI: initiatief("  - ontmoeting", "  - ontmoeten")},
        [
            (INI, 6, "onbekend thema 'ontmoeten'; bedoel je 'ontmoeting'? (thema's staan in content/vocabulaire.yml)"),
        ],
    ),
    Fout(
        "onbekende-status",
        {INI: initiatief("status: actief", "status: actie")},
        [
            (INI, 4, "onbekende status 'actie'; bedoel je 'actief'? (kies uit: idee, actief, gepauzeerd, afgerond)"),
        ],
    ),
    Fout(
        "status-onbekend-ver",
        {INI: initiatief("status: actief", "status: lopend")},
        [
            (INI, 4, "onbekende status 'lopend'; kies uit: idee, actief, gepauzeerd, afgerond"),
        ],
    ),
    Fout(
        "foute-email",
        {INI: initiatief("jan@example.org", "jan-at-example")},
        [
            (INI, 9, "'contact.email': 'jan-at-example' is geen geldig e-mailadres (zoals naam@voorbeeld.nl)"),
        ],
    ),
    Fout(
        "foute-datum",
        {INI: initiatief("status: actief", "status: actief\ngestart: 2026-02-30")},
        [
            (INI, 5, "'gestart': '2026-02-30' is geen geldige datum; schrijf jaar-maand-dag, zoals 2026-11-22"),
        ],
    ),
    Fout(
        "verplicht-ontbreekt",
        {INI: initiatief("samenvatting: Kleding voor wie het nodig heeft.\n", "")},
        [
            (
                INI,
                2,
                "de verplichte sleutel 'samenvatting' ontbreekt (een of twee zinnen: wat doen jullie, voor wie?); bijvoorbeeld: samenvatting: Elke eerste zaterdag repareren we samen kapotte spullen.",
            ),
        ],
    ),
    Fout(
        "dubbele-sleutel",
        {INI: initiatief("status: actief", "status: actief\nstatus: idee")},
        [
            (INI, 5, "de sleutel 'status' staat er twee keer in (ook op regel 4); laat er een staan"),
        ],
    ),
    Fout(
        "onbekende-sleutel",
        {INI: initiatief("  email: jan@example.org", "  emial: jan@example.org")},
        [
            (INI, 8, "'contact' heeft 'email' of 'telefoon' nodig"),
            (INI, 9, "onbekende sleutel 'contact.emial'; bedoel je 'email'? Deze sleutel wordt genegeerd"),
        ],
    ),
    Fout(
        "engelse-sleutel",
        {INI: initiatief("status: actief", "status: actief\ntitle: Clothes")},
        [
            (INI, 5, "onbekende sleutel 'title'; bedoel je 'titel'? Deze sleutel wordt genegeerd"),
        ],
    ),
    Fout(
        "tab-inspringing",
        {INI: initiatief("  naam: Jan", "\tnaam: Jan")},
        [
            (INI, 8, "de frontmatter is geen geldige YAML: gebruik spaties in plaats van tabs"),
        ],
    ),
    Fout(
        "open-aanhalingsteken",
        {INI: initiatief("titel: Kledingbank", 'titel: "Kledingbank')},
        [
            (
                INI,
                2,
                "de frontmatter is geen geldige YAML: een aanhalingsteken aan het begin van de waarde wordt niet afgesloten; zet hetzelfde teken aan het eind van de waarde, of haal het weg",
            ),
        ],
    ),
    Fout(
        "dubbele-punt",
        {INI: initiatief("titel: Kledingbank", "titel: Kledingbank: elke dinsdag")},
        [
            (
                INI,
                2,
                'de frontmatter is geen geldige YAML: er staat een dubbele punt (:) in een waarde; zet de hele waarde tussen aanhalingstekens, bijvoorbeeld titel: "Soep: elke vrijdag"',
            ),
        ],
    ),
    Fout(
        "hekje",
        {INI: initiatief("titel: Kledingbank", "titel: Kledingbank #2")},
        [
            (
                INI,
                2,
                "'titel': YAML leest alles vanaf ' #' als commentaar, dus hier staat alleen 'Kledingbank'; zet de hele waarde tussen aanhalingstekens: titel: \"Kledingbank #2\"",
            ),
        ],
    ),
    Fout(
        "lijst-haakje",
        {INI: initiatief("  - ontmoeting", "  - [ontmoeting, ondersteuning")},
        [
            (
                INI,
                6,
                "de frontmatter is geen geldige YAML: de lijst tussen [ en ] wordt niet goed afgesloten; zet de ] aan het eind, en een waarde met een komma of dubbele punt tussen aanhalingstekens",
            ),
        ],
    ),
    Fout(
        "biedt-geen-lijst",
        {INI: initiatief("status: actief", "status: actief\nbiedt: repareren")},
        [
            (
                INI,
                5,
                "'biedt' moet een lijst zijn: zet elk onderdeel op een eigen regel die met '- ' begint, zoals:\n  - onderwerp: repareren",
            ),
        ],
    ),
    Fout(
        "onbekend-onderwerp",
        {INI: initiatief("status: actief", "status: actief\nbiedt:\n  - onderwerp: subsidies")},
        [
            (
                INI,
                6,
                "onbekend onderwerp 'subsidies'; bedoel je 'subsidie-aanvragen'? (een nieuw onderwerp voeg je toe in content/vocabulaire.yml)",
            ),
        ],
    ),
    Fout(
        "onbekende-hulp",
        {INI: initiatief("status: actief", "status: actief\nhulp:\n  - boodschapen")},
        [
            (
                INI,
                6,
                "onbekende hulpvraag 'boodschapen'; bedoel je 'vervoer'? (de hulpvragen staan onder 'hulp' in content/vocabulaire.yml). Deze wordt weggelaten",
            ),
        ],
    ),
    Fout(
        "niet-ingevuld",
        {INI: initiatief("titel: Kledingbank", "titel: 'VUL IN: de naam van het initiatief'")},
        [
            (INI, 2, "'titel' is nog niet ingevuld: vervang 'VUL IN: …' door je eigen tekst, bijvoorbeeld: Repair Café Soesterkwartier"),
        ],
    ),
    Fout(
        "prioriteit-zonder-wijkplan",
        {INI: initiatief("status: actief", "status: actief\nprioriteiten:\n  - eenzaamheid")},
        [
            (INI, 5, "prioriteit 'eenzaamheid' bestaat niet: de wijk heeft nog geen wijkplan.md"),
        ],
    ),
    Fout(
        "bestandsnaam-hoofdletters",
        {"{w}/initiatieven/Kleding Bank.md": INITIATIEF},
        [
            (
                "{w}/initiatieven/Kleding Bank.md",
                1,
                "de bestandsnaam 'Kleding Bank.md' bevat hoofdletters, spaties of leestekens; hernoem het bestand naar 'kleding-bank.md'",
            ),
        ],
    ),
    Fout(
        "geen-frontmatter",
        {N: "Titel: Nieuw\n\nTekst.\n"},
        [
            (
                N,
                1,
                "de frontmatter ontbreekt: de eerste regel moet '---' zijn, gevolgd door regels 'sleutel: waarde' en weer een regel '---'",
            ),
        ],
    ),
    Fout(
        "leeg-bestand",
        {N: ""},
        [
            (N, 1, "het bestand is leeg; begin met de frontmatter tussen twee regels '---'"),
        ],
    ),
    Fout(
        "frontmatter-niet-dicht",
        {N: "---\ntitel: Nieuw\n\nTekst.\n"},
        [
            (N, 1, "de frontmatter wordt niet afgesloten: zet een regel '---' onder de laatste sleutel"),
        ],
    ),
    Fout(
        "onbekend-initiatief",
        {A: activiteit("initiatief: kledingbank", "initiatief: kledingbnak")},
        [
            (
                A,
                5,
                "onbekend initiatief 'kledingbnak'; bedoel je 'kledingbank'? (gebruik de bestandsnaam uit wijken/{w}/initiatieven/ zonder .md)",
            ),
        ],
    ),
    Fout(
        "eind-voor-start",
        {A: activiteit("locatie: Buurthuis", "locatie: Buurthuis\neind: 2026-12-10 12:00")},
        [
            (A, 5, "het einde ligt vóór het begin; controleer 'start' en 'eind'"),
        ],
    ),
    Fout(
        "foute-tijd",
        {A: activiteit("start: 2026-12-10 14:00", "start: 2026-12-10 25:00")},
        [
            (A, 3, "'start': '2026-12-10 25:00' is geen geldige datum en tijd; schrijf jaar-maand-dag uur:minuut, zoals 2026-11-22 19:30"),
        ],
    ),
    Fout(
        "weekdag-klopt-niet",
        {A: activiteit("start: 2026-12-10 14:00", "start: vrijdag 10 december 2026 14:00")},
        [
            (A, 3, "'start': 10 december 2026 is een donderdag, geen vrijdag; controleer de dag of de datum, of laat de dag weg"),
        ],
    ),
    Fout(
        "herhaling-elke",
        {A: activiteit("locatie: Buurthuis", "locatie: Buurthuis\nherhaling:\n  elke: maandelijks")},
        [
            (A, 6, "'herhaling.elke': 'maandelijks' kan niet; bedoel je 'maand'? (kies uit: week, 2 weken, maand, jaar)"),
        ],
    ),
    Fout(
        "herhaling-tot-voor-start",
        {A: activiteit("locatie: Buurthuis", "locatie: Buurthuis\nherhaling:\n  elke: week\n  tot: 2026-11-01")},
        [
            (A, 7, "'herhaling.tot' (1 november 2026) ligt vóór 'start' (10 december 2026); de reeks moet na het begin eindigen"),
        ],
    ),
    Fout(
        "herhaling-dag",
        {A: activiteit("locatie: Buurthuis", "locatie: Buurthuis\nherhaling:\n  elke: week\n  dagen: [dondredag]")},
        [
            (
                A,
                7,
                "'herhaling.dagen': 'dondredag' is geen dag van de week; bedoel je 'donderdag'? (kies uit: maandag, dinsdag, woensdag, donderdag, vrijdag, zaterdag, zondag)",
            ),
        ],
    ),
    Fout(
        "behalve-geen-keer",
        {A: activiteit("locatie: Buurthuis", "locatie: Buurthuis\nherhaling:\n  elke: week\n  behalve:\n    - 2026-12-18")},
        [
            (
                A,
                8,
                "'herhaling.behalve': vrijdag 18 december 2026 is geen van de keren van deze reeks (elke donderdag). Deze datum wordt weggelaten; bedoel je donderdag 17 december of donderdag 24 december?",
            ),
        ],
    ),
    Fout(
        "aanmelden-tekst",
        {A: activiteit("locatie: Buurthuis", "locatie: Buurthuis\naanmelden: bel Jan")},
        [
            (
                A,
                5,
                "'aanmelden': 'bel Jan' is geen webadres (dat met https:// begint) en geen e-mailadres; het staat op de pagina als gewone tekst",
            ),
        ],
    ),
    Fout(
        "kennis-soort",
        {
            "{w}/kennis/vraag.md": "---\ntitel: Wie weet het?\nsoort: vraagje\nonderwerpen:\n  - vrijwilligers-werven\ndatum: 2026-11-01\n---\n\nWie?\n"
        },
        [
            ("{w}/kennis/vraag.md", 3, "onbekende soort 'vraagje'; bedoel je 'vraag'? (kies uit: vraag, ervaring)"),
        ],
    ),
    Fout(
        "foto-ontbreekt",
        {INI: initiatief("status: actief", "status: actief\nafbeelding:\n  bestand: kleding.jpg\n  alt: Rekken met kleding")},
        [
            (
                INI,
                6,
                "de afbeelding 'kleding.jpg' bestaat niet (wijken/{w}/initiatieven/ heeft geen bestand met die naam). Let op hoofdletters en de extensie (.jpg, .png ...)",
            ),
        ],
    ),
    Fout(
        "foto-in-tekst-zonder-alt",
        {"{w}/over.md": "# Over\n\n![](kleding.jpg)\n"},
        [
            (
                "{w}/over.md",
                3,
                "de afbeelding 'kleding.jpg' bestaat niet (wijken/{w}/ heeft geen bestand met die naam). Let op hoofdletters en de extensie (.jpg, .png ...)",
            ),
            (
                "{w}/over.md",
                3,
                "de afbeelding 'kleding.jpg' heeft geen beschrijving voor wie hem niet kan zien, en staat daarom niet op de site; schrijf tussen de [ ] wat erop staat, zoals ![Vrijwilligers scheppen soep op](kleding.jpg)",
            ),
        ],
    ),
    Fout(
        "link-typo",
        {"{w}/index.md": WIJK + LINK.format(doel="initiatieven/kledingbnk.md")},
        [
            (
                "{w}/index.md",
                10,
                "link 'initiatieven/kledingbnk.md' wijst naar een pagina die niet bestaat; bedoel je 'initiatieven/kledingbank.md'?",
            ),
        ],
    ),
    Fout(
        "link-absoluut",
        {"{w}/index.md": WIJK + LINK.format(doel="/wijken/{w}/initiatieven/kledingbank/")},
        [
            (
                "{w}/index.md",
                10,
                "link '/wijken/{w}/initiatieven/kledingbank/' begint met een /, en dan werkt hij niet overal waar de site staat; schrijf de link naar het bestand, relatief vanaf deze pagina: 'initiatieven/kledingbank.md'",
            ),
        ],
    ),
    Fout(
        "link-zonder-md",
        {"{w}/index.md": WIJK + LINK.format(doel="initiatieven/kledingbank/")},
        [
            (
                "{w}/index.md",
                10,
                "link 'initiatieven/kledingbank/' wijst naar een adres, niet naar een bestand; link naar het bestand van de pagina: schrijf 'initiatieven/kledingbank.md'",
            ),
        ],
    ),
    Fout(
        "link-anker",
        {"{w}/index.md": WIJK + LINK.format(doel="initiatieven/kledingbank.md#openingstijd")},
        [
            (
                "{w}/index.md",
                10,
                "link 'initiatieven/kledingbank.md#openingstijd' wijst naar een kop die er niet is: de pagina 'initiatieven/kledingbank.md' heeft geen kop '#openingstijd'; bedoel je 'initiatieven/kledingbank.md#openingstijden'? Koppen op die pagina: 'Openingstijden' (#openingstijden)",
            ),
        ],
    ),
    Fout(
        "link-andere-wijk",
        {"{w}/index.md": WIJK + LINK.format(doel="../bueren/agenda/ruilmiddag.md")},
        [
            ("{w}/index.md", 10, "link '../bueren/agenda/ruilmiddag.md' wijst naar de wijk 'bueren', die niet bestaat; bedoel je 'buren'?"),
        ],
    ),
    Fout(
        "link-andere-wijk-pagina",
        {"{w}/index.md": WIJK + LINK.format(doel="../buren/agenda/ruilmidag.md")},
        [
            (
                "{w}/index.md",
                10,
                "link '../buren/agenda/ruilmidag.md' wijst naar een pagina die niet bestaat in de wijk Buren; bedoel je '../buren/agenda/ruilmiddag.md'?",
            ),
        ],
    ),
    Fout(
        "link-naar-kapot",
        {"{w}/index.md": WIJK + LINK.format(doel="initiatieven/kledingbank.md"), INI: initiatief("status: actief", "status: actie")},
        [
            (
                "{w}/index.md",
                10,
                "link 'initiatieven/kledingbank.md' wijst naar wijken/{w}/initiatieven/kledingbank.md, dat niet op de site komt omdat er een fout in staat; los eerst die fout op",
            ),
            (INI, 4, "onbekende status 'actie'; bedoel je 'actief'? (kies uit: idee, actief, gepauzeerd, afgerond)"),
        ],
    ),
    Fout(
        "link-in-item",
        {A: ACTIVITEIT + "\nZie [het initiatief](../initiatieven/kledingbak.md).\n"},
        [
            (
                A,
                10,
                "link '../initiatieven/kledingbak.md' wijst naar een pagina die niet bestaat; bedoel je '../initiatieven/kledingbank.md'?",
            ),
        ],
    ),
    Fout(
        "map-typo",
        {"{w}/initiatief/buurtsoep.md": INITIATIEF},
        [
            (
                "{w}/initiatief/buurtsoep.md",
                1,
                "dit bestand staat in de map 'initiatief/', die de site niet kent; zet het in 'initiatieven/' (de map bepaalt wat het is: initiatieven/, agenda/, nieuws/ of kennis/)",
            ),
        ],
    ),
    Fout(
        "geen-md",
        {"{w}/initiatieven/buurtsoep": INITIATIEF},
        [
            (
                "{w}/initiatieven/buurtsoep",
                1,
                "dit bestand heeft geen .md aan het eind, dus de site zou het onbewerkt publiceren; hernoem het naar 'buurtsoep.md'",
            ),
        ],
    ),
    Fout(
        "tekstbestand",
        {"{w}/buurtsoep.txt": "Bel Jan: 06 12345678\n"},
        [
            (
                "{w}/buurtsoep.txt",
                1,
                "dit bestand eindigt op '.txt' in plaats van '.md', dus de site zou het onbewerkt publiceren; hernoem het naar 'buurtsoep.md'",
            ),
        ],
    ),
    Fout(
        "hoofdletter-md",
        {"{w}/initiatieven/buurtsoep.MD": INITIATIEF},
        [
            (
                "{w}/initiatieven/buurtsoep.MD",
                1,
                "dit bestand eindigt op '.MD' in plaats van '.md', dus de site leest het niet; hernoem het naar 'buurtsoep.md'",
            ),
        ],
    ),
    Fout(
        "wijk-zonder-index",
        {"{w}/index.md": None},
        [
            ("{w}/index.md", 1, "de wijk '{w}' heeft geen index.md; maak dat bestand met naam, samenvatting en redactie"),
        ],
    ),
    Fout(
        "goed-e-mail",
        {INI: initiatief("  email: jan@example.org", "  e-mail: jan@example.org")},
        [],
    ),
    Fout(
        "goed-eind-tijd",
        {A: activiteit("locatie: Buurthuis", "locatie: Buurthuis\neind: 17:00")},
        [],
    ),
    Fout(
        "goed-nederlandse-datum",
        {A: activiteit("start: 2026-12-10 14:00", "start: donderdag 10 december 2026 14:00")},
        [],
    ),
    Fout(
        "goed-kommalijst",
        {INI: initiatief("themas:\n  - ontmoeting", "themas: ontmoeting, groen-en-duurzaam")},
        [],
    ),
    Fout(
        "goed-t",
        {INI: initiatief("titel: Kledingbank", "titel: 't Kledinghuis")},
        [],
    ),
    Fout(
        "goed-commentaar",
        {INI: initiatief("status: actief", "status: actief  # tot de zomer")},
        [],
    ),
    Fout(
        "goed-link-andere-wijk",
        {"{w}/index.md": WIJK + LINK.format(doel="../buren/agenda/ruilmiddag.md")},
        [],
    ),
    Fout(
        "goed-links",
        {
            "{w}/over.md": "# Over\n\n[Kledingbank](initiatieven/kledingbank.md#openingstijden), [stad](../../over.md), [Indebuurt](https://www.indebuurt033.nl/).\n"
        },
        [],
    ),
]
MISTAKES = [f for f in FOUTEN if not f.naam.startswith("goed-")]


def _write(city: City, wijk: str, bestanden: dict[str, str | None]) -> None:
    for path, text in {**BASE, **bestanden}.items():
        if text is not None:
            city.write("wijken/" + path.replace("{w}", wijk), text.replace("{w}", wijk).replace("{naam}", wijk.title()))


def _city(city: City, fouten: list[Fout]) -> City:
    city.write_config(validation=project_config()["validation"])  # every kind of link warning, as the project's mkdocs.yml has it
    city.write("content/over.md", "# Over\n\nOver de site.\n")
    _write(city, "buren", {})
    for fout in fouten:
        _write(city, fout.naam, fout.bestanden)
    return city


def _expected(fout: Fout) -> list[str]:
    return [f"wijken/{path.replace('{w}', fout.naam)}:{line}: {message.replace('{w}', fout.naam)}" for path, line, message in fout.verwacht]


def test_the_table_has_forty_mistakes_and_what_editors_naturally_write():
    assert len(MISTAKES) >= 40 and all(f.verwacht for f in MISTAKES)
    assert len(FOUTEN) - len(MISTAKES) >= 6 and not any(f.verwacht for f in FOUTEN if f not in MISTAKES)


@pytest.mark.parametrize("fout", FOUTEN, ids=lambda f: f.naam)
def test_each_mistake_gets_its_dutch_message_on_its_line(city, fout):
    _city(city, [fout])
    problems = [str(p) for p in load_stad(city.root).problems if not p.path.startswith("wijken/buren/")]
    assert problems == _expected(fout)


_LOCATION = re.compile(r"^(?:bovenwijks: )?(wijken/[^/]+)/.*?:\d+: ")


def test_the_check_and_the_strict_build_fail_on_the_same_wijken(city):
    """One city with every row in a wijk of its own: the check and the strict build find
    problems in exactly the wijken of the mistakes, and nowhere else."""
    _city(city, FOUTEN)
    checked = city.check()
    built = city.build(strict=True)
    assert checked.returncode == 1 and built.error is not None
    mistakes = {f"wijken/{f.naam}" for f in MISTAKES}
    in_check = {m.group(1) for line in checked.stdout.splitlines() if (m := _LOCATION.match(line))}
    in_build = {m.group(1) for line in built.warnings if (m := _LOCATION.match(line))}
    assert in_check == in_build == mistakes
    # Nothing else: no English MkDocs warning, only the one line that names the files left out.
    others = [w for w in built.warnings if not _LOCATION.match(w)]
    assert len(others) == 1 and "staan niet (helemaal) op de site door een fout" in others[0]
    # And word for word the same messages (one may run over two lines: split where the next begins).
    printed = re.split(r"\n(?=wijken/)", checked.stdout.strip())
    assert sorted(printed) == sorted(w.removeprefix("bovenwijks: ") for w in built.warnings if _LOCATION.match(w))


def test_what_editors_naturally_write_passes_both(city):
    _city(city, [f for f in FOUTEN if f not in MISTAKES])
    checked = city.check()
    assert checked.returncode == 0, checked.stdout
    built = city.build(strict=True)
    assert built.error is None and built.warnings == []
