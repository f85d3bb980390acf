"""When each file of the wijken last changed: the date a feed gives an activiteit.

A feed dates an entry by when it was news, and an activiteit is news when it is put on the
agenda or changed, not on its own (future) day. The frontmatter has no such date, and
editors should not have to keep one: the repository knows it. A file's last commit is its
date, so that every clone builds the same feeds; a file that is new or changed and not yet
committed (while an editor previews) has its modification time, as has every file outside
a git repository.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from bovenwijks.dates import TZ

_TIMEOUT = 60  # seconds: `git log` over a city's whole history takes well under one


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, encoding="utf-8", timeout=_TIMEOUT, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None  # no git here: modification times it is
    return done.stdout if done.returncode == 0 else None


def _committed(root: Path, folder: str) -> dict[str, datetime]:
    """Each file under `folder` → the time of the last commit that changed it (paths from `root`)."""
    # Newest commit first: a file's first mention is its last change. -z keeps odd names whole;
    # --relative names them from `root`, which may be a folder of the repository.
    out = _git(root, "log", "--format=%x01%ct", "--name-only", "-z", "--no-renames", "--relative", "--", folder)
    if not out:
        return {}
    found: dict[str, datetime] = {}
    for commit in out.split("\x01")[1:]:
        stamp, _, names = commit.partition("\n")
        moment = datetime.fromtimestamp(int(stamp.strip("\x00\n")), TZ)
        for name in names.split("\x00"):
            name = name.strip("\n")
            if name and name not in found:
                found[name] = moment
    return found


def _uncommitted(root: Path, folder: str, prefix: str) -> set[str]:
    """The files under `folder` that are new or changed since the last commit (paths from `root`).

    `prefix` is where `root` is in the repository (`stad/`, or empty): git's porcelain names
    every file from the top of the repository.
    """
    out = _git(root, "status", "--porcelain", "-z", "--untracked-files=all", "--no-renames", "--", folder)
    return {entry[3:].removeprefix(prefix) for entry in (out or "").split("\x00") if len(entry) > 3}


def _mtime(root: Path, path: str) -> datetime | None:
    try:
        return datetime.fromtimestamp(os.stat(root / path).st_mtime, TZ).replace(microsecond=0)
    except OSError:
        return None


def gewijzigd(root: Path, paths: Iterable[str], folder: str = "wijken") -> dict[str, datetime]:
    """When each of `paths` (relative to `root`, under `folder`) last changed, to the second."""
    paths = list(paths)
    if not paths:
        return {}
    prefix = _git(root, "rev-parse", "--show-prefix")  # None outside a repository
    committed: dict[str, datetime] = {}
    changed: set[str] = set()
    if prefix is not None:
        committed, changed = _committed(root, folder), _uncommitted(root, folder, prefix.strip())
    result = {}
    for path in paths:
        moment = committed.get(path) if path not in changed else None
        moment = moment or _mtime(root, path)
        if moment is not None:
            result[path] = moment
    return result
