"""What a change does to the files it did not touch (issue 16): an activiteit that names a
renamed or removed initiatief, and an activiteit that was over before it was added. Real git
repositories in `tmp_path`, committed as GitHub's web editor commits a rename."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date

import pytest

from bovenwijks.content.load import load_stad

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git ontbreekt")
VANDAAG = date(2026, 12, 1)
SOEP = "wijken/oost/agenda/soep.md"


def _git(root, *args: str) -> None:
    author = ["-c", "user.name=Redactie", "-c", "user.email=redactie@example.org"]
    subprocess.run(["git", "-C", str(root), *author, *args], check=True, capture_output=True)


@pytest.fixture(autouse=True)
def _outside_a_pull_request(monkeypatch):
    """What a change adds is what is not committed: the tests may run in a pull request's check."""
    monkeypatch.delenv("GITHUB_BASE_REF", raising=False)


@pytest.fixture
def repo(city):
    """A committed city: wijk oost with the initiatief buurtpreventie and an activiteit that names it."""
    city.wijk("oost")
    city.initiatief("oost", "buurtpreventie", titel="Buurtpreventie")
    city.initiatief("oost", "repair-cafe")
    city.activiteit("oost", "soep", initiatief="buurtpreventie")
    _git(city.root, "init", "-q")
    _git(city.root, "add", "-A")
    _git(city.root, "commit", "-q", "-m", "Oost")
    return city


def _problems(city, path: str = SOEP):
    loaded = load_stad(city.root, vandaag=VANDAAG)
    return [p for p in loaded.problems if p.path == path], loaded


def test_a_renamed_initiatief_is_named_by_its_new_name(repo):
    _git(repo.root, "mv", "wijken/oost/initiatieven/buurtpreventie.md", "wijken/oost/initiatieven/buurtpreventie-oost.md")
    _git(repo.root, "commit", "-q", "-m", "Hernoemd")
    problems, loaded = _problems(repo)
    assert [str(p) for p in problems] == [
        f"{SOEP}:5: initiatief 'buurtpreventie' is hernoemd naar 'buurtpreventie-oost' "
        "(wijken/oost/initiatieven/buurtpreventie-oost.md); schrijf 'initiatief: buurtpreventie-oost'"
    ]
    # The pull request shows it on the renamed file too; the activiteit keeps its page, without the link.
    assert problems[0].elders == (("wijken/oost/initiatieven/buurtpreventie-oost.md", 1),)
    assert not problems[0].fatal
    assert [a.initiatief for a in loaded.stad.wijken["oost"].agenda] == [None]


def test_a_removed_initiatief_says_what_to_remove(repo):
    _git(repo.root, "rm", "-q", "wijken/oost/initiatieven/buurtpreventie.md")
    _git(repo.root, "commit", "-q", "-m", "Weg")
    problems, loaded = _problems(repo)
    assert [str(p) for p in problems] == [
        f"{SOEP}:5: initiatief 'buurtpreventie' bestaat niet meer: wijken/oost/initiatieven/buurtpreventie.md is verwijderd; "
        "haal de regel 'initiatief: buurtpreventie' weg, of noem een ander initiatief"
    ]
    assert problems[0].elders == (("wijken/oost/initiatieven/buurtpreventie.md", 1),)
    assert loaded.stad.wijken["oost"].agenda  # still on the agenda


def test_an_initiatief_moved_to_another_wijk_cannot_be_named(repo):
    repo.wijk("west")
    (repo.root / "wijken/west/initiatieven").mkdir(parents=True)
    _git(repo.root, "add", "-A")
    _git(repo.root, "mv", "wijken/oost/initiatieven/buurtpreventie.md", "wijken/west/initiatieven/buurtpreventie.md")
    _git(repo.root, "commit", "-q", "-m", "Naar west")
    problems, _ = _problems(repo)
    assert [p.message for p in problems] == [
        "initiatief 'buurtpreventie' is verplaatst naar wijken/west/initiatieven/buurtpreventie.md; een activiteit noemt "
        "alleen een initiatief van haar eigen wijk, dus haal de regel 'initiatief: buurtpreventie' weg"
    ]


def test_a_name_the_repository_never_had_is_a_typo(repo):
    repo.activiteit("oost", "soep", initiatief="repair-caf")
    problems, _ = _problems(repo)
    assert [p.message for p in problems] == [
        "onbekend initiatief 'repair-caf'; bedoel je 'repair-cafe'? (gebruik de bestandsnaam uit wijken/oost/initiatieven/ zonder .md)"
    ]


@pytest.mark.parametrize(
    ("keys", "message"),
    [
        (
            {"start": "2025-06-19 19:30"},
            "deze activiteit was al voorbij (19 juni 2025) toen je haar toevoegde, dus ze komt alleen in het archief; "
            "klopt het jaar? Bedoel je 2027-06-19?",
        ),
        (
            {"start": "2026-11-30 19:30"},
            "deze activiteit was al voorbij (30 november 2026) toen je haar toevoegde, dus ze komt alleen in het archief; klopt de datum?",
        ),
        (
            {"start": "2025-12-02 19:30", "herhaling": {"elke": "week", "aantal": 4}},
            "de laatste keer van deze reeks was al voorbij (23 december 2025) toen je haar toevoegde, dus ze komt alleen in "
            "het archief; klopt het jaar? Bedoel je 2026-12-02?",
        ),
    ],
)
def test_an_activiteit_added_when_it_was_over_is_questioned(repo, keys, message):
    repo.activiteit("oost", "oud", **keys)
    problems, loaded = _problems(repo, "wijken/oost/agenda/oud.md")
    assert [(p.line, p.message, p.fatal) for p in problems] == [(3, message, False)]
    assert "oud" in [a.slug for a in loaded.stad.wijken["oost"].agenda]  # kept, in the archive


@pytest.mark.parametrize("keys", [{"start": "2026-12-01 19:30"}, {"start": "2025-06-19 19:30", "herhaling": {"elke": "week"}}])
def test_what_is_not_over_yet_is_fine(repo, keys):
    repo.activiteit("oost", "nu", **keys)
    assert _problems(repo, "wijken/oost/agenda/nu.md")[0] == []


def test_an_activiteit_that_passed_since_it_was_committed_is_fine(repo):
    repo.activiteit("oost", "oud", start="2025-06-19 19:30")
    _git(repo.root, "add", "-A")
    _git(repo.root, "commit", "-q", "-m", "Voor het archief")
    assert _problems(repo, "wijken/oost/agenda/oud.md")[0] == []


def test_outside_a_repository_nothing_is_questioned(city):
    city.wijk("oost")
    city.activiteit("oost", "oud", start="2025-06-19 19:30")
    assert [p for p in load_stad(city.root, vandaag=VANDAAG).problems if p.path.endswith("oud.md")] == []
