"""Review of issue 18 (imported content): each test shows a bug or gap, and fails until it is fixed.

Every test is `xfail(strict=True)`: it fails today because of what its reason says, and
xpasses (so the strict marker fails the run) once the product is fixed; then drop the marker.
They use the real parts: the fixture server on 127.0.0.1, real snapshots, real builds.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import io
import ipaddress
import json
import threading
import tracemalloc
import zlib
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import yaml
from bronserver import Bestand, Fout
from city import REPO
from PIL import Image

from bovenwijks.content.opgehaald import FEED, KALENDER, Momentopname, pad
from bovenwijks.tools import ophalen
from bovenwijks.tools.fetch import MAX_BYTES, Mislukt, haal, weigering

NU = datetime(2026, 11, 23, 5, 30, tzinfo=UTC)
DATE = {"BOVENWIJKS_BUILD_DATE": "2026-11-23"}
FEED_URL = "https://www.oost.example/feed/"
KALENDER_URL = "https://www.oost.example/agenda.ics"
SITE = "Wijkvereniging Oost"

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>{site}</title><link>https://oost.example/</link><description>Nieuws</description>
{items}
</channel></rss>
"""
ITEM = """<item><title>{titel}</title><link>https://oost.example/{guid}/</link><guid isPermaLink="false">{guid}</guid>
<pubDate>Wed, 18 Nov 2026 10:00:00 +0000</pubDate><description>Kort.</description>{extra}
<content:encoded><![CDATA[<p>{titel}.</p>]]></content:encoded></item>"""


def _rss(*items: tuple[str, str], site: str = "Buurtvereniging Oost", extra: str = "") -> bytes:
    return RSS.format(site=site, items="\n".join(ITEM.format(guid=g, titel=t, extra=extra.format(guid=g)) for g, t in items)).encode()


def _ics(*events: str) -> bytes:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//NL\r\nX-WR-CALNAME:Agenda Oost\r\n" + "".join(events) + "END:VCALENDAR\r\n"
    ).encode()


def _event(uid: str, start: str, titel: str, *lines: str, dtstamp: str = "20261101T000000Z") -> str:
    extra = "".join(f"{line}\r\n" for line in lines)
    return f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:{dtstamp}\r\nDTSTART:{start}\r\nSUMMARY:{titel}\r\nLOCATION:Buurthuis\r\n{extra}END:VEVENT\r\n"


def _run(city, *, wijk=None, nu=NU) -> tuple[int, str, str]:
    """`bovenwijks ophalen --lokaal` in this process, its exit code, stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = ophalen.run(argparse.Namespace(root=str(city.root), wijk=wijk, lokaal=True), nu=nu)
    return code, out.getvalue(), err.getvalue()


def _snapshot(city, bron) -> Momentopname:
    return Momentopname.van(pad(city.root / "wijken" / "oost", bron).read_text(encoding="utf-8"))


def _bericht(**over):
    record = {
        "id": "https://www.oost.example/?p=12",
        "slug": "kerstmarkt-op-het-plein",
        "titel": "Kerstmarkt op het plein",
        "datum": "2026-11-18T10:00:00+01:00",
        "link": "https://www.oost.example/2026/11/kerstmarkt/",
        "html": "<p>Op 12 december is er weer een kerstmarkt.</p>",
        "samenvatting": "Op 12 december is er weer een kerstmarkt.",
        "auteur": "Femke",
        "afbeelding": None,
    }
    return record | over


def _activiteit(**over):
    record = {
        "id": "koffie-123@oost.example",
        "slug": "koffieochtend",
        "titel": "Koffieochtend",
        "start": "2026-11-24T10:00:00+01:00",
        "eind": "2026-11-24T11:30:00+01:00",
        "hele_dag": False,
        "locatie": "Buurthuis Oost",
        "html": "<p>Kom een kop koffie drinken.</p>",
        "link": "https://www.oost.example/agenda/koffieochtend/",
        "afgelast": None,
        "herhaling": None,
        "gewijzigd": "2026-11-01T09:00:00+00:00",
    }
    return record | over


def _write_snapshot(city, bron, items, **over) -> None:
    snapshot = Momentopname(
        url=FEED_URL if bron is FEED else KALENDER_URL,
        site=SITE,
        link="https://www.oost.example/",
        gewijzigd=datetime(2026, 11, 20, 6, tzinfo=UTC),
        items=items,
    )
    for key, value in over.items():
        setattr(snapshot, key, value)
    path = pad(city.root / "wijken" / "oost", bron)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(snapshot.json(), encoding="utf-8")


# -- tools/fetch.py ------------------------------------------------------------------------


class _Ingepakt(BaseHTTPRequestHandler):
    """Answers every GET with `body`, sent as `Content-Encoding: gzip, gzip` (a stacked gzip bomb)."""

    protocol_version = "HTTP/1.1"
    body = b""

    def log_message(self, format, *args):
        pass

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Encoding", "gzip, gzip")
        self.send_header("Content-Length", str(len(self.body)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(self.body)


@pytest.mark.xfail(strict=True, reason="fetch.haal lets httpx inflate a whole chunk before the size cap: a tiny gzip body fills memory")
def test_a_gzip_bomb_is_stopped_before_it_fills_memory():
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    inner = b"".join(packer.compress(bytes(1 << 20)) for _ in range(64)) + packer.flush()  # 64 MB of zeros
    _Ingepakt.body = gzip.compress(inner, 9)
    assert len(_Ingepakt.body) < 2000  # a feed of under 2 kB on the wire
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Ingepakt)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    tracemalloc.start()
    try:
        with pytest.raises(Mislukt, match="grens van 5 MB"):
            haal(f"http://127.0.0.1:{server.server_address[1]}/feed", user_agent="test", lokaal=True)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        server.shutdown()
        server.server_close()
    # The cap is 5 MB: a fetch that holds more than a few times that has not kept to it.
    assert peak < 4 * MAX_BYTES, f"{peak / 1e6:.0f} MB in memory for a {len(_Ingepakt.body)}-byte answer"


@pytest.mark.xfail(strict=True, reason="fetch.weigering lets IPv6 site-local fec0::/10 (an internal network) through")
def test_a_site_local_ipv6_address_is_refused():
    assert weigering(ipaddress.ip_address("fec0::1"), lokaal=False) is not None


# -- content/opgehaald.py: a snapshot is a file a pull request can change --------------------


@pytest.mark.xfail(strict=True, reason="opgehaald._Lezer.base takes a snapshot's slug unchecked: '../../../index' replaces the home page")
def test_a_slug_in_a_snapshot_cannot_take_another_page(city):
    city.wijk("oost", "Oost", feed=FEED_URL)
    _write_snapshot(city, FEED, [_bericht(slug="../../../index", titel="Overgenomen")])
    built = city.build(strict=True)
    assert "Welkom in de teststad" in built.page("")
    assert "Overgenomen" not in built.page("")


@pytest.mark.xfail(strict=True, reason="the 'Verschenen op' link is taken from the snapshot unchecked: a javascript: link")
def test_the_link_back_in_a_snapshot_is_only_http(city):
    city.wijk("oost", "Oost", feed=FEED_URL)
    _write_snapshot(city, FEED, [_bericht(link="javascript:alert(document.cookie)")])
    built = city.build(strict=True)
    assert built.error is None, built.warnings
    assert "javascript:" not in built.page("wijken/oost/nieuws/kerstmarkt-op-het-plein/")


# A value of the wrong type in a hand-edited snapshot: each gives a traceback in `make check`
# or in the build, where the docs promise a warning and only that item left out.
WRONG_TYPES = {
    "item-is-text": (FEED, {"url": FEED_URL, "items": ["kapot"]}),
    "herhaling-is-text": (KALENDER, {"url": KALENDER_URL, "items": [_activiteit(herhaling="elke week")]}),
    "gewijzigd-is-a-number": (FEED, {"url": FEED_URL, "gewijzigd": 20261120, "items": [_bericht()]}),
    "mislukt_sinds-is-true": (FEED, {"url": FEED_URL, "mislukt_sinds": True, "items": [_bericht()]}),
    "link-is-a-number": (FEED, {"url": FEED_URL, "items": [_bericht(link=5)]}),
    "aantal-is-text": (KALENDER, {"url": KALENDER_URL, "items": [_activiteit(herhaling={"elke": "week", "aantal": "drie"})]}),
    "samenvatting-is-a-list": (FEED, {"url": FEED_URL, "items": [_bericht(samenvatting=["kort"], auteur=["Femke"])]}),
}


@pytest.mark.xfail(strict=True, reason="content/opgehaald.lees and _Lezer.items catch too little: a wrong type is a traceback")
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


@pytest.mark.xfail(strict=True, reason="bijwerken._Slugs/_voorbij index a snapshot's records unchecked: ophalen crashes on a hand edit")
@pytest.mark.parametrize(
    ("bron", "record"),
    [(FEED, {"id": "p9", "titel": "Zonder adres"}), (KALENDER, _activiteit(id="kapot", slug="kapot", start="gisteren", eind=None))],
    ids=["record-without-slug", "start-unreadable"],
)
def test_ophalen_survives_a_hand_edited_snapshot(city, bronserver, bron, record):
    feed = bronserver.zet("/feed/", Bestand(_rss(("p1", "Kerstmarkt")), "application/rss+xml"))
    kalender = bronserver.zet("/agenda.ics", Bestand(_ics(_event("b", "20261210T190000Z", "Straks")), "text/calendar"))
    city.wijk("oost", "Oost", feed=feed, kalender=kalender)
    assert _run(city)[0] == 0
    path = pad(city.root / "wijken/oost", bron)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["items"].append(record)
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")
    try:
        code, out, err = _run(city, nu=NU + timedelta(days=1))
    except Exception as error:  # what the editor gets is the point
        pytest.fail(f"bovenwijks ophalen stopt met een traceback: {type(error).__name__}: {error}")
    assert code in (0, 1) and "oost, " in out + err


# -- tools/bijwerken.py: the merge ---------------------------------------------------------


@pytest.mark.xfail(strict=True, reason="bijwerken._Slugs keeps a known slug even when a page of the wijk took it: hidden for good")
def test_an_imported_bericht_whose_address_a_page_took_gets_another(city, bronserver):
    url = bronserver.zet("/feed/", Bestand(_rss(("p1", "Kerstmarkt"), ("p2", "Snoeidag")), "application/rss+xml"))
    city.wijk("oost", "Oost", feed=url)
    assert _run(city)[0] == 0
    city.bericht("oost", "kerstmarkt", body="Ons eigen verslag.")  # the editors write their own, later
    # The warning tells the editors that 'make ophalen' gives the imported one another address.
    assert _run(city, nu=NU + timedelta(days=1))[0] == 0
    slugs = {i["id"]: i["slug"] for i in _snapshot(city, FEED).items}
    assert slugs["p1"] != "kerstmarkt"
    built = city.build(strict=True)
    assert built.listing("wijken/oost/nieuws/").count("Kerstmarkt") >= 2 or "Kerstmarkt" in built.page(f"wijken/oost/nieuws/{slugs['p1']}/")


@pytest.mark.xfail(strict=True, reason="bijwerken._voorbij never calls a series with 'aantal' (COUNT) over: the history loses it")
def test_a_finished_series_with_a_count_stays_in_the_history(city, bronserver):
    series = _event("reeks", "20261124T190000Z", "Cursus EHBO", "RRULE:FREQ=WEEKLY;COUNT=3")
    until = _event("tot", "20261125T190000Z", "Cursus reanimeren", "RRULE:FREQ=WEEKLY;UNTIL=20261209T235959Z")
    url = bronserver.zet("/agenda.ics", Bestand(_ics(series, until), "text/calendar"))
    city.wijk("oost", "Oost", kalender=url)
    _run(city)
    assert {i["id"] for i in _snapshot(city, KALENDER).items} == {"reeks", "tot"}
    # Two months on, both series are long over and the calendar no longer lists them.
    bronserver.zet("/agenda.ics", Bestand(_ics(_event("nieuw", "20270201T190000Z", "Nieuwjaarsborrel")), "text/calendar"))
    _run(city, nu=NU + timedelta(days=60))
    ids = {i["id"] for i in _snapshot(city, KALENDER).items}
    assert "tot" in ids  # a series with UNTIL stays, as the docs say
    assert "reeks" in ids  # and so should one with COUNT, over just the same


@pytest.mark.xfail(strict=True, reason="kalenderbron._gewijzigd falls back on DTSTAMP, which most servers set to the time of export")
def test_a_calendar_that_stamps_each_export_is_unchanged(city, bronserver):
    def calendar(stamp: str) -> Bestand:
        return Bestand(_ics(_event("b", "20261210T190000Z", "Straks", dtstamp=stamp)), "text/calendar")

    url = bronserver.zet("/agenda.ics", calendar("20261123T053000Z"))
    city.wijk("oost", "Oost", kalender=url)
    _run(city)
    path = pad(city.root / "wijken/oost", KALENDER)
    before = path.read_bytes()
    bronserver.zet("/agenda.ics", calendar("20261124T053000Z"))  # the same agenda, exported a day later
    code, out, _ = _run(city, nu=NU + timedelta(days=1))
    assert code == 0 and "ongewijzigd" in out, out  # else: a pull request every morning
    assert path.read_bytes() == before


@pytest.mark.xfail(strict=True, reason="bijwerken keeps old items when 'feed' moves to another site, credited to the new site")
def test_a_new_feed_does_not_credit_the_old_berichten_to_another_site(city, bronserver):
    old = bronserver.zet("/oud/feed/", Bestand(_rss(("p1", "Kerstmarkt"), site="Buurtvereniging Oost"), "application/rss+xml"))
    city.wijk("oost", "Oost", feed=old)
    _run(city)
    new = bronserver.zet("/nieuw/feed/", Bestand(_rss(("n1", "Wijkkrant december"), site="Wijkkrant Noord"), "application/rss+xml"))
    city.wijk("oost", "Oost", feed=new)  # the editors now import another website
    _run(city, nu=NU + timedelta(days=1))
    built = city.build(strict=True)
    page = built.page("wijken/oost/nieuws/kerstmarkt/") if built.exists("wijken/oost/nieuws/kerstmarkt/") else ""
    assert "Wijkkrant Noord" not in page


@pytest.mark.xfail(strict=True, reason="bijwerken._zonder_metadata refuses an MPO (a phone's JPEG) that editors may upload")
def test_a_phones_jpeg_with_a_second_frame_is_imported(city, bronserver):
    photo = io.BytesIO()
    Image.new("RGB", (800, 600), "#3a7d44").save(photo, "MPO", save_all=True, append_images=[Image.new("RGB", (800, 600), "#000")])
    foto = bronserver.zet("/foto.jpg", Bestand(photo.getvalue(), "image/jpeg"))
    enclosure = f'<enclosure url="{foto}" type="image/jpeg" length="{len(photo.getvalue())}"/>'
    url = bronserver.zet("/feed/", Bestand(_rss(("p1", "Kerstmarkt"), extra=enclosure), "application/rss+xml"))
    city.wijk("oost", "Oost", feed=url)
    _code, out, _ = _run(city)
    assert "MPO" not in out
    assert _snapshot(city, FEED).items[0]["afbeelding"] is not None


@pytest.mark.xfail(strict=True, reason="bijwerken._zonder_metadata decodes an image over Pillow's bomb limit (only a warning)")
@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_a_photo_with_too_many_pixels_is_refused_before_it_is_decoded(city, bronserver, monkeypatch):
    # Scaled down: Pillow only warns between MAX_IMAGE_PIXELS and twice that, and decodes it
    # all (a 12000 x 12000 PNG of one colour is 0.2 MB to send and 430 MB to decode).
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 10_000)
    photo = io.BytesIO()
    Image.new("RGB", (120, 120), "#3a7d44").save(photo, "PNG")  # 14 400 pixels
    foto = bronserver.zet("/foto.png", Bestand(photo.getvalue(), "image/png"))
    enclosure = f'<enclosure url="{foto}" type="image/png" length="{len(photo.getvalue())}"/>'
    url = bronserver.zet("/feed/", Bestand(_rss(("p1", "Kerstmarkt"), extra=enclosure), "application/rss+xml"))
    city.wijk("oost", "Oost", feed=url)
    _run(city)
    assert _snapshot(city, FEED).items[0]["afbeelding"] is None


@pytest.mark.xfail(strict=True, reason="bijwerken._zonder_metadata writes a CMYK ICC profile onto the RGB pixels it converted")
def test_a_cmyk_photo_is_kept_with_a_profile_that_fits_its_pixels(city, bronserver):
    # An ICC header: 128 bytes, the colour space at 16..20 (what a CMYK print profile says).
    icc = bytearray(128)
    icc[0:4], icc[12:16], icc[16:20], icc[20:24], icc[36:40] = (128).to_bytes(4, "big"), b"prtr", b"CMYK", b"Lab ", b"acsp"
    photo = io.BytesIO()
    Image.new("CMYK", (400, 300), (0, 200, 200, 0)).save(photo, "JPEG", icc_profile=bytes(icc))
    foto = bronserver.zet("/foto.jpg", Bestand(photo.getvalue(), "image/jpeg"))
    enclosure = f'<enclosure url="{foto}" type="image/jpeg" length="{len(photo.getvalue())}"/>'
    url = bronserver.zet("/feed/", Bestand(_rss(("p1", "Kerstmarkt"), extra=enclosure), "application/rss+xml"))
    city.wijk("oost", "Oost", feed=url)
    _run(city)
    kept = city.root / "wijken/oost/_opgehaald" / _snapshot(city, FEED).items[0]["afbeelding"]["bestand"]
    with Image.open(kept) as image:
        profile = image.info.get("icc_profile")
        assert not profile or profile[16:20].decode().strip() == image.mode[:3]


@pytest.mark.xfail(strict=True, reason="bijwerken/feedbron import every entry of a feed: 120 new posts are 120 photo downloads in one run")
def test_a_huge_feed_is_imported_within_bounds(city, bronserver):
    foto = bronserver.zet("/fotos/", Fout(404))
    enclosure = f'<enclosure url="{foto}{{guid}}.jpg" type="image/jpeg" length="1000"/>'
    posts = [(f"p{n}", f"Bericht nummer {n}") for n in range(120)]
    url = bronserver.zet("/feed/", Bestand(_rss(*posts, extra=enclosure), "application/rss+xml"))
    city.wijk("oost", "Oost", feed=url)
    _run(city)
    downloads = [v for v in bronserver.verzoeken if v.path.startswith("/fotos/")]
    # Each download may take 30 s: a run of a workflow with 15 minutes can't afford hundreds.
    assert len(downloads) <= 50 and len(_snapshot(city, FEED).items) <= 100


# -- tools/ophalen.py: the report ------------------------------------------------------------


@pytest.mark.xfail(strict=True, reason="ophalen.run's last line says no wijk has a feed when the one with a feed was skipped")
def test_the_last_line_counts_a_wijk_that_was_skipped(city, bronserver):
    url = bronserver.zet("/feed/", Bestand(_rss(("p1", "Kerstmarkt")), "application/rss+xml"))
    city.wijk("oost", "Oost", feed=url)
    _run(city)
    city.write("wijken/oost/index.md", f"---\nnaam: Oost\nfeed: {url}\nsamenvatting: [\n---\n")
    code, out, err = _run(city, nu=NU + timedelta(days=1))
    assert code == 1
    assert "Geen enkele wijk heeft een 'feed'" not in out + err


# -- the site: imported items wherever native ones are ----------------------------------------


@pytest.mark.xfail(strict=True, reason="_macros.activiteit_row has no 'verschenen op': the agenda lists imported items as our own")
def test_the_agenda_says_where_an_imported_activiteit_appeared(city):
    city.wijk("oost", "Oost", kalender=KALENDER_URL)
    _write_snapshot(city, KALENDER, [_activiteit()])
    built = city.build(strict=True)
    assert built.error is None, built.warnings
    agenda = built.article("agenda/")
    row = agenda[agenda.index("Koffieochtend") :]
    row = row[: row.index("</li>")]
    assert f"verschenen op {SITE}".lower() in row.lower()


@pytest.mark.xfail(strict=True, reason="bericht_row says 'verschenen op <site>' without the link the docs promise in lists")
def test_the_news_list_links_to_the_original(city):
    city.wijk("oost", "Oost", feed=FEED_URL)
    _write_snapshot(city, FEED, [_bericht()])
    built = city.build(strict=True)
    assert built.error is None, built.warnings
    listing = built.listing("nieuws/")
    row = listing[listing.index("Kerstmarkt op het plein") :]
    row = row[: row.index("</li>")]
    assert 'href="https://www.oost.example/2026/11/kerstmarkt/"' in row


# -- .github/workflows/ophalen.yml -------------------------------------------------------------


@pytest.mark.xfail(strict=True, reason="ophalen.yml starts each run from main: while the PR is open, mislukt_sinds never ages past a day")
def test_the_workflow_starts_from_what_the_last_run_fetched():
    data = yaml.safe_load((REPO / ".github/workflows/ophalen.yml").read_text(encoding="utf-8"))
    steps = next(iter(data["jobs"].values()))["steps"]
    before = steps[: next(n for n, s in enumerate(steps) if "bovenwijks ophalen" in s.get("run", ""))]
    # Without the branch `ophalen` (its snapshots, their `mislukt_sinds`), a source failing for a
    # week is "failing since today" every morning, and `make check` never warns.
    assert any("ophalen" in json.dumps(s.get("with", {})) or "ophalen" in s.get("run", "") for s in before)
