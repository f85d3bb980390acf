"""Feeds from the model: what is in them, what fits which page, and RSS/Atom as readers parse it."""

from __future__ import annotations

import html
import os
from datetime import date, datetime
from email.utils import parsedate_to_datetime

import feedparser
import pytest
from lxml import etree

from bovenwijks.content.load import load_stad
from bovenwijks.dates import TZ
from bovenwijks.publish.feeds import FeedWriter, alternates, catalog, feeds_for
from bovenwijks.publish.links import absolute_html, absolute_link, excerpt, page_url, plain_text

SITE = "https://stad.example/"
VANDAAG = date(2026, 11, 23)
ATOM_NS = {"a": "http://www.w3.org/2005/Atom"}
NASTY = "<script>alert(1)</script> & Café Eén, ĳsbaan en ijs"


@pytest.fixture
def oost(city):
    """A city with one wijk that has a bit of everything, loaded without building."""
    city.wijk("oost", naam="Oost")
    city.wijk("oosterpark", naam="Oosterpark")
    city.initiatief(
        "oost",
        "repair-cafe",
        titel="Repair Café Oost",
        themas=["groen-en-duurzaam"],
        gestart="2016-08-31",
        bijgewerkt="2026-11-01",
        biedt=[{"onderwerp": "repareren", "toelichting": "Draaiboek"}],
    )
    city.initiatief("oost", "zonder-datum", titel="Zonder datum")
    # When each was put on the agenda: outside a git repository, its file's modification time.
    for slug, start, titel, changed in (
        ("reparatiemiddag", "2026-12-10 19:30", "Reparatiemiddag", "2026-11-15 10:00"),
        ("oud", "2026-10-01 14:00", "Oude middag", "2026-09-20 08:00"),
        ("markt", "2026-12-12", "Kerstmarkt", "2026-11-18 12:00"),
    ):
        extra = {"initiatief": "repair-cafe"} if slug == "reparatiemiddag" else {}
        file = city.activiteit("oost", slug, start=start, titel=titel, **extra)
        stamp = datetime.fromisoformat(changed).replace(tzinfo=TZ).timestamp()
        os.utime(file, (stamp, stamp))
    city.bericht("oost", "nieuw-buurthuis", datum="2026-11-20", titel="Nieuw buurthuis", auteur="Piet", samenvatting="Samenvatting.")
    city.bericht("oost", "ouder", datum="2026-09-01", titel="Ouder bericht")
    city.bericht("oosterpark", "park", datum="2026-11-21", titel="Parknieuws")
    city.kennis(
        "oost",
        "hoe-werven",
        titel="Hoe werven jullie?",
        soort="vraag",
        datum="2026-11-10",
        contact={"naam": "Kees", "email": "kees@example.org"},
    )
    loaded = load_stad(city.root)
    assert loaded.problems == []
    return loaded.stad


def _feeds(stad, limit=50):
    return {f.naam: f for f in catalog(stad, VANDAAG, limit=limit, site_name="Teststad")}


def _titles(feed):
    return [e.titel for e in feed.entries]


# -- what is in the feeds ----------------------------------------------------------------


def test_city_feed_holds_every_wijks_berichten_newest_first(oost):
    assert _titles(_feeds(oost)["stad"]) == ["Parknieuws", "Nieuw buurthuis", "Ouder bericht"]


def test_feeds_hold_the_newest_n(oost):
    feeds = _feeds(oost, limit=2)
    assert _titles(feeds["stad"]) == ["Parknieuws", "Nieuw buurthuis"]
    assert all(len(f.entries) <= 2 for f in feeds.values())


def test_agenda_holds_upcoming_activiteiten_soonest_first(oost):
    assert _titles(_feeds(oost)["agenda"]) == ["Reparatiemiddag (10 december 2026)", "Kerstmarkt (12 december 2026)"]


def test_an_activiteit_is_dated_when_it_was_put_on_the_agenda_not_on_its_own_day(oost):
    # A feed reader sorts by the date, and the W3C validator flags a date in the future.
    entries = {e.item.slug: e for e in _feeds(oost)["agenda"].entries}
    assert entries["reparatiemiddag"].datum == datetime(2026, 11, 15, 10, 0, tzinfo=TZ)
    assert entries["markt"].datum == datetime(2026, 11, 18, 12, 0, tzinfo=TZ)
    # The day itself is in the text.
    assert entries["reparatiemiddag"].samenvatting.startswith("donderdag 10 december 2026, 19.30 uur")


def test_wijk_feed_has_berichten_dated_initiatieven_and_activiteiten_of_that_wijk_only(oost):
    titles = _titles(_feeds(oost)["wijken/oost"])
    assert "Nieuw buurthuis" in titles and "Initiatief: Repair Café Oost" in titles
    assert "Oude middag (1 oktober 2026)" in titles
    assert "Parknieuws" not in titles  # oosterpark is not oost
    assert "Initiatief: Zonder datum" not in titles  # no gestart or bijgewerkt: no moment to be news


def test_thema_feed_takes_the_themas_of_the_organising_initiatief(oost):
    titles = _titles(_feeds(oost)["themas/groen-en-duurzaam"])
    assert titles == ["Reparatiemiddag (10 december 2026)", "Initiatief: Repair Café Oost"]


def test_kennis_feed_has_vragen_and_offers(oost):
    feed = _feeds(oost)["kennis"]
    assert _titles(feed) == ["Vraag: Hoe werven jullie?", "Aanbod: Repair Café Oost"]
    assert feed.entries[1].url == "wijken/oost/initiatieven/repair-cafe/#biedt"


def test_feed_updated_is_the_newest_entry_never_the_build(oost):
    feeds = _feeds(oost)
    assert feeds["stad"].updated == datetime(2026, 11, 21, tzinfo=TZ)
    assert feeds["agenda"].updated == datetime(2026, 11, 18, 12, 0, tzinfo=TZ)
    # An empty feed has no newest entry: it says the build day, not the build's clock time.
    assert feeds["themas/jeugd-en-gezin"].entries == []
    assert feeds["themas/jeugd-en-gezin"].updated == datetime(2026, 11, 23, tzinfo=TZ)


@pytest.mark.parametrize(
    "url,expected",
    [
        ("", ["agenda", "kennis", "stad"]),
        ("volgen/", ["agenda", "kennis", "stad"]),
        ("over/", ["stad"]),
        ("wijken/", ["stad"]),
        ("wijken/oost/", ["wijken/oost", "stad"]),
        ("wijken/oosterpark/", ["wijken/oosterpark", "stad"]),
        ("wijken/oost/initiatieven/repair-cafe/", ["wijken/oost", "stad"]),
        ("wijken/oost/agenda/reparatiemiddag/", ["wijken/oost", "agenda", "stad"]),
        ("wijken/oost/kennis/hoe-werven/", ["wijken/oost", "kennis", "stad"]),
        ("wijken/onbekend/", ["stad"]),
        ("themas/ontmoeting/", ["themas/ontmoeting", "stad"]),
        ("themas/ontmoeting/2/", ["themas/ontmoeting", "stad"]),
        ("agenda/", ["agenda", "stad"]),
        ("kennis/subsidie-aanvragen/", ["kennis", "stad"]),
        ("nieuws/", ["stad"]),
    ],
)
def test_feeds_that_fit_a_page(oost, url, expected):
    assert [f.naam for f in feeds_for(url, list(_feeds(oost).values()))] == expected


def test_alternates_are_atom_and_rss_on_this_site(oost):
    links = alternates("wijken/oost/", list(_feeds(oost).values()))
    assert links[:2] == [
        ("Oost: nieuws, initiatieven en agenda (Atom)", "feeds/wijken/oost.atom", "application/atom+xml"),
        ("Oost: nieuws, initiatieven en agenda (RSS)", "feeds/wijken/oost.rss", "application/rss+xml"),
    ]


# -- links in the HTML of an item ----------------------------------------------------------


@pytest.mark.parametrize(
    "link,expected",
    [
        ("../initiatieven/repair-cafe.md", "https://stad.example/wijken/oost/initiatieven/repair-cafe/"),
        ("../initiatieven/repair-cafe.md#biedt", "https://stad.example/wijken/oost/initiatieven/repair-cafe/#biedt"),
        ("foto.jpg", "https://stad.example/wijken/oost/nieuws/foto.jpg"),
        ("#kop", "https://stad.example/wijken/oost/nieuws/bericht/#kop"),
        ("../index.md", "https://stad.example/wijken/oost/"),
        ("../../../over.md", "https://stad.example/over/"),
        ("../../oosterpark/", "https://stad.example/wijken/oosterpark/"),
        ("/elders/", "https://stad.example/elders/"),
        ("https://www.amersfoort.nl/", "https://www.amersfoort.nl/"),
        ("mailto:redactie@oost.example", "mailto:redactie@oost.example"),
    ],
)
def test_absolute_link(link, expected):
    assert absolute_link(link, "wijken/oost/nieuws/bericht.md", SITE) == expected


@pytest.mark.parametrize(
    "src,url",
    [
        ("wijken/oost/index.md", "wijken/oost/"),
        ("index.md", ""),
        ("over.md", "over/"),
        ("wijken/oost/agenda/x.md", "wijken/oost/agenda/x/"),
    ],
)
def test_page_url(src, url):
    assert page_url(src) == url


@pytest.mark.parametrize(
    "source,expected",
    [
        ("", ""),
        # What MkDocs writes for a heading (toc with permalink): the anchor goes, nothing else changes.
        (
            '<h2 id="kop">Kop<a class="headerlink" href="#kop" title="Link naar dit deel">&para;</a></h2>\n<p>Tekst &amp; meer</p>\n',
            '<h2 id="kop">Kop</h2>\n<p>Tekst &amp; meer</p>',
        ),
        ('<p><img alt="Foto" src="foto.jpg"></p>', '<p><img alt="Foto" src="https://stad.example/wijken/oost/nieuws/foto.jpg"></p>'),
        ('<p style="background: url(bg.png)">x</p>', '<p style="background: url(https://stad.example/wijken/oost/nieuws/bg.png)">x</p>'),
        ("<p>Een href= in de tekst</p>", "<p>Een href= in de tekst</p>"),
        ('<p data-x="1">Geen link</p>', '<p data-x="1">Geen link</p>'),
        # A heading anchor written otherwise goes too, and text stays escaped.
        (
            '<h2 id="kop">Kop<a class="headerlink" href="#kop" title="Link">¶</a></h2>\n<p>A &amp; B &lt;b&gt; <a href="x.md">x</a></p>',
            '<h2 id="kop">Kop</h2>\n<p>A &amp; B &lt;b&gt; <a href="https://stad.example/wijken/oost/nieuws/x/">x</a></p>',
        ),
    ],
)
def test_absolute_html_rewrites_every_kind_of_link(source, expected):
    assert absolute_html(source, "wijken/oost/nieuws/b.md", SITE) == expected


@pytest.mark.parametrize(
    "source,text",
    [
        ("", ""),
        ("<p>Hallo <b>daar</b></p>\n<p>Tot   ziens</p>", "Hallo daar\n\nTot ziens"),
        ("<ul>\n<li>een</li>\n<li>twee</li>\n</ul>", "- een\n- twee"),
        ("alleen &amp; tekst", "alleen & tekst"),
    ],
)
def test_plain_text(source, text):
    assert plain_text(source) == text


@pytest.mark.parametrize(
    "source,limit,text",
    [
        ("", 280, None),
        ("<p>Kort.</p><p>Tweede alinea.</p>", 280, "Kort."),
        ("<p>Een twee drie, vier vijf</p>", 14, "Een twee drie …"),
        ("<p>Eén ĳsje &amp; meer</p>", 8, "Eén ĳsje …"),
    ],
)
def test_excerpt(source, limit, text):
    assert excerpt(source, limit) == text


# -- RSS and Atom as readers parse them ----------------------------------------------------


def _writer(stad, bodies=None):
    return FeedWriter(stad, SITE, bodies or {}, "CC BY 4.0")


def test_rss_has_the_required_elements_and_parses_cleanly(oost):
    feed = _feeds(oost)["wijken/oost"]
    xml = _writer(oost).rss(feed)
    parsed = feedparser.parse(xml)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "rss20"
    channel = etree.fromstring(xml).find("channel")
    assert channel.findtext("title") == "Oost: nieuws, initiatieven en agenda"
    # RSS's <link> is the page, not the feed itself (feedgen takes the *last* link() call).
    assert channel.findtext("link") == "https://stad.example/wijken/oost/"
    assert channel.findtext("description")
    assert channel.findtext("language") == "nl"
    assert channel.find("{http://www.w3.org/2005/Atom}link").get("rel") == "self"
    assert parsedate_to_datetime(channel.findtext("lastBuildDate")) == feed.updated
    items = channel.findall("item")
    assert len(items) == len(feed.entries) > 0
    for item, entry in zip(items, feed.entries, strict=True):
        assert item.findtext("title") == entry.titel
        assert item.findtext("link") == SITE + entry.url
        assert item.find("guid").text == SITE + entry.url and item.find("guid").get("isPermaLink") == "true"
        assert parsedate_to_datetime(item.findtext("pubDate")) == entry.datum
        assert item.findtext("description")
    bericht = parsed.entries[[e.titel for e in feed.entries].index("Nieuw buurthuis")]
    assert bericht.author == "Piet"


def test_atom_has_the_required_elements_of_rfc_4287(oost):
    feed = _feeds(oost)["kennis"]
    xml = _writer(oost).atom(feed)
    parsed = feedparser.parse(xml)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    root = etree.fromstring(xml)
    assert root.findtext("a:id", namespaces=ATOM_NS) == "https://stad.example/feeds/kennis.atom"
    assert root.findtext("a:title", namespaces=ATOM_NS)
    assert datetime.fromisoformat(root.findtext("a:updated", namespaces=ATOM_NS)) == feed.updated
    assert root.find("a:author/a:name", namespaces=ATOM_NS).text
    links = {link.get("rel"): link.get("href") for link in root.findall("a:link", namespaces=ATOM_NS)}
    assert links == {"self": "https://stad.example/feeds/kennis.atom", "alternate": "https://stad.example/kennis/"}
    entries = root.findall("a:entry", namespaces=ATOM_NS)
    assert len(entries) == 2
    for element in entries:
        assert element.findtext("a:id", namespaces=ATOM_NS).startswith("https://stad.example/wijken/oost/")
        assert element.findtext("a:title", namespaces=ATOM_NS)
        assert datetime.fromisoformat(element.findtext("a:updated", namespaces=ATOM_NS)).utcoffset() is not None
        # Escaped HTML, never feedgen's "CDATA", which is no Atom content type.
        assert element.find("a:content", namespaces=ATOM_NS).get("type") == "html"
    assert [c.term for c in parsed.entries[0].tags] == ["oost", "vrijwilligers-werven"]
    assert [e.author for e in parsed.entries] == ["Kees (Oost)", "Oost"]  # who asked, where known
    assert [c.label for c in parsed.entries[1].tags] == ["Oost", "Repareren en hergebruiken"]


def test_entry_content_is_the_rendered_body_with_facts_first(oost):
    bodies = {"oost/agenda/reparatiemiddag": '<p>Neem je <a href="https://stad.example/wijken/oost/">spullen</a> mee.</p>'}
    feed = _feeds(oost)["agenda"]
    parsed = feedparser.parse(_writer(oost, bodies).atom(feed))
    content = parsed.entries[0].content[0].value
    assert "donderdag 10 december 2026, 19.30 uur" in content
    assert 'href="https://stad.example/wijken/oost/initiatieven/repair-cafe/"' in content  # the organiser
    assert 'Neem je <a href="https://stad.example/wijken/oost/">spullen</a> mee.' in content


def test_summary_is_the_samenvatting_or_else_the_start_of_the_text(oost):
    bodies = {"oost/nieuws/ouder": "<p>Eerste alinea van het bericht.</p>\n<p>Tweede.</p>"}
    feed = _feeds(oost)["stad"]
    parsed = feedparser.parse(_writer(oost, bodies).rss(feed))
    summaries = {e.title: e.get("summary") for e in parsed.entries}
    assert summaries["Ouder bericht"] == "Eerste alinea van het bericht."
    assert summaries["Nieuw buurthuis"] == "Samenvatting."


def test_entries_keep_their_order(oost):
    # feedgen's add_entry prepends unless told to append: the feed must read newest first.
    feed = _feeds(oost)["stad"]
    parsed = feedparser.parse(_writer(oost).rss(feed))
    assert [e.title for e in parsed.entries] == _titles(feed)


def test_titel_is_text_in_rss_and_atom(city):
    city.wijk("oost", naam="Oost & co")
    city.bericht("oost", "xss", titel=NASTY, samenvatting=NASTY)
    stad = load_stad(city.root).stad
    feed = _feeds(stad)["stad"]
    for xml in (_writer(stad).rss(feed), _writer(stad).atom(feed)):
        parsed = feedparser.parse(xml)
        assert not parsed.bozo
        assert parsed.entries[0].title == NASTY
        # A summary is HTML to readers (RSS says so by custom): the text escaped, shown as itself.
        assert parsed.entries[0].summary == html.escape(NASTY, quote=False)
        assert b"<script>" not in xml
        # In the HTML content the titel is escaped text, not an element.
        assert "<script>" not in parsed.entries[0].content[0].value
        assert "&lt;script&gt;" in parsed.entries[0].content[0].value
        assert "Café Eén, ĳsbaan en ijs".encode() in xml
