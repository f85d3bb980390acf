"""The `bovenwijks/wijken` plugin: loads the city and mounts every wijk under `/wijken/<wijk>/`.

It owns the city model for the build: the other bovenwijks plugins read `stad`, `vandaag`
and `site_url` from it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

from bovenwijks import dates
from bovenwijks.content import steden
from bovenwijks.content.geschiedenis import Geschiedenis
from bovenwijks.content.load import load_stad
from bovenwijks.content.problem import Problem, weggelaten
from bovenwijks.content.source import Bronnen
from bovenwijks.mkdocs import ASSETS, THEME
from bovenwijks.mkdocs.affiche import AfficheBestanden
from bovenwijks.mkdocs.fotos import FotoBestanden
from bovenwijks.mkdocs.keptmarkdown import KeptMarkdown
from bovenwijks.mkdocs.keptpages import KeptPages
from bovenwijks.mkdocs.linkmeldingen import DubbeleLinks
from bovenwijks.mkdocs.mount import MountedPages, restore, section_toc
from bovenwijks.mkdocs.themecache import ThemeCache
from bovenwijks.mkdocs.wijken.config import WijkenConfig
from bovenwijks.model import Stad
from bovenwijks.publish import doorverwijzing
from bovenwijks.site.wijkpages import wijk_pages

log = get_plugin_logger("bovenwijks")

CSS = "assets/bovenwijks/bovenwijks.css"
JS = "assets/bovenwijks/bovenwijks.js"


def build_date(value: str | date) -> date:
    """The build date from an option or BOVENWIJKS_BUILD_DATE; today when neither is set."""
    if isinstance(value, date):  # YAML reads an unquoted 2026-11-23 as a date
        return value
    try:
        return dates.build_date(value)
    except ValueError as error:
        raise PluginError(f"bovenwijks/wijken: {error}") from None


def wijken_plugin(config: MkDocsConfig, plugin: str) -> WijkenPlugin:
    """The `bovenwijks/wijken` plugin that holds the city, for the other bovenwijks `plugin`s.

    Raises a PluginError that says what to add to mkdocs.yml when it is missing.
    """
    wijken = config.plugins.get("bovenwijks/wijken")
    if wijken is None:
        raise PluginError(
            f"{plugin} heeft bovenwijks/wijken nodig: zet '- bovenwijks/wijken' vóór '- {plugin}' onder plugins: in mkdocs.yml"
        )
    return wijken


def theme_dirs(dirs: list[str], custom_dir: str | None) -> list[str]:
    """Material's template folders with ours in them: right after a city's own `custom_dir`, else first.

    A city installs the platform as a package and has no path to our theme to name in
    mkdocs.yml; its own `custom_dir` (say `overrides/`) still wins for the templates it has.
    """
    ours = str(THEME.resolve())
    rest = [d for d in dirs if str(Path(d).resolve()) != ours]
    own = custom_dir is not None and str(Path(custom_dir).resolve()) != ours and rest[:1] == [custom_dir]
    return [*rest[:1], ours, *rest[1:]] if own else [ours, *rest]


class WijkenPlugin(BasePlugin[WijkenConfig]):
    """Mounts the wijken, and holds the city model for the other bovenwijks plugins."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        super().__init__()
        self.dubbel = DubbeleLinks()
        self.bronnen: Bronnen | None = None
        self.kept: KeptPages | None = None
        self.kept_markdown: KeptMarkdown | None = None

    # Having this event is also what makes `mkdocs serve` keep this object from build to
    # build (MkDocs' plugin cache keeps only plugins with `on_startup` or `on_shutdown`).
    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Only serve builds again and again; a single build would just hold the files longer.
        serve = command == "serve"
        self.bronnen = Bronnen() if serve else None
        self.kept = KeptPages() if serve else None
        self.kept_markdown = KeptMarkdown() if serve else None

    # Any priority will do: MkDocs checks links only when it renders the pages, after
    # `on_files` has filled the filter with the links our check reported.
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # `mkdocs serve` keeps this object across rebuilds (`on_startup`): start every build afresh.
        self.dubbel.install()
        if self.kept_markdown is not None:
            self.kept_markdown.begin()
        config.theme.dirs[:] = theme_dirs(config.theme.dirs, config.theme.custom_dir)
        self.root = Path(config.config_file_path).parent
        self.stad: Stad | None = None
        self.problems: list[Problem] = []
        self.geschiedenis = Geschiedenis()
        self.titels: dict[str, str] = {}  # by address: the link text of a redirect to it
        self.pages = MountedPages()
        self.theme_cache = ThemeCache()
        self.fotos = FotoBestanden(self.root, self.root / self.config.cache_dir, config, self.config.share_colour)
        self.affiches = AfficheBestanden(self.root / self.config.cache_dir)
        self.vandaag = build_date(self.config.build_date)
        self.site_url = (config.site_url or "").rstrip("/") + "/" if config.site_url else ""
        if not config.use_directory_urls:
            raise PluginError(
                "bovenwijks/wijken: zet use_directory_urls op true; de adressen van wijken en items (/wijken/<wijk>/...) gaan daarvan uit"
            )
        wijken = self.root / self.config.wijken_dir
        if not wijken.is_dir():
            raise PluginError(f"bovenwijks/wijken: de map met wijken '{wijken}' bestaat niet; maak hem, of zet wijken_dir in mkdocs.yml")
        try:
            self.andere_steden = steden.stadbronnen(list(self.config.andere_steden), self.site_url)
        except ValueError as error:
            raise PluginError(f"bovenwijks/wijken: {error}") from None
        if CSS not in config.extra_css:
            config.extra_css.append(CSS)
        if JS not in [str(script) for script in config.extra_javascript]:
            config.extra_javascript.append(JS)
        return config

    # Runs before the other bovenwijks plugins (default priority 0), which read `self.stad`.
    @event_priority(50)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        loaded = load_stad(
            self.root,
            naam=self.config.stad,
            wijken_dir=self.config.wijken_dir,
            vandaag=self.vandaag,
            andere_steden=self.andere_steden,
            bronnen=self.bronnen,
        )
        self.stad, self.problems, self.geschiedenis = loaded.stad, loaded.problems, loaded.geschiedenis
        self.dubbel.gemeld = loaded.gemelde_links  # MkDocs' English warning for each is left out
        for problem in self.problems:
            # Advice and warnings fail nothing, `--strict` included: MkDocs counts only its own warnings.
            (log.warning if problem.failing else log.info)(str(problem))
        self.pages.mount(wijk_pages(self.stad, self.vandaag, self.site_url), files, config)
        for wijk in self.stad.wijken.values():
            # Other pages and files: published as they are; photos only as copies (`on_env`),
            # but here for now, so that MkDocs resolves and checks the links to them.
            for path in wijk.pages:
                files.append(File(path, src_dir=str(self.root), dest_dir=config.site_dir, use_directory_urls=config.use_directory_urls))
        self.fotos.prepare(self.stad, self.config.wijken_dir, files, config)
        self.affiches.prepare(self.stad, self.vandaag, self.site_url, files, config)
        self._edit_links(files, config)
        for name in (CSS, JS):
            files.append(File.generated(config, name, abs_src_path=str(ASSETS / PurePosixPath(name).name)))
        return files

    def _edit_links(self, files: Files, config: MkDocsConfig) -> None:
        """Point the edit links of `content/` pages at their place in the repository."""
        docs = Path(config.docs_dir).resolve()
        try:
            prefix = docs.relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return
        for file in files:
            if file.generated_by is None and file.src_dir and Path(file.src_dir).resolve() == docs:
                file.edit_uri = f"{prefix}/{file.src_uri}"

    # MkDocs copies the static files right after this event: every page has been converted,
    # so every photo a page shows is known.
    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        env.globals["bovenwijks_cache"] = self.theme_cache
        if self.kept is not None:
            self.kept.begin(config)
        self.fotos.withhold(files)
        self.affiches.withhold(files)
        return env

    # Any priority will do: it only hands MkDocs' conversion of the page to what serve keeps,
    # which MkDocs calls after every plugin's `on_page_markdown`.
    def on_pre_page(self, page, *, config: MkDocsConfig, files: Files):
        if self.kept_markdown is not None:
            self.kept_markdown.install(page)
        return page

    def on_page_markdown(self, markdown: str, *, page, config: MkDocsConfig, files: Files) -> str:
        self.pages.on_page_markdown(page)
        if "hide" not in page.meta:  # read by Material's base.html
            page.meta["hide"] = list(self.config.hide)
        return markdown

    def on_page_content(self, html: str, *, page, config: MkDocsConfig, files: Files) -> str:
        return self.pages.on_page_content(self.fotos.in_page(html, page, self.pages.get(page)), page)

    # Lowest priority: Material's search (0) has read the page, so what it should skip can
    # go back in; every plugin has added its sections, so the table of contents is complete.
    @event_priority(-100)
    def _finish_page(self, context, *, page, config: MkDocsConfig, nav):
        restore(page)
        if self.geschiedenis.hernoemd and page.title:
            self.titels[unquote(page.url)] = page.title
        if page.file.generated_by is not None and page.content:
            page.toc = section_toc(page.content)
        # Ours alone: what a page's frontmatter says under this key is not printed.
        page.meta.pop("bovenwijks_delen", None)
        if self.site_url:  # share previews need absolute addresses
            page.meta["bovenwijks_delen"] = self.fotos.share_tags(page, self.pages.get(page), config, self.site_url)
        return context

    # Far below every plugin's own: the page and its context are what the theme will render.
    @event_priority(-1000)
    def _kept_page(self, context, *, page, config: MkDocsConfig, nav):
        return context if self.kept is None else self.kept.context(context, page, nav)

    on_page_context = CombinedEvent(_finish_page, _kept_page)

    # First: kept is what the theme made, before any plugin changes the HTML, as a kept page
    # goes through every plugin's `on_post_page` again.
    @event_priority(100)
    def on_post_page(self, output: str, *, page, config: MkDocsConfig) -> str:
        if self.kept is not None:
            self.kept.keep(output, page)
        return output

    def _stop_filtering(self, *, config: MkDocsConfig) -> None:
        self.dubbel.remove()  # every link and anchor has been checked by now

    def _publish_fotos(self, *, config: MkDocsConfig) -> None:
        self.fotos.publish(Path(config.site_dir))

    # Before the redirects (-100): they are never made where the site has a file.
    def _affiches(self, *, config: MkDocsConfig) -> None:
        self.affiches.publish(Path(config.site_dir))

    def _left_out(self, *, config: MkDocsConfig) -> None:
        # An error, not a warning: `mkdocs build -q` prints errors only, and a file left out is content lost.
        line = weggelaten(self.problems)
        if line:
            log.error(line)

    # Last: whatever another plugin writes at an old address wins over a redirect.
    @event_priority(-100)
    def _doorverwijzingen(self, *, config: MkDocsConfig) -> None:
        reden = doorverwijzing.zonder_geschiedenis(self.geschiedenis)
        if reden:
            log.info(reden)  # no warning: a plain folder or a shallow clone builds fine
            return
        site = Path(config.site_dir)
        written = doorverwijzing.paginas(
            self.geschiedenis,
            lambda address: (site / doorverwijzing.bestand(address)).exists(),
            site_url=self.site_url,
            site_name=config.site_name,
            titels=self.titels,
            wijken_dir=self.config.wijken_dir,
        )
        for path, content in written.items():
            (site / path).parent.mkdir(parents=True, exist_ok=True)
            (site / path).write_bytes(content)

    def _kept_pages(self, *, config: MkDocsConfig) -> None:
        if self.kept is not None:
            self.kept.end()  # serve then holds one build's pages, not two
        if self.kept_markdown is not None:
            self.kept_markdown.end()

    on_post_build = CombinedEvent(_stop_filtering, _publish_fotos, _affiches, _doorverwijzingen, _left_out, _kept_pages)

    def on_build_error(self, *, error: Exception) -> None:
        self.dubbel.remove()

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        server.watch(str(self.root / self.config.wijken_dir))
        return server
