"""The pages of Hulp en advies: `/hulp/`, and `/hulp/<id>/` for every need of the vocabulary.

A city whose vocabulary names no needs (no `hulp:` in content/vocabulaire.yml) still has
`/hulp/`, with its information point and the wijken's contacts: the home page, the search
and the 404 page send residents there.
"""

from __future__ import annotations

from datetime import date

from bovenwijks.city.hulp import Hulpoverzicht, per_hulpvraag, wijken_op_naam
from bovenwijks.content.vocabulaire import PATH as VOCABULAIRE
from bovenwijks.model import Stad
from bovenwijks.site.pages import SitePage
from bovenwijks.site.render import render
from bovenwijks.site.searchable import GEWICHT

BOOST = GEWICHT["hulp"]  # residents who ask the search for help land here first
INDEX = "hulp/"


def _need_page(overzicht: Hulpoverzicht, stad: Stad) -> SitePage:
    hulpvraag = overzicht.hulpvraag
    url = f"{INDEX}{hulpvraag.id}/"

    def page(body: str) -> str:
        return render("hulp_vraag.html", url, stad=stad, overzicht=overzicht, body=body)

    return SitePage(
        src_uri=f"{INDEX}{hulpvraag.id}.md",
        title=hulpvraag.naam,
        render=page,
        source=VOCABULAIRE,
        description=hulpvraag.beschrijving or f"Hulp bij {hulpvraag.naam.lower()} in {stad.naam}: in je eigen wijk en in de stad.",
        boost=BOOST,
    )


def hulp_pages(stad: Stad, vandaag: date) -> list[SitePage]:
    """`/hulp/` and a page per need of the vocabulary.

    `vandaag` decides which activiteiten are still to come.
    """
    overzichten = per_hulpvraag(stad, vandaag)

    def index(body: str) -> str:
        return render("hulp.html", INDEX, stad=stad, overzichten=overzichten, wijken=wijken_op_naam(stad), body=body)

    return [
        SitePage(
            src_uri=f"{INDEX}index.md",
            title="Hulp en advies",
            render=index,
            source=VOCABULAIRE,
            description=f"Waar kun je terecht met een vraag? Hulp en advies in je eigen wijk en in heel {stad.naam}.",
            boost=BOOST,
        ),
        *(_need_page(o, stad) for o in overzichten.values()),
    ]
