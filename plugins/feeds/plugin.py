"""The `bovenwijks/feeds` plugin: feeds, calendars and open data, and where pages link them.

A thin adapter: the domain (`plugins/domain/volgen.py`) decides and writes everything; this
plugin renders the items' Markdown as MkDocs does, adds the results to the site as
generated files, and puts the fitting feeds in every page's `<head>`.
"""

from __future__ import annotations

from collections.abc import Callable

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ..domain.feeds import Feed, alternates
from ..domain.volgen import bodies, publish
from ..mount import MountedPages
from ..wijken.plugin import wijken_plugin
from .config import FeedsConfig

log = get_plugin_logger("bovenwijks")


def markdown_renderer(config: MkDocsConfig) -> Callable[[str], str]:
    """Markdown → HTML with the site's own extensions, as MkDocs renders a page's body."""
    md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)

    def convert(text: str) -> str:
        md.reset()
        return md.convert(text)

    return convert


class FeedsPlugin(BasePlugin[FeedsConfig]):
    """Writes the feeds, calendars and open data of the city the wijken plugin loaded."""

    supports_multiple_instances = False

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # `mkdocs serve` keeps this object across rebuilds: start every build afresh.
        self.pages = MountedPages()
        self.feeds: list[Feed] = []
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
        return config

    # Default priority (0): runs after the wijken plugin (50) has loaded the city.
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        wijken = self.wijken
        stad, self.site_url = wijken.stad, wijken.site_url
        html = bodies(stad, markdown_renderer(config), self.site_url)
        published = publish(
            stad, wijken.vandaag, self.site_url, html, limit=self.config.limit, site_name=config.site_name,
            licentie=self.config.licentie, rechten=config.copyright,
        )
        self.feeds = published.feeds
        for path, content in published.files.items():
            existing = files.get_file_from_path(path)
            if existing is not None:
                log.warning(f"{existing.src_uri}: dit adres is voor de feeds en open data van bovenwijks; het bestand wordt vervangen")
                files.remove(existing)
            files.append(File.generated(config, path, content=content))
        self.pages.mount(published.pages, files, config)
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.pages.on_page_markdown(page)
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return self.pages.on_page_content(html, page)

    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        # Feeds a page declared itself (`SitePage.feeds`) come first, then those that fit its URL.
        links = [tuple(link) for link in page.meta.get("bovenwijks_feeds", [])]
        declared = {href.removeprefix(self.site_url) for _, href, _ in links}
        links += [link for link in alternates(page.url, self.feeds) if link[1] not in declared]
        page.meta["bovenwijks_feeds"] = links
        return context
