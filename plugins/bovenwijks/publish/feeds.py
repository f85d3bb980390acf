"""RSS 2.0 and Atom feeds: the city's news, each wijk, each thema, the agenda and the kennis.

Which feeds exist and what is in them (`catalog`) is decided from the model alone; writing
them (`FeedWriter`) also needs each item's body as HTML with absolute links, which the
engine renders. Everything that goes into a feed comes from the content, never from the
clock: an item's id is its URL (from its identity), its date comes from its frontmatter,
and a feed's `updated` is its newest item's date, so that two builds are byte-identical.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from html import escape

from feedgen.entry import FeedEntry
from feedgen.feed import FeedGenerator

from bovenwijks.city.agenda import agenda
from bovenwijks.dates import TZ, dutch_date, dutch_hours, dutch_time
from bovenwijks.herhaling import GAAT_NIET_DOOR, Keer, beschrijving
from bovenwijks.keuzes import SOORT
from bovenwijks.model import Activiteit, Bericht, Initiatief, Item, Kennis, Stad, Wijk
from bovenwijks.publish.links import excerpt
from bovenwijks.site.fotos import Rendition, foto
from bovenwijks.site.render import render

RSS = "application/rss+xml"
ATOM = "application/atom+xml"
JSON_FEED = "application/feed+json"


@dataclass(frozen=True)
class Categorie:
    """A category of an entry: a thema, an onderwerp or the wijk, with its list page."""

    term: str
    label: str
    scheme: str  # the URL (relative to the site root) of the list this term belongs to


@dataclass(frozen=True)
class Entry:
    """One item as a feed shows it."""

    item: Item
    titel: str
    datum: datetime  # when it was last news: RSS `pubDate`, Atom `published` and `updated`
    samenvatting: str | None
    auteur: str
    categorieen: tuple[Categorie, ...] = ()
    anker: str = ""  # the part of the item's page this entry is about: `biedt` for an offer

    @property
    def url(self) -> str:
        """The entry's page, relative to the site root; also its id once made absolute."""
        return self.item.url + (f"#{self.anker}" if self.anker else "")


@dataclass
class Feed:
    """One feed, written as RSS and as Atom, and the page of the site it follows."""

    naam: str  # its place under `feeds/`: `stad`, `wijken/oost`, `themas/ontmoeting`
    soort: str  # stad | agenda | kennis | wijk | thema
    titel: str
    beschrijving: str
    pagina: str  # the HTML page with the same items, relative to the site root
    auteur: str
    entries: list[Entry] = field(default_factory=list)
    vandaag: date = date(2000, 1, 1)  # the build day: when an empty feed says it was updated

    @property
    def updated(self) -> datetime:
        """The newest entry's date: a feed changes when its content does, not when it is built."""
        if self.entries:
            return max(e.datum for e in self.entries)
        return _moment(self.vandaag)

    @property
    def rss(self) -> str:
        """The RSS file, relative to the site root."""
        return f"feeds/{self.naam}.rss"

    @property
    def atom(self) -> str:
        """The Atom file, relative to the site root."""
        return f"feeds/{self.naam}.atom"


# -- what is in the feeds ---------------------------------------------------------------


def _moment(day: date) -> datetime:
    """A date from the frontmatter as a moment: the start of that day in Amsterdam."""
    return datetime.combine(day, time(0, 0), TZ)


def _wijk_categorie(wijk: Wijk) -> Categorie:
    return Categorie(wijk.slug, wijk.naam, "wijken/")


def _thema_categorieen(themas: list[str], stad: Stad) -> tuple[Categorie, ...]:
    return tuple(Categorie(t, stad.vocabulaire.thema_naam(t), "themas/") for t in themas)


def _onderwerp_categorieen(onderwerpen: list[str], stad: Stad) -> tuple[Categorie, ...]:
    return tuple(Categorie(o, stad.vocabulaire.onderwerp_naam(o), "kennis/") for o in onderwerpen)


def _bericht(b: Bericht, stad: Stad) -> Entry:
    wijk = stad.wijken[b.wijk]
    moment = _moment(b.datum)
    return Entry(b, b.titel, moment, b.samenvatting, b.auteur or wijk.naam, (_wijk_categorie(wijk),))


def _initiatief(i: Initiatief, stad: Stad) -> Entry | None:
    if i.datum is None:  # without gestart or bijgewerkt it has no moment to be news at
        return None
    wijk = stad.wijken[i.wijk]
    return Entry(
        i,
        f"Initiatief: {i.titel}",
        _moment(i.datum),
        i.samenvatting,
        wijk.naam,
        (_wijk_categorie(wijk), *_thema_categorieen(i.themas, stad)),
    )


def _activiteit(a: Activiteit, stad: Stad) -> Entry:
    wijk = stad.wijken[a.wijk]
    wanneer = _wanneer(a)
    samenvatting = f"{wanneer} · {a.locatie} · {wijk.naam}"
    titel = f"{a.titel} ({beschrijving(a.herhaling, a.datum) if a.herhaling else dutch_date(a.datum)})"
    if a.afgelast:
        titel, samenvatting = f"{GAAT_NIET_DOOR}: {titel}", f"{GAAT_NIET_DOOR}: {a.afgelast} · {samenvatting}"
    # Dated by when it was put on the agenda or changed, as every other entry: a reader sorts by
    # it, and an event's own (future) day is not a date of publication. Its time is in the text.
    moment = a.gewijzigd or a.start
    return Entry(
        a,
        titel,
        moment,
        samenvatting,
        wijk.naam,
        (_wijk_categorie(wijk), *_thema_categorieen(stad.activiteit_themas(a), stad)),
    )


def _wanneer(a: Activiteit) -> str:
    if a.herhaling:
        return f"{beschrijving(a.herhaling, a.datum).capitalize()}, {dutch_hours(a.start, a.eind, a.hele_dag)}"
    start = a.start.astimezone(TZ)
    day = dutch_date(start.date(), weekday=True)
    return day if a.hele_dag else f"{day}, {dutch_time(start)}"


def _kennis(k: Kennis, stad: Stad) -> Entry:
    wijk = stad.wijken[k.wijk]
    soort = SOORT[k.soort].naam
    onderwerpen = _onderwerp_categorieen(k.onderwerpen, stad)
    samenvatting = f"{soort} uit {wijk.naam} over {', '.join(c.label for c in onderwerpen)}"
    moment = _moment(k.datum)
    auteur = f"{k.contact.naam} ({wijk.naam})" if k.contact else wijk.naam
    return Entry(k, f"{soort}: {k.titel}", moment, samenvatting, auteur, (_wijk_categorie(wijk), *onderwerpen))


def _aanbod(i: Initiatief, stad: Stad) -> Entry | None:
    if i.datum is None or not i.biedt:
        return None
    wijk = stad.wijken[i.wijk]
    onderwerpen = _onderwerp_categorieen([r.onderwerp for r in i.biedt], stad)
    samenvatting = f"{i.titel} ({wijk.naam}) biedt andere wijken: {', '.join(c.label for c in onderwerpen)}"
    moment = _moment(i.datum)
    return Entry(i, f"Aanbod: {i.titel}", moment, samenvatting, wijk.naam, (_wijk_categorie(wijk), *onderwerpen), anker="biedt")


def _start(keer: Keer) -> tuple:
    return (keer.start, keer.identity)


def _newest(entries: Iterable[Entry | None], limit: int) -> list[Entry]:
    # nlargest is sorted(..., reverse=True)[:limit] without sorting every item of the city.
    return heapq.nlargest(limit, (e for e in entries if e is not None), key=lambda e: (e.datum, e.url))


def catalog(stad: Stad, vandaag: date, *, limit: int, site_name: str) -> list[Feed]:
    """Every feed of the city, each with its newest `limit` entries.

    The agenda holds the `limit` first activiteiten from `vandaag` on; every other feed its
    newest entries. An initiatief without `gestart` or `bijgewerkt` has no date and is left
    out of the feeds (its page and the open data still have it).
    """
    feeds = [
        Feed(
            "stad",
            "stad",
            f"Nieuws uit de wijken van {stad.naam}",
            f"De berichten van alle wijken van {stad.naam}.",
            "nieuws/",
            site_name,
            _newest([_bericht(b, stad) for b in stad.berichten()], limit),
        ),
        Feed(
            "agenda",
            "agenda",
            f"Agenda van {stad.naam}",
            f"De komende activiteiten in alle wijken van {stad.naam}.",
            "agenda/",
            site_name,
            # The first `limit` to come, each once (a series at its next time), in that order.
            [_activiteit(k.activiteit, stad) for k in sorted(agenda(stad, vandaag).volgende.values(), key=_start)[:limit]],
        ),
        Feed(
            "kennis",
            "kennis",
            f"Kennis delen in {stad.naam}",
            f"Nieuwe vragen, ervaringen en aanbod van kennis tussen de wijken van {stad.naam}.",
            "kennis/",
            site_name,
            _newest([*(_kennis(k, stad) for k in stad.kennis()), *(_aanbod(i, stad) for i in stad.initiatieven())], limit),
        ),
    ]
    # Each item's entry is made once: it is in its wijk's feed and in a feed per thema.
    initiatieven: dict[str, Entry | None] = {}
    activiteiten: dict[str, Entry | None] = {}
    per_thema: dict[str, list[Entry | None]] = {}
    for i in stad.initiatieven():
        initiatieven[i.identity] = _initiatief(i, stad)
        for t in i.themas:
            per_thema.setdefault(t, []).append(initiatieven[i.identity])
    for a in stad.activiteiten():
        activiteiten[a.identity] = _activiteit(a, stad)
        for t in stad.activiteit_themas(a):
            per_thema.setdefault(t, []).append(activiteiten[a.identity])
    for wijk in stad.wijken.values():
        entries = [
            *(_bericht(b, stad) for b in wijk.nieuws),
            *(initiatieven[i.identity] for i in wijk.initiatieven),
            *(activiteiten[a.identity] for a in wijk.agenda),
        ]
        feeds.append(
            Feed(
                f"wijken/{wijk.slug}",
                "wijk",
                f"{wijk.naam}: nieuws, initiatieven en agenda",
                f"Berichten, nieuwe initiatieven en activiteiten uit {wijk.naam} ({stad.naam}).",
                wijk.url,
                f"Bewoners van {wijk.naam}",
                _newest(entries, limit),
            )
        )
    for thema in stad.vocabulaire.themas.values():
        entries = per_thema.get(thema.id, [])
        feeds.append(
            Feed(
                f"themas/{thema.id}",
                "thema",
                f"Thema {thema.naam} in {stad.naam}",
                thema.beschrijving or f"Initiatieven en activiteiten over {thema.naam.lower()} in alle wijken van {stad.naam}.",
                f"themas/{thema.id}/",
                site_name,
                _newest(entries, limit),
            )
        )
    for feed in feeds:
        feed.vandaag = vandaag
    return feeds


def feeds_for(url: str, feeds: list[Feed]) -> list[Feed]:
    """The feeds that fit the page at `url` (relative to the site root), most specific first.

    The city's news fits every page; a wijk's feed its home and items; a thema's feed its
    thema page; the agenda and the kennis feeds their lists and their items in the wijken.
    """
    parts = [p for p in url.split("/") if p]
    wanted: list[str] = []
    if parts[:1] == ["wijken"] and len(parts) >= 2:
        wanted.append(f"wijken/{parts[1]}")
        if len(parts) >= 4 and parts[2] in ("agenda", "kennis"):
            wanted.append(parts[2])
    elif parts[:1] == ["themas"] and len(parts) >= 2:
        wanted.append(f"themas/{parts[1]}")
    elif parts[:1] in (["agenda"], ["kennis"]):
        wanted.append(parts[0])
    elif parts in ([], ["volgen"]):
        wanted += ["agenda", "kennis"]
    by_naam = {f.naam: f for f in feeds}
    return [by_naam[n] for n in [*wanted, "stad"] if n in by_naam]


def alternates(url: str, feeds: list[Feed]) -> list[tuple[str, str, str]]:
    """The `<link rel="alternate">`s of the page at `url`: (title, path, media type).

    Paths are relative to the site root, for the engine to make relative to the page:
    Material fetches `sitemap.xml` next to every alternate link it finds, and on a site
    served elsewhere than `site_url` (a preview, `mkdocs serve`) an absolute link would
    send the visitor's browser to another host.
    """
    links = []
    for feed in feeds_for(url, feeds):
        links.append((f"{feed.titel} (Atom)", feed.atom, ATOM))
        links.append((f"{feed.titel} (RSS)", feed.rss, RSS))
    return links


# -- writing them -----------------------------------------------------------------------


class _FeedEntry(FeedEntry):
    """feedgen's entry, with the attributes of its Atom links written.

    feedgen 1.0 writes only the `href` of an entry's links (lkiesow/python-feedgen#135):
    a photo's `rel="enclosure"` link would read as a second link to the page.
    """

    def atom_entry(self, extensions=True):
        entry = super().atom_entry(extensions)
        for element, link in zip(entry.findall("link"), self.link() or [], strict=True):
            for name in ("rel", "type", "hreflang", "title", "length"):
                if link.get(name):
                    element.set(name, link[name])
        return entry


class FeedWriter:
    """Writes feeds as RSS 2.0 and Atom with feedgen, with absolute links under `site_url`.

    `bodies` maps an item's identity to its body as HTML with absolute links; `rechten` is
    the copyright line of the site, if it has one.
    """

    def __init__(self, stad: Stad, site_url: str, bodies: Mapping[str, str], rechten: str | None = None):
        self.stad = stad
        self.site_url = site_url
        self.bodies = bodies
        self.rechten = rechten
        # An item is in several feeds (the city's, its wijk's, its themas'), each written as
        # RSS and as Atom: its content is rendered once.
        self._content: dict[tuple[str, str], str] = {}

    def rss(self, feed: Feed) -> bytes:
        """The feed as RSS 2.0."""
        return self._generator(feed, feed.rss, RSS).rss_str(pretty=True)

    def atom(self, feed: Feed) -> bytes:
        """The feed as Atom (RFC 4287)."""
        return self._generator(feed, feed.atom, ATOM).atom_str(pretty=True)

    def summary(self, entry: Entry) -> str | None:
        """The entry's summary, or else the start of the item's text."""
        return entry.samenvatting or excerpt(self.bodies.get(entry.item.identity, ""))

    def content(self, entry: Entry) -> str:
        """The HTML of an entry: the facts a reader needs first, then the item's own text."""
        key = (entry.item.identity, entry.anker)
        html = self._content.get(key)
        if html is None:
            html = self._content[key] = render(
                "feed_item.html",
                entry.item.url,
                entry=entry,
                item=entry.item,
                stad=self.stad,
                wijk=self.stad.wijken[entry.item.wijk],
                body=self.bodies.get(entry.item.identity, ""),
                absolute=lambda url: self.site_url + url,
            ).strip()
        return html

    def _generator(self, feed: Feed, self_path: str, media_type: str) -> FeedGenerator:
        fg = FeedGenerator()
        # RSS has no author element without an e-mail address; Dublin Core's creator takes a name.
        fg.load_extension("dc", atom=False, rss=True)
        fg.id(self.site_url + self_path)
        fg.title(feed.titel)
        fg.subtitle(feed.beschrijving)  # also RSS's required <description>
        fg.author({"name": feed.auteur})
        # feedgen makes the *last* link RSS's <link>: the self link must come first.
        fg.link(href=self.site_url + self_path, rel="self", type=media_type)
        fg.link(href=self.site_url + feed.pagina, rel="alternate", type="text/html")
        fg.language("nl")
        fg.generator("bovenwijks")
        if self.rechten:
            fg.rights(self.rechten)
        fg.updated(feed.updated)  # feedgen's default is the clock: never leave it
        for entry in feed.entries:
            self._entry(fg, entry)
        return fg

    def _entry(self, fg: FeedGenerator, entry: Entry) -> None:
        url = self.site_url + entry.url
        fe = fg.add_entry(_FeedEntry(), order="append")  # feedgen prepends unless told otherwise
        fe.id(url)
        fe.guid(url, permalink=True)
        fe.title(entry.titel)
        fe.link(href=url, rel="alternate", type="text/html")
        # One date for both: RSS has only pubDate, and readers order by it.
        fe.published(entry.datum)
        fe.updated(entry.datum)
        fe.author({"name": entry.auteur})
        fe.dc.dc_creator(entry.auteur)
        summary = self.summary(entry)
        if summary:
            # RSS readers read a description as HTML: plain text goes in escaped, and Atom is told so.
            fe.summary(escape(summary), type="html")
        # `html`: escaped HTML. feedgen's `CDATA` type would write an invalid Atom content type.
        fe.content(self.content(entry), type="html")
        if entry.categorieen:
            fe.category([{"term": c.term, "label": c.label, "scheme": self.site_url + c.scheme} for c in entry.categorieen])
        image = self.image(entry)
        if image is not None:
            # RSS's <enclosure>, Atom's link rel="enclosure": readers show it beside the entry.
            fe.enclosure(self.site_url + image.url, str(image.size), image.media_type)

    def image(self, entry: Entry) -> Rendition | None:
        """The copy of the entry's photo that feed readers get (a JPEG or PNG), if it has one."""
        found = foto(getattr(entry.item, "afbeelding", None))
        return found.fallback if found else None
