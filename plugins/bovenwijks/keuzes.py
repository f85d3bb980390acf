"""The fixed choices of the content contract: an initiatief's status and a kennis item's soort.

Each choice is defined here once, with the words residents read for it and the place it takes
in lists. The contract (and so the JSON Schemas and the editor reference), the templates, the
overzicht, the kennisuitwisseling, the feeds and the browser's filter (through
`initiatieven/filter.json`) all read them from here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Status:
    """How an initiatief is doing."""

    id: str  # what editors write: `status: actief`
    naam: str  # on a card: "Actief"
    lijst: str  # the heading of the list of every initiatief with this status
    rang: int  # its place in listings and matches: what is alive comes first
    meedoen: bool = False  # whether a resident can still join in (`/helpen/`)


# In the order of an initiatief's life, as the contract lists them.
STATUSSEN = (
    Status("idee", "Idee", "Ideeën voor initiatieven", rang=1, meedoen=True),
    Status("actief", "Actief", "Actieve initiatieven", rang=0, meedoen=True),
    Status("gepauzeerd", "Gepauzeerd", "Gepauzeerde initiatieven", rang=2),
    Status("afgerond", "Afgerond", "Afgeronde initiatieven", rang=3),
)
STATUS = {status.id: status for status in STATUSSEN}
# The order residents look in: actief, then ideeën, then gepauzeerd and afgerond.
STATUS_VOLGORDE = tuple(status.id for status in sorted(STATUSSEN, key=lambda status: status.rang))


@dataclass(frozen=True)
class Soort:
    """What a kennis item is: a question to other wijken, or a lesson learned."""

    id: str  # what editors write: `soort: vraag`
    naam: str  # on a card: "Vraag"


SOORTEN = (Soort("vraag", "Vraag"), Soort("ervaring", "Ervaring"))
SOORT = {soort.id: soort for soort in SOORTEN}
