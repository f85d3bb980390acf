"""The stedelijk overzicht: the whole city by wijk, thema, status and date.

Every function here is one pass over the city's items (no pairwise work), so the overview
costs time in proportion to the city.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import groupby

from bovenwijks.dates import dutch_month
from bovenwijks.keuzes import STATUS, STATUS_VOLGORDE
from bovenwijks.model import Activiteit, Initiatief, Prioriteit, Stad, Wijk


def initiatieven(stad: Stad) -> list[Initiatief]:
    """Every initiatief of the city, by titel (then wijk), as residents scan a list."""
    return sorted(stad.initiatieven(), key=lambda i: (i.titel.lower(), i.wijk, i.slug))


def komend(stad: Stad, vandaag: date) -> list[Activiteit]:
    """Activiteiten that have not ended before `vandaag` (in Amsterdam), earliest first."""
    return [a for a in stad.activiteiten() if a.einddatum >= vandaag]


def voorbij(stad: Stad, vandaag: date) -> list[Activiteit]:
    """Activiteiten that are over, most recent first."""
    upcoming = {a.identity for a in komend(stad, vandaag)}
    return [a for a in reversed(stad.activiteiten()) if a.identity not in upcoming]


@dataclass
class Binnenkort:
    """What there is to do soon, as residents plan it: the rest of this week, and the weekend."""

    deze_week: list[Activiteit]  # from today to Friday; empty on a Saturday or Sunday
    weekend: list[Activiteit]  # the coming Saturday and Sunday, or the one we are in
    zaterdag: date
    zondag: date


def binnenkort(komend_lijst: list[Activiteit], vandaag: date) -> Binnenkort:
    """The activiteiten of the rest of the week and of the weekend, earliest first.

    `komend_lijst` is what `komend` gives for `vandaag`: the caller has it already. An
    activiteit that lasts several days is in every part it overlaps. Only the first
    activiteiten are read: the list is sorted by start.
    """
    # On a Sunday, "the weekend" is the one we are in: it started yesterday.
    zaterdag = vandaag - timedelta(days=1) if vandaag.weekday() == 6 else vandaag + timedelta(days=5 - vandaag.weekday())
    zondag = zaterdag + timedelta(days=1)
    week: list[Activiteit] = []
    weekend: list[Activiteit] = []
    for activiteit in komend_lijst:
        if activiteit.datum > zondag:
            break
        if activiteit.datum < zaterdag and vandaag < zaterdag:
            week.append(activiteit)
        if activiteit.einddatum >= max(zaterdag, vandaag):
            weekend.append(activiteit)
    return Binnenkort(week, weekend, zaterdag, zondag)


@dataclass
class Maand:
    """Activiteiten of one month, for an agenda grouped by month."""

    naam: str  # `december 2026`
    activiteiten: list[Activiteit]


def per_maand(activiteiten: list[Activiteit]) -> list[Maand]:
    """Group activiteiten (in order) by the month they start in."""
    return [Maand(dutch_month(key), list(group)) for key, group in groupby(activiteiten, key=lambda a: a.datum.replace(day=1))]


@dataclass
class ThemaOverzicht:
    """Everything that serves one thema across the city."""

    initiatieven: list[Initiatief] = field(default_factory=list)  # by wijk, then titel
    activiteiten: list[Activiteit] = field(default_factory=list)  # upcoming, earliest first
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
    for activiteit in komend(stad, vandaag):
        for thema in stad.activiteit_themas(activiteit):
            result.setdefault(thema, ThemaOverzicht()).activiteiten.append(activiteit)
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
