"""The templates our theme copies from Material are still the ones the installed Material has.

Our theme overrides some of Material's templates with copies that differ in a few lines. An
upgrade of Material that changes one of them would leave our copy behind without a word, so
Material's original of each is kept in tests/material/ and compared with the installed one.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import material
import pytest
from city import REPO

from bovenwijks.mkdocs import THEME

INSTALLED = Path(material.__file__).parent / "templates"
ORIGINALS = REPO / "tests" / "material"
# Templates of our own, which Material does not have, are named `bovenwijks-*.html`.
OVERRIDES = sorted(p.relative_to(THEME).as_posix() for p in THEME.rglob("*.html") if not p.name.startswith("bovenwijks-"))
_BLOCK = re.compile(r"{%-?\s*block\s+(\w+)")


def test_every_template_the_theme_overrides_has_its_original_kept():
    kept = sorted(p.relative_to(ORIGINALS).as_posix() for p in ORIGINALS.rglob("*.html"))
    assert kept == OVERRIDES, "keep Material's original of every template the theme overrides in tests/material/"


@pytest.mark.parametrize("template", OVERRIDES)
def test_the_original_is_the_installed_materials_own(template):
    installed = (INSTALLED / template).read_text(encoding="utf-8")
    kept = (ORIGINALS / template).read_text(encoding="utf-8")
    difference = "".join(
        difflib.unified_diff(
            kept.splitlines(True), installed.splitlines(True), f"tests/material/{template}", f"material/templates/{template}"
        )
    )
    assert not difference, (
        f"Material changed {template}; carry the change into plugins/bovenwijks/mkdocs/theme/{template}, "
        f"then copy Material's new file to tests/material/{template}:\n{difference}"
    )


@pytest.mark.parametrize("template", OVERRIDES)
def test_every_block_the_theme_fills_is_still_materials(template):
    """A block that Material renamed or removed would be filled for nothing, without an error."""
    ours = set(_BLOCK.findall((THEME / template).read_text(encoding="utf-8")))
    materials = set(_BLOCK.findall((INSTALLED / "base.html").read_text(encoding="utf-8")))
    materials |= set(_BLOCK.findall((INSTALLED / template).read_text(encoding="utf-8")))
    assert ours <= materials, f"{template} fills blocks that Material's base.html does not have: {sorted(ours - materials)}"
