"""The `bovenwijks/kennis` plugin: who knows what and who needs what, across wijken.

It mounts `/kennis/` (the hub), `/kennis/<onderwerp>/` and `/kennis/matches/`, and adds the
matches to the pages of wijken, initiatieven and kennis items that the wijken plugin renders.
"""

from __future__ import annotations

from collections.abc import Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from bovenwijks.city.kennisuitwisseling import Uitwisseling
from bovenwijks.mkdocs.kennis.config import KennisConfig
from bovenwijks.mkdocs.mount import MountedPages
from bovenwijks.mkdocs.wijken.plugin import wijken_plugin
from bovenwijks.site.kennispages import KennisPages


class KennisPlugin(BasePlugin[KennisConfig]):
    """Mounts the kennisuitwisseling and adds its matches to the wijk and item pages."""

    supports_multiple_instances = False

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Every build starts afresh: MkDocs makes this plugin anew for each build of
        # `mkdocs serve` today (it has no `on_startup`), but a kept one must not see the last build.
        self.pages = MountedPages()
        self.sections: dict[str, Callable[[str], str]] = {}
        self.uitwisseling: Uitwisseling | None = None
        self.wijken = wijken_plugin(config, "bovenwijks/kennis")
        for option in ("max_matches", "per_page"):
            if self.config[option] < 1:
                raise PluginError(f"bovenwijks/kennis: {option} moet 1 of meer zijn, niet {self.config[option]}")
        return config

    # The default priority runs after the wijken plugin's on_files (50), which loads the city.
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        stad = self.wijken.stad
        self.uitwisseling = Uitwisseling(stad, limit=self.config.max_matches)
        kennis = KennisPages(self.uitwisseling, per_page=self.config.per_page)
        self.pages.mount(kennis.pages(), files, config)
        self.sections = kennis.sections()
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.pages.on_page_markdown(page)
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return self.pages.on_page_content(html, page)

    # After the search plugin (priority 0) has indexed the page: the matches repeat other
    # pages, so search should lead to the initiatief itself, and parsing them for nothing
    # cost a tenth of a 10,000-item build. The wijken plugin's table of contents (-100)
    # runs after this, so the sections still appear in it.
    @event_priority(-50)
    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        section = self.sections.get(page.file.src_uri)
        if section:
            page.content = section(page.content or "")
        return context
