"""What `bovenwijks ophalen` fetched from the other cities a city exchanges knowledge with.

A city names them in its `mkdocs.yml`: `andere_steden` of `bovenwijks/wijken`, a list of
`{naam, url}`. The fetch step (`tools/andere_steden.py`) reads the open data they publish,
`/data/initiatieven.json`, `/data/kennis.json` and `/data/vocabulaire.json`, and keeps of it
what the kennisuitwisseling shows, who offers which know-how, in one snapshot per city:
`wijken/_steden/<stad>.json`. The loader skips folders that start with `_`; the build reads
only these files and never goes online.

This module is the one place that knows those files: the step that writes them and the build
that reads them both use `Momentopname`. A snapshot is a file a pull request can change, so
every record is checked again here, and a broken one is left out with a warning.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urlsplit

from bovenwijks.aantal import aantal
from bovenwijks.content.opgehaald import TE_LANG_MISLUKT, dagen_oud
from bovenwijks.content.problem import Problem
from bovenwijks.content.veilig import http_adres
from bovenwijks.dates import TZ, dutch_date
from bovenwijks.keuzes import SOORT, STATUS
from bovenwijks.model import Aanbod, AndereStad, Vocabulaire
from bovenwijks.slug import slugify

MAP = "_steden"  # in the folder of the wijken
VERSIE = 1  # of the snapshot's fields; another version is fetched again in full
OPTIE = "andere_steden"  # of bovenwijks/wijken in mkdocs.yml
MKDOCS_YML = "mkdocs.yml"
# The open data files read, under `/data/` of the other city's site.
BESTANDEN = ("initiatieven", "kennis", "vocabulaire")
# The list of the snapshot that each of them fills.
BESTANDEN_LIJST = {"initiatieven": "initiatieven", "kennis": "kennis", "vocabulaire": "onderwerpen"}
# Another city's text is shown in a list: a title or toelichting longer than this is cut.
MAX_TEKST = 300


@dataclass(frozen=True)
class Stadbron:
    """One entry of `andere_steden`: a city's name as residents say it, and its site."""

    naam: str
    url: str  # ends in `/`

    @property
    def slug(self) -> str:
        """The name of its snapshot: `utrecht` for Utrecht."""
        return slugify(self.naam)

    def data(self, bestand: str) -> str:
        """The address of one of its open data files: `https://utrecht.example/data/kennis.json`."""
        return f"{self.url}data/{bestand}.json"

    def eigen(self, url: str) -> bool:
        """Whether `url` is a page of this city's site: the same host and port, and below its path.

        An address that Python and a browser could read differently is not: a backslash,
        whitespace or a control character, a user name (`https://kwaad.test\\@stad/` goes to
        kwaad.test in a browser), or a `.` or `..` in the path.
        """
        if any(c == "\\" or c.isspace() or not c.isprintable() for c in url):
            return False
        site, adres = urlsplit(self.url), urlsplit(url)
        try:
            plaats = (adres.hostname or "", adres.port)
        except ValueError:  # a port that is no number
            return False
        if adres.scheme.lower() not in ("http", "https") or "@" in adres.netloc or plaats != (site.hostname or "", site.port):
            return False
        pagina = unquote(adres.path)
        if any(deel in (".", "..") for deel in pagina.split("/")):
            return False
        basis = PurePosixPath(site.path or "/").parts
        return PurePosixPath(pagina or "/").parts[: len(basis)] == basis


def stadbronnen(value: Any, eigen_url: str = "") -> list[Stadbron]:
    """The cities of the `andere_steden` option; ValueError in Dutch when it can't be read.

    Each is a mapping with `naam` and an http(s) `url`; no two share a name, and none is
    this city itself (`eigen_url`).
    """
    if value in (None, ""):
        return []
    if not isinstance(value, list):
        raise ValueError(f"{OPTIE} hoort een lijst te zijn, met per stad '- naam: Utrecht' en 'url: https://...'")
    steden: list[Stadbron] = []
    for n, entry in enumerate(value, 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("naam"), str) or not isinstance(entry.get("url"), str):
            raise ValueError(f"{OPTIE}: stad {n} heeft een 'naam' en een 'url' nodig, zoals '- naam: Utrecht' en 'url: https://...'")
        onbekend = sorted(set(entry) - {"naam", "url"})
        if onbekend:
            raise ValueError(f"{OPTIE}: stad {n} heeft onbekende sleutels ({', '.join(onbekend)}); kies uit: naam, url")
        naam, url = entry["naam"].strip(), http_adres(entry["url"].strip())
        if not naam:
            raise ValueError(f"{OPTIE}: stad {n} heeft geen naam")
        if not slugify(naam):
            raise ValueError(f"{OPTIE}: van de naam '{naam}' (stad {n}) is geen bestandsnaam te maken; schrijf hem met de letters a tot z")
        if url is None or not urlsplit(url).hostname:
            raise ValueError(f"{OPTIE}: '{entry['url']}' van {naam} is geen http- of https-adres van een site")
        if "?" in url or "#" in url:  # also an empty query or fragment
            raise ValueError(f"{OPTIE}: '{entry['url']}' van {naam} hoort het adres van de site te zijn, zonder '?' of '#'")
        stad = Stadbron(naam, url if url.endswith("/") else url + "/")
        if any(s.slug == stad.slug for s in steden):
            raise ValueError(f"{OPTIE}: {naam} staat er twee keer in")
        if eigen_url and _plaats(stad.url) == _plaats(eigen_url):
            raise ValueError(f"{OPTIE}: {stad.url} is het adres van deze site zelf")
        steden.append(stad)
    return steden


def _plaats(url: str) -> tuple[str, str]:
    """A site's host and path, which name it whatever the scheme or the case of its host."""
    parts = urlsplit(url)
    return (parts.netloc.lower(), parts.path.rstrip("/"))


def pad(wijken_folder: Path, stad: Stadbron | str) -> Path:
    """The snapshot of `stad` (or of the city with that slug) in the folder of the wijken."""
    return Path(wijken_folder) / MAP / f"{stad.slug if isinstance(stad, Stadbron) else stad}.json"


def _moment(value: Any, key: str) -> datetime | None:
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
        moment = moment if moment.tzinfo else moment.replace(tzinfo=TZ)
        moment.astimezone(TZ)  # pages show it in Amsterdam: near year 1 or 9999 that overflows, so fail here
        return moment
    except (TypeError, ValueError, OverflowError):
        raise ValueError(f"'{key}' is geen datum en tijd ({value!r})") from None


def gesorteerd(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Records in the order a snapshot keeps them: by id, whatever order the city publishes."""
    return sorted(records, key=lambda r: str(r.get("id")) if isinstance(r, dict) else "")


@dataclass
class Momentopname:
    """The snapshot of one other city: what we keep of its open data, and how fetching goes.

    `initiatieven` are its initiatieven that offer something (`id`, `url`, `titel`, `wijk`,
    `status`, `biedt` as `[{onderwerp, toelichting}]`), `kennis` its ervaringen (`id`, `url`,
    `titel`, `wijk`, `onderwerpen`, `datum`), `onderwerpen` its vocabulary (`id`, `naam`),
    each in its own ids. `validators` keep each file's ETag and Last-Modified.
    """

    naam: str
    url: str
    versie: int = VERSIE
    data_versie: int | None = None  # of the open data it publishes
    gewijzigd: datetime | None = None
    mislukt_sinds: datetime | None = None
    reden: str | None = None
    validators: dict[str, dict[str, str | None]] = field(default_factory=dict)
    initiatieven: list[dict[str, Any]] = field(default_factory=list)
    kennis: list[dict[str, Any]] = field(default_factory=list)
    onderwerpen: list[dict[str, Any]] = field(default_factory=list)

    def json(self) -> str:
        """The snapshot as its file holds it: records sorted by id and indented, so that a change reads as a diff."""
        data = {
            "versie": self.versie,
            "naam": self.naam,
            "url": self.url,
            "data_versie": self.data_versie,
            "gewijzigd": self.gewijzigd.isoformat() if self.gewijzigd else None,
            "mislukt_sinds": self.mislukt_sinds.isoformat() if self.mislukt_sinds else None,
            "reden": self.reden,
            "validators": {k: self.validators[k] for k in sorted(self.validators)},
            **{lijst: gesorteerd(getattr(self, lijst)) for lijst in BESTANDEN_LIJST.values()},
        }
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"

    @classmethod
    def van(cls, text: str) -> Momentopname:
        """The snapshot in a file's `text`; ValueError (in Dutch) when it is no snapshot.

        Only the head is checked here; `aanbod` checks every record.
        """
        try:
            data = json.loads(text)
        except RecursionError:
            raise ValueError("de lijsten erin zijn te diep genest") from None
        if not isinstance(data, dict) or not isinstance(data.get("naam"), str) or not isinstance(data.get("url"), str):
            raise ValueError("dit is geen momentopname van een andere stad (naam of url ontbreekt)")
        for key in ("reden", "gewijzigd", "mislukt_sinds"):
            if data.get(key) is not None and not isinstance(data[key], str):
                raise ValueError(f"'{key}' hoort tekst te zijn")
        for key in ("versie", "data_versie"):
            if data.get(key) is not None and (not isinstance(data[key], int) or isinstance(data[key], bool)):
                raise ValueError(f"'{key}' hoort een getal te zijn")
        for key in BESTANDEN_LIJST.values():
            if not isinstance(data.get(key, []), list):
                raise ValueError(f"'{key}' hoort een lijst te zijn")
        if not isinstance(data.get("validators", {}), dict):
            raise ValueError("'validators' hoort een object te zijn")
        validators = {
            k: {"etag": v.get("etag"), "last_modified": v.get("last_modified")}
            for k, v in data.get("validators", {}).items()
            if k in BESTANDEN and isinstance(v, dict) and all(isinstance(v.get(x), str | None) for x in ("etag", "last_modified"))
        }
        return cls(
            naam=data["naam"],
            url=data["url"],
            versie=data.get("versie") or 0,
            data_versie=data.get("data_versie"),
            gewijzigd=_moment(data.get("gewijzigd"), "gewijzigd"),
            mislukt_sinds=_moment(data.get("mislukt_sinds"), "mislukt_sinds"),
            reden=data.get("reden"),
            validators=validators,
            **{lijst: data.get(lijst, []) for lijst in BESTANDEN_LIJST.values()},
        )


def kort(text: str) -> str:
    """Another city's text as a list shows it: on one line, and cut at `MAX_TEKST` characters."""
    text = " ".join(text.split())
    return text if len(text) <= MAX_TEKST else text[: MAX_TEKST - 1].rstrip() + "…"


def _tekst(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _datum(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _pagina_fout(record: Any, stad: Stadbron, soort: str) -> str | None:
    """What is wrong with the fields every kept record has, a page of `stad`."""
    if not isinstance(record, dict):
        return f"een {soort} is geen object"
    for key in ("id", "url", "titel"):
        if not _tekst(record.get(key)):
            return f"een {soort} mist '{key}'"
    for key in ("wijk", "status", "datum"):
        if record.get(key) is not None and not isinstance(record[key], str):
            return f"'{record['titel']}': '{key}' is geen tekst"
    if not stad.eigen(record["url"]):
        return f"'{record['titel']}' linkt naar {record['url']}, buiten de site van {stad.naam}"
    return None


def initiatief_fout(record: Any, stad: Stadbron) -> str | None:
    """What is wrong with a kept initiatief record, in Dutch; None when it can be shown."""
    fout = _pagina_fout(record, stad, "initiatief")
    if fout:
        return fout
    biedt = record.get("biedt")
    if not isinstance(biedt, list) or not all(isinstance(r, dict) and _tekst(r.get("onderwerp")) for r in biedt):
        return f"'{record['titel']}' heeft geen bruikbare 'biedt'"
    if any(r.get("toelichting") is not None and not isinstance(r["toelichting"], str) for r in biedt):
        return f"'{record['titel']}': een toelichting is geen tekst"
    return None


def kennis_fout(record: Any, stad: Stadbron) -> str | None:
    """What is wrong with a kept ervaring record, in Dutch; None when it can be shown."""
    fout = _pagina_fout(record, stad, "ervaring")
    if fout:
        return fout
    onderwerpen = record.get("onderwerpen")
    if not isinstance(onderwerpen, list) or not all(_tekst(o) for o in onderwerpen):
        return f"'{record['titel']}' heeft geen bruikbare 'onderwerpen'"
    return None


def _aanbod(snapshot: Momentopname, stad: Stadbron, vocabulaire: Vocabulaire) -> tuple[list[Aanbod], int]:
    """What `stad` offers on our onderwerpen, and how many records were left out as broken."""
    aanbod: list[Aanbod] = []
    kapot = 0
    # A page once per onderwerp of ours: two of its onderwerpen may be one of ours, and a
    # snapshot edited by hand may hold a record twice.
    gezien: set[tuple[str, str]] = set()
    for record in snapshot.initiatieven:
        if initiatief_fout(record, stad):
            kapot += 1
            continue
        status = record.get("status") if record.get("status") in STATUS else None
        for regel in record["biedt"]:
            onderwerp = vocabulaire.onderwerp_van_elders(regel["onderwerp"])
            if onderwerp and (onderwerp, record["url"]) not in gezien:
                gezien.add((onderwerp, record["url"]))
                toelichting = regel.get("toelichting")
                aanbod.append(
                    Aanbod(
                        stad.naam,
                        onderwerp,
                        kort(record["titel"]),
                        record["url"],
                        "initiatief",
                        kort(toelichting) if toelichting else None,
                        status,
                    )
                )
    for record in snapshot.kennis:
        if kennis_fout(record, stad):
            kapot += 1
            continue
        for onderwerp in dict.fromkeys(filter(None, map(vocabulaire.onderwerp_van_elders, record["onderwerpen"]))):
            if (onderwerp, record["url"]) in gezien:
                continue
            gezien.add((onderwerp, record["url"]))
            aanbod.append(
                Aanbod(stad.naam, onderwerp, kort(record["titel"]), record["url"], SOORT["ervaring"].id, datum=_datum(record.get("datum")))
            )
    return aanbod, kapot


def regel(root: Path, stad: Stadbron, env_text: str | None = None) -> int:
    """The line of `mkdocs.yml` that names `stad`'s address, for a message about it; 1 when not found."""
    try:
        text = env_text if env_text is not None else (Path(root) / MKDOCS_YML).read_text(encoding="utf-8")
    except OSError:
        return 1
    kaal = stad.url.rstrip("/")
    return next((n for n, line in enumerate(text.splitlines(), 1) if kaal in line), 1)


def _waarschuwing(path: str, line: int, message: str) -> Problem:
    return Problem(path, line, message, fatal=False, warning=True)


def lees(
    root: Path, wijken_dir: str, steden: Iterable[Stadbron], vocabulaire: Vocabulaire, vandaag: date
) -> tuple[list[AndereStad], list[Problem]]:
    """What each of `steden` offers on our onderwerpen, from its snapshot; and the warnings.

    A city without a snapshot offers nothing yet (`bovenwijks ophalen` fetches it); a broken
    snapshot or record is a warning, never a failure: it is not the editors' own text. A city
    that could not be fetched for a week is a warning at its line of `mkdocs.yml`.
    """
    result: list[AndereStad] = []
    problems: list[Problem] = []
    for stad in steden:
        path = pad(Path(root) / wijken_dir, stad)
        bestand = path.relative_to(root).as_posix()
        if not path.is_file():
            result.append(AndereStad(stad.naam, stad.url))
            continue
        try:
            snapshot = Momentopname.van(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as error:
            problems.append(
                _waarschuwing(bestand, 1, f"de momentopname van {stad.naam} is onleesbaar ({error}); draai 'make ophalen' opnieuw")
            )
            result.append(AndereStad(stad.naam, stad.url))
            continue
        if snapshot.versie != VERSIE:
            problems.append(
                _waarschuwing(
                    bestand,
                    1,
                    f"de momentopname van {stad.naam} is van versie {snapshot.versie}, niet {VERSIE}; draai 'make ophalen' opnieuw",
                )
            )
            result.append(AndereStad(stad.naam, stad.url))
            continue
        if snapshot.url != stad.url:
            # Fetched from another address: the next `ophalen` fetches the new one.
            result.append(AndereStad(stad.naam, stad.url))
            continue
        aanbod, kapot = _aanbod(snapshot, stad, vocabulaire)
        if kapot:
            problems.append(
                _waarschuwing(
                    bestand,
                    1,
                    f"{aantal(kapot, 'onbruikbaar record', 'onbruikbare records')} van {stad.naam} weggelaten; draai 'make ophalen' opnieuw",
                )
            )
        if snapshot.mislukt_sinds and vandaag - snapshot.mislukt_sinds.astimezone(TZ).date() >= TE_LANG_MISLUKT:
            stand = f"de stand van {dutch_date(snapshot.gewijzigd.astimezone(TZ).date())}" if snapshot.gewijzigd else "niets"
            problems.append(
                _waarschuwing(
                    MKDOCS_YML,
                    regel(root, stad),
                    f"de open data van {stad.naam} ({stad.url}) is al {dagen_oud(snapshot.mislukt_sinds, vandaag)} dagen niet op te halen"
                    f" ({snapshot.reden or 'onbekende reden'}); de site toont {stand}. Klopt het adres nog?",
                )
            )
        result.append(
            AndereStad(stad.naam, stad.url, snapshot.gewijzigd.astimezone(TZ).date() if snapshot.gewijzigd else None, tuple(aanbod))
        )
    return result, problems
