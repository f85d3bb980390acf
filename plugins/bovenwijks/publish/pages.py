"""The pages that list what there is to follow: `/volgen/` (feeds and calendars) and `/data/`."""

from __future__ import annotations

from collections.abc import Mapping

from bovenwijks.city.nieuwsbrief import STAD, Lijst
from bovenwijks.model import Stad, Wijk
from bovenwijks.publish.calendar import Kalender
from bovenwijks.publish.feeds import Feed
from bovenwijks.publish.opendata import AANTAL, DATASETS, KOP, NIEUWS, VERSIE
from bovenwijks.site.nieuwsbriefpages import Nieuwsbrieven, adres, feed_path
from bovenwijks.site.pages import SitePage
from bovenwijks.site.render import render

VOLGEN = "volgen/"
DATA = "data/"


def webcal(url: str) -> str:
    """The `webcal://` form of a calendar's URL: a tap on it opens the 'subscribe' dialogue."""
    return "webcal://" + url.split("://", 1)[-1]


def volgen_page(stad: Stad, feeds: list[Feed], agendas: list[Kalender], site_url: str, nieuwsbrieven: Nieuwsbrieven) -> SitePage:
    """The page that lists every feed, calendar and nieuwsbrief with a plain Dutch explanation."""
    groups = {soort: [f for f in feeds if f.soort == soort] for soort in ("stad", "agenda", "kennis", "wijk", "thema")}
    eigen = [w for w in stad.wijken.values() if w.feed or w.website]

    def page(body: str) -> str:
        return render(
            "volgen.html",
            VOLGEN,
            stad=stad,
            stedelijk=groups["stad"] + groups["agenda"] + groups["kennis"],
            wijkfeeds=groups["wijk"],
            themafeeds=groups["thema"],
            kalenders=agendas,
            eigen=eigen,
            absolute=lambda path: site_url + path,
            webcal=webcal,
            nieuws=NIEUWS,
            body=body,
            brieven=[(lijst, nieuwsbrieven.naam(lijst), nieuwsbrieven.lijsten.get(lijst, Lijst())) for lijst in nieuwsbrieven.per_lijst],
            STAD=STAD,
            brief_adres=adres,
            brief_feed=feed_path,
        )

    return SitePage(
        f"{VOLGEN}index.md",
        "Volgen",
        page,
        description=f"Volg het nieuws, de agenda en de kennis van de wijken van {stad.naam} in je feedlezer of agenda-app.",
    )


def volg_wijk(wijk: Wijk, feed: Feed | None, kalender: Kalender | None, site_url: str, lijst: Lijst | None = None) -> str:
    """The "Volg deze wijk" block of a wijk's home: its agenda in one tap, its news, its nieuwsbrief, and more."""
    return render(
        "volg_wijk.html",
        wijk.url,
        wijk=wijk,
        feed=feed,
        kalender=kalender,
        nieuwsbrief=adres(wijk.slug),
        aanmelden=lijst.aanmelden if lijst else None,
        absolute=lambda path: site_url + path,
        webcal=webcal,
        volgen=VOLGEN,
    )


def data_page(stad: Stad, site_url: str, licentie: str, counts: Mapping[str, int]) -> SitePage:
    """The page `/data/`: every data file with its schema, what each field means, the version and the licence."""

    def page(body: str) -> str:
        return render(
            "data.html",
            DATA,
            stad=stad,
            datasets=DATASETS,
            kop=[*KOP, AANTAL],
            versie=VERSIE,
            counts=counts,
            licentie=licentie,
            absolute=lambda path: site_url + path,
            nieuws=NIEUWS,
            body=body,
        )

    return SitePage(
        f"{DATA}index.md",
        "Open data",
        page,
        description=f"Alle wijken, initiatieven, activiteiten, berichten en kennis van {stad.naam} als open data in JSON.",
    )
