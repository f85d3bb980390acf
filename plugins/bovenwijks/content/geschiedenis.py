"""What the repository remembers of the city's files: when each changed, when it was added,
and which were renamed or removed.

A feed dates an entry by when it was news, and an activiteit is news when it is put on the
agenda or changed, not on its own (future) day. The frontmatter has no such date, and
editors should not have to keep one: the repository knows it. A file's last commit is its
date, so that every clone builds the same feeds; a file that is new or changed and not yet
committed (while an editor previews) has its modification time, as has every file outside
a git repository.

Renames keep old addresses working (a redirect at the old URL) and turn a reference to an
old name into a message that names the new one. In GitHub's web editor renaming a file is
editing its name: git sees it as a rename, and the editor does nothing more.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
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


@dataclass
class Geschiedenis:
    """The history of the files under some folders of a city, paths relative to its root.

    `volledig` is False outside a repository and in a shallow clone: then there are no
    renames to trust. `hernoemd` maps every former name to the name it has now (a rename of
    a rename ends at the last one); `verwijderd` holds every name that was removed and is not
    there now. `toegevoegd` holds the files this change adds: not committed yet, or (in a
    pull request's check) added by the pull request.
    """

    volledig: bool = False
    gewijzigd: dict[str, datetime] = field(default_factory=dict)  # committed files: their last commit
    hernoemd: dict[str, str] = field(default_factory=dict)
    verwijderd: set[str] = field(default_factory=set)
    nieuw: set[str] = field(default_factory=set)  # new or changed since the last commit
    toegevoegd: set[str] = field(default_factory=set)
    repository: bool = False

    def nu(self, path: str) -> str | None:
        """The name `path` has now: itself, the name it was renamed to, or None if removed."""
        if path in self.verwijderd:
            return None
        return self.hernoemd.get(path, path)


def _log(root: Path, folders: tuple[str, ...]) -> str | None:
    # Newest commit first. -M: a rename is one change, not a removal and an addition.
    # -z keeps odd names whole; --relative names them from `root`, which may be a folder of the repository.
    return _git(root, "log", "--format=%x01%ct", "-z", "--name-status", "-M", "--relative", "--", *folders)


def _read(out: str, geschiedenis: Geschiedenis) -> None:
    """Fill `geschiedenis` from `git log --name-status -z`, read from the newest commit back."""
    for commit in out.split("\x01")[1:]:
        stamp, _, rest = commit.partition("\x00")
        moment = datetime.fromtimestamp(int(stamp.strip()), TZ)
        fields = rest.lstrip("\n").split("\x00")
        i = 0
        while i < len(fields):
            status = fields[i].strip("\n")
            if not status:
                i += 1
                continue
            if status[0] in "RC":  # R100 old new
                old, new = fields[i + 1], fields[i + 2]
                i += 3
                now = geschiedenis.nu(new)
                geschiedenis.gewijzigd.setdefault(new, moment)
                if status[0] == "R":
                    if now is None:
                        geschiedenis.verwijderd.add(old)
                    elif now != old:  # renamed back: the old name is the name again
                        geschiedenis.hernoemd.setdefault(old, now)
                continue
            path = fields[i + 1]
            i += 2
            if status[0] == "D":
                # Removed here; unless a later commit brought it back, it is gone now.
                if path not in geschiedenis.gewijzigd and path not in geschiedenis.hernoemd:
                    geschiedenis.verwijderd.add(path)
                continue
            geschiedenis.gewijzigd.setdefault(path, moment)


def _uncommitted(root: Path, folders: tuple[str, ...], prefix: str) -> dict[str, str]:
    """The files under `folders` that are new or changed since the last commit (paths from
    `root`), with git's two-letter status (`??` new, `A ` added, ` M` changed).

    `prefix` is where `root` is in the repository (`stad/`, or empty): git's porcelain names
    every file from the top of the repository.
    """
    out = _git(root, "status", "--porcelain", "-z", "--untracked-files=all", "--no-renames", "--", *folders)
    return {entry[3:].removeprefix(prefix): entry[:2] for entry in (out or "").split("\x00") if len(entry) > 3}


def _added_by_pull_request(root: Path, folders: tuple[str, ...]) -> set[str]:
    """The files a pull request adds, in its check on GitHub (which names the branch it goes into)."""
    base = os.environ.get("GITHUB_BASE_REF")
    if not base:
        return set()
    out = _git(root, "diff", "--name-only", "-z", "--diff-filter=A", "-M", "--relative", f"origin/{base}...HEAD", "--", *folders)
    return {name for name in (out or "").split("\x00") if name}


def geschiedenis(root: Path, folders: Iterable[str] = ("wijken",)) -> Geschiedenis:
    """What git knows of the files under `folders` of the city at `root`; empty without git."""
    folders = tuple(folders)
    prefix = _git(root, "rev-parse", "--show-prefix")  # None outside a repository
    if prefix is None:
        return Geschiedenis()
    shallow = (_git(root, "rev-parse", "--is-shallow-repository") or "").strip() == "true"
    result = Geschiedenis(volledig=not shallow, repository=True)
    _read(_log(root, folders) or "", result)
    status = _uncommitted(root, folders, prefix.strip())
    result.nieuw = set(status)
    result.toegevoegd = {path for path, code in status.items() if code in ("??", "A ", "AM")} | _added_by_pull_request(root, folders)
    if shallow:  # what happened before the oldest commit of a shallow clone is unknown
        result.hernoemd, result.verwijderd = {}, set()
    return result


def _mtime(root: Path, path: str) -> datetime | None:
    try:
        return datetime.fromtimestamp(os.stat(root / path).st_mtime, TZ).replace(microsecond=0)
    except OSError:
        return None


def gewijzigd(root: Path, paths: Iterable[str], folder: str = "wijken", bekend: Geschiedenis | None = None) -> dict[str, datetime]:
    """When each of `paths` (relative to `root`, under `folder`) last changed, to the second."""
    paths = list(paths)
    if not paths:
        return {}
    history = bekend if bekend is not None else geschiedenis(root, (folder,))
    result = {}
    for path in paths:
        moment = history.gewijzigd.get(path) if path not in history.nieuw else None
        moment = moment or _mtime(root, path)
        if moment is not None:
            result[path] = moment
    return result
