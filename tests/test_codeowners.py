"""Review rules: .github/CODEOWNERS comes from each wijk's redactie, and the check catches drift."""

from __future__ import annotations

import subprocess
import sys

import pytest
from city import REPO

from bovenwijks.content.load import load_stad
from bovenwijks.tools.codeowners import HEADER, codeowners
from bovenwijks.tools.generate import stale

REGENERATE = "draai 'make genereer' (of bovenwijks genereer) en neem het resultaat op in je pull request"


def genereer(city) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(REPO / "scripts" / "genereer"), "--root", str(city.root)], capture_output=True, text=True, check=False
    )


@pytest.fixture
def reviewed(city):
    """A city that keeps review rules (it has a .github folder), generated and up to date."""
    (city.root / ".github").mkdir()
    city.wijk("oost", naam="Oost", redactie=["anneke", "@piet"])
    city.wijk("oosterpark", naam="Oosterpark", redactie=["kees"])
    assert genereer(city).returncode == 0
    _guide(city)
    return city


def _guide(city) -> None:
    """The editors' guide, with the headings the key reference links to: the check follows every link."""
    city.write("content/meedoen/index.md", "# Meedoen\n\n## Foto's {#fotos}\n\n## Herhaling\n")


def test_a_line_per_wijk_with_its_editors(reviewed):
    text = (reviewed.root / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    # The trailing slash makes a folder pattern: /wijken/oost/ does not match /wijken/oosterpark/.
    assert lines == ["/wijken/oost/ @anneke @piet", "/wijken/oosterpark/ @kees"]
    assert "make genereer" in text


def test_up_to_date_rules_pass_the_check(reviewed):
    result = reviewed.check()
    assert result.returncode == 0, result.stdout


DRIFT = ".github/CODEOWNERS is niet bijgewerkt met de redactie van de wijken: "
OR_REGENERATE = f", of {REGENERATE}"
OOST, OOSTERPARK = "/wijken/oost/ @anneke @piet", "/wijken/oosterpark/ @kees"


def test_a_changed_redactie_is_reported_with_the_line_to_write(reviewed):
    reviewed.wijk("oost", naam="Oost", redactie=["anneke", "fatima"])
    result = reviewed.check()
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f".github/CODEOWNERS:4: {DRIFT}hier hoort te staan: '/wijken/oost/ @anneke @fatima'; verbeter de regel{OR_REGENERATE}"
    ]
    assert genereer(reviewed).stdout.strip() == "Bijgewerkt: .github/CODEOWNERS"
    assert reviewed.check().returncode == 0


def test_a_new_wijk_and_a_removed_one_are_reported(reviewed):
    reviewed.wijk("west", naam="West", redactie=["wim"])
    (reviewed.root / "wijken" / "oosterpark" / "index.md").unlink()
    (reviewed.root / "wijken" / "oosterpark").rmdir()
    result = reviewed.check()
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f".github/CODEOWNERS:5: {DRIFT}de regel '/wijken/west/ @wim' ontbreekt; zet hem erbij, op een eigen regel (waar maakt niet uit){OR_REGENERATE}",
        f".github/CODEOWNERS:5: {DRIFT}deze regel hoort er niet (meer) in: '{OOSTERPARK}'; haal hem weg{OR_REGENERATE}",
    ]


def test_a_removed_wijk_leaves_a_line_that_must_go(reviewed):
    (reviewed.root / "wijken" / "oosterpark" / "index.md").unlink()
    (reviewed.root / "wijken" / "oosterpark").rmdir()
    result = reviewed.check()
    assert result.stdout.splitlines() == [
        f".github/CODEOWNERS:5: {DRIFT}deze regel hoort er niet (meer) in: '{OOSTERPARK}'; haal hem weg{OR_REGENERATE}"
    ]


@pytest.mark.parametrize(
    "text",
    [
        f"{HEADER}{OOSTERPARK}\n{OOST}\n",  # a wijk's line added at the end by hand
        f"{OOST}\n\n{OOSTERPARK}\n",  # without the header, with a blank line
        f"# Onze eigen aantekening\n/wijken/oost/ @piet @Anneke\n{OOSTERPARK}",  # reviewers in another order, no last newline
        f"{HEADER}wijken/oost @anneke @piet\n/wijken/oosterpark/   @kees\n",  # the same folder, written otherwise
    ],
)
def test_the_rules_may_be_written_in_any_order(reviewed, text):
    (reviewed.root / ".github" / "CODEOWNERS").write_text(text, encoding="utf-8")
    assert stale(reviewed.root, load_stad(reviewed.root)) == []


@pytest.mark.parametrize(
    "text,problems",
    [
        (
            f"{HEADER}{OOSTERPARK}\n",
            [(4, "de regel '/wijken/oost/ @anneke @piet' ontbreekt; zet hem erbij, op een eigen regel (waar maakt niet uit)")],
        ),
        (f"{HEADER}{OOSTERPARK}\n/wijken/oost/ @anneke\n", [(5, "hier hoort te staan: '/wijken/oost/ @anneke @piet'; verbeter de regel")]),
        (f"{HEADER}{OOST}\n{OOSTERPARK}\n* @beheer\n", [(6, "deze regel hoort er niet (meer) in: '* @beheer'; haal hem weg")]),
        (f"{HEADER}{OOST}\n{OOSTERPARK}\n{OOST}\n", [(6, "deze regel staat er ook al op regel 4; haal hem hier weg")]),
        (
            f"{HEADER}/wijken/oost/ @anneke\n/wijken/oost/ @piet\n{OOSTERPARK}\n",
            [
                (4, "hier hoort te staan: '/wijken/oost/ @anneke @piet'; verbeter de regel"),
                (5, "deze regel hoort er niet (meer) in: '/wijken/oost/ @piet'; haal hem weg"),
            ],
        ),
    ],
)
def test_a_missing_wrong_or_extra_rule_is_named(reviewed, text, problems):
    (reviewed.root / ".github" / "CODEOWNERS").write_text(text, encoding="utf-8")
    found = stale(reviewed.root, load_stad(reviewed.root))
    assert [str(p) for p in found] == [f".github/CODEOWNERS:{line}: {DRIFT}{message}{OR_REGENERATE}" for line, message in problems]


def test_missing_rules_are_reported(reviewed):
    (reviewed.root / ".github" / "CODEOWNERS").unlink()
    result = reviewed.check()
    assert result.returncode == 1
    assert (
        f".github/CODEOWNERS:1: .github/CODEOWNERS ontbreekt; het wordt gemaakt uit de redactie in wijken/<wijk>/index.md: {REGENERATE}"
        in result.stdout
    )


def test_a_broken_profile_is_reported_once_not_as_drift(reviewed):
    reviewed.write("wijken/oost/index.md", "---\nnaam: Oost\nsamenvatting: De wijk.\n---\n")
    result = reviewed.check()
    assert result.returncode == 1
    assert "wijken/oost/index.md:2: de verplichte sleutel 'redactie' ontbreekt" in result.stdout
    assert "CODEOWNERS" not in result.stdout
    refused = genereer(reviewed)
    assert refused.returncode == 1 and "Los eerst deze problemen op" in refused.stdout


def test_github_annotation_for_drift(reviewed):
    reviewed.wijk("oost", naam="Oost", redactie=["fatima"])
    result = reviewed.check(env={"GITHUB_ACTIONS": "true"})
    assert "::error file=.github/CODEOWNERS,line=4::.github/CODEOWNERS is niet bijgewerkt" in result.stdout


def test_stale_schemas_and_reference_are_reported(city):
    city.wijk("oost")
    (city.root / "schemas").mkdir()
    _guide(city)
    assert genereer(city).returncode == 0
    assert city.check().returncode == 0
    # A new thema in the vocabulary changes what the schemas and the reference list.
    vocabulaire = city.root / "content" / "vocabulaire.yml"
    vocabulaire.write_text(
        vocabulaire.read_text(encoding="utf-8").replace("themas:\n", "themas:\n  cultuur:\n    naam: Cultuur\n", 1), encoding="utf-8"
    )
    result = city.check()
    assert result.returncode == 1
    assert (
        f"schemas/initiatief.schema.json:1: schemas/initiatief.schema.json is niet bijgewerkt na een wijziging in plugins/bovenwijks/content/schema.py en content/vocabulaire.yml; {REGENERATE}"
        in result.stdout
    )
    assert "content/meedoen/sleutels.md:1: content/meedoen/sleutels.md is niet bijgewerkt" in result.stdout
    assert "schemas/vocabulaire.schema.json" not in result.stdout  # it does not list the ids
    assert genereer(city).returncode == 0
    assert city.check().returncode == 0
    assert "cultuur" in (city.root / "schemas" / "initiatief.schema.json").read_text(encoding="utf-8")


def test_codeowners_of_a_city_is_stable_and_sorted_by_folder():
    stad = load_stad(REPO).stad
    text = codeowners(stad)
    rules = [line.split()[0] for line in text.splitlines() if line and not line.startswith("#")]
    assert rules == sorted(rules) and len(rules) == len(stad.wijken)
    assert codeowners(stad) == text


def test_the_repository_files_are_up_to_date():
    """Fails when a change to the contract, the vocabulary or a redactie was committed without `make genereer`."""
    loaded = load_stad(REPO)
    assert [str(p) for p in stale(REPO, loaded)] == []
