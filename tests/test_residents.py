"""A site for residents, not a manual (issue 13): what a resident meets first, built and read.

Pure functions first (this week and the weekend, the chart's smallest text), then plugin
events, then a built city: the layout's parts, the pages by task, following a wijk, and the
weight of each kind of page in the search.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from types import SimpleNamespace

import pytest
from city import plugin_class

from bovenwijks.city import overzicht
from bovenwijks.city.agenda import BINNENKORT_MAX, agenda, binnenkort
from bovenwijks.dates import TZ
from bovenwijks.model import Activiteit, Stad, Vocabulaire, Wijk
from bovenwijks.site import chart, searchable, wijkpages

# -- this week and the weekend --------------------------------------------------------------


def _stad(*dagen: tuple[str, str | None]) -> Stad:
    agenda = [
        Activiteit(
            wijk="oost",
            slug=f"a{n}",
            source=f"wijken/oost/agenda/a{n}.md",
            titel=f"A{n}",
            start=datetime.fromisoformat(start).replace(hour=10, tzinfo=TZ),
            eind=datetime.fromisoformat(eind).replace(hour=12, tzinfo=TZ) if eind else None,
        )
        for n, (start, eind) in enumerate(dagen)
    ]
    wijk = Wijk(slug="oost", naam="Oost", source="wijken/oost/index.md", agenda=agenda)
    return Stad(naam="Teststad", wijken={"oost": wijk}, vocabulaire=Vocabulaire({}, {}))


# 2026-11-23 is a Monday; the weekend is 28 and 29 November.
@pytest.mark.parametrize(
    "vandaag,dagen,week,weekend,zaterdag",
    [
        (
            "2026-11-23",
            [("2026-11-23", None), ("2026-11-27", None), ("2026-11-28", None), ("2026-11-30", None)],
            ["A0", "A1"],
            ["A2"],
            "2026-11-28",
        ),
        # A Friday-to-Saturday activiteit belongs to both; one that is over is in neither.
        ("2026-11-25", [("2026-11-24", None), ("2026-11-27", "2026-11-28")], ["A1"], ["A1"], "2026-11-28"),
        # On a Saturday there is no "rest of the week"; what started on Friday and goes on is in the weekend.
        ("2026-11-28", [("2026-11-27", "2026-11-28"), ("2026-11-29", None)], [], ["A0", "A1"], "2026-11-28"),
        # On a Sunday, the weekend is the one we are in, not the next.
        ("2026-11-29", [("2026-11-28", None), ("2026-11-29", None), ("2026-12-05", None)], [], ["A1"], "2026-11-28"),
        ("2026-11-23", [], [], [], "2026-11-28"),
    ],
)
def test_binnenkort_is_the_rest_of_the_week_and_the_weekend(vandaag, dagen, week, weekend, zaterdag):
    dag = date.fromisoformat(vandaag)
    result = binnenkort(agenda(_stad(*dagen), dag).komend, dag)
    assert [a.titel for a in result.deze_week] == week
    assert [a.titel for a in result.weekend] == weekend
    assert result.zaterdag == date.fromisoformat(zaterdag) and (result.zondag - result.zaterdag).days == 1


def test_a_full_week_shows_its_first_times_and_the_agenda_lists_the_rest_once():
    """In a big city this week has hundreds of times: the blocks show the first, `later` the rest."""
    dag = date(2026, 11, 23)  # a Monday
    dagen = [(f"2026-11-{23 + n % 5}", None) for n in range(BINNENKORT_MAX + 8)]  # Monday to Friday
    dagen += [("2026-11-28", None)] * (BINNENKORT_MAX + 3) + [("2026-12-02", None)]
    komend = agenda(_stad(*dagen), dag).komend
    result = binnenkort(komend, dag)
    assert (len(result.deze_week), result.meer_week) == (BINNENKORT_MAX, 8)
    assert (len(result.weekend), result.meer_weekend) == (BINNENKORT_MAX, 3)
    assert result.ingekort
    later = result.later(komend)
    # Every time is shown once: in a block or, in order, after them.
    assert sorted(k.titel for k in [*result.deze_week, *result.weekend, *later]) == sorted(k.titel for k in komend)
    assert [k.start for k in later] == sorted(k.start for k in later) and later[-1].titel == f"A{len(dagen) - 1}"
    assert not binnenkort(komend[:3], dag).ingekort
    # A time from Friday to Saturday that "Deze week" leaves out but "Dit weekend" shows is not counted as left out.
    dagen = [("2026-11-23", None)] * (BINNENKORT_MAX + 1) + [("2026-11-27", "2026-11-28"), ("2026-11-28", None)]
    komend = agenda(_stad(*dagen), dag).komend
    result = binnenkort(komend, dag)
    assert (result.meer_week, result.meer_weekend) == (1, 0) and len(result.later(komend)) == 1


def test_the_charts_smallest_text_is_12_px_on_a_320_px_screen(city):
    from bovenwijks.content.load import load_stad

    for wijk in ("oost", "west"):
        city.wijk(wijk, naam="Een wijk met een heel lange naam" if wijk == "oost" else None)
        city.initiatief(wijk, "een", themas=["ontmoeting", "ondersteuning"])
    stad = load_stad(city.root).stad
    svg = chart.thema_chart(stad, overzicht.thema_per_wijk(stad))
    width = int(re.search(r'viewBox="0 0 (\d+) ', svg).group(1))
    sizes = [int(size) for size in re.findall(r'font-size="(\d+)"', svg)]
    assert sizes and min(sizes) * chart.SMALLEST_SCREEN / width >= 12


# -- plugin events --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "meta,hidden",
    [({}, ["navigation", "toc"]), ({"hide": ["navigation"]}, ["navigation"]), ({"hide": []}, [])],
)
def test_pages_leave_out_the_sidebar_and_contents_unless_they_say_otherwise(city, meta, hidden):
    from mkdocs.config import load_config

    plugin = plugin_class("wijken")()
    plugin.load_config({})
    config = load_config(str(city.root / "mkdocs.yml"))
    plugin.on_config(config)
    page = SimpleNamespace(meta=dict(meta), file=SimpleNamespace(src_uri="over.md"))
    plugin.on_page_markdown("", page=page, config=config, files=None)
    assert page.meta["hide"] == hidden


# -- a built city ---------------------------------------------------------------------------


def _city(city):
    city.wijk("oost", naam="Oost")
    city.wijk("west", naam="West & Zo")
    city.initiatief("oost", "soep", titel="Buurtsoep", status="actief", contact={"naam": "Els", "email": "els@oost.example"})
    city.initiatief("oost", "idee", titel="Een nieuwe moestuin", status="idee")
    city.initiatief("oost", "klaar", titel="Afgerond project", status="afgerond")
    city.initiatief("west", "tuin", titel="<b>Tuin</b>", status="gepauzeerd")
    city.activiteit("oost", "soepavond", titel="Soepavond", start="2026-11-28 18:00", initiatief="soep")
    city.kennis("oost", "vraag")
    city.write("content/over.md", "# Over deze site\n")


def test_a_page_has_no_sidebar_contents_pencil_or_next_link_and_the_edit_link_at_its_foot(city):
    _city(city)
    html = city.build(strict=True).page("wijken/oost/initiatieven/soep/")
    assert re.search(r'<div class="md-sidebar md-sidebar--primary"[^>]*hidden', html)
    assert re.search(r'<div class="md-sidebar md-sidebar--secondary"[^>]*hidden', html)
    assert "md-content__button" not in html and "md-footer__link" not in html
    assert 'class="md-tabs"' in html
    article = html[html.index('id="inhoud"') :]
    assert article.index("<h1") < article.index("Pagina aanpassen (voor redacteuren)")
    footer = html[html.index('class="md-copyright"') :]
    assert "Material for MkDocs" not in footer and "open data" not in footer.lower()
    assert "Je mag de teksten overnemen als je de bron noemt" in footer


def test_the_agenda_opens_with_this_week_and_the_weekend(city):
    _city(city)
    html = city.build(strict=True).page("agenda/")
    weekend = html.index('id="dit-weekend"')
    assert "zaterdag 28 november en zondag 29 november" in html
    assert weekend < html.index("Soepavond") < html.index('id="later"')
    # What is on this weekend is not listed a second time under "Later".
    assert html.count(">Soepavond</a>") == 1


def test_a_full_week_on_the_agenda_and_the_home_links_the_rest_and_loses_nothing(city):
    city.wijk("oost", naam="Oost")
    for n in range(BINNENKORT_MAX + 5):  # this week, Tuesday 24 November (the build's Monday is the 23rd)
        city.activiteit("oost", f"week-{n:02d}", start=f"2026-11-24 {8 + n % 12:02d}:00", titel=f"Week {n:02d}")
    city.activiteit("oost", "weekend", start="2026-11-28 10:00", titel="Weekendmarkt")
    city.activiteit("oost", "later", start="2026-12-10 10:00", titel="Later in december")
    result = city.build(strict=True)
    html = result.article("agenda/")
    week = html[html.index('id="deze-week"') : html.index('id="dit-weekend"')]
    assert len(re.findall(r'class="bw-event__title"', week)) == BINNENKORT_MAX
    assert '<a href="./#later">Nog 5 keer deze week in de agenda</a>' in week
    assert '<h2 id="later">Meer deze week en later</h2>' in html
    rest = html[html.index('id="later"') :]
    assert html.count(">Weekendmarkt</a>") == 1 and "Later in december" in rest
    # Every time is on the page once: the five left out of the block come after it, in order.
    titels = re.findall(r'class="bw-event__title" href="[^"]+">(Week \d+)</a>', html)
    assert sorted(titels) == [f"Week {n:02d}" for n in range(BINNENKORT_MAX + 5)] and len(set(titels)) == len(titels)
    home = result.article("")
    assert len(re.findall(r">Week \d+</a>", home)) == BINNENKORT_MAX
    assert '<a href="agenda/#later">Nog 5 keer deze week in de agenda</a>' in home


def test_helpen_lists_what_a_resident_can_join_per_wijk_with_a_contact(city):
    _city(city)
    html = city.build(strict=True).page("helpen/")
    assert "<h1>Meedoen en helpen</h1>" in html
    groups = re.findall(r'<section data-wijk="([^"]+)"', html)
    assert groups == ["oost"]  # west's only initiatief is paused: nothing to join
    assert html.index("Buurtsoep") < html.index("Een nieuwe moestuin")  # actief before idee
    assert "Afgerond project" not in html and "&lt;b&gt;Tuin" not in html
    assert 'href="mailto:els@oost.example"' in html
    assert "data-mijn-wijk-eerst" in html
    assert 'href="../meedoen/"' in html and 'href="../kennis/"' in html


def test_helpen_shows_a_few_initiatieven_per_wijk_and_links_the_rest_on_the_wijks_page(city):
    """A wijk with many initiatieven must not make /helpen/ grow with the city (no page over 300 KB)."""
    city.wijk("oost", naam="Oost")
    city.wijk("west", naam="West")
    for n in range(overzicht.MEEDOEN_PER_WIJK + 2):
        city.initiatief("oost", f"groep-{n}", titel=f"Groep {n:02d}")
    city.initiatief("oost", "stil", titel="Groep stil", status="gepauzeerd")  # nothing to join: not counted
    city.initiatief("west", "tuin", titel="Tuin West")
    result = city.build(strict=True)
    html = result.page("helpen/")
    oost = html[html.index('data-wijk="oost"') : html.index('data-wijk="west"')]
    shown = re.findall(r'class="bw-news__title" href="[^"]+">(Groep \d+)</a>', oost)
    assert shown == [f"Groep {n:02d}" for n in range(overzicht.MEEDOEN_PER_WIJK)]
    # The count is of those not shown; the wijk's page shows every initiatief, paused ones too.
    more = "Nog 2 initiatieven in Oost waaraan je kunt meedoen, bij alle initiatieven van de wijk"
    assert f'<a href="../wijken/oost/alle/initiatieven/">{more}</a>' in oost
    assert "Nog " not in html[html.index('data-wijk="west"') :]  # West has one: all of them shown
    # Where the link goes, every one of them is.
    wijk = result.page("wijken/oost/alle/initiatieven/")
    assert all(f"Groep {n:02d}" in wijk for n in range(overzicht.MEEDOEN_PER_WIJK + 2)) and "Groep stil" in wijk


def test_a_wijks_home_shows_its_live_initiatieven_first_and_the_overview_links_its_list(city):
    """Of a long list the home shows the first twelve: those a resident can join, not the finished ones."""
    city.wijk("oost", naam="Oost")
    for n in range(wijkpages.OP_DE_WIJKPAGINA):
        city.initiatief("oost", f"oud-{n}", titel=f"A oud {n:02d}", status="afgerond")
    city.initiatief("oost", "zwemmen", titel="Zwemclub", status="actief")
    city.initiatief("oost", "plan", titel="Moestuinplan", status="idee")
    result = city.build(strict=True)
    titels = re.findall(r'class="bw-card__title"><a href="[^"]+">([^<]+)</a>', result.article("wijken/oost/"))
    assert titels[:3] == ["Zwemclub", "Moestuinplan", "A oud 00"] and len(titels) == wijkpages.OP_DE_WIJKPAGINA
    lijst = re.findall(r'class="bw-card__title"><a href="[^"]+">([^<]+)</a>', result.article("wijken/oost/alle/initiatieven/"))
    assert lijst[:2] == ["Zwemclub", "Moestuinplan"] and lijst[-1] == f"A oud {wijkpages.OP_DE_WIJKPAGINA - 1:02d}"
    assert '<a href="../wijken/oost/alle/initiatieven/">Oost</a>' in result.article("initiatieven/")


def test_a_wijk_can_be_followed_from_its_home(city):
    _city(city)
    html = city.build(strict=True).page("wijken/west/")
    block = html[html.index('id="volg-deze-wijk"') :]
    block = block[: block.index("</section>")]
    assert 'href="webcal://stad.example/kalender/wijken/west.ics"' in block
    assert "Agenda van West &amp; Zo op je telefoon" in block
    assert 'href="../../feeds/wijken/west.rss"' in block and 'href="../../volgen/"' in block
    assert 'data-mijn-wijk-knop="west"' in html and "bovenwijks:volg" not in html


def test_the_wijken_page_says_what_to_do_when_your_wijk_is_missing(city):
    _city(city)
    html = city.build(strict=True).page("wijken/")
    part = html[html.index('id="niet-erbij"') :]
    assert "Staat jouw wijk er niet bij?" in part and 'href="../meedoen/"' in part and 'href="../hulp/"' in part


def test_the_search_ranks_help_and_things_to_do_above_organisers_questions(city):
    _city(city)
    result = city.build(strict=True)
    docs = json.loads((result.site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    boost = {d["location"]: d.get("boost", 1) for d in docs if "#" not in d["location"]}
    assert boost["wijken/oost/initiatieven/soep/"] == searchable.GEWICHT["initiatief"]
    assert boost["wijken/oost/agenda/soepavond/"] == searchable.GEWICHT["activiteit"]
    assert boost["wijken/oost/kennis/vraag/"] == searchable.GEWICHT["kennis"]
    assert searchable.GEWICHT["kennis"] < searchable.GEWICHT["initiatief"] <= searchable.GEWICHT["hulp"]


# The words docs/taal.md keeps off resident pages: /data/ is for developers, /meedoen/ for
# editors, and the accessibility statement names the tools it is accountable for.
JARGON = re.compile(r"\b(platform|open data|kennisuitwisseling|matches|overeenkomende|material for mkdocs)\b", re.I)
NOT_FOR_RESIDENTS = {"data", "meedoen", "toegankelijkheid", "search", "assets"}


def test_resident_pages_speak_plain_dutch(city):
    _city(city)
    city.initiatief("west", "wijs", titel="Wijze buren", biedt=[{"onderwerp": "repareren"}], zoekt=[{"onderwerp": "taal"}])
    city.initiatief("oost", "leer", titel="Leerhuis", biedt=[{"onderwerp": "taal"}], zoekt=[{"onderwerp": "repareren"}])
    city.kennis("west", "ervaring", soort="ervaring")
    result = city.build(strict=True)
    found = []
    for path in sorted(result.site.rglob("*.html")):
        relative = path.relative_to(result.site)
        if relative.parts[0] in NOT_FOR_RESIDENTS:
            continue
        html = path.read_text(encoding="utf-8")
        # What a resident reads: the text and the labels, not the URLs (/kennis/matches/ stays).
        text = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
        text = " ".join(re.findall(r'(?:title|aria-label|alt)="([^"]*)"', text)) + re.sub(r"<[^>]+>", " ", text)
        found += [f"{relative}: {match.group(0)}" for match in JARGON.finditer(text)]
    assert not found, "\n".join(found[:20])
