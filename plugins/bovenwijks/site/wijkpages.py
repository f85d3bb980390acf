"""The pages of the wijken: each wijk's home, its wijkplan, and a page per item."""

from __future__ import annotations

from datetime import date
from functools import partial

from markupsafe import Markup

from bovenwijks.city.agenda import agenda
from bovenwijks.herhaling import de_komende
from bovenwijks.model import Activiteit, Afbeelding, Item, Stad, Wijk
from bovenwijks.site import jsonld
from bovenwijks.site.pages import SitePage
from bovenwijks.site.render import render
from bovenwijks.site.searchable import GEWICHT

# Where a wijk's home shows how to follow it. The addresses of its feed and calendar belong
# to the published outputs (`bovenwijks.publish`), which put the block in here.
VOLGEN_PLEK = "<!--bovenwijks:volg-deze-wijk-->"


def beelden(item: Item, wijk: Wijk) -> tuple[Afbeelding, ...]:
    """The photos that stand for `item`, best first: its own, its initiatief's, its wijk's."""
    organisator = wijk.initiatief(item.initiatief) if isinstance(item, Activiteit) and item.initiatief else None
    found = (getattr(item, "afbeelding", None), organisator.afbeelding if organisator else None, wijk.afbeelding)
    return tuple(a for a in found if a is not None)


# How many of its coming times an activiteit's page lists; the rule in words says the rest.
KEREN_OP_PAGINA = 8


def _activiteit_context(item: Activiteit, vandaag: date) -> dict:
    keren = de_komende(item, vandaag, KEREN_OP_PAGINA + 1)
    return {"keren": keren[:KEREN_OP_PAGINA], "meer": len(keren) > KEREN_OP_PAGINA, "voorbij": not keren}


def _item_page(item: Item, stad: Stad, vandaag: date, site_url: str, komend: dict[str, list[Activiteit]]) -> SitePage:
    wijk = stad.wijken[item.wijk]
    context = {"item": item, "wijk": wijk, "stad": stad, "vandaag": vandaag}
    if item.kind == "initiatief":
        context["prioriteiten"] = [p for p in map(wijk.prioriteit, item.prioriteiten) if p]
        context["komend"] = agenda(stad, vandaag).eerstvolgende(komend.get(item.slug, []))
    elif item.kind == "activiteit":
        context.update(_activiteit_context(item, vandaag))
    shown = beelden(item, wijk)

    def page(body: str) -> str:
        # Made with the page, when the photos have their copies.
        extra = {"jsonld": jsonld.event(item, stad, site_url, shown, context["keren"])} if item.kind == "activiteit" and site_url else {}
        return render(f"{item.kind}.html", item.url, body=body, **context, **extra)

    return SitePage(
        src_uri=f"wijken/{item.identity}.md",
        title=item.titel,
        render=page,
        markdown=item.body,
        # An imported item is changed on the wijk's own website, not in its snapshot here.
        source=None if getattr(item, "origineel", None) else item.source,
        description=getattr(item, "samenvatting", None),
        boost=GEWICHT[item.kind],
        afbeelding=getattr(item, "afbeelding", None),
        beelden=shown,
        wijk=wijk.naam,
        article=True,
    )


def _wijk_page(wijk: Wijk, stad: Stad, vandaag: date) -> SitePage:
    def page(body: str) -> str:
        return render("wijk.html", wijk.url, wijk=wijk, stad=stad, agenda=agenda(stad, vandaag), body=body, volgen=Markup(VOLGEN_PLEK))

    return SitePage(
        src_uri=f"wijken/{wijk.slug}/index.md",
        title=wijk.naam,
        render=page,
        markdown=wijk.body,
        source=wijk.source,
        description=wijk.samenvatting or None,
        boost=GEWICHT["wijk"],
        afbeelding=wijk.afbeelding,
        beelden=(wijk.afbeelding,) if wijk.afbeelding else (),
        wijk=wijk.naam,
    )


def _wijkplan_page(wijk: Wijk, stad: Stad) -> SitePage:
    url = f"{wijk.url}wijkplan/"

    def page(body: str) -> str:
        return render("wijkplan.html", url, wijk=wijk, stad=stad, body=body)

    return SitePage(
        src_uri=f"wijken/{wijk.slug}/wijkplan.md",
        title=f"Wijkplan {wijk.wijkplan.jaar} {wijk.naam}",
        render=page,
        markdown=wijk.wijkplan.body,
        source=wijk.wijkplan.source,
        beelden=(wijk.afbeelding,) if wijk.afbeelding else (),
        wijk=wijk.naam,
    )


def wijk_pages(stad: Stad, vandaag: date, site_url: str = "") -> list[SitePage]:
    """Every page of every wijk, and the list of wijken at `/wijken/`.

    `vandaag` decides what is upcoming; `site_url` (with a trailing slash) makes the
    absolute links of structured data, which are left out without it.
    """
    pages = [
        SitePage(
            "wijken/index.md",
            "Wijken",
            partial(_render_wijken, stad=stad, vandaag=vandaag),
            description=f"Alle wijken van {stad.naam} op een rij.",
        )
    ]
    for wijk in stad.wijken.values():
        pages.append(_wijk_page(wijk, stad, vandaag))
        if wijk.wijkplan:
            pages.append(_wijkplan_page(wijk, stad))
        # Each initiatief's activiteiten, in one pass over the wijk's agenda.
        komend: dict[str, list[Activiteit]] = {}
        for activiteit in wijk.agenda:
            if activiteit.initiatief:
                komend.setdefault(activiteit.initiatief, []).append(activiteit)
        pages.extend(_item_page(item, stad, vandaag, site_url, komend) for item in wijk.items())
    return pages


def _render_wijken(body: str, *, stad: Stad, vandaag: date) -> str:
    return render("wijken.html", "wijken/", stad=stad, agenda=agenda(stad, vandaag), body=body)
