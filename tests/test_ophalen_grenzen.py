"""Imported content at its limits: the year 9999, the cap on new items, an address a page takes,
records a hand edit broke, nesting, a phone's full-size photo, and gzip as servers really send it.

Each test was a finding of the second review of issue 18, failing before its fix. They use the
real parts: the fixture server on 127.0.0.1, snapshots written as `ophalen` writes them, and
real builds.
"""

from __future__ import annotations

import gzip
import io
import threading
import tracemalloc
import zlib
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from bronserver import Bestand
from PIL import Image
from snapshots import FEED_URL, KALENDER_URL, NU, activiteit, bericht, event, ics, momentopname, ophalen, rss, schrijf

from bovenwijks.content.opgehaald import FEED, KALENDER, pad
from bovenwijks.tools.fetch import MAX_BYTES, Mislukt, haal

# -- a date at the edge of the calendar --------------------------------------------------------

# 23:30 UTC on the last day of 9999 is the year 10000 in Amsterdam: `astimezone(TZ)` overflows.
_JAAR_9999 = b"Fri, 31 Dec 9999 23:30:00 +0000"


def test_a_feed_dated_in_the_year_9999_does_not_stop_the_morning_run(city, bronserver):
    feed = rss(("p1", "Voor altijd")).replace(b"Wed, 18 Nov 2026 10:00:00 +0000", _JAAR_9999)
    feed_url = bronserver.zet("/feed/", Bestand(feed, "application/rss+xml"))
    kalender_url = bronserver.zet("/agenda.ics", Bestand(ics(event("b", "20261210T190000Z", "Snoeidag")), "text/calendar"))
    city.wijk("oost", "Oost", feed=feed_url, kalender=kalender_url)
    _code, out, err = ophalen(city)  # today: OverflowError, a traceback, and no report at all
    assert "oost" in out + err
    # The wijk's calendar, fetched after its feed, is not lost to the feed's bad date.
    assert pad(city.root / "wijken/oost", KALENDER).is_file()


@pytest.mark.parametrize(
    ("bron", "record"),
    [(FEED, bericht(datum="9999-12-31T23:30:00+00:00")), (KALENDER, activiteit(start="9999-12-31T23:30:00+00:00", eind=None))],
    ids=["bericht", "activiteit"],
)
def test_a_snapshot_dated_in_the_year_9999_is_a_warning_not_a_crash(city, bron, record):
    city.wijk("oost", "Oost", feed=FEED_URL, kalender=KALENDER_URL)
    city.bericht("oost", "eigen-nieuws")
    schrijf(city, bron, [record])
    built = city.build(strict=True)  # today: OverflowError('date value out of range')
    assert built.error is None, built.error
    assert built.exists("wijken/oost/nieuws/eigen-nieuws/")


# -- the cap on new items -----------------------------------------------------------------------


def test_the_items_over_the_cap_come_with_the_next_fetch_of_an_unchanged_feed(city, bronserver):
    feed = rss(*[(f"p{n}", f"Bericht {n}") for n in range(60)])
    url = bronserver.zet("/feed/", Bestand(feed, "application/rss+xml", etag='"v1"', last_modified="Mon, 16 Nov 2026 06:00:00 GMT"))
    city.wijk("oost", "Oost", feed=url)
    _, out, _ = ophalen(city)
    assert len(momentopname(city, FEED).items) == 50 and "die komen de volgende keer" in out
    ophalen(city, nu=NU + timedelta(days=1))  # the report said they would come; the server says 304
    assert len(momentopname(city, FEED).items) == 60


def test_a_busy_calendar_brings_what_is_still_to_come_first(city, bronserver):
    # 55 evenings of the last four weeks (the calendar's history), and one still to come.
    voorbij = [event(f"v{n}", f"202611{1 + n // 3:02d}T{10 + n % 3 * 3:02d}0000Z", f"Avond {n}") for n in range(55)]
    straks = event("straks", "20261210T190000Z", "Kerstborrel")
    url = bronserver.zet("/agenda.ics", Bestand(ics(*voorbij, straks), "text/calendar"))
    city.wijk("oost", "Oost", kalender=url)
    ophalen(city)
    assert "straks" in {r["id"] for r in momentopname(city, KALENDER).items}


# -- an address a wijk page takes ---------------------------------------------------------------


def test_a_bericht_the_feed_dropped_gives_up_the_address_a_wijk_page_took(city, bronserver):
    url = bronserver.zet("/feed/", Bestand(rss(("p1", "Snoeidag")), "application/rss+xml"))
    city.wijk("oost", "Oost", feed=url)
    # Imported last month; the feed shows only its latest post now. Then an editor writes a
    # page of the wijk with the same address.
    schrijf(city, FEED, [bericht(id="p12", slug="kerstmarkt-op-het-plein")], url=url)
    city.bericht("oost", "kerstmarkt-op-het-plein", titel="Kerstmarkt: vrijwilligers gezocht")
    ophalen(city)
    record = next(r for r in momentopname(city, FEED).items if r["id"] == "p12")
    # The build leaves it out "until 'make ophalen' gives it another address": it never does.
    assert record["slug"] != "kerstmarkt-op-het-plein"


# -- what the build does with a snapshot --------------------------------------------------------


def test_an_imported_end_before_its_start_leaves_only_that_item_out(city):
    city.wijk("oost", "Oost", kalender=KALENDER_URL)
    snoeidag = activiteit(id="snoei@oost.example", slug="snoeidag", titel="Snoeidag", start="2026-12-05T10:00:00+01:00", eind=None)
    schrijf(city, KALENDER, [activiteit(eind="2026-11-20T10:00:00+01:00"), snoeidag])
    built = city.build(strict=True)
    assert built.error is None, built.error
    assert built.exists("wijken/oost/agenda/snoeidag/")


def test_an_imported_bericht_without_a_title_is_a_warning_not_a_crash(city):
    city.wijk("oost", "Oost", feed=FEED_URL)
    schrijf(city, FEED, [bericht(titel=""), bericht(id="p2", slug="snoeidag", titel="Snoeidag")])
    built = city.build(strict=True)  # today: ValueError from feedgen, a traceback
    assert built.error is None, built.error
    assert built.exists("wijken/oost/nieuws/snoeidag/")


@pytest.mark.parametrize(
    ("bron", "record"),
    [
        (FEED, bericht(datum="", start="2026-11-18T10:00:00+01:00")),
        (KALENDER, activiteit(datum="2026-11-18T10:00:00+01:00", start="morgen")),
    ],
    ids=["bericht-with-empty-datum", "activiteit-with-unreadable-start"],
)
def test_a_record_with_a_stray_date_field_is_a_warning_not_a_crash(city, bron, record):
    city.wijk("oost", "Oost", feed=FEED_URL, kalender=KALENDER_URL)
    city.bericht("oost", "eigen-nieuws")
    schrijf(city, bron, [record])
    built = city.build(strict=True)  # today: ValueError "'tijd' is geen datum en tijd"
    assert built.error is None, built.error
    assert built.exists("wijken/oost/nieuws/eigen-nieuws/")


def test_deeply_nested_html_from_a_calendar_is_not_kept_to_any_depth(city, bronserver):
    # 5000 levels is 55 kB; 20 000 levels (220 kB, a calendar has no size cap per event) make
    # the build take 20 s for this one page, 100 000 levels most of an hour.
    html = "<div>" * 5000 + "Kom ook." + "</div>" * 5000
    kalender = ics(event("diep", "20261210T190000Z", "Diep", f"X-ALT-DESC;FMTTYPE=text/html:{html}"))
    city.wijk("oost", "Oost", kalender=bronserver.zet("/agenda.ics", Bestand(kalender, "text/calendar")))
    ophalen(city)
    assert all(r["html"].count("<div>") < 100 for r in momentopname(city, KALENDER).items)


# -- photos -------------------------------------------------------------------------------------


def test_an_imported_photo_is_kept_at_most_2048_pixels_across(city, bronserver):
    photo = io.BytesIO()
    Image.new("RGB", (4032, 3024), "#3a7d44").save(photo, "JPEG")  # a phone's photo
    foto = bronserver.zet("/foto.jpg", Bestand(photo.getvalue(), "image/jpeg"))
    enclosure = f'<enclosure url="{foto}" type="image/jpeg" length="{len(photo.getvalue())}"/>'
    city.wijk("oost", "Oost", feed=bronserver.zet("/feed/", Bestand(rss(("p1", "Kerstmarkt"), extra=enclosure), "application/rss+xml")))
    ophalen(city)
    afbeelding = momentopname(city, FEED).items[0]["afbeelding"]
    with Image.open(city.root / "wijken/oost/_opgehaald" / afbeelding["bestand"]) as kept:
        assert max(kept.size) <= 2048, kept.size


# -- tools/fetch._uitgepakt ---------------------------------------------------------------------

_FEED = rss(*[(f"p{n}", f"Bericht {n}") for n in range(20)])


class _Ingepakt(BaseHTTPRequestHandler):
    """Answers every GET with `body`, sent with `Content-Encoding: packing`."""

    protocol_version = "HTTP/1.1"
    body = b""
    packing = "gzip"

    def log_message(self, format, *args):
        pass

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Encoding", self.packing)
        self.send_header("Content-Length", str(len(self.body)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(self.body)


def _haal_ingepakt(body: bytes, packing: str) -> bytes:
    _Ingepakt.body, _Ingepakt.packing = body, packing
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Ingepakt)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    try:
        return haal(f"http://127.0.0.1:{server.server_address[1]}/feed", user_agent="test", lokaal=True).body
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("packing", ["gzip, gzip", "gzip"])
def test_a_gzip_bomb_is_stopped_before_it_fills_memory(packing):
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    inner = b"".join(packer.compress(bytes(1 << 20)) for _ in range(64)) + packer.flush()  # 64 MB of zeros
    body = gzip.compress(inner, 9) if "," in packing else inner
    assert len(body) < 100_000  # a feed of under 100 kB on the wire
    tracemalloc.start()
    try:
        # Cut off at the cap, or (two packings) refused before anything is unpacked.
        with pytest.raises(Mislukt, match=r"grens van 5 MB|die bovenwijks niet leest"):
            _haal_ingepakt(body, packing)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # The cap is 5 MB: a fetch that holds more than a few times that has not kept to it.
    assert peak < 4 * MAX_BYTES, f"{peak / 1e6:.0f} MB in memory for a {len(body)}-byte answer"


def _raw_deflate(data: bytes) -> bytes:
    packer = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    return packer.compress(data) + packer.flush()


def test_a_raw_deflate_answer_is_read():
    assert _haal_ingepakt(_raw_deflate(_FEED), "deflate") == _FEED


def test_a_truncated_gzip_answer_is_a_failure_not_half_a_feed():
    packed = gzip.compress(_FEED)
    with pytest.raises(Mislukt):
        _haal_ingepakt(packed[: len(packed) * 2 // 3], "gzip")


def test_a_gzip_answer_of_two_members_is_read_whole():
    half = len(_FEED) // 2
    assert _haal_ingepakt(gzip.compress(_FEED[:half]) + gzip.compress(_FEED[half:]), "gzip") == _FEED
