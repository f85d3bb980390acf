"""One source of a wijk's imported content brought up to date: fetched, read, merged into its snapshot.

What is fair to the source, and what stays when it drops an item (see docs/ophalen.md):
- the text is what the source itself syndicates (a WordPress site chooses between the full
  text and an excerpt for its feed), cleaned, always with "verschenen op" and the link back;
- a bericht the feed no longer lists stays: a feed shows only its latest posts, and the news
  happened all the same;
- an activiteit the calendar no longer lists stays when it is over (the agenda's history), and
  goes when it is still to come: the source took it off its agenda, so we do too, without
  claiming it was cancelled.

A snapshot is written only when something changed, so that an unchanged source makes no commit.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from PIL import Image, UnidentifiedImageError

from bovenwijks.aantal import aantal
from bovenwijks.content.afbeelding import FORMATS, open_image
from bovenwijks.content.afbeelding import MAX_BYTES as FOTO_MAX_BYTES
from bovenwijks.content.opgehaald import FEED, FOTOS, KALENDER, MAP, VERSIE, Bron, Momentopname, dagen_oud, fout, herhaling_van, pad
from bovenwijks.dates import TZ, dutch_date
from bovenwijks.herhaling import laatste
from bovenwijks.model import Activiteit
from bovenwijks.publish.fotos import clean
from bovenwijks.slug import slugify
from bovenwijks.tools.feedbron import Beeld, GeenFeed, lees_feed
from bovenwijks.tools.fetch import Antwoord, Limieten, Mislukt
from bovenwijks.tools.kalenderbron import GeenKalender, lees_kalender

# What `haal` does: a URL and the validators of the last answer → the answer (or Mislukt).
Haal = Callable[..., Antwoord]

# How many items one fetch brings in that were not there before: each may have a photo to
# download, and a feed of a thousand posts must not keep the morning's run from the others.
NIEUW_PER_KEER = 50
# A photo smaller than this on either side is no photo of the item: a tracking pixel, an icon.
MIN_FOTO = 80
_SLUG_TEKENS = 60  # of a title, in an imported item's address
_KEER = re.compile(r"#(?P<jaar>\d{4})(?P<maand>\d{2})(?P<dag>\d{2})(?:T\d{4})?$")


@dataclass
class Uitkomst:
    """How one source went, for the report: `soort` is nieuw, gewijzigd, ongewijzigd, mislukt,
    overgeslagen (an example address) or weg (its key is gone)."""

    soort: str
    tekst: str
    opmerkingen: list[str] = field(default_factory=list)  # what was left out, and why

    @property
    def mislukt(self) -> bool:
        return self.soort == "mislukt"


class _Fotos:
    """The photos of a wijk's imported items, downloaded once into `_opgehaald/fotos/`.

    They are kept without their metadata (orientation applied first), as the site's copies
    are: nothing of a camera's EXIF needs to be in the repository either.
    """

    def __init__(self, folder: Path, haal: Haal, oud: dict[str, dict[str, Any]]):
        self.folder, self.haal = folder / MAP / FOTOS, haal
        # What was downloaded before, by the address it came from: fetched again never.
        self.bekend = {a["url"]: a for a in oud.values() if a.get("url") and (folder / MAP / a["bestand"]).is_file()}
        self.opmerkingen: list[str] = []

    def foto(self, beeld: Beeld | None) -> dict[str, Any] | None:
        if beeld is None:
            return None
        known = self.bekend.get(beeld.url)
        if known is not None:
            return {**known, "alt": beeld.alt}
        try:
            antwoord = self.haal(beeld.url, limieten=Limieten(max_bytes=FOTO_MAX_BYTES))
            data, suffix = _zonder_metadata(antwoord.body)
        except Mislukt as error:
            self.opmerkingen.append(f"foto {beeld.url} niet opgehaald: {error}")
            return None
        except _GeenFoto as error:
            self.opmerkingen.append(f"foto {beeld.url} overgeslagen: {error}")
            return None
        name = f"{hashlib.sha256(antwoord.body).hexdigest()[:16]}{suffix}"
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / name).write_bytes(data)
        found = self.bekend[beeld.url] = {"bestand": f"{FOTOS}/{name}", "alt": beeld.alt, "url": beeld.url}
        return found


class _GeenFoto(ValueError):
    pass


# What a wijk's website may show: what editors may upload (MPO is a phone's JPEG), HEIC aside.
_FORMATS = {name for name, kind in FORMATS.items() if kind != "HEIC"}
_BEWAREN = 2048  # pixels across, at most, of a photo kept: twice the widest copy the site makes


def _zonder_metadata(body: bytes) -> tuple[bytes, str]:
    """The photo in `body` through the photo pipeline's `clean` (upright, in sRGB, without EXIF,
    XMP, IPTC or profile), as JPEG (PNG when it is transparent); and its suffix."""
    try:
        with open_image(io.BytesIO(body)) as image:
            if image.format not in _FORMATS:
                raise _GeenFoto(f"de site toont alleen JPEG, PNG en WebP, dit is {image.format or 'onbekend'}")
            width, height = image.size
            # Before a pixel is read: Pillow only warns up to twice its limit, and decodes it all.
            if Image.MAX_IMAGE_PIXELS and width * height > Image.MAX_IMAGE_PIXELS:
                raise _GeenFoto(f"te groot ({width}×{height} pixels) om veilig te openen")
            if min(width, height) < MIN_FOTO:
                raise _GeenFoto(f"te klein ({width}×{height} pixels) om een foto van het bericht te zijn")
        photo = clean(io.BytesIO(body), keep=_BEWAREN)  # type: ignore[arg-type]
        photo.thumbnail((_BEWAREN, _BEWAREN))
        out = io.BytesIO()
        if photo.mode == "RGBA":
            photo.save(out, "PNG", optimize=True)
            return out.getvalue(), ".png"
        photo.convert("RGB").save(out, "JPEG", quality=90)
        return out.getvalue(), ".jpg"
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise _GeenFoto(f"geen leesbare foto ({error})") from error


def keer_datum(ident: str) -> date | None:
    """The day of a time of a series that stands alone (`UID#20270121`: a moved time, or one of a
    series written out); None for any other id."""
    found = _KEER.search(ident)
    return date(int(found["jaar"]), int(found["maand"]), int(found["dag"])) if found else None


def _titel(ident: str, titel: str) -> str:
    """The title residents read: a time that stands alone says its day, beside its series."""
    keer = keer_datum(ident)
    return f"{titel} op {dutch_date(keer)}" if keer else titel


class _Slugs:
    """The addresses of imported items: made once from the title, then kept for that id.

    `eigen` are the addresses of the wijk's own pages of that kind: an imported item never
    takes one, and gives up its own when a page of the wijk takes it later.
    """

    def __init__(self, eigen: set[str], oud: dict[str, dict[str, Any]]):
        self.eigen = set(eigen)
        self.bezet = self.eigen | {r["slug"] for r in oud.values()}
        self.oud = oud

    def slug(self, ident: str, titel: str) -> str:
        known = self.oud.get(ident)
        if known is not None and known["slug"] not in self.eigen:
            return known["slug"]
        full = slugify(titel)
        # Cut between words, as a title is read: `...-vanaf-1-december`, never `...-1-decemb`.
        base = (full if len(full) <= _SLUG_TEKENS else full[: _SLUG_TEKENS + 1].rsplit("-", 1)[0]).strip("-") or "item"
        # A time of a series that stands alone (`UID#20270121`): its own date in its address.
        keer = keer_datum(ident)
        if keer:
            base = f"{base}-{keer.isoformat()}"
        slug, n = base, 1
        while slug in self.bezet:
            n += 1
            slug = f"{base}-{n}"
        self.bezet.add(slug)
        return slug


@dataclass
class _Gelezen:
    """What one fetch of a source gave: the site's name and home, its items as records, and
    what was left out (in Dutch, for the report)."""

    site: str
    link: str
    records: list[dict[str, Any]]
    opmerkingen: list[str]
    wachtend: int = 0  # new items over the cap, for the next fetch


def _nieuw_begrensd(
    items: list, ident: Callable[[Any], str], bekend: set[str], opmerkingen: list[str], woorden: tuple[str, str]
) -> tuple[list, int]:
    """`items` (in the order they matter: the newest news, the nearest times) with at most
    `NIEUW_PER_KEER` of them new, and how many new ones wait; those come in with the next
    fetches, and the report says so. What the snapshot has already is always kept."""
    kept, new = [], 0
    for item in items:
        if ident(item) not in bekend:
            new += 1
            if new > NIEUW_PER_KEER:
                continue
        kept.append(item)
    rest = max(0, new - NIEUW_PER_KEER)
    if rest:
        opmerkingen.append(f"nog {aantal(rest, 'nieuw ' + woorden[0], 'nieuwe ' + woorden[1])}: die komen de volgende keer")
    return kept, rest


def _berichten(body: bytes, url: str, vandaag: date, slugs: _Slugs, fotos: _Fotos) -> _Gelezen:
    feed = lees_feed(body, url)
    opmerkingen = list(feed.overgeslagen)
    berichten = sorted(feed.berichten, key=lambda b: b.datum, reverse=True)
    berichten, wachtend = _nieuw_begrensd(berichten, lambda b: b.guid, set(slugs.oud), opmerkingen, _WOORDEN[FEED.sleutel])
    records = [
        {
            "id": b.guid,
            "slug": slugs.slug(b.guid, b.titel),
            "titel": b.titel,
            "datum": b.datum.astimezone(TZ).isoformat(),
            "link": b.link,
            "site": feed.site,
            "html": b.html,
            "samenvatting": b.samenvatting,
            "auteur": b.auteur,
            "afbeelding": fotos.foto(b.beeld),
        }
        for b in berichten
    ]
    return _Gelezen(feed.site, feed.link or "", records, opmerkingen, wachtend)


def _activiteiten(body: bytes, url: str, vandaag: date, slugs: _Slugs, fotos: _Fotos) -> _Gelezen:
    kalender = lees_kalender(body, url, vandaag)
    opmerkingen = list(kalender.overgeslagen)

    # What is still to come first, nearest first; then what is over, the latest first.
    def voorbij(a) -> bool:
        return not a.herhaling and (a.eind or a.start).astimezone(TZ).date() < vandaag

    op_tijd = sorted(kalender.activiteiten, key=lambda a: (a.start, a.uid))
    activiteiten = [a for a in op_tijd if not voorbij(a)] + [a for a in reversed(op_tijd) if voorbij(a)]
    activiteiten, wachtend = _nieuw_begrensd(activiteiten, lambda a: a.uid, set(slugs.oud), opmerkingen, _WOORDEN[KALENDER.sleutel])
    records = [
        {
            "id": a.uid,
            "slug": slugs.slug(a.uid, a.titel),
            "titel": _titel(a.uid, a.titel),
            "start": a.start.isoformat(),
            "eind": a.eind.isoformat() if a.eind else None,
            "hele_dag": a.hele_dag,
            "locatie": a.locatie,
            "html": a.html,
            "link": a.link,
            "site": kalender.site,
            "afgelast": a.afgelast,
            "herhaling": a.herhaling,
            "gewijzigd": a.gewijzigd.isoformat() if a.gewijzigd else None,
        }
        for a in activiteiten
    ]
    return _Gelezen(kalender.site, "", records, opmerkingen, wachtend)


def _voorbij(record: dict[str, Any], vandaag: date) -> bool:
    """Whether an imported activiteit is over: its last time (a series with `tot` or `aantal`
    has one) ended before `vandaag`."""
    activiteit = Activiteit(
        wijk="",
        slug=record["slug"],
        source="",
        titel=record["titel"],
        start=datetime.fromisoformat(record["start"]),
        eind=datetime.fromisoformat(record["eind"]) if record.get("eind") else None,
        herhaling=herhaling_van(record.get("herhaling")),
    )
    keer = laatste(activiteit)
    return keer is not None and (keer.eind or keer.start).astimezone(TZ).date() < vandaag


def _blijft(bron: Bron, record: dict[str, Any], vandaag: date) -> bool:
    """Whether an item the source no longer lists stays (see the module's docstring)."""
    return bron is FEED or _voorbij(record, vandaag)


_LEZERS = {FEED.sleutel: _berichten, KALENDER.sleutel: _activiteiten}
_GEEN = (GeenFeed, GeenKalender)
_WOORDEN = {FEED.sleutel: ("bericht", "berichten"), KALENDER.sleutel: ("activiteit", "activiteiten")}


def _lees(path: Path) -> Momentopname | None:
    try:
        return Momentopname.van(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None


def werk_bij(folder: Path, bron: Bron, url: str, *, haal: Haal, nu: datetime, bezet: set[str]) -> Uitkomst:
    """Bring the snapshot of `bron` in the wijk's `folder` up to date from `url`.

    `haal` fetches (`fetch.haal` with the User-Agent and `lokaal` bound); `nu` is the time of
    this run; `bezet` are the slugs of the wijk's own items of that kind, which an imported
    item never takes.
    """
    path = pad(folder, bron)
    oud = _lees(path) if path.is_file() else None
    vandaag = nu.astimezone(TZ).date()
    # Validators only for the same address, read by this version: else everything is read anew.
    # Nor when a page of the wijk took an imported item's address: that item needs another.
    herkend = (
        oud is not None
        and oud.url == url
        and oud.versie == VERSIE
        and not oud.mislukt_sinds
        and not any(isinstance(r, dict) and r.get("slug") in bezet for r in oud.items)
    )
    try:
        antwoord = haal(url, etag=oud.etag if herkend else None, last_modified=oud.last_modified if herkend else None)
        if antwoord.status == 304:
            return Uitkomst("ongewijzigd", "ongewijzigd (de server zegt: niets nieuws)")
        # A record a hand edit broke is left out (the build warns about it too), never a traceback.
        oude_items = {r["id"]: r for r in oud.items if fout(bron, r) is None} if oud else {}
        slugs = _Slugs(bezet, oude_items)
        fotos = _Fotos(folder, haal, {i: r["afbeelding"] for i, r in oude_items.items() if r.get("afbeelding")})
        gelezen = _LEZERS[bron.sleutel](antwoord.body, antwoord.url, vandaag, slugs, fotos)
    except (Mislukt, *_GEEN) as error:
        return _mislukt(path, bron, url, oud, str(error), nu)
    site, link, records = gelezen.site, gelezen.link, gelezen.records
    if oud is not None and len(oude_items) < len(oud.items):
        gelezen.opmerkingen.append(
            f"{aantal(len(oud.items) - len(oude_items), 'onbruikbaar item', 'onbruikbare items')} uit de vorige stand weggelaten"
        )
    nieuw = {r["id"]: r for r in records}
    gebleven = {i: {**r, "slug": slugs.slug(i, r["titel"])} for i, r in oude_items.items() if i not in nieuw and _blijft(bron, r, vandaag)}
    items = {**gebleven, **nieuw}
    snapshot = Momentopname(
        url=url,
        site=site or urlsplit(url).hostname or url,
        link=link or f"{urlsplit(antwoord.url).scheme}://{urlsplit(antwoord.url).netloc}/",
        # Without the validators while new items wait: else the next fetch is a 304, and they never come.
        etag=None if gelezen.wachtend else antwoord.etag,
        last_modified=None if gelezen.wachtend else antwoord.last_modified,
        gewijzigd=nu,
        items=list(items.values()),
    )
    een, meer = _WOORDEN[bron.sleutel]
    opmerkingen = [*gelezen.opmerkingen, *fotos.opmerkingen]
    if oud is None or oud.url != url or oud.gewijzigd is None:
        _schrijf(path, snapshot)
        return Uitkomst("nieuw", f"nieuw: {aantal(len(items), een, meer)}", opmerkingen)
    toegevoegd = [i for i in nieuw if i not in oude_items]
    # An item the feed no longer lists may still have a new address (a page of the wijk took its old one).
    bijgewerkt = [i for i in items if i in oude_items and oude_items[i] != items[i]]
    weg = [i for i in oude_items if i not in items]
    if not (toegevoegd or bijgewerkt or weg) and (oud.site, oud.link) == (snapshot.site, snapshot.link) and oud.versie == VERSIE:
        if oud.mislukt_sinds:
            # Working again: the failure goes, and the items are as they were.
            _schrijf(path, replace(oud, mislukt_sinds=None, reden=None))
            return Uitkomst("ongewijzigd", "ongewijzigd, en weer bereikbaar", opmerkingen)
        return Uitkomst("ongewijzigd", "ongewijzigd", opmerkingen)
    _schrijf(path, snapshot)
    parts = [
        f"{len(toegevoegd)} nieuw" if toegevoegd else "",
        f"{len(bijgewerkt)} bijgewerkt" if bijgewerkt else "",
        f"{len(weg)} weg" if weg else "",
    ]
    return Uitkomst("gewijzigd", "gewijzigd: " + (", ".join(p for p in parts if p) or "de gegevens van de bron"), opmerkingen)


def _mislukt(path: Path, bron: Bron, url: str, oud: Momentopname | None, reden: str, nu: datetime) -> Uitkomst:
    """Keep the last good snapshot, and write down since when and why fetching fails."""
    vandaag = nu.astimezone(TZ).date()
    if oud is None:
        _schrijf(path, Momentopname(url=url, mislukt_sinds=nu, reden=reden))
        return Uitkomst("mislukt", f"mislukt: {reden}. Er is nog niets van opgehaald")
    sinds = oud.mislukt_sinds or nu
    if (oud.mislukt_sinds, oud.reden) != (sinds, reden):
        _schrijf(path, replace(oud, mislukt_sinds=sinds, reden=reden))
    stand = (
        f"van {dutch_date(oud.gewijzigd.astimezone(TZ).date())}, {aantal(dagen_oud(oud.gewijzigd, vandaag), 'dag', 'dagen')} oud"
        if oud.gewijzigd
        else "van eerder"
    )
    een, meer = _WOORDEN[bron.sleutel]
    kept = f"De vorige stand blijft staan ({aantal(len(oud.items), een, meer)}, {stand})" if oud.items else "Er is nog niets van opgehaald"
    since = f"; dit mislukt al sinds {dutch_date(sinds.astimezone(TZ).date())}" if oud.mislukt_sinds else ""
    return Uitkomst("mislukt", f"mislukt: {reden}. {kept}{since}")


def _schrijf(path: Path, snapshot: Momentopname) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(snapshot.json(), encoding="utf-8")


def ruim_op(folder: Path) -> list[str]:
    """Remove the downloaded photos no snapshot of the wijk in `folder` uses any more; their names."""
    fotos = folder / MAP / FOTOS
    if not fotos.is_dir():
        return []
    used = set()
    for bron in (FEED, KALENDER):
        snapshot = _lees(pad(folder, bron))
        for record in snapshot.items if snapshot else ():
            if fout(bron, record) is None and record.get("afbeelding"):
                used.add(record["afbeelding"]["bestand"])
    removed = []
    for file in sorted(fotos.iterdir()):
        if f"{FOTOS}/{file.name}" not in used:
            file.unlink()
            removed.append(file.name)
    return removed
