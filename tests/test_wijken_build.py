"""End-to-end: a small city built with the real MkDocs, read as residents see it."""

from __future__ import annotations

import re

import pytest


def _oost(city):
    city.wijk(
        "oost",
        naam="Oost",
        contact="redactie@oost.example",
        ontmoetingsplekken=[{"naam": "Buurthuis De Ster", "adres": "Sterlaan 1", "open": "ma 9.00–12.00"}],
    )
    city.wijkplan("oost", [{"id": "ontmoeting-ouderen", "titel": "Meer ontmoeting voor ouderen", "thema": "ontmoeting"}])
    city.initiatief(
        "oost",
        "repair-cafe",
        titel="Repair Café Oost",
        prioriteiten=["ontmoeting-ouderen"],
        gestart="2016-08-31",
        biedt=[{"onderwerp": "repareren", "toelichting": "Draaiboek"}],
    )
    city.activiteit("oost", "reparatiemiddag", titel="Reparatiemiddag", initiatief="repair-cafe")
    city.activiteit("oost", "oude-middag", start="2026-10-01 14:00", titel="Oude middag")
    city.bericht("oost", "nieuw-buurthuis", titel="Nieuw buurthuis", samenvatting="Het buurthuis is open.")
    city.kennis("oost", "hoe-werven", titel="Hoe werven jullie?")


def test_every_wijk_and_item_has_its_page(city):
    _oost(city)
    city.wijk("oosterpark", naam="Oosterpark")
    result = city.build(strict=True)
    assert result.error is None, result.warnings
    for url in [
        "wijken/",
        "wijken/oost/",
        "wijken/oosterpark/",
        "wijken/oost/wijkplan/",
        "wijken/oost/initiatieven/repair-cafe/",
        "wijken/oost/agenda/reparatiemiddag/",
        "wijken/oost/nieuws/nieuw-buurthuis/",
        "wijken/oost/kennis/hoe-werven/",
    ]:
        assert result.exists(url), url


def test_wijk_home_lists_profile_plan_and_items(city):
    _oost(city)
    html = city.build().page("wijken/oost/")
    assert "<h1>Oost</h1>" in html
    assert "Buurthuis De Ster" in html and "Sterlaan 1" in html
    assert "Meer ontmoeting voor ouderen" in html
    assert 'href="initiatieven/repair-cafe/"' in html
    assert 'href="agenda/reparatiemiddag/"' in html
    assert 'href="nieuws/nieuw-buurthuis/"' in html
    assert 'href="kennis/hoe-werven/"' in html
    # The past activiteit is in the archive, after the upcoming agenda.
    assert html.index("Reparatiemiddag") < html.index("Eerdere activiteiten") < html.index("Oude middag")


def test_item_page_shows_frontmatter_in_dutch(city):
    _oost(city)
    html = city.build().page("wijken/oost/initiatieven/repair-cafe/")
    assert "<title>Repair Café Oost - Teststad</title>" in html
    assert "31 augustus 2016" in html
    assert "Actief" in html
    assert "Meer ontmoeting voor ouderen" in html  # the prioriteit it serves
    assert "Draaiboek" in html
    assert 'href="mailto:jan@example.org"' in html
    activiteit = city.build().page("wijken/oost/agenda/reparatiemiddag/")
    assert "donderdag 10 december 2026, 19.30 uur" in activiteit
    assert 'href="../../initiatieven/repair-cafe/"' in activiteit


def test_edit_links_point_at_the_real_source(city):
    _oost(city)
    result = city.build()
    assert 'href="https://github.com/test/stad/edit/main/wijken/oost/initiatieven/repair-cafe.md"' in result.page(
        "wijken/oost/initiatieven/repair-cafe/"
    )
    assert 'href="https://github.com/test/stad/edit/main/wijken/oost/index.md"' in result.page("wijken/oost/")
    assert 'href="https://github.com/test/stad/edit/main/content/index.md"' in result.page("")


def test_oost_does_not_swallow_oosterpark(city):
    city.wijk("oost", naam="Oost")
    city.wijk("oosterpark", naam="Oosterpark")
    city.initiatief("oosterpark", "park-soep", titel="Parksoep")
    result = city.build(strict=True)
    assert result.error is None
    assert "Parksoep" in result.page("wijken/oosterpark/")
    assert "Parksoep" not in result.page("wijken/oost/")


def test_frontmatter_text_is_escaped(city):
    city.wijk("oost", naam="Oost <b>vet</b>")
    city.initiatief("oost", "xss", titel="<script>alert(1)</script> & co", samenvatting="<img src=x onerror=alert(1)>")
    result = city.build()
    for url in ["wijken/oost/", "wijken/oost/initiatieven/xss/", "wijken/"]:
        html = result.page(url)
        assert "<script>alert(1)" not in html
        assert "<img src=x" not in html
        assert "<b>vet</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in result.page("wijken/oost/initiatieven/xss/")


def test_navigation_does_not_list_items(city):
    _oost(city)
    html = city.build().page("wijken/oost/initiatieven/repair-cafe/")
    nav = re.search(r'<nav class="md-nav md-nav--primary[^"]*".*?</nav>', html, re.S).group(0)
    assert "repair-cafe" not in nav


def test_no_request_to_other_hosts_in_markup(city):
    """With the project's theme settings (the harness takes them from mkdocs.yml)."""
    _oost(city)
    html = city.build().page("wijken/oost/")
    assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html
    assert 'lang="nl"' in html


def test_composed_sections_are_in_the_table_of_contents(city):
    _oost(city)
    html = city.build().page("wijken/oost/")
    toc = re.search(r'<nav class="md-nav md-nav--secondary".*?</nav>', html, re.S).group(0)
    for anchor in ["#ontmoetingsplekken", "#wijkplan", "#initiatieven", "#agenda", "#nieuws", "#kennis"]:
        assert f'href="{anchor}"' in toc, anchor


@pytest.mark.parametrize(
    "html,expected",
    [
        ('<h2 id="agenda">Agenda</h2>', [("agenda", "Agenda")]),
        ('<h2 data-search-exclude id="matches">Andere wijken</h2>', [("matches", "Andere wijken")]),
        ('<h2 id="x">Soep &amp; <em>brood</em><a class="headerlink" href="#x" title="Link">¶</a></h2>', [("x", "Soep &amp; brood")]),
        ('<h2>Zonder id</h2><h3 id="diep">Dieper</h3>', []),
    ],
)
def test_section_toc(html, expected):
    from bovenwijks.mkdocs.mount import section_toc

    assert [(a.id, a.title) for a in section_toc(html)] == expected


_PRIMARY_NAV = re.compile(r'<nav class="md-nav md-nav--primary[^"]*".*?</nav>', re.S)


def test_theme_parts_are_rendered_once_per_place_and_stay_right_everywhere(city, monkeypatch):
    from markupsafe import Markup

    from bovenwijks.mkdocs.themecache import ThemeCache

    _oost(city)
    city.initiatief("oost", "soep", titel="Soep & <spel> \\ 100%")  # the header prints each page's own title
    city.write("content/over.md", "# Over\n\nOver het platform.\n")
    city.extra_config = {"nav": [{"Home": "index.md"}, {"Wijken": "wijken/index.md"}, {"Over": "over.md"}]}
    city.write_config()
    urls = [
        "",
        "over/",
        "wijken/",
        "wijken/oost/",
        "wijken/oost/wijkplan/",
        "wijken/oost/initiatieven/repair-cafe/",
        "wijken/oost/agenda/reparatiemiddag/",
        "kennis/",
        "kennis/repareren/",
        "initiatieven/",
        "themas/ontmoeting/",
        "wijken/oost/initiatieven/soep/",
    ]

    def pages(result):
        return {url: result.page(url) for url in urls}

    cached = pages(city.build())
    # The same city with Material rendering its navigation, search form and configuration on
    # every page, as it does alone: every page is the same, byte for byte.
    monkeypatch.setattr(ThemeCache, "_get", lambda self, key, render: Markup(render()))
    assert pages(city.build()) == cached
    # And the navigation's links lead where they should from every depth and folder.
    from urllib.parse import urljoin

    for url, html in cached.items():
        # With tabs, Material's menu leaves a page's own top-level entry to the tabs above it.
        nav = _PRIMARY_NAV.search(html).group(0) + re.search(r'<nav class="md-tabs".*?</nav>', html, re.S).group(0)
        links = {urljoin(f"https://stad.example/{url}", href) for href in re.findall(r'href="([^"#]*)"', nav)}
        assert {"https://stad.example/", "https://stad.example/wijken/", "https://stad.example/over/"} <= links, url
        assert '"base": "' in html and 'class="md-search"' in html
    assert "md-nav__link--active" in cached["over/"] and "md-nav__link--active" not in cached["wijken/oost/"]
    assert "md-tabs__item--active" in cached["over/"] and "md-tabs__item--active" not in cached["wijken/oost/"]
    topic = re.search(
        r'data-md-component="header-topic">\s*<span class="md-ellipsis">\s*(.*?)\s*</span>', cached["wijken/oost/initiatieven/soep/"]
    )
    assert topic.group(1) == "Soep &amp; &lt;spel&gt; \\ 100%"
    assert "Repair Café Oost" in re.search(
        r'data-md-component="header-topic">.*?</span>', cached["wijken/oost/initiatieven/repair-cafe/"], re.S
    ).group(0)


def test_initiatief_page_lists_its_own_upcoming_activiteiten(city):
    _oost(city)
    city.initiatief("oost", "buurtsoep", titel="Buurtsoep")
    city.activiteit("oost", "soepavond", titel="Soepavond", initiatief="buurtsoep")
    city.activiteit("oost", "vorige-reparatie", start="2026-10-01 14:00", titel="Vorige reparatie", initiatief="repair-cafe")
    result = city.build()
    html = result.article("wijken/oost/initiatieven/repair-cafe/")
    agenda = html[html.index('<h2 id="agenda">') :]
    assert "Reparatiemiddag" in agenda and 'href="../../agenda/reparatiemiddag/"' in agenda
    assert "Soepavond" not in html and "Vorige reparatie" not in html
    assert "Soepavond" in result.article("wijken/oost/initiatieven/buurtsoep/")


@pytest.mark.parametrize("name", ["wijken", "overzicht", "kennis", "feeds"])
def test_the_harness_loads_each_plugin_as_mkdocs_does(name):
    from city import plugin_class
    from mkdocs.plugins import BasePlugin

    assert issubclass(plugin_class(name), BasePlugin)


def test_the_harness_refuses_a_plugin_that_cannot_be_loaded(tmp_path):
    from city import City

    with pytest.raises(LookupError, match="bovenwijks/bestaat-niet is not registered"):
        City(tmp_path, plugins=["bestaat-niet"])


def test_a_wijks_home_shows_the_first_of_each_long_list_and_links_its_own_pages(city):
    """A wijk's home stays the same size however many years of news and activiteiten it gathers."""
    from bovenwijks.site.wijkpages import OP_DE_WIJKPAGINA, PER_PAGINA

    city.wijk("oost", naam="Oost")
    for n in range(OP_DE_WIJKPAGINA + 3):
        city.initiatief("oost", f"groep-{n:02d}", titel=f"Groep {n:02d}")
    berichten = PER_PAGINA + 2  # two pages of its own
    for n in range(berichten):
        city.bericht("oost", f"bericht-{n:02d}", datum=f"2026-{1 + n // 28:02d}-{1 + n % 28:02d}", titel=f"Bericht {n:02d}")
    city.activiteit("oost", "markt", titel="Markt")
    result = city.build(strict=True)
    home = result.article("wijken/oost/")

    cards = re.findall(r'<h3 class="bw-card__title"><a href="[^"]+">(Groep \d+)</a>', home)
    assert cards == [f"Groep {n:02d}" for n in range(OP_DE_WIJKPAGINA)]
    assert f'<p class="bw-alle"><a href="alle/initiatieven/">Alle {OP_DE_WIJKPAGINA + 3} initiatieven van Oost</a></p>' in home
    assert len(re.findall(r'class="bw-news__title" href="nieuws/', home)) == OP_DE_WIJKPAGINA  # the newest
    assert "Bericht 49" in home and "Bericht 00" not in home
    assert f'<a href="alle/nieuws/">Alle {berichten} berichten van Oost</a>' in home
    assert "alle/agenda/" not in home and "Markt" in home  # a short list is whole on the home, without the link
    assert "Markt" in result.article("wijken/oost/alle/agenda/")  # its page is there for whoever links it (a letter)
    assert "Hier staat nog niets." in result.article("wijken/oost/alle/kennis/")

    lijst = result.article("wijken/oost/alle/initiatieven/")
    assert "<h1>Initiatieven in Oost</h1>" in lijst and '<a href="../../">Terug naar Oost</a>' in lijst
    # Right under the page's title, a card's heading is an h2.
    assert re.findall(r'<h2 class="bw-card__title"><a href="../../initiatieven/[^"]+">(Groep \d+)</a>', lijst) == [
        f"Groep {n:02d}" for n in range(OP_DE_WIJKPAGINA + 3)
    ]
    eerste, tweede = result.article("wijken/oost/alle/nieuws/"), result.article("wijken/oost/alle/nieuws/2/")
    assert len(re.findall(r'class="bw-news__title"', eerste)) == PER_PAGINA and "Bericht 49" in eerste
    assert re.findall(r'class="bw-news__title" href="[^"]+">(Bericht \d+)</a>', tweede) == ["Bericht 01", "Bericht 00"]
    assert 'rel="next"' in eerste and 'rel="prev"' in tweede
    assert "Nieuws uit Oost (pagina 2 van 2)" in result.page("wijken/oost/alle/nieuws/2/")
