"""The typed model of a city: its wijken and everything their editors publish.

Every item's identity is its path (`soesterkwartier/initiatieven/repair-cafe`): stable across
builds, and used for URLs, feed GUIDs and calendar UIDs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import ClassVar

from bovenwijks.dates import TZ


@dataclass(frozen=True)
class Contact:
    """Who to contact about an initiatief or kennis item."""

    naam: str
    email: str | None = None
    telefoon: str | None = None


@dataclass(frozen=True)
class Ontmoetingsplek:
    """A meeting place of a wijk: a buurthuis, a library."""

    naam: str
    adres: str
    open: str | None = None


@dataclass(frozen=True)
class Loket:
    """Where residents go with a question: a wijk's wijkteam, or the city's information point."""

    naam: str
    telefoon: str | None = None
    email: str | None = None
    adres: str | None = None
    open: str | None = None
    website: str | None = None


@dataclass(frozen=True)
class Afbeelding:
    """A photo an editor uploaded, as checked: where it is, what it shows and who made it.

    `bestand` is its path in the repository (`wijken/oost/initiatieven/soep.jpg`); `breedte`
    and `hoogte` are its size in pixels as residents see it, its orientation applied.
    """

    bestand: str
    alt: str
    maker: str | None = None
    breedte: int = 0
    hoogte: int = 0


@dataclass(frozen=True)
class Tekstbeeld:
    """An image in the text of a wijk's page, as the check found it.

    `bestand` is the photo it shows (a repository path), or None when it can't be shown.
    """

    path: str  # the Markdown file, as editors see it
    line: int
    src: str  # as the editor wrote it
    bestand: str | None


@dataclass(frozen=True)
class Prioriteit:
    """A priority of a wijk's wijkplan."""

    id: str
    titel: str
    thema: str


@dataclass(frozen=True)
class Kennisregel:
    """One `biedt` or `zoekt` entry of an initiatief: an onderwerp and what exactly."""

    onderwerp: str
    toelichting: str | None = None


@dataclass(frozen=True)
class Thema:
    """A city-wide theme."""

    id: str
    naam: str
    beschrijving: str | None = None


@dataclass(frozen=True)
class Onderwerp:
    """A topic of know-how, with the other words editors use for it."""

    id: str
    naam: str
    beschrijving: str | None = None
    aliassen: tuple[str, ...] = ()


@dataclass(frozen=True)
class Hulpvraag:
    """A need residents name in their own words (mantelzorg, vervoer): a page under `/hulp/`.

    `woorden` are the other words residents use for it ("rolstoel", "scootmobiel"); the page
    shows them, so that the site search finds it for them.
    """

    id: str
    naam: str
    beschrijving: str | None = None
    woorden: tuple[str, ...] = ()


@dataclass(frozen=True)
class Origineel:
    """Where an imported item appeared first: on the wijk's own website, fetched by
    `bovenwijks ophalen` (see `content.opgehaald`). Residents read "verschenen op `site`",
    linked to `url`."""

    site: str  # the site's name, as its feed or calendar gives it
    url: str  # the item on that site (or, when the source links none, the site itself)


@dataclass
class Item:
    """Something a wijk publishes in one of its item folders."""

    folder: ClassVar[str] = ""
    kind: ClassVar[str] = ""

    wijk: str
    slug: str
    source: str  # the path in the repository, as editors see it
    titel: str
    body: str = ""
    body_line: int = 1
    lines: dict[str, int] = field(default_factory=dict, repr=False)

    @property
    def identity(self) -> str:
        """`soesterkwartier/initiatieven/repair-cafe`: stable, unique in the city."""
        return f"{self.wijk}/{self.folder}/{self.slug}"

    @property
    def url(self) -> str:
        """The page's URL relative to the site root, with a trailing slash."""
        return f"wijken/{self.identity}/"

    def line(self, key: str) -> int:
        """The line of `key` in the source, or 1 when the key is absent."""
        return self.lines.get(key, 1)


@dataclass
class Initiatief(Item):
    """A resident initiative."""

    folder: ClassVar[str] = "initiatieven"
    kind: ClassVar[str] = "initiatief"

    samenvatting: str = ""
    status: str = "actief"
    themas: list[str] = field(default_factory=list)
    contact: Contact | None = None
    gestart: date | None = None
    bijgewerkt: date | None = None
    locatie: str | None = None
    partners: list[str] = field(default_factory=list)
    prioriteiten: list[str] = field(default_factory=list)
    biedt: list[Kennisregel] = field(default_factory=list)
    zoekt: list[Kennisregel] = field(default_factory=list)
    hulp: list[str] = field(default_factory=list)  # ids of the vocabulary's hulpvragen
    afbeelding: Afbeelding | None = None

    @property
    def datum(self) -> date | None:
        """The date this initiatief was last news: updated, or else started."""
        return self.bijgewerkt or self.gestart


# What `kosten` says when an activiteit costs nothing: "Gratis", "gratis, een gift mag".
_GRATIS = re.compile(r"\b(gratis|kosteloos|geen kosten|vrije toegang)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Uitzondering:
    """A time of a series that does not happen (`behalve`): dropped, or with a `reden` shown
    as "gaat niet door"."""

    datum: date
    reden: str | None = None
    line: int = 1  # of the entry in its file


@dataclass(frozen=True)
class Herhaling:
    """How an activiteit comes back, as its editor wrote it; `bovenwijks.herhaling` makes the times.

    `elke` is one of `herhaling.FREQUENTIES`; `dagen` are weekdays (0 is Monday), with `week` and
    `2 weken` only, and empty for the weekday of the first time. At most one of `tot` (a
    date, inclusive) and `aantal` (every time the rule makes, `behalve` included) is set.
    """

    elke: str
    dagen: tuple[int, ...] = ()
    tot: date | None = None
    aantal: int | None = None
    behalve: tuple[Uitzondering, ...] = ()


class Tijdvak:
    """The days of something with a `start` and perhaps an `eind`: an activiteit, or one time of it."""

    start: datetime
    eind: datetime | None

    @property
    def datum(self) -> date:
        """The day it starts, in Amsterdam (a start with another offset included)."""
        return self.start.astimezone(TZ).date()

    @property
    def einddatum(self) -> date:
        """The day it ends, in Amsterdam: its start day when it has no end."""
        return self.eind.astimezone(TZ).date() if self.eind else self.datum


@dataclass
class Activiteit(Tijdvak, Item):
    """A dated event; with `herhaling`, a series whose first time is `start` to `eind`."""

    folder: ClassVar[str] = "agenda"
    kind: ClassVar[str] = "activiteit"

    start: datetime = None  # type: ignore[assignment]  # always set by the loader
    locatie: str = ""
    hele_dag: bool = False
    eind: datetime | None = None
    initiatief: str | None = None
    themas: list[str] = field(default_factory=list)
    hulp: list[str] = field(default_factory=list)  # its own; those of its initiatief count too
    afbeelding: Afbeelding | None = None
    herhaling: Herhaling | None = None
    afgelast: str | None = None  # the reason the whole activiteit (every time of it) does not go on
    aanmelden: str | None = None  # a URL or an e-mail address; as typed when it is neither
    aanmelden_link: str | None = None  # where `aanmelden` takes a resident (a URL, a `mailto:`); None for plain text
    kosten: str | None = None
    toegankelijkheid: str | None = None
    gewijzigd: datetime | None = None  # when its file last changed, as far as the repository knows
    origineel: Origineel | None = None  # imported from the wijk's own calendar

    @property
    def gratis(self) -> bool:
        """Whether `kosten` says it is free ("gratis", "kosteloos", "geen kosten")."""
        return bool(self.kosten and _GRATIS.search(self.kosten))

    @property
    def ics(self) -> str:
        """Its own calendar file ("zet in je agenda"), relative to the site root, beside its page."""
        return f"{self.url}{self.slug}.ics"


@dataclass
class Bericht(Item):
    """A news item."""

    folder: ClassVar[str] = "nieuws"
    kind: ClassVar[str] = "bericht"

    datum: date = None  # type: ignore[assignment]
    auteur: str | None = None
    samenvatting: str | None = None
    afbeelding: Afbeelding | None = None
    origineel: Origineel | None = None  # imported from the wijk's own news feed


@dataclass
class Kennis(Item):
    """A question to other wijken (`vraag`) or a lesson learned (`ervaring`)."""

    folder: ClassVar[str] = "kennis"
    kind: ClassVar[str] = "kennis"

    soort: str = "vraag"
    onderwerpen: list[str] = field(default_factory=list)
    datum: date = None  # type: ignore[assignment]
    contact: Contact | None = None


@dataclass
class Wijkplan:
    """A wijk's yearly plan."""

    jaar: int
    prioriteiten: list[Prioriteit]
    body: str = ""
    source: str = ""


# The poster of a wijk's agenda, to print for the notice board: beside its home page. The
# city's is in the agenda's folder.
AFFICHE = "affiche.pdf"
STAD_AFFICHE = f"agenda/{AFFICHE}"
# The folder of a wijk's long lists (`wijken/<wijk>/alle/nieuws/`): the site's own, never an editor's.
ALLE = "alle"


@dataclass
class Wijk:
    """A neighbourhood: its profile and everything its editors publish."""

    slug: str
    naam: str
    source: str
    samenvatting: str = ""
    redactie: list[str] = field(default_factory=list)
    contact: str | None = None
    wijkteam: Loket | None = None  # where residents of the wijk go with a question
    ontmoetingsplekken: list[Ontmoetingsplek] = field(default_factory=list)
    website: str | None = None
    feed: str | None = None
    kalender: str | None = None  # the iCalendar address of its own agenda elsewhere
    afbeelding: Afbeelding | None = None
    body: str = ""
    lines: dict[str, int] = field(default_factory=dict, repr=False)  # of the keys of its index.md
    tekstbeelden: list[Tekstbeeld] = field(default_factory=list)  # the images in the text of its pages
    wijkplan: Wijkplan | None = None
    initiatieven: list[Initiatief] = field(default_factory=list)
    agenda: list[Activiteit] = field(default_factory=list)
    nieuws: list[Bericht] = field(default_factory=list)
    kennis: list[Kennis] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)  # its other pages, photos and PDFs (`content.bestanden`); photos only as copies

    @property
    def url(self) -> str:
        """The wijk's home, relative to the site root."""
        return f"wijken/{self.slug}/"

    @property
    def affiche(self) -> str:
        """The poster of its agenda (a PDF), relative to the site root."""
        return f"{self.url}{AFFICHE}"

    def alle(self, lijst: str) -> str:
        """The first page of one of its lists (`nieuws`: site.wijkpages.WIJKLIJSTEN), relative to the site root."""
        return f"{self.url}{ALLE}/{lijst}/"

    def items(self) -> list[Item]:
        """All items of this wijk."""
        return [*self.initiatieven, *self.agenda, *self.nieuws, *self.kennis]

    def prioriteit(self, id: str) -> Prioriteit | None:
        """The wijkplan prioriteit with this id."""
        if self.wijkplan is None:
            return None
        return next((p for p in self.wijkplan.prioriteiten if p.id == id), None)

    def initiatief(self, slug: str) -> Initiatief | None:
        """The initiatief of this wijk with this slug."""
        return next((i for i in self.initiatieven if i.slug == slug), None)


@dataclass
class Vocabulaire:
    """The city-wide themas and onderwerpen, the needs of Hulp en advies and the information point."""

    themas: dict[str, Thema]
    onderwerpen: dict[str, Onderwerp]
    hulp: dict[str, Hulpvraag] = field(default_factory=dict)
    informatiepunt: Loket | None = None

    def thema_naam(self, ident: str) -> str:
        """The name residents read for the thema `ident`; the id itself when it is unknown."""
        thema = self.themas.get(ident)
        return thema.naam if thema else ident

    def onderwerp_naam(self, ident: str) -> str:
        """The name residents read for the onderwerp `ident`; the id itself when it is unknown."""
        onderwerp = self.onderwerpen.get(ident)
        return onderwerp.naam if onderwerp else ident

    def resolve_onderwerp(self, word: str) -> str | None:
        """The id of the onderwerp that `word` names, by id or alias, ignoring case."""
        return self.woorden().get(word.strip().lower())

    def onderwerp_van_elders(self, ident: str) -> str | None:
        """Our onderwerp for another city's onderwerp id: the same id, or the one whose
        `aliassen` name it (ignoring case). Not by naam: a name says less than an id."""
        ident = ident.strip().lower()
        if ident in self.onderwerpen:
            return ident
        return next((o.id for o in self.onderwerpen.values() if ident in (a.lower() for a in o.aliassen)), None)

    def hulp_woorden(self) -> dict[str, str]:
        """Every word that names a hulpvraag (its id, naam and woorden, in lower case) → its id."""
        words: dict[str, str] = {}
        for h in self.hulp.values():
            words[h.id] = h.id
        for h in self.hulp.values():
            for word in (h.naam, *h.woorden):
                words.setdefault(word.lower(), h.id)
        return words

    def woorden(self) -> dict[str, str]:
        """Every word that names an onderwerp (its id, naam and aliassen, in lower case) → its id."""
        cached = self.__dict__.get("_alias_index")
        if cached is None:
            cached = {}
            for o in self.onderwerpen.values():
                for word in (o.id, o.naam, *o.aliassen):
                    cached.setdefault(word.lower(), o.id)
            self.__dict__["_alias_index"] = cached
        return cached


@dataclass(frozen=True)
class Aanbod:
    """Know-how another city offers on one of our onderwerpen: an initiatief's `biedt`, or an ervaring it shared."""

    stad: str  # the other city's name
    onderwerp: str  # our onderwerp's id (see `Vocabulaire.onderwerp_van_elders`)
    titel: str
    url: str  # its page on the other city's site
    soort: str  # `initiatief` or `ervaring` (keuzes.SOORT)
    toelichting: str | None = None  # what exactly the initiatief offers
    status: str | None = None  # an initiatief's, when it is one of ours (keuzes.STATUS)
    datum: date | None = None  # an ervaring's


@dataclass(frozen=True)
class AndereStad:
    """A city this city exchanges knowledge with, as `bovenwijks ophalen` last found it."""

    naam: str
    url: str  # its site
    bijgewerkt: date | None = None  # the day (in Amsterdam) what we have of it last changed
    aanbod: tuple[Aanbod, ...] = ()


@dataclass
class Stad:
    """A city: its wijken and its vocabulary, and what the cities it exchanges knowledge with offer."""

    naam: str
    wijken: dict[str, Wijk]
    vocabulaire: Vocabulaire
    andere_steden: list[AndereStad] = field(default_factory=list)

    def initiatieven(self) -> list[Initiatief]:
        """Every initiatief of the city, by wijk and titel."""
        return [i for w in self.wijken.values() for i in w.initiatieven]

    def activiteiten(self) -> list[Activiteit]:
        """Every activiteit of the city, earliest first."""
        return sorted((a for w in self.wijken.values() for a in w.agenda), key=lambda a: (a.start, a.identity))

    def berichten(self) -> list[Bericht]:
        """Every bericht of the city, newest first."""
        return sorted((b for w in self.wijken.values() for b in w.nieuws), key=lambda b: (b.datum, b.identity), reverse=True)

    def kennis(self) -> list[Kennis]:
        """Every kennis item of the city, newest first."""
        return sorted((k for w in self.wijken.values() for k in w.kennis), key=lambda k: (k.datum, k.identity), reverse=True)

    def activiteit_themas(self, activiteit: Activiteit) -> list[str]:
        """The themas of an activiteit: its own, or else those of the initiatief that organises it."""
        if activiteit.themas:
            return activiteit.themas
        wijk = self.wijken.get(activiteit.wijk)
        organisator = wijk.initiatief(activiteit.initiatief) if wijk and activiteit.initiatief else None
        return organisator.themas if organisator else []

    def items(self) -> list[Item]:
        """Every item of the city."""
        return [i for w in self.wijken.values() for i in w.items()]

    def afbeeldingen(self) -> list[tuple[str, str, int]]:
        """Every photo the city's pages show, as (its repository path, the file and line that show it)."""
        found = []
        for wijk in self.wijken.values():
            if wijk.afbeelding:
                found.append((wijk.afbeelding.bestand, wijk.source, wijk.lines.get("afbeelding", 1)))
            for item in wijk.items():
                afbeelding = getattr(item, "afbeelding", None)
                if afbeelding:
                    found.append((afbeelding.bestand, item.source, item.line("afbeelding")))
            found.extend((t.bestand, t.path, t.line) for t in wijk.tekstbeelden if t.bestand)
        return found
