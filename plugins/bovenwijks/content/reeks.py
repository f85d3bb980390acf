"""The rules of a series (`herhaling`) that need more than one key: its start and its rule.

Key-by-key checks live in `convert`. A mistake in the rule costs the activiteit its page (a
series shown as one evening sends residents on the wrong days); a `behalve` date that is not
one of its times, or that is there already, is left out, and the rest of the series stands.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from bovenwijks.content.problem import Problem
from bovenwijks.dates import dutch_date, dutch_day
from bovenwijks.herhaling import FREQUENTIE, WEEKDAGEN, beschrijving, dagen_tekst, is_keer, keren
from bovenwijks.model import Activiteit, Herhaling, Uitzondering


def herhaling(value: dict[str, Any] | None) -> Herhaling | None:
    """The model of a checked `herhaling` mapping; its lines go to the activiteit's `lines`."""
    if not value:
        return None
    behalve = tuple(Uitzondering(u["datum"], u.get("reden"), u["_line"]) for u in value.get("behalve", []))
    return Herhaling(value["elke"], tuple(dict.fromkeys(value.get("dagen", []))), value.get("tot"), value.get("aantal"), behalve)


def lines(value: dict[str, Any] | None) -> dict[str, int]:
    """The lines of the keys in a checked `herhaling`, as `herhaling.tot`."""
    return {f"herhaling.{key}": line for key, line in (value or {}).get("_lines", {}).items()}


def check(activiteit: Activiteit) -> tuple[Activiteit, list[Problem]]:
    """The problems of `activiteit`'s series, and the activiteit without unusable `behalve` dates."""
    rule = activiteit.herhaling
    if rule is None:
        return activiteit, []
    problems: list[Problem] = []

    def fail(key: str, message: str, fatal: bool = True) -> None:
        problems.append(Problem(activiteit.source, activiteit.lines.get(f"herhaling.{key}", activiteit.line("herhaling")), message, fatal))

    start = activiteit.datum
    frequentie = FREQUENTIE[rule.elke]
    if rule.dagen and not frequentie.met_dagen:
        fail("dagen", f"'herhaling.dagen' hoort alleen bij elke: week of elke: 2 weken; bij elke: {rule.elke} telt de dag van 'start'")
    elif rule.dagen and start.weekday() not in rule.dagen:
        problems.append(
            Problem(
                activiteit.source,
                activiteit.line("start"),
                f"'start' ({dutch_date(start, weekday=True)}) valt op een {WEEKDAGEN[start.weekday()]}, maar 'herhaling.dagen' noemt"
                f" {dagen_tekst(rule.dagen)}; laat de reeks op een van die dagen beginnen, of zet {WEEKDAGEN[start.weekday()]} bij 'dagen'",
            )
        )
    if rule.tot and rule.aantal:
        fail(
            "aantal",
            "'herhaling' heeft 'tot' én 'aantal'; kies er één: 'tot' met de laatste datum, of 'aantal' met hoe vaak in totaal",
        )
    if rule.tot and rule.tot < start:
        fail(
            "tot", f"'herhaling.tot' ({dutch_date(rule.tot)}) ligt vóór 'start' ({dutch_date(start)}); de reeks moet na het begin eindigen"
        )
    if problems:
        return activiteit, problems
    kept: dict[date, Uitzondering] = {}
    for uitzondering in rule.behalve:
        first = kept.get(uitzondering.datum)
        if first is not None:
            # One time can't both drop out and stay as "gaat niet door", nor have two reasons:
            # pages and calendars would each pick another.
            problems.append(
                Problem(
                    activiteit.source,
                    uitzondering.line,
                    f"'herhaling.behalve': {dutch_date(uitzondering.datum, weekday=True)} staat er al op regel {first.line};"
                    " noem elke datum één keer, met of zonder reden (deze tweede wordt genegeerd)",
                    fatal=False,
                )
            )
            continue
        if is_keer(activiteit, uitzondering.datum):
            kept[uitzondering.datum] = uitzondering
            continue
        problems.append(
            Problem(
                activiteit.source,
                uitzondering.line,
                f"'herhaling.behalve': {dutch_date(uitzondering.datum, weekday=True)} is geen van de keren van deze reeks"
                f" ({beschrijving(rule, start)}). Deze datum wordt weggelaten{_nearest(activiteit, uitzondering.datum)}",
                fatal=False,
            )
        )
    if len(kept) < len(rule.behalve):
        activiteit = replace(activiteit, herhaling=replace(rule, behalve=tuple(kept.values())))
    return activiteit, problems


def _nearest(activiteit: Activiteit, day: date) -> str:
    """ "; bedoel je dinsdag 22 december of donderdag 24 december?": the times around `day`."""
    # Without its `behalve`, so that a date next to a dropped one is offered too.
    plain = replace(activiteit, herhaling=replace(activiteit.herhaling, behalve=()))
    # Two months either side hold a time of every rule but a yearly one.
    around = keren(plain, day - timedelta(days=62), day + timedelta(days=62))
    before = [k.datum for k in around if k.datum < day][-1:]
    after = [k.datum for k in around if k.datum > day][:1]
    options = [dutch_day(d) if d.year == day.year else dutch_date(d, weekday=True) for d in (*before, *after)]
    return f"; bedoel je {' of '.join(options)}?" if options else ""
