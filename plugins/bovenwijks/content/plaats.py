"""Where a file of the repository lands on the site: its place among the pages and its address.

Editors link and rename files of the repository; residents and MkDocs know places in the
site. A wijk's folder is published under `wijken/<wijk>/`, an item's page takes its slug
(`Repair-Cafe.md` is `repair-cafe`), and the city's own pages are the docs_dir's
(`content/over/index.md` is `over/index.md`). This is the one place that says so for a path
that may no longer exist (an old name, a link to a missing file).
"""

from __future__ import annotations

from pathlib import PurePosixPath

from bovenwijks.content.schema import ITEM_KINDS
from bovenwijks.slug import slugify

DOCS = "content"  # the city's own pages: MkDocs' docs_dir, as the contract has it
WIJKEN = "wijken"
INDEX = "index.md"


def plaats(path: str, wijken_dir: str = WIJKEN, docs_dir: str = DOCS) -> str | None:
    """The place in the site (MkDocs' `src_uri`) of the repository file `path`.

    None for a file that is no page or file of the site (the README, the plugins).
    """
    parts = PurePosixPath(path).parts
    if len(parts) > 1 and parts[0] == docs_dir:
        return "/".join(parts[1:])
    if len(parts) < 3 or parts[0] != wijken_dir:
        return None
    if len(parts) == 4 and parts[2] in ITEM_KINDS and parts[3].endswith(".md") and parts[3] != INDEX:
        return f"{WIJKEN}/{parts[1]}/{parts[2]}/{slugify(parts[3].removesuffix('.md'))}.md"
    return "/".join(parts)  # a wijk's profile, wijkplan and other pages and files, as they are


def adres(place: str) -> str:
    """The address (relative to the site root) of the site place `place`, with directory URLs:
    `over/index.md` is `over/`, `wijken/oost/wijkplan.md` is `wijken/oost/wijkplan/`, a photo is itself."""
    if not place.endswith(".md"):
        return place
    stem = place.removesuffix(".md")
    if PurePosixPath(stem).name == "index":
        parent = str(PurePosixPath(stem).parent)
        return "" if parent == "." else parent + "/"
    return stem + "/"
