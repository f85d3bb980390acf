"""What the cities this city exchanges knowledge with offer, by our onderwerp.

The kennis pages show it on each onderwerp's page and on each initiatief that looks for it
(`site/kennispages.py`); it comes from the snapshots of `bovenwijks ophalen`
(`content/steden.py`), never from the network.
"""

from __future__ import annotations

from collections import defaultdict

from bovenwijks.aantal import aantal
from bovenwijks.keuzes import STATUS_VOLGORDE
from bovenwijks.model import Aanbod, AndereStad, Stad


def volgorde(aanbod: Aanbod) -> tuple:
    """Where an offer stands in a list: initiatieven first, the living ones first (as the
    matches of our own wijken); then ervaringen, newest first."""
    if aanbod.soort == "initiatief":
        rang = STATUS_VOLGORDE.index(aanbod.status) if aanbod.status else len(STATUS_VOLGORDE)
        return (0, rang, aanbod.stad, aanbod.titel.lower(), aanbod.url)
    return (1, -(aanbod.datum.toordinal() if aanbod.datum else 0), aanbod.stad, aanbod.titel.lower(), aanbod.url)


class Elders:
    """The offers of the other cities of one build, by our onderwerp's id."""

    def __init__(self, stad: Stad):
        self.steden: list[AndereStad] = list(stad.andere_steden)
        per: dict[str, list[Aanbod]] = defaultdict(list)
        for andere in self.steden:
            for aanbod in andere.aanbod:
                per[aanbod.onderwerp].append(aanbod)
        self._per = {onderwerp: sorted(lijst, key=volgorde) for onderwerp, lijst in per.items()}

    def aanbod(self, onderwerp: str) -> list[Aanbod]:
        """Everything the other cities offer on `onderwerp`, best first."""
        return self._per.get(onderwerp, [])

    def steden_met(self, onderwerp: str) -> list[str]:
        """The names of the cities that offer something on `onderwerp`, in the order of the option."""
        namen = {a.stad for a in self.aanbod(onderwerp)}
        return [s.naam for s in self.steden if s.naam in namen]

    def samenvatting(self, andere: AndereStad) -> str:
        """What `andere` offers on our onderwerpen, counted: "3 initiatieven en 1 ervaring"."""
        pages = {a.url: a.soort for a in andere.aanbod}  # an initiatief offers several onderwerpen on one page
        initiatieven = sum(soort == "initiatief" for soort in pages.values())
        ervaringen = len(pages) - initiatieven
        if not pages:
            return "nog niets over onze onderwerpen"
        delen = [
            aantal(n, een, meer)
            for n, een, meer in ((initiatieven, "initiatief", "initiatieven"), (ervaringen, "ervaring", "ervaringen"))
            if n
        ]
        return " en ".join(delen) + " over onze onderwerpen"
