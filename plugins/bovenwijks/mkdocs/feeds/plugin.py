"""The `bovenwijks/feeds` plugin: feeds, calendars and open data, and where pages link them.

A thin adapter: the domain (`bovenwijks.publish.publicatie`) decides and writes everything; this
plugin hands it the HTML MkDocs makes of each item, writes the files into the site, and
puts the fitting feeds in every page's `<head>`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from bovenwijks.city.nieuwsbrief import STAD, lijsten
from bovenwijks.mkdocs.feeds.config import FeedsConfig
from bovenwijks.mkdocs.mount import MountedPages
from bovenwijks.mkdocs.wijken.plugin import wijken_plugin
from bovenwijks.publish.feeds import Feed, alternates
from bovenwijks.publish.publicatie import Publicatie, body, body_sources, plan, publish, volg_blokken
from bovenwijks.site.wijkpages import VOLGEN_PLEK

log = get_plugin_logger("bovenwijks")


class FeedsPlugin(BasePlugin[FeedsConfig]):
    """Writes the feeds, calendars and open data of the city the wijken plugin loaded."""

    supports_multiple_instances = False

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Every build starts afresh: MkDocs makes this plugin anew for each build of
        # `mkdocs serve` today (it has no `on_startup`), but a kept one must not see the last build.
        self.pages = MountedPages()
        self.feeds: list[Feed] = []
        self.publicatie: Publicatie | None = None
        self.sources: dict[str, str] = {}
        self.volgen: dict[str, Callable[[], str]] = {}
        self.bodies: dict[str, str] = {}
        self.site_url = ""
        if not config.site_url:
            raise PluginError(
                "bovenwijks/feeds: zet site_url in mkdocs.yml, bijvoorbeeld 'site_url: https://amersfoort.bovenwijks.nl/'; "
                "feeds, agenda's en open data hebben volledige adressen nodig. "
                "(Set site_url in mkdocs.yml: feeds, calendars and open data need absolute links.)"
            )
        self.wijken = wijken_plugin(config, "bovenwijks/feeds")
        if self.config.limit < 1:
            raise PluginError(f"bovenwijks/feeds: limit is {self.config.limit}; kies het aantal items per feed, 1 of meer (standaard 50)")
        try:
            self.lijsten = lijsten(self.config.nieuwsbrief)
        except ValueError as error:
            raise PluginError(f"bovenwijks/feeds: {error}") from None
        return config

    # Default priority (0): runs after the wijken plugin (50) has loaded the city.
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        wijken = self.wijken
        stad, self.site_url = wijken.stad, wijken.site_url
        for naam in self.lijsten.keys() - stad.wijken.keys() - {STAD}:
            log.warning(
                f"mkdocs.yml: nieuwsbrief: er is geen wijk '{naam}'; kies '{STAD}' of een van de wijken: {', '.join(sorted(stad.wijken))}"
            )
        # The kennis plugin (before this one in mkdocs.yml, at the same priority) has indexed
        # the kennisuitwisseling already: the letters' matches are its matches.
        kennis = config.plugins.get("bovenwijks/kennis")
        self.publicatie = plan(
            stad,
            wijken.vandaag,
            self.site_url,
            limit=self.config.limit,
            site_name=config.site_name,
            licentie=self.config.licentie,
            uitwisseling=getattr(kennis, "uitwisseling", None),
            lijsten=self.lijsten,
        )
        self.feeds = self.publicatie.feeds
        self.sources = body_sources(stad)
        self.volgen = volg_blokken(self.publicatie, stad, self.site_url)
        ours = self.publicatie.paths()
        for file in list(files):
            if file.src_uri in ours or (file.src_uri.startswith("data/") and file.src_uri.endswith(".json")):
                log.warning(f"{file.src_uri}: dit adres is voor de feeds en open data van bovenwijks; het bestand wordt vervangen")
                files.remove(file)
        self.pages.mount(self.publicatie.pages, files, config)
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.pages.on_page_markdown(page)
        return markdown

    # First, before the wijken plugin wraps an item's HTML into its page: a feed carries the
    # item's own text as MkDocs made it, so that the feed shows what the page shows.
    @event_priority(100)
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        key = self.sources.get(page.file.src_uri)
        if key is not None:
            self.bodies[key] = body(
                self.wijken.fotos.in_feed(html, page, self.wijken.pages.get(page), self.site_url), page.url, self.site_url
            )
        return self.pages.on_page_content(html, page)

    # After the search plugin (priority 0) has indexed the page: "Volg deze wijk" is the
    # same on every wijk's home, and a search should not lead there. Before the wijken
    # plugin (-100) puts back what the search skipped, which the block is never part of.
    @event_priority(-50)
    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        volgen = self.volgen.get(page.file.src_uri)
        if volgen and page.content:
            page.content = page.content.replace(VOLGEN_PLEK, volgen(), 1)
        # Feeds a page declared itself (`SitePage.feeds`) come first, then those that fit its URL.
        links = [tuple(link) for link in page.meta.get("bovenwijks_feeds", [])]
        declared = {href.removeprefix(self.site_url) for _, href, _ in links}
        links += [link for link in alternates(page.url, self.feeds) if link[1] not in declared]
        page.meta["bovenwijks_feeds"] = links
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        written = publish(
            self.publicatie,
            self.wijken.stad,
            self.site_url,
            self.bodies,
            site_name=config.site_name,
            licentie=self.config.licentie,
            rechten=config.copyright,
        )
        site = Path(config.site_dir)
        for path, content in written.items():
            target = site / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
