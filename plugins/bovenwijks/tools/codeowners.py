"""The review rules: `.github/CODEOWNERS`, made from the `redactie` of every wijk.

GitHub asks a wijk's own editors to review every change in their wijk's folder, so each wijk
decides about its own pages.
"""

from __future__ import annotations

from dataclasses import dataclass

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


@dataclass(frozen=True)
class Rule:
    """One line of CODEOWNERS that gives a folder its reviewers."""

    line: int  # its line in the file, from 1
    text: str

    @property
    def folder(self) -> str:
        """What the rule is about, however its slashes are written: `/wijken/oost/` and `wijken/oost` are one folder."""
        return self.text.split()[0].strip("/")

    @property
    def same(self) -> tuple[str, frozenset[str]]:
        """What GitHub makes of the rule: the order of the reviewers is not part of it, nor
        the case of their names."""
        return self.folder, frozenset(owner.lower() for owner in self.text.split()[1:])


def rules(text: str) -> list[Rule]:
    """The rules of a CODEOWNERS text, in their order: every line but the blank ones and comments."""
    return [
        Rule(number, line.strip())
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.lstrip().startswith("#")
    ]
