"""`bovenwijks check`'s last line: how many problems, in how many wijken, read as an editor reads it."""

from __future__ import annotations

import pytest

from bovenwijks.content.problem import Problem
from bovenwijks.tools.check import summary

TIEN = [f"wijk-{n}" for n in range(10)]


def _problems(*paths: str) -> list[Problem]:
    return [Problem(path, 1, "fout") for path in paths]


@pytest.mark.parametrize(
    "paths,tips,wijken,line",
    [
        (["wijken/wijk-1/index.md"], 0, TIEN, "1 probleem gevonden, in 1 van de 10 wijken."),
        (
            ["wijken/wijk-1/index.md", "wijken/wijk-1/agenda/a.md", "wijken/wijk-2/index.md"],
            1,
            TIEN,
            "3 problemen gevonden, in 2 van de 10 wijken (1 tip hierboven).",
        ),
        (
            ["wijken/wijk-1/index.md", ".github/CODEOWNERS"],
            2,
            TIEN,
            "2 problemen gevonden, in 1 van de 10 wijken en 1 bestand buiten de wijken (2 tips hierboven).",
        ),
        (
            [".github/CODEOWNERS", "content/vocabulaire.yml", "content/vocabulaire.yml"],
            0,
            TIEN,
            "3 problemen gevonden, in 2 bestanden buiten de wijken.",
        ),
        (["wijken/wijk-0/index.md"], 0, ["wijk-0"], "1 probleem gevonden, in de enige wijk."),
        (["wijken/wijk-0/index.md", "wijken/wijk-1/index.md"], 0, ["wijk-0", "wijk-1"], "2 problemen gevonden, in beide wijken."),
        ([f"wijken/{w}/index.md" for w in TIEN], 0, TIEN, "10 problemen gevonden, in alle 10 wijken."),
        # A folder name that is refused: that wijk is not loaded, and counts all the same.
        (["wijken/Oost/index.md"], 0, ["west"], "1 probleem gevonden, in 1 van de 2 wijken."),
    ],
)
def test_the_problems_are_counted_per_wijk_and_other_file(paths, tips, wijken, line):
    assert summary(_problems(*paths), tips, wijken, 5) == line


@pytest.mark.parametrize(
    "tips,wijken,items,line",
    [
        (0, ["oost"], 1, "Alles in orde: 1 wijk, 1 item."),
        (1, TIEN, 24, "Alles in orde: 10 wijken, 24 items (1 tip hierboven)."),
        (3, [], 0, "Alles in orde: 0 wijken, 0 items (3 tips hierboven)."),
    ],
)
def test_all_is_well_in_singular_and_plural(tips, wijken, items, line):
    assert summary([], tips, wijken, items) == line


def test_the_check_ends_with_the_count(city):
    for slug in ("noord", "oost", "west"):
        city.wijk(slug)
    city.write("wijken/oost/agenda/kapot.md", "geen frontmatter\n")
    city.write("wijken/oost/initiatief/kledingbank.md", "# Kledingbank\n")
    result = city.check()
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == "2 problemen gevonden, in 1 van de 3 wijken."
