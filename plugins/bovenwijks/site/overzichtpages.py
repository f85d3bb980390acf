"""The pages of the stedelijk overzicht: home, initiatieven, thema's, agenda and nieuws.

Every listing is paginated, so that no page grows with the city.
"""

from __future__ import annotations

import json
from datetime import date
from itertools import groupby

from bovenwijks.city import overzicht
from bovenwijks.city.agenda import agenda, binnenkort, per_maand
from bovenwijks.city.paginate import Pagina, paginate
from bovenwijks.keuzes import STATUS, STATUS_VOLGORDE
from bovenwijks.model import Stad
from bovenwijks.site.chart import thema_chart
from bovenwijks.site.pages import SitePage
from bovenwijks.site.render import render

FILTER_DATA = "initiatieven/filter.json"


def home(stad: Stad, vandaag: date, body: str, titel: str, *, lead: str | None = None, activiteiten: int = 6, berichten: int = 6) -> str:
    """The home page: four entrances by task, what is on soon, the news, then the city's own
    introduction (`body`) and its wijken.

    `activiteiten` is how many come under "Daarna", after this week and the weekend: each
    once, at its next time.
    """
    komend = agenda(stad, vandaag)
    week = binnenkort(komend.komend, vandaag)
    return render(
        "home.html",
        "",
        stad=stad,
        agenda=komend,
        body=body,
        titel=titel,
        lead=lead,
        week=week,
        later=week.daarna(komend.komend, activiteiten),
        berichten=stad.berichten()[:berichten],
    )


def _page(pagina: Pagina, title: str, template: str, description: str | None = None, **context) -> SitePage:
    if pagina.count > 1 and pagina.number > 1:
        title = f"{title} (pagina {pagina.number} van {pagina.count})"

    def content(body: str) -> str:
        return render(template, pagina.url, pagina=pagina, body=body, **context)

    return SitePage(pagina.src_uri, title, content, description=description, search=pagina.number == 1)


def initiatieven_pages(stad: Stad, per_page: int) -> list[SitePage]:
    """`/initiatieven/` and `/initiatieven/<status>/`, paginated, with the data of the in-page filter."""
    pages = []
    alle = overzicht.initiatieven(stad)
    common = {"stad": stad, "statussen": STATUS_VOLGORDE}
    for pagina in paginate(alle, "initiatieven/", per_page):
        pages.append(
            _page(
                pagina,
                "Initiatieven",
                "initiatieven.html",
                f"Alle {len(alle)} bewonersinitiatieven van {stad.naam}.",
                titel="Initiatieven",
                inleiding=f"Alle {len(alle)} initiatieven van bewoners in {stad.naam}. Kies een thema, wijk of status om te zoeken wat bij je past.",
                status=None,
                filter_url=FILTER_DATA,
                **common,
            )
        )
    for status, lijst in overzicht.per_status(stad).items():
        naam = STATUS[status].lijst
        for pagina in paginate(lijst, f"initiatieven/{status}/", per_page):
            pages.append(
                _page(
                    pagina,
                    naam,
                    "initiatieven.html",
                    titel=naam,
                    inleiding=f"{len(lijst)} initiatieven in {stad.naam} met de status {status}.",
                    status=status,
                    filter_url=None,
                    **common,
                )
            )
    return pages


def filter_data(stad: Stad) -> str:
    """The initiatieven as compact JSON, for filtering `/initiatieven/` in place with JavaScript."""
    themas = {t.id: t.naam for t in stad.vocabulaire.themas.values()}
    statussen = {s: STATUS[s].naam for s in STATUS_VOLGORDE}
    rows = [
        {
            "titel": i.titel,
            "url": i.url,
            "wijk": i.wijk,
            "wijknaam": stad.wijken[i.wijk].naam,
            "status": i.status,
            "themas": i.themas,
            "samenvatting": i.samenvatting,
        }
        for i in overzicht.initiatieven(stad)
    ]
    return json.dumps({"themas": themas, "statussen": statussen, "initiatieven": rows}, ensure_ascii=False, separators=(",", ":"))


def thema_pages(stad: Stad, vandaag: date, per_page: int) -> list[SitePage]:
    """`/themas/` with the chart, and `/themas/<thema>/` per thema, paginated."""
    per_thema = overzicht.per_thema(stad, vandaag)
    counts = overzicht.thema_per_wijk(stad)
    chart_themas = [t for t in stad.vocabulaire.themas if any(row.get(t) for row in counts.values())]

    def index(body: str) -> str:
        return render(
            "themas.html",
            "themas/",
            stad=stad,
            overzicht=per_thema,
            counts=counts,
            chart=thema_chart(stad, counts),
            chart_themas=chart_themas,
            body=body,
        )

    pages = [
        SitePage("themas/index.md", "Thema's", index, description=f"Initiatieven, activiteiten en wijkplannen van {stad.naam} per thema.")
    ]
    for thema_id, thema_overzicht in per_thema.items():
        thema = stad.vocabulaire.themas.get(thema_id)
        if thema is None:
            continue  # only in a city whose vocabulary could not be read, and then reported
        by_wijk = sorted(thema_overzicht.initiatieven, key=lambda i: (stad.wijken[i.wijk].naam.lower(), i.titel.lower()))
        for pagina in paginate(by_wijk, f"themas/{thema_id}/", per_page):
            groepen = [(wijk, list(group)) for wijk, group in groupby(pagina.items, key=lambda i: i.wijk)]
            pages.append(
                _page(
                    pagina,
                    thema.naam,
                    "thema.html",
                    thema.beschrijving,
                    stad=stad,
                    thema=thema,
                    overzicht=thema_overzicht,
                    groepen=groepen,
                )
            )
    return pages


def agenda_pages(stad: Stad, vandaag: date, per_page: int) -> list[SitePage]:
    """`/agenda/`: this week, the weekend, then later by month; `/agenda/archief/`: what is over."""
    pages = []
    komend = agenda(stad, vandaag)
    week = binnenkort(komend.komend, vandaag)
    for base, lijst, titel, inleiding, archief in (
        ("agenda/", week.later(komend.komend), "Agenda", f"Wat er de komende tijd te doen is in alle wijken van {stad.naam}.", False),
        (
            "agenda/archief/",
            komend.voorbij,
            "Archief van de agenda",
            "Activiteiten die al geweest zijn, de meest recente eerst. Van een reeks staat de laatste keer hier.",
            True,
        ),
    ):
        for pagina in paginate(lijst, base, per_page):
            pages.append(
                _page(
                    pagina,
                    titel,
                    "agenda.html",
                    inleiding,
                    stad=stad,
                    titel=titel,
                    inleiding=inleiding,
                    archief=archief,
                    # This week and the weekend open the first page of what is coming.
                    week=week if not archief and pagina.number == 1 else None,
                    maanden=per_maand(pagina.items),
                )
            )
    return pages


def nieuws_pages(stad: Stad, per_page: int) -> list[SitePage]:
    """`/nieuws/`: every bericht of the city, newest first."""
    return [
        _page(pagina, "Nieuws", "nieuws.html", f"Nieuws uit alle wijken van {stad.naam}.", stad=stad)
        for pagina in paginate(stad.berichten(), "nieuws/", per_page)
    ]


def helpen_page(stad: Stad) -> SitePage:
    """`/helpen/`: how a resident joins in, with the initiatieven to join per wijk."""
    return SitePage(
        "helpen/index.md",
        "Meedoen en helpen",
        lambda body: render(
            "helpen.html", "helpen/", stad=stad, groepen=overzicht.meedoen(stad), per_wijk=overzicht.MEEDOEN_PER_WIJK, body=body
        ),
        description=f"Doe mee met een initiatief in jouw wijk van {stad.naam}, of begin zelf iets.",
    )


def overzicht_pages(stad: Stad, vandaag: date, per_page: int = 48) -> list[SitePage]:
    """Every page of the stedelijk overzicht (the home page is the city's own, see `home`)."""
    return [
        *initiatieven_pages(stad, per_page),
        *thema_pages(stad, vandaag, per_page),
        *agenda_pages(stad, vandaag, per_page),
        *nieuws_pages(stad, per_page),
        helpen_page(stad),
    ]
