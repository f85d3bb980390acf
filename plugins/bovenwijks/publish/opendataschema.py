"""The JSON Schemas (draft 2020-12) of the open data files, made from `opendata.DATASETS`.

The fields are documented once, in `DATASETS`: the page `/data/`, these schemas and the
committed reference in `docs/opendata/v<VERSIE>/` all come from there. Every build publishes
the schemas beside the data, under `/data/schema/`; each data file names its own in `schema`.

Records and heads allow fields the schema does not name (`additionalProperties`): a field may
be added within a version, and a consumer ignores what it does not know. What every record
has is required, so a file that lost a field, or holds a value of another type, fails.
"""

from __future__ import annotations

import json
from typing import Any

from bovenwijks.publish.opendata import AANTAL, DATASETS, KOP, VERSIE, Dataset, Veld

DRAFT = "https://json-schema.org/draft/2020-12/schema"
# Where the repository keeps the schemas of this version as the format's reference
# (`scripts/opendata-schema` writes them; a test holds them to this module's output).
REFERENTIE = f"docs/opendata/v{VERSIE}"


def _dataset(naam: str) -> Dataset:
    for dataset in DATASETS:
        if dataset.naam == naam:
            return dataset
    raise KeyError(f"geen dataset {naam!r}: kies uit {', '.join(d.naam for d in DATASETS)}")


def _id(*delen: str) -> str:
    return ":".join(("urn:bovenwijks:opendata", str(VERSIE), *delen))


def _object(velden: tuple[Veld, ...]) -> dict[str, Any]:
    return {
        "type": "object",
        "required": [v.naam for v in velden if v.verplicht],
        "properties": {v.naam: {"description": v.betekenis, **v.json} for v in velden},
        "additionalProperties": True,
    }


def record_schema(naam: str) -> dict[str, Any]:
    """The schema of one record (an element of `items`) of the dataset `naam`, self-contained.

    Raises KeyError for an unknown dataset and for `vocabulaire`, which has no `items`
    (see `onderwerp_schema`).
    """
    dataset = _dataset(naam)
    if dataset.naam == "vocabulaire":
        raise KeyError(f"{dataset.path} heeft geen items, maar themas en onderwerpen: zie onderwerp_schema()")
    return {
        "$schema": DRAFT,
        "$id": _id(naam, "record"),
        "title": f"Een record van {dataset.path}, versie {VERSIE}",
        **_object(dataset.velden),
    }


def onderwerp_schema() -> dict[str, Any]:
    """The schema of one element of `onderwerpen` in `vocabulaire.json`, self-contained."""
    veld = next(v for v in _dataset("vocabulaire").velden if v.naam == "onderwerpen")
    return {
        "$schema": DRAFT,
        "$id": _id("vocabulaire", "onderwerp"),
        "title": f"Een onderwerp van data/vocabulaire.json, versie {VERSIE}",
        "description": veld.betekenis,
        **veld.json["items"],
    }


def schema(naam: str) -> dict[str, Any]:
    """The schema of the whole file of the dataset `naam` (one of `DATASETS`); KeyError if there is none."""
    dataset = _dataset(naam)
    if dataset.naam == "vocabulaire":
        velden = dataset.velden
    else:
        items = Veld("items", "lijst", "de records, op volgorde van hun id", {"type": "array", "items": _object(dataset.velden)})
        velden = (AANTAL, items)
    return {
        "$schema": DRAFT,
        "$id": _id(naam),
        "title": f"{dataset.titel} ({dataset.path}), versie {VERSIE}",
        "description": f"{dataset.beschrijving} Binnen versie {VERSIE} kunnen er velden bijkomen: negeer wat je niet kent.",
        **_object((*KOP, *velden)),
    }


def dumps(value: dict[str, Any]) -> bytes:
    """A schema as its file: indented, keys sorted, UTF-8, ending in a newline."""
    return (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def files() -> dict[str, bytes]:
    """Every dataset's schema, by its path relative to the site root (`data/schema/wijken.schema.json`)."""
    return {dataset.schema_path: dumps(schema(dataset.naam)) for dataset in DATASETS}


def referentie() -> dict[str, bytes]:
    """The same schemas by their path in the repository (`docs/opendata/v1/wijken.schema.json`)."""
    return {f"{REFERENTIE}/{dataset.naam}.schema.json": dumps(schema(dataset.naam)) for dataset in DATASETS}
