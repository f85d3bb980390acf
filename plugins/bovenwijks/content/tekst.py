"""What the Markdown text of a page points at: its images and its links, outside code, each
with its line.

One scanner for both, so that the photos check (`content.afbeelding`) and the link check
(`content.links`) agree on what is code, what a reference definition is, and which line a
mistake is on. It reads the text as Python-Markdown does for what matters here: fenced and
indented code, code spans, `[tekst](doel "titel")`, `[tekst][ref]` with `[ref]: doel`,
and `<img>` / `<a href>` in an editor's HTML. A link's text may run over more lines.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

# A destination, `(doel)` or `(<doel met spaties>)`: a name may hold one pair of parentheses,
# as `foto(1).jpg` does.
_DESTINATION = r"(?P<src><[^<>\n]*>|(?:[^()\s]|\([^()\s]*\))+)"
_TITLE = r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?"
_MARKDOWN_IMAGE = re.compile(r"!\[(?P<alt>(?:[^\]\\]|\\.)*)\]" r"(?:\(\s*" + _DESTINATION + _TITLE + r"\s*\)|\[(?P<ref>[^\]]*)\])?")
# A link's text may hold brackets one deep (`[de [oude] site](x.md)`), and run over lines,
# but not over a blank line: that ends the paragraph.
_LINK_TEXT = r"(?P<text>(?:[^\[\]\\\n]|\\.|\n(?![ \t]*\n)|\[[^\[\]\n]*\])*)"
_MARKDOWN_LINK = re.compile(r"(?<![!\\\]])\[" + _LINK_TEXT + r"\]" r"(?:\(\s*" + _DESTINATION + _TITLE + r"\s*\)|\[(?P<ref>[^\]]*)\])?")
# `[ref]: doel`; a footnote (`[^1]: tekst`) is none.
_DEFINITION = re.compile(r"^[ ]{0,3}\[(?P<label>[^\]^\n][^\]\n]*)\]:[ \t]*(?P<src><[^<>\n]*>|\S+)[^\n]*$", re.MULTILINE)
HTML_IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_HTML_LINK = re.compile(r"<a\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:.|\n)*?\1")
_NOT_NEWLINE = re.compile(r"[^\n]")
_NEWLINE = re.compile(r"\n")


@dataclass(frozen=True)
class Verwijzing:
    """An image in a page's text: what it says it shows, where it points, and its line."""

    alt: str
    src: str
    line: int


@dataclass(frozen=True)
class Link:
    """A link in a page's text: where it points as written (`../over.md#doel`), and its line.

    `html` for `<a href>` in an editor's HTML, which MkDocs passes on as it is. A reference
    link is the line of its definition (`[ref]: doel`), where the address is written.
    """

    doel: str
    line: int
    html: bool = False


@dataclass
class Tekst:
    """The images and links of a text, in the order they appear."""

    beelden: list[Verwijzing] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


def attributes(tag: str) -> dict[str, str]:
    """The attributes of an HTML tag, by lower-case name (`<img src="a.jpg" alt="">`)."""
    return {name.lower(): next((v for v in values if v), "") for name, *values in _ATTRIBUTE.findall(tag)}


def _prose(markdown: str) -> str:
    """`markdown` with its code blanked out, every line kept where it was.

    A line indented by four spaces is code, as Python-Markdown reads it, when it follows a
    blank line (or more code) outside a list. Inside a list it is the item's own text, or a
    nested list, where links are links.
    """
    lines = []
    fence: str | None = None
    in_list = code = False
    blank_before = True
    for line in markdown.split("\n"):
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            lines.append("")
            continue
        if opening:
            fence = opening.group(1)
            lines.append("")
            continue
        if not line.strip():
            blank_before = True
            lines.append("")
            continue
        indented = line.startswith(("    ", "\t"))
        if indented and not in_list and (blank_before or code) and not line.strip().startswith("<"):
            code, blank_before = True, False
            lines.append("")
            continue
        if _LIST_ITEM.match(line):
            in_list = True
        elif not indented and blank_before:
            in_list = False  # a paragraph at the margin, after a blank line, ends the list
        code, blank_before = False, False
        lines.append(_CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line))
    return "\n".join(lines)


def _label(text: str) -> str:
    """A reference's label as Markdown matches it: case and runs of spaces don't count."""
    return " ".join(text.split()).lower()


def _blank(match: re.Match) -> str:
    return _NOT_NEWLINE.sub(" ", match.group(0))


def lees(markdown: str, first_line: int = 1) -> Tekst:
    """Every image and link in `markdown`, outside code, with its line (the text starts on `first_line`)."""
    text = _prose(markdown)
    # Where each line starts, once: counting from the start for every link is quadratic.
    starts = [0, *(found.end() for found in _NEWLINE.finditer(text))]

    def line(offset: int) -> int:
        return bisect_right(starts, offset) - 1 + first_line

    definitions: dict[str, tuple[str, int]] = {}
    for found in _DEFINITION.finditer(text):
        definitions.setdefault(_label(found.group("label")), (found.group("src").strip("<>"), line(found.start())))
    text = _DEFINITION.sub(_blank, text)  # a definition is no text: `[ref]` in it links nothing
    result = Tekst()
    used: dict[str, int] = {}  # the definitions links use, by label, in the order first used

    def image(match: re.Match) -> str:
        alt = match.group("alt").replace("\\", "").strip()
        if match.group("src") is not None:
            result.beelden.append(Verwijzing(alt, match.group("src").strip("<>"), line(match.start())))
        else:  # by reference: `![alt][ref]`, `![alt][]` or `![alt]`
            found = definitions.get(_label(match.group("ref") or alt))
            if found is None:
                return match.group(0)  # no such reference: Markdown shows the text as it is
            result.beelden.append(Verwijzing(alt, found[0], line(match.start())))
        return _blank(match)

    text = _MARKDOWN_IMAGE.sub(image, text)  # blanked: `[![foto](a.jpg)](b.md)` is a link around it
    for match in HTML_IMAGE.finditer(text):
        attrs = attributes(match.group(0))
        result.beelden.append(Verwijzing(attrs.get("alt", "").strip(), attrs.get("src", ""), line(match.start())))
    result.beelden.sort(key=lambda b: b.line)
    for match in _MARKDOWN_LINK.finditer(text):
        if match.group("src") is not None:
            result.links.append(Link(match.group("src").strip("<>"), line(match.start("src"))))
            continue
        label = _label(match.group("ref") or match.group("text"))
        if label in definitions:
            used.setdefault(label, len(used))
    result.links.extend(Link(*definitions[label]) for label in used)
    for match in _HTML_LINK.finditer(text):
        href = attributes(match.group(0)).get("href")
        if href is not None:
            result.links.append(Link(href, line(match.start()), html=True))
    result.links.sort(key=lambda link: link.line)
    return result
