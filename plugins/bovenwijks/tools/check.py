"""`bovenwijks check`: validate a city's content without building it."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from bovenwijks.content.load import load_stad
from bovenwijks.content.problem import Problem
from bovenwijks.dates import BUILD_DATE, build_date
from bovenwijks.tools import options
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
    loaded = load_stad(root, vandaag=vandaag)
    problems = sorted([*loaded.problems, *stale(root, loaded)], key=lambda p: (p.path, p.line, p.message))
    report(problems, github=os.environ.get("GITHUB_ACTIONS") == "true")
    items = len(loaded.stad.items())
    failing = [p for p in problems if not p.advice]
    tips = len(problems) - len(failing)
    tipped = f" ({tips} {'tip' if tips == 1 else 'tips'} hierboven)" if tips else ""
    if failing:
        print(
            f"{len(failing)} {'probleem' if len(failing) == 1 else 'problemen'} gevonden in {len(loaded.stad.wijken)} wijken{tipped}.",
            file=sys.stderr,
        )
        return 1
    print(f"Alles in orde: {len(loaded.stad.wijken)} wijken, {items} items{tipped}.", file=sys.stderr)
    return 0
