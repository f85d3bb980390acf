"""Fetch the open data of the cities a city exchanges knowledge with into their snapshots.

`bovenwijks ophalen` calls `werk_bij` for each city of `andere_steden`. It fetches three
files of that city's `/data/` (`content.steden.BESTANDEN`) under the same rules as a wijk's
own feed (`fetch.haal`: timeouts, a size cap, public addresses only, conditional requests),
checks each record against the published schema of the open data (`publish.opendataschema`)
and keeps what the kennisuitwisseling shows: an initiatief's `biedt`, an ervaring's
`onderwerpen`, the names of the onderwerpen. A city that fails keeps its last snapshot.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from bovenwijks.aantal import aantal
from bovenwijks.content.opgehaald import dagen_oud
from bovenwijks.content.steden import (
    BESTANDEN,
    BESTANDEN_LIJST,
    MAP,
    VERSIE,
    Momentopname,
    Stadbron,
    gesorteerd,
    initiatief_fout,
    kennis_fout,
    pad,
)
from bovenwijks.dates import TZ, dutch_date
from bovenwijks.publish import opendataschema
from bovenwijks.publish.opendata import VERSIE as DATA_VERSIE
from bovenwijks.tools.bijwerken import Uitkomst
from bovenwijks.tools.fetch import Antwoord, Mislukt

Haal = Callable[..., Antwoord]


class GeenOpenData(Mislukt):
    """A file that is no open data of a bovenwijks site, or of another version: why, in Dutch."""


@cache
def _validator(naam: str) -> Draft202012Validator:
    return Draft202012Validator(opendataschema.onderwerp_schema() if naam == "vocabulaire" else opendataschema.record_schema(naam))


def _json(antwoord: Antwoord, bestand: str) -> dict[str, Any]:
    """The head and records of one open data file, refused unless it is of our version."""
    try:
        data = json.loads(antwoord.body)
    except (ValueError, UnicodeDecodeError):
        raise GeenOpenData(f"{antwoord.url} is geen JSON; is dit wel een bovenwijks-site?") from None
    except RecursionError:  # lists in lists, deeper than Python reads: no open data of ours
        raise GeenOpenData(f"{antwoord.url} is te diep genest voor open data van bovenwijks") from None
    if not isinstance(data, dict):
        raise GeenOpenData(f"{antwoord.url} is geen open data van bovenwijks")
    versie = data.get("versie")
    if versie is None:
        raise GeenOpenData(f"{antwoord.url} zegt niet welke versie van de open data het is (geen 'versie')")
    if versie != DATA_VERSIE or isinstance(versie, bool):  # `true == 1` in Python, not in the schema
        raise GeenOpenData(
            f"{antwoord.url} is versie {versie!r} van de open data, en deze bovenwijks kent versie {DATA_VERSIE};"
            " werk bovenwijks bij (zie docs/upgraden.md)"
        )
    lijst = _LEZERS[bestand][0]
    if not isinstance(data.get(lijst), list):
        raise GeenOpenData(f"{antwoord.url} heeft geen lijst '{lijst}'")
    return data


def _pagina(record: dict[str, Any]) -> dict[str, Any]:
    """What every kept record has: where its page is, and its title."""
    return {key: record.get(key) for key in ("id", "url", "titel", "wijk")}


def _initiatief(record: dict[str, Any]) -> dict[str, Any] | None:
    """An initiatief that offers something, with only the fields we show."""
    if not record.get("biedt"):
        return None
    return {
        **_pagina(record),
        "status": record.get("status"),
        "biedt": [{"onderwerp": r["onderwerp"], "toelichting": r.get("toelichting")} for r in record["biedt"]],
    }


def _ervaring(record: dict[str, Any]) -> dict[str, Any] | None:
    """An ervaring (a vraag offers nothing), with only the fields we show."""
    if record.get("soort") != "ervaring":
        return None
    return {
        **_pagina(record),
        "onderwerpen": list(record.get("onderwerpen") or []),
        "datum": record.get("datum"),
    }


def _onderwerp(record: dict[str, Any]) -> dict[str, Any]:
    """An onderwerp of the vocabulary, with only the fields we show."""
    return {"id": record["id"], "naam": record["naam"]}


# Per data file: the list its records are in, what we keep of a record (None: nothing to keep),
# and what the build checks of it again.
_LEZERS = {
    "initiatieven": ("items", _initiatief, initiatief_fout),
    "kennis": ("items", _ervaring, kennis_fout),
    "vocabulaire": ("onderwerpen", _onderwerp, None),
}


def _records(bestand: str, data: dict[str, Any], stad: Stadbron) -> tuple[list[dict[str, Any]], int]:
    """The records of `bestand` worth keeping, cut to what we show and sorted as kept; and how many were unusable."""
    lijst, korter, fout = _LEZERS[bestand]
    kept: dict[str, dict[str, Any]] = {}
    kapot = 0
    for record in data[lijst]:
        if not _validator(bestand).is_valid(record) or record["id"] in kept:  # an id twice: which one is it?
            kapot += 1
            continue
        kort = korter(record)
        if kort is None:
            continue
        if fout is not None and fout(kort, stad):
            kapot += 1
            continue
        kept[record["id"]] = kort
    return gesorteerd(list(kept.values())), kapot


def _lees(path: Path) -> Momentopname | None:
    try:
        return Momentopname.van(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None


def _schrijf(path: Path, snapshot: Momentopname) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(snapshot.json(), encoding="utf-8")


def _inhoud(snapshot: Momentopname) -> tuple:
    return tuple(json.dumps(getattr(snapshot, lijst), sort_keys=True) for lijst in BESTANDEN_LIJST.values())


def _tellen(snapshot: Momentopname) -> str:
    return f"{aantal(len(snapshot.initiatieven), 'initiatief', 'initiatieven')} met kennis, {aantal(len(snapshot.kennis), 'ervaring', 'ervaringen')}"


def werk_bij(wijken_folder: Path, stad: Stadbron, *, haal: Haal, nu: datetime) -> Uitkomst:
    """Bring the snapshot of `stad` in the folder of the wijken up to date from its open data.

    `haal` fetches (`fetch.haal` with the User-Agent and `lokaal` bound); `nu` is the time of
    this run. All three files or none: a city whose vocabulary fails keeps its last snapshot
    whole, so that what it shows always belongs together.
    """
    path = pad(wijken_folder, stad)
    oud = _lees(path) if path.is_file() else None
    herkend = oud is not None and oud.url == stad.url and oud.versie == VERSIE and not oud.mislukt_sinds
    nieuw = Momentopname(naam=stad.naam, url=stad.url, data_versie=DATA_VERSIE, gewijzigd=nu)
    opmerkingen: list[str] = []
    try:
        for bestand in BESTANDEN:
            vorige = oud.validators.get(bestand, {}) if herkend and oud else {}
            antwoord = haal(stad.data(bestand), etag=vorige.get("etag"), last_modified=vorige.get("last_modified"))
            lijst = BESTANDEN_LIJST[bestand]
            if antwoord.status == 304 and oud is not None:
                setattr(nieuw, lijst, getattr(oud, lijst))
                nieuw.validators[bestand] = vorige
                continue
            records, kapot = _records(bestand, _json(antwoord, bestand), stad)
            if kapot:
                opmerkingen.append(f"{aantal(kapot, 'onbruikbaar record', 'onbruikbare records')} in {bestand}.json weggelaten")
            setattr(nieuw, lijst, records)
            nieuw.validators[bestand] = {"etag": antwoord.etag, "last_modified": antwoord.last_modified}
    except Mislukt as error:
        return _mislukt(path, stad, oud, str(error), nu)
    if oud is None or oud.url != stad.url or oud.versie != VERSIE:
        _schrijf(path, nieuw)
        return Uitkomst("nieuw", f"nieuw: {_tellen(nieuw)}", opmerkingen)
    if _inhoud(oud) == _inhoud(nieuw):
        if oud.mislukt_sinds or oud.validators != nieuw.validators:
            _schrijf(path, replace(oud, mislukt_sinds=None, reden=None, validators=nieuw.validators))
        return Uitkomst("ongewijzigd", "ongewijzigd, en weer bereikbaar" if oud.mislukt_sinds else "ongewijzigd", opmerkingen)
    _schrijf(path, nieuw)
    return Uitkomst("gewijzigd", f"gewijzigd: nu {_tellen(nieuw)}", opmerkingen)


def _mislukt(path: Path, stad: Stadbron, oud: Momentopname | None, reden: str, nu: datetime) -> Uitkomst:
    """Keep the last good snapshot, and write down since when and why fetching fails."""
    if oud is None or oud.url != stad.url:
        _schrijf(path, Momentopname(naam=stad.naam, url=stad.url, mislukt_sinds=nu, reden=reden))
        return Uitkomst("mislukt", f"mislukt: {reden}. Er is nog niets van opgehaald")
    sinds = oud.mislukt_sinds or nu
    if (oud.mislukt_sinds, oud.reden) != (sinds, reden):
        _schrijf(path, replace(oud, mislukt_sinds=sinds, reden=reden))
    vandaag = nu.astimezone(TZ).date()
    if oud.gewijzigd:
        stand = f"van {dutch_date(oud.gewijzigd.astimezone(TZ).date())}, {aantal(dagen_oud(oud.gewijzigd, vandaag), 'dag', 'dagen')} oud"
        kept = f"De vorige stand blijft staan ({_tellen(oud)}, {stand})"
    else:
        kept = "Er is nog niets van opgehaald"
    since = f"; dit mislukt al sinds {dutch_date(sinds.astimezone(TZ).date())}" if oud.mislukt_sinds else ""
    return Uitkomst("mislukt", f"mislukt: {reden}. {kept}{since}")


def ruim_op(wijken_folder: Path, steden: Iterable[Stadbron]) -> list[str]:
    """Remove the snapshots of cities no longer in `andere_steden`; the names of their files.

    The option is the switch, as a wijk's `feed` is: without it, what it brought goes too.
    """
    folder = Path(wijken_folder) / MAP
    if not folder.is_dir():
        return []
    keep = {pad(wijken_folder, s).name for s in steden}
    removed = []
    for file in sorted(folder.glob("*.json")):
        if file.name not in keep:
            file.unlink()
            removed.append(file.stem)
    if not any(folder.iterdir()):
        folder.rmdir()
    return removed
