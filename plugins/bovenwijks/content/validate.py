"""The rules that span files: references between items, and identities that must be unique.

Key-by-key checks live in `convert`; these need a whole wijk loaded first.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from bovenwijks.content.geschiedenis import Geschiedenis
from bovenwijks.content.problem import Problem
from bovenwijks.content.suggest import did_you_mean
from bovenwijks.model import Initiatief, Item, Wijk
from bovenwijks.slug import slugify


def check_references(wijk: Wijk, initiatief_slugs: set[str], wijkplan_broken: bool) -> list[Problem]:
    """Problems with the prioriteiten that this wijk's initiatieven refer to, and with the
    times of its activiteiten.

    When the wijkplan exists
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


def _voorheen(wijk: str, slug: str, geschiedenis: Geschiedenis, wijken_dir: str) -> tuple[str, str | None] | None:
    """The former initiatief file of `wijk` whose slug was `slug`, and what it is now (its new
    path, or None when removed); None when the repository never had it."""
    folder = PurePosixPath(wijken_dir, wijk, Initiatief.folder)
    for old in [*geschiedenis.hernoemd, *sorted(geschiedenis.verwijderd)]:
        path = PurePosixPath(old)
        if path.parent == folder and path.suffix == ".md" and slugify(path.stem) == slug:
            return old, geschiedenis.nu(old)
    return None


def check_initiatieven(wijk: Wijk, initiatief_slugs: set[str], geschiedenis: Geschiedenis, wijken_dir: str) -> list[Problem]:
    """Problems with the initiatief each activiteit of `wijk` names; a name that is no initiatief is dropped.

    The activiteit itself is fine, and keeps its page: only its link to the initiatief goes.
    `initiatief_slugs` holds every initiatief file of the wijk, also the broken ones: an
    activiteit that names a broken initiatief is not broken itself. When a change renamed or
    removed the initiatief, the message says so, and names that file too: the editor of the
    change did not touch the activiteit that names it.
    """
    problems: list[Problem] = []
    for item in wijk.agenda:
        if not item.initiatief or item.initiatief in initiatief_slugs:
            continue
        line = item.line("initiatief")
        former = _voorheen(wijk.slug, item.initiatief, geschiedenis, wijken_dir)
        if former is None:
            hint = did_you_mean(item.initiatief, initiatief_slugs) if initiatief_slugs else "deze wijk heeft nog geen initiatieven"
            problem = Problem(
                item.source,
                line,
                f"onbekend initiatief '{item.initiatief}'; {hint} (gebruik de bestandsnaam uit {wijken_dir}/{wijk.slug}/initiatieven/ zonder .md)",
                fatal=False,
            )
        else:
            old, now = former
            problem = Problem(
                item.source, line, _gevolg(item.initiatief, old, now, wijk.slug, wijken_dir), fatal=False, elders=((now or old, 1),)
            )
        problems.append(problem)
        item.initiatief = None
    return problems


def _gevolg(slug: str, old: str, now: str | None, wijk: str, wijken_dir: str) -> str:
    """What happened to the initiatief `slug` (the file `old`, now at `now`), and what to write instead."""
    if now is None:
        return f"initiatief '{slug}' bestaat niet meer: {old} is verwijderd; haal de regel 'initiatief: {slug}' weg, of noem een ander initiatief"
    path = PurePosixPath(now)
    if path.parent == PurePosixPath(wijken_dir, wijk, Initiatief.folder):
        new = slugify(path.stem)
        return f"initiatief '{slug}' is hernoemd naar '{new}' ({now}); schrijf 'initiatief: {new}'"
    return (
        f"initiatief '{slug}' is verplaatst naar {now}; een activiteit noemt alleen een initiatief van haar eigen wijk, "
        f"dus haal de regel 'initiatief: {slug}' weg"
    )
