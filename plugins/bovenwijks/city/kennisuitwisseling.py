"""The kennisuitwisseling: which know-how initiatieven offer, what they look for, who can help whom.

Everything is indexed by onderwerp in one pass over the city. A match is found by looking up
the onderwerp a `zoekt` names and walking its offers best first until enough are found; no
initiatief is ever compared with every other one. The work grows with the number of items,
not with its square (see docs/kennis.md for the order and the cost).

A vraag and an ervaring need more than a shared onderwerp: their texts must fit
(`textfit.TextFit`). Only the ervaringen of other wijken that share an onderwerp with a vraag
are candidates for it, best fit first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from itertools import groupby
from typing import TypeVar

import numpy as np

from bovenwijks.city.elders import Elders
from bovenwijks.city.textfit import RELATED, TextFit
from bovenwijks.keuzes import STATUS
from bovenwijks.model import Aanbod, Initiatief, Kennis, Onderwerp, Stad

# How many matches a `zoekt` (or `biedt`) shows; the page of the onderwerp lists them all.
MAX_MATCHES = 3

T = TypeVar("T")


@dataclass(frozen=True, eq=False)
class Regel:
    """One `biedt` or `zoekt` entry, with the initiatief it belongs to."""

    initiatief: Initiatief
    kant: str  # "biedt" or "zoekt"
    onderwerp: str
    toelichting: str | None
    anker: str  # unique in the city: this entry's fragment on the matches page

    @property
    def wijk(self) -> str:
        """The slug of the wijk of the initiatief."""
        return self.initiatief.wijk


@dataclass(frozen=True)
class Match:
    """The best initiatieven of other wijken for one entry: offers for a `zoekt`, seekers for a `biedt`."""

    regel: Regel
    beste: list[Regel]  # best first, at most the limit
    totaal: int  # how many entries of other wijken there are in all

    @property
    def anker(self) -> str:
        """The fragment of this match on the matches page."""
        return self.regel.anker

    @property
    def meer(self) -> int:
        """How many more there are than `beste` shows."""
        return self.totaal - len(self.beste)


@dataclass(frozen=True)
class Antwoord:
    """A kennis item and the items of other wijken whose texts fit it, about a shared onderwerp.

    For a vraag: the ervaringen that answer it. For an ervaring: the vragen it answers.
    """

    kennis: Kennis
    beste: list[Kennis]  # best fit first, then newest, then identity; at most the limit

    @property
    def anker(self) -> str:
        """The fragment of this kennis item on the matches page."""
        return f"{self.kennis.soort}--{self.kennis.wijk}--{self.kennis.slug}"


@dataclass
class Onderwerpkennis:
    """Everything the city offers, seeks, asks and has learned about one onderwerp."""

    onderwerp: Onderwerp
    biedt: list[Regel] = field(default_factory=list)  # in the documented order, without the tie on themas
    zoekt: list[Regel] = field(default_factory=list)  # in the same order
    vragen: list[Kennis] = field(default_factory=list)  # newest first
    ervaringen: list[Kennis] = field(default_factory=list)  # newest first
    per_wijk: dict[str, Counter] = field(default_factory=lambda: {"biedt": Counter(), "zoekt": Counter()}, repr=False)

    @property
    def wijken_biedt(self) -> int:
        """How many wijken have an initiatief that offers this onderwerp."""
        return len(self.per_wijk["biedt"])

    @property
    def wijken_zoekt(self) -> int:
        """How many wijken have an initiatief that looks for this onderwerp."""
        return len(self.per_wijk["zoekt"])

    @property
    def leeg(self) -> bool:
        """True when nobody offers, seeks, asks or has shared anything about it yet."""
        return not (self.biedt or self.zoekt or self.vragen or self.ervaringen)


def rang(initiatief: Initiatief) -> tuple[int, int]:
    """The first part of the documented order: status, then the most recent date first.

    Initiatieven with neither `bijgewerkt` nor `gestart` come after the dated ones.
    """
    datum = initiatief.datum
    # The documented order of matches starts with how alive the other initiatief is.
    return STATUS[initiatief.status].rang, -datum.toordinal() if datum else 1


def gedeelde_themas(a: Initiatief, b: Initiatief) -> int:
    """How many themas two initiatieven have in common."""
    return len(set(a.themas) & set(b.themas))


def volgorde(voor: Initiatief, ander: Initiatief) -> tuple:
    """The sort key of `ander` among the matches for `voor`; the best match has the smallest.

    Actief before idee before gepauzeerd before afgerond; then the most recently
    `bijgewerkt` (or else `gestart`) first, undated last; then the most themas shared with
    `voor`; then by identity (wijk, then file name), so that every build gives the same order.
    """
    return (*rang(ander), -gedeelde_themas(voor, ander), ander.identity)


def _kennis_rang(item: Kennis) -> tuple[int, str]:
    return -item.datum.toordinal(), item.identity


def best(
    ranked: Iterable[T], *, group: Callable[[T], object], tie: Callable[[T], object], keep: Callable[[T], bool], limit: int
) -> list[T]:
    """The first `limit` items of `ranked` that `keep`, each run of equal `group` ordered by `tie`.

    `ranked` is read lazily, only as far as `limit` needs: a run is the smallest part of the
    order that the tie can change, so the runs before the limit are all we look at.
    """
    chosen: list[T] = []
    for _, run in groupby(ranked, key=group):
        if len(chosen) >= limit:
            break
        chosen.extend(sorted(filter(keep, run), key=tie))
    return chosen[:limit]


class Uitwisseling:
    """The kennisuitwisseling of a city: its index by onderwerp, and the matches it makes."""

    def __init__(self, stad: Stad, limit: int = MAX_MATCHES):
        """Index every `biedt`, `zoekt`, vraag and ervaring of `stad` by onderwerp, in one pass.

        `limit` is how many matches an entry shows at most.
        """
        self.stad = stad
        self.limit = limit
        self.elders = Elders(stad)
        self.onderwerpen: dict[str, Onderwerpkennis] = {i: Onderwerpkennis(o) for i, o in stad.vocabulaire.onderwerpen.items()}
        self._regels: dict[str, dict[str, list[Regel]]] = {}
        self._cache: dict[tuple, tuple[list[Regel], int]] = {}
        ankers: Counter = Counter()
        for wijk in stad.wijken.values():
            for initiatief in wijk.initiatieven:
                regels = self._regels[initiatief.identity] = {"biedt": [], "zoekt": []}
                for kant, entries in (("biedt", initiatief.biedt), ("zoekt", initiatief.zoekt)):
                    for entry in entries:
                        anker = f"{kant}--{initiatief.wijk}--{initiatief.slug}--{entry.onderwerp}"
                        ankers[anker] += 1
                        if ankers[anker] > 1:  # the same onderwerp twice in one list
                            anker += f"--{ankers[anker]}"
                        regel = Regel(initiatief, kant, entry.onderwerp, entry.toelichting, anker)
                        regels[kant].append(regel)
                        kennis = self.onderwerp(entry.onderwerp)
                        getattr(kennis, kant).append(regel)
                        kennis.per_wijk[kant][wijk.slug] += 1
            for item in wijk.kennis:
                for onderwerp in dict.fromkeys(item.onderwerpen):
                    kennis = self.onderwerp(onderwerp)
                    (kennis.vragen if item.soort == "vraag" else kennis.ervaringen).append(item)
        for kennis in self.onderwerpen.values():
            for regels in (kennis.biedt, kennis.zoekt):
                regels.sort(key=lambda r: (*rang(r.initiatief), r.initiatief.identity))
            for items in (kennis.vragen, kennis.ervaringen):
                items.sort(key=_kennis_rang)

    def onderwerp(self, ident: str) -> Onderwerpkennis:
        """What the city knows about the onderwerp `ident` (empty when nobody mentions it)."""
        kennis = self.onderwerpen.get(ident)
        if kennis is None:  # only without a readable vocabulary: the loader then accepts any word
            kennis = self.onderwerpen[ident] = Onderwerpkennis(Onderwerp(ident, ident))
        return kennis

    def gesorteerd(self) -> list[Onderwerpkennis]:
        """Every onderwerp, by name."""
        return sorted(self.onderwerpen.values(), key=lambda k: (k.onderwerp.naam.lower(), k.onderwerp.id))

    def elders_voor(self, initiatief: Initiatief) -> list[tuple[Regel, list[Aanbod], int]]:
        """For each `zoekt` of `initiatief` that another city offers: its best offers (at most
        `limit`) and how many more there are, in the order its editors wrote them."""
        result = []
        for regel in self.regels(initiatief, "zoekt"):
            aanbod = self.elders.aanbod(regel.onderwerp)
            if aanbod:
                result.append((regel, aanbod[: self.limit], max(0, len(aanbod) - self.limit)))
        return result

    def regels(self, initiatief: Initiatief, kant: str) -> list[Regel]:
        """The `biedt` or `zoekt` entries of `initiatief`, in the order its editors wrote them."""
        return self._regels.get(initiatief.identity, {}).get(kant, [])

    # -- matches between initiatieven -------------------------------------------------

    def match(self, regel: Regel) -> Match:
        """The best entries of other wijken for `regel`: who offers what it seeks, or who seeks what it offers."""
        kennis = self.onderwerp(regel.onderwerp)
        andere_kant = "zoekt" if regel.kant == "biedt" else "biedt"
        # The answer depends only on the wijk and themas of the initiatief, so initiatieven
        # that share them share one search: the number of searches stays bounded however
        # many initiatieven there are.
        key = (andere_kant, regel.onderwerp, regel.wijk, frozenset(regel.initiatief.themas))
        if key not in self._cache:
            kandidaten = getattr(kennis, andere_kant)
            beste = best(
                kandidaten,
                group=lambda r: rang(r.initiatief),
                tie=lambda r: volgorde(regel.initiatief, r.initiatief),
                keep=lambda r: r.wijk != regel.wijk,
                limit=self.limit,
            )
            totaal = len(kandidaten) - kennis.per_wijk[andere_kant][regel.wijk]
            self._cache[key] = (beste, totaal)
        beste, totaal = self._cache[key]
        return Match(regel, beste, totaal)

    def matches(self, initiatief: Initiatief, kant: str) -> list[Match]:
        """A match for every `biedt` or `zoekt` entry of `initiatief`."""
        return [self.match(r) for r in self.regels(initiatief, kant)]

    def matches_per_onderwerp(self) -> list[tuple[Onderwerpkennis, list[Match]]]:
        """For every onderwerp that is sought, by name: a match for each `zoekt`, seekers in the documented order."""
        return [(kennis, [self.match(r) for r in kennis.zoekt]) for kennis in self.gesorteerd() if kennis.zoekt]

    def alle_matches(self) -> list[Match]:
        """A match for every `zoekt` of the city, grouped as `matches_per_onderwerp`."""
        return [match for _, matches in self.matches_per_onderwerp() for match in matches]

    def wijk_aanbod(self, slug: str) -> list[tuple[Onderwerpkennis, list[Regel], int]]:
        """What the wijk `slug` offers, by onderwerp: its entries, and how many other wijken seek it."""
        per_onderwerp: dict[str, list[Regel]] = {}
        for initiatief in self.stad.wijken[slug].initiatieven:
            for regel in self.regels(initiatief, "biedt"):
                per_onderwerp.setdefault(regel.onderwerp, []).append(regel)
        result = []
        for ident, regels in per_onderwerp.items():
            kennis = self.onderwerp(ident)
            result.append((kennis, regels, len(kennis.per_wijk["zoekt"].keys() - {slug})))
        return sorted(result, key=lambda t: t[0].onderwerp.naam.lower())

    def wijk_vraag(self, slug: str) -> list[tuple[Onderwerpkennis, list[Match]]]:
        """What the wijk `slug` looks for, by onderwerp: a match for each of its `zoekt` entries."""
        per_onderwerp: dict[str, list[Match]] = {}
        for initiatief in self.stad.wijken[slug].initiatieven:
            for match in self.matches(initiatief, "zoekt"):
                per_onderwerp.setdefault(match.regel.onderwerp, []).append(match)
        return sorted(((self.onderwerp(o), m) for o, m in per_onderwerp.items()), key=lambda t: t[0].onderwerp.naam.lower())

    # -- vragen and ervaringen -----------------------------------------------------------

    @cached_property
    def _verwant(self) -> dict[str, list[tuple[float, Kennis]]]:
        """For every kennis item, the items it relates to and how well they fit, best first.

        Every vraag is scored once against every text (one numpy array), and read only at its
        candidates: the ervaringen of other wijken about one of its onderwerpen. A pair that
        fits is kept for both sides, so an ervaring lists exactly the vragen that list it.
        """
        items = self.stad.kennis()
        verwant: dict[str, list[tuple[float, Kennis]]] = {k.identity: [] for k in items}
        if not any(k.soort == "vraag" for k in items) or not any(k.soort == "ervaring" for k in items):
            return verwant
        tekst = TextFit([f"{k.titel}\n{k.body}" for k in items])
        positie = {k.identity: n for n, k in enumerate(items)}
        for n, vraag in enumerate(items):
            kandidaten = list(self._kandidaten(vraag)) if vraag.soort == "vraag" else []
            if not kandidaten:
                continue
            # Rounded, so that texts that fit alike are a tie that the date settles.
            fits = np.round(tekst.fit(n)[[positie[k.identity] for k in kandidaten]], 4).tolist()
            for fit, ervaring in zip(fits, kandidaten, strict=True):
                if fit >= RELATED:
                    verwant[vraag.identity].append((fit, ervaring))
                    verwant[ervaring.identity].append((fit, vraag))
        for lijst in verwant.values():
            lijst.sort(key=lambda t: (-t[0], *_kennis_rang(t[1])))
        return verwant

    def _kandidaten(self, vraag: Kennis) -> Iterator[Kennis]:
        """The ervaringen of other wijken that share an onderwerp with `vraag`, each once."""
        seen: set[str] = set()
        for onderwerp in dict.fromkeys(vraag.onderwerpen):
            for ervaring in self.onderwerp(onderwerp).ervaringen:
                if ervaring.wijk != vraag.wijk and ervaring.identity not in seen:
                    seen.add(ervaring.identity)
                    yield ervaring

    def antwoord(self, item: Kennis) -> Antwoord:
        """For a vraag, the ervaringen of other wijken that answer it; for an ervaring, the vragen.

        Only items about an onderwerp of `item` whose text fits it (`textfit.RELATED`): best fit
        first, then the newest, then by identity.
        """
        return Antwoord(item, [k for _, k in self._verwant.get(item.identity, [])[: self.limit]])

    def vragen(self) -> list[Kennis]:
        """Every vraag of the city, newest first."""
        return [k for k in self.stad.kennis() if k.soort == "vraag"]

    def ervaringen(self) -> list[Kennis]:
        """Every ervaring of the city, newest first."""
        return [k for k in self.stad.kennis() if k.soort == "ervaring"]

    def beantwoorde_vragen(self) -> list[Antwoord]:
        """Every vraag that an ervaring of another wijk answers, newest vraag first."""
        return [a for a in map(self.antwoord, self.vragen()) if a.beste]
