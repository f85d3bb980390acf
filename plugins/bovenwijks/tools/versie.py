"""The platform's version, as the installed distribution states it (pyproject.toml's `version`)."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

DISTRIBUTIE = "bovenwijks"


def versie() -> str:
    """The installed version of bovenwijks, such as `0.2.0`; `onbekend` when run from a checkout without installing."""
    try:
        return version(DISTRIBUTIE)
    except PackageNotFoundError:
        return "onbekend"
