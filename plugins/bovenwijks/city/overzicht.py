"""The stedelijk overzicht: the whole city by wijk, thema, status and date.

Every function here is one pass over the city's items (no pairwise work), so the overview
costs time in proportion to the city.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from bovenwijks.city.agenda import agenda
from bovenwijks.herhaling import Keer
from bovenwijks.keuzes import STATUS, STATUS_VOLGORDE
from bovenwijks.model import Initiatief, Prioriteit, Stad, Wijk


def initiatieven(stad: Stad) -> list[Initiatief]:
    """Every initiatief of the city, by titel (then wijk), as residents scan a list."""
    return sorted(stad.initiatieven(), key=lambda i: (i.titel.lower(), i.wijk, i.slug))


@dataclass
class ThemaOverzicht:
    """Everything that serves one thema across the city."""

    initiatieven: list[Initiatief] = field(default_factory=list)  # by wijk, then titel
    activiteiten: list[Keer] = field(default_factory=list)  # each one to come, at its next time, earliest first
    prioriteiten: list[tuple[Wijk, Prioriteit]] = field(default_factory=list)


def per_thema(stad: Stad, vandaag: date) -> dict[str, ThemaOverzicht]:
    """For every thema of the vocabulary: its initiatieven, upcoming activiteiten and prioriteiten."""
    result = {thema: ThemaOverzicht() for thema in stad.vocabulaire.themas}
    for wijk in stad.wijken.values():
        for initiatief in wijk.initiatieven:
            for thema in initiatief.themas:
                result.setdefault(thema, ThemaOverzicht()).initiatieven.append(initiatief)
        if wijk.wijkplan:
            for prioriteit in wijk.wijkplan.prioriteiten:
                result.setdefault(prioriteit.thema, ThemaOverzicht()).prioriteiten.append((wijk, prioriteit))
    for keer in sorted(agenda(stad, vandaag).volgende.values(), key=lambda k: (k.start, k.identity)):
        for thema in stad.activiteit_themas(keer.activiteit):
            result.setdefault(thema, ThemaOverzicht()).activiteiten.append(keer)
    return result


def per_status(stad: Stad) -> dict[str, list[Initiatief]]:
    """Initiatieven by status, in the order residents care about: active first."""
    result: dict[str, list[Initiatief]] = {status: [] for status in STATUS_VOLGORDE}
    for initiatief in initiatieven(stad):
        result[initiatief.status].append(initiatief)
    return result


def thema_per_wijk(stad: Stad) -> dict[str, dict[str, int]]:
    """How many initiatieven each wijk has per thema: {wijk: {thema: count}}."""
    counts: dict[str, dict[str, int]] = {}
    for wijk in stad.wijken.values():
        row: dict[str, int] = defaultdict(int)
        for initiatief in wijk.initiatieven:
            for thema in initiatief.themas:
                row[thema] += 1
        counts[wijk.slug] = dict(row)
    return counts


# How many initiatieven `/helpen/` shows of each wijk; the rest are on the wijk's own page, so
# that the page grows with the number of wijken, not with the city's initiatieven.
MEEDOEN_PER_WIJK = 5


def meedoen(stad: Stad) -> list[tuple[Wijk, list[Initiatief]]]:
    """The initiatieven a resident can join, per wijk by name: active ones first, then new ideas.

    Paused and finished initiatieven are left out: there is nothing to join.
    """
    result = []
    for wijk in sorted(stad.wijken.values(), key=lambda w: w.naam.lower()):
        lijst = [i for i in wijk.initiatieven if STATUS[i.status].meedoen]
        if lijst:
            lijst.sort(key=lambda i: (STATUS[i.status].rang, i.titel.lower()))
            result.append((wijk, lijst))
    return result
