"""Photos in a MkDocs build: the originals stay out of the site, their copies go in.

MkDocs keeps every file of a wijk's folder in `files` while it renders the pages, so that
`![Soep](soep.jpg)` is checked and resolved as any link. Each such `<img>` is then replaced
by the photo's `<picture>`, and before MkDocs copies the static files (`on_env`), the
originals leave `files`; the copies (`bovenwijks.publish.fotos`) are put into the site once
it is built.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from urllib.parse import unquote

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from bovenwijks.content.afbeelding import is_foto, is_image, target
from bovenwijks.mkdocs.palette import primary
from bovenwijks.model import Stad, Wijk
from bovenwijks.publish.deelkaart import Deelkaarten, Kleuren
from bovenwijks.publish.fotos import CacheError, Fotobank, place, referenced
from bovenwijks.site import delen, fotos
from bovenwijks.site.pages import SitePage
from bovenwijks.site.render import relative_url

log = get_plugin_logger("bovenwijks")

# What residents' editors read when the build leaves an image in a page's text out.
_LEFT_OUT = {
    fotos.ZONDER_ALT: "de afbeelding '{src}' heeft geen beschrijving voor wie hem niet kan zien, en staat daarom niet op de site; "
    "schrijf tussen de [ ] wat erop staat",
    fotos.ELDERS: "de afbeelding '{src}' staat op een andere website en staat daarom niet op de site; "
    "zet de foto in de map van de wijk en verwijs ernaar met zijn bestandsnaam",
    fotos.INGEBED: "een afbeelding die in de tekst zelf staat (data:) staat niet op de site; upload de foto en verwijs ernaar",
}


class FotoBestanden:
    """The photo files of one build, for the `bovenwijks/wijken` plugin."""

    def __init__(self, root: Path, cache: Path, config: MkDocsConfig, share_colour: str):
        self.root = root.resolve()
        self.docs = Path(config.docs_dir).resolve()
        self.bank = Fotobank(self.root, cache)
        try:
            kleuren = Kleuren.op(share_colour or primary(config) or Kleuren().achtergrond)
        except ValueError:
            raise PluginError(f"bovenwijks/wijken: share_colour '{share_colour}' is geen kleur; schrijf haar als #4051b5") from None
        self.cards = Deelkaarten(cache, kleuren)
        self.originals: dict[str, str] = {}  # the address MkDocs gives an editor's photo → its repository path
        self.withheld: set[str] = set()  # addresses of files that must not be published as they are
        self.checked: set[tuple[str, str]] = set()  # (file, src) of every image the loader checked
        self.wijken: dict[tuple[str, ...], Wijk] = {}  # a wijk's folder (its parts) → the wijk
        self._reported = 0
        fotos.use(self.bank.foto)

    def prepare(self, stad: Stad, wijken_dir: str, files: Files, config: MkDocsConfig) -> None:
        """Make the copies of the city's photos and its share cards; note every original in `files`."""
        self._bank(lambda: self.bank.prepare(referenced(stad.afbeeldingen())))
        self.report()
        self.checked = {(t.path, t.src) for w in stad.wijken.values() for t in w.tekstbeelden}
        self.wijken = {(*PurePosixPath(wijken_dir).parts, w.slug): w for w in stad.wijken.values()}
        theirs = {str(config.theme.get(key) or "") for key in ("logo", "favicon")}  # the theme's, in docs_dir
        for file in files:
            if not is_image(file.src_uri) or file.abs_src_path is None or file.generated_by is not None:
                continue
            folder = Path(file.src_dir).resolve()
            # Every image in a wijk's folder or among the city's pages is an editor's, and
            # may carry a GPS position; only the theme's logo and favicon are published as they are.
            if folder == self.root or (folder == self.docs and file.src_uri not in theirs):
                self.withheld.add(file.url)
                if is_foto(file.src_uri):
                    self.originals[unquote(file.url)] = Path(file.abs_src_path).resolve().relative_to(self.root).as_posix()
        self.city_card = self.cards.kaart(f"Alle wijken van {stad.naam}", config.site_name)
        self.wijk_cards = {w.naam: self.cards.kaart(w.naam, config.site_name) for w in stad.wijken.values()}

    def _bank(self, work):
        """Do `work` with the bank; a cache that can't be written stops the build with the reason."""
        try:
            return work()
        except CacheError as error:
            raise PluginError(str(error)) from None

    def report(self) -> None:
        """Warn about every photo that could not be read since the last report."""
        for problem in self.bank.problems[self._reported :]:
            log.warning(str(problem))
        self._reported = len(self.bank.problems)

    def at(self, url: str, source: str) -> fotos.Foto | None:
        """The copies of the editor's photo MkDocs placed at `url`, shown by the file `source`."""
        path = self.originals.get(url)
        if path is None:
            return None
        if path in self.bank.fotos:  # made in advance, as the wijken's photos are: nothing to read
            return self.bank.fotos[path]
        # Made now: a problem then names the line of the file that shows it.
        found = self._bank(lambda: self.bank.foto(path, (source, _line(self.root / source, PurePosixPath(path).name))))
        self.report()
        return found

    def in_page(self, html_text: str, page: Page, site_page: SitePage | None) -> str:
        """The HTML MkDocs made of a page's Markdown, its photos as `<picture>`s."""
        source = self._source(page, site_page)
        top = site_page is not None and fotos.foto(site_page.afbeelding) is not None
        return fotos.in_html(
            html_text,
            page.url,
            lambda url: self.at(url, source),
            lambda target: relative_url(target, page.url),
            first=not top,
            left_out=lambda src, reason: self._left_out(source, src, reason),
        )

    def in_feed(self, html_text: str, page: Page, site_page: SitePage | None, site_url: str) -> str:
        """The same for a feed: a plain `<img>` of the fallback, at its absolute address."""
        source = self._source(page, site_page)
        return fotos.in_html(html_text, page.url, lambda url: self.at(url, source), lambda target: site_url + target, plain=True)

    def _source(self, page: Page, site_page: SitePage | None) -> str:
        """The repository file of `page`, as editors see it."""
        if site_page is not None and site_page.source:
            return site_page.source
        if page.file.abs_src_path:
            try:
                return Path(page.file.abs_src_path).resolve().relative_to(self.root).as_posix()
            except ValueError:
                pass
        return page.file.src_uri

    def _left_out(self, source: str, src: str, reason: str) -> None:
        """Tell the editor why an image of their text is not on the page, unless the check did.

        MkDocs has made a photo's address relative to the page: its file name is what the
        editor will recognise, and find.
        """
        name = src if reason != fotos.ZONDER_ALT else PurePosixPath(target(src)).name
        if (source, src) in self.checked or any(path == source and PurePosixPath(target(s)).name == name for path, s in self.checked):
            return
        log.warning(f"{source}:{_line(self.root / source, name)}: {_LEFT_OUT[reason].format(src=name)}")

    def share_tags(self, page: Page, site_page: SitePage | None, config: MkDocsConfig, site_url: str) -> list[tuple[str, str, str]]:
        """The Open Graph tags of `page`: its photo (or its initiatief's, its wijk's), or a share card."""
        wijk = self._wijk(page) if site_page is None else None
        beelden = site_page.beelden if site_page else ((wijk.afbeelding,) if wijk and wijk.afbeelding else ())
        naam = site_page.wijk if site_page else wijk.naam if wijk else None
        beeld = delen.uit_fotos(beelden)
        if beeld is None:
            card = self.wijk_cards.get(naam) if naam else None
            beeld = delen.Deelbeeld(card, f"{naam}: {config.site_name}") if card else delen.Deelbeeld(self.city_card, config.site_name)
        return delen.tags(
            title=page.meta.get("title") or page.title or config.site_name,
            description=page.meta.get("description") or config.site_description,
            url=page.url,
            site_name=config.site_name,
            site_url=site_url,
            beeld=beeld,
            article=site_page.article if site_page else False,
        )

    def _wijk(self, page: Page) -> Wijk | None:
        """The wijk whose folder holds `page` (another page of a wijk than its items)."""
        parts = PurePosixPath(self._source(page, None)).parts
        return next((w for folder, w in self.wijken.items() if parts[: len(folder)] == folder), None)

    def withhold(self, files: Files) -> None:
        """Take the originals out of `files`: MkDocs copies what is left there."""
        for file in list(files):
            if file.url in self.withheld:
                files.remove(file)
        self.bank.sleutels.save()

    def publish(self, site: Path) -> None:
        """Put the copies and the share cards into the built site."""
        place({**self.bank.published, **self.cards.published}, site)


def _line(file: Path, text: str) -> int:
    """The first line of `file` that holds `text`; 1 when none does (or it can't be read)."""
    try:
        lines = file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    return next((number for number, line in enumerate(lines, start=1) if text in line), 1)
