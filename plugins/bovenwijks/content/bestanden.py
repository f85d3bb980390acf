"""The files of a wijk's folder: which the site publishes, and why it refuses the others.

A wijk's folder publishes pages (`.md`), photos (as copies, see `afbeelding`) and PDFs.
Anything else would be copied onto the site as it is: a `kledingbank` saved without `.md`,
contact details and all. And the folder decides what a page is, so a page in `initiatief/`
would be a loose page that no list shows. Both are refused, with the fix.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from bovenwijks.content.afbeelding import ACCEPTED, is_foto, is_image
from bovenwijks.content.schema import FOLDER_WORDS, ITEM_KINDS
from bovenwijks.content.suggest import closest
from bovenwijks.model import ALLE

PAGE = ".md"
PDF = ".pdf"
# Other ways of writing `.md` (MkDocs reads some of them, we read none), and what a text
# editor or a phone saves a page as.
_MARKDOWN = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")
_TEXT = ("", ".txt", ".text")
# Stricter than a misspelt key's hint: a wijk's own `kermis/` is not `kennis/`, nor its
# `verslagen/` (0.8 alike) `vragen/`; `agenda's/` (0.86) and `activiteten/` are meant.
_LIKE_A_FOLDER = 0.81
_ITEM_FOLDERS = ", ".join(f"{f}/" for f in list(ITEM_KINDS)[:-1]) + f" of {list(ITEM_KINDS)[-1]}/"


def meant_folder(name: str) -> str | None:
    """The item folder an editor meant by a folder called `name` (`initiatief` → `initiatieven`);
    None when `name` looks like none (`geschiedenis`)."""
    words = {**{f: f for f in ITEM_KINDS}, **FOLDER_WORDS}
    best = closest(name, words, cutoff=_LIKE_A_FOLDER)
    return words[best[0]] if best else None


def refused(parts: tuple[str, ...]) -> str | None:
    """Why the file at `parts` (its path inside the wijk's folder) can't be published, with
    the fix, in Dutch; None when it can."""
    name = parts[-1]
    suffix = PurePosixPath(name).suffix
    if suffix == PAGE and len(parts) > 1 and parts[0].lower() == ALLE:  # `Alle/` is the same folder on Windows and macOS
        # Its pages would take the place of the wijk's lists; a photo or PDF there clashes with nothing.
        return f"de map '{ALLE}/' gebruikt de site zelf, voor de lange lijsten van de wijk; zet deze pagina in een andere map"
    if suffix == PAGE:
        folder = meant_folder(parts[0]) if len(parts) > 1 and parts[0] not in ITEM_KINDS else None
        if folder is None:
            return None
        return f"dit bestand staat in de map '{parts[0]}/', die de site niet kent; zet het in '{folder}/' (de map bepaalt wat het is: {_ITEM_FOLDERS})"
    if is_foto(name) or suffix.lower() == PDF:
        return None
    stem = name[: len(name) - len(suffix)].rstrip(".")
    # `kledingbank.md.txt`, as a phone or Notepad saves a page: `.md` is there already.
    page = f"{stem[: -len(PAGE)] if stem.lower().endswith(PAGE) else stem}{PAGE}"
    if suffix.lower() in _MARKDOWN:
        return f"dit bestand eindigt op '{suffix}' in plaats van '.md', dus de site leest het niet; hernoem het naar '{page}'"
    if suffix.lower() in _TEXT:
        raw = f"dus de site zou het onbewerkt publiceren; hernoem het naar '{page}'"
        if not suffix:
            return f"dit bestand heeft geen .md aan het eind, {raw}"
        return f"dit bestand eindigt op '{suffix}' in plaats van '.md', {raw}"
    if is_image(name):
        return f"de site toont alleen foto's als {ACCEPTED}; sla deze afbeelding op als een van die soorten, of haal hem weg"
    return f"de site publiceert alleen pagina's (.md), foto's ({ACCEPTED}) en pdf's; haal dit bestand weg of zet het ergens anders"
