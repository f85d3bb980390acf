"""An item's HTML made fit for elsewhere: feeds, calendars and open data.

On the site, an editor's relative links (`../initiatieven/repair-cafe.md`, `foto.jpg`) are
resolved by the engine. A feed reader sees the same HTML far from the site, so every link
must be absolute, resolved the way the engine resolves it: from the Markdown file's place.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import urljoin, urlsplit, urlunsplit

import lxml.html

# The `¶` anchors the toc extension adds to headings are for the page, and noise elsewhere.
_HEADERLINKS = './/a[contains(concat(" ", normalize-space(@class), " "), " headerlink ")]'


def page_url(src_uri: str) -> str:
    """The URL (relative to the site root) of the page made of the Markdown file `src_uri`."""
    directory, name = posixpath.split(src_uri)
    stem = name.removesuffix(".md")
    if stem in ("index", "README"):
        return f"{directory}/" if directory else ""
    return posixpath.join(directory, stem) + "/"


def absolute_link(link: str, src_uri: str, site_url: str) -> str:
    """`link`, written in the Markdown file `src_uri`, as an absolute URL under `site_url`."""
    parts = urlsplit(link)
    if parts.scheme or link.startswith("//"):
        return link
    if link.startswith("/"):  # host-relative, as a browser reads it
        return urljoin(site_url, link)
    if not parts.path:  # `#anchor` or `?query`: the page itself
        target = page_url(src_uri)
    else:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), parts.path))
        if target.endswith(".md"):
            target = page_url(target)
        elif parts.path.endswith("/") and not target.endswith("/"):
            target += "/"
        target = target.removeprefix("./").lstrip("/") if target != "." else ""
    return urlunsplit(("", "", site_url + target, parts.query, parts.fragment))


# The heading anchor exactly as Python-Markdown's toc extension writes it.
_HEADERLINK = re.compile(r'<a class="headerlink" href="#[^"<>]*" title="[^"<>]*">&para;</a>')
# Anything lxml's `rewrite_links` would change: link attributes, `<object>`, and `url(...)`
# in CSS. Plain substrings, because they are fast: a word in the text that looks like one
# only sends that body the slow and sure way.
_LINKS = ("href", "src", "action", "background", "cite", "longdesc", "usemap", "poster", "profile", "<object", "<applet", "url(", "@import")


def absolute_html(html: str, src_uri: str, site_url: str) -> str:
    """The HTML of the Markdown file `src_uri` with every link absolute and no heading anchors."""
    html = _HEADERLINK.sub("", html)
    lower = html.lower()
    if not any(link in lower for link in _LINKS):
        # Most bodies link nowhere: no need to parse and write them again (10,000 of them).
        return html.strip()
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for anchor in root.xpath(_HEADERLINKS):
        anchor.drop_tree()
    root.rewrite_links(lambda link: absolute_link(link, src_uri, site_url))
    inner = lxml.html.tostring(root, encoding="unicode")
    return inner.removeprefix("<div>").removesuffix("</div>").strip()


def plain_text(html: str) -> str:
    """The text of `html`, a paragraph per block and a line per list item, without markup."""
    if not html.strip():
        return ""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    paragraphs = [root.text or ""]
    for block in root.iterchildren():
        if block.tag in ("ul", "ol"):
            paragraphs.append("\n".join(f"- {_words(li.text_content())}" for li in block.iterchildren("li")))
        else:
            paragraphs.append(block.text_content())
        paragraphs.append(block.tail or "")
    return "\n\n".join(p if p.startswith("- ") else _words(p) for p in paragraphs if p.strip())


def excerpt(html: str, limit: int = 280) -> str | None:
    """The first paragraph of `html` as text, cut after a word within `limit` characters."""
    first = plain_text(html).split("\n\n", 1)[0]
    if not first:
        return None
    if len(first) <= limit:
        return first
    # One character more: a cut that falls just before a space keeps its last word.
    return first[: limit + 1].rsplit(" ", 1)[0].rstrip(",;:.") + " …"


def _words(text: str) -> str:
    return " ".join(text.split())
