"""Bad biedt, zoekt and onderwerpen: each reported as `path:line: message`, in Dutch, with the fix."""

from __future__ import annotations

import pytest
from city import INITIATIEF_FRONTMATTER

INITIATIEF = "wijken/oost/initiatieven/repair-cafe.md"
KENNIS = "wijken/oost/kennis/vraag.md"

HEAD = INITIATIEF_FRONTMATTER


@pytest.mark.parametrize(
    ("kennis", "line", "message"),
    [
        (
            "zoekt:\n  - onderwerp: subsidies\n",
            11,
            "onbekend onderwerp 'subsidies'; bedoel je 'subsidie-aanvragen'? (een nieuw onderwerp voeg je toe in content/vocabulaire.yml)",
        ),
        (
            "biedt:\n  - onderwerp: repareren\n  - onderwerp: tuinieren\n    toelichting: Moestuin\n",
            12,
            "onbekend onderwerp 'tuinieren'; bedoel je 'buurttuin' of 'eenzaamheid-signaleren'? (een nieuw onderwerp voeg je toe in content/vocabulaire.yml)",
        ),
        (
            "zoekt:\n  - onderwerp: fietsenmaken\n",
            11,
            "onbekend onderwerp 'fietsenmaken'; kies uit: 'bewoners-betrekken', 'buurttuin', 'communicatie',",
        ),
        (
            "biedt: repareren\n",
            10,
            "'biedt' moet een lijst zijn: zet elk onderdeel op een eigen regel die met '- ' begint, zoals:\n  - onderwerp: repareren",
        ),
        (
            "biedt:\n  onderwerp: repareren\n  toelichting: Draaiboek\n",
            10,
            "'biedt' moet een lijst zijn: zet elk onderdeel op een eigen regel die met '- ' begint, zoals:\n  - onderwerp: vrijwilligers-werven",
        ),
        (
            "zoekt:\n  - onderwerp: taal\n  - toelichting: Draaiboek\n",
            12,
            "de verplichte sleutel 'zoekt.onderwerp' ontbreekt (een onderwerp uit content/vocabulaire.yml (id of alias)); bijvoorbeeld: onderwerp: vrijwilligers-werven",
        ),
        (
            "zoekt:\n  - subsidie\n",
            11,
            "'zoekt' moet een groep sleutels zijn (onderwerp, toelichting), elk op een eigen, ingesprongen regel; schrijf bijvoorbeeld 'onderwerp: subsidie'",
        ),
        ("biedt:\n  - onderwerp: [taal, repareren]\n", 11, "'biedt.onderwerp' moet een onderwerp zijn, maar is een lijst"),
    ],
    ids=[
        "unknown",
        "unknown-two-near",
        "unknown-none-near",
        "not-a-list",
        "dash-forgotten",
        "without-onderwerp",
        "bare-word",
        "onderwerp-list",
    ],
)
def test_bad_biedt_or_zoekt_is_reported_on_its_line(city, kennis, line, message):
    city.wijk("oost")
    city.write(INITIATIEF, f"{HEAD}{kennis}---\n\nTekst.\n")
    checked = city.check()
    assert checked.returncode == 1
    assert f"{INITIATIEF}:{line}: {message}" in checked.stdout, checked.stdout
    # A strict build fails with the same message.
    strict = city.build(strict=True)
    assert strict.error is not None and any(message in w for w in strict.warnings)


def test_unknown_onderwerp_of_a_kennis_item_is_reported_on_its_line(city):
    city.wijk("oost")
    city.write(
        KENNIS,
        "---\ntitel: Hoe doen jullie dat?\nsoort: vraag\nonderwerpen:\n  - taal\n  - vrijwilliger\ndatum: 2026-11-01\n---\n\nVraag.\n",
    )
    checked = city.check()
    assert f"{KENNIS}:6: onbekend onderwerp 'vrijwilliger'; bedoel je 'vrijwilligers-werven'?" in checked.stdout


def test_aliases_in_any_case_are_no_problem(city):
    city.wijk("oost")
    city.write(
        INITIATIEF,
        f"{HEAD}biedt:\n  - onderwerp: Repair-Cafe\nzoekt:\n  - onderwerp: FONDSENWERVING\n  - onderwerp: Subsidie aanvragen\n---\n\nTekst.\n",
    )
    checked = city.check()
    assert checked.returncode == 0, checked.stdout


def test_plain_build_leaves_out_only_the_broken_initiatief(city):
    city.wijk("oost")
    city.wijk("west")
    city.write(INITIATIEF, f"{HEAD}biedt: repareren\nzoekt:\n  - onderwerp: taal\n---\n\nTekst.\n")
    city.initiatief("west", "taalcafe", titel="Taalcafé West", biedt=[{"onderwerp": "taal"}], zoekt=[{"onderwerp": "repareren"}])
    city.initiatief("oost", "voorlezen", titel="Voorlezen Oost", zoekt=[{"onderwerp": "taal"}])
    result = city.build()
    assert result.error is None
    assert any(f"{INITIATIEF}:10: 'biedt' moet een lijst zijn" in w for w in result.warnings)
    assert not result.exists("wijken/oost/initiatieven/repair-cafe/")
    taal = result.page("kennis/taal/")
    assert "Voorlezen Oost" in taal and "Taalcafé West" in taal and "Repair Café" not in taal
    assert "Repair Café" not in result.page("kennis/matches/")
