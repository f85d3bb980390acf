"""What `mkdocs serve` keeps from one build to the next: the parsed files, the anchors of the
pages links point into, the posters' QR codes, what MkDocs made of each page's Markdown, and
the HTML of pages that did not change.

Each is a speed trick, pinned here against the plain way: a file read from the last build's
result is what reading it afresh gives, and a site rebuilt under serve after a change is the
site a clean build of the changed city makes, byte for byte.
"""

from __future__ import annotations

import gzip
import logging
from pathlib import Path

import pytest
import segno
import yaml
from city import City
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import get_navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from bovenwijks.content.links import ankers, bewaarde_ankers
from bovenwijks.content.load import load_stad
from bovenwijks.content.source import Bronnen, read_source
from bovenwijks.mkdocs.keptmarkdown import KeptMarkdown, pure
from bovenwijks.mkdocs.keptpages import _templates, nav_key, page_key
from bovenwijks.mkdocs.linkmeldingen import DubbeleLinks
from bovenwijks.publish.calendar import component
from bovenwijks.site.affiche import qr

FILES = {
    "een item": "---\ntitel: Repair Café\nstatus: actief\n---\nOver dit initiatief.\n",
    "een BOM en Windows-regeleinden": "\ufeff---\r\ntitel: Soep\r\n---\r\nTekst.\r\n",
    "kapotte YAML": "---\ntitel: [Soep\n---\nTekst.\n",
    "een leeg bestand": "",
    "geen frontmatter": "Alleen tekst.\n",
    "een # in een waarde": "---\ntitel: Soep #2\n---\n",
    "geen UTF-8": b"---\ntitel: Caf\xe9\n---\n",
}


@pytest.mark.parametrize("required", [True, False])
@pytest.mark.parametrize("name", FILES)
def test_a_file_read_again_is_what_reading_it_afresh_gives(tmp_path, name, required):
    file = tmp_path / "item.md"
    text = FILES[name]
    file.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    bronnen = Bronnen()
    plain = read_source(file, "wijken/oost/item.md", frontmatter_required=required)
    first = bronnen.read(file, "wijken/oost/item.md", frontmatter_required=required)
    bronnen.opnieuw()
    again = bronnen.read(file, "wijken/oost/item.md", frontmatter_required=required)
    for result in (first, again):
        assert _plain(result) == _plain(plain)
    # The second build was given the first one's parse, not a new one.
    assert again[0] is first[0]


def test_a_changed_file_is_read_again_and_a_removed_one_forgotten(tmp_path):
    file = tmp_path / "item.md"
    file.write_text("---\ntitel: Soep\n---\n", encoding="utf-8")
    bronnen = Bronnen()
    first, _ = bronnen.read(file, "item.md")
    bronnen.opnieuw()
    file.write_text("---\ntitel: Soep en spel\n---\n", encoding="utf-8")
    changed, _ = bronnen.read(file, "item.md")
    assert changed is not first and changed.node.value[0][1].value == "Soep en spel"
    # Two builds that do not read it: the file's parse is no longer kept.
    bronnen.opnieuw()
    bronnen.opnieuw()
    assert bronnen.read(file, "item.md")[0] is not changed


def test_an_unreadable_file_says_so_with_the_cache_too(tmp_path):
    missing = tmp_path / "weg.md"
    source, problems = Bronnen().read(missing, "wijken/oost/weg.md")
    assert source is None and "kan niet gelezen worden" in problems[0].message


def test_a_city_loaded_again_after_a_change_is_the_city_loaded_afresh(tmp_path):
    city = City(tmp_path)
    city.wijk("oost", "Oost")
    city.initiatief("oost", "repair-cafe", titel="Repair Café")
    city.initiatief("oost", "soep", titel="Soep")
    city.bericht("oost", "nieuws", titel="Nieuws")
    bronnen = Bronnen()
    load_stad(tmp_path, bronnen=bronnen)
    city.initiatief("oost", "soep", titel="Soep en spel")
    (tmp_path / "wijken/oost/nieuws/nieuws.md").write_text("---\ntitel: [kapot\n---\n", encoding="utf-8")
    again = load_stad(tmp_path, bronnen=bronnen)
    afresh = load_stad(tmp_path)
    assert again.stad == afresh.stad and again.problems == afresh.problems
    assert [i.titel for i in again.stad.wijken["oost"].initiatieven] == ["Repair Café", "Soep en spel"]
    assert any(p.path == "wijken/oost/nieuws/nieuws.md" for p in again.problems)


@pytest.mark.parametrize("url", ["https://stad.example/wijken/oost/", "https://stad.example/agenda/"])
def test_a_qr_code_kept_for_the_process_is_the_one_segno_makes(url):
    assert qr(url) == qr.__wrapped__(url)
    assert qr(url) is qr(url)
    # And it is segno's code of that address (tests/test_affiche.py scans a poster's with zbarimg).
    assert segno.make(url, error="m").svg_inline(scale=1, border=4, dark="#000", light="#fff", omitsize=True) == qr(url)


@pytest.mark.parametrize(
    "text",
    [
        "# Meedoen\n\n## Een wijk\n\n## Een wijk\n",
        '## Zelf gekozen {#eigen}\n\n<a id="los"></a>\n',
        "Geen koppen.\n",
    ],
)
def test_anchors_kept_for_the_process_are_the_ones_markdown_makes(text):
    assert dict(bewaarde_ankers(text)) == ankers(text)
    assert bewaarde_ankers(text) is bewaarde_ankers(text)


def test_two_files_of_the_same_bytes_keep_their_own_paths(tmp_path):
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text("---\ntitel: Soep #2\n---\n", encoding="utf-8")
    bronnen = Bronnen()
    for name in ("a.md", "b.md"):
        source, problems = bronnen.read(tmp_path / name, f"wijken/oost/{name}")
        assert source.path == f"wijken/oost/{name}" and [p.path for p in problems] == [f"wijken/oost/{name}"]


def test_anchors_of_one_text_do_not_carry_over_to_the_next():
    # The converter is shared: the toc extension's count of ids seen must start again.
    bewaarde_ankers.cache_clear()
    first, second = "## Een wijk\n", "## Een wijk\n\n## Een wijk\n"
    assert dict(bewaarde_ankers(first)) == ankers(first) == {"een-wijk": "Een wijk"}
    assert dict(bewaarde_ankers(second)) == ankers(second) == {"een-wijk": "Een wijk", "een-wijk_1": "Een wijk"}


def _plain(result):
    source, problems = result
    if source is None:
        return None, problems
    node = yaml.serialize(source.node) if source.node is not None else None
    return (source.path, source.body, source.body_line, node), problems


def _site(folder: Path) -> dict[str, bytes]:
    """Every file of a built site; the sitemap's gzip unpacked, as its header holds the build's time."""
    files = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        files[path.relative_to(folder).as_posix()] = gzip.decompress(data) if path.suffix == ".gz" else data
    return files


def _build(root: Path, site: Path, command: str | None = None):
    """A build as the command line makes it, `on_startup` first; without `command` a
    rebuild under serve: the configuration loaded again, no `on_startup`."""
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site))
    if command is not None:
        config.plugins.on_startup(command=command, dirty=False)
    build(config)
    return config.plugins["bovenwijks/wijken"]


@pytest.fixture
def plugin_cache(monkeypatch):
    """A cache of plugins of this test's own: MkDocs keeps one for the whole process, and
    what serve keeps must not reach the other tests' builds (nor a clean build here)."""
    cache: dict = {}
    monkeypatch.setattr(dict(MkDocsConfig._schema)["plugins"], "plugin_cache", cache)
    return cache


def _afresh(plugin_cache: dict) -> None:
    """Before a clean build: the plugins made anew, as by `mkdocs build`, and nothing kept for
    the process, as in a new one."""
    plugin_cache.clear()
    for kept in (bewaarde_ankers, qr, component):
        kept.cache_clear()


def test_a_site_rebuilt_under_serve_after_changes_is_the_clean_build(tmp_path, plugin_cache):
    root = tmp_path / "stad"
    city = City(root)
    city.wijk("oost", "Oost")
    city.wijk("west", "West")
    city.initiatief("oost", "repair-cafe", titel="Repair Café", biedt=[{"onderwerp": "repareren"}])
    city.initiatief("west", "soep", titel="Soep", zoekt=[{"onderwerp": "repareren"}])
    city.activiteit("oost", "reparatiemiddag", titel="Reparatiemiddag", initiatief="repair-cafe")
    city.bericht("west", "nieuws", titel="Nieuws uit West")
    city.write_config()
    first = _build(root, tmp_path / "serve", "serve")
    assert first.bronnen is not None
    # An editor saves: a title, a wijk's name, a date, and a file broken by a typo.
    city.initiatief("oost", "repair-cafe", titel="Repair Café Oost", biedt=[{"onderwerp": "repareren"}])
    city.wijk("west", "West (Schothorst)")
    city.activiteit("oost", "reparatiemiddag", start="2026-12-12 14:00", titel="Reparatiemiddag", initiatief="repair-cafe")
    (root / "wijken/west/nieuws/nieuws.md").write_text("---\ntitel: [kapot\n---\n", encoding="utf-8")
    # Serve loads the configuration again for each build; the plugin is the one it kept.
    second = _build(root, tmp_path / "serve")
    assert second is first
    # Pages that show none of the changes were printed as the first build's theme made them.
    assert second.kept is not None and second.kept.kept > 0
    # A page left the site (the broken file): any link may now resolve otherwise, so every
    # page's Markdown was converted again.
    assert second.kept_markdown is not None and second.kept_markdown.kept == 0
    _afresh(plugin_cache)
    clean = _build(root, tmp_path / "clean", "build")
    assert clean is not first and clean.bronnen is None
    rebuilt, afresh = _site(tmp_path / "serve"), _site(tmp_path / "clean")
    assert rebuilt.keys() == afresh.keys()
    assert [path for path in rebuilt if rebuilt[path] != afresh[path]] == []
    assert "Repair Café Oost" in rebuilt["wijken/oost/initiatieven/repair-cafe/index.html"].decode()
    assert "Nieuws uit West" not in rebuilt["wijken/west/index.html"].decode()


def test_a_site_rebuilt_under_serve_after_editing_texts_converts_only_those(tmp_path, plugin_cache):
    root = tmp_path / "stad"
    city = City(root)
    city.wijk("oost", "Oost")
    city.initiatief("oost", "soep", titel="Soep", body="Elke dinsdag soep.")
    city.initiatief("oost", "repair-cafe", titel="Repair Café", body="Zie [soep](soep.md).")
    city.write("content/meedoen.md", "# Meedoen\n\n[Soep](../wijken/oost/initiatieven/soep.md)\n")
    _build(root, tmp_path / "serve", "serve")
    # An editor changes the text of an initiatief and of a page of the city's own.
    city.initiatief("oost", "soep", titel="Soep", body="Elke woensdag soep, [kijk](repair-cafe.md).")
    city.write("content/meedoen.md", "# Meedoen\n\nDoe mee met [Soep](../wijken/oost/initiatieven/soep.md)\n")
    second = _build(root, tmp_path / "serve")
    assert second.kept_markdown.kept == len(second.kept_markdown) - 2
    _afresh(plugin_cache)
    _build(root, tmp_path / "clean", "build")
    rebuilt, afresh = _site(tmp_path / "serve"), _site(tmp_path / "clean")
    assert rebuilt.keys() == afresh.keys()
    assert [path for path in rebuilt if rebuilt[path] != afresh[path]] == []
    assert "Elke woensdag soep" in rebuilt["wijken/oost/initiatieven/soep/index.html"].decode()
    assert "Doe mee met" in rebuilt["meedoen/index.html"].decode()


def test_a_site_rebuilt_under_serve_after_a_change_of_configuration_keeps_no_page(tmp_path, plugin_cache):
    root = tmp_path / "stad"
    city = City(root)
    city.wijk("oost", "Oost")
    city.initiatief("oost", "soep", titel="Soep")
    city.write_config(copyright="Bewoners van Oost")
    _build(root, tmp_path / "serve", "serve")
    # Only the theme's frame prints it, in every page's footer: no page may be reused.
    city.write_config(copyright="Bewoners van heel Amersfoort")
    second = _build(root, tmp_path / "serve")
    assert second.kept is not None and second.kept.kept == 0 and len(second.kept) > 0
    # Nor does the conversion of any page's Markdown read it: every one is kept.
    assert second.kept_markdown.kept == len(second.kept_markdown) > 0
    _afresh(plugin_cache)
    _build(root, tmp_path / "clean", "build")
    rebuilt, afresh = _site(tmp_path / "serve"), _site(tmp_path / "clean")
    assert [path for path in rebuilt if rebuilt[path] != afresh.get(path)] == []
    assert "Bewoners van heel Amersfoort" in rebuilt["wijken/oost/initiatieven/soep/index.html"].decode()


def test_a_site_rebuilt_under_serve_after_a_change_of_a_template_keeps_no_page(tmp_path, plugin_cache):
    root = tmp_path / "stad"
    city = City(root)
    city.wijk("oost", "Oost")
    city.initiatief("oost", "soep", titel="Soep")
    city.write_config()
    # A city's own `custom_dir` with a footer of its own, which an editor of the site changes.
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"]["custom_dir"] = "overrides"
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    copyright = root / "overrides/partials/copyright.html"
    copyright.parent.mkdir(parents=True)
    copyright.write_text("<p>Gemaakt in Oost</p>", encoding="utf-8")
    first = _build(root, tmp_path / "serve", "serve")
    # Nothing changed: every page is the last build's.
    again = _build(root, tmp_path / "serve")
    assert again is first and again.kept.kept == len(again.kept) > 0
    copyright.write_text("<p>Gemaakt in heel Amersfoort</p>", encoding="utf-8")
    second = _build(root, tmp_path / "serve")
    assert second.kept.kept == 0
    page = _site(tmp_path / "serve")["wijken/oost/initiatieven/soep/index.html"].decode()
    assert "Gemaakt in heel Amersfoort" in page and "Gemaakt in Oost" not in page


def _page(tmp_path, src_uri="wijken/oost/soep.md", **changes):
    """A page as MkDocs makes it, with its content, title, meta and table of contents set."""
    config = MkDocsConfig()
    config.load_dict({"site_name": "Teststad", "site_url": "https://example.org/", "docs_dir": str(tmp_path)})
    assert config.validate() == ([], [])
    page = Page(None, File(src_uri, str(tmp_path), str(tmp_path / "site"), True), config)
    page.title = changes.get("title", "Soep")
    page.meta = changes.get("meta", {"titel": "Soep"})
    page.content = changes.get("content", '<h2 id="wanneer">Wanneer</h2><p>Elke dinsdag.</p>')
    page.toc = get_toc(changes.get("toc", [{"level": 2, "id": "wanneer", "name": "Wanneer", "children": []}]))
    page.edit_url = changes.get("edit_url", "https://github.com/test/stad/edit/main/wijken/oost/soep.md")
    return page


CONTEXT = {"page": None, "base_url": "../..", "config": None, "nav": None, "extra_css": [], "extra_javascript": []}

# Each is one thing the theme prints of a page, changed; the page's fingerprint must change too.
CHANGES = {
    "its content": {"content": "<p>Elke woensdag.</p>"},
    "its title": {"title": "Soep en spel"},
    "its meta": {"meta": {"titel": "Soep", "status": "gestopt"}},
    "its table of contents": {"toc": [{"level": 2, "id": "waar", "name": "Waar", "children": []}]},
    "its edit link": {"edit_url": "https://github.com/test/stad/edit/main/wijken/oost/soep/index.md"},
}


@pytest.mark.parametrize("change", CHANGES)
def test_a_page_s_fingerprint_changes_with_what_the_theme_prints(tmp_path, change):
    key = page_key(_page(tmp_path), dict(CONTEXT), b"build", b"nav")
    assert key is not None
    assert page_key(_page(tmp_path), dict(CONTEXT), b"build", b"nav") == key  # the same page again
    assert page_key(_page(tmp_path, **CHANGES[change]), dict(CONTEXT), b"build", b"nav") != key


# The same page elsewhere, in another build or among other pages: its fingerprint differs.
ELSEWHERE = {
    "another page": lambda tmp_path: (_page(tmp_path, "wijken/west/soep.md"), CONTEXT, b"build", b"nav"),
    "another build": lambda tmp_path: (_page(tmp_path), CONTEXT, b"another", b"nav"),
    "another navigation": lambda tmp_path: (_page(tmp_path), CONTEXT, b"build", b"another nav"),
    "another base": lambda tmp_path: (_page(tmp_path), CONTEXT | {"base_url": "../../.."}, b"build", b"nav"),
    "another style sheet": lambda tmp_path: (_page(tmp_path), CONTEXT | {"extra_css": ["x.css"]}, b"build", b"nav"),
}


@pytest.mark.parametrize("elsewhere", ELSEWHERE)
def test_a_page_s_fingerprint_changes_with_its_place_and_build(tmp_path, elsewhere):
    page, context, build_key, nav = ELSEWHERE[elsewhere](tmp_path)
    assert page_key(page, dict(context), build_key, nav) != page_key(_page(tmp_path), dict(CONTEXT), b"build", b"nav")


def test_a_page_whose_context_holds_a_plugin_s_own_variable_is_never_kept(tmp_path):
    # What a plugin puts in the context the fingerprint does not know: the page is rendered.
    assert page_key(_page(tmp_path), CONTEXT | {"git_revision": "abc"}, b"build", b"nav") is None


def test_the_templates_fingerprint_follows_the_templates_and_not_the_installed_icons(tmp_path):
    theme = tmp_path / "theme"
    (theme / "partials").mkdir(parents=True)
    (theme / ".icons").mkdir()
    (theme / "partials/footer.html").write_text("<footer>Oost</footer>", encoding="utf-8")
    first = _templates([str(theme)], str(theme))
    (theme / ".icons/soep.svg").write_text("<svg/>", encoding="utf-8")
    (theme / ".icons/soep.html").write_text("<svg/>", encoding="utf-8")
    assert _templates([str(theme)], str(theme)) == first
    (theme / "partials/footer.html").write_text("<footer>West</footer>", encoding="utf-8")
    assert _templates([str(theme)], str(theme)) not in (first, None)
    # A template that prints the build's time differs on every build: no page is kept.
    (theme / "partials/footer.html").write_text("<footer>{{ build_date_utc }}</footer>", encoding="utf-8")
    assert _templates([str(theme)], str(theme)) is None


def test_the_navigation_s_fingerprint_follows_what_material_prints_of_other_pages(tmp_path):
    config = MkDocsConfig()
    config.load_dict({"site_name": "Teststad", "docs_dir": str(tmp_path), "nav": ["index.md", {"Agenda": "agenda/index.md"}]})
    assert config.validate() == ([], [])
    files = Files([File(path, str(tmp_path), str(tmp_path / "site"), True) for path in ("index.md", "agenda/index.md")])

    def fingerprint(meta: dict) -> bytes:
        nav = get_navigation(files, config)
        nav.items[1].meta = meta
        return nav_key(nav)

    assert fingerprint({}) == fingerprint({})
    # The tabs show an index page's icon, the navigation its subtitle and status.
    for meta in ({"icon": "material/calendar"}, {"subtitle": "Wat er te doen is"}, {"status": "new"}):
        assert fingerprint(meta) != fingerprint({})


def test_a_city_s_own_icons_count_and_the_installed_theme_s_do_not(tmp_path):
    own, installed = tmp_path / "overrides", tmp_path / "material"
    for folder in (own, installed):
        (folder / ".icons").mkdir(parents=True)
        (folder / ".icons/logo.svg").write_text("<svg/>", encoding="utf-8")
    first = _templates([str(own), str(installed)], str(installed))
    (installed / ".icons/logo.svg").write_text("<svg><path/></svg>", encoding="utf-8")
    assert _templates([str(own), str(installed)], str(installed)) == first
    (own / ".icons/logo.svg").write_text("<svg><path/></svg>", encoding="utf-8")
    assert _templates([str(own), str(installed)], str(installed)) != first


def _markdown_page(tmp_path, markdown: str) -> tuple[Page, MkDocsConfig, Files]:
    """A page of `markdown` among the files of a small site, read as MkDocs reads it."""
    config = MkDocsConfig()
    config.load_dict(
        {
            "site_name": "Teststad",
            "docs_dir": str(tmp_path),
            "markdown_extensions": ["attr_list", "toc"],
            "validation": {"anchors": "warn"},
        }
    )
    assert config.validate() == ([], [])
    files = Files([File(path, str(tmp_path), str(tmp_path / "site"), True) for path in ("index.md", "meedoen.md")])
    page = Page(None, files.get_file_from_path("meedoen.md"), config)
    page.markdown = markdown
    return page, config, files


MEEDOEN = "# Meedoen\n\n## Hoe {#hoe}\n\nZie [weg](nergens.md) en [de start](index.md#welkom).\n"


def _rendered(page: Page) -> tuple:
    return (page.content, [(t.title, t.id, t.level) for t in page.toc], page.title, page.present_anchor_ids)


def _a_build(kept: KeptMarkdown, tmp_path, markdown: str = MEEDOEN, change=None) -> tuple[Page, Files]:
    """One build's conversion of the page, as serve makes it with `kept`; `change(config, files)` first."""
    kept.begin()
    page, config, files = _markdown_page(tmp_path, markdown)
    if change is not None:
        change(config, files)
    kept.install(page)
    page.render(config, files)
    kept.end()
    return page, files


def test_markdown_kept_for_the_next_build_is_what_mkdocs_makes_of_it_with_its_messages(tmp_path, caplog):
    plain, config, files = _markdown_page(tmp_path, MEEDOEN)
    with caplog.at_level(logging.INFO):
        plain.render(config, files)  # MkDocs' own
    expected = [r.getMessage() for r in caplog.records]
    assert any("nergens.md" in message for message in expected)
    kept, results = KeptMarkdown(), []
    for _ in range(3):
        caplog.clear()
        with caplog.at_level(logging.INFO):
            page, files = _a_build(kept, tmp_path)
        # MkDocs' warning about the link is said in every build, kept or not.
        assert [r.getMessage() for r in caplog.records] == expected
        assert _rendered(page) == _rendered(plain)
        assert {f.src_uri: a for f, a in page.links_to_anchors.items()} == {"index.md": {"welkom": "index.md#welkom"}}
        assert next(iter(page.links_to_anchors)) is files.get_file_from_path("index.md")  # this build's file
        results.append(kept.kept)
        page.toc.items.clear()  # a plugin may change a page's toc: the next build's is whole
    assert results == [0, 1, 1]


def _with_nergens(config, files):
    files.append(File("nergens.md", str(config.docs_dir), str(Path(config.docs_dir) / "site"), True))


def _permalinks(config, files):
    config.mdx_configs = {"toc": {"permalink": True}}


# Each changes one thing the conversion reads; the page is converted again, as MkDocs would.
CHANGED = {
    "its Markdown": ({"markdown": MEEDOEN + "\nMeer tekst.\n"}, "Meer tekst"),
    "the site's files": ({"change": _with_nergens}, 'href="../nergens/"'),
    "an extension's options": ({"change": _permalinks}, "headerlink"),
}


@pytest.mark.parametrize("change", CHANGED)
def test_markdown_is_converted_again_when_what_it_reads_changed(tmp_path, change):
    kept = KeptMarkdown()
    _a_build(kept, tmp_path)
    changes, shown = CHANGED[change]
    page, _ = _a_build(kept, tmp_path, **changes)
    assert kept.kept == 0 and shown in page.content
    # The same once more: now it is kept.
    assert _rendered(_a_build(kept, tmp_path, **changes)[0]) == _rendered(page) and kept.kept == 1


def test_a_kept_page_s_link_warning_is_judged_again_by_our_filter(tmp_path, caplog):
    # Our check reported the link in Dutch: MkDocs' English warning is left out, kept or not.
    kept, dubbel = KeptMarkdown(), DubbeleLinks()
    dubbel.install()

    def warned() -> bool:
        caplog.clear()
        with caplog.at_level(logging.INFO):
            _a_build(kept, tmp_path)
        return any("nergens.md" in r.getMessage() for r in caplog.records)

    try:
        dubbel.gemeld = {("meedoen.md", "nergens.md")}
        assert [warned(), warned(), kept.kept] == [False, False, 1]
        # A link our check no longer reports: MkDocs' warning comes back, from the kept page.
        dubbel.gemeld = {("meedoen.md", "iets-anders.md")}
        assert [warned(), kept.kept] == [True, 1]
    finally:
        dubbel.remove()


@pytest.mark.parametrize(
    ("extension", "expected"),
    [
        ("toc", True),
        ("markdown.extensions.tables", True),
        ("pymdownx.superfences", True),
        ("pymdownx.snippets", False),  # includes other files
        ("mijnstad.extensie", False),  # unknown here
    ],
)
def test_markdown_is_kept_only_with_extensions_that_read_the_text_alone(extension, expected):
    assert pure(extension) is expected


def test_no_page_s_markdown_is_kept_with_an_extension_that_reads_files(tmp_path):
    kept = KeptMarkdown()
    for _ in range(2):
        _a_build(kept, tmp_path, change=lambda config, files: config.markdown_extensions.append("pymdownx.snippets"))
    assert kept.kept == 0 and len(kept) == 0
