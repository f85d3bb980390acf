"""Bad input: every rule of the contract, reported as `path:line: message` in Dutch.

The first tier reads files with the domain alone (no MkDocs); the last tests run
`scripts/check` and real builds, strict and plain.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from city import INITIATIEF_FRONTMATTER

from bovenwijks.content.load import load_stad
from bovenwijks.content.problem import Problem, weggelaten

GOOD_INITIATIEF = INITIATIEF_FRONTMATTER + "---\n\nTekst.\n"

INITIATIEF = "wijken/oost/initiatieven/repair-cafe.md"


def problems_for(city, path: str, text: str | bytes) -> list[str]:
    city.wijk("oost", naam="Oost")
    city.wijkplan("oost", [{"id": "ontmoeting-ouderen", "titel": "Ontmoeting", "thema": "ontmoeting"}])
    city.write(path, text)
    return [str(p) for p in load_stad(city.root).problems]


def _replace(old: str, new: str) -> str:
    assert old in GOOD_INITIATIEF
    return GOOD_INITIATIEF.replace(old, new)


CASES = [
    # (id, file text, expected line, expected words in the message)
    ("yaml-syntax", _replace("titel: Repair Café", "titel: Soep: elke vrijdag"), 2, "dubbele punt"),
    ("tab", _replace("  - ontmoeting", "\t- ontmoeting"), 6, "gebruik spaties in plaats van tabs"),
    ("missing-close", GOOD_INITIATIEF.replace("---\n\nTekst.", "\nTekst."), 1, "niet afgesloten"),
    ("not-a-mapping", "---\n- titel\n- status\n---\n", 2, "'sleutel: waarde'"),
    ("scalar-frontmatter", "---\nalleen tekst\n---\n", 2, "'sleutel: waarde'"),
    ("empty-file", "", 1, "het bestand is leeg"),
    ("whitespace-file", "\n\n  \n", 1, "het bestand is leeg"),
    ("empty-frontmatter", "---\n---\nTekst\n", 1, "de frontmatter is leeg"),
    ("no-frontmatter", "Alleen tekst.\n", 1, "de frontmatter ontbreekt"),
    ("missing-required", _replace("status: actief\n", ""), 2, "de verplichte sleutel 'status' ontbreekt"),
    ("empty-required", _replace("status: actief", "status:"), 4, "'status' is verplicht maar leeg"),
    ("wrong-type-list", _replace("titel: Repair Café", "titel:\n  - Repair\n  - Café"), 2, "'titel' moet tekst zijn, maar is een lijst"),
    (
        "wrong-type-mapping",
        _replace("contact:\n  naam: Jan\n  email: jan@example.org", "contact: Jan"),
        7,
        "'contact' moet een groep sleutels zijn",
    ),
    ("yaml11-no", _replace("status: actief", "status: no"), 4, "onbekende status 'no'"),
    ("unknown-status", _replace("status: actief", "status: actie"), 4, "onbekende status 'actie'; bedoel je 'actief'?"),
    ("unknown-thema", _replace("  - ontmoeting", "  - ontmoeten"), 6, "onbekend thema 'ontmoeten'; bedoel je 'ontmoeting'?"),
    ("bad-email", _replace("jan@example.org", "jan-at-example"), 9, "geen geldig e-mailadres"),
    ("contact-without-means", _replace("  email: jan@example.org\n", ""), 8, "'contact' heeft 'email' of 'telefoon' nodig"),
    (
        "bad-date",
        _replace("status: actief", "status: actief\ngestart: 2026-02-30"),
        5,
        "'gestart': '2026-02-30' is geen geldige datum; schrijf jaar-maand-dag, zoals 2026-11-22",
    ),
    (
        "unknown-prioriteit",
        _replace("status: actief", "status: actief\nprioriteiten:\n  - ontmoeting-oudere"),
        5,
        "onbekende prioriteit 'ontmoeting-oudere'; bedoel je 'ontmoeting-ouderen'?",
    ),
    (
        "duplicate-key",
        _replace("status: actief", "status: actief\nstatus: idee"),
        5,
        "de sleutel 'status' staat er twee keer in (ook op regel 4)",
    ),
    ("biedt-not-list", _replace("status: actief", "status: actief\nbiedt: repareren"), 5, "'biedt' moet een lijst zijn"),
    (
        "biedt-without-onderwerp",
        _replace("status: actief", "status: actief\nbiedt:\n  - toelichting: Draaiboek"),
        6,
        "de verplichte sleutel 'biedt.onderwerp' ontbreekt",
    ),
    (
        "unknown-onderwerp",
        _replace("status: actief", "status: actief\nzoekt:\n  - onderwerp: vrijwilliger-werven"),
        6,
        "onbekend onderwerp 'vrijwilliger-werven'; bedoel je 'vrijwilligers-werven'? (een nieuw onderwerp voeg je toe in content/vocabulaire.yml)",
    ),
]


@pytest.mark.parametrize("text,line,words", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_initiatief_is_reported_with_file_and_line(city, text, line, words):
    problems = problems_for(city, INITIATIEF, text)
    expected = f"{INITIATIEF}:{line}: "
    assert any(p.startswith(expected) and words in p for p in problems), problems


def test_a_year_in_other_digits_is_a_problem_not_a_traceback(city):
    city.wijk("oost", naam="Oost")
    city.write("wijken/oost/wijkplan.md", "---\njaar: 2⁰26\nprioriteiten: []\n---\n\nHet plan.\n")
    [problem] = load_stad(city.root).problems
    assert (problem.path, problem.line) == ("wijken/oost/wijkplan.md", 2) and "'jaar': '2⁰26'" in problem.message


def test_not_utf8_names_the_line(city):
    text = GOOD_INITIATIEF.replace("Repair Café", "Repair Cafe").replace("Tekst.", "Caf\xe9 op regel 12").encode("latin-1")
    problems = problems_for(city, INITIATIEF, text)
    assert problems == [f"{INITIATIEF}:12: het bestand is niet in UTF-8 opgeslagen; sla het op als UTF-8 (in GitHub gebeurt dat vanzelf)"]


@pytest.mark.parametrize(
    "text",
    [
        b"\xef\xbb\xbf" + GOOD_INITIATIEF.encode(),  # a byte-order mark
        GOOD_INITIATIEF.replace("\n", "\r\n").encode(),  # Windows line endings
        _replace("status: actief", "status: actief\ngestart: 31-08-2016"),  # a Dutch date
        _replace("status: actief", "status: actief\ngestart: 31 augustus 2016"),
        _replace("  email: jan@example.org", "  telefoon: 0331234567"),  # a leading zero stays
    ],
    ids=["bom", "crlf", "dutch-date", "dutch-month", "leading-zero"],
)
def test_harmless_variants_are_accepted(city, text):
    assert problems_for(city, INITIATIEF, text) == []
    initiatief = load_stad(city.root).stad.wijken["oost"].initiatieven[0]
    assert initiatief.titel == "Repair Café"


def test_values_are_the_text_the_editor_typed(city):
    problems_for(
        city, INITIATIEF, _replace("  email: jan@example.org", "  telefoon: 0331234567").replace("titel: Repair Café", "titel: yes")
    )
    initiatief = load_stad(city.root).stad.wijken["oost"].initiatieven[0]
    assert initiatief.titel == "yes"  # not True
    assert initiatief.contact.telefoon == "0331234567"  # not 331234567


def test_unknown_key_is_warned_but_kept(city):
    problems = problems_for(city, INITIATIEF, _replace("status: actief", "status: actief\ntitle: Engels"))
    assert problems == [f"{INITIATIEF}:5: onbekende sleutel 'title'; bedoel je 'titel'? Deze sleutel wordt genegeerd"]
    assert load_stad(city.root).stad.wijken["oost"].initiatieven


def test_type_key_is_explained(city):
    problems = problems_for(city, INITIATIEF, _replace("status: actief", "status: actief\ntype: initiatief"))
    assert "de map van het bestand bepaalt de soort" in problems[0]


def test_unknown_initiatief_reference(city):
    city.wijk("oost")
    city.initiatief("oost", "repair-cafe")
    city.activiteit("oost", "middag", initiatief="repair-caf")
    assert [str(p) for p in load_stad(city.root).problems] == [
        "wijken/oost/agenda/middag.md:5: onbekend initiatief 'repair-caf'; bedoel je 'repair-cafe'? (gebruik de bestandsnaam uit wijken/oost/initiatieven/ zonder .md)"
    ]


def test_reference_to_a_broken_initiatief_is_not_a_second_problem(city):
    city.wijk("oost")
    city.write("wijken/oost/initiatieven/kapot.md", "---\ntitel: [\n---\n")
    city.activiteit("oost", "middag", initiatief="kapot")
    problems = load_stad(city.root).problems
    assert [p.path for p in problems] == ["wijken/oost/initiatieven/kapot.md"]


def test_same_identity_twice(city):
    city.wijk("oost")
    city.initiatief("oost", "repair-cafe")
    city.initiatief("oost", "Repair-Cafe")
    loaded = load_stad(city.root)
    assert [i.source for i in loaded.stad.wijken["oost"].initiatieven] == ["wijken/oost/initiatieven/repair-cafe.md"]
    problems = [str(p) for p in loaded.problems]
    assert (
        "wijken/oost/initiatieven/Repair-Cafe.md:1: dit bestand krijgt hetzelfde adres als wijken/oost/initiatieven/repair-cafe.md (/wijken/oost/initiatieven/repair-cafe/); geef een van beide een andere bestandsnaam"
        in problems
    )


def test_activiteit_datetime_and_offsets(city):
    city.wijk("oost")
    city.activiteit("oost", "a", start="2026-12-10 19:30", eind="2026-12-10 21:00")
    city.activiteit("oost", "b", start="2026-12-10T19:30:00+00:00")
    city.activiteit("oost", "c", start="2026-12-10")
    city.activiteit("oost", "d", start="2026-12-10 19:30", eind="2026-12-10 18:00")
    loaded = load_stad(city.root)
    agenda = {a.slug: a for a in loaded.stad.wijken["oost"].agenda}
    assert agenda["a"].start.isoformat() == "2026-12-10T19:30:00+01:00"
    assert agenda["b"].start.utcoffset().total_seconds() == 0
    assert agenda["c"].hele_dag
    assert "d" not in agenda
    assert [str(p) for p in loaded.problems] == ["wijken/oost/agenda/d.md:5: het einde ligt vóór het begin; controleer 'start' en 'eind'"]


def test_wijk_without_index_keeps_its_items(city):
    city.initiatief("zuid", "soep", titel="Buurtsoep")
    loaded = load_stad(city.root)
    assert [str(p) for p in loaded.problems] == [
        "wijken/zuid/index.md:1: de wijk 'zuid' heeft geen index.md; maak dat bestand met naam, samenvatting en redactie"
    ]
    assert loaded.stad.wijken["zuid"].initiatieven[0].titel == "Buurtsoep"


def test_bad_wijk_folder_name(city):
    city.wijk("Oost Zuid")
    problems = [str(p) for p in load_stad(city.root).problems]
    assert problems == [
        "wijken/Oost Zuid/index.md:1: de mapnaam 'Oost Zuid' mag alleen kleine letters, cijfers en streepjes bevatten; hernoem de map naar 'oost-zuid'"
    ]


def test_broken_vocabulary_is_reported_and_the_city_still_loads(city):
    city.write("content/vocabulaire.yml", "themas: [\n")
    city.wijk("oost")
    city.initiatief("oost", "soep", themas=["ontmoeting"])
    loaded = load_stad(city.root)
    assert [p.path for p in loaded.problems] == ["content/vocabulaire.yml"]
    assert loaded.stad.wijken["oost"].initiatieven


# -- scripts/check and the real build ------------------------------------------------------


def test_check_prints_every_problem_and_fails(city):
    problems_for(city, INITIATIEF, _replace("  - ontmoeting", "  - ontmoeten"))
    city.bericht("oost", "nieuws", datum="gisteren")
    result = city.check()
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines == [
        f"{INITIATIEF}:6: onbekend thema 'ontmoeten'; bedoel je 'ontmoeting'? (thema's staan in content/vocabulaire.yml)",
        "wijken/oost/nieuws/nieuws.md:3: 'datum': 'gisteren' is geen geldige datum; schrijf jaar-maand-dag, zoals 2026-11-22",
    ]
    assert "Traceback" not in result.stderr


def test_check_prints_github_annotations(city):
    problems_for(city, INITIATIEF, _replace("  - ontmoeting", "  - ontmoeten"))
    result = city.check(env={"GITHUB_ACTIONS": "true"})
    assert (
        f"::error file={INITIATIEF},line=6::onbekend thema 'ontmoeten'; bedoel je 'ontmoeting'? (thema's staan in content/vocabulaire.yml)"
        in result.stdout
    )


def test_check_passes_on_good_content(city):
    problems_for(city, INITIATIEF, GOOD_INITIATIEF)
    result = city.check()
    assert result.returncode == 0, result.stdout
    assert result.stdout == ""


def test_check_passes_on_the_demo_city():
    repo = Path(__file__).resolve().parent.parent
    loaded = load_stad(repo)
    assert [str(p) for p in loaded.problems] == []
    assert len(loaded.stad.wijken) >= 8


def test_strict_build_fails_with_the_same_messages(city):
    problems_for(city, INITIATIEF, _replace("  - ontmoeting", "  - ontmoeten"))
    result = city.build(strict=True)
    assert result.error is not None
    assert any(f"{INITIATIEF}:6: onbekend thema 'ontmoeten'" in w for w in result.warnings)


def test_plain_build_leaves_out_only_the_broken_item(city):
    problems_for(city, INITIATIEF, _replace("  - ontmoeting", "  - ontmoeten"))
    city.initiatief("oost", "buurtsoep", titel="Buurtsoep")
    city.initiatief("oost", "met-typo", titel="Met typo", title="Engels")  # unknown key: kept
    result = city.build()
    assert result.error is None
    assert not result.exists("wijken/oost/initiatieven/repair-cafe/")
    assert result.exists("wijken/oost/initiatieven/buurtsoep/")
    assert result.exists("wijken/oost/initiatieven/met-typo/")
    home = result.page("wijken/oost/")
    assert "Buurtsoep" in home and "Repair Café" not in home
    assert any("onbekend thema 'ontmoeten'" in w for w in result.warnings)


def test_a_problem_about_another_file_is_annotated_there_too():
    problem = Problem("wijken/oost/agenda/soep.md", 4, "initiatief 'x' bestaat niet meer", elders=(("wijken/oost/initiatieven/y.md", 1),))
    assert problem.github_annotation().splitlines() == [
        "::error file=wijken/oost/agenda/soep.md,line=4::initiatief 'x' bestaat niet meer",
        "::error file=wijken/oost/initiatieven/y.md,line=1::initiatief 'x' bestaat niet meer",
    ]


@pytest.mark.parametrize(
    ("paths", "line"),
    [
        ([], None),
        (
            ["wijken/a/x.md"],
            "1 bestand staat niet (helemaal) op de site door een fout: wijken/a/x.md. Draai 'make check' om te zien wat je moet verbeteren.",
        ),
        (
            [f"wijken/a/{n}.md" for n in "abcdefg"],
            "7 bestanden staan niet (helemaal) op de site door een fout: wijken/a/a.md, wijken/a/b.md, wijken/a/c.md, wijken/a/d.md, "
            "wijken/a/e.md en nog 2. Draai 'make check' om te zien wat je moet verbeteren.",
        ),
    ],
)
def test_the_files_left_out_are_named_in_one_line(paths, line):
    problems = [Problem(p, 1, "kapot") for p in paths] + [Problem("wijken/a/tip.md", 1, "tip", fatal=False)]
    assert weggelaten(problems) == line


def test_a_quiet_build_still_says_what_it_left_out(city):
    city.wijk("oost")
    city.write("wijken/oost/agenda/kapot.md", "---\ntitel: [\n---\n")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(city.root / "mkdocs.yml")], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0  # a plain build builds everything else
    assert "1 bestand staat niet (helemaal) op de site door een fout: wijken/oost/agenda/kapot.md." in done.stderr


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            "themas:\n  ontmoeting: {naam: Ontmoeting\nonderwerpen: {}\n",
            2,
            "de woordenlijst is geen geldige YAML: de groep tussen { en } wordt niet goed afgesloten; zet de } aan het eind, "
            "en een waarde met een komma of dubbele punt tussen aanhalingstekens",
        ),
        ("themas:\n\tontmoeting:\n    naam: Ontmoeting\n", 2, "de woordenlijst is geen geldige YAML: gebruik spaties in plaats van tabs"),
        (
            'themas:\n  ontmoeting:\n    naam: "Ontmoeting\n',
            3,
            "de woordenlijst is geen geldige YAML: een aanhalingsteken aan het begin van de waarde wordt niet afgesloten; "
            "zet hetzelfde teken aan het eind van de waarde, of haal het weg",
        ),
        (
            b"themas:\n  caf\xe9: {naam: x}\n",
            1,
            "de woordenlijst is niet in UTF-8 opgeslagen; sla haar op als UTF-8 (in GitHub gebeurt dat vanzelf)",
        ),
    ],
)
def test_a_broken_vocabulary_is_reported_in_dutch_on_its_line(city, text, line, message):
    city.write("content/vocabulaire.yml", text)
    assert [str(p) for p in load_stad(city.root).problems if p.path.startswith("content/")] == [
        f"content/vocabulaire.yml:{line}: {message}"
    ]
