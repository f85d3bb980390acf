"""The synthetic city of the benchmark: the same every time, and content the check accepts."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import random
import shutil
import sys
from datetime import timedelta
from pathlib import Path

import pytest
import yaml
from city import REPO
from PIL import Image

sys.path.insert(0, str(REPO / "scripts"))

import synthetic

from bovenwijks import herhaling
from bovenwijks.content import opgehaald, steden
from bovenwijks.content.load import load_stad
from bovenwijks.dates import TZ
from bovenwijks.tools import instellingen


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
    generated = synthetic.generate(tmp_path, items=120, wijken=4, photos=0)
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


@pytest.mark.parametrize("items, wijken, series, afgelast", [(1000, 30, 60, 6), (10_000, 30, 600, 60), (300, 3, 18, 2), (10, 3, 1, 0)])
def test_a_fifth_of_the_activiteiten_are_series_and_a_few_are_cancelled(items, wijken, series, afgelast):
    per_wijk = synthetic.plan(items, wijken)
    reeksen, cancelled = synthetic.choose_agenda(per_wijk, seed=2026)
    assert (len(reeksen), len(cancelled)) == (series, afgelast)


def test_the_seed_chooses_the_series_and_the_cancellations():
    per_wijk = synthetic.plan(1000, 30)
    assert synthetic.choose_agenda(per_wijk, seed=1) == synthetic.choose_agenda(per_wijk, seed=1)
    one, two = synthetic.choose_agenda(per_wijk, seed=1), synthetic.choose_agenda(per_wijk, seed=2)
    assert one[0] != two[0] and one[1] != two[1]


def test_the_series_come_back_in_every_way_and_the_check_accepts_them(tmp_path):
    generated = synthetic.generate(tmp_path, items=300, wijken=3, photos=0)
    loaded = load_stad(tmp_path)
    assert [str(p) for p in loaded.problems] == []
    activiteiten = loaded.stad.activiteiten()
    series = [a for a in activiteiten if a.herhaling]
    assert len(activiteiten) == generated.counts["agenda"] == 90 and len(series) == 18
    assert {a.herhaling.elke for a in series} == {"week", "2 weken", "maand"}
    assert all(len(a.herhaling.dagen) == 2 for a in series if a.herhaling.elke == "week")
    assert any(a.herhaling.tot for a in series) and any(a.herhaling.aantal for a in series)
    assert any(not herhaling.eindig(a) for a in series)
    # Every `behalve` date is a time of its series (the check would report and drop it otherwise).
    written = sum(
        len(_frontmatter(p)["herhaling"].get("behalve", []))
        for p in (tmp_path / "wijken").rglob("agenda/*.md")
        if "herhaling" in _frontmatter(p)
    )
    behalve = [u for a in series for u in a.herhaling.behalve]
    assert len(behalve) == written >= 6
    assert all(herhaling.is_keer(a, u.datum) for a in series for u in a.herhaling.behalve)
    assert any(u.reden for u in behalve) and any(u.reden is None for u in behalve)
    # Some series are over by the city's date, some still come; a few activiteiten are cancelled.
    vandaag = synthetic.VANDAAG
    assert any(herhaling.voorbij(a, vandaag) for a in series) and any(herhaling.volgende(a, vandaag) for a in series)
    assert sum(1 for a in activiteiten if a.afgelast) == 2


def test_editors_aliases_are_part_of_the_city(tmp_path):
    synthetic.generate(tmp_path, items=200, wijken=2, photos=0)
    stad = load_stad(tmp_path).stad
    ids = set(stad.vocabulaire.onderwerpen)
    written = "\n".join(p.read_text(encoding="utf-8") for p in (tmp_path / "wijken").rglob("initiatieven/*.md"))
    aliases = {a for o in stad.vocabulaire.onderwerpen.values() for a in o.aliassen}
    assert any(f"onderwerp: {a}\n" in written for a in aliases)
    assert {r.onderwerp for i in stad.initiatieven() for r in i.biedt} <= ids


def test_bodies_are_a_few_paragraphs_of_dutch(tmp_path):
    synthetic.generate(tmp_path, items=100, wijken=2, photos=0)
    stad = load_stad(tmp_path).stad
    for item in stad.items():
        paragraphs = [p for p in item.body.split("\n\n") if p.strip()]
        assert len(paragraphs) >= 1, item.source
        assert 150 <= len(item.body) <= 4000, item.source
    initiatief = stad.initiatieven()[0]
    assert "## Meedoen" in initiatief.body and len(initiatief.body) >= 600
    sentences = [s for s in initiatief.body.replace("\n", " ").split(". ") if s]
    assert len(sentences) == len(set(sentences)), "no sentence twice in one body"


@pytest.mark.parametrize(
    "vorm, items, photos",
    [
        ("gemengd", 80, None),  # with its photos: a fifth of the items and of the profiles
        ("initiatieven", 60, 0),
        ("agenda", 60, 0),
        ("fotos", 12, None),  # with its photos, at a size that keeps them few
        ("opgehaald", 60, 0),
    ],
)
def test_scripts_check_accepts_the_city(city, tmp_path, vorm, items, photos):
    """`make check` on every shape, with the project's mkdocs.yml (as the bench city has it): Utrecht's snapshot is read too."""
    generated = synthetic.generate(tmp_path / "stad", items=items, wijken=3, photos=photos, vorm=synthetic.VORMEN[vorm])
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "stad" / "mkdocs.yml")
    city.root = tmp_path / "stad"
    result = city.check(env={"BOVENWIJKS_BUILD_DATE": synthetic.VANDAAG.isoformat()})
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == "" and f"Alles in orde: 3 wijken, {items} items.\n" in result.stderr, result.stdout + result.stderr
    assert bool(generated.photos) == (photos is None)


# -- shapes --------------------------------------------------------------------------------

VORMEN = ("gemengd", "initiatieven", "agenda", "fotos", "opgehaald")
ANDERE_STEDEN = instellingen.lees(REPO).andere_steden  # what the bench city inherits


def _load(root: Path):
    """The city as the build loads it on its day, with the other cities of the project's mkdocs.yml."""
    return load_stad(root, vandaag=synthetic.VANDAAG, andere_steden=ANDERE_STEDEN)


def test_the_shapes_are_the_five_of_the_benchmark():
    assert tuple(synthetic.VORMEN) == VORMEN
    assert all(vorm.naam == naam and vorm.summary for naam, vorm in synthetic.VORMEN.items())
    gemengd = synthetic.VORMEN["gemengd"]
    assert (gemengd.shares, gemengd.photos, gemengd.series, gemengd.afgelast) == (
        synthetic.SHARES,
        synthetic.PHOTOS,
        synthetic.SERIES,
        synthetic.AFGELAST,
    )
    assert (gemengd.onderwerpen, gemengd.alineas, gemengd.woorden, gemengd.opgehaald) == (None, None, None, 0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        gemengd.photos = 0.5
    hash(gemengd)  # a frozen shape can be a key


@pytest.mark.parametrize(
    "shares, message",
    [
        ({"initiatieven": 0.5, "agenda": 0.5}, "name every folder"),
        ({"initiatieven": 0.5, "agenda": 0.3, "nieuws": 0.3, "kennis": 0.1}, "add up to 1"),
    ],
)
def test_a_shape_divides_all_its_items(shares, message):
    with pytest.raises(ValueError, match=message):
        synthetic.Vorm("scheef", "a wrong one", shares=shares)
    with pytest.raises(ValueError, match="between 0 and 1"):
        synthetic.Vorm("scheef", "a wrong one", opgehaald=1.5)


@pytest.mark.parametrize(
    "vorm, totals, imported",
    [
        ("gemengd", {"initiatieven": 3000, "agenda": 3000, "nieuws": 2500, "kennis": 1500}, {"agenda": 0, "nieuws": 0}),
        ("initiatieven", {"initiatieven": 4000, "agenda": 2500, "nieuws": 2500, "kennis": 1000}, {"agenda": 0, "nieuws": 0}),
        ("agenda", {"initiatieven": 1500, "agenda": 5500, "nieuws": 2000, "kennis": 1000}, {"agenda": 0, "nieuws": 0}),
        ("fotos", {"initiatieven": 3000, "agenda": 3000, "nieuws": 2500, "kennis": 1500}, {"agenda": 0, "nieuws": 0}),
        # 30 % of each wijk's 100 activiteiten and 83 or 84 berichten
        ("opgehaald", {"initiatieven": 3000, "agenda": 3000, "nieuws": 2500, "kennis": 1500}, {"agenda": 900, "nieuws": 750}),
    ],
)
def test_every_shape_plans_its_mix_at_10000_items(vorm, totals, imported):
    shape = synthetic.VORMEN[vorm]
    per_wijk = synthetic.plan(10_000, 30, shape.shares)
    assert {f: sum(w[f] for w in per_wijk) for f in synthetic.FOLDERS} == totals
    extern = synthetic.plan_opgehaald(per_wijk, shape.opgehaald)
    assert {f: sum(w[f] for w in extern) for f in ("agenda", "nieuws")} == imported
    assert all(w["initiatieven"] == w["kennis"] == 0 for w in extern)
    assert all(e[f] <= w[f] for e, w in zip(extern, per_wijk, strict=True) for f in synthetic.FOLDERS)


@pytest.mark.parametrize(
    "vorm, items, wijken, photos",
    [
        ("gemengd", 60, 3, 0),
        ("initiatieven", 60, 3, 0),
        ("agenda", 60, 3, 0),
        ("fotos", 8, 1, None),  # its own share of photos: half the items
        ("opgehaald", 60, 3, 0),
    ],
)
def test_every_shape_is_the_same_city_every_time_and_valid(tmp_path, vorm, items, wijken, photos):
    shape = synthetic.VORMEN[vorm]
    one = synthetic.generate(tmp_path / "a", items=items, wijken=wijken, photos=photos, vorm=shape)
    two = synthetic.generate(tmp_path / "b", items=items, wijken=wijken, photos=photos, vorm=shape)
    other_seed = synthetic.generate(tmp_path / "c", items=items, wijken=wijken, seed=7, photos=photos, vorm=shape)
    assert _files(one.root) == _files(two.root)
    assert _files(one.root) != _files(other_seed.root)
    assert one.vorm == vorm and one.items == items
    share = shape.photos if photos is None else photos
    assert len(one.photos) == round(share * items) + round(share * wijken)
    loaded = _load(one.root)
    assert [str(p) for p in loaded.problems] == []
    stad = loaded.stad
    assert len(stad.items()) == items
    loaded_counts = {
        "initiatieven": len(stad.initiatieven()),
        "agenda": len(stad.activiteiten()),
        "nieuws": len(stad.berichten()),
        "kennis": len(stad.kennis()),
    }
    assert loaded_counts == one.counts
    markdown = {f: len(list((one.root / "wijken").glob(f"*/{f}/*.md"))) for f in synthetic.FOLDERS}
    assert markdown == {f: one.counts[f] - one.opgehaald[f] for f in synthetic.FOLDERS}


def test_the_initiatieven_shape_offers_and_seeks_on_twelve_onderwerpen(tmp_path):
    generated = synthetic.generate(tmp_path, items=200, wijken=2, photos=0, vorm=synthetic.VORMEN["initiatieven"])
    stad = _load(tmp_path).stad
    initiatieven = stad.initiatieven()
    assert len(initiatieven) == generated.counts["initiatieven"] == 80
    assert all(i.biedt and i.zoekt for i in initiatieven)
    twaalf = sorted(stad.vocabulaire.onderwerpen)[:12]
    used = {r.onderwerp for i in initiatieven for r in [*i.biedt, *i.zoekt]}
    assert used == set(twaalf)  # every one of the twelve, and no other
    assert {o for k in stad.kennis() for o in k.onderwerpen} <= set(twaalf)
    # Aliases still stand for them: resolving them is part of the work.
    written = "\n".join(p.read_text(encoding="utf-8") for p in (tmp_path / "wijken").rglob("initiatieven/*.md"))
    assert any(f"onderwerp: {a}\n" in written for o in twaalf for a in stad.vocabulaire.onderwerpen[o].aliassen)


def _alineas(body: str) -> list[str]:
    """The prose paragraphs of a body: before an initiatief's `## Meedoen`."""
    return [p for p in body.split("## Meedoen")[0].split("\n\n") if p.strip()]


def test_the_initiatieven_shape_has_three_paragraphs_of_about_fifty_words(tmp_path):
    synthetic.generate(tmp_path, items=100, wijken=2, photos=0, vorm=synthetic.VORMEN["initiatieven"])
    items = _load(tmp_path).stad.items()
    lengths = []
    for item in items:
        paragraphs = _alineas(item.body)
        assert len(paragraphs) == 3, item.source
        lengths.extend(len(p.split()) for p in paragraphs)
        sentences = [s for s in item.body.replace("\n", " ").split(". ") if s]
        assert len(sentences) == len(set(sentences)), "no sentence twice in one body"
    assert all(35 <= n <= 65 for n in lengths), sorted(lengths)
    assert 45 <= sum(lengths) / len(lengths) <= 55
    # The mix keeps its own bodies: three to five sentences, in one to three paragraphs.
    synthetic.generate(tmp_path / "gemengd", items=100, wijken=2, photos=0)
    counts = {len(_alineas(i.body)) for i in _load(tmp_path / "gemengd").stad.items()}
    assert counts == {1, 2, 3}


@pytest.mark.parametrize(
    "vorm, items, wijken, series, afgelast",
    [
        ("agenda", 10_000, 30, 2750, 440),
        ("agenda", 300, 3, 82, 13),
        ("gemengd", 10_000, 30, 600, 60),
    ],
)
def test_the_agenda_shape_has_series_on_half_the_activiteiten(vorm, items, wijken, series, afgelast):
    shape = synthetic.VORMEN[vorm]
    reeksen, cancelled = synthetic.choose_agenda(synthetic.plan(items, wijken, shape.shares), 2026, shape.series, shape.afgelast)
    assert (len(reeksen), len(cancelled)) == (series, afgelast)


def _soort(rule) -> tuple[str, str | None]:
    return rule.elke, "tot" if rule.tot else "aantal" if rule.aantal else None


def test_the_agenda_shape_has_every_kind_of_series_and_many_cancelled(tmp_path):
    generated = synthetic.generate(tmp_path, items=300, wijken=3, photos=0, vorm=synthetic.VORMEN["agenda"])
    loaded = _load(tmp_path)
    assert [str(p) for p in loaded.problems] == []
    activiteiten = loaded.stad.activiteiten()
    assert len(activiteiten) == generated.counts["agenda"] == 165
    series = [a for a in activiteiten if a.herhaling]
    assert len(series) == 82  # half of them
    assert {_soort(a.herhaling) for a in series} == set(synthetic.REEKSEN)
    assert sum(1 for a in series if a.herhaling.behalve) >= len(series) // 2 - 1
    assert all(herhaling.is_keer(a, u.datum) for a in series for u in a.herhaling.behalve)
    assert sum(1 for a in activiteiten if a.afgelast) == 13  # 8 %


@pytest.mark.parametrize("items, wijken, on_items, on_wijken", [(10_000, 30, 5000, 15), (1000, 30, 500, 15), (9, 2, 4, 1)])
def test_the_photo_shape_has_a_photo_on_half_the_items(items, wijken, on_items, on_wijken):
    shape = synthetic.VORMEN["fotos"]
    per_wijk = synthetic.plan(items, wijken, shape.shares)
    chosen = synthetic.choose_photos(per_wijk, shape.photos, seed=2026)
    assert sum(1 for _, folder, _ in chosen if folder) == on_items
    assert sum(1 for _, folder, _ in chosen if not folder) == on_wijken
    assert {folder for _, folder, _ in chosen if folder} == set(synthetic.PHOTO_FOLDERS)


def test_the_opgehaald_shape_imports_a_third_of_the_berichten_and_activiteiten(tmp_path):
    generated = synthetic.generate(tmp_path, items=300, wijken=3, photos=0, vorm=synthetic.VORMEN["opgehaald"])
    assert generated.counts == {"initiatieven": 90, "agenda": 90, "nieuws": 75, "kennis": 45}
    assert generated.opgehaald == {"initiatieven": 0, "agenda": 27, "nieuws": 24, "kennis": 0}  # 30 % of each wijk's
    records = {opgehaald.FEED: [], opgehaald.KALENDER: []}
    for folder in sorted(p for p in (tmp_path / "wijken").iterdir() if not p.name.startswith("_")):
        site = f"https://www.{folder.name}.example/"
        profiel = _frontmatter(folder / "index.md")
        assert (profiel["website"], profiel["feed"], profiel["kalender"]) == (site, f"{site}feed.xml", f"{site}agenda.ics")
        for bron in opgehaald.BRONNEN:
            snapshot = opgehaald.Momentopname.van(opgehaald.pad(folder, bron).read_text(encoding="utf-8"))
            assert snapshot.url == profiel[bron.sleutel] and snapshot.link == site
            assert snapshot.gewijzigd.astimezone(TZ).date() == synthetic.VANDAAG - timedelta(days=1)
            assert (snapshot.mislukt_sinds, snapshot.reden, snapshot.versie) == (None, None, opgehaald.VERSIE)
            assert snapshot.items
            for record in snapshot.items:
                assert opgehaald.fout(bron, record) is None, record
                # Every field the fetch step writes (a calendar's items bring no photo here).
                assert set(record) == set(opgehaald._VELDEN[bron.sleutel]) - ({"afbeelding"} if bron is opgehaald.KALENDER else set())
                assert record["link"].startswith(site) and record["html"].count("<p>") in (2, 3)
            records[bron].extend(snapshot.items)
    assert len(records[opgehaald.FEED]) == 24 and len(records[opgehaald.KALENDER]) == 27
    kalender = records[opgehaald.KALENDER]
    assert any(r["herhaling"] for r in kalender) and any(r["afgelast"] for r in kalender) and any(r["hele_dag"] for r in kalender)
    assert any(u["reden"] for r in kalender if r["herhaling"] for u in r["herhaling"].get("behalve", []))

    loaded = _load(tmp_path)
    assert [str(p) for p in loaded.problems] == []
    stad = loaded.stad
    assert len(stad.items()) == generated.items == 300
    for wijk in stad.wijken.values():
        for folder, bron in (("nieuws", opgehaald.FEED), ("agenda", opgehaald.KALENDER)):
            imported = {i.slug for i in getattr(wijk, folder) if i.origineel}
            snapshot = json.loads(opgehaald.pad(tmp_path / "wijken" / wijk.slug, bron).read_text(encoding="utf-8"))
            assert imported == {r["slug"] for r in snapshot["items"]}, (wijk.slug, folder)
            assert all(i.origineel.url.startswith(f"https://www.{wijk.slug}.example/") for i in getattr(wijk, folder) if i.origineel)
    imported = [a for a in stad.activiteiten() if a.origineel]
    assert len(imported) == 27 and any(a.herhaling for a in imported) and any(a.afgelast for a in imported)
    assert sum(1 for b in stad.berichten() if b.origineel) == 24


def test_only_the_opgehaald_shape_names_a_website_of_the_wijk(tmp_path):
    synthetic.generate(tmp_path, items=20, wijken=2, photos=0)
    assert not list((tmp_path / "wijken").rglob("_opgehaald"))
    assert all("feed" not in _frontmatter(p) for p in (tmp_path / "wijken").glob("*/index.md"))


def test_utrecht_is_the_other_city_of_the_projects_mkdocs_yml():
    assert ANDERE_STEDEN == (synthetic.UTRECHT,)


@pytest.mark.parametrize(
    "vorm, items, initiatieven, kennis",
    [("gemengd", 10_000, 500, 100), ("initiatieven", 1000, 50, 10), ("gemengd", 60, 5, 1), ("opgehaald", 0, 5, 1)],
)
def test_utrecht_offers_on_our_onderwerpen_as_the_city_grows(tmp_path, vorm, items, initiatieven, kennis):
    shape = synthetic.VORMEN[vorm]
    vocabulaire = yaml.safe_load((REPO / "content" / "vocabulaire.yml").read_text(encoding="utf-8"))
    file = synthetic.write_andere_stad(tmp_path, items, vocabulaire, shape, 2026, synthetic.VANDAAG)
    assert file == tmp_path / "wijken" / "_steden" / "utrecht.json"
    assert file.read_bytes() == synthetic.write_andere_stad(tmp_path, items, vocabulaire, shape, 2026, synthetic.VANDAAG).read_bytes()
    snapshot = steden.Momentopname.van(file.read_text(encoding="utf-8"))
    assert (len(snapshot.initiatieven), len(snapshot.kennis)) == (initiatieven, kennis)
    assert snapshot.gewijzigd.astimezone(TZ).date() == synthetic.VANDAAG - timedelta(days=1) and snapshot.mislukt_sinds is None
    assert all(steden.initiatief_fout(r, synthetic.UTRECHT) is None for r in snapshot.initiatieven)
    assert all(steden.kennis_fout(r, synthetic.UTRECHT) is None for r in snapshot.kennis)
    assert len({r["id"] for r in [*snapshot.initiatieven, *snapshot.kennis]}) == initiatieven + kennis
    ids = set(synthetic.onderwerp_ids(vocabulaire, shape))
    offered = {b["onderwerp"] for r in snapshot.initiatieven for b in r["biedt"]}
    assert offered <= ids and {o for r in snapshot.kennis for o in r["onderwerpen"]} <= ids
    assert {o["id"] for o in snapshot.onderwerpen} == offered | {o for r in snapshot.kennis for o in r["onderwerpen"]}


def test_every_city_has_utrechts_snapshot_and_the_build_reads_it(tmp_path):
    synthetic.generate(tmp_path, items=120, wijken=2, photos=0, vorm=synthetic.VORMEN["initiatieven"])
    loaded = _load(tmp_path)
    assert [str(p) for p in loaded.problems] == []
    [utrecht] = loaded.stad.andere_steden
    assert utrecht.naam == "Utrecht" and utrecht.bijgewerkt == synthetic.VANDAAG - timedelta(days=1)
    assert {a.soort for a in utrecht.aanbod} == {"initiatief", "ervaring"}
    assert {a.onderwerp for a in utrecht.aanbod} <= set(sorted(loaded.stad.vocabulaire.onderwerpen)[:12])
    assert len({a.url for a in utrecht.aanbod if a.soort == "initiatief"}) == 6  # 5 % of 120 items


# -- photos --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "items, wijken, share, on_items, on_wijken",
    [
        (10_000, 30, 0.2, 2000, 6),
        (1000, 30, 0.2, 200, 6),
        (40, 5, 0.2, 8, 1),
        (40, 5, 0.0, 0, 0),
        (20, 2, 1.0, 17, 2),  # every item that takes one: kennis (3 of the 20) takes none
    ],
)
def test_a_share_of_all_items_has_a_photo_drawn_from_those_that_take_one(items, wijken, share, on_items, on_wijken):
    chosen = synthetic.choose_photos(synthetic.plan(items, wijken), share, seed=2026)
    assert sum(1 for _, folder, _ in chosen if folder) == on_items
    assert sum(1 for _, folder, _ in chosen if not folder) == on_wijken
    assert {folder for _, folder, _ in chosen if folder} <= set(synthetic.PHOTO_FOLDERS)
    assert "kennis" not in synthetic.PHOTO_FOLDERS


def test_the_seed_chooses_the_items_with_a_photo():
    per_wijk = synthetic.plan(1000, 30)
    assert synthetic.choose_photos(per_wijk, 0.2, 1) == synthetic.choose_photos(per_wijk, 0.2, 1)
    assert synthetic.choose_photos(per_wijk, 0.2, 1) != synthetic.choose_photos(per_wijk, 0.2, 2)
    kinds = {folder for _, folder, _ in synthetic.choose_photos(per_wijk, 0.2, 1)}
    assert kinds == {"", *synthetic.PHOTO_FOLDERS}


@pytest.mark.parametrize("share", [-0.1, 1.5])
def test_a_share_of_photos_is_a_fraction(share):
    with pytest.raises(ValueError, match="between 0 and 1"):
        synthetic.choose_photos(synthetic.plan(10, 1), share, seed=1)


def test_photos_come_in_the_layouts_of_phones():
    layouts = [synthetic.photo_layout(random.Random(n)) for n in range(400)]
    assert set(layouts) == {(size, orientation) for size, orientation, _ in synthetic.PHOTO_LAYOUTS}
    assert {size for size, _ in layouts} == {(4032, 3024), (3024, 4032)}
    turned = sum(1 for _, orientation in layouts if orientation not in (1, None))
    assert 0.2 < turned / len(layouts) < 0.4  # Orientation 3, 6 or 8: 30 %


def _frontmatter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def test_a_fifth_of_the_items_has_its_own_photo_at_a_phones_size(tmp_path):
    generated = synthetic.generate(tmp_path, items=40, wijken=5)
    assert len(generated.photos) == 8 + 1  # a fifth of the items, and of the wijk profiles
    with_photo = {}
    for page in (tmp_path / "wijken").rglob("*.md"):
        if afbeelding := _frontmatter(page).get("afbeelding"):
            with_photo[page] = afbeelding
    assert sorted((page.parent / a["bestand"]).relative_to(tmp_path) for page, a in with_photo.items()) == sorted(generated.photos)
    assert {page.parent.name for page in with_photo} <= {
        "initiatieven",
        "agenda",
        "nieuws",
        *(p.name for p in (tmp_path / "wijken").iterdir()),
    }
    assert sum(1 for page in with_photo if page.name == "index.md") == 1
    for page, afbeelding in with_photo.items():
        assert afbeelding["bestand"] == f"{page.stem if page.name != 'index.md' else page.parent.name}.jpg"
        assert afbeelding["alt"].endswith(".") and len(afbeelding["alt"].split()) >= 5, afbeelding
        assert set(afbeelding) <= {"bestand", "alt", "maker"}
    hashes = set()
    for photo in generated.photos:
        with Image.open(tmp_path / photo) as image:
            assert image.format == "JPEG" and image.size in {(4032, 3024), (3024, 4032)}, photo
            assert image.getexif().get(synthetic.EXIF_ORIENTATION) in {None, 1, 3, 6, 8}
        assert 0.5 * 1024 * 1024 < (tmp_path / photo).stat().st_size < 3 * 1024 * 1024  # a phone photo's weight
        hashes.add(hashlib.sha256((tmp_path / photo).read_bytes()).hexdigest())
    assert len(hashes) == len(generated.photos)  # a cache by content cannot share one


def test_photos_only_add_to_the_city(tmp_path):
    """With photos the Markdown is the same but for `afbeelding`: the photos draw from a random stream of their own."""
    without = synthetic.generate(tmp_path / "zonder", items=30, wijken=3, photos=0)
    with_photos = synthetic.generate(tmp_path / "met", items=30, wijken=3)
    assert without.photos == [] and not list((tmp_path / "zonder").rglob("*.jpg"))
    assert with_photos.photos
    changed = 0
    for page in sorted((tmp_path / "zonder" / "wijken").rglob("*.md")):
        twin = tmp_path / "met" / page.relative_to(tmp_path / "zonder")
        one, other = _frontmatter(page), _frontmatter(twin)
        changed += other.pop("afbeelding", None) is not None
        assert one == other, page
        assert page.read_text(encoding="utf-8").split("---\n", 2)[2] == twin.read_text(encoding="utf-8").split("---\n", 2)[2]
    assert changed == len(with_photos.photos)


def test_photos_are_the_same_whichever_process_makes_them(tmp_path):
    photos = [Path(f"foto-{n}.jpg") for n in range(16)]
    for folder, workers in (("een", 1), ("twee", 2)):
        (tmp_path / folder).mkdir()
        synthetic.write_photos(tmp_path / folder, photos, seed=3, workers=workers)
    assert _files(tmp_path / "een") == _files(tmp_path / "twee")


def test_the_photos_are_valid_content(tmp_path):
    synthetic.generate(tmp_path, items=40, wijken=5)
    assert [str(p) for p in load_stad(tmp_path).problems] == []
