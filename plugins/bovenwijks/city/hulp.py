"""Hulp en advies: for every need residents name, what helps with it in each wijk.

An initiatief or activiteit helps with the needs its editors name under `hulp:`; an
activiteit of an initiatief also helps with its initiatief's. Only those: a thema such as
`ondersteuning` covers mantelzorg and boodschappen alike, so it would say too little.

One pass over the city's items: the work grows with the city, not with needs times items.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from bovenwijks.city.agenda import agenda
from bovenwijks.herhaling import Keer
from bovenwijks.keuzes import STATUS
from bovenwijks.model import Activiteit, Hulpvraag, Initiatief, Stad, Wijk

# An initiatief that is over no longer helps anyone; ideeën and gepauzeerde still say who to ask.
VOORBIJ = frozenset({"afgerond"})


@dataclass
class Wijkhulp:
    """What helps with one need in one wijk; its residents' contact is `wijk.wijkteam`."""

    wijk: Wijk
    initiatieven: list[Initiatief] = field(default_factory=list)  # active first, then by titel
    activiteiten: list[Keer] = field(default_factory=list)  # each one to come, at its next time, earliest first

    @property
    def leeg(self) -> bool:
        """Whether nothing in this wijk helps with the need (yet)."""
        return not self.initiatieven and not self.activiteiten


@dataclass
class Hulpoverzicht:
    """One need across the city: a `Wijkhulp` for every wijk, by the wijk's name."""

    hulpvraag: Hulpvraag
    wijken: list[Wijkhulp]

    @property
    def aantal(self) -> int:
        """How many initiatieven and activiteiten help with the need."""
        return sum(len(w.initiatieven) + len(w.activiteiten) for w in self.wijken)

    @property
    def wijken_met_hulp(self) -> int:
        """In how many wijken something helps with the need."""
        return sum(not w.leeg for w in self.wijken)


def wijken_op_naam(stad: Stad) -> list[Wijk]:
    """The wijken in the order residents look them up: by name."""
    return sorted(stad.wijken.values(), key=lambda w: (w.naam.lower(), w.slug))


def activiteit_hulp(activiteit: Activiteit, organisator: Initiatief | None) -> list[str]:
    """The needs an activiteit helps with: its own, then those of the initiatief that organises it."""
    return list(dict.fromkeys([*activiteit.hulp, *(organisator.hulp if organisator else ())]))


def per_hulpvraag(stad: Stad, vandaag: date) -> dict[str, Hulpoverzicht]:
    """Every need of the vocabulary, in its order, with what helps in each wijk.

    Activiteiten count while they have not ended before `vandaag`; initiatieven unless
    they are over. Ids that are not in the vocabulary (a city whose vocabulary could not be
    read) are left out.
    """
    wijken = wijken_op_naam(stad)
    result = {ident: Hulpoverzicht(h, [Wijkhulp(w) for w in wijken]) for ident, h in stad.vocabulaire.hulp.items()}
    place = {w.slug: n for n, w in enumerate(wijken)}
    volgende = agenda(stad, vandaag).volgende
    for wijk in wijken:
        groep = place[wijk.slug]
        initiatieven = {i.slug: i for i in wijk.initiatieven}
        for initiatief in wijk.initiatieven:
            if initiatief.status in VOORBIJ:
                continue
            for ident in dict.fromkeys(initiatief.hulp):
                if ident in result:
                    result[ident].wijken[groep].initiatieven.append(initiatief)
        for activiteit in wijk.agenda:
            keer = volgende.get(activiteit.identity)
            if keer is None:
                continue  # over
            organisator = initiatieven.get(activiteit.initiatief) if activiteit.initiatief else None
            for ident in activiteit_hulp(activiteit, organisator):
                if ident in result:
                    result[ident].wijken[groep].activiteiten.append(keer)
    for overzicht in result.values():
        for w in overzicht.wijken:
            w.initiatieven.sort(key=lambda i: (STATUS[i.status].rang, i.titel.lower(), i.slug))
            w.activiteiten.sort(key=lambda k: (k.start, k.identity))
    return result
