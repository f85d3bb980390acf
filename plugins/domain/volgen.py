"""Everything there is to follow: feeds, calendars and open data, and the page `/volgen/`.

`plan` decides what there is to follow, from the model alone; `publish` writes it, once the
engine has made each item's HTML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .calendar import Events, Kalender, ics, kalenders
from .feeds import Feed, FeedWriter, catalog
from .links import absolute_html
from .model import Stad
from .opendata import NIEUWS, OpenData, data_page, json_feed
from .pages import SitePage
from .render import render

URL = "volgen/"


@dataclass
class Publicatie:
    """What there is to follow: the feeds, the calendars, and the pages that list them."""

    feeds: list[Feed] = field(default_factory=list)
    kalenders: list[Kalender] = field(default_factory=list)
    pages: list[SitePage] = field(default_factory=list)


def body_sources(stad: Stad) -> dict[str, str]:
    """The page (its source, `wijken/oost/index.md`) whose HTML is the body of each item
    (by identity) and wijk (by slug), for `publish`."""
    result = {}
    for wijk in stad.wijken.values():
        result[f"wijken/{wijk.slug}/index.md"] = wijk.slug
        for item in wijk.items():
            result[f"wijken/{item.identity}.md"] = item.identity
    return result


def body(html: str, page_url: str, site_url: str) -> str:
    """The engine's HTML of a body, on the page at `page_url`, made fit for a feed: absolute links."""
    # The engine has already turned `.md` links into URLs relative to the page itself.
    return absolute_html(html, f"{page_url}index.md", site_url)


def plan(stad: Stad, vandaag: date, site_url: str, *, limit: int, site_name: str, licentie: str) -> Publicatie:
    """The feeds and calendars of the city, and the pages `/volgen/` and `/data/`.

    `site_url` ends in `/`; `licentie` is the URL of the open data's licence.
    """
    result = Publicatie(feeds=catalog(stad, vandaag, limit=limit, site_name=site_name), kalenders=kalenders(stad))
    counts = OpenData(stad, site_url, {}, licentie, result.kalenders, result.feeds).counts()
    result.pages = [volgen_page(stad, result.feeds, result.kalenders, site_url), data_page(stad, site_url, licentie, counts)]
    return result


def publish(
    publicatie: Publicatie, stad: Stad, site_url: str, html: dict[str, str], *,
    site_name: str, licentie: str, rechten: str | None = None,
) -> dict[str, bytes]:
    """Every feed, calendar and data file of the city, by its path relative to the site root.

    `html` maps each key of `body_sources` to its `body`; `rechten` is the site's copyright
    line for the feeds.
    """
    files: dict[str, bytes] = {}
    writer = FeedWriter(stad, site_url, html, rechten)
    for feed in publicatie.feeds:
        files[feed.rss] = writer.rss(feed)
        files[feed.atom] = writer.atom(feed)
    events = Events(stad, site_url, html)
    for kalender in publicatie.kalenders:
        files[kalender.path] = ics(kalender, stad, site_url, html, events)
    files.update(OpenData(stad, site_url, html, licentie, publicatie.kalenders, publicatie.feeds).files())
    stadfeed = next(f for f in publicatie.feeds if f.soort == "stad")
    files[NIEUWS] = json_feed(stadfeed, writer, site_name)
    return files


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
