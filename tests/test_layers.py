"""The layers hold: lower layers never import higher ones, and only the adapter imports MkDocs.

The contracts are in pyproject.toml (`[tool.importlinter]`); import-linter reads the imports.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from city import REPO

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(plugins: Path = REPO / "plugins") -> subprocess.CompletedProcess[str]:
    """import-linter on the package under `plugins`, with the project's contracts."""
    env = {**os.environ, "PYTHONPATH": str(plugins)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(REPO / "pyproject.toml"), "--no-cache"],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_the_package_keeps_its_layers():
    result = lint_imports()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(
    "module, line, contract",
    [
        ("city/overzicht.py", "from bovenwijks.site import render", "Each layer imports only the layers below it"),
        ("model.py", "from bovenwijks.content import schema", "Each layer imports only the layers below it"),
        ("publish/feeds.py", "from bovenwijks.mkdocs import mount", "Each layer imports only the layers below it"),
        ("content/load.py", "import mkdocs.plugins", "Only the MkDocs adapter imports MkDocs, Material or ProperDocs"),
        ("site/render.py", "import material", "Only the MkDocs adapter imports MkDocs, Material or ProperDocs"),
    ],
)
def test_an_import_against_the_layers_breaks_a_contract(tmp_path, module, line, contract):
    shutil.copytree(REPO / "plugins" / "bovenwijks", tmp_path / "bovenwijks", ignore=shutil.ignore_patterns("__pycache__"))
    target = tmp_path / "bovenwijks" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}  # noqa\n", encoding="utf-8")
    result = lint_imports(tmp_path)
    assert result.returncode == 1, result.stdout
    assert f"{contract} BROKEN" in result.stdout
