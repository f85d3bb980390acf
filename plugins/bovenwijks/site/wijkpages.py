"""The pages of the wijken: each wijk's home, its wijkplan, and a page per item."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial

from markupsafe import Markup

from bovenwijks.city.agenda import Agenda, agenda
from bovenwijks.city.paginate import Pagina, paginate
from bovenwijks.herhaling import de_komende
from bovenwijks.keuzes import STATUS
from bovenwijks.model import Activiteit, Afbeelding, Initiatief, Item, Stad, Wijk
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


# How many of each of its lists a wijk's home shows. Every list also has pages of its own,
# PER_PAGINA at a time (`wijken/<wijk>/alle/nieuws/`, `.../alle/nieuws/2/`), which the home
# links when the list is longer: so the home stays the same size however many years of news
# and activiteiten a wijk gathers, and other pages (a letter, /helpen/) can always link the
# whole list.
OP_DE_WIJKPAGINA = 12
PER_PAGINA = 48


@dataclass(frozen=True)
class Wijklijst:
    """A list of a wijk's home, and how its own pages show it."""

    naam: str  # its folder under the wijk's `alle/`
    titel: str  # of its pages: "Nieuws uit {wijk}"
    link: str  # on the wijk's home, to its pages: "Alle {n} berichten van {wijk}"
    klasse: str  # the class of the list, as on the wijk's home
    macro: str  # the macro of `_macros.html` that shows one of its items
    items: Callable[[Wijk, Agenda], list]
    # What else its macro is told on the list's pages, beside leaving out the wijk: a card's
    # heading level (right under the page's title), whether a time says how its series comes back.
    extra: tuple[tuple[str, object], ...] = ()

    @property
    def opties(self) -> dict[str, object]:
        """The keyword arguments of its macro on the list's pages."""
        return {"show_wijk": False, **dict(self.extra)}


WIJKLIJSTEN = {
    lijst.naam: lijst
    for lijst in (
        Wijklijst(
            "initiatieven",
            "Initiatieven in {wijk}",
            "Alle {n} initiatieven van {wijk}",
            "bw-cards",
            "initiatief_card",
            lambda w, a: _levend_eerst(w.initiatieven),
            (("niveau", 2),),
        ),
        Wijklijst(
            "agenda",
            "Agenda van {wijk}",
            "Alle {n} keer op de agenda van {wijk}",
            "bw-events",
            "activiteit_row",
            lambda w, a: a.van_wijk(w.slug),
        ),
        Wijklijst(
            "eerder",
            "Eerdere activiteiten in {wijk}",
            "Alle {n} eerdere activiteiten van {wijk}",
            "bw-events",
            "activiteit_row",
            lambda w, a: a.voorbij_van_wijk(w.slug),
            (("regel", True),),
        ),
        Wijklijst("nieuws", "Nieuws uit {wijk}", "Alle {n} berichten van {wijk}", "bw-newslist", "bericht_row", lambda w, a: w.nieuws),
        Wijklijst(
            "kennis",
            "Vragen en ervaringen uit {wijk}",
            "Alle {n} vragen en ervaringen van {wijk}",
            "bw-newslist",
            "kennis_row",
            lambda w, a: w.kennis,
        ),
    )
}


@dataclass(frozen=True)
class Deel:
    """What a wijk's home shows of one of its lists: the first items, and where the whole list is when it is longer."""

    items: list
    totaal: int
    link: str | None  # the text of the link to the list's own pages, when it has them
    url: str | None


def _levend_eerst(initiatieven: list[Initiatief]) -> list[Initiatief]:
    # Of a long list the home shows the first: those alive (actief, then idee) before the paused and finished.
    return sorted(initiatieven, key=lambda i: (STATUS[i.status].rang, i.titel.lower(), i.slug))


def delen(wijk: Wijk, komend: Agenda) -> dict[str, Deel]:
    """What the wijk's home shows of each of its lists, by the list's name."""
    result = {}
    for naam, lijst in WIJKLIJSTEN.items():
        items = lijst.items(wijk, komend)
        meer = len(items) > OP_DE_WIJKPAGINA
        result[naam] = Deel(
            items[:OP_DE_WIJKPAGINA],
            len(items),
            lijst.link.format(n=len(items), wijk=wijk.naam) if meer else None,
            wijk.alle(naam) if meer else None,
        )
    return result


def _lijst_pages(wijk: Wijk, stad: Stad, komend: Agenda) -> list[SitePage]:
    """The pages of each list of `wijk`."""
    pages = []
    for naam, lijst in WIJKLIJSTEN.items():
        items = lijst.items(wijk, komend)
        titel = lijst.titel.format(wijk=wijk.naam)
        for pagina in paginate(items, wijk.alle(naam), PER_PAGINA):
            page = partial(_render_lijst, wijk=wijk, stad=stad, lijst=lijst, titel=titel, pagina=pagina)
            title = titel if pagina.number == 1 else f"{titel} (pagina {pagina.number} van {pagina.count})"
            # A list repeats its items' own pages: a search should lead to those.
            beelden = (wijk.afbeelding,) if wijk.afbeelding else ()
            pages.append(SitePage(pagina.src_uri, title, page, search=False, beelden=beelden, wijk=wijk.naam))
    return pages


def _render_lijst(body: str, *, wijk: Wijk, stad: Stad, lijst: Wijklijst, titel: str, pagina: Pagina) -> str:
    return render("wijk_lijst.html", pagina.url, wijk=wijk, stad=stad, lijst=lijst, titel=titel, pagina=pagina, body=body)


def _wijk_page(wijk: Wijk, stad: Stad, vandaag: date) -> SitePage:
    def page(body: str) -> str:
        komend = agenda(stad, vandaag)
        return render(
            "wijk.html", wijk.url, wijk=wijk, stad=stad, agenda=komend, delen=delen(wijk, komend), body=body, volgen=Markup(VOLGEN_PLEK)
        )

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
        pages.extend(_lijst_pages(wijk, stad, agenda(stad, vandaag)))
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
