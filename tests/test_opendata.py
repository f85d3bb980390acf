"""Open data: every record has exactly its documented fields, stable ids, and text stays text."""

from __future__ import annotations

import json
from datetime import date

import pytest

from bovenwijks.content.load import load_stad
from bovenwijks.publish.calendar import kalenders
from bovenwijks.publish.feeds import FeedWriter, catalog
from bovenwijks.publish.opendata import DATASETS, VERSIE, OpenData, json_feed

SITE = "https://stad.example/"
NASTY = "<script>alert(1)</script> & Café Eén, ĳsbaan en ijs"


@pytest.fixture
def stad(city):
    city.wijk("oost", naam="Oost", contact="redactie@oost.example", ontmoetingsplekken=[{"naam": "De Ster", "adres": "Sterlaan 1"}])
    city.wijkplan("oost", [{"id": "ouderen", "titel": "Meer ontmoeting voor ouderen", "thema": "ontmoeting"}])
    city.initiatief(
        "oost",
        "repair-cafe",
        titel="Repair Café Oost",
        prioriteiten=["ouderen"],
        gestart="2016-08-31",
        contact={"naam": "Jan", "email": "jan@example.org"},
        biedt=[{"onderwerp": "repareren", "toelichting": "Draaiboek"}],
    )
    city.activiteit("oost", "reparatiemiddag", start="2026-12-10 19:30", initiatief="repair-cafe")
    city.activiteit("oost", "markt", start="2026-12-12")
    city.bericht("oost", "nieuw-buurthuis", titel="Nieuw buurthuis", auteur="Piet")
    city.kennis("oost", "hoe-werven", contact={"naam": "Kees", "telefoon": "033 123 4567"})
    loaded = load_stad(city.root)
    assert loaded.problems == []
    return loaded.stad


def _data(stad, bodies=None) -> dict[str, dict]:
    feeds = catalog(stad, date(2026, 11, 23), limit=50, site_name="Teststad")
    files = OpenData(stad, SITE, bodies or {}, "https://licentie.example/", kalenders(stad), feeds).files()
    return {path: json.loads(content) for path, content in files.items()}


def test_a_file_per_dataset(stad):
    assert sorted(_data(stad)) == sorted(f"data/{d.naam}.json" for d in DATASETS)


@pytest.mark.parametrize("dataset", [d for d in DATASETS if d.naam != "vocabulaire"], ids=lambda d: d.naam)
def test_records_have_exactly_the_documented_fields(stad, dataset):
    data = _data(stad)[dataset.path]
    assert list(data) == ["versie", "schema", "titel", "beschrijving", "documentatie", "licentie", "aantal", "items"]
    assert data["versie"] == VERSIE
    assert data["schema"] == f"https://stad.example/data/schema/{dataset.naam}.schema.json"
    assert data["documentatie"] == "https://stad.example/data/"
    assert data["licentie"] == "https://licentie.example/"
    assert data["aantal"] == len(data["items"]) > 0
    for record in data["items"]:
        assert list(record) == [v.naam for v in dataset.velden]


def test_vocabulaire_has_the_documented_fields(stad):
    data = _data(stad)["data/vocabulaire.json"]
    assert list(data) == ["versie", "schema", "titel", "beschrijving", "documentatie", "licentie", "themas", "onderwerpen"]
    assert data["versie"] == VERSIE and data["schema"] == "https://stad.example/data/schema/vocabulaire.schema.json"
    assert [v.naam for v in next(d for d in DATASETS if d.naam == "vocabulaire").velden] == ["themas", "onderwerpen"]
    assert data["themas"][0] == {
        "id": "informatie-en-advies",
        "naam": "Informatie en advies",
        "beschrijving": stad.vocabulaire.themas["informatie-en-advies"].beschrijving,
    }
    assert {"id", "naam", "beschrijving", "aliassen"} == set(data["onderwerpen"][0])


def test_stable_ids_and_references(stad):
    data = _data(stad)
    [initiatief] = data["data/initiatieven.json"]["items"]
    assert initiatief["id"] == "oost/initiatieven/repair-cafe"
    assert initiatief["url"] == "https://stad.example/wijken/oost/initiatieven/repair-cafe/"
    assert initiatief["wijk"] == "oost"
    assert initiatief["biedt"] == [{"onderwerp": "repareren", "toelichting": "Draaiboek"}]
    activiteiten = {a["id"]: a for a in data["data/activiteiten.json"]["items"]}
    assert activiteiten["oost/agenda/reparatiemiddag"]["initiatief"] == "oost/initiatieven/repair-cafe"
    assert activiteiten["oost/agenda/reparatiemiddag"]["start"] == "2026-12-10T19:30:00+01:00"
    assert activiteiten["oost/agenda/reparatiemiddag"]["hele_dag"] is False
    assert activiteiten["oost/agenda/markt"]["hele_dag"] is True
    [wijk] = data["data/wijken.json"]["items"]
    assert wijk["id"] == "oost" and wijk["contact"] == "redactie@oost.example"
    assert wijk["wijkplan"]["prioriteiten"] == [{"id": "ouderen", "titel": "Meer ontmoeting voor ouderen", "thema": "ontmoeting"}]
    assert wijk["volgen"] == {
        "rss": "https://stad.example/feeds/wijken/oost.rss",
        "atom": "https://stad.example/feeds/wijken/oost.atom",
        "ics": "https://stad.example/kalender/wijken/oost.ics",
    }


def test_contact_persons_are_not_published_as_data(stad):
    raw = json.dumps(_data(stad))
    assert "jan@example.org" not in raw and "033 123 4567" not in raw and "Kees" not in raw


def test_inhoud_is_the_html_it_was_given(stad):
    data = _data(stad, {"oost/nieuws/nieuw-buurthuis": '<p><a href="https://stad.example/">Home</a></p>'})
    assert data["data/berichten.json"]["items"][0]["inhoud_html"] == '<p><a href="https://stad.example/">Home</a></p>'


def test_titel_is_text_in_json(city):
    city.wijk("oost", naam=NASTY)
    city.bericht("oost", "xss", titel=NASTY, auteur=NASTY)
    stad = load_stad(city.root).stad
    data = _data(stad)
    assert data["data/berichten.json"]["items"][0]["titel"] == NASTY
    assert data["data/berichten.json"]["items"][0]["auteur"] == NASTY
    assert data["data/wijken.json"]["items"][0]["naam"] == NASTY


def test_json_feed_1_1(stad):
    feeds = catalog(stad, date(2026, 11, 23), limit=50, site_name="Teststad")
    writer = FeedWriter(stad, SITE, {}, None)
    feed = json.loads(json_feed(next(f for f in feeds if f.naam == "stad"), writer, "Teststad"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] and feed["home_page_url"] == "https://stad.example/nieuws/"
    assert feed["feed_url"] == "https://stad.example/data/nieuws.json"
    assert feed["language"] == "nl"
    [item] = feed["items"]
    assert item["id"] == item["url"] == "https://stad.example/wijken/oost/nieuws/nieuw-buurthuis/"
    assert item["title"] == "Nieuw buurthuis"
    assert item["date_published"] == "2026-11-20T00:00:00+01:00"
    assert item["authors"] == [{"name": "Piet"}]
    assert "Het nieuws." not in item["content_html"]  # no body given: only the facts around it
    assert 'href="https://stad.example/wijken/oost/"' in item["content_html"]
