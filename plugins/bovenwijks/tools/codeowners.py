"""The review rules: `.github/CODEOWNERS`, made from the `redactie` of every wijk.

GitHub asks a wijk's own editors to review every change in their wijk's folder, so each wijk
decides about its own pages.
"""

from __future__ import annotations

from bovenwijks.model import Stad

PATH = ".github/CODEOWNERS"

HEADER = """\
# Wie wijzigingen goedkeurt: de redactie van een wijk keurt de wijzigingen in de map van die wijk goed.
# Dit bestand wordt gemaakt door scripts/genereer uit 'redactie' in wijken/<wijk>/index.md.
# Wijzig de redactie daar en draai dan: make genereer
"""


def pattern(wijk: str) -> str:
    """The CODEOWNERS pattern of a wijk's folder; the trailing slash keeps `oost` from matching `oosterpark`."""
    return f"/wijken/{wijk}/"


def codeowners(stad: Stad) -> str:
    """The text of `.github/CODEOWNERS`: a line per wijk with editors, in a stable order."""
    lines = [HEADER]
    for slug in sorted(stad.wijken):
        redactie = stad.wijken[slug].redactie
        if redactie:
            lines.append(f"{pattern(slug)} {' '.join('@' + naam for naam in redactie)}\n")
    return "".join(lines)
