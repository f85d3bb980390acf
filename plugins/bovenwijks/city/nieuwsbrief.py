"""The weekly nieuwsbrief of a wijk, and of the city: what is in the letter of one ISO week.

The letter of week W looks ahead and back from its Monday. Ahead: every time of an activiteit
from that Monday through the Sunday of W+1 (two weeks, so that a letter read on Friday still
shows the week to come), series expanded and cancelled times kept with their reason. Back:
what was news in the seven days before that Monday: berichten (`datum`), new initiatieven
(`gestart`), vragen (`datum`), and new matches of the kennisuitwisseling. A week with nothing
in it has no letter.

Everything comes from the content and the week, never from the clock, so a letter is the same
however often it is made: on the web, in its feed, or in the mail.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property

from bovenwijks.city.agenda import Dag, per_dag
from bovenwijks.city.kennisuitwisseling import Regel, Uitwisseling
from bovenwijks.herhaling import Keer, keren
from bovenwijks.model import Activiteit, Bericht, Initiatief, Kennis, Stad, Wijk

# How many weeks the web and the feed keep letters: this week's and the seven before it, two
# months. Older letters would be made again from today's content, not as they were sent, and
# every week is a page of every wijk: a long archive costs every build.
ARCHIEF = 8
# The new matches a letter lists at most; the rest are one link away, on the kennis pages.
MAX_KOPPELINGEN = 8
# What else a letter lists at most, so that it stays a letter in a city of any size: the times
# of one day, and the berichten, the new initiatieven and the vragen. The rest is one link
# away, on the site. Gmail cuts a mail off after 102 KB; at these limits a letter of two full
# weeks stays well under it, its page under 300 KB.
MAX_PER_DAG = 6
MAX_PER_SOORT = 10
# The key of the city's own letter, beside the wijken's slugs (a wijk can't be called so:
# its letter would share the city's address).
STAD = "stad"

_WEEK = re.compile(r"(?P<jaar>\d{4})-?W(?P<week>\d{1,2})", re.IGNORECASE)


@dataclass(frozen=True, order=True)
class Week:
    """An ISO week: `2026-W49`, Monday to Sunday."""

    jaar: int
    nummer: int

    @classmethod
    def van(cls, day: date) -> Week:
        """The ISO week that `day` is in."""
        jaar, nummer, _ = day.isocalendar()
        return cls(jaar, nummer)

    @classmethod
    def lees(cls, text: str) -> Week:
        """The week written as `2026-W49` (or `2026-w49`, `2026W49`); ValueError in Dutch otherwise."""
        match = _WEEK.fullmatch(text.strip())
        if match:
            try:
                week = cls(int(match["jaar"]), int(match["week"]))
                week.maandag  # noqa: B018  # raises for a week the year doesn't have
                return week
            except ValueError:
                raise ValueError(f"week {match['week']} bestaat niet in {match['jaar']}") from None
        raise ValueError(f"'{text}' is geen week; schrijf het jaar en de week zo: 2026-W49")

    @property
    def maandag(self) -> date:
        """The week's first day."""
        return date.fromisocalendar(self.jaar, self.nummer, 1)

    @property
    def code(self) -> str:
        """`2026-W49`: how the command and the logboek write it."""
        return f"{self.jaar}-W{self.nummer:02d}"

    @property
    def slug(self) -> str:
        """`2026-w49`: its part of an address."""
        return self.code.lower()

    @property
    def naam(self) -> str:
        """`week 49 van 2026`, as a resident reads it."""
        return f"week {self.nummer} van {self.jaar}"

    def vorige(self, weken: int = 1) -> Week:
        """The week `weken` before this one."""
        return Week.van(self.maandag - timedelta(weeks=weken))

    @property
    def agenda(self) -> tuple[date, date]:
        """The days whose activiteiten the letter lists: Monday of this week through Sunday of the next."""
        return self.maandag, self.maandag + timedelta(days=13)

    @property
    def terug(self) -> tuple[date, date]:
        """The days whose news the letter brings: the seven before its Monday."""
        return self.maandag - timedelta(days=7), self.maandag - timedelta(days=1)

    def __str__(self) -> str:
        return self.code


@dataclass(frozen=True)
class Koppeling:
    """A new match: what an initiatief seeks (`zoekt`) and one of another wijk offers (`biedt`)."""

    zoekt: Regel
    biedt: Regel


@dataclass(frozen=True)
class Briefdag:
    """A day of a letter's agenda: the times it lists (at most MAX_PER_DAG), and how many more that day has."""

    datum: date
    activiteiten: list[Keer]
    meer: int = 0


@dataclass
class Brief:
    """The letter of one week, for one wijk (`wijk`) or the whole city (`wijk` is None)."""

    stad: Stad
    wijk: Wijk | None
    week: Week
    activiteiten: list[Keer] = field(default_factory=list)  # in order of start, all of them (`dagen` lists the first of each day)
    berichten: list[Bericht] = field(default_factory=list)  # newest first, at most MAX_PER_SOORT
    initiatieven: list[Initiatief] = field(default_factory=list)  # newest first, at most MAX_PER_SOORT
    vragen: list[Kennis] = field(default_factory=list)  # newest first, at most MAX_PER_SOORT
    koppelingen: list[Koppeling] = field(default_factory=list)  # at most MAX_KOPPELINGEN
    # How many more of each there are than the letter lists.
    meer_berichten: int = 0
    meer_initiatieven: int = 0
    meer_vragen: int = 0
    meer_koppelingen: int = 0

    @property
    def naam(self) -> str:
        """Whose letter it is: the wijk's name, or the city's."""
        return self.wijk.naam if self.wijk else self.stad.naam

    @property
    def lijst(self) -> str:
        """The key of its list and logboek: the wijk's slug, or `stad`."""
        return self.wijk.slug if self.wijk else STAD

    @property
    def sleutel(self) -> str:
        """`soesterkwartier/2026-W49`: this letter, once, however often it is made."""
        return f"{self.lijst}/{self.week.code}"

    @property
    def leeg(self) -> bool:
        """Whether there is nothing to tell: such a week has no letter."""
        return not (self.activiteiten or self.berichten or self.initiatieven or self.vragen or self.koppelingen)

    # Made once: the letter's HTML and text, and both of its counts of cancelled times, read it.
    @cached_property
    def dagen(self) -> list[Briefdag]:
        """The agenda by day, earliest first, each day's first MAX_PER_DAG times; a time still going on from before stands under the Monday.

        Read once `activiteiten` is complete, as `brief` makes it.
        """
        return [_briefdag(dag) for dag in per_dag(self.activiteiten, self.week.maandag)]

    @property
    def afgelast(self) -> int:
        """How many of the times it lists don't go on."""
        return sum(1 for dag in self.dagen for k in dag.activiteiten if k.afgelast)

    @property
    def afgelast_weggelaten(self) -> int:
        """How many of the times it leaves out (past a day's MAX_PER_DAG) don't go on: the letter says so, and where they are."""
        return sum(1 for k in self.activiteiten if k.afgelast) - self.afgelast


def _briefdag(dag: Dag) -> Briefdag:
    return Briefdag(dag.datum, dag.activiteiten[:MAX_PER_DAG], max(0, len(dag.activiteiten) - MAX_PER_DAG))


def _eerste(items: list, limit: int = MAX_PER_SOORT) -> tuple[list, int]:
    """The first `limit` of `items`, and how many more there are."""
    return items[:limit], max(0, len(items) - limit)


def _binnen(day: date | None, days: tuple[date, date]) -> bool:
    return day is not None and days[0] <= day <= days[1]


def _nieuwst(items, datum) -> list:
    return sorted(items, key=lambda item: (datum(item), item.identity), reverse=True)


def _keren(activiteiten: list[Activiteit], days: tuple[date, date]) -> list[Keer]:
    found = []
    for activiteit in activiteiten:
        times = keren(activiteit, *days)  # every time that overlaps the days, one still going on included
        # A series that does not go on at all is said once, at its first time, as the agenda
        # says it (herhaling.in_venster): ten times "gaat niet door" would bury what does go on.
        found += times[:1] if activiteit.afgelast else times
    return sorted(found, key=lambda k: (k.start, k.identity))


def paren(uitwisseling: Uitwisseling, stad: Stad, wijk: str | None) -> list[tuple[Koppeling, tuple[date, ...]]]:
    """Every match a letter of `wijk` (or of the city, when None) can bring, each with the dates that make it new.

    The wijk's letter: every match of its own entries, both ways. The city's: each pair once,
    from the side that seeks. The dates are both initiatieven's `gestart` and `bijgewerkt`,
    not `datum` (bijgewerkt, else gestart): an initiatief that is in a letter as new, and was
    edited since, still brings its matches. Made once for all weeks of a list's archive.
    """
    eigen = [stad.wijken[wijk]] if wijk else list(stad.wijken.values())
    kanten = ("zoekt", "biedt") if wijk else ("zoekt",)
    found: dict[tuple[str, str], tuple[Koppeling, tuple[date, ...]]] = {}
    for regel in (r for w in eigen for i in w.initiatieven for kant in kanten for r in uitwisseling.regels(i, kant)):
        for ander in uitwisseling.match(regel).beste:
            zoekt, biedt = (regel, ander) if regel.kant == "zoekt" else (ander, regel)
            if (zoekt.anker, biedt.anker) not in found:
                dates = tuple(d for i in (zoekt.initiatief, biedt.initiatief) for d in (i.gestart, i.bijgewerkt) if d is not None)
                found[zoekt.anker, biedt.anker] = (Koppeling(zoekt, biedt), dates)
    return [found[key] for key in sorted(found, key=lambda key: (found[key][0].zoekt.onderwerp, *key))]


def _koppelingen(paren: list[tuple[Koppeling, tuple[date, ...]]], days: tuple[date, date]) -> list[Koppeling]:
    """The matches of `paren` that are new in `days`: one of the two initiatieven started or was updated then."""
    return [koppeling for koppeling, dates in paren if any(_binnen(d, days) for d in dates)]


def brief(
    stad: Stad, wijk: str | None, week: Week, uitwisseling: Uitwisseling, kandidaten: list[tuple[Koppeling, tuple[date, ...]]] | None = None
) -> Brief:
    """The letter of `week` for the wijk with slug `wijk`, or for the city when `wijk` is None.

    `kandidaten` are its `paren`, when they were made already (for the other weeks of its archive).
    """
    eigen = [stad.wijken[wijk]] if wijk else list(stad.wijken.values())
    terug = week.terug
    result = Brief(stad, stad.wijken[wijk] if wijk else None, week)
    result.activiteiten = _keren([a for w in eigen for a in w.agenda], week.agenda)
    result.berichten, result.meer_berichten = _eerste(
        _nieuwst([b for w in eigen for b in w.nieuws if _binnen(b.datum, terug)], lambda b: b.datum)
    )
    result.initiatieven, result.meer_initiatieven = _eerste(
        _nieuwst([i for w in eigen for i in w.initiatieven if _binnen(i.gestart, terug)], lambda i: i.gestart)
    )
    result.vragen, result.meer_vragen = _eerste(
        _nieuwst([k for w in eigen for k in w.kennis if k.soort == "vraag" and _binnen(k.datum, terug)], lambda k: k.datum)
    )
    result.koppelingen, result.meer_koppelingen = _eerste(
        _koppelingen(paren(uitwisseling, stad, wijk) if kandidaten is None else kandidaten, terug), MAX_KOPPELINGEN
    )
    return result


def brieven(stad: Stad, wijk: str | None, tot: Week, uitwisseling: Uitwisseling, archief: int = ARCHIEF) -> list[Brief]:
    """The letters of the `archief` weeks up to `tot`, newest first; weeks with nothing in them have none."""
    kandidaten = paren(uitwisseling, stad, wijk)
    found = (brief(stad, wijk, tot.vorige(n), uitwisseling, kandidaten) for n in range(archief))
    return [b for b in found if not b.leeg]


@dataclass(frozen=True)
class Lijst:
    """The mailing list of a wijk (or of the city), as the city configures it: never content.

    The list itself, with every subscriber's address, lives with the wijk's mail provider; the
    platform only knows where to send the letter (`aan`), where residents sign up
    (`aanmelden`: a URL or an e-mail address) and where they leave (`afmelden`: the
    `List-Unsubscribe` of each letter, a `mailto:` or `https:` URL).
    """

    aan: str | None = None
    aanmelden: str | None = None
    afmelden: str | None = None


_SLEUTELS = ("aan", "aanmelden", "afmelden")


_SCHEMES = ("https:", "http:", "mailto:")


def _uri(naam: str, key: str, value: str) -> str:
    """An address as a link: `https:`/`mailto:` as written, a bare e-mail address as `mailto:`.

    Anything else would be a link that goes nowhere (`lijsten.example.org/oost` read as an
    e-mail address): ValueError, in Dutch.
    """
    value = value.strip()
    if value.lower().startswith(_SCHEMES):
        return value
    if ":" not in value and "@" in value:
        return f"mailto:{value}"
    raise ValueError(
        f"nieuwsbrief: {naam}.{key} is '{value}', maar dat is geen link: schrijf een webadres met https:// "
        "of een e-mailadres (eventueel met mailto: ervoor)"
    )


def lijsten(raw: Mapping[str, object] | None) -> dict[str, Lijst]:
    """The `nieuwsbrief` option of mkdocs.yml (list → `{aan, aanmelden, afmelden}`) as `Lijst`s.

    Raises ValueError, in Dutch, naming the list and the keys it may have.
    """
    if raw is not None and not isinstance(raw, Mapping):
        raise ValueError(f"nieuwsbrief moet per lijst {{aan, aanmelden, afmelden}} zijn, geen {raw!r}")
    result = {}
    for naam, value in (raw or {}).items():
        if not isinstance(value, Mapping):
            raise ValueError(
                f"nieuwsbrief: {naam} moet {{aan, aanmelden, afmelden}} zijn, bijvoorbeeld 'aan: nieuwsbrief-{naam}@lijsten.example'"
            )
        onbekend = sorted(set(value) - set(_SLEUTELS))
        if onbekend:
            raise ValueError(f"nieuwsbrief: {naam} heeft onbekende sleutel(s) {', '.join(onbekend)}; kies uit {', '.join(_SLEUTELS)}")
        for key, text in value.items():
            if text is not None and not (isinstance(text, str) and text.strip()):
                raise ValueError(f"nieuwsbrief: {naam}.{key} moet een adres zijn, geen {text!r}")
        aan, aanmelden, afmelden = (value.get(key) for key in _SLEUTELS)
        result[str(naam)] = Lijst(aan, aanmelden and _uri(naam, "aanmelden", aanmelden), afmelden and _uri(naam, "afmelden", afmelden))
    return result
