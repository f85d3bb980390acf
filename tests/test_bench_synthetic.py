"""The synthetic city of the benchmark: the same every time, and content the check accepts."""

from __future__ import annotations

import hashlib
import random
import sys
from pathlib import Path

import pytest
import yaml
from city import REPO
from PIL import Image

sys.path.insert(0, str(REPO / "scripts"))

import synthetic

from bovenwijks import herhaling
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


def test_scripts_check_accepts_the_city(city, tmp_path):
    synthetic.generate(tmp_path / "stad", items=80, wijken=3)
    city.root = tmp_path / "stad"
    result = city.check()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 wijken, 80 items" in result.stderr


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
