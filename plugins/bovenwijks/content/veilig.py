"""HTML from another site (a wijk's own website, its feed or its calendar) made safe to show.

Everything goes through nh3 (the Ammonia sanitizer) with an allow-list: text, its structure and
links stay; scripts, styles, frames, forms, embedded objects, event handlers, `style`, `class`
and `id` go, and so does every image, which residents' browsers must never load from another
host (`beelden` lists them, for the photo pipeline to download). The fetch step cleans what it
writes, and the build cleans the snapshot again: a snapshot is a file anyone can change in a
pull request.
"""

from __future__ import annotations

import re
from html import escape, unescape
from urllib.parse import urljoin, urlsplit

import nh3

# What a bericht's text may hold. No h1: the page has its own, and a source's becomes text.
# `div` and `span` carry no attributes; `div` stays so that two blocks of a page builder
# (WordPress wraps its blocks in them) do not run into one word.
TAGS = frozenset(
    {
        "p", "br", "div", "span", "a", "strong", "em", "b", "i", "u", "s", "ul", "ol", "li",
        "blockquote", "h2", "h3", "h4", "h5", "h6", "pre", "code", "hr",
        "table", "thead", "tbody", "tr", "th", "td", "figure", "figcaption",
        "dl", "dt", "dd", "sub", "sup", "abbr", "cite", "q", "small",
    }
)  # fmt: skip
# Removed together with everything inside them: code (script, style), other documents and
# players (frames, objects, svg, math, video), and what makes no sense without its element
# (a form's labels, a player's "your browser does not support video"). `noscript` holds the
# fallback of trackers: a pixel.
WEG = frozenset(
    {
        "script", "style", "noscript", "template", "iframe", "frame", "frameset", "noframes",
        "object", "embed", "applet", "svg", "math", "video", "audio", "canvas",
        "form", "select", "textarea", "button", "title",
    }
)  # fmt: skip
ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "ol": {"start"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
}
SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# A link to another site gives it no credit in search engines, no window.opener, no referrer.
REL = "nofollow noopener noreferrer"
BEELD_SCHEMES = frozenset({"http", "https"})

# The blocks whose end is a space between words in plain text.
_BLOKKEN = frozenset(TAGS - {"a", "strong", "em", "b", "i", "u", "s", "code", "sub", "sup", "abbr", "cite", "q", "small", "span"})
# nh3 writes its output itself (every `<` of text and of attribute values as `&lt;`), so a `<` in
# it is always a tag, and an attribute is always `name="value"`.
_TAG = re.compile(r"<[^>]*>")
_OPEN_OF_DICHT = re.compile(r"<(/?)([a-z0-9]+)")
_LEEG = frozenset({"br", "hr"})  # elements without an end
# What another site's text may be: longer is cut, deeper becomes plain text (see `schoon`).
MAX_TEKENS = 100_000
MAX_DIEPTE = 64
_URL = re.compile(r"https?://[^\s<>\"']+")
_URL_END = ".,;:!?)]"
_IMG = re.compile(r"<img\b([^>]*)>")
_ATTRIBUTE = re.compile(r'([a-z-]+)="([^"]*)"')
_PRE = re.compile(r"(</?pre>)")
# Whitespace within a line: Python's `str.strip()`, as Markdown uses it, counts \v and \f too.
_BLANK_LINE = re.compile(r"\n[^\S\n]*(?=\n)")
_LINE_IN_PRE = re.compile(r"(?<=\n)([^\S\n]*)\n")
_SPACES_WITH_NEWLINE = re.compile(r"[^\S\n]*\n\s*")
_NUMBER = re.compile(r"\s*(\d+)")
_WHITESPACE = re.compile(r"\s+")
_LAST_WORD = re.compile(r"\S+$")
# What may follow a whole word. Not ’: WordPress writes foto's as foto’s.
_AFTER_A_WORD = frozenset(",.;:!?)]}…”")
# An element with nothing to read in it (`<p>&nbsp;</p>` is WordPress' spacer). Not a table's
# cell: an empty one keeps the columns in their place.
_EMPTY = re.compile(
    r"<(p|div|span|figure|figcaption|blockquote|h[2-6]|pre|code|strong|em|b|i|u|s|small|sub|sup|cite|q|li|ul|ol|dl|dt|dd)>"
    r"(?:\s|&nbsp;|<br>)*</\1>"
    r"|<a\b[^>]*>(?:\s|&nbsp;|<br>)*</a>"
)
_LEVELS = 6
# A tracking pixel is an image of a pixel or two.
PIXEL = 2


def schoon(html: str, basis: str) -> str:
    """`html` from another site, fit to show on ours: only the allow-list, links absolute.

    A relative link is made absolute against `basis` (the address the HTML came from);
    without a usable `basis` it is left out, text kept. The result has no blank lines: it is
    put in a page's Markdown as one raw HTML block, and a blank line would end that block and
    let Markdown read the rest.
    """
    # Beyond these, nh3's parser (and Material's search after it) slows down with the square
    # of the nesting: a hostile text gets cut, a deep one becomes plain paragraphs.
    cleaned = nh3.clean(
        html[:MAX_TEKENS],
        tags=set(TAGS),
        clean_content_tags=set(WEG),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        url_schemes=set(SCHEMES),
        link_rel=REL,
        url_relative=_relatief(basis),
        attribute_filter=_niet_leeg,
        strip_comments=True,
    )
    if _diepte(cleaned) > MAX_DIEPTE:
        return alineas(tekst(cleaned))
    return _zonder_lege_regels(_zonder_lege_elementen(cleaned)).strip()


def _diepte(html: str) -> int:
    """How deep the elements of nh3's (well-formed) `html` nest."""
    deepest = depth = 0
    for closing, name in _OPEN_OF_DICHT.findall(html):
        if name in _LEEG:
            continue
        depth += -1 if closing else 1
        deepest = max(deepest, depth)
    return deepest


def alineas(text: str) -> str:
    """Plain text as HTML: a blank line starts a paragraph, a line break is a <br>, web addresses are links.

    Everything is escaped; the result has no blank lines (it goes into Markdown as one HTML block).
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            paragraphs[-1].append(_met_links(line.strip()))
        elif paragraphs[-1]:
            paragraphs.append([])
    return "\n".join(f"<p>{'<br>'.join(p)}</p>" for p in paragraphs if p)


def _met_links(line: str) -> str:
    out, at = [], 0
    for match in _URL.finditer(line):
        url = match.group().rstrip(_URL_END)
        out += [escape(line[at : match.start()]), f'<a href="{escape(url)}" rel="nofollow noopener noreferrer">{escape(url)}</a>']
        at = match.start() + len(url)
    return "".join([*out, escape(line[at:])])


def tekst(html: str) -> str:
    """The plain text of `html`: entities decoded, whitespace collapsed, blocks a space apart.

    What comes back is text, not HTML: a `<` in it is a character, to be escaped where it is shown.
    """
    blocks = nh3.clean(html, tags=set(_BLOKKEN), clean_content_tags=set(WEG), attributes={}, link_rel=None)
    return _WHITESPACE.sub(" ", unescape(_TAG.sub(" ", blocks))).strip()


def samenvatting(text: str, tekens: int = 300) -> str:
    """`text` cut after a word within `tekens` characters, with " …"; shorter text as it is."""
    text = _WHITESPACE.sub(" ", text).strip()
    if len(text) <= tekens:
        return text
    limit = max(tekens - len(" …"), 1)
    head = text[:limit]
    if not head[-1].isspace() and not text[limit].isspace() and text[limit] not in _AFTER_A_WORD:
        # The cut falls inside a word (`foto|'s`): it goes, unless it is the only one.
        head = _LAST_WORD.sub("", head) or head
    return head.rstrip(" ,;:.-–—") + " …"


def beelden(html: str, basis: str) -> list[tuple[str, str]]:
    """The images of `html` as (absolute http(s) URL, alt), in order, without tracking pixels.

    A pixel is an image whose `width` or `height` is at most two; an image with a `data:` or
    `javascript:` source, or none, is left out.
    """
    images = nh3.clean(
        html,
        tags={"img"},
        clean_content_tags=set(WEG),
        attributes={"img": {"src", "alt", "width", "height"}},
        url_schemes=set(BEELD_SCHEMES),
        url_relative=_relatief(basis),
        attribute_filter=_niet_leeg,
        link_rel=None,
    )
    found = []
    for match in _IMG.finditer(images):
        attributes = {name: unescape(value) for name, value in _ATTRIBUTE.findall(match.group(1))}
        src = attributes.get("src", "").strip()
        if urlsplit(src).scheme not in BEELD_SCHEMES or _pixel(attributes):
            continue
        found.append((src, _WHITESPACE.sub(" ", attributes.get("alt", "")).strip()))
    return found


def _niet_leeg(tag: str, attribute: str, value: str) -> str | None:
    """An empty link is left out: made absolute it would point at `basis`, not where it meant to."""
    if attribute in ("href", "src") and not value.strip():
        return None
    return value


def _zonder_lege_elementen(html: str) -> str:
    """`html` without the elements that are empty once their images and code are gone.

    A paragraph that held only a photo would be a gap, and a link around a photo a link
    without a name. Inner ones first, so that a list of empty items goes too; a few levels
    only, so that a source nesting thousands of empty elements costs a few passes, not thousands.
    """
    for _ in range(_LEVELS):
        fewer = _EMPTY.sub("", html)
        if fewer == html:
            break
        html = fewer
    return html


def _pixel(attributes: dict[str, str]) -> bool:
    for name in ("width", "height"):
        number = _NUMBER.match(attributes.get(name, ""))
        if number and int(number.group(1)) <= PIXEL:
            return True
    return False


def http_adres(address: str | None, basis: str = "") -> str | None:
    """`address` made absolute against `basis`, when it then is an http(s) address with a host;
    None for anything else (`javascript:`, `mailto:`, `http://[kapot`)."""
    if not address or not address.strip():
        return None
    try:
        absolute = urljoin(basis, address.strip())
        parts = urlsplit(absolute)
        return absolute if parts.scheme in ("http", "https") and parts.hostname else None
    except ValueError:  # `http://[kapot`: not an address
        return None


def _relatief(basis: str) -> str | tuple[str, str]:
    """How nh3 treats a relative URL: made absolute against `basis`, or left out without one."""
    basis = basis.strip()
    return ("rewrite_with_base", basis) if http_adres(basis) else "deny"


def _zonder_lege_regels(html: str) -> str:
    """`html` without a line that is empty or only spaces.

    Between blocks and in running text such a line is only whitespace, and goes. Inside `<pre>`
    it is part of the text: there its line end is written as `&#10;`, which shows the same.
    """
    parts = _PRE.split(html)
    depth = 0
    for number, part in enumerate(parts):
        if part == "<pre>":
            depth += 1
        elif part == "</pre>":
            depth = max(depth - 1, 0)
        elif depth:
            parts[number] = _LINE_IN_PRE.sub(r"\1&#10;", part)
        else:
            parts[number] = _SPACES_WITH_NEWLINE.sub("\n", part)
    joined = "".join(parts)
    # A part may end on a line end and the next begin with one (`\n</pre>\n`): never a blank line.
    return _BLANK_LINE.sub("", joined)
