"""End-to-end: a small city whose matches are known, built with the real MkDocs."""

from __future__ import annotations

import posixpath
import re
from types import SimpleNamespace

import pytest
import yaml

from bovenwijks.tools.linkcheck import check_site

# (wijk, slug, status, themas, dates, biedt, zoekt): each entry of biedt/zoekt is the word the
# editor writes and the onderwerp it names, so that the expectations do not depend on the code.
INITIATIEVEN = [
    (
        "oost",
        "repair-cafe",
        "actief",
        ["groen-en-duurzaam", "ontmoeting"],
        {"bijgewerkt": "2026-10-01"},
        [("repair-cafe", "repareren")],
        [("subsidie", "subsidie-aanvragen")],
    ),
    ("oost", "buurtsoep", "actief", ["ontmoeting"], {}, [("subsidie-aanvragen", "subsidie-aanvragen")], []),
    (
        "west",
        "klussendienst",
        "actief",
        ["leefbaarheid"],
        {"bijgewerkt": "2026-09-01"},
        [("fondsenwerving", "subsidie-aanvragen")],
        [("vrijwilligers-werven", "vrijwilligers-werven")],
    ),
    (
        "zuid",
        "buurttuin",
        "actief",
        ["groen-en-duurzaam", "ontmoeting"],
        {"bijgewerkt": "2026-03-01"},
        [("subsidie-aanvragen", "subsidie-aanvragen")],
        [],
    ),
    ("noord", "buurtkas", "actief", ["ontmoeting"], {"bijgewerkt": "2026-03-01"}, [("Subsidie", "subsidie-aanvragen")], []),
    ("west", "soepkeuken", "idee", ["ontmoeting"], {"gestart": "2026-11-01"}, [("subsidie-aanvragen", "subsidie-aanvragen")], []),
    (
        "oosterpark",
        "speeltuin",
        "gepauzeerd",
        ["jeugd-en-gezin"],
        {"bijgewerkt": "2026-11-20"},
        [("subsidie-aanvragen", "subsidie-aanvragen")],
        [("hergebruik", "repareren")],
    ),
    ("noord", "archief", "afgerond", ["ontmoeting"], {}, [("subsidie-aanvragen", "subsidie-aanvragen")], []),
    ("zuid", "stil", "actief", ["ontmoeting"], {}, [], []),
]
# The documented order of the offers for the repair café's search: status, then the most
# recent date, then the most themas in common (buurttuin shares two, buurtkas one).
SUBSIDIE_VOOR_REPAIR_CAFE = [
    "west/klussendienst",
    "zuid/buurttuin",
    "noord/buurtkas",
    "west/soepkeuken",
    "oosterpark/speeltuin",
    "noord/archief",
]


def _stad(city, **options):
    for wijk in ["oost", "oosterpark", "west", "noord", "zuid", "midden"]:
        city.wijk(wijk, naam=wijk.capitalize(), contact=f"redactie@{wijk}.example")
    for wijk, slug, status, themas, dates, biedt, zoekt in INITIATIEVEN:
        keys = {
            "titel": f"{slug.replace('-', ' ').capitalize()} {wijk.capitalize()}",
            "status": status,
            "themas": themas,
            "contact": {"naam": f"Contact {slug}", "email": f"{slug}@{wijk}.example"},
            **dates,
        }
        if biedt:
            keys["biedt"] = [{"onderwerp": word, "toelichting": f"{slug} biedt {word}"} for word, _ in biedt]
        if zoekt:
            keys["zoekt"] = [{"onderwerp": word, "toelichting": f"{slug} zoekt {word}"} for word, _ in zoekt]
        city.initiatief(wijk, slug, **keys)
    # The ervaringen fit the vraag (their texts share buurtsoep, rooster, vasthouden), but Eigen les is of its own wijk.
    vraag = "Voor de buurtsoep zoeken we koks. Hoe houden jullie vrijwilligers vast, met een vast rooster?"
    les = "Koks voor de buurtsoep vonden we via de wijkkrant. Vasthouden lukt met een vast rooster."
    for wijk, slug, soort, onderwerp, titel, datum, body in [
        ("oost", "hoe-werven", "vraag", "vrijwilligers", "Hoe werven jullie?", "2026-11-10", vraag),
        ("west", "werving-lessen", "ervaring", "werving", "Lessen uit de werving", "2026-10-01", les),
        ("oost", "eigen-les", "ervaring", "vrijwilligers-werven", "Eigen les", "2026-11-01", les),
    ]:
        city.kennis(wijk, slug, soort=soort, onderwerpen=[onderwerp], titel=titel, datum=datum, body=body)
    _options(city, **options)


def _options(city, **options):
    config = yaml.safe_load((city.root / "mkdocs.yml").read_text(encoding="utf-8"))
    for plugin in config["plugins"]:
        if "bovenwijks/kennis" in plugin:
            plugin["bovenwijks/kennis"] = options
    (city.root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _expected_matches() -> dict[str, set[str]]:
    """For every zoekt (its anchor), the initiatieven of other wijken that offer its onderwerp."""
    expected = {}
    for wijk, slug, *_, zoekt in INITIATIEVEN:
        for _, onderwerp in zoekt:
            expected[f"zoekt--{wijk}--{slug}--{onderwerp}"] = {
                f"{w}/{s}" for w, s, *_, biedt, _z in INITIATIEVEN if w != wijk and any(o == onderwerp for _, o in biedt)
            }
    return expected


def _sections(html: str) -> dict[str, str]:
    return dict(re.findall(r'<section class="bw-zoekt" id="([^"]+)">(.*?)</section>', html, re.S))


def _offers(section: str) -> list[str]:
    """The initiatieven a match lists, as `wijk/slug`, in the order shown."""
    return [
        f"{w}/{s}" for w, s in re.findall(r'class="bw-match__titel" href="[./]*(?:wijken/)?([a-z-]+)/initiatieven/([a-z-]+)/"', section)
    ]


def test_every_match_is_present_none_within_one_wijk_in_the_documented_order(city):
    _stad(city, max_matches=10)
    result = city.build(strict=True)
    assert result.error is None, result.warnings
    sections = _sections(result.page("kennis/matches/"))
    expected = _expected_matches()
    assert {anker for anker in sections if anker.startswith("zoekt--")} == set(expected)
    for anker, offers in expected.items():
        shown = _offers(sections[anker])
        assert set(shown) == offers, anker
        seeker_wijk = anker.split("--")[1]
        assert all(not o.startswith(f"{seeker_wijk}/") for o in shown)
    assert _offers(sections["zoekt--oost--repair-cafe--subsidie-aanvragen"]) == SUBSIDIE_VOOR_REPAIR_CAFE
    # Oosterpark's speeltuin finds Oost's repair café: `hergebruik` and `repair-cafe` are aliases of repareren.
    assert _offers(sections["zoekt--oosterpark--speeltuin--repareren"]) == ["oost/repair-cafe"]
    assert "Nog geen initiatief in een andere wijk biedt dit aan" in sections["zoekt--west--klussendienst--vrijwilligers-werven"]


def test_matches_page_opens_with_the_matches_and_explains_the_order_at_its_foot(city):
    _stad(city)
    html = city.build().article("kennis/matches/")
    assert "<h1>Wie kan jullie helpen?</h1>" in html
    uitleg = html[html.index('<details class="bw-uitleg info" id="volgorde">') :]
    assert "<summary>Hoe bepalen we de volgorde?</summary>" in uitleg
    assert (
        "Wie het best kan helpen, staat bovenaan: eerst initiatieven die actief zijn, dan ideeën, dan gepauzeerde en als laatste afgeronde initiatieven."
        in uitleg
    )
    # Closed, and after every match: the page opens with who can help.
    assert "<details open" not in html and html.rindex('<section class="bw-zoekt"') < html.index('id="volgorde"')
    assert "staat bovenaan" not in html[: html.index('id="volgorde"')]
    section = _sections(html)["zoekt--oost--repair-cafe--subsidie-aanvragen"]
    assert _offers(section) == SUBSIDIE_VOOR_REPAIR_CAFE[:3]
    assert '<a href="../subsidie-aanvragen/#biedt">Nog 3 initiatieven in andere wijken</a>' in section
    # The contact of both sides.
    assert 'href="mailto:repair-cafe@oost.example"' in section and 'href="mailto:klussendienst@west.example"' in section
    assert "repair-cafe zoekt subsidie" in section and "klussendienst biedt fondsenwerving" in section


def test_answered_vragen_list_ervaringen_of_other_wijken_only(city):
    _stad(city)
    result = city.build()
    section = _sections(result.page("kennis/matches/"))["vraag--oost--hoe-werven"]
    assert "Lessen uit de werving" in section and "Eigen les" not in section
    vraag = result.page("wijken/oost/kennis/hoe-werven/")
    assert "Ervaringen uit andere wijken" in vraag and "Lessen uit de werving" in vraag and "Eigen les" not in vraag
    ervaring = result.page("wijken/west/kennis/werving-lessen/")
    assert "Vragen uit andere wijken waar deze ervaring bij helpt" in ervaring and "Hoe werven jullie?" in ervaring


def test_the_demo_false_match_is_gone_and_its_true_match_stays(city):
    """The demo's kennis files as they are: Zielhorst's computer help and Randenbroek's
    voorlezen share an onderwerp (vrijwilligers werven), but not what their texts are about."""
    from city import REPO

    for kennis in sorted((REPO / "wijken").glob("*/kennis/*.md")):
        wijk = kennis.parent.parent.name
        if not (city.root / "wijken" / wijk / "index.md").exists():
            city.wijk(wijk)
        city.write(f"wijken/{wijk}/kennis/{kennis.name}", kennis.read_text(encoding="utf-8"))
    result = city.build(strict=True)
    assert result.error is None, result.warnings
    voorlezen, computerhulp = "Voorlezen werkt ook voor ouders die Nederlands leren", "Huisbezoek of spreekuur"
    sections = _sections(result.listing("kennis/matches/"))
    assert "vraag--zielhorst--computerhulp-nieuwe-vorm" in sections  # other ervaringen do answer it
    assert voorlezen not in sections["vraag--zielhorst--computerhulp-nieuwe-vorm"]
    assert voorlezen not in result.article("wijken/zielhorst/kennis/computerhulp-nieuwe-vorm/")
    assert computerhulp not in result.article("wijken/randenbroek/kennis/voorlezen-met-taalvrijwilligers/")
    # Hoogland's question about material for taalmaatjes is what the voorlezen experience answers.
    assert voorlezen in sections["vraag--hoogland--taalmaatjes-materiaal"]
    assert "Welke materialen gebruiken jullie bij taalmaatjes" in result.article(
        "wijken/randenbroek/kennis/voorlezen-met-taalvrijwilligers/"
    )


def test_onderwerp_page_lists_who_offers_and_seeks_by_alias(city):
    _stad(city)
    html = city.build().page("kennis/subsidie-aanvragen/")
    assert "<h1>Subsidie aanvragen</h1>" in html
    assert "Ook wel: subsidie, fondsenwerving" in html
    biedt = html[html.index('id="biedt"') : html.index('id="zoekt"')]
    zoekt = html[html.index('id="zoekt"') : html.index('id="vragen"')]
    # Without a seeker there is no thema to share: equal dates go by wijk and name.
    assert _offers(biedt) == [
        "west/klussendienst",
        "noord/buurtkas",
        "zuid/buurttuin",
        "oost/buurtsoep",
        "west/soepkeuken",
        "oosterpark/speeltuin",
        "noord/archief",
    ]
    assert _offers(zoekt) == ["oost/repair-cafe"]
    assert "klussendienst biedt fondsenwerving" in biedt
    # Its edit link opens the vocabulary, where its name and description live.
    assert 'href="https://github.com/test/stad/edit/main/content/vocabulaire.yml"' in html


@pytest.mark.parametrize(
    "url", ["kennis/", "kennis/matches/", "kennis/subsidie-aanvragen/", "wijken/oost/", "wijken/oost/initiatieven/repair-cafe/"]
)
def test_kennis_pages_speak_plain_dutch(city, url):
    _stad(city)
    html = city.build().article(url)
    text = re.sub(r"<[^>]+>", " ", html)  # what residents read, not the anchors and classes
    for word in ["Matches", "match", "kennisuitwisseling", "platform", "open data"]:
        assert word.lower() not in text.lower(), (url, word)


def test_hub_counts_wijken_and_shows_vragen_and_ervaringen(city):
    _stad(city)
    html = city.build().page("kennis/")
    assert "<h1>Kennis delen</h1>" in html and "<title>Kennis delen" in html
    row = re.search(r'<tr>\s*<th scope="row"><a href="subsidie-aanvragen/">Subsidie aanvragen</a>.*?</tr>', html, re.S).group(0)
    assert re.findall(r"<td>(\d+)</td>", row) == ["5", "1", "0"]  # offered in 5 wijken, sought in 1
    vragen = html[html.index('id="vragen"') : html.index('id="ervaringen"')]
    assert "Hoe werven jullie?" in vragen and "Lessen uit de werving" not in vragen
    # The link to its answers, from the hub at kennis/:
    [href] = re.findall(r'href="([^"]*#vraag--oost--hoe-werven)"', vragen)
    assert posixpath.normpath(posixpath.join("kennis", href)) == "kennis/matches/#vraag--oost--hoe-werven"
    assert "Lessen uit de werving" in html[html.index('id="ervaringen"') :]
    assert "redactie@oost.example" in vragen  # a vraag without contact: the wijk's editors


def test_initiatief_page_shows_matches_both_ways(city):
    _stad(city)
    # Listed before the wijken plugin, kennis must still load after it and add to its pages.
    config = yaml.safe_load((city.root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"].sort(key=lambda p: "bovenwijks/kennis" not in p)
    (city.root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = city.build()
    repair = result.article("wijken/oost/initiatieven/repair-cafe/")
    # One closed section holds what it offers, what it seeks, and who can help.
    start = repair.index('<details class="bw-kennis info" id="kennis-delen">')
    [kennis] = re.findall(r'<details class="bw-kennis info" id="kennis-delen">.*?</details>', repair[start:], re.S)
    assert "<summary>Kennis delen met andere wijken (2)</summary>" in kennis
    assert kennis.index("Wat wij andere wijken bieden") < kennis.index("Wat wij zoeken") < kennis.index("Wie in andere wijken kan helpen")
    ervaring = kennis[kennis.index("Wie in andere wijken kan helpen") :]
    assert _offers(ervaring[: ervaring.index("Wie in andere wijken zoekt wat wij bieden")]) == SUBSIDIE_VOOR_REPAIR_CAFE[:3]
    assert _offers(ervaring[ervaring.index("Wie in andere wijken zoekt wat wij bieden") :]) == ["oosterpark/speeltuin"]
    assert (
        '<a href="../../../../kennis/matches/#zoekt--oost--repair-cafe--subsidie-aanvragen">Wie kan jullie helpen? Alles op een rij</a>'
        in kennis
    )
    assert "Wie in andere wijken kan helpen" not in repair[:start] + repair[start + len(kennis) :]
    assert "staat bovenaan" not in repair  # the order is explained on the matches page only
    klussen = result.article("wijken/west/initiatieven/klussendienst/")
    assert _offers(klussen[klussen.index("Wie in andere wijken zoekt wat wij bieden") :]) == ["oost/repair-cafe"]
    assert "Wie in andere wijken kan helpen" in klussen and "Nog geen initiatief in een andere wijk biedt dit aan." in klussen
    stil = result.article("wijken/zuid/initiatieven/stil/")
    assert "Wie in andere wijken kan helpen" not in stil and "kennis-delen" not in stil


def test_wijk_page_shows_what_it_shares_and_seeks(city):
    _stad(city)
    result = city.build()
    oost = result.article("wijken/oost/")
    assert '<details class="bw-kennis info" id="kennis-delen">\n<summary>Kennis delen met andere wijken (3)</summary>' in oost
    delen = oost[oost.index("Wat Oost kan delen") : oost.index("Waar Oost naar zoekt")]
    assert "Repareren en hergebruiken" in delen and "Subsidie aanvragen" in delen
    assert '<a href="../../kennis/repareren/#zoekt">1 andere wijk zoekt dit</a>' in delen
    zoekt = oost[oost.index("Waar Oost naar zoekt") :]
    assert '<a href="../../kennis/matches/#zoekt--oost--repair-cafe--subsidie-aanvragen">Repair cafe Oost</a>' in zoekt
    assert '<a href="../../kennis/subsidie-aanvragen/#biedt">6 initiatieven in andere wijken bieden dit aan</a>' in zoekt
    # Oost's neighbour Oosterpark shares its own, not Oost's.
    oosterpark = result.article("wijken/oosterpark/")
    assert "Repair cafe Oost" not in oosterpark[oosterpark.index("Kennis delen met andere wijken") :]
    assert "Waar Oosterpark naar zoekt" in oosterpark
    assert "De initiatieven van Midden hebben nog geen kennis aangeboden of gevraagd." in result.article("wijken/midden/")


def test_paginated_matches_and_every_link_resolves(city):
    _stad(city, per_page=1)
    city.write("content/toegankelijkheid.md", "# Toegankelijkheid\n")  # the theme's footer links it
    city.write("content/over.md", "# Over deze site\n")  # and this page
    city.write("content/meedoen/index.md", "# Meedoen als redacteur\n")  # the wijken and /helpen/ link it
    result = city.build(strict=True)
    assert result.error is None, result.warnings
    assert result.exists("kennis/matches/4/")
    # Every zoekt is on one of the pages, and the wijk page links to the page it is on.
    alle = _sections(result.listing("kennis/matches/"))
    assert set(_expected_matches()) <= set(alle)
    assert [str(p) for p in check_site(result.site)] == []


def test_frontmatter_text_is_escaped(city):
    city.wijk("oost")
    city.wijk("west", naam="West <i>schuin</i>")
    city.initiatief("oost", "a", titel="<script>alert(1)</script>", zoekt=[{"onderwerp": "taal", "toelichting": "<b>vet</b> & meer"}])
    city.initiatief("west", "b", biedt=[{"onderwerp": "taal", "toelichting": "<img src=x onerror=alert(1)>"}])
    result = city.build(strict=True)
    assert result.error is None, result.warnings
    for url in [
        "kennis/",
        "kennis/taal/",
        "kennis/matches/",
        "wijken/oost/initiatieven/a/",
        "wijken/west/initiatieven/b/",
        "wijken/oost/",
        "wijken/west/",
    ]:
        html = result.page(url)
        assert "<script>alert(1)" not in html and "<img src=x" not in html and "<b>vet</b>" not in html and "<i>schuin</i>" not in html, url
    assert "&lt;b&gt;vet&lt;/b&gt; &amp; meer" in result.page("kennis/matches/")


def test_an_onderwerp_cannot_be_called_matches(city):
    vocabulaire = city.root / "content" / "vocabulaire.yml"
    text = vocabulaire.read_text(encoding="utf-8")
    vocabulaire.write_text(text + "  matches:\n    naam: Matches\n", encoding="utf-8")
    line = text.count("\n") + 1
    checked = city.check()
    assert f"content/vocabulaire.yml:{line}: 'matches' kan geen id van een onderwerp zijn" in checked.stdout
    city.wijk("oost")
    result = city.build()
    assert "<h1>Wie kan jullie helpen?</h1>" in result.page("kennis/matches/")


# -- plugin events, called directly --------------------------------------------------------


def _plugins(city, **options):
    from mkdocs.config import load_config

    _options(city, **options)
    config = load_config(config_file=str(city.root / "mkdocs.yml"))
    return config.plugins["bovenwijks/wijken"], config.plugins["bovenwijks/kennis"], config


def test_kennis_needs_the_wijken_plugin(city):
    city.plugins = ["kennis"]
    city.write_config()
    result = city.build()
    assert result.error is not None
    assert "zet '- bovenwijks/wijken' vóór '- bovenwijks/kennis' onder plugins: in mkdocs.yml" in " ".join(result.warnings)


@pytest.mark.parametrize("option", ["max_matches", "per_page"])
def test_options_must_be_at_least_one(city, option):
    from mkdocs.exceptions import PluginError

    _, kennis, config = _plugins(city, **{option: 0})
    with pytest.raises(PluginError, match=f"{option} moet 1 of meer zijn, niet 0"):
        kennis.on_config(config)


def test_sections_are_found_by_the_page_source_not_by_prefix(city):
    from mkdocs.structure.files import Files

    _stad(city)
    _, kennis, config = _plugins(city)
    # The collection runs every plugin's event in priority order, as a build does.
    config.plugins.on_config(config)
    files = config.plugins.on_files(Files([]), config=config)
    assert files.get_file_from_path("kennis/matches/index.md") is not None

    def content(src_uri, html):
        page = SimpleNamespace(file=SimpleNamespace(src_uri=src_uri), content=html)
        kennis.on_page_context({}, page=page, config=config, nav=None)
        return page.content

    oost = content("wijken/oost/index.md", "<p>Oost</p>")
    oosterpark = content("wijken/oosterpark/index.md", "<p>Oosterpark</p>")
    assert oost.startswith("<p>Oost</p>") and "Wat Oost kan delen" in oost
    assert "Wat Oost kan delen" not in oosterpark and "Wat Oosterpark kan delen" in oosterpark
    assert content("over.md", "<p>Over</p>") == "<p>Over</p>"


def test_search_finds_the_onderwerp_not_every_page_that_lists_a_match(city):
    import json

    _stad(city)
    result = city.build()
    docs = json.loads((result.site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    text = {d["location"]: d["title"] + d["text"] for d in docs}
    assert "Ook wel: subsidie, fondsenwerving" in text["kennis/subsidie-aanvragen/"]
    # The matches repeat what the initiatieven say on their own pages: searching for
    # "fondsenwerving" must lead to the klussendienst, not to every page that lists it.
    assert [loc for loc, t in text.items() if "klussendienst biedt fondsenwerving" in t] == [
        "wijken/west/initiatieven/klussendienst/#biedt"
    ]
    assert not any("Wie in andere wijken kan helpen" in t or "kan delen" in t for t in text.values())
