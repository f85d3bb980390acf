"""Open data: the city's wijken and items as JSON under `/data/`, and its news as a JSON Feed 1.1.

The files are a public format: other cities fetch them. `VERSIE` is its major version, in
every file's head with the address of its JSON Schema (`opendataschema`, made from `DATASETS`);
a field may be added within a version, a change that breaks a consumer is a new version
(docs/opendata.md).

Field names are the frontmatter keys of the content contract, so the data and the editor
guide speak the same language; the meaning of every field comes from `schema`. Ids are the
identities of the items, stable for as long as the file exists. Contact persons' e-mail
addresses and phone numbers are left out: they are on the item's page, meant for residents,
not for harvesting.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from icalendar import vRecur

from bovenwijks.content import schema
from bovenwijks.dates import TZ
from bovenwijks.herhaling import FREQUENTIES, WEEKDAGEN, beschrijving, rrule_waarden, weekdagen
from bovenwijks.model import Activiteit, Afbeelding, Bericht, Initiatief, Item, Kennis, Origineel, Stad, Wijk
from bovenwijks.publish.calendar import Kalender
from bovenwijks.publish.feeds import Feed, FeedWriter
from bovenwijks.site.fotos import foto

JSON = "application/json"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
NIEUWS = "data/nieuws.json"
# The open data format's major version: a change that breaks a consumer makes it 2.
VERSIE = 1


@dataclass(frozen=True)
class Veld:
    """One field of a data file, documented for the people who reuse the data.

    `type` says the kind of value in Dutch, for the page `/data/`; `json` is its JSON Schema
    (without its description, which is `betekenis`). `verplicht`: every record has the field.
    A field added within a version is not (that version's older files lack it).
    """

    naam: str
    type: str
    betekenis: str
    json: Mapping[str, Any]
    verplicht: bool = True


@dataclass(frozen=True)
class Dataset:
    """One JSON file under `/data/`: what it holds and the fields of each record."""

    naam: str  # `initiatieven`: the file is `data/initiatieven.json`
    titel: str
    beschrijving: str
    velden: tuple[Veld, ...]

    @property
    def path(self) -> str:
        """The file, relative to the site root."""
        return f"data/{self.naam}.json"

    @property
    def schema_path(self) -> str:
        """Its JSON Schema, relative to the site root."""
        return f"data/schema/{self.naam}.schema.json"


# -- the fields, documented from the contract -------------------------------------------

_TYPES = {
    "tekst": "tekst",
    "email": "e-mailadres",
    "url": "url",
    "telefoon": "telefoonnummer",
    "github": "GitHub-naam",
    "slug": "id",
    "prioriteit": "id van een prioriteit uit het wijkplan van de wijk (zie wijken.json)",
    "datum": "datum (JJJJ-MM-DD)",
    "datumtijd": "datum en tijd (ISO 8601, met tijdzone)",
    "jaar": "getal",
    "thema": "thema-id (zie vocabulaire.json)",
    "onderwerp": "onderwerp-id (zie vocabulaire.json)",
    "hulp": "hulpvraag-id: de pagina /hulp/<id>/ van Hulp en advies",
}
# The same types as JSON Schema. An address is an IRI: editors' addresses may hold letters
# beyond ASCII (`https://café.example/`), which a strict "uri" would refuse.
_TEXT: Mapping[str, Any] = {"type": "string"}
_IRI: Mapping[str, Any] = {"type": "string", "format": "iri"}
_DATUM: Mapping[str, Any] = {"type": "string", "format": "date"}
_DATUMTIJD: Mapping[str, Any] = {"type": "string", "format": "date-time"}
_GETAL: Mapping[str, Any] = {"type": "integer"}
_JSON: Mapping[str, Mapping[str, Any]] = {
    "tekst": _TEXT,
    "email": {"type": "string", "format": "email"},
    "url": _IRI,
    "telefoon": _TEXT,
    "github": _TEXT,
    "slug": _TEXT,
    "prioriteit": _TEXT,
    "datum": _DATUM,
    "datumtijd": _DATUMTIJD,
    "jaar": _GETAL,
    "aantal": {"type": "integer", "minimum": 1},
    "thema": _TEXT,
    "onderwerp": _TEXT,
    "hulp": _TEXT,
    "weekdag": {"enum": list(WEEKDAGEN)},
    "aanmelden": _TEXT,  # an address, or the editor's words when it is neither
}
_LEFT_OUT = {"contact"}  # persons' contact details: see the module's docstring


def _of_null(fragment: Mapping[str, Any]) -> dict[str, Any]:
    """`fragment`, or null: a field without a value is null."""
    if "enum" in fragment:
        return {**fragment, "enum": [*fragment["enum"], None]}
    types = fragment["type"]
    return {**fragment, "type": [*(types if isinstance(types, list) else [types]), "null"]}


def _lijst(fragment: Mapping[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": dict(fragment)}


def _object(properties: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """An object with each of `properties` (null when it has no value), and perhaps more: a
    field added later within the version is one a consumer ignores."""
    return {"type": "object", "required": list(properties), "properties": dict(properties), "additionalProperties": True}


def _json(field: schema.Field) -> dict[str, Any]:
    """The JSON Schema of `field`'s value in the data: a list is never null, a value the contract
    does not require may be."""
    if field.type == "keuze":
        one: dict[str, Any] = {"enum": list(field.choices)}
    elif field.type == "object":
        one = _object({f.name: _json(f) for f in field.fields})
    else:
        one = dict(_JSON[field.type])
    if field.many:
        return _lijst(one)
    return one if field.required else _of_null(one)


# A photo is published as its copy (its original, with its metadata, never is).
_AFBEELDING = Veld(
    "afbeelding",
    "object met url, breedte, hoogte, type, alt, maker, of null",
    "de foto: url is een JPEG (of PNG) van hoogstens 1024 pixels breed, zonder metadata; alt zegt in één zin wat erop staat, "
    "maker wie hem maakte",
    _of_null(
        _object({"url": _IRI, "breedte": _GETAL, "hoogte": _GETAL, "type": _TEXT, "alt": _TEXT, "maker": _of_null(_TEXT)}),
    ),
)


def _type(field: schema.Field) -> str:
    if field.type == "keuze":
        text = "een van: " + ", ".join(field.choices)
    elif field.type == "object":
        text = "object met " + ", ".join(f.name for f in field.fields)
    else:
        text = _TYPES.get(field.type, field.type)
    return f"lijst van {text}" if field.many else text


def _velden(kind: schema.Kind, overrides: Mapping[str, Veld] | None = None) -> tuple[Veld, ...]:
    overrides = {"afbeelding": _AFBEELDING, **(overrides or {})}
    return tuple(
        overrides.get(f.name) or Veld(f.name, _type(f), f.help, _json(f))
        for f in kind.fields
        if (f.name not in _LEFT_OUT or f.name in overrides)
    )


# The head of every data file, before its records.
KOP = (
    Veld(
        "versie",
        "getal",
        f"de versie van het formaat, nu {VERSIE}; binnen een versie komen er alleen velden bij, een wijziging die breekt"
        " krijgt een nieuwe versie",
        {"const": VERSIE},
    ),
    Veld("schema", "url", "het JSON Schema van dit bestand", _IRI),
    Veld("titel", "tekst", "wat het bestand is, en van welke stad", _TEXT),
    Veld("beschrijving", "tekst", "wat erin staat", _TEXT),
    Veld("documentatie", "url", "de pagina /data/ van de site, die alle velden uitlegt", _IRI),
    Veld("licentie", "url", "de licentie van de gegevens", _IRI),
)
AANTAL = Veld("aantal", "getal", "hoeveel records er in items staan", {"type": "integer", "minimum": 0})

_ITEM = (
    Veld(
        "id",
        "id",
        "vaste id: wijk/map/naam, zoals soesterkwartier/initiatieven/repair-cafe; blijft hetzelfde zolang het bestand bestaat",
        _TEXT,
    ),
    Veld("url", "url", "de pagina op deze site", _IRI),
    Veld("wijk", "id", "de id van de wijk (zie wijken.json)", _TEXT),
)
_TAIL = (
    Veld("inhoud_html", "tekst (HTML)", "de tekst van de pagina als HTML, met absolute links", _TEXT),
    Veld("bron", "tekst", "het bestand in de repository waarin de redactie dit bijhoudt", _TEXT),
)
# Berichten and activiteiten may come from a wijk's own website (`bovenwijks ophalen`).
_ORIGINEEL = Veld(
    "origineel",
    "object met site, url, of null",
    "waar een opgehaald bericht of activiteit eerst verscheen: de naam van de eigen website van de wijk en het adres van het"
    " origineel daar; null voor wat de redactie hier zelf schreef",
    _of_null(_object({"site": _TEXT, "url": _IRI})),
)
_HERHALING = _of_null(
    _object(
        {
            "elke": {"enum": [f.id for f in FREQUENTIES]},
            "dagen": _lijst(_JSON["weekdag"]),
            "tot": _of_null(_DATUM),
            "aantal": _of_null(_JSON["aantal"]),
            "behalve": _lijst(_object({"datum": _DATUM, "reden": _of_null(_TEXT)})),
            "tekst": _TEXT,
            "rrule": _TEXT,
        }
    )
)
_WIJKPLAN = _of_null(
    _object({"jaar": _GETAL, "url": _IRI, "prioriteiten": _lijst(_object({"id": _TEXT, "titel": _TEXT, "thema": _TEXT}))}),
)
_NAAM = {"id": _TEXT, "naam": _TEXT, "beschrijving": _of_null(_TEXT)}

DATASETS = (
    Dataset(
        "wijken",
        "Wijken",
        "Elke wijk met haar profiel, ontmoetingsplekken, wijkplan en waar je haar volgt.",
        (
            Veld("id", "id", "vaste id van de wijk, gelijk aan de mapnaam: soesterkwartier", _TEXT),
            Veld("url", "url", "de pagina van de wijk", _IRI),
            *_velden(
                schema.WIJK,
                {"contact": Veld("contact", "e-mailadres", "e-mailadres van de redactie of het wijkteam", _of_null(_JSON["email"]))},
            ),
            Veld(
                "wijkplan",
                "object met jaar, prioriteiten, url, of null",
                "het wijkplan van dit jaar; prioriteiten zijn objecten met id, titel en thema",
                _WIJKPLAN,
            ),
            Veld(
                "volgen",
                "object met rss, atom, ics",
                "de feeds en de agenda van de wijk",
                _object({"rss": _of_null(_IRI), "atom": _of_null(_IRI), "ics": _of_null(_IRI)}),
            ),
            *_TAIL,
        ),
    ),
    Dataset(
        "initiatieven",
        "Initiatieven",
        "Alle bewonersinitiatieven, met wat ze andere wijken bieden en wat ze zoeken.",
        (*_ITEM, *_velden(schema.INITIATIEF), *_TAIL),
    ),
    Dataset(
        "activiteiten",
        "Activiteiten",
        "Alle activiteiten, ook die van vroeger.",
        (
            *_ITEM,
            *_velden(
                schema.ACTIVITEIT,
                {
                    "start": Veld("start", _TYPES["datumtijd"], "begin; bij een activiteit van een hele dag 00:00 van die dag", _DATUMTIJD),
                    "initiatief": Veld(
                        "initiatief",
                        "id of null",
                        "de id van het initiatief dat de activiteit organiseert (zie initiatieven.json)",
                        _of_null(_TEXT),
                    ),
                    "herhaling": Veld(
                        "herhaling",
                        "object met elke, dagen, tot, aantal, behalve, tekst, rrule, of null",
                        "hoe de activiteit terugkomt; start en eind zijn de eerste keer. dagen zijn weekdagen (maandag … zondag);"
                        " behalve is een lijst van objecten met datum en reden (null: de keer valt weg; met een reden staat hij"
                        " op de agenda als 'gaat niet door'); tekst is de regel in gewone woorden; rrule is dezelfde regel als"
                        " RRULE (RFC 5545), in de tijd van Europe/Amsterdam",
                        _HERHALING,
                    ),
                    "afgelast": Veld(
                        "afgelast",
                        "tekst of null",
                        "waarom de activiteit (elke keer ervan) niet doorgaat; null als ze doorgaat",
                        _of_null(_TEXT),
                    ),
                },
            ),
            Veld("hele_dag", "true of false", "true als de activiteit de hele dag duurt (er staat geen tijd bij)", {"type": "boolean"}),
            _ORIGINEEL,
            *_TAIL,
        ),
    ),
    Dataset("berichten", "Berichten", "Alle nieuwsberichten van de wijken.", (*_ITEM, *_velden(schema.BERICHT), _ORIGINEEL, *_TAIL)),
    Dataset("kennis", "Kennis", "Alle vragen aan andere wijken en gedeelde ervaringen.", (*_ITEM, *_velden(schema.KENNIS), *_TAIL)),
    Dataset(
        "vocabulaire",
        "Thema's en onderwerpen",
        "De stedelijke woordenlijst: de namen achter de ids van thema's en onderwerpen.",
        (
            Veld(
                "themas",
                "lijst van object met id, naam, beschrijving",
                "de thema's; de drie pijlers van de Sociale Basis Infrastructuur voorop",
                _lijst(_object(_NAAM)),
            ),
            Veld(
                "onderwerpen",
                "lijst van object met id, naam, beschrijving, aliassen",
                "onderwerpen van kennis die initiatieven bieden of zoeken",
                _lijst(_object({**_NAAM, "aliassen": _lijst(_TEXT)})),
            ),
        ),
    ),
)


# -- the records --------------------------------------------------------------------------


def _value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(TZ).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _herhaling(a: Activiteit) -> dict[str, Any] | None:
    rule = a.herhaling
    if rule is None:
        return None
    return {
        "elke": rule.elke,
        "dagen": [WEEKDAGEN[d] for d in weekdagen(rule, a.datum)],
        "tot": _value(rule.tot),
        "aantal": rule.aantal,
        "behalve": [{"datum": _value(u.datum), "reden": u.reden} for u in rule.behalve],
        "tekst": beschrijving(rule, a.datum),
        "rrule": vRecur(rrule_waarden(rule, a.start, a.hele_dag)).to_ical().decode("ascii"),
    }


def _origineel(origineel: Origineel | None) -> dict[str, str] | None:
    return {"site": origineel.site, "url": origineel.url} if origineel else None


class OpenData:
    """Writes the data files; `bodies` maps an item's identity, or a wijk's slug, to its HTML."""

    def __init__(self, stad: Stad, site_url: str, bodies: Mapping[str, str], licentie: str, kalenders: list[Kalender], feeds: list[Feed]):
        self.stad = stad
        self.site_url = site_url
        self.bodies = bodies
        self.licentie = licentie
        self.wijkfeeds = {f.naam: f for f in feeds}
        self.kalenders = {k.naam: k for k in kalenders}

    def counts(self) -> dict[str, int]:
        """How many records each data file holds, for the page that lists them."""
        return {
            "wijken": len(self.stad.wijken),
            "initiatieven": len(self.stad.initiatieven()),
            "activiteiten": len(self.stad.activiteiten()),
            "berichten": len(self.stad.berichten()),
            "kennis": len(self.stad.kennis()),
        }

    def files(self) -> dict[str, bytes]:
        """Every data file by its path relative to the site root."""
        records: dict[str, Callable[[], Any]] = {
            "wijken": lambda: [self._wijk(w) for w in sorted(self.stad.wijken.values(), key=lambda w: w.slug)],
            "initiatieven": lambda: self._items(self.stad.initiatieven(), self._initiatief),
            "activiteiten": lambda: self._items(self.stad.activiteiten(), self._activiteit),
            "berichten": lambda: self._items(self.stad.berichten(), self._bericht),
            "kennis": lambda: self._items(self.stad.kennis(), self._kennis),
        }
        result = {}
        for dataset in DATASETS:
            head = {
                "versie": VERSIE,
                "schema": self.site_url + dataset.schema_path,
                "titel": f"{dataset.titel} in {self.stad.naam}",
                "beschrijving": dataset.beschrijving,
                "documentatie": self.site_url + "data/",
                "licentie": self.licentie,
            }
            if dataset.naam == "vocabulaire":
                result[dataset.path] = dump({**head, **self._vocabulaire()})
            else:
                items = records[dataset.naam]()
                result[dataset.path] = dump({**head, "aantal": len(items), "items": items})
        return result

    def _items(self, items: list[Item], record: Callable[[Any], dict[str, Any]]) -> list[dict[str, Any]]:
        return [record(i) for i in sorted(items, key=lambda i: i.identity)]

    def _item(self, item: Item, **fields: Any) -> dict[str, Any]:
        data = {"id": item.identity, "url": self.site_url + item.url, "wijk": item.wijk, "titel": item.titel}
        data.update({key: _value(value) for key, value in fields.items()})
        data["inhoud_html"] = self.bodies.get(item.identity, "")
        data["bron"] = item.source
        return data

    def _initiatief(self, i: Initiatief) -> dict[str, Any]:
        return self._item(
            i,
            samenvatting=i.samenvatting,
            status=i.status,
            themas=i.themas,
            gestart=i.gestart,
            bijgewerkt=i.bijgewerkt,
            locatie=i.locatie,
            partners=i.partners,
            prioriteiten=i.prioriteiten,
            biedt=[{"onderwerp": r.onderwerp, "toelichting": r.toelichting} for r in i.biedt],
            zoekt=[{"onderwerp": r.onderwerp, "toelichting": r.toelichting} for r in i.zoekt],
            hulp=i.hulp,
            afbeelding=self._afbeelding(i.afbeelding),
        )

    def _afbeelding(self, afbeelding: Afbeelding | None) -> dict[str, Any] | None:
        found = foto(afbeelding)
        if found is None or afbeelding is None:
            return None
        r = found.fallback
        return {
            "url": self.site_url + r.url,
            "breedte": r.width,
            "hoogte": r.height,
            "type": r.media_type,
            "alt": afbeelding.alt,
            "maker": afbeelding.maker,
        }

    def _activiteit(self, a: Activiteit) -> dict[str, Any]:
        organisator = self.stad.wijken[a.wijk].initiatief(a.initiatief) if a.initiatief else None
        return self._item(
            a,
            start=a.start,
            locatie=a.locatie,
            eind=a.eind,
            initiatief=organisator.identity if organisator else None,
            themas=a.themas,
            herhaling=_herhaling(a),
            afgelast=a.afgelast,
            aanmelden=a.aanmelden,
            kosten=a.kosten,
            toegankelijkheid=a.toegankelijkheid,
            hulp=a.hulp,
            afbeelding=self._afbeelding(a.afbeelding),
            hele_dag=a.hele_dag,
            origineel=_origineel(a.origineel),
        )

    def _bericht(self, b: Bericht) -> dict[str, Any]:
        return self._item(
            b,
            datum=b.datum,
            auteur=b.auteur,
            samenvatting=b.samenvatting,
            afbeelding=self._afbeelding(b.afbeelding),
            origineel=_origineel(b.origineel),
        )

    def _kennis(self, k: Kennis) -> dict[str, Any]:
        return self._item(k, soort=k.soort, onderwerpen=k.onderwerpen, datum=k.datum)

    def _wijk(self, w: Wijk) -> dict[str, Any]:
        feed = self.wijkfeeds.get(f"wijken/{w.slug}")
        kalender = self.kalenders.get(f"wijken/{w.slug}")
        plan = None
        if w.wijkplan:
            plan = {
                "jaar": w.wijkplan.jaar,
                "url": f"{self.site_url}{w.url}wijkplan/",
                "prioriteiten": [{"id": p.id, "titel": p.titel, "thema": p.thema} for p in w.wijkplan.prioriteiten],
            }
        return {
            "id": w.slug,
            "url": self.site_url + w.url,
            "naam": w.naam,
            "samenvatting": w.samenvatting,
            "redactie": w.redactie,
            "contact": w.contact,
            # An organisation's desk, not a person: residents are meant to find it.
            "wijkteam": asdict(w.wijkteam) if w.wijkteam else None,
            "ontmoetingsplekken": [{"naam": o.naam, "adres": o.adres, "open": o.open} for o in w.ontmoetingsplekken],
            "website": w.website,
            "feed": w.feed,
            "kalender": w.kalender,
            "afbeelding": self._afbeelding(w.afbeelding),
            "wijkplan": plan,
            "volgen": {
                "rss": self.site_url + feed.rss if feed else None,
                "atom": self.site_url + feed.atom if feed else None,
                "ics": self.site_url + kalender.path if kalender else None,
            },
            "inhoud_html": self.bodies.get(w.slug, ""),
            "bron": w.source,
        }

    def _vocabulaire(self) -> dict[str, Any]:
        v = self.stad.vocabulaire
        return {
            "themas": [{"id": t.id, "naam": t.naam, "beschrijving": t.beschrijving} for t in v.themas.values()],
            "onderwerpen": [
                {"id": o.id, "naam": o.naam, "beschrijving": o.beschrijving, "aliassen": list(o.aliassen)} for o in v.onderwerpen.values()
            ],
        }


def json_feed(feed: Feed, writer: FeedWriter, site_name: str) -> bytes:
    """`feed` as a JSON Feed 1.1, with the same entries and content as its RSS and Atom."""
    site_url = writer.site_url
    items = []
    for entry in feed.entries:
        item: dict[str, Any] = {
            "id": site_url + entry.url,
            "url": site_url + entry.url,
            "title": entry.titel,
            "content_html": writer.content(entry),
        }
        summary = writer.summary(entry)
        if summary:
            item["summary"] = summary
        item["date_published"] = entry.datum.isoformat()
        item["date_modified"] = entry.datum.isoformat()
        item["authors"] = [{"name": entry.auteur}]
        item["tags"] = [c.label for c in entry.categorieen]
        image = writer.image(entry)
        if image is not None:
            item["image"] = site_url + image.url
        items.append(item)
    data = {
        "version": JSON_FEED_VERSION,
        "title": feed.titel,
        "home_page_url": site_url + feed.pagina,
        "feed_url": site_url + NIEUWS,
        "description": feed.beschrijving,
        "language": "nl",
        "authors": [{"name": site_name}],
        "items": items,
    }
    return dump(data)


def dump(data: Any) -> bytes:
    """JSON as UTF-8: text from frontmatter is a JSON string, whatever it holds.

    Compact, because then Python's C encoder writes it (an indented dump of 10,000 items took
    a second), and browsers and `jq` lay it out for people who read it.
    """
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
