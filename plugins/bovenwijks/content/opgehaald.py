"""What `bovenwijks ophalen` fetched from a wijk's own website, as snapshots the build reads.

A wijk's `feed` (RSS or Atom) and `kalender` (iCalendar) are fetched by a separate step, never
by the build (`tools/ophalen.py`). What it got is kept in the wijk's folder, one JSON file per
source in `_opgehaald/`, with the photos it downloaded in `_opgehaald/fotos/`: the loader skips
folders that start with `_`, so none of it is published as it is. Every build is offline and
reproducible, and a pull request shows what came in.

This module is the one place that knows those files: their names and their fields, for the
step that writes them and for the build that turns them into the wijk's berichten and
activiteiten. The imported HTML is cleaned again here (`veilig.schoon`), because a snapshot
is a file like any other, which a pull request can change.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bovenwijks.content import reeks, veilig
from bovenwijks.content.afbeelding import Checker, Plek
from bovenwijks.content.convert import SLUG_RE
from bovenwijks.content.problem import Problem
from bovenwijks.dates import TZ, dutch_date
from bovenwijks.herhaling import FREQUENTIE, MAX_AANTAL, weekdag
from bovenwijks.model import Activiteit, Afbeelding, Bericht, Herhaling, Item, Origineel, Uitzondering, Wijk

MAP = "_opgehaald"  # in the wijk's folder
FOTOS = "fotos"  # in MAP: the photos of the items, downloaded
VERSIE = 1  # of the snapshot's fields; another version is fetched again in full

# After this long without a good answer, `make check` warns the wijk's editors.
TE_LANG_MISLUKT = timedelta(days=7)


@dataclass(frozen=True)
class Bron:
    """A kind of source: the key of the wijk's `index.md` that names it, and what it brings."""

    sleutel: str  # `feed`, `kalender`
    naam: str  # as editors read it: "de nieuwsfeed"
    folder: str  # the kind of item it brings: Bericht.folder or Activiteit.folder

    @property
    def bestand(self) -> str:
        """Its snapshot, in the wijk's `_opgehaald/`: `feed.json`."""
        return f"{self.sleutel}.json"


FEED = Bron("feed", "de nieuwsfeed", Bericht.folder)
KALENDER = Bron("kalender", "de agenda", Activiteit.folder)
BRONNEN = (FEED, KALENDER)


@dataclass
class Momentopname:
    """The snapshot of one source: what was last fetched, and how the fetching goes.

    `items` are the imported items as records (see `_bericht` and `_activiteit` for their
    fields), sorted by `id`: the feed's guid, or the event's UID. `gewijzigd` is when they last
    changed; `mislukt_sinds` and `reden` say since when and why fetching fails (None when the
    last try went well).
    """

    url: str
    site: str = ""
    link: str = ""  # the site's home
    versie: int = VERSIE
    etag: str | None = None
    last_modified: str | None = None
    gewijzigd: datetime | None = None
    mislukt_sinds: datetime | None = None
    reden: str | None = None
    items: list[dict[str, Any]] = field(default_factory=list)

    def json(self) -> str:
        """The snapshot as its file holds it: sorted and indented, so that a change reads as a diff."""
        data = {
            "versie": self.versie,
            "url": self.url,
            "site": self.site,
            "link": self.link,
            "etag": self.etag,
            "last_modified": self.last_modified,
            "gewijzigd": self.gewijzigd.isoformat() if self.gewijzigd else None,
            "mislukt_sinds": self.mislukt_sinds.isoformat() if self.mislukt_sinds else None,
            "reden": self.reden,
            "items": sorted(self.items, key=lambda i: str(i.get("id"))),
        }
        return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"

    @classmethod
    def van(cls, text: str) -> Momentopname:
        """The snapshot in a file's `text`; ValueError (in Dutch) when it is no snapshot.

        A snapshot is a file a pull request can change: every field is checked for its type
        here, so that a hand edit is a message, never a traceback.
        """
        data = json.loads(text)
        if not isinstance(data, dict) or not isinstance(data.get("url"), str) or not isinstance(data.get("items", []), list):
            raise ValueError("dit is geen momentopname van 'bovenwijks ophalen' (url of items ontbreekt)")
        for key in ("site", "link", "etag", "last_modified", "reden", "gewijzigd", "mislukt_sinds"):
            if data.get(key) is not None and not isinstance(data[key], str):
                raise ValueError(f"'{key}' hoort tekst te zijn")
        if not isinstance(data.get("versie", 0), int):
            raise ValueError("'versie' hoort een getal te zijn")
        return cls(
            url=data["url"],
            site=data.get("site") or "",
            link=data.get("link") or "",
            versie=data.get("versie", 0),
            etag=data.get("etag"),
            last_modified=data.get("last_modified"),
            gewijzigd=_moment(data["gewijzigd"], "gewijzigd") if data.get("gewijzigd") else None,
            mislukt_sinds=_moment(data["mislukt_sinds"], "mislukt_sinds") if data.get("mislukt_sinds") else None,
            reden=data.get("reden"),
            items=data.get("items", []),
        )


def _moment(value: Any, key: str = "tijd") -> datetime:
    """An ISO date-time of a snapshot, in Amsterdam when it has no offset."""
    try:
        moment = datetime.fromisoformat(value)
        moment = moment if moment.tzinfo else moment.replace(tzinfo=TZ)
        moment.astimezone(TZ)  # the last evening of 9999 is the year 10000 in Amsterdam
    except (TypeError, ValueError, OverflowError):
        raise ValueError(f"'{key}' is geen datum en tijd ({value!r})") from None
    return moment


def _datum(value: Any, key: str) -> date:
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ValueError(f"'{key}' is geen datum ({value!r})") from None


# The fields of an item's record, each with what it must be: the snapshot's vocabulary, for
# the command that writes records and the build that reads them.
_TEKST, _LIJST, _MAP, _JA_NEE = str, list, dict, bool
_VELDEN: dict[str, dict[str, tuple[type, bool]]] = {
    "feed": {
        "id": (_TEKST, True), "slug": (_TEKST, True), "titel": (_TEKST, True), "datum": (_TEKST, True),
        "link": (_TEKST, False), "site": (_TEKST, False), "html": (_TEKST, False), "samenvatting": (_TEKST, False),
        "auteur": (_TEKST, False), "afbeelding": (_MAP, False),
    },
    "kalender": {
        "id": (_TEKST, True), "slug": (_TEKST, True), "titel": (_TEKST, True), "start": (_TEKST, True),
        "eind": (_TEKST, False), "hele_dag": (_JA_NEE, False), "locatie": (_TEKST, False), "html": (_TEKST, False),
        "link": (_TEKST, False), "site": (_TEKST, False), "afgelast": (_TEKST, False), "herhaling": (_MAP, False),
        "gewijzigd": (_TEKST, False), "afbeelding": (_MAP, False),
    },
}  # fmt: skip
_WANNEER = {"feed": "datum", "kalender": "start"}  # the record's own date, by its kind
_SOORT = {_TEKST: "tekst", _LIJST: "een lijst", _MAP: "een object", _JA_NEE: "true of false"}


def fout(bron: Bron, record: Any) -> str | None:
    """What is wrong with an item's `record` of `bron`, in Dutch; None when it can be used."""
    if not isinstance(record, dict):
        return "een item hoort een object te zijn"
    for key, (soort, nodig) in _VELDEN[bron.sleutel].items():
        value = record.get(key)
        if value is None or (nodig and isinstance(value, str) and not value.strip()):
            if nodig:
                return f"'{key}' ontbreekt"
            continue
        if not isinstance(value, soort):
            return f"'{key}' hoort {_SOORT[soort]} te zijn"
    if not SLUG_RE.match(record["slug"]):
        return f"'slug' ({record['slug']!r}) mag alleen kleine letters, cijfers en streepjes bevatten"
    afbeelding = record.get("afbeelding")
    if afbeelding is not None:
        if not isinstance(afbeelding.get("bestand"), str):
            return "'afbeelding.bestand' ontbreekt"
        if any(afbeelding.get(key) is not None and not isinstance(afbeelding[key], str) for key in ("alt", "url")):
            return "'afbeelding.alt' en 'afbeelding.url' horen tekst te zijn"
    try:
        wanneer = _moment(record[_WANNEER[bron.sleutel]], _WANNEER[bron.sleutel])
        for key in ("eind", "gewijzigd"):
            if record.get(key):
                _moment(record[key], key)
        if record.get("eind") and _moment(record["eind"]) < wanneer:
            return "'eind' ligt voor 'start'"
        herhaling_van(record.get("herhaling"))
    except (TypeError, ValueError, KeyError, AttributeError) as error:
        return str(error) if isinstance(error, ValueError) else f"'herhaling' is onleesbaar ({error})"
    return None


def herhaling_van(value: dict[str, Any] | None) -> Herhaling | None:
    """The model of a record's `herhaling` (in the contract's words); ValueError when it can't be."""
    if not value:
        return None
    if not isinstance(value, dict) or value.get("elke") not in FREQUENTIE:
        raise ValueError(f"'herhaling.elke' hoort een van {', '.join(FREQUENTIE)} te zijn")
    dagen = value.get("dagen", [])
    behalve = value.get("behalve", [])
    if not isinstance(dagen, list) or not isinstance(behalve, list):
        raise ValueError("'herhaling.dagen' en 'herhaling.behalve' horen lijsten te zijn")
    nummers = tuple(weekdag(w) if isinstance(w, str) else None for w in dagen)
    if None in nummers:
        raise ValueError(f"'herhaling.dagen' noemt een onbekende dag ({dagen!r})")
    aantal = value.get("aantal")
    if aantal is not None and (not isinstance(aantal, int) or isinstance(aantal, bool) or not 1 <= aantal <= MAX_AANTAL):
        raise ValueError(f"'herhaling.aantal' hoort een getal van 1 tot {MAX_AANTAL} te zijn")
    uitzonderingen = []
    for u in behalve:
        if not isinstance(u, dict) or (u.get("reden") is not None and not isinstance(u["reden"], str)):
            raise ValueError("elke 'herhaling.behalve' hoort een object met datum en reden te zijn")
        uitzonderingen.append(Uitzondering(_datum(u.get("datum"), "herhaling.behalve.datum"), u.get("reden")))
    tot = _datum(value["tot"], "herhaling.tot") if value.get("tot") else None
    return Herhaling(value["elke"], tuple(n for n in nummers if n is not None), tot, aantal, tuple(uitzonderingen))


def pad(wijk_folder: Path, bron: Bron) -> Path:
    """The snapshot file of `bron` in a wijk's folder."""
    return wijk_folder / MAP / bron.bestand


def inhoud(html: str) -> str:
    """An imported item's body for the engine: its cleaned HTML as one raw HTML block, which
    Markdown leaves as it is."""
    return f'<div class="bw-origineel-tekst">\n{html}\n</div>\n' if html else ""


def dagen_oud(moment: datetime, vandaag: date) -> int:
    """How many days before `vandaag` the `moment` was, in Amsterdam."""
    return (vandaag - moment.astimezone(TZ).date()).days


# -- into the model ------------------------------------------------------------------------


class _Lezer:
    """Turns one snapshot into items of `wijk`; every problem is a warning about that file.

    The editors can't fix a wijk website's item by a pull request, so nothing here fails a
    check: an item that can't be used is left out, and the rest stands.
    """

    def __init__(self, wijk: Wijk, bron: Bron, path: str, text: str, snapshot: Momentopname, images: Checker):
        self.wijk, self.bron, self.path, self.text, self.snapshot, self.images = wijk, bron, path, text, snapshot, images
        self.problems: list[Problem] = []

    def warn(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, line, message, fatal=False, warning=True))

    def line(self, ident: str) -> int:
        """The line of the item `ident` in the file: where its `"id"` is."""
        needle = f'"id": {json.dumps(ident, ensure_ascii=False)}'
        at = self.text.find(needle)
        return self.text.count("\n", 0, at) + 1 if at >= 0 else 1

    def items(self) -> list[Item]:
        found = []
        for record in self.snapshot.items:
            ident = str(record.get("id", "")) if isinstance(record, dict) else ""
            why = fout(self.bron, record)
            if why is not None:
                self.warn(
                    self.line(ident),
                    f"een opgehaald item ({ident or 'zonder id'}) is onbruikbaar en staat niet op de site ({why});"
                    " haal de bron opnieuw op met 'make ophalen'",
                )
                continue
            item = _FACTORIES[self.bron.sleutel](self, record)
            if item is not None:
                found.append(item)
        return found

    def link(self, record: dict[str, Any]) -> str:
        """Where the original is: the item's own link, else the site's, else the source; only http(s)."""
        candidates = (record.get("link"), self.snapshot.link, self.snapshot.url, getattr(self.wijk, self.bron.sleutel))
        return next((c for c in candidates if isinstance(c, str) and veilig.http_adres(c)), "")

    def base(self, record: dict[str, Any]) -> dict[str, Any]:
        return {
            "wijk": self.wijk.slug,
            "slug": record["slug"],
            "source": self.path,
            "titel": record["titel"],
            "body": inhoud(veilig.schoon(record.get("html") or "", self.link(record))),
            "lines": {},
        }

    def origineel(self, record: dict[str, Any]) -> Origineel:
        # The site an item came from is its own: a wijk that moves its feed elsewhere keeps the
        # credit of the old items with the old site.
        return Origineel(record.get("site") or self.snapshot.site or urlsplit(self.link(record)).hostname or "", self.link(record))

    def afbeelding(self, record: dict[str, Any]) -> Afbeelding | None:
        value = record.get("afbeelding")
        if not value:
            return None
        # The file is written from the snapshot's own place, as a page's `afbeelding` is.
        afbeelding, problems = self.images.afbeelding(
            {"bestand": value["bestand"], "alt": value.get("alt") or ""}, Plek(self.path, self.line(record["id"]))
        )
        for problem in problems:
            self.warn(problem.line, problem.message)
        return afbeelding


def _bericht(lezer: _Lezer, record: dict[str, Any]) -> Bericht:
    return Bericht(
        **lezer.base(record),
        datum=_moment(record["datum"]).astimezone(TZ).date(),
        auteur=record.get("auteur") or None,
        samenvatting=record.get("samenvatting") or None,
        afbeelding=lezer.afbeelding(record),
        origineel=lezer.origineel(record),
    )


def _activiteit(lezer: _Lezer, record: dict[str, Any]) -> Activiteit | None:
    activiteit = Activiteit(
        **lezer.base(record),
        start=_moment(record["start"]),
        eind=_moment(record["eind"]) if record.get("eind") else None,
        hele_dag=bool(record.get("hele_dag")),
        # Where, as a resident reads it: a calendar may leave LOCATION out; it is in the wijk.
        locatie=str(record.get("locatie") or lezer.wijk.naam),
        herhaling=herhaling_van(record.get("herhaling")),
        afgelast=record.get("afgelast") or None,
        gewijzigd=_moment(record["gewijzigd"]) if record.get("gewijzigd") else None,
        afbeelding=lezer.afbeelding(record),
        origineel=lezer.origineel(record),
    )
    checked, problems = reeks.check(activiteit)
    for problem in problems:
        lezer.warn(lezer.line(record["id"]), f"de herhaling van '{activiteit.titel}': {problem.message}")
    return None if any(p.fatal for p in problems) else checked


_FACTORIES = {FEED.sleutel: _bericht, KALENDER.sleutel: _activiteit}


def lees(root: Path, folder: Path, wijk: Wijk, images: Checker, vandaag: date) -> tuple[list[Item], list[Problem]]:
    """The imported items of `wijk` (its folder is `folder`), and the warnings for its editors.

    Only the sources its `index.md` still names count: the key is the switch.
    """
    items: list[Item] = []
    problems: list[Problem] = []
    for bron in BRONNEN:
        url = getattr(wijk, bron.sleutel)
        file = pad(folder, bron)
        if not url or not file.is_file():
            continue
        path = file.relative_to(root).as_posix()
        try:
            text = file.read_text(encoding="utf-8")
            snapshot = Momentopname.van(text)
        except (OSError, UnicodeDecodeError, ValueError) as error:
            line = getattr(error, "lineno", 1)
            problems.append(
                Problem(
                    path,
                    line,
                    f"dit bestand van 'make ophalen' is onleesbaar ({error}); haal de bron opnieuw op met 'make ophalen'",
                    fatal=False,
                    warning=True,
                )
            )
            continue
        lezer = _Lezer(wijk, bron, path, text, snapshot, images)
        items.extend(lezer.items())
        problems.extend(lezer.problems)
        if snapshot.mislukt_sinds and dagen_oud(snapshot.mislukt_sinds, vandaag) >= TE_LANG_MISLUKT.days:
            problems.append(_te_lang(wijk, bron, snapshot, vandaag))
    return items, problems


def _te_lang(wijk: Wijk, bron: Bron, snapshot: Momentopname, vandaag: date) -> Problem:
    assert snapshot.mislukt_sinds is not None
    sinds = snapshot.mislukt_sinds.astimezone(TZ).date()
    stand = f"van {dutch_date(snapshot.gewijzigd.astimezone(TZ).date())}" if snapshot.gewijzigd else "van de vorige keer"
    return Problem(
        wijk.source,
        wijk.lines.get(bron.sleutel, 1),
        f"{bron.naam} ({snapshot.url}) kan al {dagen_oud(snapshot.mislukt_sinds, vandaag)} dagen niet worden opgehaald, sinds"
        f" {dutch_date(sinds)}: {snapshot.reden or 'onbekende fout'}. De site toont de stand {stand}; kijk of het adres nog klopt,"
        f" of haal '{bron.sleutel}' weg als de wijk die site niet meer heeft",
        fatal=False,
        warning=True,
    )
