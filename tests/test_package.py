"""The distribution installs one top-level name, `bovenwijks`, and registers its plugins and command."""

from __future__ import annotations

import tomllib
from importlib.metadata import distribution

from city import REPO
from setuptools import find_packages

PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def test_the_only_top_level_package_is_bovenwijks():
    found = PYPROJECT["tool"]["setuptools"]["packages"]["find"]
    packages = find_packages(where=str(REPO / found["where"][0]), include=found["include"])
    assert "bovenwijks.mkdocs.wijken" in packages and "bovenwijks.tools" in packages
    assert {name.split(".")[0] for name in packages} == {"bovenwijks"}


def test_every_entry_point_is_inside_the_package():
    entry_points = distribution("bovenwijks").entry_points
    names = {ep.name: ep.value for ep in entry_points}
    assert set(names) == {"bovenwijks", "bovenwijks/wijken", "bovenwijks/overzicht", "bovenwijks/kennis", "bovenwijks/feeds"}
    for ep in entry_points:
        assert ep.value.startswith("bovenwijks."), ep
        assert ep.load() is not None
