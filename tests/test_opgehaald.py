"""Imported items as the build shows them: from the snapshots `bovenwijks ophalen` wrote.

The snapshots here are written as the command writes them (`Momentopname.json`), so these tests
need no server: `test_ophalen.py` fetches for real.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
from icalendar import Calendar
from snapshots import DATE, FEED_URL, KALENDER_URL, SITE, activiteit, bericht, schrijf

from bovenwijks.city.kennisuitwisseling import Uitwisseling
from bovenwijks.city.nieuwsbrief import Week, brief
from bovenwijks.content.load import load_stad
from bovenwijks.content.opgehaald import FEED, KALENDER
from bovenwijks.publish.nieuwsbrief import tekst

# The koffieochtend of the oost fixture comes back every week, but not in the Christmas holiday.
KOFFIE = {"elke": "week", "behalve": [{"datum": "2026-12-29", "reden": "Kerstvakantie"}]}


@pytest.fixture
def oost(city):
    city.wijk("oost", "Oost", feed=FEED_URL, kalender=KALENDER_URL)
    city.bericht("oost", "eigen-nieuws", datum="2026-11-19")
    schrijf(city, FEED, [bericht()])
    schrijf(city, KALENDER, [activiteit(herhaling=KOFFIE)])
    return city


def test_an_imported_bericht_is_the_wijks_own_with_the_link_back(oost):
    built = oost.build(strict=True)
    assert built.error is None, built.warnings
    page = built.article("wijken/oost/nieuws/kerstmarkt-op-het-plein/")
    assert "Op 12 december is er weer een kerstmarkt." in page
    assert f'Verschenen op <a href="https://www.oost.example/2026/11/kerstmarkt/">{SITE}</a>' in page
    # Changed on the wijk's own site, not here: no edit link to the snapshot.
    assert "_opgehaald" not in built.page("wijken/oost/nieuws/kerstmarkt-op-het-plein/")
    assert "Kerstmarkt op het plein" in built.article("wijken/oost/") and "Eigen nieuws" in built.article("wijken/oost/")
    assert f"verschenen op {SITE}" in built.listing("nieuws/")
    rss = (built.site / "feeds/wijken/oost.rss").read_text(encoding="utf-8")
    assert "Kerstmarkt op het plein" in rss and f'Verschenen op &lt;a href="https://www.oost.example/2026/11/kerstmarkt/"&gt;{SITE}' in rss
    data = json.loads((built.site / "data/berichten.json").read_text(encoding="utf-8"))
    record = next(i for i in data["items"] if i["titel"] == "Kerstmarkt op het plein")
    assert record["id"] == "oost/nieuws/kerstmarkt-op-het-plein"
    assert record["origineel"] == {"site": SITE, "url": "https://www.oost.example/2026/11/kerstmarkt/"}
    assert next(i for i in data["items"] if i["titel"] == "Eigen nieuws")["origineel"] is None
    # The nieuwsbrief of week 48 has the news of week 47, on the web and in the mail's text.
    assert f"verschenen op {SITE}" in built.article("nieuwsbrief/oost/")
    stad = load_stad(oost.root, vandaag=date(2026, 11, 23)).stad
    mail = tekst(brief(stad, "oost", Week(2026, 48), Uitwisseling(stad)), "https://stad.example/")
    assert f"- Kerstmarkt op het plein (18 november 2026, verschenen op {SITE})" in " ".join(mail.split())


def test_an_imported_series_is_on_the_agenda_and_in_the_calendars(oost):
    built = oost.build(strict=True)
    assert built.error is None, built.warnings
    page = built.article("wijken/oost/agenda/koffieochtend/")
    assert "Elke week op dinsdag" in page.replace("\n", " ") or "elke dinsdag" in page.lower()
    assert "Kerstvakantie" in page or "Kerstvakantie" in built.article("agenda/")
    assert "Koffieochtend" in built.article("agenda/")
    ics = (built.site / "kalender/wijken/oost.ics").read_text(encoding="utf-8")
    assert "UID:oost/agenda/koffieochtend@stad.example" in ics
    assert "RRULE:FREQ=WEEKLY" in ics
    event = next(e for e in Calendar.from_ical(ics).walk("VEVENT") if "RRULE" in e)
    assert f"Verschenen op {SITE}: https://www.oost.example/agenda/koffieochtend/" in str(event["DESCRIPTION"])
    data = json.loads((built.site / "data/activiteiten.json").read_text(encoding="utf-8"))
    record = next(i for i in data["items"] if i["titel"] == "Koffieochtend")
    assert record["origineel"]["site"] == SITE and record["herhaling"]["elke"] == "week"
    wijk = json.loads((built.site / "data/wijken.json").read_text(encoding="utf-8"))["items"][0]
    assert wijk["feed"] == FEED_URL and wijk["kalender"] == KALENDER_URL


def test_the_build_cleans_a_snapshot_again(city):
    city.wijk("oost", "Oost", feed=FEED_URL)
    html = '<p onclick="steel()">Hallo<script>alert(1)</script></p><iframe src="https://track.example/"></iframe><a href="javascript:alert(1)">klik</a>'
    schrijf(city, FEED, [bericht(html=html)])
    built = city.build(strict=True)
    assert built.error is None, built.warnings
    page = built.article("wijken/oost/nieuws/kerstmarkt-op-het-plein/")
    assert "Hallo" in page and "klik" in page
    for bad in ("<script", "alert(1)", "onclick", "<iframe", "track.example", "javascript:"):
        assert bad not in page


def test_without_its_key_a_snapshot_shows_nothing(city):
    city.wijk("oost", "Oost")
    schrijf(city, FEED, [bericht()])
    built = city.build(strict=True)
    assert built.error is None
    assert not built.exists("wijken/oost/nieuws/kerstmarkt-op-het-plein/")


def test_a_page_of_the_wijk_keeps_its_address(city):
    city.wijk("oost", "Oost", feed=FEED_URL)
    city.bericht("oost", "kerstmarkt-op-het-plein", body="Ons eigen verhaal.")
    path = schrijf(city, FEED, [bericht()])
    built = city.build(strict=True)
    assert built.error is None, built.warnings  # a warning for the editors, which fails nothing
    assert "Ons eigen verhaal." in built.article("wijken/oost/nieuws/kerstmarkt-op-het-plein/")
    result = city.check(env=DATE)
    assert result.returncode == 0, result.stdout
    assert f"{path.relative_to(city.root).as_posix()}:1: het opgehaalde 'Kerstmarkt op het plein' zou het adres" in result.stdout


def test_a_source_that_fails_for_a_week_is_a_warning_at_its_key(city):
    index = city.wijk("oost", "Oost", feed=FEED_URL)
    schrijf(city, FEED, [bericht()], mislukt_sinds=datetime(2026, 11, 15, 5, tzinfo=UTC), reden="de server gaf foutcode 500")
    line = index.read_text(encoding="utf-8").splitlines().index(f"feed: {FEED_URL}") + 1
    result = city.check(env=DATE)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (
        f"wijken/oost/index.md:{line}: de nieuwsfeed ({FEED_URL}) kan al 8 dagen niet worden opgehaald, sinds 15 november 2026:"
        " de server gaf foutcode 500. De site toont de stand van 20 november 2026" in result.stdout
    )
    assert "1 waarschuwing hierboven" in result.stderr
    annotated = city.check(env={**DATE, "GITHUB_ACTIONS": "true"})
    assert f"::warning file=wijken/oost/index.md,line={line}::de nieuwsfeed" in annotated.stdout
    built = city.build(strict=True)
    assert built.error is None and built.exists("wijken/oost/nieuws/kerstmarkt-op-het-plein/")


def test_a_source_failing_for_six_days_is_not_warned_about(city):
    city.wijk("oost", "Oost", feed=FEED_URL)
    schrijf(city, FEED, [bericht()], mislukt_sinds=datetime(2026, 11, 17, 5, tzinfo=UTC), reden="time-out")
    result = city.check(env=DATE)
    assert result.returncode == 0 and "niet worden opgehaald" not in result.stdout


def test_a_broken_snapshot_is_a_warning_and_the_rest_stands(city):
    city.wijk("oost", "Oost", feed=FEED_URL, kalender=KALENDER_URL)
    city.write("wijken/oost/_opgehaald/feed.json", '{"url": "x", "items": [\n  {"id": 1,,}\n]}\n')
    schrijf(city, KALENDER, [activiteit(), activiteit(id="kapot", slug="kapot", start="gisteren")])
    result = city.check(env=DATE)
    assert result.returncode == 0, result.stdout
    assert "wijken/oost/_opgehaald/feed.json:2: dit bestand van 'make ophalen' is onleesbaar" in result.stdout
    assert "wijken/oost/_opgehaald/kalender.json:" in result.stdout and "(kapot) is onbruikbaar" in result.stdout
    built = city.build(strict=True)
    assert built.error is None
    assert built.exists("wijken/oost/agenda/koffieochtend/") and not built.exists("wijken/oost/agenda/kapot/")


def test_nothing_in_the_snapshot_folder_is_published(oost):
    oost.foto("wijken/oost/_opgehaald/fotos/abc.jpg")
    built = oost.build(strict=True)
    assert built.error is None
    assert not list(built.site.rglob("_opgehaald"))
    assert not any("abc" in p.name for p in built.site.rglob("*.jpg"))


def test_an_imported_photo_has_copies_and_its_alt(oost):
    oost.foto("wijken/oost/_opgehaald/fotos/abc.jpg")
    schrijf(
        oost,
        FEED,
        [bericht(afbeelding={"bestand": "fotos/abc.jpg", "alt": "Kraampjes op het plein", "url": "https://www.oost.example/a.jpg"})],
    )
    built = oost.build(strict=True)
    assert built.error is None, built.warnings
    page = built.article("wijken/oost/nieuws/kerstmarkt-op-het-plein/")
    assert 'alt="Kraampjes op het plein"' in page and "www.oost.example/a.jpg" not in page
