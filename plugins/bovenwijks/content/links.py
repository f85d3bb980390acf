"""Checking the links in the text of every page of a city, as MkDocs 1.6 resolves them.

A link in Markdown names a file, relative to the page it is on, as the page has its place
among the site's pages (`content.plaats`): `[De kledingbank](kledingbank.md)`. MkDocs
turns it into the page's address, and warns, in English and without a line, about a link
to a missing file or heading, a link that starts with `/`, and a link to an address
(`kledingbank/`) instead of a file. Each of those is checked here first, in Dutch, on its
line, with the link to write instead, so that `bovenwijks check` fails wherever
`mkdocs build --strict` would (`mkdocs.yml` sets every kind of link validation to `warn`).

`<a href>` in an editor's HTML is passed on by MkDocs as it is: it names an address, seen
from the page's address, and is checked as a browser would follow it.

The pages our plugins make of the whole city (the agenda, the overviews, thema and hulp
pages, their later pages) are known only once they are made. A link into their folders
(`GEGENEREERD`) is trusted here; when it does not resolve, MkDocs' own warning says so.
The posters of the agenda (`affiche.pdf` beside each wijk's home, and the city's in
`agenda/`) are made with the site, and are places a link may point at too.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from html import unescape
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from types import MappingProxyType
from urllib.parse import unquote, urlsplit

import markdown

from bovenwijks.content.geschiedenis import Geschiedenis
from bovenwijks.content.plaats import DOCS, INDEX, WIJKEN, adres, plaats
from bovenwijks.content.problem import Problem
from bovenwijks.content.source import read_source
from bovenwijks.content.suggest import closest, did_you_mean
from bovenwijks.content.tekst import Link, lees
from bovenwijks.model import STAD_AFFICHE, Wijk

# The folders of the site our plugins fill with pages made of the whole city, and the first
# page of each, which is always made.
GEGENEREERD = ("agenda", "nieuws", "initiatieven", "themas", "hulp", "helpen", "kennis", "volgen", "data")
ALTIJD = (
    *(f"{folder}/{INDEX}" for folder in GEGENEREERD),
    f"agenda/archief/{INDEX}",
    f"kennis/matches/{INDEX}",
    f"{WIJKEN}/{INDEX}",
)
# The Markdown extensions that give a page's headings and elements their ids, as mkdocs.yml
# has them (MkDocs always adds toc and fenced_code).
ANKER_EXTENSIES = ("toc", "attr_list", "md_in_html", "fenced_code", "tables", "admonition")

_EXTERN = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")  # https:, mailto:, tel: ... (and C: on Windows: not ours either)
_HEADING = re.compile(r"<h([1-6])\b[^>]*?\bid=\"([^\"]*)\"[^>]*>(.*?)</h\1>", re.S)
_ID = re.compile(r"<[a-zA-Z][^>]*?\s(?:id|name)=\"([^\"]*)\"")
_TAG = re.compile(r"<[^>]+>")
KOPPEN_GETOOND = 5  # headings named in a message, closest first


def gegenereerd(path: str) -> bool:
    """Whether the place or address `path` is inside a folder of pages made of the whole city
    (`agenda/archief/index.md`, `themas/`), compared by its parts."""
    parts = PurePosixPath(path).parts
    return bool(parts) and parts[0] in GEGENEREERD and (len(parts) > 1 or path.endswith("/"))


@dataclass(frozen=True)
class Pagina:
    """A page whose text is checked: its repository file, its place in the site, and its links."""

    path: str
    place: str
    links: tuple[Link, ...]


class _Ids(HTMLParser):
    """The ids in an editor's raw HTML, as MkDocs collects them (`_HTMLHandler`)."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is not None and (name == "id" or (name == "name" and tag == "a")):
                self.ids.add(value)


def ankers(text: str, md: markdown.Markdown | None = None) -> dict[str, str]:
    """Every anchor of the page made of the Markdown `text`: id → the heading's text ('' for
    an id that is no heading). Made by Python-Markdown itself, with the extensions of
    `ANKER_EXTENSIES`: headings slugified by toc (`_1` for the second of a name), `{#id}`."""
    md = md or markdown.Markdown(extensions=list(ANKER_EXTENSIES))
    md.reset()
    html = md.convert(text)
    found = {unescape(ident): "" for ident in _ID.findall(html)}
    parser = _Ids()
    parser.feed(text)
    parser.close()
    found.update({ident: "" for ident in parser.ids if ident not in found})
    for _, ident, title in _HEADING.findall(html):
        found[unescape(ident)] = unescape(_TAG.sub("", title)).strip()
    return found


@cache
def _markdown() -> markdown.Markdown:
    """The one converter the anchors are read with: making one is slow."""
    return markdown.Markdown(extensions=list(ANKER_EXTENSIES))


# Kept for the process: under `mkdocs serve` every build checks the links into the same
# pages, and converting a long one (the editors' guide) was a seventh of loading a city.
@lru_cache(maxsize=1024)
def bewaarde_ankers(text: str) -> Mapping[str, str]:
    """`ankers(text)`, read-only, and made once for each text."""
    return MappingProxyType(ankers(text, _markdown()))


@dataclass
class Site:
    """Every place of a city's site that a link may point at, and what is known of places
    that are not (any longer) there.

    `places`: every file of the docs_dir, every published file and page of the wijken, and
    the pages that are always made. `tekst` gives the Markdown of a page, for its anchors
    (None: not known before the build). `hernoemd` and `verwijderd` are places of the
    repository's renamed and removed files (their current file, or gone); `kapot` the places
    of files left out for a mistake in them, with that mistake's file and line.
    """

    places: set[str]
    tekst: Mapping[str, str | Path]
    wijken: Mapping[str, str] = field(default_factory=dict)  # slug → name
    hernoemd: Mapping[str, tuple[str, str]] = field(default_factory=dict)  # old place → (old, current repository path)
    verwijderd: Mapping[str, str] = field(default_factory=dict)  # place → the removed repository path
    kapot: Mapping[str, tuple[str, int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._ankers: dict[str, Mapping[str, str] | None] = {}
        self._adressen: dict[str, str] | None = None
        self._vermist: dict[str, str] | None = None
        self._mappen: dict[str, list[str]] | None = None

    def bestaat(self, place: str) -> bool:
        """Whether a link to `place` resolves in the build (or may: pages made of the city)."""
        return place in self.places or gegenereerd(place)

    def ankers(self, place: str) -> Mapping[str, str] | None:
        """The anchors of the page at `place`; None when its text is not known before the build."""
        if place not in self._ankers:
            text = self.tekst.get(place)
            if isinstance(text, Path):
                try:
                    text = text.read_text(encoding="utf-8-sig")
                except (OSError, UnicodeDecodeError):
                    text = None
                text = _without_frontmatter(text) if text is not None else None
            self._ankers[place] = None if text is None else bewaarde_ankers(text)
        return self._ankers[place]

    def op_adres(self, address: str) -> str | None:
        """The place whose address (relative to the site root) is `address`, if any."""
        if self._adressen is None:
            self._adressen = {adres(p): p for p in sorted(self.places, reverse=True)}  # `x.md` before `x/index.md`
        address = address.lstrip("/")
        for key in (address, address.rstrip("/") + "/" if address else ""):
            if key in self._adressen:
                return self._adressen[key]
        return None

    def vermist(self, address: str) -> str | None:
        """The place, not on the site now, of a renamed, removed or broken page whose address is `address`."""
        if self._vermist is None:
            self._vermist = {adres(p): p for p in sorted([*self.hernoemd, *self.verwijderd, *self.kapot], reverse=True)}
        address = address.lstrip("/")
        return self._vermist.get(address) or self._vermist.get(address.rstrip("/") + "/")

    def naast(self, place: str) -> list[str]:
        """The names of the places in the folder of `place`."""
        if self._mappen is None:
            self._mappen = {}
            for p in sorted(self.places):
                folder, name = posixpath.split(p)
                self._mappen.setdefault(folder, []).append(name)
        return self._mappen.get(posixpath.dirname(place), [])

    def dichtstbij(self, place: str) -> str | None:
        """The existing place closest to the missing `place`: in its folder (by the names
        without their extension first: `wijkplan.md` is not close to `index.md`), else a place
        of the same name in a folder of a close name (`../initiatieven/x.md` for `../initiatief/x.md`)."""
        folder, name = posixpath.split(place)
        stem, suffix = posixpath.splitext(name)
        naast = self.naast(place)
        stems = {posixpath.splitext(n)[0]: n for n in naast if posixpath.splitext(n)[1] == suffix}
        best = closest(stem, stems)
        if best:
            return posixpath.join(folder, stems[best[0]])
        # Then by the whole name, for a mistyped suffix (`folder.pfd`): among the other
        # suffixes only, or `.md` alone would make `markt.md` close to `buurt.md`.
        best = closest(name, [n for n in naast if posixpath.splitext(n)[1] != suffix])
        if best:
            return posixpath.join(folder, best[0])
        # Only in a folder whose name is close: any `index.md` is in some folder.
        elders = {posixpath.dirname(p): p for p in sorted(self.places) if posixpath.basename(p) == name}
        best = closest(folder, elders)
        return elders[best[0]] if best else None


def _without_frontmatter(text: str) -> str:
    lines = text.replace("\r\n", "\n").split("\n")
    if lines and lines[0].rstrip() == "---":
        for end in range(1, len(lines)):
            if lines[end].rstrip() in ("---", "..."):
                return "\n".join(lines[end + 1 :])
    return text


def relatief(target: str, page: str) -> str:
    """The link to write in the page at place `page` to reach the place `target`."""
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


def _tail(query: str, anchor: str) -> str:
    return (f"?{query}" if query else "") + (f"#{anchor}" if anchor else "")


class _Checker:
    def __init__(self, site: Site, wijken_dir: str, docs_dir: str):
        self.site, self.wijken_dir, self.docs_dir = site, wijken_dir, docs_dir
        self.gemeld: set[tuple[str, str]] = set()

    def check(self, pagina: Pagina) -> list[Problem]:
        problems = []
        for link in pagina.links:
            problem = self._link(pagina, link)
            if problem is not None:
                problems.append(problem)
                self.gemeld.add((pagina.place, link.doel.strip()))
        return problems

    def _link(self, pagina: Pagina, link: Link) -> Problem | None:
        doel = link.doel.strip()
        if not doel or _EXTERN.match(doel) or doel.startswith("//"):
            return None  # empty (Markdown links nothing), another site, mailto:, tel:
        _, _, path, query, anchor = urlsplit(doel)
        tail = _tail(query, anchor)

        def problem(message: str, elders: tuple[tuple[str, int], ...] = ()) -> Problem:
            return Problem(pagina.path, link.line, f"link '{doel}' {message}", fatal=False, elders=elders)

        if doel.startswith(("/", "\\")):
            return problem(self._absoluut(pagina, unquote(path), tail))
        if link.html:
            return self._html(pagina, unquote(path), tail, problem)
        if not path:
            return self._anker(pagina, pagina.place, anchor, "", problem) if anchor else None
        path = unquote(path)
        target = posixpath.normpath(posixpath.join(posixpath.dirname(pagina.place), path)).lstrip("/")
        if target in self.site.places or (gegenereerd(target) and posixpath.splitext(target)[1]):
            return self._anker(pagina, target, anchor, path, problem) if anchor else None
        if not posixpath.splitext(path)[1]:  # MkDocs: an "unrecognized relative link", an address
            guess = self._bedoeld(pagina, path)
            if guess is not None:
                return problem(
                    f"wijst naar een adres, niet naar een bestand; link naar het bestand van de pagina: schrijf '{relatief(guess, pagina.place)}{tail}'"
                )
            return self._ontbreekt(pagina, target.rstrip("/") + ".md", tail, problem)
        # Written as the repository has it: `../../../content/over.md`, `Repair-Cafe.md`.
        repo = posixpath.normpath(posixpath.join(posixpath.dirname(pagina.path), path))
        meant = plaats(repo, self.wijken_dir, self.docs_dir)
        if meant is not None and meant != target and meant in self.site.places:
            return problem(f"wijst naar een pagina die niet bestaat; bedoel je '{relatief(meant, pagina.place)}{tail}'?")
        return self._ontbreekt(pagina, target, tail, problem)

    def _bedoeld(self, pagina: Pagina, path: str) -> str | None:
        """The page an address-like link (`kledingbank/`) meant, found as MkDocs guesses it:
        from the page's file, then from its address (`../kledingbank/` on an item's page)."""
        if posixpath.normpath(path) == ".":
            return pagina.place
        for base in (posixpath.dirname(pagina.place), adres(pagina.place).rstrip("/")):
            target = posixpath.normpath(posixpath.join(base, path)).lstrip("/")
            for guess in (target, posixpath.join(target, INDEX), target + ".md"):
                if guess in self.site.places:
                    return guess
            if gegenereerd(target):
                return posixpath.join(target, INDEX)  # a page made of the city: the build tells if it is not there
        return None

    def _ontbreekt(self, pagina: Pagina, target: str, tail: str, problem) -> Problem:
        site = self.site
        if target in site.hernoemd:
            oud, nieuw = site.hernoemd[target]
            now = plaats(nieuw, self.wijken_dir, self.docs_dir) or target
            return problem(f"wijst naar {oud}, dat is hernoemd naar {nieuw}; schrijf '{relatief(now, pagina.place)}{tail}'", ((nieuw, 1),))
        if target in site.verwijderd:
            oud = site.verwijderd[target]
            return problem(f"wijst naar {oud}, dat is verwijderd; haal de link weg of laat hem naar een andere pagina wijzen")
        if target in site.kapot:
            bestand, line = site.kapot[target]
            return problem(
                f"wijst naar {bestand}, dat niet op de site komt omdat er een fout in staat; los eerst die fout op", ((bestand, line),)
            )
        soort = "een pagina die" if target.endswith(".md") else "een bestand dat"
        parts = target.split("/")
        eigen = pagina.place.split("/")[1] if pagina.place.startswith(f"{WIJKEN}/") else None
        if len(parts) > 2 and parts[0] == WIJKEN and parts[1] != eigen:
            if parts[1] not in site.wijken:
                return problem(f"wijst naar de wijk '{parts[1]}', die niet bestaat; {did_you_mean(parts[1], site.wijken)}")
            waar = f" in de wijk {site.wijken[parts[1]]}"
        else:
            waar = ""
        best = site.dichtstbij(target)
        if best is not None:
            return problem(f"wijst naar {soort} niet bestaat{waar}; bedoel je '{relatief(best, pagina.place)}{tail}'?")
        return problem(f"wijst naar {soort} niet bestaat{waar}; kijk of de naam klopt, of haal de link weg")

    def _absoluut(self, pagina: Pagina, path: str, tail: str) -> str:
        place = self.site.op_adres(path)
        if place is None and path.lstrip("/") and not posixpath.splitext(path)[1]:
            guess = path.strip("/") + "/" + INDEX
            place = guess if guess in ALTIJD else None
        if place is not None:
            return (
                "begint met een /, en dan werkt hij niet overal waar de site staat; schrijf de link naar het bestand, "
                f"relatief vanaf deze pagina: '{relatief(place, pagina.place)}{tail}'"
            )
        bekend = self._bekend(pagina, path, tail)
        if bekend is not None:
            return bekend
        if gegenereerd(path.lstrip("/")):
            return "begint met een /, en dan werkt hij niet overal waar de site staat; schrijf de link naar het bestand, relatief vanaf deze pagina"
        return (
            "begint met een /, en de site heeft geen pagina met dat adres; "
            "schrijf een link naar het bestand van de pagina die je bedoelt, relatief vanaf deze pagina (zoals '../index.md')"
        )

    def _bekend(self, pagina: Pagina, path: str, tail: str) -> str | None:
        """What an absolute link to the address of a renamed, removed or broken page should say;
        None when no page of the repository had that address."""
        site = self.site
        place = site.vermist(path)
        if place is None:
            return None
        if place in site.hernoemd:
            oud, nieuw = site.hernoemd[place]
            return (
                f"begint met een /, en wijst naar {oud}, dat is hernoemd naar {nieuw}; schrijf de link naar het bestand, "
                f"relatief vanaf deze pagina: '{relatief(plaats(nieuw, self.wijken_dir, self.docs_dir) or place, pagina.place)}{tail}'"
            )
        if place in site.verwijderd:
            return f"begint met een /, en wijst naar {site.verwijderd[place]}, dat is verwijderd; haal de link weg of laat hem naar een andere pagina wijzen"
        bestand, _ = site.kapot[place]
        return (
            "begint met een /, en dan werkt hij niet overal waar de site staat; schrijf de link naar het bestand, relatief vanaf "
            f"deze pagina: '{relatief(place, pagina.place)}{tail}' (die pagina staat nu niet op de site, omdat er een fout in {bestand} staat)"
        )

    def _html(self, pagina: Pagina, path: str, tail: str, problem) -> Problem | None:
        if not path:
            return None  # `#anker` in HTML: the browser's business, MkDocs checks nothing
        address = posixpath.normpath(posixpath.join(adres(pagina.place) or ".", path))
        if address == ".":
            return None
        if self.site.op_adres(address + ("/" if path.endswith("/") else "")) is not None or gegenereerd(address):
            return None
        target = posixpath.normpath(posixpath.join(posixpath.dirname(pagina.place), path))
        if target in self.site.places:
            return problem(
                "staat in HTML (<a href>), en zo'n link zet de site niet om naar het adres van de pagina; "
                f"schrijf hem als Markdown-link: [tekst]({relatief(target, pagina.place)}{tail})"
            )
        return problem(
            "staat in HTML (<a href>) en wijst naar een adres dat niet bestaat; schrijf hem als Markdown-link naar het bestand: [tekst](pagina.md)"
        )

    def _anker(self, pagina: Pagina, target: str, anchor: str, path: str, problem) -> Problem | None:
        found = self.site.ankers(target)
        if found is None or anchor in found:
            return None
        koppen = {ident: title for ident, title in found.items() if title}
        waar = "deze pagina heeft" if target == pagina.place else f"de pagina '{path}' heeft"
        if not koppen:
            return problem(f"wijst naar een kop die er niet is: {waar} geen koppen; laat '#{anchor}' weg")
        order = closest(anchor, koppen, n=len(koppen))
        named = [*order, *(k for k in koppen if k not in order)][:KOPPEN_GETOOND]
        lijst = ", ".join(f"'{koppen[k]}' (#{k})" for k in named)
        hint = f"bedoel je '{path}#{order[0]}'? Koppen" if order else "koppen"
        return problem(f"wijst naar een kop die er niet is: {waar} geen kop '#{anchor}'; {hint} op die pagina: {lijst}")


@dataclass
class Gecontroleerd:
    """The problems of a city's links, and which links they are about: (the page's place,
    the link as written), so that the build can leave out MkDocs' own warning for each."""

    problems: list[Problem] = field(default_factory=list)
    gemeld: set[tuple[str, str]] = field(default_factory=set)


def check(paginas: Iterable[Pagina], site: Site, wijken_dir: str = WIJKEN, docs_dir: str = DOCS) -> Gecontroleerd:
    """The problems of every link in the text of `paginas`, in Dutch with the link to write."""
    checker = _Checker(site, wijken_dir, docs_dir)
    problems = [problem for pagina in paginas for problem in checker.check(pagina)]
    return Gecontroleerd(problems, checker.gemeld)


def _docs(root: Path, docs_dir: str) -> dict[str, Path]:
    """Every file of the docs_dir by its place (MkDocs leaves out dotfiles)."""
    top = root / docs_dir
    found = {}
    for directory, subdirs, names in os.walk(top):
        subdirs[:] = [d for d in subdirs if not d.startswith(".")]
        inner = os.path.relpath(directory, top)
        for name in names:
            if not name.startswith("."):
                found[name if inner == "." else f"{inner.replace(os.sep, '/')}/{name}"] = Path(directory, name)
    return found


def check_stad(
    root: Path,
    wijken: Mapping[str, Wijk],
    teksten: Mapping[str, list[Link]],
    problems: Iterable[Problem],
    geschiedenis: Geschiedenis,
    wijken_dir: str = WIJKEN,
    docs_dir: str = DOCS,
) -> Gecontroleerd:
    """Check every link in the city's pages: the docs_dir's Markdown pages (read here) and the
    wijken's files, whose links the loader found (`teksten`: repository path → links).

    `problems` are those found so far: a file left out for a mistake is named as the reason
    a link to it does not work. Images that had a problem (`Wijk.tekstbeelden`) are counted
    as reported too: the photos check told the editor in Dutch.
    """
    docs = _docs(root, docs_dir)
    places = set(docs) | set(ALTIJD) | {STAD_AFFICHE}
    tekst: dict[str, str | Path] = {}
    namen = {}
    for wijk in wijken.values():
        namen[wijk.slug] = wijk.naam
        home = f"{WIJKEN}/{wijk.slug}/{INDEX}"
        places.add(home)
        tekst[home] = wijk.body
        places.add(wijk.affiche)  # its poster, made with the site (`publish.affiche`)
        if wijk.wijkplan is not None:
            places.add(plaats(wijk.wijkplan.source, wijken_dir, docs_dir))
            tekst[plaats(wijk.wijkplan.source, wijken_dir, docs_dir)] = wijk.wijkplan.body
        for item in wijk.items():
            place = f"{WIJKEN}/{item.identity}.md"
            places.add(place)
            tekst[place] = item.body
        for path in wijk.pages:
            place = plaats(path, wijken_dir, docs_dir)
            places.add(place)
            if place.endswith(".md"):
                tekst[place] = root / path
    paginas = []
    for place, file in sorted(docs.items()):
        if not place.endswith(".md"):
            continue
        source, _ = read_source(file, f"{docs_dir}/{place}", frontmatter_required=False)
        if source is None:
            continue  # MkDocs says what it makes of an unreadable page
        tekst[place] = source.body
        paginas.append(Pagina(f"{docs_dir}/{place}", place, tuple(lees(source.body, source.body_line).links)))
    for path, links in teksten.items():
        place = plaats(path, wijken_dir, docs_dir)
        if place is not None and links:
            paginas.append(Pagina(path, place, tuple(links)))
    kapot: dict[str, tuple[str, int]] = {}
    for problem in problems:
        place = plaats(problem.path, wijken_dir, docs_dir) if problem.fatal else None
        if place is not None and place not in places:
            kapot.setdefault(place, (problem.path, problem.line))
    hernoemd, verwijderd = {}, {}
    for oud, nieuw in geschiedenis.hernoemd.items():
        place, now = plaats(oud, wijken_dir, docs_dir), plaats(nieuw, wijken_dir, docs_dir)
        if place is not None and place not in places and (now in places or now in kapot):  # broken now: its own message says why
            hernoemd[place] = (oud, nieuw)
    for oud in geschiedenis.verwijderd:
        place = plaats(oud, wijken_dir, docs_dir)
        if place is not None and place not in places:
            verwijderd[place] = oud
    site = Site(places, tekst, namen, hernoemd, verwijderd, kapot)
    result = check(paginas, site, wijken_dir, docs_dir)
    for wijk in wijken.values():
        for beeld in wijk.tekstbeelden:
            if beeld.bestand is None:
                result.gemeld.add((plaats(beeld.path, wijken_dir, docs_dir), beeld.src))
    return result
