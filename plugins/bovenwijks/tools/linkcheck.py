"""Checking a built site's links: every internal link must reach a file, every #anchor an id.

MkDocs' own `validation:` only sees the links written in Markdown. The pages our plugins
generate, the theme's links and the absolute links to the site's own address (canonical,
feeds) are only visible in the built HTML, so this reads the site as a browser would.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from bovenwijks.content.problem import Problem

# Where a page links to, or loads from, another URL.
LINK_ATTRIBUTES = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "script": ("src",),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "form": ("action",),
}
# A stand-in for the site's address when it has none: resolving against it never leaves it.
LOCAL = "https://site.invalid/"


@dataclass
class _Page:
    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, int]] = field(default_factory=list)  # (URL as written, line)


class _Reader(HTMLParser):
    """Collects a page's ids and the URLs it links to, with their lines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = _Page()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.page.ids.add(value)
            elif name in LINK_ATTRIBUTES.get(tag, ()):
                urls = _srcset(value) if name == "srcset" else [value]
                self.page.links.extend((url, line) for url in urls if url.strip())

    handle_startendtag = handle_starttag


def _srcset(value: str) -> list[str]:
    """The URLs of a `srcset`: comma-separated candidates of a URL and a size."""
    return [candidate.split()[0] for candidate in value.split(",") if candidate.split()]


def read_page(html: str) -> _Page:
    """The ids of an HTML page and the links in it."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.page


def _inside(path: str, base: str) -> str | None:
    """`path` relative to the site's base path, compared by parts; None when outside it."""
    parts = [unquote(part) for part in PurePosixPath(path).parts if part != "/"]
    base_parts = [part for part in PurePosixPath(base).parts if part != "/"]
    if parts[: len(base_parts)] != base_parts:
        return None
    inner = "/".join(parts[len(base_parts) :])
    return inner + "/" if path.endswith("/") and inner else inner


class SiteLinks:
    """A built site, read once, that answers whether a URL inside it resolves."""

    def __init__(self, site: Path, site_url: str = "") -> None:
        self.site = site
        self.base = site_url if site_url.endswith("/") else (site_url + "/" if site_url else LOCAL)
        self._pages: dict[str, _Page] = {}

    def page(self, relative: str) -> _Page:
        """The page at `relative` (`wijken/oost/index.html`), read on first use."""
        if relative not in self._pages:
            self._pages[relative] = read_page((self.site / relative).read_text(encoding="utf-8", errors="replace"))
        return self._pages[relative]

    def target(self, inner: str) -> str | None:
        """The file a server sends for the site path `inner`, as a path in the site; None if none."""
        path = self.site / inner if inner else self.site
        if path.is_dir():
            index = path / "index.html"
            return (PurePosixPath(inner) / "index.html").as_posix() if index.is_file() else None
        return inner if path.is_file() else None

    def check_page(self, relative: str) -> list[Problem]:
        """Every broken internal link or anchor on the page at `relative`."""
        page_url = urljoin(self.base, relative)
        base = urlsplit(self.base)
        problems = []
        for written, line in self.page(relative).links:
            url = urljoin(page_url, written.strip())
            parts = urlsplit(url)
            if (parts.scheme, parts.netloc) != (base.scheme, base.netloc):
                continue  # another site, mailto:, tel:, data: ... not ours to check
            location = f"{self.site.name}/{relative}"
            inner = _inside(parts.path, base.path)
            if inner is None:
                problems.append(Problem(location, line, f"link '{written}' wijst buiten de site (die staat op {self.base})"))
                continue
            target = self.target(inner)
            if target is None:
                problems.append(
                    Problem(location, line, f"link '{written}' wijst naar '{inner or '/'}', maar die pagina of dat bestand bestaat niet")
                )
                continue
            anchor = unquote(parts.fragment)
            if anchor and target.endswith(".html") and anchor not in self.page(target).ids:
                problems.append(
                    Problem(
                        location,
                        line,
                        f"link '{written}' wijst naar het anker '#{anchor}', maar '{inner or '/'}' heeft geen element met id '{anchor}'",
                    )
                )
        return problems


def check_site(site: Path, site_url: str = "") -> list[Problem]:
    """Every broken internal link or #anchor in the built site in `site`.

    Links to `site_url` (the address the site is published at) count as internal; a link to
    the same host outside its path (`/wijken/` on a site under `/stad/`) is broken.
    """
    links = SiteLinks(site, site_url)
    problems = []
    for file in sorted(site.rglob("*.html")):
        problems.extend(links.check_page(file.relative_to(site).as_posix()))
    return problems


HELP = "controleer de links en ankers van een gebouwde site (eerst make build)"


def arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of `bovenwijks linkcheck`."""
    parser.add_argument("site", nargs="?", default="site", help="de map van de gebouwde site (standaard: site)")
    parser.add_argument("--site-url", default="", help="het adres waarop de site staat; links daarheen tellen als intern")


def run(args: argparse.Namespace) -> int:
    """Check a built site; 1 when any link is broken, 2 when it is no built site."""
    site = Path(args.site)
    if not (site / "index.html").is_file():
        print(f"{site} is geen gebouwde site (er staat geen index.html in); bouw haar eerst met `make build`.", file=sys.stderr)
        return 2
    problems = check_site(site, args.site_url)
    for problem in problems:
        print(problem)
    pages = sum(1 for _ in site.rglob("*.html"))
    if problems:
        print(f"{len(problems)} kapotte {'link' if len(problems) == 1 else 'links'} in {pages} pagina's.", file=sys.stderr)
        return 1
    print(f"Alle links in orde in {pages} pagina's.", file=sys.stderr)
    return 0
