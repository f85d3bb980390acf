"""A synthetic city for benchmarks and tests: W wijken with N items of every kind.

The city is valid content as editors would write it: a profile and a wijkplan per wijk,
initiatieven with biedt/zoekt, prioriteiten and partners, activiteiten that name their
initiatief, berichten and kennis, with Dutch bodies of a few paragraphs. A fifth of the
activiteiten come back (`herhaling`: weekly on two days, every two weeks or monthly, until a
date, a number of times or on and on, some with `behalve` dates), and a few are `afgelast`.
A share of the items (a fifth by default) and of the wijk profiles has a photo as a phone
takes it: a JPEG of 4032 by 3024 pixels next to the Markdown, named in its `afbeelding`.
Every city also has a snapshot of Utrecht's open data (`wijken/_steden/utrecht.json`), the
other city the project's mkdocs.yml exchanges knowledge with.

A city comes in a shape (`Vorm`, the five of `VORMEN`), so that `make bench` can measure
what grows with one part of the contract at the same number of items: `gemengd`, the mix of
a grown city (the default, and the city this module wrote before it had shapes, file for
file); `initiatieven`, many initiatieven that all offer and seek, on only 12 onderwerpen,
with longer bodies; `agenda`, mostly activiteiten, half of them series; `fotos`, a photo on
half the items; `opgehaald`, a city whose wijken have their own website, with 30 % of the
berichten and activiteiten imported by `bovenwijks ophalen` (`_opgehaald/*.json`) instead of
written in Markdown.

The same arguments always give the same files (seeded `random.Random` streams, one per
purpose), so that two benchmark runs measure the same city.
"""

from __future__ import annotations

import html
import itertools
import math
import os
import random
import shutil
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from PIL import Image, ImageChops

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "plugins"))

from bovenwijks.content import opgehaald, steden  # noqa: E402
from bovenwijks.dates import TZ  # noqa: E402
from bovenwijks.herhaling import WEEKDAGEN, regel  # noqa: E402
from bovenwijks.model import Herhaling  # noqa: E402
from bovenwijks.slug import slugify  # noqa: E402

# The day the city is written for: what is upcoming depends on it. Build it with the same date.
VANDAAG = date(2026, 11, 23)
FOLDERS = ("initiatieven", "agenda", "nieuws", "kennis")
# How a grown city divides its items: about as many activiteiten as initiatieven, a steady
# stream of berichten, and fewer kennis items.
SHARES = {"initiatieven": 0.30, "agenda": 0.30, "nieuws": 0.25, "kennis": 0.15}
# The items that take an `afbeelding` (kennis does not), and the share of all items with one.
PHOTO_FOLDERS = ("initiatieven", "agenda", "nieuws")
PHOTOS = 0.2
# The share of activiteiten that come back (a series, such as a weekly taalcafé), and of those
# that are cancelled (`afgelast`: a single one, or a whole series).
SERIES = 0.2
AFGELAST = 0.02
# How the series come back, in turn (`elke`, and how the series ends: at a date, after a
# number of times, or not), so that even a small city has every kind. Weekly ones meet on two
# days, as a taalcafé on Tuesday and Thursday.
REEKSEN = (
    ("week", "tot"),
    ("2 weken", "aantal"),
    ("maand", None),
    ("week", None),
    ("2 weken", "tot"),
    ("maand", "aantal"),
    ("week", "aantal"),
    ("2 weken", None),
    ("maand", "tot"),
)
# The kinds that a wijk's own website brings in (`bovenwijks ophalen`): berichten from its
# feed, activiteiten from its kalender.
OPGEHAALD_FOLDERS = tuple(bron.folder for bron in opgehaald.BRONNEN)
# The other city of the project's mkdocs.yml (`andere_steden` of bovenwijks/wijken), which the
# bench city inherits, and how many initiatieven that offer something it has: this share of
# our items (at least `ANDERE_STAD_MIN`), so that the matching grows with the city.
UTRECHT = steden.Stadbron("Utrecht", "https://utrecht.bovenwijks.example/")
ANDERE_STAD = 0.05
ANDERE_STAD_MIN = 5
UTRECHTSE_WIJKEN = (
    "Lunetten",
    "Overvecht",
    "Zuilen",
    "Kanaleneiland",
    "Hoograven",
    "Lombok",
    "Wittevrouwen",
    "Tuinwijk",
    "Oog in Al",
    "Leidsche Rijn",
)


@dataclass(frozen=True)
class Vorm:
    """A shape of city: how it divides its items, and what they carry.

    The defaults are the mix of a grown city (`gemengd`); each other shape of `VORMEN` turns
    one part of the contract up, so that what it costs shows in a benchmark row of its own.
    """

    naam: str
    summary: str  # what the shape is, for the benchmark's report
    # The share of each folder (`FOLDERS`) in the items; they add up to 1.
    shares: dict[str, float] = field(default_factory=lambda: dict(SHARES), hash=False)
    photos: float = PHOTOS  # of all items (and of the wijk profiles), drawn from those that take one
    series: float = SERIES  # of the activiteiten
    afgelast: float = AFGELAST  # of the activiteiten
    # The onderwerpen the initiatieven and kennis speak of: the first so many ids of the
    # vocabulary, in sorted order; None for all of them.
    onderwerpen: int | None = None
    biedt: tuple[int, int] = (1, 3)  # how many onderwerpen an initiatief offers: at least, at most
    zoekt: tuple[int, int] = (0, 2)  # and seeks
    alineas: tuple[int, int] | None = None  # the paragraphs of every item's body; None: as many as its kind has
    woorden: int | None = None  # about how many words a paragraph of an item has; None: three to five sentences
    # Of the berichten and activiteiten: imported from the wijk's own website (`_opgehaald/`) instead of written.
    opgehaald: float = 0.0

    def __post_init__(self) -> None:
        if set(self.shares) != set(FOLDERS) or not math.isclose(sum(self.shares.values()), 1):
            raise ValueError(f"the shares of {self.naam} name every folder of {FOLDERS} and add up to 1, not {self.shares}")
        for name in ("photos", "series", "afgelast", "opgehaald"):
            if not 0 <= getattr(self, name) <= 1:
                raise ValueError(f"{name} of {self.naam} is a share between 0 and 1, not {getattr(self, name)}")


# The shapes that turn up something else than photos carry none: the current mix and the
# photo-heavy shape measure the photo work, and at 10,000 items every cold build with a fifth
# of the items photographed takes a quarter of an hour on two cores.
VORMEN: dict[str, Vorm] = {
    vorm.naam: vorm
    for vorm in (
        Vorm("gemengd", "the mix of a grown city"),
        # Every initiatief offers and seeks, on few onderwerpen: the kennisuitwisseling matches
        # many against many, and the bodies are longer.
        Vorm(
            "initiatieven",
            "40 % initiatieven, all offering and seeking, on 12 onderwerpen; bodies of three paragraphs of about 50 words",
            shares={"initiatieven": 0.40, "agenda": 0.25, "nieuws": 0.25, "kennis": 0.10},
            onderwerpen=12,
            zoekt=(1, 2),
            alineas=(3, 3),
            woorden=50,
            photos=0.0,
        ),
        # The agenda's pages, calendars and feeds expand every series into its times.
        Vorm(
            "agenda",
            "55 % activiteiten, half of them series, 8 % afgelast",
            shares={"initiatieven": 0.15, "agenda": 0.55, "nieuws": 0.20, "kennis": 0.10},
            series=0.5,
            afgelast=0.08,
            photos=0.0,
        ),
        Vorm("fotos", "the mix of a grown city, with a photo on half the items", photos=0.5),
        Vorm(
            "opgehaald",
            "the mix of a grown city; 30 % of the berichten and activiteiten imported from the wijken' own sites",
            opgehaald=0.3,
            photos=0.0,
        ),
    )
}

WIJKNAMEN = (
    "Soesterkwartier",
    "Kruiskamp",
    "Liendert",
    "Schothorst-Noord",
    "Zielhorst",
    "Nieuwland",
    "Hoogland",
    "Vathorst-De Velden",
    "Randenbroek",
    "Schuilenburg",
    "Kattenbroek",
    "Rustenburg",
    "Koppel",
    "Leusderkwartier",
    "Bergkwartier",
    "Binnenstad",
    "Hooglanderveen",
    "De Isselt",
    "Bosgebied",
    "Stoutenburg",
    "Puntenburg",
    "Het Zand",
    "De Hoef",
    "Vermeerkwartier",
    "Schothorst-Zuid",
    "Emiclaer",
    "Vathorst-Het Zand",
    "Calveen",
    "Nimmerdor",
    "Hogeweg",
)
PLEKKEN = (
    "Buurthuis De Wissel",
    "Buurtkamer Het Perron",
    "Wijkcentrum De Kruiskamp",
    "Bibliotheek",
    "Speeltuin De Kikker",
    "Ontmoetingscentrum De Hof",
    "Kerkzaal De Ark",
    "Sporthal De Kei",
    "Buurtpaviljoen Het Groene Hart",
    "Huiskamer van de wijk",
    "Brede school De Regenboog",
)
STRATEN = ("Kleine Koppel", "Wisselstraat", "Seinhuisstraat", "Leusderweg", "Liendertseweg", "Hogeweg", "Ringweg", "Laan 1914")
VOORNAMEN = (
    "Anneke",
    "Youssef",
    "Fatima",
    "Henk",
    "Marieke",
    "Ahmed",
    "Ineke",
    "Kees",
    "Sanne",
    "Mohamed",
    "Els",
    "Daan",
    "Priya",
    "Joke",
    "Bram",
    "Nadia",
)
ACHTERNAMEN = ("de Boer", "Ouali", "Brouwer", "Jansen", "El Amrani", "Visser", "van Dijk", "Bakker", "Yilmaz", "de Vries", "Smit", "Mulder")
PARTNERS = (
    "Welzin",
    "Indebuurt033",
    "MEE",
    "Voedselbank Amersfoort",
    "Bibliotheek Eemland",
    "Humanitas",
    "Gemeente Amersfoort",
    "Het wijkteam",
    "Portaal",
    "Alliantie",
)
STATUSSEN = (("actief", 60), ("idee", 15), ("gepauzeerd", 10), ("afgerond", 15))

# (titel, the themas it usually has): initiatieven residents of Amersfoort run.
INITIATIEVEN = (
    ("Repair Café", ("groen-en-duurzaam", "ontmoeting")),
    ("Buurtsoep", ("ontmoeting", "ondersteuning")),
    ("Taalcafé", ("informatie-en-advies", "ontmoeting")),
    ("Maatjesproject", ("ondersteuning",)),
    ("Moestuin", ("groen-en-duurzaam", "ontmoeting")),
    ("Digitaal spreekuur", ("informatie-en-advies",)),
    ("Eettafel", ("ontmoeting", "ondersteuning")),
    ("Wandelgroep", ("ontmoeting",)),
    ("Huiswerkklas", ("jeugd-en-gezin",)),
    ("Buurtkrant", ("informatie-en-advies",)),
    ("Klussendienst", ("ondersteuning",)),
    ("Mantelzorgcafé", ("ondersteuning", "informatie-en-advies")),
    ("Jongerenpodium", ("jeugd-en-gezin", "ontmoeting")),
    ("Geveltuinen", ("groen-en-duurzaam", "leefbaarheid")),
    ("Boodschappendienst", ("ondersteuning",)),
    ("Voorleesgroep", ("jeugd-en-gezin", "informatie-en-advies")),
    ("Buurtpreventie", ("leefbaarheid",)),
    ("Energiecoaches", ("groen-en-duurzaam", "informatie-en-advies")),
    ("Koffieochtend", ("ontmoeting",)),
    ("Speelstraat", ("jeugd-en-gezin", "leefbaarheid")),
)
ACTIVITEITEN = (
    "Inloopochtend",
    "Bewonersavond",
    "Reparatiemiddag",
    "Taalcafé",
    "Samen koken",
    "Wandeling",
    "Spreekuur",
    "Opruimdag",
    "Voorleesmiddag",
    "Informatieavond",
    "Burendag",
    "Kerstmarkt",
)
NIEUWS = (
    "{initiatief} zoekt nieuwe vrijwilligers",
    "Terugblik op de bewonersavond",
    "Wijkplan {jaar} is klaar",
    "{initiatief} viert vijfjarig bestaan",
    "Nieuwe openingstijden van {plek}",
    "Subsidie toegekend aan {initiatief}",
    "Geslaagde burendag in {wijk}",
    "{plek} krijgt een opknapbeurt",
    "Oproep: denk mee over het wijkplan",
)
VRAGEN = (
    "Hoe vinden jullie nieuwe vrijwilligers?",
    "Wie heeft ervaring met een aanvraag bij een fonds?",
    "Hoe bereiken jullie jongeren in de wijk?",
    "Waar vinden jullie een betaalbare ruimte?",
    "Hoe houden jullie de administratie eenvoudig?",
    "Hoe merken jullie dat iemand eenzaam is?",
)
ERVARINGEN = (
    "Zo werven wij vrijwilligers via de school",
    "Onze aanvraag bij het initiatievenfonds",
    "Wat we leerden van een jaar eettafel",
    "Jongeren betrekken via de sportvereniging",
    "Een vaste plek in de bibliotheek",
    "Samenwerken met het wijkteam: onze afspraken",
)

ZINNEN = (
    "Het begon met een paar buren die elkaar op straat spraken en vonden dat er meer te doen moest zijn in {wijk}.",
    "Inmiddels komt er elke week een vaste groep bewoners naar {plek}, en schuiven er steeds vaker nieuwe gezichten aan.",
    "We werken samen met {partner}, die ons helpt met de contacten in de wijk en af en toe met een kleine bijdrage.",
    "Iedereen is welkom, ook als je maar één keer wilt kijken hoe het gaat; de koffie staat altijd klaar.",
    "Veel deelnemers wonen alleen, en voor hen is dit vaak het enige vaste moment in de week om anderen te spreken.",
    "De vrijwilligers zijn buurtgenoten van alle leeftijden, van scholieren die een maatschappelijke stage lopen tot gepensioneerden.",
    "Wie niet naar {plek} kan komen, zoeken we thuis op: een praatje aan de deur doet soms meer dan je denkt.",
    "In het wijkplan staat dit als een van de prioriteiten, en daar zijn we best een beetje trots op.",
    "Het afgelopen jaar hebben we veel geleerd over het aanvragen van subsidie en het verantwoorden van elke euro.",
    "Onze grootste zorg is dat we te weinig mensen hebben die de kar willen trekken als de huidige groep stopt.",
    "Daarom delen we graag wat we weten met andere wijken, zodat niet iedereen het wiel opnieuw hoeft uit te vinden.",
    "Na afloop ruimen we samen op, en meestal blijft er nog een groepje hangen om na te praten.",
    "Kinderen zijn welkom; er is een hoek met speelgoed en er is altijd iemand die een oogje in het zeil houdt.",
    "De gemeente en de woningcorporatie denken mee, maar de ideeën komen van de bewoners zelf.",
    "We houden het bewust klein en laagdrempelig: je hoeft je niet aan te melden en het kost niets.",
    "Met de opbrengst van de vrijwillige bijdragen kopen we nieuw materiaal en houden we de kosten voor de deelnemers laag.",
    "Voor wie de taal nog leert, is er altijd iemand die rustig uitlegt wat er gebeurt.",
    "Het contact met het wijkteam loopt goed: we weten elkaar te vinden als iemand extra hulp nodig heeft.",
    "Op {dag} zijn we er vanaf half tien; loop gerust binnen, ook als je alleen even wilt kennismaken.",
    "Wil je meedoen, heb je een vraag of een idee? Neem contact op met {naam}, of spreek een van de vrijwilligers aan.",
)
DAGEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag")
TIJDEN = (time(9, 30), time(10, 0), time(13, 30), time(14, 0), time(19, 0), time(19, 30))
FOTOGRAFEN = ("Fotoclub Amersfoort", "Wijkredactie", "Ria Hoekstra", "Youssef Amrani", "Joke van Leeuwen")
# Why one time of a series does not go on (`behalve` with a `reden`), and why a whole activiteit does not.
BEHALVE_REDENEN = (
    "Het buurthuis is dicht voor onderhoud.",
    "De vrijwilligers volgen die dag een cursus.",
    "Er is die dag een wijkfeest op het plein.",
)
AFGELAST_REDENEN = (
    "De zaal is niet beschikbaar; we zoeken een nieuwe datum.",
    "Te weinig aanmeldingen; we proberen het in het voorjaar opnieuw.",
    "De begeleider is ziek. Zodra er een nieuwe datum is, staat die hier.",
)

# How phones store a photo: (pixels wide × high, EXIF Orientation or None for no EXIF at all,
# weight). Most are landscape; a portrait is either stored upright or, as most phones do,
# stored landscape with Orientation 6 (turn 90° to show it); a few are upside down (3) or
# turned the other way (8), and some came through a chat app that dropped the EXIF.
LANDSCAPE, PORTRAIT = (4032, 3024), (3024, 4032)
PHOTO_LAYOUTS = (
    (LANDSCAPE, 1, 50),
    (PORTRAIT, 1, 15),
    (LANDSCAPE, 6, 20),
    (LANDSCAPE, 3, 5),
    (LANDSCAPE, 8, 5),
    (LANDSCAPE, None, 5),
)
TELEFOONS = (("Apple", "iPhone 13"), ("samsung", "Galaxy A54 5G"), ("Google", "Pixel 7a"))
EXIF_MAKE, EXIF_MODEL, EXIF_ORIENTATION, EXIF_DATETIME = 0x010F, 0x0110, 0x0112, 0x0132
# JPEG quality as phones save; the grain's strength (0–255) sets the file size: about 1.2 MB a photo.
PHOTO_QUALITY = 82
PHOTO_GRAIN = 12


@dataclass
class SyntheticCity:
    """A generated city: where it is, its shape, and how many items of each kind it has.

    `counts` are the items of each folder as the site has them, written in Markdown or
    imported alike (what `load_stad` loads); `opgehaald` says how many of them are imported
    records in the wijken' `_opgehaald/` snapshots (none but in the `opgehaald` shape).
    """

    root: Path
    wijken: int
    counts: dict[str, int] = field(default_factory=dict)
    photos: list[Path] = field(default_factory=list)  # every photo written, relative to `root`
    vorm: str = "gemengd"
    opgehaald: dict[str, int] = field(default_factory=dict)

    @property
    def items(self) -> int:
        """Every item of the city (initiatieven, activiteiten, berichten and kennis)."""
        return sum(self.counts.values())


def plan(items: int, wijken: int, shares: dict[str, float] = SHARES) -> list[dict[str, int]]:
    """How many items of each folder every wijk gets: `items` in all, spread evenly.

    The kinds follow `shares` (a shape's, `SHARES` by default); the remainders go to the first
    wijken, so that the counts of any two wijken differ by at most one per folder.
    """
    if items < 0 or wijken < 1:
        raise ValueError("items must be at least 0 and wijken at least 1")
    totals = {folder: int(items * shares[folder]) for folder in FOLDERS}
    for folder in FOLDERS[: items - sum(totals.values())]:
        totals[folder] += 1
    result = [dict.fromkeys(FOLDERS, 0) for _ in range(wijken)]
    for folder, total in totals.items():
        per, rest = divmod(total, wijken)
        for index, counts in enumerate(result):
            counts[folder] = per + (1 if index < rest else 0)
    return result


def plan_opgehaald(per_wijk: list[dict[str, int]], share: float) -> list[dict[str, int]]:
    """How many of each wijk's items of `per_wijk` are imported: `share` of its berichten and of its activiteiten.

    They are part of the wijk's counts: the rest of them is written in Markdown.
    """
    if not 0 <= share <= 1:
        raise ValueError(f"the share of imported items is between 0 and 1, not {share}")
    return [{folder: round(share * counts[folder]) if folder in OPGEHAALD_FOLDERS else 0 for folder in FOLDERS} for counts in per_wijk]


def wijknaam(index: int) -> str:
    """The name of the `index`th wijk: Amersfoort's own, then numbered once they run out."""
    naam = WIJKNAMEN[index % len(WIJKNAMEN)]
    return naam if index < len(WIJKNAMEN) else f"{naam} {index // len(WIJKNAMEN) + 1}"


def onderwerp_ids(vocabulaire: dict[str, Any], vorm: Vorm) -> list[str]:
    """The onderwerp ids of `vocabulaire` (a parsed vocabulaire.yml) that the city of `vorm` speaks of, sorted."""
    ids = sorted(vocabulaire.get("onderwerpen") or {})
    return ids if vorm.onderwerpen is None else ids[: vorm.onderwerpen]


def reeks(start: datetime, count: int, rng: random.Random) -> dict[str, Any]:
    """The `herhaling` of the `count`th series, first time at `start`: the kinds of `REEKSEN` in
    turn, with `behalve` on every other one; what varies draws from `rng`.

    The `behalve` dates are times of the rule (`bovenwijks.herhaling.regel` makes them), as
    an editor takes them from the agenda: one without a reason, one with.
    """
    elke, einde = REEKSEN[count % len(REEKSEN)]
    with_behalve = count % 2 == 0
    # A weekly one on its own day and two days on: Tuesday and Thursday, Friday and Sunday.
    dagen = tuple(sorted({start.weekday(), (start.weekday() + 2) % 7})) if elke == "week" else ()
    tot = start.date() + timedelta(weeks=rng.randint(10, 52)) if einde == "tot" else None
    aantal = rng.randint(4, 30) if einde == "aantal" else None
    model = Herhaling(elke, dagen, tot, aantal)
    value: dict[str, Any] = {"elke": elke, "dagen": [WEEKDAGEN[d] for d in dagen], "tot": tot and tot.isoformat(), "aantal": aantal}
    value = {key: v for key, v in value.items() if v}
    later = [t.date() for t in itertools.islice(regel(model, start.replace(tzinfo=TZ)), 1, 13)]
    if with_behalve and len(later) >= 2:
        weg, niet = sorted(rng.sample(later, 2))
        value["behalve"] = [weg.isoformat(), {"datum": niet.isoformat(), "reden": rng.choice(BEHALVE_REDENEN)}]
    return value


class _Writer:
    """Writes one city in its shape; seeded random streams, one per purpose, make it the same every time."""

    def __init__(
        self,
        root: Path,
        seed: int,
        vandaag: date,
        vocabulaire: dict[str, Any],
        fotos: frozenset[tuple[str, str, int]] = frozenset(),
        agenda: tuple[frozenset[tuple[str, int]], frozenset[tuple[str, int]]] = (frozenset(), frozenset()),
        vorm: Vorm = VORMEN["gemengd"],
        opgehaalde_agenda: tuple[frozenset[tuple[str, int]], frozenset[tuple[str, int]]] = (frozenset(), frozenset()),
    ):
        self.root, self.rng, self.vandaag, self.vorm = root, random.Random(seed), vandaag, vorm
        # The photos draw from a stream of their own: a city without photos is the same city, word for word.
        self.seed, self.foto_rng, self.fotos = seed, random.Random(f"{seed}:fotos"), fotos
        # So do the series and the cancellations: the rest of each activiteit is as it was without them.
        self.reeks_rng, (self.reeksen, self.afgelast) = random.Random(f"{seed}:reeksen"), agenda
        self.reeks_count = 0
        # The imported activiteiten that are series or afgelast; each wijk's snapshots draw from a stream of their own.
        self.opgehaalde_reeksen, self.opgehaald_afgelast = opgehaalde_agenda
        self.opgehaalde_reeks_count = 0
        self.photos: list[Path] = []
        self.themas = list(vocabulaire.get("themas") or {}) or ["informatie-en-advies", "ontmoeting", "ondersteuning"]
        entries = vocabulaire.get("onderwerpen") or {}
        self.onderwerpen = {ident: list((entries[ident] or {}).get("aliassen") or []) for ident in onderwerp_ids(vocabulaire, vorm)}

    # -- small pieces ------------------------------------------------------------------

    def persoon(self, rng: random.Random | None = None) -> str:
        rng = rng or self.rng
        return f"{rng.choice(VOORNAMEN)} {rng.choice(ACHTERNAMEN)}"

    def contact(self, naam: str, wijk: str) -> dict[str, str]:
        if self.rng.random() < 0.3:
            return {"naam": naam, "telefoon": f"033 {self.rng.randint(200, 899)} {self.rng.randint(1000, 9999)}"}
        return {"naam": naam, "email": f"{slugify(naam)}@{wijk}.example"}

    def datum(self, earliest_days_ago: int, latest_days_ago: int = 0) -> date:
        return self.vandaag - timedelta(days=self.rng.randint(latest_days_ago, earliest_days_ago))

    def pick_themas(self, usual: tuple[str, ...]) -> list[str]:
        themas = [t for t in usual if t in self.themas]
        return themas or [self.rng.choice(self.themas)]

    def onderwerpen_kiezen(self, low: int, high: int) -> list[str]:
        """Distinct onderwerpen, some written as an alias."""
        idents = self.rng.sample(sorted(self.onderwerpen), min(self.rng.randint(low, high), len(self.onderwerpen)))
        # Editors also write the other words they know a topic by: resolving them is part of the work.
        return [self.rng.choice(self.onderwerpen[i]) if self.onderwerpen[i] and self.rng.random() < 0.2 else i for i in idents]

    def body(self, context: dict[str, str], alineas: tuple[int, int], kopje: bool = False, woorden: int | None = None) -> str:
        """Paragraphs of three to five sentences, or of about `woorden` words; no sentence twice in one body."""
        zinnen = [z.format(**context) for z in self.rng.sample(ZINNEN, len(ZINNEN))]

        def alinea(low: int, high: int) -> str:
            return " ".join(zinnen.pop() for _ in range(self.rng.randint(low, high)))

        def alinea_van(woorden: int) -> str:
            # The next sentences for as long as one more brings the paragraph nearer to `woorden` words.
            gekozen = [zinnen.pop()]
            lengte = len(gekozen[0].split())
            while zinnen and abs(lengte + len(zinnen[-1].split()) - woorden) < abs(lengte - woorden):
                gekozen.append(zinnen.pop())
                lengte += len(gekozen[-1].split())
            return " ".join(gekozen)

        parts = [alinea(3, 5) if woorden is None else alinea_van(woorden) for _ in range(self.rng.randint(*alineas))]
        if kopje:
            parts.append("## Meedoen")
            parts.append(
                "\n".join(
                    f"- {z}"
                    for z in self.rng.sample(
                        (
                            "Kom een keer kijken, zonder aanmelding.",
                            f"Bel of mail {context['naam']}.",
                            f"Loop binnen bij {context['plek']}.",
                            "Neem gerust iemand mee.",
                        ),
                        2,
                    )
                )
            )
            parts.append(alinea(1, 2))
        return "\n\n".join(parts)

    def item_body(self, context: dict[str, str], alineas: tuple[int, int], kopje: bool = False) -> str:
        """The body of an item: as many paragraphs as its kind has (`alineas`), or as the shape says."""
        return self.body(context, self.vorm.alineas or alineas, kopje, self.vorm.woorden)

    def afbeelding(self, key: tuple[str, str, int], path: str, alt: str) -> dict[str, str] | None:
        """The `afbeelding` of the page at `path` when `key` has a photo: `<its slug>.jpg` beside it."""
        if key not in self.fotos:
            return None
        photo = Path(path).with_suffix(".jpg")
        if photo.name == "index.jpg":  # a wijk's profile: the photo is named after the wijk
            photo = photo.with_name(f"{photo.parent.name}.jpg")
        self.photos.append(photo)
        value = {"bestand": photo.name, "alt": alt}
        if self.foto_rng.random() < 0.6:
            value["maker"] = self.foto_rng.choice(FOTOGRAFEN)
        return value

    def herhaling(self, start: datetime) -> dict[str, Any]:
        """The `herhaling` of the next series of the Markdown, first time at `start` (see `reeks`)."""
        value = reeks(start, self.reeks_count, self.reeks_rng)
        self.reeks_count += 1
        return value

    def write(self, path: str, frontmatter: dict[str, Any], body: str) -> None:
        file = self.root / path
        file.parent.mkdir(parents=True, exist_ok=True)
        dumped = yaml.safe_dump(frontmatter, allow_unicode=True, sort_keys=False, width=1000)
        file.write_text(f"---\n{dumped}---\n\n{body}\n", encoding="utf-8")

    # -- a wijk ------------------------------------------------------------------------

    def wijk(self, index: int, counts: dict[str, int], imported: dict[str, int] | None = None) -> None:
        """Write the `index`th wijk with `counts` items in Markdown, and the `imported` ones (of a shape with them) in its snapshots."""
        naam = wijknaam(index)
        slug = slugify(naam)
        plekken = self.rng.sample(PLEKKEN, 3)
        context = {
            "wijk": naam,
            "plek": plekken[0],
            "partner": self.rng.choice(PARTNERS),
            "naam": self.persoon(),
            "dag": self.rng.choice(DAGEN),
        }
        profiel: dict[str, Any] = {
            "naam": naam,
            "samenvatting": f"{naam} is een wijk in Amersfoort waar bewoners samen werken aan ontmoeting, hulp dichtbij huis en een prettige buurt.",
            "redactie": [f"redactie-{slug}", slugify(self.persoon())],
            "contact": f"redactie@{slug}.example",
            **self.bronnen(slug),
            "ontmoetingsplekken": [
                {
                    "naam": plek,
                    "adres": f"{self.rng.choice(STRATEN)} {self.rng.randint(1, 120)}, Amersfoort",
                    "open": "ma t/m vr 9.00–17.00",
                }
                for plek in plekken
            ],
        }
        path = f"wijken/{slug}/index.md"
        if afbeelding := self.afbeelding((slug, "", 0), path, f"Een straat in {naam} met bomen, geparkeerde fietsen en spelende kinderen."):
            profiel["afbeelding"] = afbeelding
        self.write(path, profiel, self.body(context, (2, 3)))
        prioriteiten = [
            {
                "id": f"prioriteit-{n + 1}",
                "titel": f"Prioriteit {n + 1}: {self.rng.choice(('meer ontmoeting', 'minder eenzaamheid', 'een groenere wijk', 'iedereen doet mee', 'hulp dichtbij huis'))}",
                "thema": self.rng.choice(self.themas),
            }
            for n in range(self.rng.randint(4, 6))
        ]
        self.write(f"wijken/{slug}/wijkplan.md", {"jaar": self.vandaag.year, "prioriteiten": prioriteiten}, self.body(context, (1, 2)))
        initiatieven = [self.initiatief(slug, naam, n, prioriteiten, plekken) for n in range(counts["initiatieven"])]
        for n in range(counts["agenda"]):
            self.activiteit(slug, naam, n, initiatieven, plekken)
        for n in range(counts["nieuws"]):
            self.bericht(slug, naam, n, initiatieven, plekken)
        for n in range(counts["kennis"]):
            self.kennis(slug, naam, n, plekken)
        if self.vorm.opgehaald:
            self.snapshots(slug, naam, imported or {}, initiatieven, plekken)

    def initiatief(self, wijk: str, wijknaam: str, n: int, prioriteiten: list[dict[str, str]], plekken: list[str]) -> tuple[str, str]:
        soort, usual = INITIATIEVEN[n % len(INITIATIEVEN)]
        titel = f"{soort} {wijknaam}" if n < len(INITIATIEVEN) else f"{soort} {wijknaam} {n // len(INITIATIEVEN) + 1}"
        slug = slugify(titel)
        contactpersoon = self.persoon()
        plek = self.rng.choice(plekken)
        gestart = self.datum(4000, 30)
        status = self.rng.choices([s for s, _ in STATUSSEN], [w for _, w in STATUSSEN])[0]
        fm: dict[str, Any] = {
            "titel": titel,
            "samenvatting": f"{soort} voor en door bewoners van {wijknaam}: elke week samen aan de slag in {plek}, voor iedereen die wil meedoen.",
            "status": status,
            "themas": self.pick_themas(usual),
            "contact": self.contact(contactpersoon, wijk),
            "gestart": gestart.isoformat(),
        }
        if self.rng.random() < 0.6:
            fm["bijgewerkt"] = (gestart + timedelta(days=self.rng.randint(0, (self.vandaag - gestart).days))).isoformat()
        fm["locatie"] = f"{plek}, {self.rng.choice(STRATEN)} {self.rng.randint(1, 120)}"
        fm["partners"] = self.rng.sample(PARTNERS, self.rng.randint(1, 3))
        fm["prioriteiten"] = [p["id"] for p in self.rng.sample(prioriteiten, self.rng.randint(0, 2))]
        if self.onderwerpen:
            fm["biedt"] = [
                {"onderwerp": o, "toelichting": "We delen graag ons draaiboek, onze ervaringen en de valkuilen die we tegenkwamen."}
                for o in self.onderwerpen_kiezen(*self.vorm.biedt)
            ]
            fm["zoekt"] = [
                {"onderwerp": o, "toelichting": "Wie heeft dit al eens aangepakt en wil een uurtje met ons meedenken?"}
                for o in self.onderwerpen_kiezen(*self.vorm.zoekt)
            ]
        for key in [k for k, v in fm.items() if v == []]:
            del fm[key]
        context = {"wijk": wijknaam, "plek": plek, "partner": fm["partners"][0], "naam": contactpersoon, "dag": self.rng.choice(DAGEN)}
        path = f"wijken/{wijk}/initiatieven/{slug}.md"
        if afbeelding := self.afbeelding((wijk, "initiatieven", n), path, f"Bewoners aan het werk bij {titel} in {plek}."):
            fm["afbeelding"] = afbeelding
        self.write(path, fm, self.item_body(context, (2, 3), kopje=True))
        return slug, titel

    def activiteit(self, wijk: str, wijknaam: str, n: int, initiatieven: list[tuple[str, str]], plekken: list[str]) -> None:
        soort = ACTIVITEITEN[n % len(ACTIVITEITEN)]
        day = self.vandaag + timedelta(days=self.rng.randint(-400, 200))
        plek = self.rng.choice(plekken)
        fm: dict[str, Any] = {"titel": f"{soort} in {plek}"}
        if self.rng.random() < 0.1:
            fm["start"] = day.isoformat()  # a whole day, such as a burendag
        else:
            start = datetime.combine(day, self.rng.choice(TIJDEN))
            fm["start"] = start.strftime("%Y-%m-%d %H:%M")
            if self.rng.random() < 0.7:
                fm["eind"] = (start + timedelta(hours=2)).strftime("%Y-%m-%d %H:%M")
        fm["locatie"] = f"{plek}, {self.rng.choice(STRATEN)} {self.rng.randint(1, 120)}"
        if initiatieven and self.rng.random() < 0.7:
            fm["initiatief"] = self.rng.choice(initiatieven)[0]
        fm["themas"] = self.pick_themas(INITIATIEVEN[n % len(INITIATIEVEN)][1])
        if (wijk, n) in self.reeksen:
            fm["herhaling"] = self.herhaling(
                datetime.strptime(fm["start"], "%Y-%m-%d %H:%M") if " " in fm["start"] else datetime.combine(day, time())
            )
        if (wijk, n) in self.afgelast:
            fm["afgelast"] = self.reeks_rng.choice(AFGELAST_REDENEN)
        context = {
            "wijk": wijknaam,
            "plek": plek,
            "partner": self.rng.choice(PARTNERS),
            "naam": self.persoon(),
            "dag": DAGEN[day.weekday() % len(DAGEN)],
        }
        path = f"wijken/{wijk}/agenda/{slugify(soort)}-{n + 1}.md"
        if afbeelding := self.afbeelding((wijk, "agenda", n), path, f"Buren op de foto bij {soort} in {plek}."):
            fm["afbeelding"] = afbeelding
        self.write(path, fm, self.item_body(context, (1, 2)))

    def bericht(self, wijk: str, wijknaam: str, n: int, initiatieven: list[tuple[str, str]], plekken: list[str]) -> None:
        plek = self.rng.choice(plekken)
        initiatief = self.rng.choice(initiatieven)[1] if initiatieven else f"Buurtgroep {wijknaam}"
        titel = self.rng.choice(NIEUWS).format(initiatief=initiatief, plek=plek, wijk=wijknaam, jaar=self.vandaag.year + 1)
        auteur = self.persoon()
        fm: dict[str, Any] = {
            "titel": titel,
            "datum": self.datum(1500).isoformat(),
            "auteur": auteur,
            "samenvatting": f"Nieuws uit {wijknaam}: {titel[0].lower()}{titel[1:]}. Lees hoe het ging en hoe je kunt meedoen.",
        }
        context = {"wijk": wijknaam, "plek": plek, "partner": self.rng.choice(PARTNERS), "naam": auteur, "dag": self.rng.choice(DAGEN)}
        path = f"wijken/{wijk}/nieuws/bericht-{n + 1}.md"
        if afbeelding := self.afbeelding((wijk, "nieuws", n), path, f"Een groep bewoners van {wijknaam} lacht naar de camera bij {plek}."):
            fm["afbeelding"] = afbeelding
        self.write(path, fm, self.item_body(context, (2, 3)))

    def kennis(self, wijk: str, wijknaam: str, n: int, plekken: list[str]) -> None:
        soort = "vraag" if self.rng.random() < 0.5 else "ervaring"
        titel = self.rng.choice(VRAGEN if soort == "vraag" else ERVARINGEN)
        naam = self.persoon()
        onderwerpen = self.onderwerpen_kiezen(1, 2)
        fm: dict[str, Any] = {"titel": titel, "soort": soort, "onderwerpen": onderwerpen, "datum": self.datum(900).isoformat()}
        if self.rng.random() < 0.7:
            fm["contact"] = self.contact(naam, wijk)
        context = {
            "wijk": wijknaam,
            "plek": self.rng.choice(plekken),
            "partner": self.rng.choice(PARTNERS),
            "naam": naam,
            "dag": self.rng.choice(DAGEN),
        }
        self.write(f"wijken/{wijk}/kennis/{soort}-{n + 1}.md", fm, self.item_body(context, (2, 2)))

    # -- what a wijk's own website brings in (the `opgehaald` shape) ---------------------

    def bronnen(self, wijk: str) -> dict[str, str]:
        """The keys of a wijk's `index.md` that name its own website, feed and kalender; none in a shape without imports."""
        if not self.vorm.opgehaald:
            return {}
        site = f"https://www.{wijk}.example/"
        return {"website": site, opgehaald.FEED.sleutel: f"{site}feed.xml", opgehaald.KALENDER.sleutel: f"{site}agenda.ics"}

    def snapshots(
        self, wijk: str, wijknaam: str, imported: dict[str, int], initiatieven: list[tuple[str, str]], plekken: list[str]
    ) -> None:
        """The wijk's `_opgehaald/feed.json` and `kalender.json`, as `bovenwijks ophalen` writes them the morning before the build.

        Their own stream per wijk: the Markdown of the wijk is as it would be without them.
        """
        rng = random.Random(f"{self.seed}:opgehaald:{wijk}")
        records = {
            opgehaald.FEED: [
                self.opgehaald_bericht(rng, wijk, wijknaam, n, initiatieven, plekken) for n in range(imported.get("nieuws", 0))
            ],
            opgehaald.KALENDER: [self.opgehaalde_activiteit(rng, wijk, wijknaam, n, plekken) for n in range(imported.get("agenda", 0))],
        }
        # Fetched the morning before the build, and well: nothing warns that a source fails.
        gewijzigd = datetime.combine(self.vandaag - timedelta(days=1), time(6, 30), TZ)
        for bron, items in records.items():
            site = "Wijkplatform" if bron is opgehaald.FEED else "Agenda"
            snapshot = opgehaald.Momentopname(
                url=self.bronnen(wijk)[bron.sleutel],
                site=f"{site} {wijknaam}",
                link=self.bronnen(wijk)["website"],
                gewijzigd=gewijzigd,
                items=items,
            )
            file = opgehaald.pad(self.root / "wijken" / wijk, bron)
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(snapshot.json(), encoding="utf-8")

    def opgehaald_html(self, rng: random.Random, context: dict[str, str]) -> str:
        """An imported item's text, as a site's feed or calendar has it: two or three `<p>` of two or three sentences."""
        zinnen = [html.escape(z.format(**context), quote=False) for z in rng.sample(ZINNEN, len(ZINNEN))]
        return "\n".join(f"<p>{' '.join(zinnen.pop() for _ in range(rng.randint(2, 3)))}</p>" for _ in range(rng.randint(2, 3)))

    def opgehaald_bericht(
        self, rng: random.Random, wijk: str, wijknaam: str, n: int, initiatieven: list[tuple[str, str]], plekken: list[str]
    ) -> dict[str, Any]:
        """A record of the wijk's feed (the fields of `opgehaald._VELDEN["feed"]`)."""
        plek = rng.choice(plekken)
        initiatief = rng.choice(initiatieven)[1] if initiatieven else f"Buurtgroep {wijknaam}"
        titel = rng.choice(NIEUWS).format(initiatief=initiatief, plek=plek, wijk=wijknaam, jaar=self.vandaag.year + 1)
        # A title made into an address, and numbered: two posts of one title keep two pages.
        slug = f"{slugify(titel)}-{n + 1}"
        moment = datetime.combine(self.vandaag - timedelta(days=rng.randint(1, 1500)), rng.choice(TIJDEN), TZ)
        auteur = self.persoon(rng)
        context = {"wijk": wijknaam, "plek": plek, "partner": rng.choice(PARTNERS), "naam": auteur, "dag": rng.choice(DAGEN)}
        return {
            "id": f"tag:www.{wijk}.example,{moment.date().isoformat()}:/nieuws/{slug}/",
            "slug": slug,
            "titel": titel,
            "datum": moment.isoformat(),
            "link": f"https://www.{wijk}.example/nieuws/{slug}/",
            "site": f"Wijkplatform {wijknaam}",
            "html": self.opgehaald_html(rng, context),
            "samenvatting": f"Van de website van {wijknaam}: {titel[0].lower()}{titel[1:]}.",
            "auteur": auteur,
            "afbeelding": None,
        }

    def opgehaalde_activiteit(self, rng: random.Random, wijk: str, wijknaam: str, n: int, plekken: list[str]) -> dict[str, Any]:
        """A record of the wijk's kalender (the fields of `opgehaald._VELDEN["kalender"]`): some series, a few afgelast.

        From four weeks ago on, as `bovenwijks ophalen` imports a calendar; a series in the
        contract's words (`herhaling_van`), its `behalve` dates as objects.
        """
        soort, plek = rng.choice(ACTIVITEITEN), rng.choice(plekken)
        titel = f"{soort} in {plek}"
        slug = f"{slugify(titel)}-{n + 1}"
        hele_dag = rng.random() < 0.1
        day = self.vandaag + timedelta(days=rng.randint(-28, 180))
        start = datetime.combine(day, time() if hele_dag else rng.choice(TIJDEN), TZ)
        eind = start + timedelta(hours=2) if not hele_dag and rng.random() < 0.7 else None
        herhaling = None
        if (wijk, n) in self.opgehaalde_reeksen:
            herhaling = reeks(start, self.opgehaalde_reeks_count, rng)
            self.opgehaalde_reeks_count += 1
            if "behalve" in herhaling:
                herhaling["behalve"] = [u if isinstance(u, dict) else {"datum": u, "reden": None} for u in herhaling["behalve"]]
        context = {
            "wijk": wijknaam,
            "plek": plek,
            "partner": rng.choice(PARTNERS),
            "naam": self.persoon(rng),
            "dag": DAGEN[day.weekday() % len(DAGEN)],
        }
        gewijzigd = datetime.combine(self.vandaag - timedelta(days=rng.randint(1, 60)), time(rng.randint(8, 21), rng.randint(0, 59)), TZ)
        return {
            "id": f"agenda-{n + 1}@www.{wijk}.example",
            "slug": slug,
            "titel": titel,
            "start": start.isoformat(),
            "eind": eind.isoformat() if eind else None,
            "hele_dag": hele_dag,
            "locatie": f"{plek}, {rng.choice(STRATEN)} {rng.randint(1, 120)}, Amersfoort",
            "html": self.opgehaald_html(rng, context),
            "link": f"https://www.{wijk}.example/agenda/{slug}/",
            "site": f"Agenda {wijknaam}",
            "afgelast": rng.choice(AFGELAST_REDENEN) if (wijk, n) in self.opgehaald_afgelast else None,
            "herhaling": herhaling,
            "gewijzigd": gewijzigd.isoformat(),
        }


def choose_photos(per_wijk: list[dict[str, int]], share: float, seed: int) -> frozenset[tuple[str, str, int]]:
    """Which pages have a photo: `share` of all items, drawn from those that take one, and `share` of the wijk profiles.

    A page is `(wijk slug, folder, number)`, a wijk's profile `(wijk slug, "", 0)`.
    """
    if not 0 <= share <= 1:
        raise ValueError(f"the share of items with a photo is between 0 and 1, not {share}")
    rng = random.Random(f"{seed}:welke-fotos")
    slugs = [slugify(wijknaam(index)) for index in range(len(per_wijk))]
    items = [
        (slug, folder, n) for slug, counts in zip(slugs, per_wijk, strict=True) for folder in PHOTO_FOLDERS for n in range(counts[folder])
    ]
    total = sum(sum(counts.values()) for counts in per_wijk)
    chosen = rng.sample(items, min(round(share * total), len(items)))
    chosen += rng.sample([(slug, "", 0) for slug in slugs], round(share * len(slugs)))
    return frozenset(chosen)


def choose_agenda(
    per_wijk: list[dict[str, int]], seed: int, series: float = SERIES, afgelast: float = AFGELAST, stream: str = "welke-reeksen"
) -> tuple[frozenset[tuple[str, int]], frozenset[tuple[str, int]]]:
    """Which activiteiten are series (`series` of them) and which are afgelast (`afgelast`), as `(wijk slug, number)`.

    Drawn apart, so that a few series are cancelled as a whole. The imported activiteiten are
    chosen from a `stream` of their own.
    """
    rng = random.Random(f"{seed}:{stream}")
    slugs = [slugify(wijknaam(index)) for index in range(len(per_wijk))]
    activiteiten = [(slug, n) for slug, counts in zip(slugs, per_wijk, strict=True) for n in range(counts["agenda"])]
    reeksen = rng.sample(activiteiten, round(series * len(activiteiten)))
    cancelled = rng.sample(activiteiten, round(afgelast * len(activiteiten)))
    return frozenset(reeksen), frozenset(cancelled)


def write_andere_stad(root: Path, items: int, vocabulaire: dict[str, Any], vorm: Vorm, seed: int, vandaag: date) -> Path:
    """Utrecht's snapshot (`UTRECHT`) in `root/wijken/_steden/`, as `bovenwijks ophalen --stad` keeps it: its file.

    Initiatieven that offer know-how on our onderwerp ids (of the city's shape), `ANDERE_STAD`
    of our `items` and at least `ANDERE_STAD_MIN`, and a fifth as many ervaringen; fetched the
    morning before the build. Its own stream: the rest of the city is the same without it.
    """
    rng = random.Random(f"{seed}:andere-stad")
    ids = onderwerp_ids(vocabulaire, vorm)
    namen = {ident: ((vocabulaire.get("onderwerpen") or {}).get(ident) or {}).get("naam") or ident for ident in ids}

    def pagina(n: int, soorten: tuple[str, ...], folder: str, met_wijk: bool) -> dict[str, str]:
        # Every wijk, then every soort in it, then all again numbered: each id once.
        wijk = UTRECHTSE_WIJKEN[n % len(UTRECHTSE_WIJKEN)]
        ronde, soort = divmod(n // len(UTRECHTSE_WIJKEN), len(soorten))
        titel = f"{soorten[soort]} {wijk}" if met_wijk else soorten[soort]
        titel = titel if ronde == 0 else f"{titel} {ronde + 1}"
        ident = f"{slugify(wijk)}/{folder}/{slugify(titel)}"
        return {"id": ident, "url": f"{UTRECHT.url}wijken/{ident}/", "titel": titel, "wijk": slugify(wijk)}

    initiatieven = []
    for n in range(max(ANDERE_STAD_MIN, round(ANDERE_STAD * items)) if ids else 0):
        record = pagina(n, tuple(soort for soort, _ in INITIATIEVEN), "initiatieven", met_wijk=True)
        record["status"] = rng.choices([s for s, _ in STATUSSEN], [w for _, w in STATUSSEN])[0]
        record["biedt"] = [
            {"onderwerp": o, "toelichting": "Wij delen graag hoe we het aanpakten, en wat we anders zouden doen."}
            for o in rng.sample(ids, min(rng.randint(1, 2), len(ids)))
        ]
        initiatieven.append(record)
    kennis = []
    for n in range(len(initiatieven) // 5):
        record = pagina(n, ERVARINGEN, "kennis", met_wijk=False)
        record["onderwerpen"] = rng.sample(ids, min(rng.randint(1, 2), len(ids)))
        record["datum"] = (vandaag - timedelta(days=rng.randint(1, 900))).isoformat()
        kennis.append(record)
    gebruikt = sorted(
        {o for r in initiatieven for o in (b["onderwerp"] for b in r["biedt"])} | {o for r in kennis for o in r["onderwerpen"]}
    )
    snapshot = steden.Momentopname(
        naam=UTRECHT.naam,
        url=UTRECHT.url,
        data_versie=1,
        gewijzigd=datetime.combine(vandaag - timedelta(days=1), time(6, 30), TZ),
        initiatieven=initiatieven,
        kennis=kennis,
        onderwerpen=[{"id": ident, "naam": namen[ident]} for ident in gebruikt],
    )
    file = steden.pad(root / "wijken", UTRECHT)
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(snapshot.json(), encoding="utf-8")
    return file


@cache
def _grain(size: tuple[int, int]) -> Image.Image:
    """A sensor's grain, the same for every photo of `size` (made once per process; it is the costly part)."""
    noise = Image.frombytes("L", size, random.Random("korrel").randbytes(size[0] * size[1]))
    noise = noise.point(lambda v: v * PHOTO_GRAIN // 255)
    return Image.merge("RGB", (noise, noise, noise))


def photo_layout(rng: random.Random) -> tuple[tuple[int, int], int | None]:
    """The pixels (wide, high) of a photo and its EXIF Orientation (None: no EXIF), as often as `PHOTO_LAYOUTS` says."""
    return rng.choices([(size, orientation) for size, orientation, _ in PHOTO_LAYOUTS], [w for *_, w in PHOTO_LAYOUTS])[0]


def write_photo(path: Path, seed: str) -> None:
    """A JPEG at a phone's size and with a phone's EXIF, its own for every `seed`: cheap to make, distinct in content.

    Colours from 48 random pixels, spread over the whole photo, plus a grain (the same in
    every photo, made once per process) that gives the file a phone photo's weight (about 1.2 MB; a photo of smooth colour alone would be a
    quarter of that and decode faster than a real one).
    """
    rng = random.Random(seed)
    size, orientation = photo_layout(rng)
    wide, high = (8, 6) if size[0] > size[1] else (6, 8)
    colours = Image.frombytes("RGB", (wide, high), rng.randbytes(wide * high * 3))
    # Smooth at an eighth of the size, then blown up in blocks of 8 × 8: JPEG's own blocks, a third of the time of smoothing at full size.
    image = colours.resize((size[0] // 8, size[1] // 8), Image.Resampling.BICUBIC).resize(size, Image.Resampling.NEAREST)
    image = ImageChops.add(image, _grain(size), offset=-PHOTO_GRAIN // 2)
    options: dict[str, Any] = {"quality": PHOTO_QUALITY}
    if orientation is not None:
        exif = Image.Exif()
        exif[EXIF_MAKE], exif[EXIF_MODEL] = rng.choice(TELEFOONS)
        exif[EXIF_ORIENTATION] = orientation
        taken = datetime.combine(VANDAAG - timedelta(days=rng.randint(0, 2000)), rng.choice(TIJDEN))
        exif[EXIF_DATETIME] = taken.strftime("%Y:%m:%d %H:%M:%S")
        options["exif"] = exif.tobytes()
    image.save(path, "JPEG", **options)


def _write_photo(job: tuple[Path, str]) -> None:
    write_photo(*job)


def write_photos(root: Path, photos: list[Path], seed: int, workers: int | None = None) -> None:
    """Write every photo of `photos` (relative to `root`), on every core when there are many.

    Each photo's content follows from the seed and its own path, whichever process makes it.
    """
    jobs = [(root / photo, f"{seed}:{photo.as_posix()}") for photo in photos]
    workers = min(workers or os.cpu_count() or 1, len(jobs) // 8)
    if workers < 2:
        for job in jobs:
            _write_photo(job)
        return
    with ProcessPoolExecutor(workers) as pool:
        for _ in pool.map(_write_photo, jobs, chunksize=16):
            pass


def generate(
    root: Path,
    items: int = 1000,
    wijken: int = 30,
    seed: int = 2026,
    vandaag: date = VANDAAG,
    content: Path = REPO / "content",
    photos: float | None = None,
    *,
    vorm: Vorm = VORMEN["gemengd"],
) -> SyntheticCity:
    """Write a city of `wijken` wijken with `items` items under `root` (which must not hold one), in the shape `vorm`.

    `content` (the city pages and `vocabulaire.yml`) is copied as it is, and the items use
    its themas and onderwerpen. Build the city with `vandaag` as the build date. `photos` of
    all items (None: the shape's share, a fifth but in `fotos`; 0 for none) have a photo, and
    as many of the wijk profiles; an imported item has none. In the `opgehaald` shape the
    imported berichten and activiteiten are part of `items`, in place of Markdown files
    (`SyntheticCity.opgehaald` counts them), so that every shape has as many items on its site.
    """
    root = Path(root)
    if (root / "wijken").exists():
        raise FileExistsError(f"{root / 'wijken'} exists already; give an empty folder")
    per_wijk = plan(items, wijken, vorm.shares)
    imported = plan_opgehaald(per_wijk, vorm.opgehaald)
    markdown = [{folder: counts[folder] - extern[folder] for folder in FOLDERS} for counts, extern in zip(per_wijk, imported, strict=True)]
    fotos = choose_photos(markdown, vorm.photos if photos is None else photos, seed)
    shutil.copytree(content, root / "content", dirs_exist_ok=True)
    vocabulaire = yaml.safe_load((root / "content" / "vocabulaire.yml").read_text(encoding="utf-8")) or {}
    writer = _Writer(
        root,
        seed,
        vandaag,
        vocabulaire,
        fotos,
        choose_agenda(markdown, seed, vorm.series, vorm.afgelast),
        vorm,
        choose_agenda(imported, seed, vorm.series, vorm.afgelast, stream="welke-opgehaalde-reeksen"),
    )
    for index, (counts, extern) in enumerate(zip(markdown, imported, strict=True)):
        writer.wijk(index, counts, extern)
    write_andere_stad(root, items, vocabulaire, vorm, seed, vandaag)
    write_photos(root, writer.photos, seed)

    def totals(counts: list[dict[str, int]]) -> dict[str, int]:
        return {folder: sum(c[folder] for c in counts) for folder in FOLDERS}

    return SyntheticCity(root, wijken, totals(per_wijk), writer.photos, vorm.naam, totals(imported))
