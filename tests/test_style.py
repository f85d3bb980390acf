"""Ruff keeps the code's lint rules and its format (configured in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from city import REPO


@pytest.mark.parametrize("command", [["check", "."], ["format", "--check", "."]], ids=["lint", "format"])
def test_ruff_finds_nothing(command):
    result = subprocess.run([sys.executable, "-m", "ruff", *command], cwd=REPO, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
