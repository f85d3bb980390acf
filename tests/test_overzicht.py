"""The stedelijk overzicht: nothing is lost, listings are paginated, filters work without JS."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from bovenwijks.city.paginate import paginate
from bovenwijks.keuzes import SOORT, STATUS
from bovenwijks.mkdocs import ASSETS
from bovenwijks.site import searchable
from bovenwijks.site.render import relative_url

# -- pure functions ----------------------------------------------------------------------


@pytest.mark.parametrize("count,per_page,pages,last", [(0, 3, 1, 0), (3, 3, 1, 3), (4, 3, 2, 1), (7, 3, 3, 1)])
def test_paginate(count, per_page, pages, last):
    result = paginate(list(range(count)), "nieuws/", per_page)
    assert len(result) == pages
    assert len(result[-1].items) == last
    assert [p.url for p in result] == ["nieuws/"] + [f"nieuws/{n}/" for n in range(2, pages + 1)]
    assert sum(len(p.items) for p in result) == count


@pytest.mark.parametrize(
    "number,count,shown",
    [
        (1, 1, [1]),
        (1, 3, [1, 2, 3]),
        (1, 10, [1, 2, 3, None, 10]),
        (6, 10, [1, None, 4, 5, 6, 7, 8, None, 10]),
        (10, 10, [1, None, 8, 9, 10]),
        (4, 10, [1, 2, 3, 4, 5, 6, None, 10]),
    ],
)
def test_page_links_stay_few(number, count, shown):
    pagina = paginate(list(range(count)), "nieuws/", 1)[number - 1]
    assert [entry and entry[0] for entry in pagina.links()] == shown


@pytest.mark.parametrize(
    "target,base,expected",
    [
        ("wijken/oost/", "wijken/oost/initiatieven/soep/", "../../"),
        ("", "wijken/oost/", "../../"),
        ("themas/ontmoeting/", "themas/ontmoeting/2/", "../"),
        ("agenda/", "", "agenda/"),
        ("wijken/oost/wijkplan/#ouderen", "themas/ontmoeting/", "../../wijken/oost/wijkplan/#ouderen"),
        ("https://example.org/", "agenda/", "https://example.org/"),
        ("agenda/", "agenda/", "./"),
        ("data/agenda.json", "agenda/", "../data/agenda.json"),
        ("agenda/archief/", "agenda/", "archief/"),
        ("wijken/oosterpark/", "wijken/oost/", "../oosterpark/"),
        ("kalender/stad.ics", "", "kalender/stad.ics"),
        ("a/../b/", "c/", "../b/"),  # not the common case: posixpath does it
    ],
)
def test_relative_url(target, base, expected):
    assert relative_url(target, base) == expected


S, E = searchable.OVERSLAAN, searchable.EINDE


@pytest.mark.parametrize(
    "html,searched,parts",
    [
        ("<p>tekst</p>", "<p>tekst</p>", []),
        (f"<p>a</p>{S}<ul><li>x</li></ul>{E}<p>b</p>", "<p>a</p><!--zoeken:0--><p>b</p>", ["<ul><li>x</li></ul>"]),
        (f"{S}1{E}-{S}\n2\n{E}", "<!--zoeken:0-->-<!--zoeken:1-->", ["1", "\n2\n"]),
        # A comment an editor wrote that looks like a placeholder stays what it was.
        ("<!--zoeken:7-->", "<!--zoeken:7-->", []),
    ],
)
def test_searchable_split_and_join(html, searched, parts):
    assert searchable.split(html) == (searched, parts)
    assert searchable.join(searched, parts) == html.replace(S, "").replace(E, "")


# -- a built city ------------------------------------------------------------------------


@pytest.fixture
def stad(city):
    city.extra_config = {}
    city.write_config()
    themas = ["ontmoeting", "ondersteuning", "informatie-en-advies", "groen-en-duurzaam"]
    statussen = ["actief", "idee", "gepauzeerd", "afgerond"]
    for w, wijk in enumerate(["oost", "oosterpark", "west"]):
        city.wijk(wijk)
        city.wijkplan(wijk, [{"id": f"prio-{wijk}", "titel": f"Prioriteit van {wijk}", "thema": themas[w]}])
        for n in range(5):
            city.initiatief(
                wijk,
                f"init-{wijk}-{n}",
                titel=f"Initiatief {wijk} {n}",
                status=statussen[n % 4],
                themas=[themas[(n + w) % 4], themas[(n + w + 1) % 4]] if n % 2 else [themas[(n + w) % 4]],
            )
        for n in range(4):
            start = ["2026-11-10 19:30", "2026-11-30 19:30", "2026-12-10 19:30", "2027-01-05 10:00"][n]
            city.activiteit(wijk, f"act-{wijk}-{n}", titel=f"Activiteit {wijk} {n}", start=start, initiatief=f"init-{wijk}-{n}")
        city.activiteit(wijk, f"voorbij-{wijk}", titel=f"Voorbij {wijk}", start="2026-10-01 10:00")
        for n in range(3):
            city.bericht(wijk, f"bericht-{wijk}-{n}", titel=f"Bericht {wijk} {n}", datum=f"2026-0{n + 1}-1{w}")
    # A broken item is left out of every listing and reported.
    city.write("wijken/oost/initiatieven/kapot.md", "---\ntitel: Kapot\n")
    city.extra_config = {}
    return city


def _build(city, per_page=4):
    import yaml

    config = yaml.safe_load((city.root / "mkdocs.yml").read_text())
    for plugin in config["plugins"]:
        if "bovenwijks/overzicht" in plugin:
            plugin["bovenwijks/overzicht"] = {"per_page": per_page}
    (city.root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True))
    return city.build()


def test_nothing_is_lost(stad):
    from bovenwijks.content.load import load_stad

    loaded = load_stad(stad.root)
    result = _build(stad)
    assert result.error is None
    alle = result.listing("initiatieven/")
    agenda = result.listing("agenda/")
    assert len(loaded.stad.initiatieven()) == 15
    for initiatief in loaded.stad.initiatieven():
        shown = f">{initiatief.titel}</a>"  # every titel in this city is unique
        assert shown in result.page(f"wijken/{initiatief.wijk}/"), initiatief.identity
        assert shown in alle, initiatief.identity
        for thema in initiatief.themas:
            assert shown in result.listing(f"themas/{thema}/"), (initiatief.identity, thema)
        assert shown in result.listing(f"initiatieven/{initiatief.status}/"), initiatief.identity
    for activiteit in loaded.stad.activiteiten():
        shown = f">{activiteit.titel}</a>"
        upcoming = activiteit.datum >= date(2026, 11, 23)
        assert (shown in agenda) == upcoming, activiteit.identity
        assert shown in result.page(f"wijken/{activiteit.wijk}/")
    archief = result.listing("agenda/archief/")
    assert "Voorbij oost" in archief and "Voorbij west" in archief
    nieuws = result.listing("nieuws/")
    for bericht in loaded.stad.berichten():
        assert bericht.titel in nieuws
    assert "Kapot" not in alle
    assert any("wijken/oost/initiatieven/kapot.md:1:" in w for w in result.warnings)


def test_listings_are_paginated(stad):
    result = _build(stad, per_page=4)
    assert result.exists("initiatieven/4/")  # 15 initiatieven, 4 a page
    assert not result.exists("initiatieven/5/")
    for n in ["", "2/", "3/", "4/"]:
        html = result.page(f"initiatieven/{n}")
        assert len(re.findall(r'<li class="bw-card"', html)) <= 4
        assert 'aria-current="page"' in html
    assert 'href="2/" rel="next"' in result.page("initiatieven/")
    assert 'href="../" rel="prev"' in result.page("initiatieven/2/")
    assert "(pagina 2 van 4)" in result.page("initiatieven/2/")


def test_static_filters_show_only_their_items(stad):
    result = _build(stad, per_page=100)
    ontmoeting = result.page("themas/ontmoeting/")
    from bovenwijks.content.load import load_stad

    for initiatief in load_stad(stad.root).stad.initiatieven():
        present = f">{initiatief.titel}<" in ontmoeting
        assert present == ("ontmoeting" in initiatief.themas), initiatief.titel
    # Grouped by wijk, and with the wijkplan prioriteiten that serve the thema.
    assert ontmoeting.index('id="wijk-oost"') < ontmoeting.index('id="wijk-oosterpark"')
    assert "Prioriteit van oost" in ontmoeting and "Prioriteit van oosterpark" not in ontmoeting
    idee = result.page("initiatieven/idee/")
    assert ">Initiatief oost 1<" in idee and ">Initiatief oost 0<" not in idee
    # The overview links every static filter.
    alle = result.page("initiatieven/")
    for href in ['href="../themas/ontmoeting/"', 'href="../wijken/west/alle/initiatieven/"', 'href="gepauzeerd/"']:
        assert href in alle


def test_filter_data_for_javascript(stad):
    result = _build(stad)
    data = json.loads((result.site / "initiatieven" / "filter.json").read_text())
    assert len(data["initiatieven"]) == 15
    first = data["initiatieven"][0]
    assert set(first) == {"titel", "url", "wijk", "wijknaam", "status", "themas", "samenvatting"}
    assert data["themas"]["ontmoeting"] == "Ontmoeting"
    # The filter's cards name each status as the static pages do, in the residents' order.
    assert data["statussen"] == {"actief": "Actief", "idee": "Idee", "gepauzeerd": "Gepauzeerd", "afgerond": "Afgerond"}
    assert list(data["statussen"]) == ["actief", "idee", "gepauzeerd", "afgerond"]


def test_every_choice_has_its_colour_and_no_colour_is_left_over():
    css = (ASSETS / "bovenwijks.css").read_text(encoding="utf-8")
    assert set(re.findall(r"\.bw-status--([a-z]+) \{ background", css)) == set(STATUS)
    assert set(re.findall(r"\.bw-soort--([a-z]+) \{ background", css)) == set(SOORT)


def test_agenda_grouped_by_month_in_dutch(stad):
    html = _build(stad, per_page=100).page("agenda/")
    assert html.index(">November 2026<") < html.index(">December 2026<") < html.index(">Januari 2027<")
    assert "dinsdag 10 november 2026" not in html  # past (before the build date)
    assert "donderdag 10 december 2026, 19.30 uur" in html
    assert "maandag 30 november 2026, 19.30 uur" in html


def test_home_shows_entrances_then_agenda_news_introduction_and_wijken(stad):
    html = _build(stad).page("")
    assert "<h1>Testsstad</h1>" in html
    # Entrances by task come first, then what is on, the news, the city's own words, the wijken.
    order = [
        "Wat is er te doen?</strong>",
        "Mijn wijk</strong>",
        "Ik zoek hulp of advies</strong>",
        "Ik wil meedoen of helpen</strong>",
        'id="wat-te-doen"',
        'id="mijn-wijk"',
        'id="nieuws"',
        "Welkom in de teststad.",
        'id="wijken"',
    ]
    places = [html.index(text) for text in order]
    assert places == sorted(places), order
    for wijk in ["oost", "oosterpark", "west"]:
        assert f'href="wijken/{wijk}/" data-wijk="{wijk}"' in html  # the picker
    assert "2 actieve initiatieven · 3 activiteiten op de agenda" in html  # oost: two of five are actief
    assert "Bericht oost 2" in html
    assert 'href="hulp/"' in html and 'href="helpen/"' in html


def test_themas_chart_with_table(stad):
    html = _build(stad).page("themas/")
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html and 'role="img"' in html
    table = re.search(r"<table>.*?</table>", html, re.S).group(0)
    assert "<caption" in table and 'scope="row"' in table
    # Oost: 5 initiatieven; the table counts them.
    row = re.search(r'<tr><th scope="row"><a href="../wijken/oost/">Oost</a></th>(.*?)</tr>', table).group(1)
    assert re.findall(r"<td>(\d+)</td>", row)[-1] == "5"


def test_activiteit_has_event_json_ld(stad):
    result = _build(stad)
    html = result.page("wijken/oost/agenda/act-oost-0/")
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "Event"
    assert data["name"] == "Activiteit oost 0"
    assert data["startDate"] == "2026-11-10T19:30+01:00"
    assert "endDate" not in data
    assert data["location"]["@type"] == "Place"
    assert data["location"]["name"] == "Buurthuis"
    assert data["organizer"]["name"] == "Initiatief oost 0"
    assert data["url"] == "https://stad.example/wijken/oost/agenda/act-oost-0/"


def test_build_date_decides_what_is_upcoming(city):
    city.wijk("oost")
    city.activiteit("oost", "kerst", titel="Kerstmarkt", start="2026-12-20 12:00")
    assert "Kerstmarkt" in city.build().page("agenda/")
    import yaml

    config = yaml.safe_load((city.root / "mkdocs.yml").read_text())
    config["plugins"][1]["bovenwijks/wijken"]["build_date"] = "2027-01-01"
    (city.root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True))
    result = city.build()
    assert "Kerstmarkt" not in result.page("agenda/")
    assert "Kerstmarkt" in result.page("agenda/archief/")


def test_frontmatter_is_escaped_on_every_overview(city):
    city.wijk("oost", naam="Oost & <i>Co</i>")
    city.initiatief("oost", "xss", titel="<script>alert('t')</script>", samenvatting='<b>vet</b> & "quotes"')
    city.activiteit("oost", "xss-act", titel="<script>alert('a')</script>", locatie="<img src=x onerror=alert(1)>", initiatief="xss")
    city.bericht("oost", "xss-bericht", titel="<script>alert('b')</script>", samenvatting="<iframe src=x>")
    result = city.build()
    assert result.error is None
    for url in [
        "",
        "initiatieven/",
        "initiatieven/actief/",
        "themas/ontmoeting/",
        "themas/",
        "agenda/",
        "nieuws/",
        "wijken/oost/agenda/xss-act/",
        "wijken/oost/nieuws/xss-bericht/",
    ]:
        html = result.page(url)
        for raw in ["<script>alert(", "<b>vet</b>", "<img src=x", "<iframe src=x", "<i>Co</i>"]:
            assert raw not in html, (url, raw)
    assert "&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;" in result.page("initiatieven/")
    # Inside JSON-LD, markup is escaped as JSON unicode escapes.
    assert "\\u003cscript\\u003e" in result.page("wijken/oost/agenda/xss-act/")


def test_later_pages_of_a_listing_are_left_out_of_search(stad):
    result = _build(stad, per_page=4)
    docs = json.loads((result.site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    locations = {d["location"].split("#")[0] for d in docs}
    assert "initiatieven/" in locations and "agenda/" in locations
    assert "initiatieven/2/" not in locations and "initiatieven/4/" not in locations
    # Every item is still found on its own page.
    assert "wijken/oost/initiatieven/init-oost-3/" in locations


def test_search_reads_the_text_not_the_lists_and_the_page_keeps_them(stad):
    result = _build(stad, per_page=4)
    docs = json.loads((result.site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    text: dict[str, str] = {}
    for d in docs:
        page = d["location"].split("#")[0]
        text[page] = text.get(page, "") + d["title"] + " " + d["text"]
    # A wijk's page is found by its name; its items are found on their own pages.
    assert "Oost" in text["wijken/oost/"] and "Initiatief oost 1" not in text["wijken/oost/"]
    assert "Initiatief oost 1" in text["wijken/oost/initiatieven/init-oost-1/"]
    assert not any("Initiatief oost 1" in t for page, t in text.items() if not page.startswith("wijken/oost/"))
    # The facts beside an item (status, wijk) are not its text.
    assert "Status" not in text["wijken/oost/initiatieven/init-oost-1/"]
    # Residents see all of it, and no trace of the markers.
    assert "Initiatief oost 1" in result.page("wijken/oost/") and "Initiatief oost 1" in result.page("initiatieven/")
    assert '<dl class="bw-feiten">' in result.page("wijken/oost/initiatieven/init-oost-1/")
    for html in result.site.rglob("*.html"):
        assert "<!--zoeken" not in html.read_text(encoding="utf-8"), html
