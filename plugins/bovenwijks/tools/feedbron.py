"""A wijk's own website feed (RSS or Atom), from the bytes the fetch step got, as berichten.

feedparser reads the feed; it is given our bytes in a stream and never an address, so it never
fetches anything itself (its own fetching has no timeout, and it would open a bare string as a
local file name). It leaves the HTML of an entry as the feed has it: one HTML parser, nh3's
(`content.veilig`), cleans it and makes its links absolute. feedparser's own sanitizer reads
HTML another way: it turns the text of a <script> (`document.write('<img src=...>')`) into a
real <img>, where a browser sees only code.

A relative link in an entry starts from its `xml:base` when the feed gives one (Atom), else
from the entry's own page, where its author wrote it, else from the feed's address.
"""

from __future__ import annotations

import hashlib
import io
import re
import xml.sax
from dataclasses import dataclass
from datetime import UTC, datetime
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import feedparser

from bovenwijks.content.veilig import MAX_TEKENS, PIXEL, alineas, beelden, http_adres, samenvatting, schoon, tekst

WEBPAGINA = "dit is geen RSS- of Atom-feed maar een webpagina (HTML)"
LEEG = "de feed bevat geen berichten"
ONLEESBAAR = "de feed is onleesbaar"
_HTML_TYPES = ("text/html", "application/xhtml+xml")
# An entry longer than `veilig.MAX_TEKENS` is left out, with a reason: a wijk's post is a few
# kB of HTML, one with a gallery tens.
# A page starts with these within its first bytes; a feed never does.
_HTML_START = re.compile(rb"<(?:!doctype\s+html|html[\s>])", re.IGNORECASE)
_FEED_TYPES = ("application/rss+xml", "application/atom+xml")
_TAG_START = re.compile(r"<[a-zA-Z/!]")
_RSS_AUTEUR = re.compile(r"[^\s()]+@[^\s()]+ ?\((?P<name>[^()]+)\)")
_EMAIL = re.compile(r"[^\s()]+@[^\s()]+")
# WordPress ends the excerpt in its feed with "[…]", its own sign for "read on at the site".
_WORDPRESS_MEER = re.compile(r"\s*\[(?:…|\.\.\.)\]$")


class GeenFeed(ValueError):
    """What came back is no feed we can read; str() says why, in Dutch, for the wijk's editors."""


@dataclass(frozen=True)
class Beeld:
    """The image of a bericht at its source: to be downloaded, never shown from there."""

    url: str
    alt: str


@dataclass(frozen=True)
class FeedBericht:
    """One entry of a feed, cleaned, as a bericht of the wijk."""

    guid: str  # entry id / guid; else its link; else a hash of title and date: stable across fetches
    titel: str  # plain text
    datum: datetime  # aware (UTC); published, else updated
    link: str | None  # the original, absolute http(s)
    html: str  # schoon() of the content (content:encoded, Atom content), else of the summary
    samenvatting: str  # plain text (the summary, else of the html), samenvatting()
    auteur: str | None
    beeld: Beeld | None  # enclosure / media:content / media:thumbnail of an image, else the first in the content


@dataclass(frozen=True)
class Feed:
    """A feed as read: its site, and its berichten in the feed's order."""

    site: str  # the feed's title, plain text; else the host of its address
    link: str | None  # the site's home
    berichten: tuple[FeedBericht, ...]
    overgeslagen: tuple[str, ...]  # Dutch: why an entry was left out


def lees_feed(body: bytes, url: str) -> Feed:
    """The berichten of the feed `body`, fetched from `url` (the address after redirects).

    Raises GeenFeed for a web page, an empty feed, a feed none of whose entries can be used,
    and anything else that is not RSS or Atom. A feed with an XML mistake that feedparser
    can read past is read.
    """
    parsed = feedparser.parse(
        io.BytesIO(body),
        # The base of relative links when the feed names none; and XML, so that the encoding
        # is the one the feed declares.
        response_headers={"content-location": url, "content-type": "application/xml"},
        resolve_relative_uris=False,
        sanitize_html=False,
    )
    if not parsed.get("version"):
        raise GeenFeed(_waarom_geen_feed(body, parsed, url))
    if not parsed.entries:
        raise GeenFeed(LEEG)
    berichten: list[FeedBericht] = []
    overgeslagen: list[str] = []
    guids: set[str] = set()
    for number, entry in enumerate(parsed.entries, start=1):
        bericht = _bericht(entry, url, number)
        if isinstance(bericht, str):
            overgeslagen.append(bericht)
        elif bericht.guid in guids:
            overgeslagen.append(f"‘{bericht.titel}’: een tweede bericht met dezelfde guid ({bericht.guid}); het eerste is gebruikt")
        else:
            guids.add(bericht.guid)
            berichten.append(bericht)
    if not berichten:
        # Nothing to show is no reason to lose the last good snapshot.
        raise GeenFeed(f"de feed bevat geen bruikbare berichten: {'; '.join(overgeslagen)}")
    feed = parsed.feed
    return Feed(
        site=_titel(feed) or urlsplit(url).hostname or url,
        link=http_adres(feed.get("link"), url),
        berichten=tuple(berichten),
        overgeslagen=tuple(overgeslagen),
    )


def _bericht(entry: dict, url: str, number: int) -> FeedBericht | str:
    """The bericht of one entry, or why it is left out."""
    link = http_adres(entry.get("link"), url)  # feedparser has resolved it against xml:base
    titel = _titel(entry)
    if not titel:
        return f"een bericht zonder titel ({link or entry.get('id') or f'het {number}e in de feed'})"
    datum = _datum(entry)
    if datum is None:
        written = entry.get("published") or _eigen(entry, "updated")
        if written:
            return f"‘{titel}’: een bericht met een datum die niet te lezen is ({written})"
        return f"‘{titel}’: een bericht zonder datum"
    detail = _inhoud(entry)
    summary = entry.get("summary_detail")
    if any(len((d or {}).get("value") or "") > MAX_TEKENS for d in (detail, summary)):
        return f"‘{titel}’: een bericht van meer dan {MAX_TEKENS // 1000} kB, te groot om over te nemen"
    raw = _html(detail)
    basis = _basis(detail or entry.get("title_detail"), url, link)
    html = schoon(raw, basis)
    text = _WORDPRESS_MEER.sub(" …", _tekst(summary)) if summary else ""
    return FeedBericht(
        guid=(entry.get("id") or "").strip() or link or _hash(titel, datum),
        titel=titel,
        datum=datum,
        link=link,
        html=html,
        samenvatting=samenvatting(text or tekst(html)),
        auteur=_auteur(entry),
        beeld=_beeld(entry, raw, basis),
    )


def _basis(detail: dict | None, url: str, link: str | None) -> str:
    """Where the relative links of an entry's text start: its xml:base, else its page, else the feed.

    feedparser gives every text the base in force, and that is the feed's address (our
    content-location) when the feed sets no xml:base.
    """
    base = (detail or {}).get("base")
    if base and base != url:
        return urljoin(url, base)
    return link or url


def _inhoud(entry: dict) -> dict | None:
    """The text of an entry: its full content (HTML before plain text), else its summary."""
    contents = entry.get("content") or []
    chosen = next((c for c in contents if c.get("type") in _HTML_TYPES), None) or next(iter(contents), None)
    return chosen or entry.get("summary_detail")


def _html(detail: dict | None) -> str:
    if not detail:
        return ""
    value = detail.get("value") or ""
    return value if detail.get("type") in _HTML_TYPES else alineas(value)


def _tekst(detail: dict) -> str:
    """A title or summary as plain text: the text of its HTML, or as written when it is text.

    feedparser calls an RSS title text, but sites put tags in it all the same, and most feed
    readers show them as HTML: text with a tag in it is read as HTML too (`3 < 4` is not).
    """
    value = detail.get("value") or ""
    if detail.get("type") in _HTML_TYPES or _TAG_START.search(value):
        return tekst(value)
    return " ".join(value.split())


def _titel(item: dict) -> str:
    detail = item.get("title_detail")
    return _tekst(detail) if detail else ""


def _datum(entry: dict) -> datetime | None:
    """When an entry was published (else updated), aware: feedparser gives it in UTC."""
    moment = entry.get("published_parsed") or _eigen(entry, "updated_parsed")
    try:
        datum = datetime(*moment[:6], tzinfo=UTC) if moment else None
    except ValueError:  # a year 0 or a 31 February that feedparser let through
        return None
    # 9999 is the year 10000 in Amsterdam on its last evening, which no date can hold: unreadable.
    return datum if datum is None or 1900 <= datum.year <= 9000 else None


def _eigen(entry: dict, key: str):
    """`updated` or `updated_parsed` as the entry has it: feedparser's get() falls back on `published`, with a warning."""
    return entry[key] if key in entry else None  # noqa: SIM401 (get() is what falls back)


def _auteur(entry: dict) -> str | None:
    """Who wrote an entry, by name; an e-mail address alone is no name to show."""
    written = " ".join((entry.get("author") or "").split())
    # RSS writes `info@buurthuis.example (Marja Jansen)`; feedparser splits it wrongly when the
    # domain's last part is longer than it expects (`.example`).
    rss = _RSS_AUTEUR.fullmatch(written)
    name = rss.group("name") if rss else (entry.get("author_detail") or {}).get("name") or written
    name = " ".join(name.split())
    return name if name and not _EMAIL.fullmatch(name) else None


def _beeld(entry: dict, html: str, basis: str) -> Beeld | None:
    """The entry's own image (an enclosure, media:content, media:thumbnail), else the first in its HTML."""
    candidates = [(e.get("href"), e.get("type"), None, None) for e in entry.get("enclosures", ())]
    candidates += [(m.get("url"), "image/", m.get("width"), m.get("height")) for m in entry.get("media_content", ()) if _is_image(m)]
    candidates += [(t.get("url"), "image/", t.get("width"), t.get("height")) for t in entry.get("media_thumbnail", ())]
    for href, kind, width, height in candidates:
        src = http_adres(href, basis)
        if src and (kind or "").startswith("image/") and not _pixel(width, height):
            return Beeld(url=src, alt="")
    found = beelden(html, basis)
    return Beeld(url=found[0][0], alt=found[0][1]) if found else None


def _is_image(media: dict) -> bool:
    return media.get("medium") == "image" or (media.get("type") or "").startswith("image/")


def _pixel(*sizes: str | None) -> bool:
    return any(size and size.strip().isdigit() and int(size) <= PIXEL for size in sizes)


def _hash(titel: str, datum: datetime) -> str:
    """An identity for an entry without guid or link: the same title and date give the same one."""
    return "sha256:" + hashlib.sha256(f"{titel}\n{datum.isoformat()}".encode()).hexdigest()[:32]


def _waarom_geen_feed(body: bytes, parsed: dict, url: str) -> str:
    """Why `body` is no feed, for the wijk's editors."""
    if _HTML_START.search(body[:2048]):
        feeds = _feeds_van_pagina(body, url)
        if feeds:
            return f"{WEBPAGINA}; die pagina noemt zelf deze feed: {feeds[0]} (zet dat adres bij `feed`)"
        return WEBPAGINA
    if not body.strip():
        return f"{ONLEESBAAR}: het antwoord was leeg"
    error = parsed.get("bozo_exception")
    if isinstance(error, xml.sax.SAXParseException):
        return f"{ONLEESBAAR}: het is geen RSS of Atom, en ook geen geldige XML (fout op regel {error.getLineNumber()})"
    return f"{ONLEESBAAR}: het is XML, maar geen RSS of Atom"


class _FeedLinks(HTMLParser):
    """The feeds a web page names in its head: `<link rel="alternate" type="application/rss+xml">`."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: (value or "") for name, value in attrs}
        if tag == "link" and "alternate" in values.get("rel", "").lower().split() and values.get("type", "").lower() in _FEED_TYPES:
            self.hrefs.append(values.get("href", ""))


def _feeds_van_pagina(body: bytes, url: str) -> list[str]:
    links = _FeedLinks()
    links.feed(body.decode("utf-8", "replace"))
    links.close()
    return [href for href in (http_adres(h, url) for h in links.hrefs) if href]
