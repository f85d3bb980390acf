"""The times of an activiteit that comes back (`herhaling`), and the rule in plain Dutch.

A series has RFC 5545's meaning: its first time is the activiteit's `start` to `eind`, the
rule makes the others (python-dateutil's `rrule`, the RRULE of the calendars), and each
`behalve` without a reason drops a time (an EXDATE) while one with a reason keeps it as
"gaat niet door" (a cancelled instance). The times are reckoned in Amsterdam's wall-clock
time, so that the taalcafé stays at 19.30 uur across the change to winter time.

A single activiteit has one time: everything that lists times treats both alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache

from babel.dates import get_day_names
from dateutil.rrule import MONTHLY, WEEKLY, YEARLY, rrule, weekday, weekdays

from bovenwijks.dates import LOCALE, TZ, dutch_date
from bovenwijks.model import Activiteit, Herhaling, Tijdvak


@dataclass(frozen=True)
class Frequentie:
    """A value of `elke`: how often a series comes back."""

    id: str  # what editors write: `elke: 2 weken`
    freq: int  # the rrule frequency
    interval: int = 1
    met_dagen: bool = False  # whether `dagen` may name the weekdays


FREQUENTIES = (
    Frequentie("week", WEEKLY, met_dagen=True),
    Frequentie("2 weken", WEEKLY, interval=2, met_dagen=True),
    Frequentie("maand", MONTHLY),
    Frequentie("jaar", YEARLY),
)
FREQUENTIE = {f.id: f for f in FREQUENTIES}

# Monday first, as Python and dateutil count: `maandag` … `zondag`.
WEEKDAGEN: tuple[str, ...] = tuple(get_day_names("wide", locale=LOCALE)[i] for i in range(7))
# `di`, `do`: what editors write for short.
AFKORTINGEN = {get_day_names("abbreviated", locale=LOCALE)[i].rstrip(".").lower(): i for i in range(7)}
_RANGTELWOORDEN = {1: "eerste", 2: "tweede", 3: "derde", 4: "vierde", -1: "laatste"}

# What residents read wherever a time or an activiteit does not go on: pages, feeds, calendars.
GAAT_NIET_DOOR = "Gaat niet door"

# The most times a series may have by `aantal`: more is a typo, and would be a long calendar.
MAX_AANTAL = 1000

# How far ahead an agenda lists the times of a series: a page for each time of every weekly
# series of the city would swamp the one-off activiteiten. A series always shows its next time.
VENSTER = timedelta(weeks=8)
VENSTER_TEKST = "de komende acht weken"


def weekdag(text: str) -> int | None:
    """The weekday (0 is Monday) that `text` names: `dinsdag`, `Dinsdag`, `di`, `dinsdags`."""
    word = text.strip().lower().rstrip(".")
    if word in WEEKDAGEN:
        return WEEKDAGEN.index(word)
    if word.endswith("s") and word[:-1] in WEEKDAGEN:
        return WEEKDAGEN.index(word[:-1])
    return AFKORTINGEN.get(word)


def week_van_de_maand(day: date) -> int:
    """Which of its weekday `day` is in its month: 1 to 4, or -1 in the month's last seven days.

    The contract's `elke: maand`: a start in the last seven days of its month makes "elke
    laatste vrijdag", which every month has, where a fifth Friday is rare.
    """
    next_month = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    if (next_month - day).days <= 7:
        return -1
    return (day.day - 1) // 7 + 1


@dataclass(frozen=True)
class Keer(Tijdvak):
    """One time of an activiteit: its only one, or one of its series.

    `afgelast` is why it does not go on (the whole activiteit's reason, or this time's own),
    None when it does. The row of an agenda, a calendar's instance.
    """

    activiteit: Activiteit
    start: datetime
    eind: datetime | None
    afgelast: str | None = None

    # What a row in an agenda shows, as the activiteit has it.
    @property
    def titel(self) -> str:
        return self.activiteit.titel

    @property
    def url(self) -> str:
        return self.activiteit.url

    @property
    def wijk(self) -> str:
        return self.activiteit.wijk

    @property
    def locatie(self) -> str:
        return self.activiteit.locatie

    @property
    def hele_dag(self) -> bool:
        return self.activiteit.hele_dag

    @property
    def identity(self) -> str:
        return self.activiteit.identity

    @property
    def reeks(self) -> bool:
        """Whether this is one time of a series (the row says so)."""
        return self.activiteit.herhaling is not None


def weekdagen(herhaling: Herhaling, eerste: date) -> tuple[int, ...]:
    """The weekdays (0 is Monday) of a series: its `dagen`, or else the weekday of its first day."""
    return herhaling.dagen or (eerste.weekday(),)


def _wall(value: datetime) -> datetime:
    """`value` as Amsterdam wall-clock time without a zone: what the rule counts in."""
    return value.astimezone(TZ).replace(tzinfo=None)


def regel(herhaling: Herhaling, start: datetime) -> rrule:
    """The dateutil rule of a series whose first time is `start`, in wall-clock time.

    Every rule it makes can be written as an RRULE (`rrule_waarden`), and `start` is
    always its first time: `dagen` holds the weekday of `start` (the loader checks it).
    """
    frequentie = FREQUENTIE[herhaling.elke]
    first = _wall(start)
    byweekday: tuple[weekday, ...] | weekday | None = None
    if frequentie.met_dagen:
        byweekday = tuple(weekdays[d] for d in weekdagen(herhaling, first.date()))
    elif frequentie.freq == MONTHLY:
        byweekday = weekdays[first.weekday()](week_van_de_maand(first.date()))
    until = datetime.combine(herhaling.tot, time(23, 59, 59)) if herhaling.tot else None
    return rrule(
        frequentie.freq,
        dtstart=first,
        interval=frequentie.interval,
        count=herhaling.aantal,
        until=until,
        byweekday=byweekday,
        wkst=0,  # weeks start on Monday, as in the Netherlands (and in `rrule_waarden`)
        cache=True,
    )


_DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_FREQ_NAMES = {WEEKLY: "WEEKLY", MONTHLY: "MONTHLY", YEARLY: "YEARLY"}


def rrule_waarden(herhaling: Herhaling, start: datetime, hele_dag: bool) -> dict[str, object]:
    """The RRULE of a series as icalendar's `vRecur` takes it: the same times as `regel`."""
    frequentie = FREQUENTIE[herhaling.elke]
    values: dict[str, object] = {"freq": _FREQ_NAMES[frequentie.freq]}
    if frequentie.interval > 1:
        values["interval"] = frequentie.interval
    first = _wall(start)
    if frequentie.met_dagen:
        values["byday"] = [_DAY_CODES[d] for d in weekdagen(herhaling, first.date())]
        values["wkst"] = "MO"
    elif frequentie.freq == MONTHLY:
        values["byday"] = f"{week_van_de_maand(first.date())}{_DAY_CODES[first.weekday()]}"
    if herhaling.aantal:
        values["count"] = herhaling.aantal
    elif herhaling.tot:
        # RFC 5545 3.3.10: UNTIL is a date for a series of whole days, else a time in UTC.
        values["until"] = herhaling.tot if hele_dag else datetime.combine(herhaling.tot, time(23, 59, 59), TZ).astimezone(UTC)
    return values


def _rule_of(activiteit: Activiteit) -> rrule | None:
    if activiteit.herhaling is None:
        return None
    cached = activiteit.__dict__.get("_regel")
    if cached is None:
        cached = activiteit.__dict__["_regel"] = regel(activiteit.herhaling, activiteit.start)
    return cached


def _length(activiteit: Activiteit) -> timedelta:
    # In wall-clock time: 19.30 to 21.30 uur, also on the night the clocks change.
    return _wall(activiteit.eind) - _wall(activiteit.start) if activiteit.eind else timedelta(0)


def _redenen(activiteit: Activiteit) -> dict[date, str | None]:
    """Each `behalve` date → its reason (None: the time drops out)."""
    herhaling = activiteit.herhaling
    return {u.datum: u.reden for u in herhaling.behalve} if herhaling else {}


def _keren(activiteit: Activiteit, walls) -> list[Keer]:
    length, redenen = _length(activiteit), _redenen(activiteit)
    found = []
    for wall in walls:
        if wall.date() in redenen and redenen[wall.date()] is None:
            continue
        eind = (wall + length).replace(tzinfo=TZ) if activiteit.eind else None
        found.append(Keer(activiteit, wall.replace(tzinfo=TZ), eind, activiteit.afgelast or redenen.get(wall.date())))
    return found


def eindig(activiteit: Activiteit) -> bool:
    """Whether `activiteit` has a last time: a single one, or a series with `tot` or `aantal`."""
    herhaling = activiteit.herhaling
    return herhaling is None or bool(herhaling.tot or herhaling.aantal)


def keren(activiteit: Activiteit, van: date | None = None, tot: date | None = None) -> list[Keer]:
    """The times of `activiteit` that overlap the days `van` to `tot` (inclusive), in order.

    A time dropped by a bare `behalve` date is not among them; a time cancelled with a
    reason is, with its `afgelast`. A series that goes on needs `tot`.
    """
    rule = _rule_of(activiteit)
    if rule is None:
        keer = Keer(activiteit, activiteit.start, activiteit.eind, activiteit.afgelast)
        inside = (van is None or keer.einddatum >= van) and (tot is None or keer.datum <= tot)
        return [keer] if inside else []
    if tot is None and not eindig(activiteit):
        raise ValueError(f"{activiteit.identity} goes on: its times need an end (`tot`)")
    after = datetime.combine(van, time(0, 0)) - _length(activiteit) if van else datetime.min
    before = datetime.combine(tot, time(23, 59, 59)) if tot else datetime.max
    return _keren(activiteit, rule.between(after, before, inc=True))


def de_komende(activiteit: Activiteit, vandaag: date, aantal: int) -> list[Keer]:
    """The first `aantal` times of `activiteit` that have not ended before `vandaag`, in order.

    Times cancelled with a reason are among them; dropped ones are not.
    """
    rule = _rule_of(activiteit)
    if rule is None:
        return keren(activiteit, vandaag)[:aantal]
    dropped = sum(1 for r in _redenen(activiteit).values() if r is None)
    # Only dropped times can come between: the rule's next `aantal + dropped` hold them all.
    after = datetime.combine(vandaag, time(0, 0)) - _length(activiteit)
    return _keren(activiteit, rule.xafter(after, count=aantal + dropped, inc=True))[:aantal]


def volgende(activiteit: Activiteit, vandaag: date) -> Keer | None:
    """The first time of `activiteit` that has not ended before `vandaag`; None when it is over."""
    return next(iter(de_komende(activiteit, vandaag, 1)), None)


def laatste(activiteit: Activiteit) -> Keer | None:
    """The last time of `activiteit`; None for a series that goes on."""
    if not eindig(activiteit):
        return None
    found = keren(activiteit)
    return found[-1] if found else None


def is_keer(activiteit: Activiteit, day: date) -> bool:
    """Whether the rule of `activiteit` makes a time on `day` (for checking a `behalve`)."""
    rule = _rule_of(activiteit)
    if rule is None:
        return activiteit.datum == day
    return bool(rule.between(datetime.combine(day, time(0, 0)), datetime.combine(day, time(23, 59, 59)), inc=True))


def voorbij(activiteit: Activiteit, vandaag: date) -> bool:
    """Whether every time of `activiteit` ended before `vandaag`: it belongs in the archive."""
    return eindig(activiteit) and volgende(activiteit, vandaag) is None


def in_venster(activiteit: Activiteit, vandaag: date, venster: timedelta = VENSTER) -> list[Keer]:
    """The times an agenda lists on `vandaag`: those within `venster`, and at least the next one.

    A series that does not go on at all (`afgelast`) is listed once, at its next time: eight
    weeks of "gaat niet door" would push what does go on off the page.
    """
    if activiteit.herhaling is None:
        return keren(activiteit, vandaag)
    found = [] if activiteit.afgelast else keren(activiteit, vandaag, vandaag + venster)
    return found or de_komende(activiteit, vandaag, 1)


def dagen_tekst(days: tuple[int, ...]) -> str:
    """`dinsdag en donderdag`: weekdays (0 is Monday) as a sentence names them, Monday first."""
    names = [WEEKDAGEN[d] for d in sorted(days)]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} en {names[-1]}"


# How each `elke` reads, from the weekdays of the rule and its first day.
_ZINNEN = {
    "week": lambda days, start: f"elke {dagen_tekst(days)}",
    "2 weken": lambda days, start: f"om de twee weken op {dagen_tekst(days)}",
    "maand": lambda days, start: f"elke {_RANGTELWOORDEN[week_van_de_maand(start)]} {WEEKDAGEN[start.weekday()]} van de maand",
    "jaar": lambda days, start: f"elk jaar op {dutch_date(start).rsplit(' ', 1)[0]}",
}


@lru_cache(maxsize=4096)
def beschrijving(herhaling: Herhaling, start: date) -> str:
    """The rule in plain Dutch: "elke tweede zaterdag van de maand, tot en met 30 juni 2027"."""
    text = _ZINNEN[herhaling.elke](weekdagen(herhaling, start), start)
    if herhaling.tot:
        text += f", tot en met {dutch_date(herhaling.tot)}"
    elif herhaling.aantal:
        text += f", {herhaling.aantal} keer"
    return text
