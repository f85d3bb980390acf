"""The posters of the agenda in a MkDocs build: known while the pages render, written after.

A poster (`bovenwijks.publish.affiche`) is a PDF made of the city as loaded. While MkDocs
renders the pages, each poster stands in `files` as an empty file, so that an editor's
`[de affiche](affiche.pdf)` resolves and is checked as any link; before MkDocs copies the
static files (`on_env`) they leave `files` again, and once the site is built the posters are
put in (from the cache, or made now).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from bovenwijks.model import Stad
from bovenwijks.publish.affiche import Affichebank
from bovenwijks.publish.fotos import CacheError
from bovenwijks.site.affiche import Affiche, affiches


class AfficheBestanden:
    """The posters of one build, for the `bovenwijks/wijken` plugin; `cache` keeps them between builds."""

    def __init__(self, cache: Path):
        self.bank = Affichebank(cache)
        self.affiches: list[Affiche] = []
        self.placeholders: list[File] = []

    def prepare(self, stad: Stad, vandaag: date, site_url: str, files: Files, config: MkDocsConfig) -> None:
        """What every poster of `stad` holds on `vandaag`; each one's place noted in `files`."""
        self.affiches = affiches(stad, vandaag, site_url)
        self.placeholders = []
        for affiche in self.affiches:
            if files.get_file_from_path(affiche.pad) is None:  # a wijk's own file of that name: ours replaces it later
                placeholder = File.generated(config, affiche.pad, content=b"")
                files.append(placeholder)
                self.placeholders.append(placeholder)

    def withhold(self, files: Files) -> None:
        """Take the empty stand-ins out of `files`: MkDocs copies what is left there."""
        for placeholder in self.placeholders:
            files.remove(placeholder)
        self.placeholders = []

    def publish(self, site: Path) -> None:
        """Put every poster into the built `site`; a cache that can't be written stops the build with the reason."""
        try:
            self.bank.publish(self.affiches, site)
        except CacheError as error:
            raise PluginError(str(error)) from None
