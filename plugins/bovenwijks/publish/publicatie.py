"""Everything there is to follow: feeds, calendars and open data, and the pages that list them.

`plan` decides what there is to follow, from the model alone; `publish` writes it, once the
engine has made each item's HTML.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import partial

from bovenwijks.city.kennisuitwisseling import Uitwisseling
from bovenwijks.city.nieuwsbrief import Lijst, Week
from bovenwijks.model import Stad
from bovenwijks.publish import nieuwsbrief, opendataschema
from bovenwijks.publish.calendar import Events, Kalender, eigen_kalenders, ics, kalenders
from bovenwijks.publish.feeds import Feed, FeedWriter, catalog
from bovenwijks.publish.links import absolute_html
from bovenwijks.publish.opendata import NIEUWS, OpenData, json_feed
from bovenwijks.publish.pages import data_page, volg_wijk, volgen_page
from bovenwijks.site.nieuwsbriefpages import Nieuwsbrieven, feed_path
from bovenwijks.site.pages import SitePage


@dataclass
class Publicatie:
    """What there is to follow: the feeds, the calendars, the letters, and the pages that list them.

    `kalenders` are those to subscribe to (the city's, each wijk's); `eigen` are the files
    of each activiteit, to put it in one's own agenda ("zet in je agenda").
    """

    feeds: list[Feed] = field(default_factory=list)
    kalenders: list[Kalender] = field(default_factory=list)
    pages: list[SitePage] = field(default_factory=list)
    eigen: list[Kalender] = field(default_factory=list)
    nieuwsbrieven: Nieuwsbrieven | None = None

    def paths(self) -> set[str]:
        """The paths of every feed and calendar file, relative to the site root."""
        letters = {feed_path(lijst) for lijst in self.nieuwsbrieven.per_lijst} if self.nieuwsbrieven else set()
        return {path for feed in self.feeds for path in (feed.rss, feed.atom)} | {k.path for k in [*self.kalenders, *self.eigen]} | letters


def volg_blokken(publicatie: Publicatie, stad: Stad, site_url: str) -> dict[str, Callable[[], str]]:
    """For the page (its source) of every wijk's home, its "Volg deze wijk" block, made when asked."""
    feeds = {feed.naam: feed for feed in publicatie.feeds if feed.soort == "wijk"}
    agendas = {kalender.naam: kalender for kalender in publicatie.kalenders}
    lijsten = publicatie.nieuwsbrieven.lijsten if publicatie.nieuwsbrieven else {}
    return {
        f"wijken/{wijk.slug}/index.md": partial(
            volg_wijk, wijk, feeds.get(f"wijken/{wijk.slug}"), agendas.get(f"wijken/{wijk.slug}"), site_url, lijsten.get(wijk.slug)
        )
        for wijk in stad.wijken.values()
    }


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


def plan(
    stad: Stad,
    vandaag: date,
    site_url: str,
    *,
    limit: int,
    site_name: str,
    licentie: str,
    uitwisseling: Uitwisseling | None = None,
    lijsten: Mapping[str, Lijst] | None = None,
) -> Publicatie:
    """The feeds and calendars of the city (with each activiteit's own), the nieuwsbrief of each
    wijk and of the city, and the pages `/volgen/`, `/data/` and `/nieuwsbrief/`.

    `site_url` ends in `/`; `licentie` is the URL of the open data's licence; `uitwisseling`
    the city's kennisuitwisseling (made here when not given); `lijsten` the mailing lists.
    """
    result = Publicatie(
        feeds=catalog(stad, vandaag, limit=limit, site_name=site_name), kalenders=kalenders(stad), eigen=eigen_kalenders(stad)
    )
    result.nieuwsbrieven = Nieuwsbrieven.maak(stad, Week.van(vandaag), uitwisseling or Uitwisseling(stad), lijsten or {})
    counts = OpenData(stad, site_url, {}, licentie, result.kalenders, result.feeds).counts()
    result.pages = [
        volgen_page(stad, result.feeds, result.kalenders, site_url, result.nieuwsbrieven),
        data_page(stad, site_url, licentie, counts),
        *result.nieuwsbrieven.pages(),
    ]
    return result


def publish(
    publicatie: Publicatie,
    stad: Stad,
    site_url: str,
    html: dict[str, str],
    *,
    site_name: str,
    licentie: str,
    rechten: str | None = None,
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
    # Each activiteit is in the city's calendar, its wijk's and its own: serialised once.
    events = Events(stad, site_url, html)
    for kalender in [*publicatie.kalenders, *publicatie.eigen]:
        files[kalender.path] = ics(kalender, stad, site_url, html, events)
    files.update(OpenData(stad, site_url, html, licentie, publicatie.kalenders, publicatie.feeds).files())
    files.update(opendataschema.files())
    stadfeed = next(f for f in publicatie.feeds if f.soort == "stad")
    files[NIEUWS] = json_feed(stadfeed, writer, site_name)
    if publicatie.nieuwsbrieven:
        files.update(nieuwsbrief.files(publicatie.nieuwsbrieven, site_url, rechten))
    return files
