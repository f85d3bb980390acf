"""Kennis across cities: one city fetches another's open data and shows who there offers what.

Two cities are built in tmp_path and served on 127.0.0.1 as their sites are published. One
fetches the other with `bovenwijks ophalen --lokaal`, and its onderwerp pages, initiatief
pages and the hub show the other city's offers, linked to their pages there.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import threading
from datetime import UTC, date, datetime, timedelta
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml
from city import City

from bovenwijks.content.steden import Stadbron, lees, pad, stadbronnen
from bovenwijks.model import Onderwerp, Vocabulaire
from bovenwijks.tools import ophalen
from bovenwijks.tools.andere_steden import GeenOpenData, _json
from bovenwijks.tools.fetch import Antwoord

NU = datetime(2026, 11, 23, 4, 0, tzinfo=UTC)

# Utrecht names its onderwerp `vrijwilligers`, an alias of our `vrijwilligers-werven`; and
# `repareren` as we do.
UTRECHTS = """\
themas:
  ontmoeting:
    naam: Ontmoeting
onderwerpen:
  vrijwilligers:
    naam: Vrijwilligers vinden
  repareren:
    naam: Repareren
  iets-heel-anders:
    naam: Iets wat wij niet kennen
"""


class Site:
    """A built site served as its host serves it: the files of `folder`, on 127.0.0.1."""

    def __init__(self, folder: Path):
        folder.mkdir(parents=True, exist_ok=True)
        handler = partial(_Stil, directory=str(folder))
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


class _Stil(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # the test's output is the city's report
        pass


def andere_steden(city: City, steden: list[dict[str, str]], site_url: str | None = None) -> None:
    """Give `city`'s mkdocs.yml the `andere_steden` option (and its own address)."""
    path = city.root / "mkdocs.yml"
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    for entry in config["plugins"]:
        if isinstance(entry, dict) and "bovenwijks/wijken" in entry:
            entry["bovenwijks/wijken"]["andere_steden"] = steden
    if site_url:
        config["site_url"] = site_url
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")


def haal_op(root: Path, capsys, nu: datetime = NU, **args) -> tuple[int, str]:
    namespace = argparse.Namespace(root=str(root), wijk=None, stad=None, lokaal=True, **args)
    code = ophalen.run(namespace, nu=nu)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.fixture
def utrecht(tmp_path):
    """Utrecht, built and served: a repair café that offers what Amersfoort seeks, and an ervaring."""
    site = Site(tmp_path / "utrecht" / "site")
    city = City(tmp_path / "utrecht")
    (city.root / "content" / "vocabulaire.yml").write_text(UTRECHTS, encoding="utf-8")
    andere_steden(city, [], site_url=site.url)
    city.wijk("zuilen", "Zuilen")
    city.initiatief(
        "zuilen",
        "repair-cafe-zuilen",
        titel="Repair Café Zuilen",
        biedt=[{"onderwerp": "vrijwilligers", "toelichting": "Wij vonden twintig jonge vrijwilligers via de hogeschool."}],
    )
    city.initiatief("zuilen", "buurtmoestuin", titel="Buurtmoestuin Zuilen", zoekt=[{"onderwerp": "repareren"}])
    city.initiatief("zuilen", "fietsmakers", titel="Fietsmakers", status="afgerond", biedt=[{"onderwerp": "repareren"}])
    city.kennis(
        "zuilen", "jongeren-bereiken", soort="ervaring", onderwerpen=["vrijwilligers", "iets-heel-anders"], titel="Jongeren bereiken"
    )
    city.kennis("zuilen", "wie-weet", soort="vraag", onderwerpen=["vrijwilligers"], titel="Wie weet hoe?")
    result = city.build(strict=True)
    assert result.error is None, result.warnings
    yield site, city
    site.stop()


@pytest.fixture
def amersfoort(tmp_path, utrecht):
    """Amersfoort, which exchanges knowledge with Utrecht; its own repair café seeks volunteers."""
    site, _ = utrecht
    city = City(tmp_path / "amersfoort")
    andere_steden(city, [{"naam": "Utrecht", "url": site.url}])
    city.wijk("soesterkwartier", "Soesterkwartier")
    city.initiatief(
        "soesterkwartier",
        "repair-cafe",
        titel="Repair Café De Kamp",
        zoekt=[{"onderwerp": "vrijwilligers-werven", "toelichting": "Jonge vrijwilligers"}],
    )
    return city


def test_a_city_shows_what_another_city_offers_linked_to_its_pages(amersfoort, utrecht, capsys):
    site, _ = utrecht
    code, report = haal_op(amersfoort.root, capsys)
    assert code == 0, report
    assert f"Utrecht, de open data ({site.url}): nieuw: 2 initiatieven met kennis, 1 ervaring" in report
    result = amersfoort.build(strict=True)
    assert result.error is None, result.warnings

    onderwerp = result.page("kennis/vrijwilligers-werven/")
    assert "In andere steden (2)" in onderwerp
    assert f'href="{site.url}wijken/zuilen/initiatieven/repair-cafe-zuilen/"' in onderwerp
    assert "Repair Café Zuilen</a> in Utrecht" in onderwerp
    assert "Wij vonden twintig jonge vrijwilligers via de hogeschool." in onderwerp
    assert f'href="{site.url}wijken/zuilen/kennis/jongeren-bereiken/"' in onderwerp
    assert "Wie weet hoe?" not in onderwerp  # a vraag offers nothing

    repareren = result.page("kennis/repareren/")
    # Only who offers: the buurtmoestuin seeks, and a finished initiatief still knows how.
    assert "Fietsmakers</a> in Utrecht" in repareren and "Buurtmoestuin" not in repareren

    initiatief = result.page("wijken/soesterkwartier/initiatieven/repair-cafe/")
    assert "Wie in andere steden kan helpen" in initiatief
    assert f'href="{site.url}wijken/zuilen/initiatieven/repair-cafe-zuilen/"' in initiatief

    hub = result.page("kennis/")
    assert "Kennis uit andere steden" in hub
    assert "2 initiatieven en 1 ervaring over onze onderwerpen, bijgewerkt op 23 november 2026" in hub

    # What comes from elsewhere is not our open data: each city publishes only its own.
    data = json.loads((result.site / "data" / "initiatieven.json").read_text(encoding="utf-8"))
    assert {i["titel"] for i in data["items"]} == {"Repair Café De Kamp"}


def test_an_onderwerp_nobody_elsewhere_offers_says_so(amersfoort, capsys):
    haal_op(amersfoort.root, capsys)
    page = amersfoort.build().page("kennis/subsidie-aanvragen/")
    assert "In Utrecht biedt nog niemand kennis over dit onderwerp aan." in page


def test_the_second_fetch_asks_conditionally_and_changes_nothing(amersfoort, capsys):
    haal_op(amersfoort.root, capsys)
    snapshot = pad(amersfoort.root / "wijken", "utrecht")
    before = snapshot.read_bytes()
    code, report = haal_op(amersfoort.root, capsys, nu=NU + timedelta(days=1))
    assert code == 0 and "Utrecht, de open data" in report and ": ongewijzigd" in report
    assert snapshot.read_bytes() == before  # no commit for nothing


def test_an_unreachable_city_is_reported_and_keeps_its_last_snapshot(amersfoort, utrecht, capsys):
    site, _ = utrecht
    haal_op(amersfoort.root, capsys)
    site.stop()
    code, report = haal_op(amersfoort.root, capsys, nu=NU + timedelta(days=2))
    assert code == 1
    assert "Utrecht, de open data" in report and "mislukt:" in report
    assert "De vorige stand blijft staan (2 initiatieven met kennis, 1 ervaring, van 23 november 2026, 2 dagen oud)" in report
    kept = json.loads(pad(amersfoort.root / "wijken", "utrecht").read_text(encoding="utf-8"))
    assert len(kept["initiatieven"]) == 2 and kept["mislukt_sinds"] and kept["reden"]
    # The site still shows it.
    assert "Repair Café Zuilen" in amersfoort.build(strict=True).page("kennis/vrijwilligers-werven/")

    # A week on, the check warns the city's team at the line of mkdocs.yml that names it, and fails nothing.
    checked = amersfoort.check(env={"BOVENWIJKS_BUILD_DATE": "2026-12-03"})
    assert checked.returncode == 0, checked.stdout + checked.stderr
    line = next(n for n, text in enumerate((amersfoort.root / "mkdocs.yml").read_text().splitlines(), 1) if site.url.rstrip("/") in text)
    assert f"mkdocs.yml:{line}: de open data van Utrecht ({site.url}) is al 8 dagen niet op te halen" in checked.stdout


def test_a_site_published_again_unchanged_is_no_change(amersfoort, utrecht, capsys):
    """A rebuilt site answers 200 with the same records, in its own order: no pull request for that."""
    _, city = utrecht
    haal_op(amersfoort.root, capsys)
    snapshot = pad(amersfoort.root / "wijken", "utrecht")
    before = snapshot.read_bytes()
    published = [o["id"] for o in json.loads((city.root / "site" / "data" / "vocabulaire.json").read_text(encoding="utf-8"))["onderwerpen"]]
    assert published != sorted(published)  # else this test could not fail
    for path in (city.root / "site" / "data").glob("*.json"):
        later = path.stat().st_mtime + 60
        os.utime(path, (later, later))
    code, report = haal_op(amersfoort.root, capsys, nu=NU + timedelta(days=1))
    assert code == 0 and "Utrecht, de open data" in report and ": ongewijzigd" in report, report
    assert json.loads(snapshot.read_text(encoding="utf-8"))["gewijzigd"] == json.loads(before)["gewijzigd"]


def test_a_city_of_another_version_of_the_open_data_is_refused_and_kept(amersfoort, utrecht, capsys):
    _, city = utrecht
    haal_op(amersfoort.root, capsys)
    path = city.root / "site" / "data" / "kennis.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({**data, "versie": 2}), encoding="utf-8")
    # A static host's Last-Modified has whole seconds: a change in the same second would be a 304.
    later = path.stat().st_mtime + 60
    os.utime(path, (later, later))
    code, report = haal_op(amersfoort.root, capsys, nu=NU + timedelta(days=1))
    assert code == 1
    assert "is versie 2 van de open data, en deze bovenwijks kent versie 1; werk bovenwijks bij" in report
    assert len(json.loads(pad(amersfoort.root / "wijken", "utrecht").read_text(encoding="utf-8"))["initiatieven"]) == 2


def test_a_record_that_links_off_the_city_or_breaks_the_schema_is_left_out(amersfoort, utrecht, capsys):
    site, city = utrecht
    path = city.root / "site" / "data" / "initiatieven.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    by_titel = {i["titel"]: i for i in data["items"]}
    repair = by_titel["Repair Café Zuilen"]
    host = site.url.removeprefix("http://")
    data["items"] = [
        {**by_titel["Fietsmakers"], "url": "https://kwaad.example/fietsmakers/"},
        {**by_titel["Buurtmoestuin Zuilen"], "titel": 7},
        repair,
        {**repair, "titel": "Tweede met hetzelfde id"},
        # Python reads the host after the `@`, a browser before the backslash: kwaad.example.
        {**repair, "id": "zuilen/initiatieven/kwaad", "url": f"http://kwaad.example\\@{host}wijken/zuilen/"},
    ]
    path.write_text(json.dumps(data), encoding="utf-8")
    code, report = haal_op(amersfoort.root, capsys)
    assert code == 0
    assert "4 onbruikbare records in initiatieven.json weggelaten" in report
    kept = json.loads(pad(amersfoort.root / "wijken", "utrecht").read_text(encoding="utf-8"))["initiatieven"]
    assert [i["titel"] for i in kept] == ["Repair Café Zuilen"]
    result = amersfoort.build()
    assert "kwaad.example" not in result.page("kennis/repareren/") + result.page("kennis/vrijwilligers-werven/")


def test_a_snapshot_broken_by_hand_is_a_warning_and_shows_nothing(amersfoort, capsys):
    haal_op(amersfoort.root, capsys)
    pad(amersfoort.root / "wijken", "utrecht").write_text("{kapot", encoding="utf-8")
    result = amersfoort.build(strict=True)
    assert result.error is None  # not the editors' doing: it fails no pull request
    assert "Repair Café Zuilen" not in result.page("kennis/vrijwilligers-werven/")
    checked = amersfoort.check()
    assert "wijken/_steden/utrecht.json:1: de momentopname van Utrecht is onleesbaar" in checked.stdout


def test_a_city_taken_out_of_the_option_takes_its_snapshot_along(amersfoort, capsys):
    haal_op(amersfoort.root, capsys)
    andere_steden(amersfoort, [])
    code, report = haal_op(amersfoort.root, capsys)
    assert code == 0 and "utrecht, de open data: staat niet meer in andere_steden" in report
    assert not (amersfoort.root / "wijken" / "_steden").exists()
    assert "Kennis uit andere steden" not in amersfoort.build().page("kennis/")


def test_both_cities_fetch_each_other(tmp_path, utrecht, capsys):
    """Each city publishes only its own: neither's open data echoes the other back."""
    site_u, utrecht_city = utrecht
    site_a = Site(tmp_path / "amersfoort" / "site")
    try:
        amersfoort = City(tmp_path / "amersfoort")
        andere_steden(amersfoort, [{"naam": "Utrecht", "url": site_u.url}], site_url=site_a.url)
        amersfoort.wijk("soesterkwartier", "Soesterkwartier")
        amersfoort.initiatief("soesterkwartier", "repair-cafe", titel="Repair Café De Kamp", biedt=[{"onderwerp": "repareren"}])
        assert haal_op(amersfoort.root, capsys)[0] == 0
        assert amersfoort.build(strict=True).error is None
        andere_steden(utrecht_city, [{"naam": "Amersfoort", "url": site_a.url}])
        code, report = haal_op(utrecht_city.root, capsys)
        assert code == 0, report
        assert "nieuw: 1 initiatief met kennis, 0 ervaringen" in report
        page = utrecht_city.build(strict=True).page("wijken/zuilen/initiatieven/buurtmoestuin/")
        assert f'href="{site_a.url}wijken/soesterkwartier/initiatieven/repair-cafe/"' in page
        assert "Repair Café De Kamp</a> in Amersfoort" in page
    finally:
        site_a.stop()


def test_a_wrong_option_stops_the_build_with_the_choices(amersfoort):
    andere_steden(amersfoort, [{"naam": "Utrecht", "adres": "https://utrecht.example/"}])
    result = amersfoort.build()
    assert result.error and "andere_steden: stad 1 heeft een 'naam' en een 'url' nodig" in " ".join(result.warnings)


def test_ophalen_names_the_cities_to_choose_from(amersfoort, capsys):
    namespace = argparse.Namespace(root=str(amersfoort.root), wijk=None, stad="Zwolle", lokaal=True)
    assert ophalen.run(namespace, nu=NU) == 2
    assert "'Zwolle' is geen andere stad; kies uit: Utrecht" in capsys.readouterr().err


# -- tier 1: the option, addresses and onderwerpen ---------------------------------------------


@pytest.mark.parametrize(
    "value, message",
    [
        ("Utrecht", "andere_steden hoort een lijst te zijn"),
        ([{"naam": "Utrecht"}], "stad 1 heeft een 'naam' en een 'url' nodig"),
        ([{"naam": "Utrecht", "url": "ftp://utrecht.example/"}], "is geen http- of https-adres van een site"),
        ([{"naam": "Utrecht", "url": "https://u.example/", "kleur": "rood"}], "onbekende sleutels (kleur); kies uit: naam, url"),
        (
            [{"naam": "Utrecht", "url": "https://u.example/"}, {"naam": "utrecht", "url": "https://v.example/"}],
            "utrecht staat er twee keer in",
        ),
        ([{"naam": "Zelf", "url": "https://stad.example"}], "is het adres van deze site zelf"),
        ([{"naam": "  ", "url": "https://u.example/"}], "stad 1 heeft geen naam"),
        ([{"naam": "東京", "url": "https://u.example/"}], "van de naam '東京' (stad 1) is geen bestandsnaam te maken"),
        ([{"naam": "Utrecht", "url": "https://u.example/?taal=nl"}], "hoort het adres van de site te zijn, zonder '?' of '#'"),
        ([{"naam": "Utrecht", "url": "https://u.example/#kennis"}], "hoort het adres van de site te zijn, zonder '?' of '#'"),
        ([{"naam": "Zelf", "url": "http://STAD.example/"}], "is het adres van deze site zelf"),
    ],
)
def test_the_option_refuses_what_it_cannot_use(value, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        stadbronnen(value, "https://stad.example/")


def test_the_option_reads_each_city_with_a_trailing_slash():
    assert stadbronnen([{"naam": "Den Bosch", "url": "https://denbosch.example/bovenwijks"}]) == [
        Stadbron("Den Bosch", "https://denbosch.example/bovenwijks/")
    ]
    assert Stadbron("Den Bosch", "https://x.example/").slug == "den-bosch"


@pytest.mark.parametrize(
    "url, eigen",
    [
        ("https://u.example/stad/wijken/a/", True),
        ("http://u.example/stad/wijken/a/", True),
        ("https://u.example/stadje/wijken/a/", False),  # by parts, not by prefix
        ("https://u.example/", False),
        ("https://kwaad.example/stad/", False),
        ("javascript:alert(1)", False),
        ("https://U.Example/stad/a/", True),  # a host has no case
        # What a browser reads otherwise than Python: the host, or the path.
        ("https://kwaad.example\\@u.example/stad/a/", False),
        ("https://iemand@u.example/stad/a/", False),
        ("https://u.example:8443/stad/a/", False),
        ("https://u.example:poort/stad/a/", False),
        ("https://u.example/stad/../elders/", False),
        ("https://u.example/stad/%2e%2e/elders/", False),
        ("https://u.example/stad/a b/", False),
        ("https://u.example/stad/a\nb/", False),
    ],
)
def test_a_page_of_the_city_is_below_its_address(url, eigen):
    assert Stadbron("U", "https://u.example/stad/").eigen(url) is eigen


@pytest.mark.parametrize(
    "ident, ours",
    [
        ("vrijwilligers-werven", "vrijwilligers-werven"),
        ("Vrijwilligers", "vrijwilligers-werven"),
        ("Vrijwilligers werven", None),
        ("x", None),
    ],
)
def test_another_citys_onderwerp_is_ours_by_id_or_alias(ident, ours):
    vocabulaire = Vocabulaire(
        {}, {"vrijwilligers-werven": Onderwerp("vrijwilligers-werven", "Vrijwilligers werven", None, ("vrijwilligers",))}
    )
    assert vocabulaire.onderwerp_van_elders(ident) == ours


# -- tier 2: a snapshot someone edited by hand, read by the build ------------------------------

_RECORD = {"id": "a", "url": "https://u.example/a/", "titel": "A", "status": "actief", "biedt": [{"onderwerp": "vrijwilligers"}]}


def _snapshot(**velden) -> str:
    return json.dumps({"versie": 1, "naam": "Utrecht", "url": "https://u.example/", "initiatieven": [_RECORD], **velden})


@pytest.mark.parametrize(
    "text, warning, offers",
    [
        (_snapshot(), None, 1),
        (_snapshot(initiatieven=[{**_RECORD, "status": ["actief"]}]), "1 onbruikbaar record van Utrecht weggelaten", 0),
        (_snapshot(initiatieven=[{**_RECORD, "wijk": {}}, {**_RECORD, "titel": None}]), "2 onbruikbare records van Utrecht", 0),
        (_snapshot()[:-1] + ', "kennis": ' + "[" * 100_000 + "]" * 100_000 + "}", "te diep genest", 0),
        (_snapshot(gewijzigd="0001-01-01T00:00:00+14:00"), "'gewijzigd' is geen datum en tijd", 0),
        (_snapshot(mislukt_sinds="9999-12-31T23:59:59-12:00"), "'mislukt_sinds' is geen datum en tijd", 0),
        (_snapshot(versie=2), "is van versie 2, niet 1; draai 'make ophalen' opnieuw", 0),
        # Each page once for each of our onderwerpen: a record twice, two ids for one of ours.
        (_snapshot(initiatieven=[_RECORD, _RECORD]), None, 1),
        (_snapshot(initiatieven=[{**_RECORD, "biedt": [{"onderwerp": "vrijwilligers"}, {"onderwerp": "Vrijwilligers-Werven "}]}]), None, 1),
    ],
)
def test_a_snapshot_edited_by_hand_warns_and_never_breaks_the_build(tmp_path, text, warning, offers):
    stad = Stadbron("Utrecht", "https://u.example/")
    path = pad(tmp_path / "wijken", stad)
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    vocabulaire = Vocabulaire(
        {}, {"vrijwilligers-werven": Onderwerp("vrijwilligers-werven", "Vrijwilligers werven", None, ("vrijwilligers",))}
    )
    [andere], problems = lees(tmp_path, "wijken", [stad], vocabulaire, date(2026, 11, 30))
    assert [p.message for p in problems if warning and warning in p.message] == [p.message for p in problems], problems
    assert bool(problems) is bool(warning)
    assert all(p.path == "wijken/_steden/utrecht.json" and not p.fatal for p in problems)
    assert len(andere.aanbod) == offers


@pytest.mark.parametrize(
    "body, reden",
    [
        (b'{"versie": 1, "items": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "is te diep genest voor open data van bovenwijks"),
        (b'{"versie": true, "items": []}', "is versie True van de open data"),
        (b'{"items": []}', "zegt niet welke versie van de open data het is"),
    ],
)
def test_a_file_that_is_no_open_data_of_ours_is_a_failure_with_its_reason(body, reden):
    with pytest.raises(GeenOpenData, match=reden):
        _json(Antwoord("https://u.example/data/kennis.json", 200, body, None, None, "application/json"), "kennis")
