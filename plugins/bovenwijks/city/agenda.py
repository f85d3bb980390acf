"""The city's agenda on a given day: the times to come, and what is over.

An agenda lists times (`Keer`), not files: the taalcafé on Tuesday and again on Thursday,
each linking to its one page. A series shows its times within `VENSTER` (and always its
next one); it moves to the archive once its last time has passed. A summary (an
initiatief's page, a thema, a hulpvraag) lists each activiteit once, at its next time.
A poster for the notice board (`vier_weken`) lists every time of a few weeks, day by day.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import groupby

from bovenwijks.dates import dutch_month
from bovenwijks.herhaling import Keer, in_venster, keren, laatste, volgende
from bovenwijks.model import Activiteit, Stad


def _order(keer: Keer) -> tuple:
    return (keer.start, keer.identity)


@dataclass
class Agenda:
    """What is on, as of `vandaag`: every time to come, and the last time of what is over."""

    vandaag: date
    komend: list[Keer] = field(default_factory=list)  # every listed time, earliest first
    voorbij: list[Keer] = field(default_factory=list)  # the last time of each activiteit that is over, most recent first
    volgende: dict[str, Keer] = field(default_factory=dict)  # identity → its next time, for what is not over
    _per_wijk: dict[str, list[Keer]] = field(default_factory=lambda: defaultdict(list), repr=False)
    _voorbij_per_wijk: dict[str, list[Keer]] = field(default_factory=lambda: defaultdict(list), repr=False)

    def van_wijk(self, wijk: str) -> list[Keer]:
        """The times to come in `wijk`, earliest first."""
        return self._per_wijk.get(wijk, [])

    def voorbij_van_wijk(self, wijk: str) -> list[Keer]:
        """What is over in `wijk`, most recent first."""
        return self._voorbij_per_wijk.get(wijk, [])

    def aantal(self, wijk: str) -> int:
        """How many activiteiten (a series counts once) are still to come in `wijk`."""
        return len({k.identity for k in self.van_wijk(wijk)})

    def eerstvolgende(self, activiteiten: list[Activiteit]) -> list[Keer]:
        """The next time of each of `activiteiten` that is not over, earliest first: a summary's list."""
        return sorted((self.volgende[a.identity] for a in activiteiten if a.identity in self.volgende), key=_order)


def agenda(stad: Stad, vandaag: date) -> Agenda:
    """The agenda of `stad` on `vandaag`, made once per city and day (every page reads it)."""
    made = stad.__dict__.setdefault("_agenda", {})
    if vandaag not in made:
        made[vandaag] = _agenda(stad, vandaag)
    return made[vandaag]


def _agenda(stad: Stad, vandaag: date) -> Agenda:
    result = Agenda(vandaag)
    for activiteit in stad.activiteiten():
        nxt = volgende(activiteit, vandaag)
        if nxt is None:
            last = laatste(activiteit)
            if last is not None:
                result.voorbij.append(last)
            continue
        result.volgende[activiteit.identity] = nxt
        result.komend.extend(in_venster(activiteit, vandaag))
    result.komend.sort(key=_order)
    result.voorbij.sort(key=_order, reverse=True)
    for keer in result.komend:
        result._per_wijk[keer.wijk].append(keer)
    for keer in result.voorbij:
        result._voorbij_per_wijk[keer.wijk].append(keer)
    return result


# How many times "Deze week" and "Dit weekend" each show, on the home page and at the top of
# the agenda: in a big city a week has hundreds, and one page would hold them all. The
# agenda lists the rest after them, in order (`Binnenkort.later`), a page at a time.
BINNENKORT_MAX = 12


@dataclass
class Binnenkort:
    """What there is to do soon, as residents plan it: the rest of this week, and the weekend."""

    deze_week: list[Keer]  # from today to Friday, the first BINNENKORT_MAX; empty on a Saturday or Sunday
    weekend: list[Keer]  # the coming Saturday and Sunday, or the one we are in; the first BINNENKORT_MAX
    zaterdag: date
    zondag: date
    meer_week: int = 0  # how many more times this week has than `deze_week` shows
    meer_weekend: int = 0

    @property
    def ingekort(self) -> bool:
        """Whether this week or the weekend has more times than it shows."""
        return bool(self.meer_week or self.meer_weekend)

    def later(self, komend: list[Keer]) -> list[Keer]:
        """The times of `komend` that this week and the weekend do not show: those after the weekend, and the ones left out."""
        getoond = {(k.identity, k.start) for k in (*self.deze_week, *self.weekend)}
        return [k for k in komend if k.datum > self.zondag or (k.identity, k.start) not in getoond]

    def daarna(self, komend: list[Keer], aantal: int) -> list[Keer]:
        """The next time after this weekend of each activiteit in `komend`, the first `aantal`.

        A summary, as the home page's: listing every time, one taalcafé on two evenings a
        week would fill it.
        """
        found: dict[str, Keer] = {}
        for keer in komend:
            if len(found) == aantal:
                break
            if keer.datum > self.zondag:
                found.setdefault(keer.identity, keer)
        return list(found.values())


def binnenkort(komend: list[Keer], vandaag: date, maximum: int = BINNENKORT_MAX) -> Binnenkort:
    """The times of the rest of the week and of the weekend, earliest first, at most `maximum` of each.

    `komend` is the agenda's list for `vandaag`: sorted by start, so only its first times are
    read. A time that lasts several days is in every part it overlaps.
    """
    # On a Sunday, "the weekend" is the one we are in: it started yesterday.
    zaterdag = vandaag - timedelta(days=1) if vandaag.weekday() == 6 else vandaag + timedelta(days=5 - vandaag.weekday())
    zondag = zaterdag + timedelta(days=1)
    week: list[Keer] = []
    weekend: list[Keer] = []
    for keer in komend:
        if keer.datum > zondag:
            break
        if keer.datum < zaterdag and vandaag < zaterdag:
            week.append(keer)
        if keer.einddatum >= max(zaterdag, vandaag):
            weekend.append(keer)
    getoond = {(k.identity, k.start) for k in (*week[:maximum], *weekend[:maximum])}

    def weggelaten(keren: list[Keer]) -> int:
        # A time of several days that one block leaves out may be in the other: counted where it is nowhere.
        return sum(1 for k in keren[maximum:] if (k.identity, k.start) not in getoond)

    return Binnenkort(week[:maximum], weekend[:maximum], zaterdag, zondag, weggelaten(week), weggelaten(weekend))


@dataclass
class Maand:
    """The times of one month, for an agenda grouped by month."""

    naam: str  # `december 2026`
    activiteiten: list[Keer]


def per_maand(keren: list[Keer]) -> list[Maand]:
    """Group times (in order) by the month they start in."""
    return [Maand(dutch_month(key), list(group)) for key, group in groupby(keren, key=lambda k: k.datum.replace(day=1))]


# What a poster on a notice board shows: it hangs for a month, and is printed again after.
AFFICHE_DAGEN = 28


@dataclass
class Dag:
    """The times of one day, for a list grouped by day."""

    datum: date
    activiteiten: list[Keer]


@dataclass
class Periode:
    """Every time of some activiteiten from `van` through `tot`, grouped by day.

    Unlike the agenda, every time of a series is there, each cancelled one too (with its
    reason): a poster is read where no page can say the rest.
    """

    van: date
    tot: date
    dagen: list[Dag]

    @property
    def leeg(self) -> bool:
        """Whether nothing is on in these days."""
        return not self.dagen


def per_dag(times: list[Keer], van: date) -> list[Dag]:
    """`times` (in order of start) by the day they start, from `van` on.

    A time that began before `van` and lasts into it stands under `van`, where a reader of a
    poster or a letter can still go.
    """
    return [Dag(day, list(group)) for day, group in groupby(times, key=lambda k: max(k.datum, van))]


def periode(activiteiten: list[Activiteit], van: date, tot: date) -> Periode:
    """The times of `activiteiten` that overlap the days `van` through `tot`, by day, earliest first.

    A time that began before `van` and lasts into it is listed on `van`, where a reader of
    the poster can still go.
    """
    found = sorted((k for a in activiteiten for k in keren(a, van, tot)), key=_order)
    return Periode(van, tot, per_dag(found, van))


def vier_weken(stad: Stad, vandaag: date, wijk: str | None = None) -> Periode:
    """What is on in `wijk` (or the whole city) in the `AFFICHE_DAGEN` days from `vandaag`."""
    activiteiten = stad.wijken[wijk].agenda if wijk else stad.activiteiten()
    return periode(activiteiten, vandaag, vandaag + timedelta(days=AFFICHE_DAGEN - 1))
