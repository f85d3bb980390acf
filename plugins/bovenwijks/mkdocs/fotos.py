"""Photos in a MkDocs build: the originals stay out of the site, their copies go in.

MkDocs keeps every file of a wijk's folder in `files` while it renders the pages, so that
`![Soep](soep.jpg)` is checked and resolved as any link. Each such `<img>` is then replaced
by the photo's `<picture>`, and before MkDocs copies the static files (`on_env`), the
originals leave `files` and the copies (`bovenwijks.publish.fotos`) take their place.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from bovenwijks.content.afbeelding import is_photo
from bovenwijks.mkdocs.palette import kleuren
from bovenwijks.model import Stad
from bovenwijks.publish.deelkaart import Deelkaarten
from bovenwijks.publish.fotos import Fotobank, referenced
from bovenwijks.site import delen, fotos
from bovenwijks.site.pages import SitePage
from bovenwijks.site.render import relative_url

log = get_plugin_logger("bovenwijks")


class Photos:
    """The photos of one build, for the `bovenwijks/wijken` plugin."""

    def __init__(self, root: Path, cache: Path, config: MkDocsConfig, share_colour: str):
        self.root = root.resolve()
        self.bank = Fotobank(self.root, cache)
        self.cards = Deelkaarten(cache, kleuren(config, share_colour))
        self.originals: dict[str, str] = {}  # the address MkDocs gives an original → its repository path
        self.withheld: set[str] = set()  # addresses of originals that must not be published
        self._reported = 0
        fotos.use(self.bank.foto)

    def prepare(self, stad: Stad, files: Files, site_name: str) -> None:
        """Make the copies of the city's photos and its share cards; note every original in `files`."""
        self.bank.prepare(referenced((a.bestand, path, line) for a, path, line in stad.afbeeldingen()))
        self.report()
        for file in files:
            if not is_photo(file.src_uri) or file.abs_src_path is None:
                continue
            try:
                path = Path(file.abs_src_path).resolve().relative_to(self.root).as_posix()
            except ValueError:
                continue  # outside the project (a theme's): not an editor's photo
            self.originals[file.url] = path
            # Every photo in a wijk's folder is an editor's; in the city's own pages, the
            # photos that pages show are (a logo or icon there is the theme's, and published).
            if file.generated_by is None and Path(file.src_dir).resolve() == self.root:
                self.withheld.add(file.url)
        self.city_card = self.cards.kaart(f"Alle wijken van {stad.naam}", site_name)
        self.wijk_cards = {w.naam: self.cards.kaart(w.naam, site_name) for w in stad.wijken.values()}

    def report(self) -> None:
        """Warn about every photo that could not be read since the last report."""
        for problem in self.bank.problems[self._reported :]:
            log.warning(str(problem))
        self._reported = len(self.bank.problems)

    def at(self, url: str) -> fotos.Foto | None:
        """The copies of the original MkDocs placed at `url`, if it is an editor's photo."""
        path = self.originals.get(url)
        if path is None:
            return None
        self.withheld.add(url)
        found = self.bank.foto(path)
        self.report()
        return found

    def in_page(self, html_text: str, page: Page, site_page: SitePage | None) -> str:
        """The HTML MkDocs made of a page's Markdown, its photos as `<picture>`s."""
        top = site_page is not None and fotos.foto(site_page.afbeelding) is not None
        return fotos.in_html(html_text, page.url, self.at, lambda target: relative_url(target, page.url), first=not top)

    def in_feed(self, html_text: str, page: Page, site_url: str) -> str:
        """The same for a feed: a plain `<img>` of the fallback, at its absolute address."""
        return fotos.in_html(html_text, page.url, self.at, lambda target: site_url + target, plain=True)

    def share_tags(self, page: Page, site_page: SitePage | None, config: MkDocsConfig, site_url: str) -> list[tuple[str, str, str]]:
        """The Open Graph tags of `page`: its photo (or its initiatief's, its wijk's), or a share card."""
        beeld = delen.photo(site_page.beelden) if site_page else None
        if beeld is None:
            wijk = site_page.wijk if site_page else None
            card = self.wijk_cards.get(wijk) if wijk else None
            beeld = delen.Deelbeeld(card, f"{wijk}: {config.site_name}") if card else delen.Deelbeeld(self.city_card, config.site_name)
        return delen.tags(
            title=page.meta.get("title") or page.title or config.site_name,
            description=page.meta.get("description") or config.site_description,
            url=page.url,
            site_name=config.site_name,
            site_url=site_url,
            beeld=beeld,
            article=site_page.article if site_page else False,
        )

    def publish(self, files: Files, config: MkDocsConfig) -> None:
        """Take the originals out of `files` and put the copies and share cards in."""
        for file in list(files):
            if file.url in self.withheld:
                files.remove(file)
        for url, source in {**self.bank.published, **self.cards.published}.items():
            files.append(File.generated(config, url, abs_src_path=str(source)))
