"""Imported content at its edges: what a hostile or careless source, or a hand-edited snapshot, does.

Each test was a finding of the review of issue 18, failing before its fix: a gzip bomb, a
slug or link in a snapshot that is not what it seems, wrong types, churn, a series with a
count, a phone's JPEG, a CMYK photo, a huge feed, the workflow's memory of failures. They use
the real parts: the fixture server on 127.0.0.1, real snapshots, real builds.
"""

from __future__ import annotations

import io
import ipaddress
import json
from datetime import timedelta

import pytest
import yaml
from bronserver import Bestand, Fout
from city import REPO
from PIL import Image
from snapshots import DATE, FEED_URL, KALENDER_URL, NU, SITE, activiteit, bericht, event, ics, momentopname, ophalen, rss, schrijf

from bovenwijks.content.opgehaald import FEED, KALENDER, pad
from bovenwijks.tools.fetch import weigering

# -- tools/fetch.py ------------------------------------------------------------------------


def test_a_site_local_ipv6_address_is_refused():
    assert weigering(ipaddress.ip_address("fec0::1"), lokaal=False) is not None


# -- content/opgehaald.py: a snapshot is a file a pull request can change --------------------


def test_a_slug_in_a_snapshot_cannot_take_another_page(city):
    city.wijk("oost", "Oost", feed=FEED_URL)
    schrijf(city, FEED, [bericht(slug="../../../index", titel="Overgenomen")])
    built = city.build(strict=True)
    assert "Welkom in de teststad" in built.page("")
    assert "Overgenomen" not in built.page("")


def test_the_link_back_in_a_snapshot_is_only_http(city):
    city.wijk("oost", "Oost", feed=FEED_URL)
    schrijf(city, FEED, [bericht(link="javascript:alert(document.cookie)")])
    built = city.build(strict=True)
    assert built.error is None, built.warnings
    assert "javascript:" not in built.page("wijken/oost/nieuws/kerstmarkt-op-het-plein/")


# A value of the wrong type in a hand-edited snapshot: each gives a traceback in `make check`
# or in the build, where the docs promise a warning and only that item left out.
WRONG_TYPES = {
    "item-is-text": (FEED, {"url": FEED_URL, "items": ["kapot"]}),
    "herhaling-is-text": (KALENDER, {"url": KALENDER_URL, "items": [activiteit(herhaling="elke week")]}),
    "gewijzigd-is-a-number": (FEED, {"url": FEED_URL, "gewijzigd": 20261120, "items": [bericht()]}),
    "mislukt_sinds-is-true": (FEED, {"url": FEED_URL, "mislukt_sinds": True, "items": [bericht()]}),
    "link-is-a-number": (FEED, {"url": FEED_URL, "items": [bericht(link=5)]}),
    "aantal-is-text": (KALENDER, {"url": KALENDER_URL, "items": [activiteit(herhaling={"elke": "week", "aantal": "drie"})]}),
    "samenvatting-is-a-list": (FEED, {"url": FEED_URL, "items": [bericht(samenvatting=["kort"], auteur=["Femke"])]}),
}


@pytest.mark.parametrize("case", WRONG_TYPES)
def test_a_wrong_type_in_a_snapshot_is_a_warning_not_a_traceback(city, case):
    bron, data = WRONG_TYPES[case]
    city.wijk("oost", "Oost", feed=FEED_URL, kalender=KALENDER_URL)
    city.write(f"wijken/oost/_opgehaald/{bron.bestand}", json.dumps(data, indent=1))
    result = city.check(env=DATE)
    assert "Traceback" not in result.stdout + result.stderr, result.stderr[-800:]
    assert result.returncode == 0 and f"wijken/oost/_opgehaald/{bron.bestand}:" in result.stdout
    built = city.build(strict=True)
    assert built.error is None, built.error


@pytest.mark.parametrize(
    ("bron", "record"),
    [(FEED, {"id": "p9", "titel": "Zonder adres"}), (KALENDER, activiteit(id="kapot", slug="kapot", start="gisteren", eind=None))],
    ids=["record-without-slug", "start-unreadable"],
)
def test_ophalen_survives_a_hand_editedmomentopname(city, bronserver, bron, record):
    feed = bronserver.zet("/feed/", Bestand(rss(("p1", "Kerstmarkt")), "application/rss+xml"))
    kalender = bronserver.zet("/agenda.ics", Bestand(ics(event("b", "20261210T190000Z", "Straks")), "text/calendar"))
    city.wijk("oost", "Oost", feed=feed, kalender=kalender)
    assert ophalen(city)[0] == 0
    path = pad(city.root / "wijken/oost", bron)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["items"].append(record)
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")
    try:
        code, out, err = ophalen(city, nu=NU + timedelta(days=1))
    except Exception as error:  # what the editor gets is the point
        pytest.fail(f"bovenwijks ophalen stopt met een traceback: {type(error).__name__}: {error}")
    assert code in (0, 1) and "oost, " in out + err


# -- tools/bijwerken.py: the merge ---------------------------------------------------------


def test_an_imported_bericht_whose_address_a_page_took_gets_another(city, bronserver):
    url = bronserver.zet("/feed/", Bestand(rss(("p1", "Kerstmarkt"), ("p2", "Snoeidag")), "application/rss+xml"))
    city.wijk("oost", "Oost", feed=url)
    assert ophalen(city)[0] == 0
    city.bericht("oost", "kerstmarkt", body="Ons eigen verslag.")  # the editors write their own, later
    # The warning tells the editors that 'make ophalen' gives the imported one another address.
    assert ophalen(city, nu=NU + timedelta(days=1))[0] == 0
    slugs = {i["id"]: i["slug"] for i in momentopname(city, FEED).items}
    assert slugs["p1"] != "kerstmarkt"
    built = city.build(strict=True)
    assert built.listing("wijken/oost/nieuws/").count("Kerstmarkt") >= 2 or "Kerstmarkt" in built.page(f"wijken/oost/nieuws/{slugs['p1']}/")


def test_a_finished_series_with_a_count_stays_in_the_history(city, bronserver):
    series = event("reeks", "20261124T190000Z", "Cursus EHBO", "RRULE:FREQ=WEEKLY;COUNT=3")
    until = event("tot", "20261125T190000Z", "Cursus reanimeren", "RRULE:FREQ=WEEKLY;UNTIL=20261209T235959Z")
    url = bronserver.zet("/agenda.ics", Bestand(ics(series, until), "text/calendar"))
    city.wijk("oost", "Oost", kalender=url)
    ophalen(city)
    assert {i["id"] for i in momentopname(city, KALENDER).items} == {"reeks", "tot"}
    # Two months on, both series are long over and the calendar no longer lists them.
    bronserver.zet("/agenda.ics", Bestand(ics(event("nieuw", "20270201T190000Z", "Nieuwjaarsborrel")), "text/calendar"))
    ophalen(city, nu=NU + timedelta(days=60))
    ids = {i["id"] for i in momentopname(city, KALENDER).items}
    assert "tot" in ids  # a series with UNTIL stays, as the docs say
    assert "reeks" in ids  # and so should one with COUNT, over just the same


def test_a_calendar_that_stamps_each_export_is_unchanged(city, bronserver):
    def calendar(stamp: str) -> Bestand:
        return Bestand(ics(event("b", "20261210T190000Z", "Straks", dtstamp=stamp)), "text/calendar")

    url = bronserver.zet("/agenda.ics", calendar("20261123T053000Z"))
    city.wijk("oost", "Oost", kalender=url)
    ophalen(city)
    path = pad(city.root / "wijken/oost", KALENDER)
    before = path.read_bytes()
    bronserver.zet("/agenda.ics", calendar("20261124T053000Z"))  # the same agenda, exported a day later
    code, out, _ = ophalen(city, nu=NU + timedelta(days=1))
    assert code == 0 and "ongewijzigd" in out, out  # else: a pull request every morning
    assert path.read_bytes() == before


def test_a_new_feed_does_not_credit_the_old_berichten_to_another_site(city, bronserver):
    old = bronserver.zet("/oud/feed/", Bestand(rss(("p1", "Kerstmarkt"), site="Buurtvereniging Oost"), "application/rss+xml"))
    city.wijk("oost", "Oost", feed=old)
    ophalen(city)
    new = bronserver.zet("/nieuw/feed/", Bestand(rss(("n1", "Wijkkrant december"), site="Wijkkrant Noord"), "application/rss+xml"))
    city.wijk("oost", "Oost", feed=new)  # the editors now import another website
    ophalen(city, nu=NU + timedelta(days=1))
    built = city.build(strict=True)
    page = built.page("wijken/oost/nieuws/kerstmarkt/") if built.exists("wijken/oost/nieuws/kerstmarkt/") else ""
    assert "Wijkkrant Noord" not in page


def test_a_phones_jpeg_with_a_second_frame_is_imported(city, bronserver):
    photo = io.BytesIO()
    Image.new("RGB", (800, 600), "#3a7d44").save(photo, "MPO", save_all=True, append_images=[Image.new("RGB", (800, 600), "#000")])
    foto = bronserver.zet("/foto.jpg", Bestand(photo.getvalue(), "image/jpeg"))
    enclosure = f'<enclosure url="{foto}" type="image/jpeg" length="{len(photo.getvalue())}"/>'
    url = bronserver.zet("/feed/", Bestand(rss(("p1", "Kerstmarkt"), extra=enclosure), "application/rss+xml"))
    city.wijk("oost", "Oost", feed=url)
    _code, out, _ = ophalen(city)
    assert "MPO" not in out
    assert momentopname(city, FEED).items[0]["afbeelding"] is not None


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_a_photo_with_too_many_pixels_is_refused_before_it_is_decoded(city, bronserver, monkeypatch):
    # Scaled down: Pillow only warns between MAX_IMAGE_PIXELS and twice that, and decodes it
    # all (a 12000 x 12000 PNG of one colour is 0.2 MB to send and 430 MB to decode).
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 10_000)
    photo = io.BytesIO()
    Image.new("RGB", (120, 120), "#3a7d44").save(photo, "PNG")  # 14 400 pixels
    foto = bronserver.zet("/foto.png", Bestand(photo.getvalue(), "image/png"))
    enclosure = f'<enclosure url="{foto}" type="image/png" length="{len(photo.getvalue())}"/>'
    url = bronserver.zet("/feed/", Bestand(rss(("p1", "Kerstmarkt"), extra=enclosure), "application/rss+xml"))
    city.wijk("oost", "Oost", feed=url)
    ophalen(city)
    assert momentopname(city, FEED).items[0]["afbeelding"] is None


def test_a_cmyk_photo_is_kept_with_a_profile_that_fits_its_pixels(city, bronserver):
    # An ICC header: 128 bytes, the colour space at 16..20 (what a CMYK print profile says).
    icc = bytearray(128)
    icc[0:4], icc[12:16], icc[16:20], icc[20:24], icc[36:40] = (128).to_bytes(4, "big"), b"prtr", b"CMYK", b"Lab ", b"acsp"
    photo = io.BytesIO()
    Image.new("CMYK", (400, 300), (0, 200, 200, 0)).save(photo, "JPEG", icc_profile=bytes(icc))
    foto = bronserver.zet("/foto.jpg", Bestand(photo.getvalue(), "image/jpeg"))
    enclosure = f'<enclosure url="{foto}" type="image/jpeg" length="{len(photo.getvalue())}"/>'
    url = bronserver.zet("/feed/", Bestand(rss(("p1", "Kerstmarkt"), extra=enclosure), "application/rss+xml"))
    city.wijk("oost", "Oost", feed=url)
    ophalen(city)
    kept = city.root / "wijken/oost/_opgehaald" / momentopname(city, FEED).items[0]["afbeelding"]["bestand"]
    with Image.open(kept) as image:
        profile = image.info.get("icc_profile")
        assert not profile or profile[16:20].decode().strip() == image.mode[:3]


def test_a_huge_feed_is_imported_within_bounds(city, bronserver):
    foto = bronserver.zet("/fotos/", Fout(404))
    enclosure = f'<enclosure url="{foto}{{guid}}.jpg" type="image/jpeg" length="1000"/>'
    posts = [(f"p{n}", f"Bericht nummer {n}") for n in range(120)]
    url = bronserver.zet("/feed/", Bestand(rss(*posts, extra=enclosure), "application/rss+xml"))
    city.wijk("oost", "Oost", feed=url)
    ophalen(city)
    downloads = [v for v in bronserver.verzoeken if v.path.startswith("/fotos/")]
    # Each download may take 30 s: a run of a workflow with 15 minutes can't afford hundreds.
    assert len(downloads) <= 50 and len(momentopname(city, FEED).items) <= 100


# -- tools/ophalen.py: the report ------------------------------------------------------------


def test_the_last_line_counts_a_wijk_that_was_skipped(city, bronserver):
    url = bronserver.zet("/feed/", Bestand(rss(("p1", "Kerstmarkt")), "application/rss+xml"))
    city.wijk("oost", "Oost", feed=url)
    ophalen(city)
    city.write("wijken/oost/index.md", f"---\nnaam: Oost\nfeed: {url}\nsamenvatting: [\n---\n")
    code, out, err = ophalen(city, nu=NU + timedelta(days=1))
    assert code == 1
    assert "Geen enkele wijk heeft een 'feed'" not in out + err


# -- the site: imported items wherever native ones are ----------------------------------------


def test_the_agenda_says_where_an_imported_activiteit_appeared(city):
    city.wijk("oost", "Oost", kalender=KALENDER_URL)
    schrijf(city, KALENDER, [activiteit()])
    built = city.build(strict=True)
    assert built.error is None, built.warnings
    agenda = built.article("agenda/")
    row = agenda[agenda.index("Koffieochtend") :]
    row = row[: row.index("</li>")]
    assert f"verschenen op {SITE}".lower() in row.lower()


# -- .github/workflows/ophalen.yml -------------------------------------------------------------


def test_the_workflow_starts_from_what_the_last_run_fetched():
    data = yaml.safe_load((REPO / ".github/workflows/ophalen.yml").read_text(encoding="utf-8"))
    steps = next(iter(data["jobs"].values()))["steps"]
    before = steps[: next(n for n, s in enumerate(steps) if "bovenwijks ophalen" in s.get("run", ""))]
    # Without the branch `ophalen` (its snapshots, their `mislukt_sinds`), a source failing for a
    # week is "failing since today" every morning, and `make check` never warns.
    assert any("ophalen" in json.dumps(s.get("with", {})) or "ophalen" in s.get("run", "") for s in before)
