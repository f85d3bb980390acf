"""An activiteit that was over before it was put on the agenda: most often a mistyped year.

`start: 2025-06-19` where 2027 was meant passes every other check, and the activiteit goes
straight into the archive, where nobody looks for it. Only what this change adds is looked
at (a file not committed yet, or added by the pull request being checked): an activiteit
that has simply passed since, or one added to the archive on purpose and merged, is fine.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from bovenwijks.content.problem import Problem
from bovenwijks.dates import dutch_date
from bovenwijks.herhaling import eindig, laatste
from bovenwijks.model import Activiteit


def _einde(activiteit: Activiteit) -> date | None:
    """The day of `activiteit`'s last time; None for a series that goes on."""
    if activiteit.herhaling is None:
        return (activiteit.eind or activiteit.start).date()
    if not eindig(activiteit):
        return None
    keer = laatste(activiteit)
    return (keer.eind or keer.start).date() if keer is not None else None


def _bedoeld(day: date, vandaag: date) -> date | None:
    """The first same day of the year from `vandaag` on: what a mistyped year most likely meant."""
    for year in range(vandaag.year, vandaag.year + 2):
        try:
            meant = day.replace(year=year)
        except ValueError:  # 29 February
            continue
        if meant >= vandaag:
            return meant
    return None


def al_voorbij(activiteiten: Iterable[Activiteit], toegevoegd: set[str], vandaag: date) -> list[Problem]:
    """A warning for every activiteit among `toegevoegd` (paths this change adds) whose last time is before `vandaag`."""
    problems = []
    for activiteit in activiteiten:
        if activiteit.source not in toegevoegd:
            continue
        einde = _einde(activiteit)
        if einde is None or einde >= vandaag:
            continue
        wat = "de laatste keer van deze reeks" if activiteit.herhaling is not None else "deze activiteit"
        # A date of an earlier year is most often this year's or next year's, with the year mistyped.
        meant = _bedoeld(activiteit.start.date(), vandaag) if activiteit.start.year < vandaag.year else None
        hint = f"; klopt het jaar? Bedoel je {meant.isoformat()}?" if meant else "; klopt de datum?"
        problems.append(
            Problem(
                activiteit.source,
                activiteit.line("start"),
                f"{wat} was al voorbij ({dutch_date(einde)}) toen je haar toevoegde, dus ze komt alleen in het archief{hint}",
                fatal=False,
            )
        )
    return problems
