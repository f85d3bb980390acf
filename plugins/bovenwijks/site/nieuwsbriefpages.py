"""The nieuwsbrief on the web: `/nieuwsbrief/` (the city's), `/nieuwsbrief/<wijk>/`, and each week's.

`/nieuwsbrief/<wijk>/` always shows the letter of the build's week, or says there is none;
every letter of the archive also has a page of its own (`/nieuwsbrief/<wijk>/2026-w49/`),
which is where its feed item links: that address stays while the letter is in the archive.

The letter itself (`brief_html`) is one template for the web, its feed and the mail; only
where its links point differs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from bovenwijks.aantal import aantal
from bovenwijks.city.kennisuitwisseling import Uitwisseling
from bovenwijks.city.nieuwsbrief import ARCHIEF, STAD, Brief, Lijst, Week, brieven
from bovenwijks.dates import dutch_date
from bovenwijks.model import Stad
from bovenwijks.site.pages import SitePage
from bovenwijks.site.render import render

NIEUWSBRIEF = "nieuwsbrief/"


def adres(lijst: str, week: Week | None = None) -> str:
    """The page of a list's letters (`nieuwsbrief/oost/`), or of one week's (`nieuwsbrief/oost/2026-w49/`)."""
    base = NIEUWSBRIEF if lijst == STAD else f"{NIEUWSBRIEF}{lijst}/"
    return f"{base}{week.slug}/" if week else base


@dataclass(frozen=True)
class _Rest:
    """Where a reader finds the rest of a kind of item that a letter leaves out, and how it is said."""

    stad: str  # the city's page
    lijst: str | None  # the wijk's list (`Wijk.alle`), or None for the city's page also in a wijk's letter
    een: str  # after the number: for one, and for more
    veel: str


# What a letter leaves out (`MAX_PER_DAG`, `MAX_PER_SOORT`, `MAX_KOPPELINGEN`), by kind.
_REST = {
    "agenda": _Rest("agenda/", "agenda", "activiteit op {dag} in de agenda", "activiteiten op {dag} in de agenda"),
    "berichten": _Rest("nieuws/", "nieuws", "bericht op de site", "berichten op de site"),
    "initiatieven": _Rest("initiatieven/", "initiatieven", "nieuw initiatief op de site", "nieuwe initiatieven op de site"),
    "vragen": _Rest("kennis/#vragen", "kennis", "vraag op de site", "vragen op de site"),
    "koppelingen": _Rest("kennis/matches/", None, "koppeling op de site", "koppelingen op de site"),
}


def rest(brief: Brief, soort: str, n: int, dag: date | None = None) -> tuple[str, str]:
    """The link to the `n` items of `soort` that `brief` leaves out (of the day `dag`): its text, and its target relative to the site root."""
    found = _REST[soort]
    target = brief.wijk.alle(found.lijst) if brief.wijk is not None and found.lijst else found.stad
    tekst = "Nog " + aantal(n, found.een, found.veel).format(dag=dutch_date(dag, weekday=True) if dag else "")
    return tekst, target


def afgelast_weggelaten(n: int) -> str:
    """What a letter says of the `n` cancelled times it leaves out, and where residents find them."""
    return f"{aantal(n, 'keer die niet doorgaat staat', 'keer die niet doorgaan staan')} niet in deze brief, wel in de agenda."


def titel(brief: Brief) -> str:
    """`Nieuwsbrief Soesterkwartier, week 49 van 2026`: the mail's subject and the feed item's title."""
    return f"Nieuwsbrief {brief.naam}, {brief.week.naam}"


def brief_html(brief: Brief, url: str, *, root: str | None = None, niveau: int = 2) -> str:
    """The letter's HTML, for the page at `url`; with `root` (the site's URL), every link absolute.

    `niveau` is the level of its section headings.
    """
    return render(
        "nieuwsbrief_brief.html",
        url,
        root=root,
        brief=brief,
        stad=brief.stad,
        niveau=niveau,
        adres=adres,
        rest=lambda soort, n, dag=None: rest(brief, soort, n, dag),
        afgelast_weggelaten=afgelast_weggelaten,
        web=root is None,
    )


@dataclass
class Nieuwsbrieven:
    """Every list's letters of the archive, and the week they end with (the build's)."""

    stad: Stad
    week: Week
    lijsten: Mapping[str, Lijst] = field(default_factory=dict)  # by `Brief.lijst`
    per_lijst: dict[str, list[Brief]] = field(default_factory=dict)  # newest first

    @classmethod
    def maak(cls, stad: Stad, week: Week, uitwisseling: Uitwisseling, lijsten: Mapping[str, Lijst], archief: int = ARCHIEF):
        """The letters of the city and of every wijk, for the `archief` weeks up to `week`."""
        result = cls(stad, week, lijsten)
        result.per_lijst[STAD] = brieven(stad, None, week, uitwisseling, archief)
        for slug in stad.wijken:
            result.per_lijst[slug] = brieven(stad, slug, week, uitwisseling, archief)
        return result

    def huidig(self, lijst: str) -> Brief | None:
        """This week's letter of `lijst`, if this week has one."""
        found = self.per_lijst.get(lijst, [])
        return found[0] if found and found[0].week == self.week else None

    def naam(self, lijst: str) -> str:
        """Whose list it is, as residents read it."""
        return self.stad.naam if lijst == STAD else self.stad.wijken[lijst].naam

    def pages(self) -> list[SitePage]:
        """The page of every list (this week's letter), and one per letter of the archive."""
        result = []
        for lijst, letters in self.per_lijst.items():
            result.append(self._page(lijst, self.huidig(lijst), letters, huidig=True))
            result += [self._page(lijst, letter, letters, huidig=False) for letter in letters]
        return result

    def _page(self, lijst: str, brief: Brief | None, letters: list[Brief], *, huidig: bool) -> SitePage:
        url = adres(lijst) if huidig else adres(lijst, brief.week)
        week = brief.week if brief else self.week
        naam = self.naam(lijst)

        def page(body: str) -> str:
            return render(
                "nieuwsbrief.html",
                url,
                stad=self.stad,
                naam=naam,
                lijst=lijst,
                brief=brief,
                week=week,
                huidig=huidig,
                body=brief_html(brief, url) if brief else "",
                eerder=[b for b in letters if b is not brief],
                wijken=[(slug, self.huidig(slug)) for slug in self.stad.wijken] if lijst == STAD and huidig else [],
                aanmelden=self.lijsten.get(lijst, Lijst()).aanmelden,
                feed=feed_path(lijst),
                adres=adres,
                naam_van=self.naam,
            )

        title = f"Nieuwsbrief {naam}" if huidig else f"Nieuwsbrief {naam}, {week.naam}"
        return SitePage(
            f"{url}index.md",
            title,
            page,
            description=f"Wat er te doen is in {naam}, en het nieuws van de week: elke week, op de site en per e-mail.",
            # A letter repeats the pages of its items: a search should lead to those.
            search=False,
            feeds=[(f"Nieuwsbrief {naam}", feed_path(lijst), "application/rss+xml")],
            wijk=None if lijst == STAD else lijst,
        )


def feed_path(lijst: str) -> str:
    """The RSS feed of a list's letters, relative to the site root: `feeds/nieuwsbrief/oost.rss`."""
    return f"feeds/nieuwsbrief/{lijst}.rss"
