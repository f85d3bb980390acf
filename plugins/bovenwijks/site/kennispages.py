"""The kennis pages ("Kennis delen"), and what they add to the pages of wijken and items.

`/kennis/` is the hub, `/kennis/<onderwerp>/` a page per onderwerp and `/kennis/matches/`
every match. The names `index` and `matches` are therefore no onderwerp ids: the vocabulary
refuses them (`vocabulaire.GERESERVEERD`). Long listings are paginated (`/kennis/matches/2/`),
so that no page grows with the city.
"""

from __future__ import annotations

from collections.abc import Callable
from math import ceil

from markupsafe import Markup

from bovenwijks.city.kennisuitwisseling import Antwoord, Match, Onderwerpkennis, Regel, Uitwisseling
from bovenwijks.city.paginate import paginate
from bovenwijks.content.vocabulaire import GERESERVEERD
from bovenwijks.content.vocabulaire import PATH as VOCABULAIRE
from bovenwijks.model import Kennis
from bovenwijks.site.pages import SitePage
from bovenwijks.site.render import KENNIS_PLEK, render
from bovenwijks.slug import slugify

HUB = "kennis/"
MATCHES = "kennis/matches/"
# How many matches, or entries of each list of an onderwerp, a page shows.
PER_PAGE = 48
# How many vragen and ervaringen the hub shows; the pages per onderwerp list them all.
HUB_VRAGEN = 20
HUB_ERVARINGEN = 10
VRAGEN_ANKER = "beantwoorde-vragen"


def onderwerp_url(ident: str) -> str:
    """The URL of an onderwerp's (first) page, relative to the site root."""
    return f"{HUB}{ident}/"


def _groups(entries: list[Match | Antwoord], uitwisseling: Uitwisseling) -> list[tuple[str, str, list[Match | Antwoord]]]:
    """The entries of one matches page under their headings: (anchor, heading, entries)."""
    groups: list[tuple[str, str, list[Match | Antwoord]]] = []
    for entry in entries:
        if isinstance(entry, Match):
            key, naam = f"onderwerp--{entry.regel.onderwerp}", uitwisseling.onderwerp(entry.regel.onderwerp).onderwerp.naam
        else:
            key, naam = VRAGEN_ANKER, "Vragen met een antwoord uit een andere wijk"
        if not groups or groups[-1][0] != key:
            groups.append((key, naam, []))
        groups[-1][2].append(entry)
    return groups


_ROOT = "\0"  # where a fragment's links start, until it is placed on a page


def _place(html: str, section: str) -> str:
    """`html` with `section` in place of its `KENNIS_PLEK`, or else after it."""
    if KENNIS_PLEK in html:
        return html.replace(KENNIS_PLEK, section, 1)
    return html + section


class KennisPages:
    """The pages of the kennisuitwisseling of one build, and where each match is on them."""

    def __init__(self, uitwisseling: Uitwisseling, per_page: int = PER_PAGE):
        """Lay out the matches pages of `uitwisseling`, `per_page` matches to a page."""
        self.uitwisseling = uitwisseling
        self.stad = uitwisseling.stad
        self.per_page = per_page
        antwoorden = uitwisseling.beantwoorde_vragen()
        self.matches = paginate([*uitwisseling.alle_matches(), *antwoorden], MATCHES, per_page)
        self._plaats: dict[str, str] = {}
        for pagina in self.matches:
            for key, _, group in _groups(pagina.items, uitwisseling):
                self._plaats.setdefault(key, pagina.url)
                self._plaats.update((entry.anker, pagina.url) for entry in group)
        # Without answered vragen, the last page says so under this heading.
        self._plaats.setdefault(VRAGEN_ANKER, self.matches[-1].url)
        self.heeft_antwoorden = bool(antwoorden)
        self._fragments: dict[tuple[tuple, str], Markup] = {}

    def match_url(self, anker: str) -> str:
        """The URL of a match, an onderwerp's matches or a vraag's answers on the matches pages."""
        return f"{self._plaats.get(anker, MATCHES)}#{anker}"

    def regel_html(self, regel: Regel, root: str) -> Markup:
        """One `biedt` or `zoekt` entry as HTML, on a page `root` (`../../`) below the site root.

        The same entry is shown on many pages (every seeker lists its best offers): it is
        rendered once, with its links from the site root (see `_fragment`).
        """
        return self._fragment((regel.anker,), root, "kennis_regel.html", r=regel, stad=self.stad)

    def kennis_html(self, kennis: Kennis, root: str, show_wijk: bool = True, antwoord: Antwoord | None = None) -> Markup:
        """A vraag or ervaring as HTML, on a page `root` below the site root, like `regel_html`.

        `antwoord`: the ervaringen that answer a vraag, linked when there are any.
        """
        anker = antwoord.anker if antwoord and antwoord.beste else None
        return self._fragment(
            (kennis.identity, show_wijk, anker),
            root,
            "kennis_entry.html",
            k=kennis,
            stad=self.stad,
            kp=self,
            show_wijk=show_wijk,
            antwoord=antwoord,
        )

    def _fragment(self, key: tuple, root: str, template: str, **context) -> Markup:
        """`template` rendered once with `_ROOT` where its links start, then placed at `root`.

        Pages at three depths show the same entries; replacing a marker is much faster than
        rendering again. The marker is a NUL character, which YAML text cannot hold.
        """
        html = self._fragments.get((key, root))
        if html is None:
            unplaced = self._fragments.get((key, _ROOT))
            if unplaced is None:
                unplaced = self._fragments[(key, _ROOT)] = Markup(render(template, "", root=_ROOT, **context))
            html = self._fragments[(key, root)] = Markup(str.replace(unplaced, _ROOT, root))
        return html

    def regels(self, regels: list[Regel], root: str) -> Markup:
        """`regel_html` of each of `regels`, one after the other: a list in one call."""
        return Markup("".join([self.regel_html(regel, root) for regel in regels]))

    def kennissen(self, items: list[Kennis], root: str, antwoorden: bool = False) -> Markup:
        """`kennis_html` of each of `items`; with `antwoorden`, each vraag links its answers."""
        antwoord = self.uitwisseling.antwoord
        return Markup("".join([self.kennis_html(k, root, True, antwoord(k) if antwoorden else None) for k in items]))

    def _context(self) -> dict:
        return {
            "u": self.uitwisseling,
            "stad": self.stad,
            "match_url": self.match_url,
            "kp": self,
            "VRAGEN_ANKER": VRAGEN_ANKER,
            "heeft_antwoorden": self.heeft_antwoorden,
        }

    def _page(self, template: str, src_uri: str, title: str, description: str | None, source: str | None = None, **context) -> SitePage:
        def page(body: str) -> str:
            return render(template, site_page.url, body=body, **self._context(), **context)

        pagina = context.get("pagina")
        site_page = SitePage(src_uri, title, page, source=source, description=description, search=pagina is None or pagina.number == 1)
        return site_page

    def pages(self) -> list[SitePage]:
        """The hub, the pages of every onderwerp, and the matches pages."""
        pages = [
            self._page(
                "kennis_hub.html",
                f"{HUB}index.md",
                "Kennis delen",
                f"Wat initiatieven in {self.stad.naam} elkaar kunnen leren: per onderwerp wie kennis aanbiedt en wie zoekt.",
                vragen_max=HUB_VRAGEN,
                ervaringen_max=HUB_ERVARINGEN,
            )
        ]
        for pagina in self.matches:
            pages.append(
                self._page(
                    "kennis_matches.html",
                    pagina.src_uri,
                    "Wie kan jullie helpen?",
                    "Voor alles wat een initiatief zoekt: de initiatieven in andere wijken die het aanbieden.",
                    pagina=pagina,
                    groepen=_groups(pagina.items, self.uitwisseling),
                )
            )
        for kennis in self.uitwisseling.gesorteerd():
            ident = kennis.onderwerp.id
            # Without a readable vocabulary any word is an onderwerp; only slugs make addresses.
            if ident in GERESERVEERD or slugify(ident) != ident:
                continue
            pages.extend(self._onderwerp_pages(kennis))
        return pages

    def _onderwerp_pages(self, kennis: Onderwerpkennis) -> list[SitePage]:
        """An onderwerp's pages: page n continues each of its four lists from where page n-1 stopped."""
        lijsten = {"biedt": kennis.biedt, "zoekt": kennis.zoekt, "vragen": kennis.vragen, "ervaringen": kennis.ervaringen}
        count = max(1, *(ceil(len(lijst) / self.per_page) for lijst in lijsten.values()))
        pages = []
        for pagina in paginate(list(range(count)), onderwerp_url(kennis.onderwerp.id), 1):
            start = (pagina.number - 1) * self.per_page
            deel = {naam: lijst[start : start + self.per_page] for naam, lijst in lijsten.items()}
            pages.append(
                self._page(
                    "kennis_onderwerp.html",
                    pagina.src_uri,
                    kennis.onderwerp.naam,
                    kennis.onderwerp.beschrijving,
                    source=VOCABULAIRE,
                    kennis=kennis,
                    pagina=pagina,
                    deel=deel,
                )
            )
        return pages

    def sections(self) -> dict[str, Callable[[str], str]]:
        """What the kennis pages add to other pages, by their source path: page HTML in, page HTML out.

        Every wijk's home gets what the wijk can share and is looking for; every initiatief
        page who in other wijken can help it and who seeks what it offers; every vraag the
        ervaringen of other wijken that answer it, and every ervaring the vragen it answers.
        A section goes where the page has `KENNIS_PLEK` (an initiatief's closed "Kennis
        delen"), or else at its end. The HTML is made only when asked for.
        """
        sections: dict[str, Callable[[str], str]] = {}

        def add(src_uri: str, url: str, template: str, **context) -> None:
            sections[src_uri] = lambda html: _place(html, render(template, url, **self._context(), **context))

        # The source paths under which the wijken plugin mounts these pages (`wijkpages`).
        for wijk in self.stad.wijken.values():
            add(f"{wijk.url}index.md", wijk.url, "kennis_wijk.html", wijk=wijk)
            for initiatief in wijk.initiatieven:
                if initiatief.biedt or initiatief.zoekt:
                    add(f"wijken/{initiatief.identity}.md", initiatief.url, "kennis_initiatief.html", item=initiatief)
            for item in wijk.kennis:
                add(f"wijken/{item.identity}.md", item.url, "kennis_item.html", item=item)
        return sections
