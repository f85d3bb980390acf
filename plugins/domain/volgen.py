"""Everything there is to follow: feeds, calendars and open data, and the page `/volgen/`.

`publish` makes all of it from the model and the items' HTML, for any engine to write out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from .calendar import Kalender, ics, kalenders
from .feeds import Feed, FeedWriter, catalog
from .links import absolute_html
from .model import Stad
from .opendata import NIEUWS, OpenData, data_page, json_feed
from .pages import SitePage
from .render import render

URL = "volgen/"


@dataclass
class Publicatie:
    """What `publish` made: files by their path relative to the site root, pages, and the feeds."""

    files: dict[str, bytes] = field(default_factory=dict)
    pages: list[SitePage] = field(default_factory=list)
    feeds: list[Feed] = field(default_factory=list)


def bodies(stad: Stad, to_html: Callable[[str], str], site_url: str) -> dict[str, str]:
    """Every item's body (by identity) and every wijk's (by slug) as HTML with absolute links.

    `to_html` is the engine's Markdown, with the site's extensions, so that a feed shows
    an item as its page does.
    """
    result = {}
    for wijk in stad.wijken.values():
        result[wijk.slug] = absolute_html(to_html(wijk.body), f"wijken/{wijk.slug}/index.md", site_url)
        for item in wijk.items():
            result[item.identity] = absolute_html(to_html(item.body), f"wijken/{item.identity}.md", site_url)
    return result


def publish(
    stad: Stad, vandaag: date, site_url: str, html: dict[str, str], *,
    limit: int, site_name: str, licentie: str, rechten: str | None = None,
) -> Publicatie:
    """Every feed, calendar and data file of the city, and the pages `/volgen/` and `/data/`.

    `html` is what `bodies` returns; `site_url` ends in `/`; `rechten` is the site's
    copyright line for the feeds, `licentie` the URL of the open data's licence.
    """
    result = Publicatie(feeds=catalog(stad, vandaag, limit=limit, site_name=site_name))
    writer = FeedWriter(stad, site_url, html, rechten)
    for feed in result.feeds:
        result.files[feed.rss] = writer.rss(feed)
        result.files[feed.atom] = writer.atom(feed)
    agendas = kalenders(stad)
    for kalender in agendas:
        result.files[kalender.path] = ics(kalender, stad, site_url, html)
    data = OpenData(stad, site_url, html, licentie, agendas, result.feeds)
    result.files.update(data.files())
    stadfeed = next(f for f in result.feeds if f.soort == "stad")
    result.files[NIEUWS] = json_feed(stadfeed, writer, site_name)
    result.pages = [volgen_page(stad, result.feeds, agendas, site_url), data_page(stad, site_url, licentie, data.counts())]
    return result


def webcal(url: str) -> str:
    """The `webcal://` form of a calendar's URL: a tap on it opens the 'subscribe' dialogue."""
    return "webcal://" + url.split("://", 1)[-1]


def volgen_page(stad: Stad, feeds: list[Feed], agendas: list[Kalender], site_url: str) -> SitePage:
    """The page that lists every feed and calendar with a plain Dutch explanation."""
    groups = {soort: [f for f in feeds if f.soort == soort] for soort in ("stad", "agenda", "kennis", "wijk", "thema")}
    eigen = [w for w in stad.wijken.values() if w.feed or w.website]

    def page(body: str) -> str:
        return render(
            "volgen.html", URL, stad=stad, stedelijk=groups["stad"] + groups["agenda"] + groups["kennis"],
            wijkfeeds=groups["wijk"], themafeeds=groups["thema"], kalenders=agendas, eigen=eigen,
            absolute=lambda path: site_url + path, webcal=webcal, nieuws=NIEUWS, body=body,
        )

    return SitePage(
        "volgen/index.md", "Volgen", page,
        description=f"Volg het nieuws, de agenda en de kennis van de wijken van {stad.naam} in je feedlezer of agenda-app.",
    )
