"""`bovenwijks check`: validate a city's content without building it."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from bovenwijks.aantal import aantal
from bovenwijks.content.load import WIJKEN, load_stad
from bovenwijks.content.problem import Problem
from bovenwijks.content.steden import Stadbron
from bovenwijks.dates import BUILD_DATE, build_date
from bovenwijks.tools import instellingen, options
from bovenwijks.tools.generate import stale


def report(problems: list[Problem], *, github: bool, out=None) -> None:
    """Print every problem for editors (on `out`, standard output by default), and as GitHub
    annotations when `github`."""
    out = out or sys.stdout
    for problem in problems:
        print(problem, file=out)
    if github:
        for problem in problems:
            print(problem.github_annotation(), file=out)


HELP = "controleer de inhoud van alle wijken, zonder de site te bouwen"


def arguments(parser: argparse.ArgumentParser) -> None:
    """The options of `bovenwijks check`."""
    options.root(parser)


def run(args: argparse.Namespace) -> int:
    """Check the city under `--root`; 1 when anything is wrong."""
    root = Path(args.root)
    try:
        vandaag = build_date()
    except ValueError as error:
        print(f"{BUILD_DATE}: {error}", file=sys.stderr)
        return 2
    loaded = load_stad(root, vandaag=vandaag, andere_steden=_andere_steden(root))
    problems = sorted([*loaded.problems, *stale(root, loaded)], key=lambda p: (p.path, p.line, p.message))
    report(problems, github=os.environ.get("GITHUB_ACTIONS") == "true")
    failing = [p for p in problems if p.failing]
    tips, warnings = sum(p.advice for p in problems), sum(p.warning for p in problems)
    print(summary(failing, tips, sorted(loaded.stad.wijken), len(loaded.stad.items()), warnings), file=sys.stderr)
    return 1 if failing else 0


def _andere_steden(root: Path) -> tuple[Stadbron, ...]:
    """The cities of `mkdocs.yml`, whose snapshots are checked too; none when it can't be read:
    the check is of the wijken' content, and the build says what is wrong with mkdocs.yml."""
    try:
        return instellingen.lees(root).andere_steden
    except ValueError:
        return ()


def summary(failing: list[Problem], tips: int, wijken: list[str], items: int, warnings: int = 0) -> str:
    """The check's last line: how many problems, in how many of the `wijken` (their slugs)
    and in how many other files; or that all is well (but for the tips and warnings above)."""
    above = [aantal(n, one, more) for n, one, more in ((tips, "tip", "tips"), (warnings, "waarschuwing", "waarschuwingen")) if n]
    tipped = f" ({' en '.join(above)} hierboven)" if above else ""
    if not failing:
        return f"Alles in orde: {aantal(len(wijken), 'wijk', 'wijken')}, {aantal(items, 'item', 'items')}{tipped}."
    in_wijk = {parts[1] for parts in (p.path.split("/") for p in failing) if len(parts) > 2 and parts[0] == WIJKEN}
    elsewhere = {p.path for p in failing if p.path.split("/")[0] != WIJKEN or p.path.count("/") < 2}
    # A wijk whose folder name is refused is not loaded, and is one of the wijken all the same.
    total = len(set(wijken) | in_wijk)
    where = []
    if in_wijk:
        if len(in_wijk) < total:
            where.append(f"{len(in_wijk)} van de {total} wijken")
        else:
            where.append({1: "de enige wijk", 2: "beide wijken"}.get(total, f"alle {total} wijken"))
    if elsewhere:
        where.append(f"{aantal(len(elsewhere), 'bestand', 'bestanden')} buiten de wijken")
    return f"{aantal(len(failing), 'probleem', 'problemen')} gevonden, in {' en '.join(where)}{tipped}."
