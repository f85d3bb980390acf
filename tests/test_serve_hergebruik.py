"""What `mkdocs serve` keeps from one build to the next: the parsed files, the anchors of the
pages links point into, and the posters' QR codes.

Each is a speed trick, pinned here against the plain way: a file read from the last build's
result is what reading it afresh gives, and a site rebuilt under serve after a change is the
site a clean build of the changed city makes, byte for byte.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
import segno
import yaml
from city import City
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from bovenwijks.content.links import ankers, bewaarde_ankers
from bovenwijks.content.load import load_stad
from bovenwijks.content.source import Bronnen, read_source
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
    plugin_cache.clear()  # a clean build: the plugins made anew, as by `mkdocs build`
    clean = _build(root, tmp_path / "clean", "build")
    assert clean is not first and clean.bronnen is None
    rebuilt, afresh = _site(tmp_path / "serve"), _site(tmp_path / "clean")
    assert rebuilt.keys() == afresh.keys()
    assert [path for path in rebuilt if rebuilt[path] != afresh[path]] == []
    assert "Repair Café Oost" in rebuilt["wijken/oost/initiatieven/repair-cafe/index.html"].decode()
    assert "Nieuws uit West" not in rebuilt["wijken/west/index.html"].decode()
