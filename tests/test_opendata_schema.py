"""The open data as a public format: every file says its version and schema, and validates against it.

The schemas (`opendataschema`) are made from `DATASETS`; a consumer in another city validates
what it fetched with them, so they must accept every file we write, and refuse one that lost a
field or holds a value of the wrong type.
"""

from __future__ import annotations

import copy
import json
from datetime import date

import pytest
from city import REPO, SITE_URL, City
from jsonschema import Draft202012Validator
from snapshots import FEED_URL, KALENDER_URL, activiteit, bericht, schrijf

from bovenwijks.content.load import load_stad
from bovenwijks.content.opgehaald import FEED, KALENDER
from bovenwijks.publish.calendar import kalenders
from bovenwijks.publish.feeds import catalog
from bovenwijks.publish.opendata import DATASETS, KOP, VERSIE, OpenData
from bovenwijks.publish.opendataschema import REFERENTIE, dumps, onderwerp_schema, record_schema, referentie, schema

RECORDS = [d for d in DATASETS if d.naam != "vocabulaire"]
ALT = "Een tafel vol gereedschap in het buurthuis."


def _errors(instance, value) -> list[str]:
    """What a consumer's validator says about `instance`: each error's place and message."""
    Draft202012Validator.check_schema(value)
    validator = Draft202012Validator(value, format_checker=Draft202012Validator.FORMAT_CHECKER)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(instance)]


@pytest.fixture(scope="module")
def demo() -> dict[str, dict]:
    """The data files of the repository's demo city, its imported news and agenda included."""
    loaded = load_stad(REPO, vandaag=date(2026, 11, 23))
    stad = loaded.stad
    feeds = catalog(stad, date(2026, 11, 23), limit=50, site_name="Amersfoort")
    files = OpenData(stad, SITE_URL, {}, "https://licentie.example/", kalenders(stad), feeds).files()
    return {path: json.loads(content) for path, content in files.items()}


@pytest.fixture(scope="module")
def vol(tmp_path_factory):
    """A built city in which every field of the records has a value somewhere, with imported items."""
    city = City(tmp_path_factory.mktemp("vol"))
    city.wijk(
        "oost",
        "Oost",
        contact="redactie@oost.example",
        wijkteam={
            "naam": "Wijkteam Oost",
            "telefoon": "033 000 00 00",
            "email": "wijkteam@oost.example",
            "adres": "Sterlaan 1, Amersfoort",
            "open": "di 9.00–12.00",
            "website": "https://wijkteam.oost.example/",
        },
        ontmoetingsplekken=[{"naam": "De Ster", "adres": "Sterlaan 1", "open": "ma t/m vr"}],
        website="https://www.oost.example/",
        feed=FEED_URL,
        kalender=KALENDER_URL,
        afbeelding={"bestand": "straat.jpg", "alt": "Een straat met bomen.", "maker": "Piet"},
    )
    city.foto("wijken/oost/straat.jpg")
    city.wijkplan("oost", [{"id": "ouderen", "titel": "Meer ontmoeting voor ouderen", "thema": "ontmoeting"}])
    city.foto("wijken/oost/initiatieven/gereedschap.jpg")
    foto = {"bestand": "../initiatieven/gereedschap.jpg", "alt": ALT, "maker": "Jan"}
    city.initiatief(
        "oost",
        "repair-cafe",
        gestart="2016-08-31",
        bijgewerkt="2026-11-01",
        locatie="De Ster",
        partners=["Welzin"],
        prioriteiten=["ouderen"],
        biedt=[{"onderwerp": "repareren", "toelichting": "Draaiboek"}],
        zoekt=[{"onderwerp": "vrijwilligers-werven", "toelichting": "Hoe?"}],
        hulp=["mantelzorg"],
        afbeelding={**foto, "bestand": "gereedschap.jpg"},
    )
    city.activiteit(
        "oost",
        "reparatiemiddag",
        eind="2026-12-10 21:30",
        initiatief="repair-cafe",
        themas=["ontmoeting"],
        herhaling={"elke": "week", "dagen": ["donderdag"], "tot": "2027-03-25", "behalve": [{"datum": "2026-12-24", "reden": "Kerst"}]},
        afgelast="De zaal is verbouwd.",
        aanmelden="https://aanmelden.oost.example/",
        kosten="gratis",
        toegankelijkheid="Rolstoeltoegankelijk.",
        hulp=["mantelzorg"],
        afbeelding=foto,
    )
    city.activiteit("oost", "markt", start="2026-12-12", herhaling={"elke": "maand", "aantal": 3})
    city.bericht("oost", "nieuw-buurthuis", auteur="Piet", samenvatting="Er is een nieuw buurthuis.", afbeelding=foto)
    city.kennis("oost", "hoe-werven", contact={"naam": "Kees", "telefoon": "033 123 4567"})
    schrijf(city, FEED, [bericht()])
    schrijf(city, KALENDER, [activiteit()])
    result = city.build(strict=True)
    assert result.error is None, result.warnings
    return result


def _site_data(site) -> dict[str, dict]:
    return {d.path: json.loads((site / d.path).read_text(encoding="utf-8")) for d in DATASETS}


def _valid_record(vol, naam: str) -> dict:
    """A copy of the fullest record of `naam` in the full city."""
    items = _site_data(vol.site)[f"data/{naam}.json"]["items"]
    return copy.deepcopy(max(items, key=lambda r: sum(v not in (None, [], "") for v in r.values())))


@pytest.mark.parametrize("dataset", DATASETS, ids=lambda d: d.naam)
def test_the_demo_citys_files_validate(demo, dataset):
    assert _errors(demo[dataset.path], schema(dataset.naam)) == []


def test_the_demo_has_imported_items_to_validate(demo):
    assert any(r["origineel"] for r in demo["data/berichten.json"]["items"])
    assert any(r["origineel"] and r["herhaling"] for r in demo["data/activiteiten.json"]["items"])


@pytest.mark.parametrize("dataset", DATASETS, ids=lambda d: d.naam)
def test_a_city_with_every_field_filled_validates(vol, dataset):
    data = _site_data(vol.site)[dataset.path]
    assert _errors(data, schema(dataset.naam)) == []
    if dataset.naam == "vocabulaire":
        for onderwerp in data["onderwerpen"]:
            assert _errors(onderwerp, onderwerp_schema()) == []
        return
    for record in data["items"]:
        assert _errors(record, record_schema(dataset.naam)) == []
    # Each field has a value somewhere, so the schemas' object and list branches were checked too.
    empty = [v.naam for v in dataset.velden if all(r[v.naam] in (None, [], "") for r in data["items"])]
    assert empty == []


def test_the_imported_items_of_that_city_are_in_it(vol):
    data = _site_data(vol.site)
    assert [r["origineel"]["url"] for r in data["data/berichten.json"]["items"] if r["origineel"]]
    assert [r["origineel"]["site"] for r in data["data/activiteiten.json"]["items"] if r["origineel"]]


@pytest.mark.parametrize("dataset", DATASETS, ids=lambda d: d.naam)
def test_every_file_says_its_version_and_schema_first(vol, dataset):
    data = _site_data(vol.site)[dataset.path]
    assert list(data)[: len(KOP)] == [v.naam for v in KOP]
    assert data["versie"] == VERSIE == 1
    assert data["schema"] == f"https://stad.example/data/schema/{dataset.naam}.schema.json"
    published = vol.site / data["schema"].removeprefix(SITE_URL)
    assert published.read_bytes() == dumps(schema(dataset.naam))
    assert json.loads(published.read_text(encoding="utf-8")) == schema(dataset.naam)


def test_the_json_feed_keeps_its_own_version(vol):
    feed = json.loads((vol.site / "data/nieuws.json").read_text(encoding="utf-8"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1" and "versie" not in feed and "schema" not in feed


@pytest.mark.parametrize("dataset", RECORDS, ids=lambda d: d.naam)
def test_the_schema_names_exactly_the_documented_fields_and_what_a_record_has(vol, dataset):
    properties = record_schema(dataset.naam)["properties"]
    assert list(properties) == [v.naam for v in dataset.velden]
    assert {n: p["description"] for n, p in properties.items()} == {v.naam: v.betekenis for v in dataset.velden}
    for record in _site_data(vol.site)[dataset.path]["items"]:
        assert list(record) == list(properties)
    assert schema(dataset.naam)["properties"]["items"]["items"]["properties"] == properties


def test_the_vocabulaire_schema_names_its_fields():
    [vocabulaire] = [d for d in DATASETS if d.naam == "vocabulaire"]
    properties = schema("vocabulaire")["properties"]
    assert list(properties) == [*(v.naam for v in KOP), *(v.naam for v in vocabulaire.velden)]
    assert set(onderwerp_schema()["properties"]) == {"id", "naam", "beschrijving", "aliassen"}
    with pytest.raises(KeyError, match="onderwerp_schema"):
        record_schema("vocabulaire")
    with pytest.raises(KeyError, match="kies uit wijken, initiatieven"):
        schema("agenda")


@pytest.mark.parametrize("dataset", DATASETS, ids=lambda d: d.naam)
def test_each_schema_is_draft_2020_12_with_its_urn(dataset):
    value = schema(dataset.naam)
    assert value["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert value["$id"] == f"urn:bovenwijks:opendata:1:{dataset.naam}"
    assert value["properties"]["versie"]["const"] == 1
    assert {"versie", "schema", "titel", "licentie"} <= set(value["required"])
    assert ("items" in value["required"]) == (dataset.naam != "vocabulaire")


def _drop(key):
    def change(record):
        del record[key]

    return change


def _set(key, value, *, sub=None):
    def change(record):
        target = record[sub] if sub else record
        (target[0] if isinstance(target, list) else target)[key] = value

    return change


@pytest.mark.parametrize(
    "naam, change, where",
    [
        ("initiatieven", _drop("id"), "'id' is a required property"),
        ("initiatieven", _drop("biedt"), "'biedt' is a required property"),
        ("berichten", _drop("origineel"), "'origineel' is a required property"),
        ("initiatieven", _set("themas", "ontmoeting"), "themas: 'ontmoeting' is not of type 'array'"),
        ("initiatieven", _set("status", "weg"), "status: 'weg' is not one of"),
        ("initiatieven", _set("gestart", "gisteren"), "gestart: 'gisteren' is not a 'date'"),
        ("initiatieven", _set("titel", None), "titel: None is not of type 'string'"),
        ("initiatieven", _set("toelichting", 3, sub="biedt"), None),
        ("activiteiten", _set("hele_dag", "ja"), "hele_dag: 'ja' is not of type 'boolean'"),
        ("activiteiten", _set("elke", "dag", sub="herhaling"), "herhaling/elke: 'dag' is not one of"),
        ("activiteiten", _set("alt", None, sub="afbeelding"), "afbeelding/alt: None is not of type 'string'"),
        ("activiteiten", _set("start", 20261210), "start: 20261210 is not of type 'string'"),
        ("berichten", _set("url", 3, sub="origineel"), None),
        ("kennis", _set("soort", "mening"), "soort: 'mening' is not one of"),
        ("wijken", _set("contact", "geen adres"), "contact: 'geen adres' is not a 'email'"),
        ("wijken", _set("ics", 1, sub="volgen"), "volgen/ics: 1 is not of type 'string', 'null'"),
        ("wijken", _drop("wijkplan"), "'wijkplan' is a required property"),
    ],
)
def test_a_record_that_lost_a_field_or_has_the_wrong_type_fails(vol, naam, change, where):
    record = _valid_record(vol, naam)
    assert _errors(record, record_schema(naam)) == []
    change(record)
    errors = _errors(record, record_schema(naam))
    assert errors, "the schema accepted it"
    if where:
        assert any(e.startswith(where) or where in e for e in errors), errors
    # The whole file refuses it too.
    data = _site_data(vol.site)[f"data/{naam}.json"]
    data["items"] = [record]
    assert _errors(data, schema(naam))


@pytest.mark.parametrize(
    "change",
    [_set("versie", 2), _drop("schema"), _set("aantal", "1"), _drop("items"), _set("licentie", None)],
    ids=["versie 2", "no schema", "aantal as text", "no items", "licentie null"],
)
def test_a_file_with_a_wrong_head_fails(vol, change):
    data = _site_data(vol.site)["data/kennis.json"]
    change(data)
    assert _errors(data, schema("kennis"))


@pytest.mark.parametrize("naam", [d.naam for d in RECORDS])
def test_a_field_we_do_not_know_yet_passes(vol, naam):
    data = _site_data(vol.site)[f"data/{naam}.json"]
    data["nieuw_in_de_kop"] = {"wat": "dan ook"}
    for record in data["items"]:
        record["nieuw_veld"] = [1, "twee"]
        for value in record.values():
            if isinstance(value, dict):
                value["nieuw"] = True
    assert _errors(data, schema(naam)) == []
    assert _errors(data["items"][0], record_schema(naam)) == []


def test_the_committed_reference_is_what_the_code_makes():
    expected = referentie()
    folder = REPO / REFERENTIE
    assert sorted(p.relative_to(REPO).as_posix() for p in folder.iterdir()) == sorted(expected), "draai scripts/opendata-schema"
    for path, content in expected.items():
        assert (REPO / path).read_bytes() == content, (
            f"{path} wijkt af van plugins/bovenwijks/publish/opendata.py: draai scripts/opendata-schema"
        )
