"""End-to-end: feeds, calendars and open data of a small city built with the real MkDocs."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urljoin

import feedparser
import pytest
from icalendar import Calendar

from bovenwijks.content.load import load_stad
from bovenwijks.publish.feeds import catalog

NASTY = "<script>alert(1)</script> & Café Eén, ĳsbaan"
OUTPUTS = ("feeds", "kalender", "data")


def _city(city):
    city.extra_config["markdown_extensions"] = ["attr_list", "md_in_html", "tables", {"toc": {"permalink": True}}]
    city.write_config()
    city.wijk("oost", naam="Oost")
    city.wijk("oosterpark", naam="Oosterpark", website="https://oosterpark.example/", feed="https://oosterpark.example/feed.xml")
    city.initiatief(
        "oost",
        "repair-cafe",
        titel="Repair Café Oost",
        gestart="2016-08-31",
        themas=["groen-en-duurzaam"],
        biedt=[{"onderwerp": "repareren"}],
    )
    city.activiteit(
        "oost",
        "reparatiemiddag",
        titel="Reparatiemiddag",
        initiatief="repair-cafe",
        body="## Meenemen\n\nLees eerst [over het café](../initiatieven/repair-cafe.md).",
    )
    city.activiteit("oosterpark", "markt", start="2026-12-12", titel="Kerstmarkt")
    city.bericht("oost", "nieuw-buurthuis", titel="Nieuw buurthuis", auteur="Piet")
    city.kennis("oost", "hoe-werven", titel="Hoe werven jullie?")


def _outputs(site: Path, eigen: bool = True) -> dict[str, bytes]:
    """Every feed, calendar and data file; with `eigen`, each activiteit's own calendar beside its page too."""
    files = [p for d in OUTPUTS for p in sorted((site / d).rglob("*")) if p.is_file() and p.suffix != ".html"]
    if eigen:
        files += sorted((site / "wijken").rglob("*.ics"))
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in files}


def _alternates(html: str, url: str) -> list[tuple[str, str, str]]:
    """The feed links in the head of the page at `url`, with their hrefs resolved as a reader does."""
    found = re.findall(r'<link rel="alternate" type="([^"]+)" title="([^"]+)" href="([^"]+)">', html)
    return [(kind, title, urljoin("https://stad.example/" + url, href)) for kind, title, href in found]


def test_every_feed_calendar_and_data_file_is_written_and_reads_cleanly(city):
    _city(city)
    result = city.build(strict=True)
    assert result.error is None, result.warnings
    files = _outputs(result.site)
    stad = load_stad(city.root).stad
    expected = {path for feed in catalog(stad, datetime(2026, 11, 23).date(), limit=50, site_name="x") for path in (feed.rss, feed.atom)}
    assert {
        "feeds/stad.rss",
        "feeds/agenda.atom",
        "feeds/kennis.rss",
        "feeds/wijken/oosterpark.atom",
        "feeds/themas/ontmoeting.rss",
    } <= expected
    assert expected | {"kalender/stad.ics", "kalender/wijken/oost.ics", "kalender/wijken/oosterpark.ics", "data/nieuws.json"} <= set(files)
    eigen = {"wijken/oost/agenda/reparatiemiddag/reparatiemiddag.ics", "wijken/oosterpark/agenda/markt/markt.ics"}
    assert {a.ics for a in stad.activiteiten()} == eigen and eigen <= set(files)
    for path, content in files.items():
        if path.endswith((".rss", ".atom")):
            parsed = feedparser.parse(content)
            assert not parsed.bozo, (path, parsed.get("bozo_exception"))
            assert parsed.version == ("rss20" if path.endswith(".rss") else "atom10")
        elif path.endswith(".ics"):
            assert Calendar.from_ical(content).walk("VCALENDAR")
        else:
            assert json.loads(content)


def test_feed_content_is_the_rendered_markdown_with_absolute_links(city):
    _city(city)
    result = city.build(strict=True)
    entry = feedparser.parse((result.site / "feeds/agenda.atom").read_bytes()).entries[0]
    content = entry.content[0].value
    assert '<h2 id="meenemen">Meenemen</h2>' in content  # rendered, and without the page's ¶ anchor
    assert '<a href="https://stad.example/wijken/oost/initiatieven/repair-cafe/">over het café</a>' in content
    assert entry.link == "https://stad.example/wijken/oost/agenda/reparatiemiddag/"


def test_two_builds_are_byte_identical_whatever_the_clock(city, monkeypatch):
    _city(city)
    first = _outputs(city.build(strict=True).site)

    class AnyDatetime(type):
        def __instancecheck__(cls, value):  # feedgen checks isinstance(value, datetime)
            return isinstance(value, datetime)

    class Later(datetime, metaclass=AnyDatetime):
        @classmethod
        def now(cls, tz=None):
            return datetime(2031, 5, 4, 3, 2, 1, tzinfo=tz or UTC)

        @classmethod
        def utcnow(cls):
            return datetime(2031, 5, 4, 3, 2, 1)

    # Whatever would fall back on the clock (feedgen's default dates) now gets another one.
    import feedgen.entry
    import feedgen.feed

    monkeypatch.setattr(feedgen.feed, "datetime", Later)
    monkeypatch.setattr(feedgen.entry, "datetime", Later)
    second = _outputs(city.build(strict=True).site)
    assert first.keys() == second.keys()
    for path in first:
        assert first[path] == second[path], path
    assert not any(b"2031" in content for content in second.values())


def test_pages_link_the_feeds_that_fit_them(city):
    _city(city)
    result = city.build(strict=True)
    item = _alternates(result.page("wijken/oost/agenda/reparatiemiddag/"), "wijken/oost/agenda/reparatiemiddag/")
    assert item[0] == ("application/atom+xml", "Oost: nieuws, initiatieven en agenda (Atom)", "https://stad.example/feeds/wijken/oost.atom")
    assert ("application/rss+xml", "Agenda van Amersfoort (RSS)", "https://stad.example/feeds/agenda.rss") in item
    assert ("application/rss+xml", "Nieuws uit de wijken van Amersfoort (RSS)", "https://stad.example/feeds/stad.rss") in item
    assert not any("oosterpark" in href for _, _, href in item)
    thema = _alternates(result.page("themas/groen-en-duurzaam/"), "themas/groen-en-duurzaam/")
    assert thema[0][2] == "https://stad.example/feeds/themas/groen-en-duurzaam.atom"
    agenda = _alternates(result.page("agenda/"), "agenda/")
    assert agenda[0][2] == "https://stad.example/feeds/agenda.atom"
    home = _alternates(result.page(""), "")
    assert [href for _, _, href in home if href.endswith(".rss")] == [
        "https://stad.example/feeds/agenda.rss",
        "https://stad.example/feeds/kennis.rss",
        "https://stad.example/feeds/stad.rss",
    ]


def test_feed_links_stay_on_the_site_that_serves_the_page(city):
    # Material fetches sitemap.xml next to every alternate link: an absolute link to site_url
    # would send a visitor of a preview or of `mkdocs serve` to another host.
    _city(city)
    html = city.build(strict=True).page("wijken/oost/")
    hrefs = re.findall(r'<link rel="alternate" [^>]*href="([^"]+)"', html)
    assert hrefs and all(href.startswith("../../feeds/") for href in hrefs), hrefs


def test_feed_titles_in_the_head_are_escaped(city):
    city.wijk("oost", naam=NASTY)
    result = city.build(strict=True)
    html = result.page("wijken/oost/")
    assert "<script>alert(1)" not in html
    assert 'title="&lt;script&gt;alert(1)&lt;/script&gt; &amp; Café Eén, ĳsbaan: nieuws, initiatieven en agenda (RSS)"' in html


def test_volgen_lists_every_feed_and_calendar_in_plain_dutch(city):
    _city(city)
    result = city.build(strict=True)
    html = result.page("volgen/")
    assert "<h1>Volgen</h1>" in html and "feedlezer" in html and "Agenda toevoegen" in html
    # Each activiteit's own calendar is on its page, not here.
    for path in _outputs(result.site, eigen=False):
        # One address per feed for residents (RSS, which every reader takes); Atom is named.
        shown = path.removesuffix(".atom") + ".rss" if path.endswith(".atom") else path
        if not path.startswith("data/") or path == "data/nieuws.json":
            assert f"https://stad.example/{shown}" in html, path
    assert "<code>.atom</code>" in html
    # The agenda on your phone comes first, one tap each; then the feeds, each with a copy button.
    assert html.index('href="webcal://stad.example/kalender/stad.ics"') < html.index('id="feeds"')
    assert 'href="webcal://stad.example/kalender/wijken/oost.ics"' in html
    assert 'data-kopieer="https://stad.example/feeds/stad.rss"' in html
    assert "<table" not in html
    assert 'href="https://oosterpark.example/feed.xml"' in html  # a wijk's own feed elsewhere
    assert 'href="../data/"' in html


def test_data_page_documents_every_file_and_field(city):
    _city(city)
    html = city.build(strict=True).page("data/")
    assert "<h1>Open data</h1>" in html
    for name in ("wijken", "initiatieven", "activiteiten", "berichten", "kennis", "vocabulaire", "nieuws"):
        assert f'href="https://stad.example/data/{name}.json"' in html
    assert "<code>inhoud_html</code>" in html and "<code>hele_dag</code>" in html
    # The version, each dataset's schema, and what a version promises.
    assert '<h2 id="versie">Versie 1</h2>' in html
    for name in ("wijken", "initiatieven", "activiteiten", "berichten", "kennis", "vocabulaire"):
        assert f'href="https://stad.example/data/schema/{name}.schema.json"' in html
    assert "Negeer velden die je niet kent" in html and "wordt een nieuwe versie (versie 2)" in html
    assert "<code>versie</code>" in html and "<code>schema</code>" in html
    assert "creativecommons.org/licenses/by/4.0" in html


def test_a_build_without_site_url_says_what_to_set(city):
    _city(city)
    city.write_config(site_url=None)
    result = city.build()
    assert result.error is not None
    message = " ".join(result.warnings)
    assert "zet site_url in mkdocs.yml" in message and "Set site_url in mkdocs.yml" in message


def test_feeds_need_the_wijken_plugin(city):
    city.plugins = ["feeds"]
    city.write_config()
    result = city.build()
    assert result.error is not None
    assert "zet '- bovenwijks/wijken' vóór '- bovenwijks/feeds'" in " ".join(result.warnings)


# -- plugin events, called directly --------------------------------------------------------


def _plugin(city, **options):
    from mkdocs.config import load_config

    config = load_config(config_file=str(city.root / "mkdocs.yml"))
    plugin = config.plugins["bovenwijks/feeds"]
    plugin.config.update(options)
    return plugin, config


def test_limit_must_be_at_least_one(city):
    from mkdocs.exceptions import PluginError

    plugin, config = _plugin(city, limit=0)
    with pytest.raises(PluginError, match="limit is 0; kies het aantal items per feed, 1 of meer"):
        plugin.on_config(config)


def test_feeds_a_page_declares_come_first_and_are_not_repeated(city):
    _city(city)
    plugin, config = _plugin(city)
    plugin.on_config(config)
    plugin.feeds = catalog(load_stad(city.root).stad, datetime(2026, 11, 23).date(), limit=5, site_name="x")
    plugin.site_url = "https://stad.example/"
    own = ("Eigen feed", "https://stad.example/feeds/stad.rss", "application/rss+xml")
    page = SimpleNamespace(url="over/", meta={"bovenwijks_feeds": [own]}, file=SimpleNamespace(src_uri="over.md"), content="")
    plugin.on_page_context({}, page=page, config=config, nav=None)
    assert page.meta["bovenwijks_feeds"] == [own, ("Nieuws uit de wijken van Amersfoort (Atom)", "feeds/stad.atom", "application/atom+xml")]


def test_a_file_at_the_place_of_an_activiteits_calendar_is_refused_and_the_calendar_is_ours(city):
    _city(city)
    city.write("wijken/oost/agenda/reparatiemiddag/reparatiemiddag.ics", "BEGIN:VCALENDAR\r\nX-OUD:ja\r\nEND:VCALENDAR\r\n")
    result = city.build()
    assert result.error is None
    # A wijk's folder publishes no calendar of its own (content/bestanden.py); the feeds plugin
    # replaces what takes the place of its files in content/.
    assert result.warnings == [
        "bovenwijks: wijken/oost/agenda/reparatiemiddag/reparatiemiddag.ics:1: de site publiceert alleen pagina's (.md), "
        "foto's (JPEG, PNG, WebP of HEIC) en pdf's; haal dit bestand weg of zet het ergens anders",
        "bovenwijks: 1 bestand staat niet (helemaal) op de site door een fout: wijken/oost/agenda/reparatiemiddag/reparatiemiddag.ics. "
        "Draai 'make check' om te zien wat je moet verbeteren.",
    ]
    written = (result.site / "wijken/oost/agenda/reparatiemiddag/reparatiemiddag.ics").read_bytes()
    assert b"X-OUD" not in written and b"UID:oost/agenda/reparatiemiddag@stad.example" in written
