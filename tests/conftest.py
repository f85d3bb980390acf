"""Shared fixtures: `city` is an empty city in a temporary folder."""

from __future__ import annotations

import os

import pytest
from city import City

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@pytest.fixture
def city(tmp_path) -> City:
    """An empty city with the real vocabulary and all of the platform's plugins."""
    return City(tmp_path)
