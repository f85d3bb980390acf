"""The rules that span files: references between items, and identities that must be unique.

Key-by-key checks live in `convert`; these need a whole wijk loaded first.
"""

from __future__ import annotations

from bovenwijks.content.problem import Problem
from bovenwijks.content.suggest import did_you_mean
from bovenwijks.model import Item, Wijk


def check_references(wijk: Wijk, initiatief_slugs: set[str], wijkplan_broken: bool) -> list[Problem]:
    """Problems with the prioriteiten and initiatieven that this wijk's items refer to.

    `initiatief_slugs` holds every initiatief file of the wijk, also the broken ones: an
    activiteit that names a broken initiatief is not broken itself. When the wijkplan exists
    but cannot be read (`wijkplan_broken`), its prioriteiten are not checked, so that one
    mistake is reported once.
    """
    problems: list[Problem] = []
    prioriteiten = {p.id for p in wijk.wijkplan.prioriteiten} if wijk.wijkplan else set()
    for item in wijk.initiatieven:
        for ident in item.prioriteiten:
            if ident in prioriteiten or wijkplan_broken:
                continue
            if wijk.wijkplan is None:
                message = f"prioriteit '{ident}' bestaat niet: de wijk heeft nog geen wijkplan.md"
            else:
                message = f"onbekende prioriteit '{ident}'; {did_you_mean(ident, prioriteiten)} (de prioriteiten staan in wijken/{wijk.slug}/wijkplan.md)"
            problems.append(Problem(item.source, item.line("prioriteiten"), message))
    for item in wijk.agenda:
        if item.initiatief and item.initiatief not in initiatief_slugs:
            hint = did_you_mean(item.initiatief, initiatief_slugs) if initiatief_slugs else "deze wijk heeft nog geen initiatieven"
            problems.append(
                Problem(
                    item.source,
                    item.line("initiatief"),
                    f"onbekend initiatief '{item.initiatief}'; {hint} (gebruik de bestandsnaam uit wijken/{wijk.slug}/initiatieven/ zonder .md)",
                )
            )
        if item.eind is not None and item.eind < item.start:
            problems.append(Problem(item.source, item.line("eind"), "het einde ligt vóór het begin; controleer 'start' en 'eind'"))
    return problems


def unique(items: list[Item]) -> tuple[list[Item], list[Problem]]:
    """Keep the first item of every identity; report the others (`Repair-Cafe.md` beside `repair-cafe.md`)."""
    seen: dict[str, Item] = {}
    kept: list[Item] = []
    problems: list[Problem] = []
    # The file whose name already is its slug keeps the address.
    for item in sorted(items, key=lambda i: (i.source.rsplit("/", 1)[-1] != f"{i.slug}.md", i.source)):
        first = seen.get(item.identity)
        if first is not None:
            problems.append(
                Problem(
                    item.source,
                    1,
                    f"dit bestand krijgt hetzelfde adres als {first.source} (/{item.url}); geef een van beide een andere bestandsnaam",
                )
            )
            continue
        seen[item.identity] = item
        kept.append(item)
    return kept, problems


def drop_broken(items: list, problems: list[Problem]) -> list:
    """The items without a fatal problem among `problems`."""
    broken = {p.path for p in problems if p.fatal}
    return [i for i in items if i.source not in broken]
