"""The `bovenwijks/overzicht` plugin: home, initiatieven, thema's, agenda, nieuws and Hulp en
advies of the city.

A thin adapter: the pages come from `bovenwijks.site.overzichtpages` and `bovenwijks.site.hulppages`.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from bovenwijks.mkdocs.mount import MountedPages, defer
from bovenwijks.mkdocs.overzicht.config import OverzichtConfig
from bovenwijks.mkdocs.wijken.plugin import wijken_plugin
from bovenwijks.site.hulppages import hulp_pages
from bovenwijks.site.overzichtpages import FILTER_DATA, filter_data, home, overzicht_pages


class OverzichtPlugin(BasePlugin[OverzichtConfig]):
    """Generates the city-wide listings from the model the wijken plugin loaded."""

    supports_multiple_instances = False

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Every build starts afresh: MkDocs makes this plugin anew for each build of
        # `mkdocs serve` today (it has no `on_startup`), but a kept one must not see the last build.
        self.wijken = wijken_plugin(config, "bovenwijks/overzicht")
        self.pages = MountedPages()
        if self.config.per_page < 1:
            raise PluginError("bovenwijks/overzicht: per_page moet 1 of meer zijn")
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        stad = self.wijken.stad
        self.pages.mount(overzicht_pages(stad, self.wijken.vandaag, self.config.per_page), files, config)
        self.pages.mount(hulp_pages(stad, self.wijken.vandaag), files, config)
        files.append(File.generated(config, FILTER_DATA, content=filter_data(stad)))
        return files

    def on_page_markdown(self, markdown: str, *, page, config: MkDocsConfig, files: Files) -> str:
        self.pages.on_page_markdown(page)
        return markdown

    def on_page_content(self, html: str, *, page, config: MkDocsConfig, files: Files) -> str:
        if page.is_homepage:
            # The nav calls it "Home"; the page's own title is what residents should read.
            titel = page.meta.get("title") or config.site_name
            return defer(
                home(
                    self.wijken.stad,
                    self.wijken.vandaag,
                    html,
                    str(titel),
                    lead=str(page.meta["description"]) if page.meta.get("description") else None,
                    activiteiten=self.config.home_activiteiten,
                    berichten=self.config.home_berichten,
                ),
                page,
            )
        return self.pages.on_page_content(html, page)
