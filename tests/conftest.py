"""Shared fixtures: `city` is an empty city in a temporary folder, `bronserver` a wijk's own website."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from bronserver import Bronserver
from city import City

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@pytest.fixture
def city(tmp_path) -> City:
    """An empty city with the real vocabulary and all of the platform's plugins."""
    return City(tmp_path)


@pytest.fixture
def bronserver() -> Iterator[Bronserver]:
    """An HTTP server on 127.0.0.1 serving the routes a test sets (tests/bronserver.py), stopped after it."""
    with Bronserver() as server:
        yield server
