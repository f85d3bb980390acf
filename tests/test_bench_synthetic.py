"""The synthetic city of the benchmark: the same every time, and content the check accepts."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from city import REPO

sys.path.insert(0, str(REPO / "scripts"))

import synthetic

from bovenwijks.content.load import load_stad


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(
    "items, wijken, totals",
    [
        (1000, 30, {"initiatieven": 300, "agenda": 300, "nieuws": 250, "kennis": 150}),
        (10, 3, {"initiatieven": 4, "agenda": 3, "nieuws": 2, "kennis": 1}),
        (7, 10, {"initiatieven": 3, "agenda": 2, "nieuws": 1, "kennis": 1}),
        (1, 1, {"initiatieven": 1, "agenda": 0, "nieuws": 0, "kennis": 0}),
        (0, 2, {"initiatieven": 0, "agenda": 0, "nieuws": 0, "kennis": 0}),
    ],
)
def test_plan_spreads_exactly_the_items_evenly(items, wijken, totals):
    plan = synthetic.plan(items, wijken)
    assert len(plan) == wijken
    assert {f: sum(w[f] for w in plan) for f in synthetic.FOLDERS} == totals
    for folder in synthetic.FOLDERS:
        counts = [w[folder] for w in plan]
        assert max(counts) - min(counts) <= 1, folder


def test_plan_refuses_a_city_without_wijken():
    with pytest.raises(ValueError, match="wijken at least 1"):
        synthetic.plan(10, 0)


def test_wijk_names_stay_unique_beyond_the_real_ones():
    names = [synthetic.wijknaam(i) for i in range(3 * len(synthetic.WIJKNAMEN))]
    assert len(set(names)) == len(names)
    assert names[0] == "Soesterkwartier" and names[len(synthetic.WIJKNAMEN)] == "Soesterkwartier 2"


def test_the_same_arguments_write_the_same_city(tmp_path):
    one = synthetic.generate(tmp_path / "a", items=60, wijken=3)
    two = synthetic.generate(tmp_path / "b", items=60, wijken=3)
    other_seed = synthetic.generate(tmp_path / "c", items=60, wijken=3, seed=7)
    assert _files(one.root) == _files(two.root)
    assert _files(one.root) != _files(other_seed.root)


def test_refuses_to_write_over_a_city(tmp_path):
    synthetic.generate(tmp_path, items=4, wijken=1)
    before = _files(tmp_path)
    with pytest.raises(FileExistsError, match="give an empty folder"):
        synthetic.generate(tmp_path, items=4, wijken=1)
    assert _files(tmp_path) == before


def test_the_city_is_valid_and_uses_every_part_of_the_contract(tmp_path):
    generated = synthetic.generate(tmp_path, items=120, wijken=4)
    loaded = load_stad(tmp_path)
    assert [str(p) for p in loaded.problems] == []
    stad = loaded.stad
    assert len(stad.wijken) == 4 and len(stad.items()) == generated.items == 120
    assert all(w.wijkplan and w.wijkplan.prioriteiten and w.ontmoetingsplekken for w in stad.wijken.values())
    initiatieven = stad.initiatieven()
    assert len(initiatieven) == generated.counts["initiatieven"] == 36
    assert all(i.biedt for i in initiatieven) and any(i.zoekt for i in initiatieven)
    assert any(i.prioriteiten for i in initiatieven) and all(i.partners for i in initiatieven)
    assert {i.status for i in initiatieven} == {"idee", "actief", "gepauzeerd", "afgerond"}
    activiteiten = stad.activiteiten()
    assert any(a.initiatief for a in activiteiten)
    assert any(a.hele_dag for a in activiteiten) and any(a.eind for a in activiteiten)
    vandaag = synthetic.VANDAAG
    assert any(a.datum >= vandaag for a in activiteiten) and any(a.datum < vandaag for a in activiteiten)
    assert {k.soort for k in stad.kennis()} == {"vraag", "ervaring"}
    assert len(stad.berichten()) == generated.counts["nieuws"]


def test_editors_aliases_are_part_of_the_city(tmp_path):
    synthetic.generate(tmp_path, items=200, wijken=2)
    stad = load_stad(tmp_path).stad
    ids = set(stad.vocabulaire.onderwerpen)
    written = "\n".join(p.read_text(encoding="utf-8") for p in (tmp_path / "wijken").rglob("initiatieven/*.md"))
    aliases = {a for o in stad.vocabulaire.onderwerpen.values() for a in o.aliassen}
    assert any(f"onderwerp: {a}\n" in written for a in aliases)
    assert {r.onderwerp for i in stad.initiatieven() for r in i.biedt} <= ids


def test_bodies_are_a_few_paragraphs_of_dutch(tmp_path):
    synthetic.generate(tmp_path, items=100, wijken=2)
    stad = load_stad(tmp_path).stad
    for item in stad.items():
        paragraphs = [p for p in item.body.split("\n\n") if p.strip()]
        assert len(paragraphs) >= 1, item.source
        assert 150 <= len(item.body) <= 4000, item.source
    initiatief = stad.initiatieven()[0]
    assert "## Meedoen" in initiatief.body and len(initiatief.body) >= 600
    sentences = [s for s in initiatief.body.replace("\n", " ").split(". ") if s]
    assert len(sentences) == len(set(sentences)), "no sentence twice in one body"


def test_scripts_check_accepts_the_city(city, tmp_path):
    synthetic.generate(tmp_path / "stad", items=80, wijken=3)
    city.root = tmp_path / "stad"
    result = city.check()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 wijken, 80 items" in result.stderr
