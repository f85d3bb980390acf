"""The pages of the kennisuitwisseling, and what it adds to the pages of wijken and items.

`/kennis/` is the hub, `/kennis/<onderwerp>/` a page per onderwerp and `/kennis/matches/`
every match. The names `index` and `matches` are therefore no onderwerp ids: the vocabulary
refuses them (`vocabulaire.GERESERVEERD`).
"""

from __future__ import annotations

from collections.abc import Callable

from .kennisuitwisseling import Uitwisseling
from .model import Stad
from .pages import SitePage
from .render import render
from .slug import slugify
from .vocabulaire import PATH as VOCABULAIRE, GERESERVEERD

HUB = "kennis/index.md"
MATCHES = "kennis/matches.md"
# How many vragen and ervaringen the hub shows; the pages per onderwerp list them all.
HUB_VRAGEN = 20
HUB_ERVARINGEN = 10


def onderwerp_src_uri(ident: str) -> str:
    """The source path of an onderwerp's page, which MkDocs publishes at `/kennis/<id>/`."""
    return f"kennis/{ident}.md"


def _page(uitwisseling: Uitwisseling, template: str, src_uri: str, title: str, *, description: str | None, source: str | None = None, **context) -> SitePage:
    def page(body: str) -> str:
        return render(template, site_page.url, body=body, u=uitwisseling, stad=uitwisseling.stad, **context)

    site_page = SitePage(src_uri, title, page, source=source, description=description)
    return site_page


def kennis_pages(uitwisseling: Uitwisseling) -> list[SitePage]:
    """The hub, a page per onderwerp, and the matches page."""
    stad = uitwisseling.stad
    pages = [
        _page(
            uitwisseling, "kennis_hub.html", HUB, "Kennis delen",
            description=f"Wat initiatieven in {stad.naam} elkaar kunnen leren: per onderwerp wie kennis aanbiedt en wie zoekt.",
            vragen_max=HUB_VRAGEN, ervaringen_max=HUB_ERVARINGEN,
        ),
        _page(
            uitwisseling, "kennis_matches.html", MATCHES, "Matches: wie kan wie helpen?",
            description="Voor alles wat een initiatief zoekt: de initiatieven in andere wijken die het aanbieden.",
        ),
    ]
    for kennis in uitwisseling.gesorteerd():
        ident = kennis.onderwerp.id
        # Without a readable vocabulary any word is an onderwerp; only slugs make addresses.
        if ident in GERESERVEERD or slugify(ident) != ident:
            continue
        pages.append(_page(
            uitwisseling, "kennis_onderwerp.html", onderwerp_src_uri(ident), kennis.onderwerp.naam,
            kennis=kennis, description=kennis.onderwerp.beschrijving, source=VOCABULAIRE,
        ))
    return pages


def extra_sections(uitwisseling: Uitwisseling) -> dict[str, Callable[[], str]]:
    """What the kennisuitwisseling adds at the end of other pages, by their source path.

    Every wijk's home gets what the wijk can share and is looking for; every initiatief page
    the matches for what it seeks and offers; every vraag the ervaringen of other wijken,
    and every ervaring the vragen it answers. The HTML is made only when asked for.
    """
    stad: Stad = uitwisseling.stad
    sections: dict[str, Callable[[], str]] = {}

    def add(src_uri: str, url: str, template: str, **context) -> None:
        sections[src_uri] = lambda: render(template, url, u=uitwisseling, stad=stad, **context)

    # The source paths under which the wijken plugin mounts these pages (`wijkpages`).
    for wijk in stad.wijken.values():
        add(f"{wijk.url}index.md", wijk.url, "kennis_wijk.html", wijk=wijk)
        for initiatief in wijk.initiatieven:
            if initiatief.biedt or initiatief.zoekt:
                add(f"wijken/{initiatief.identity}.md", initiatief.url, "kennis_initiatief.html", item=initiatief)
        for item in wijk.kennis:
            add(f"wijken/{item.identity}.md", item.url, "kennis_item.html", item=item)
    return sections
