"""When an activiteit's file last changed (`content/geschiedenis.py`): a real git repository in
`tmp_path`, as the deploy workflow checks one out, with the names editors give files."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from city import git as _git

from bovenwijks.content.geschiedenis import geschiedenis, gewijzigd
from bovenwijks.dates import TZ

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git ontbreekt")

EERSTE = datetime(2026, 9, 1, 10, 0, tzinfo=TZ)
TWEEDE = datetime(2026, 10, 15, 20, 30, tzinfo=TZ)
# A modification time none of the commits has: what a file gets that git does not date.
GEOPEND = datetime(2026, 11, 20, 9, 15, tzinfo=TZ)
NAMEN = ("wijken/oost/agenda/taal café.md", "wijken/oost/agenda/Ĳsbaan.md", "wijken/oost/agenda/soep.md")


def _stad(repo: Path, root: Path) -> None:
    """A repository at `repo` with the city at `root` (the same folder, or one inside it):
    every file committed at EERSTE, then the soep renamed to `soep-op-vrijdag.md` at TWEEDE."""
    _git(repo, "init", "-q")
    for name in NAMEN:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("---\ntitel: X\n---\n", encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "Agenda", when=EERSTE)
    _git(repo, "mv", str(root / NAMEN[2]), str(root / "wijken/oost/agenda/soep-op-vrijdag.md"))
    _git(repo, "commit", "-q", "-m", "Soep op vrijdag", when=TWEEDE)
    for path in (root / "wijken").rglob("*.md"):
        os.utime(path, (GEOPEND.timestamp(), GEOPEND.timestamp()))


PADEN = [*NAMEN[:2], "wijken/oost/agenda/soep-op-vrijdag.md"]


def test_a_file_is_dated_by_its_last_commit_whatever_its_name(tmp_path):
    _stad(tmp_path, tmp_path)
    assert gewijzigd(tmp_path, PADEN) == {NAMEN[0]: EERSTE, NAMEN[1]: EERSTE, PADEN[2]: TWEEDE}


def test_a_file_changed_since_its_last_commit_has_its_modification_time(tmp_path):
    _stad(tmp_path, tmp_path)
    (tmp_path / NAMEN[0]).write_text("---\ntitel: Soep\n---\n", encoding="utf-8")  # another size: git compares sizes and times
    os.utime(tmp_path / NAMEN[0], (GEOPEND.timestamp(), GEOPEND.timestamp()))
    assert gewijzigd(tmp_path, PADEN)[NAMEN[0]] == GEOPEND


def test_a_city_in_a_folder_of_its_repository_is_dated_by_its_commits(tmp_path):
    root = tmp_path / "stad"
    _stad(tmp_path, root)
    assert gewijzigd(root, PADEN) == {NAMEN[0]: EERSTE, NAMEN[1]: EERSTE, PADEN[2]: TWEEDE}
    (root / NAMEN[0]).write_text("---\ntitel: Soep\n---\n", encoding="utf-8")  # another size: git compares sizes and times
    os.utime(root / NAMEN[0], (GEOPEND.timestamp(), GEOPEND.timestamp()))
    assert gewijzigd(root, PADEN)[NAMEN[0]] == GEOPEND  # git names it from the top: `stad/wijken/…`


def test_without_git_every_file_has_its_modification_time(tmp_path, monkeypatch):
    _stad(tmp_path, tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path / "nergens"))
    assert gewijzigd(tmp_path, PADEN) == dict.fromkeys(PADEN, GEOPEND)


DERDE = datetime(2026, 11, 1, 12, 0, tzinfo=TZ)


def test_renames_removals_and_first_commits_are_remembered(tmp_path):
    _stad(tmp_path, tmp_path)
    agenda = tmp_path / "wijken/oost/agenda"
    _git(tmp_path, "mv", str(agenda / "soep-op-vrijdag.md"), str(agenda / "soep.md"))  # a rename of a rename
    _git(tmp_path, "rm", "-q", str(tmp_path / NAMEN[1]))
    _git(tmp_path, "commit", "-q", "-m", "Soep weer soep, ijsbaan weg", when=DERDE)
    (agenda / "nieuw.md").write_text("---\ntitel: Nieuw\n---\n", encoding="utf-8")
    history = geschiedenis(tmp_path)
    assert history.volledig
    assert history.hernoemd == {"wijken/oost/agenda/soep-op-vrijdag.md": NAMEN[2]}
    assert history.verwijderd == {NAMEN[1]}
    assert history.nu(NAMEN[1]) is None and history.nu("wijken/oost/agenda/soep-op-vrijdag.md") == NAMEN[2]
    assert history.nieuw == history.toegevoegd == {"wijken/oost/agenda/nieuw.md"}


def test_a_pull_request_adds_the_files_its_branch_adds(tmp_path, monkeypatch):
    monkeypatch.delenv("GITHUB_BASE_REF", raising=False)  # the tests may run in a pull request's check
    (tmp_path / "bron").mkdir()
    _stad(tmp_path / "bron", tmp_path / "bron")
    subprocess.run(["git", "clone", "-q", str(tmp_path / "bron"), str(tmp_path / "pr")], check=True)
    agenda = tmp_path / "pr/wijken/oost/agenda"
    (agenda / "nieuw.md").write_text("---\ntitel: Nieuw\n---\n", encoding="utf-8")
    (agenda / "soep-op-vrijdag.md").write_text("---\ntitel: Soep, anders\n---\n", encoding="utf-8")
    _git(tmp_path / "pr", "add", "-A")
    _git(tmp_path / "pr", "commit", "-q", "-m", "Nieuw", when=DERDE)
    assert geschiedenis(tmp_path / "pr").toegevoegd == set()  # committed: outside a pull request, nothing is new
    monkeypatch.setenv("GITHUB_BASE_REF", _branch(tmp_path / "bron"))  # what GitHub sets in a pull request's check
    assert geschiedenis(tmp_path / "pr").toegevoegd == {"wijken/oost/agenda/nieuw.md"}


def _branch(repo: Path) -> str:
    return subprocess.run(["git", "-C", str(repo), "branch", "--show-current"], capture_output=True, text=True, check=True).stdout.strip()


def test_a_shallow_clone_knows_no_renames_and_no_dates_of_adding(tmp_path):
    (tmp_path / "bron").mkdir()
    _stad(tmp_path / "bron", tmp_path / "bron")
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{tmp_path / 'bron'}", str(tmp_path / "kloon")], check=True)
    history = geschiedenis(tmp_path / "kloon")
    assert not history.volledig and history.repository
    assert (history.hernoemd, history.verwijderd) == ({}, set())


def test_outside_a_repository_nothing_is_known(tmp_path):
    (tmp_path / "wijken").mkdir()
    history = geschiedenis(tmp_path)
    assert not history.repository and not history.volledig and history.hernoemd == {}
