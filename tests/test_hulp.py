"""Hulp en advies: the needs of the vocabulary, what helps with each per wijk, and where to go.

Pure functions first (the aggregation, the messages for bad input), then a build of a small
city whose pages are read as residents see them.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime

import pytest
from city import INITIATIEF_FRONTMATTER

from bovenwijks.city.hulp import activiteit_hulp, per_hulpvraag
from bovenwijks.content.load import load_stad
from bovenwijks.dates import TZ
from bovenwijks.model import Activiteit, Hulpvraag, Initiatief, Stad, Vocabulaire, Wijk

VANDAAG = date(2026, 11, 23)


# -- the aggregation ---------------------------------------------------------------------


def _initiatief(wijk: str, slug: str, hulp: list[str], status: str = "actief", titel: str | None = None) -> Initiatief:
    return Initiatief(wijk, slug, f"wijken/{wijk}/initiatieven/{slug}.md", titel or slug, status=status, hulp=hulp)


def _activiteit(wijk: str, slug: str, day: date, hulp: list[str] = (), initiatief: str | None = None) -> Activiteit:
    start = datetime(day.year, day.month, day.day, 19, 30, tzinfo=TZ)
    return Activiteit(wijk, slug, f"wijken/{wijk}/agenda/{slug}.md", slug, start=start, initiatief=initiatief, hulp=list(hulp))


def _stad(*items, wijken=(("oost", "Oost"), ("centrum", "Centrum"), ("west", "West"))) -> Stad:
    by_slug = {slug: Wijk(slug, naam, f"wijken/{slug}/index.md") for slug, naam in wijken}
    for item in items:
        getattr(by_slug[item.wijk], item.folder).append(item)
    for wijk in by_slug.values():
        wijk.agenda.sort(key=lambda a: a.start)
    hulp = {i: Hulpvraag(i, i.capitalize()) for i in ("mantelzorg", "vervoer", "taal")}
    return Stad("Teststad", by_slug, Vocabulaire({}, {}, hulp))


def _shown(stad: Stad) -> dict[str, dict[str, list[str]]]:
    """{need: {wijk: [slugs of what helps]}}, leaving out the wijken where nothing helps."""
    return {
        ident: {w.wijk.slug: [i.slug for i in w.initiatieven] + [k.activiteit.slug for k in w.activiteiten] for w in o.wijken if not w.leeg}
        for ident, o in per_hulpvraag(stad, VANDAAG).items()
    }


LATER = date(2026, 12, 10)
EARLIER = date(2026, 11, 1)

AGGREGATION = [
    (
        "an initiatief under each of its needs",
        [_initiatief("oost", "buren", ["mantelzorg", "vervoer"])],
        {"mantelzorg": {"oost": ["buren"]}, "vervoer": {"oost": ["buren"]}},
    ),
    ("a need named twice counts once", [_initiatief("oost", "buren", ["vervoer", "vervoer"])], {"vervoer": {"oost": ["buren"]}}),
    ("an afgerond initiatief no longer helps", [_initiatief("oost", "oud", ["taal"], status="afgerond")], {}),
    (
        "ideeën and gepauzeerde still say whom to ask",
        [_initiatief("west", "plan", ["taal"], status="idee"), _initiatief("west", "stil", ["taal"], status="gepauzeerd")],
        {"taal": {"west": ["plan", "stil"]}},
    ),
    (
        "actief first, then by titel",
        [_initiatief("west", "b", ["taal"], status="idee", titel="A"), _initiatief("west", "a", ["taal"], titel="Z")],
        {"taal": {"west": ["a", "b"]}},
    ),
    (
        "an upcoming activiteit with its own need",
        [_activiteit("centrum", "spreekuur", LATER, ["mantelzorg"])],
        {"mantelzorg": {"centrum": ["spreekuur"]}},
    ),
    ("an activiteit that is over does not", [_activiteit("centrum", "voorbij", EARLIER, ["mantelzorg"])], {}),
    (
        "an activiteit also counts under its initiatief's needs",
        [_initiatief("oost", "cafe", ["mantelzorg"]), _activiteit("oost", "middag", LATER, ["taal"], initiatief="cafe")],
        {"mantelzorg": {"oost": ["cafe", "middag"]}, "taal": {"oost": ["middag"]}},
    ),
    ("an id the vocabulary does not know is left out", [_initiatief("oost", "x", ["rolstoel"])], {}),
    (
        "items of another wijk stay in theirs",
        [_initiatief("oost", "a", ["vervoer"]), _initiatief("west", "b", ["vervoer"])],
        {"vervoer": {"oost": ["a"], "west": ["b"]}},
    ),
]


@pytest.mark.parametrize(("why", "items", "expected"), AGGREGATION, ids=[c[0] for c in AGGREGATION])
def test_what_helps_per_need_and_wijk(why, items, expected):
    shown = {need: wijken for need, wijken in _shown(_stad(*items)).items() if wijken}
    assert shown == expected, why


def test_every_need_has_every_wijk_in_name_order():
    overzichten = per_hulpvraag(_stad(), VANDAAG)
    assert list(overzichten) == ["mantelzorg", "vervoer", "taal"]  # the vocabulary's order
    for o in overzichten.values():
        assert [w.wijk.naam for w in o.wijken] == ["Centrum", "Oost", "West"]
        assert all(w.leeg for w in o.wijken) and o.aantal == 0 and o.wijken_met_hulp == 0


def test_counts_of_a_need():
    o = per_hulpvraag(
        _stad(_initiatief("oost", "a", ["taal"]), _activiteit("oost", "b", LATER, ["taal"]), _initiatief("west", "c", ["taal"])), VANDAAG
    )["taal"]
    assert (o.aantal, o.wijken_met_hulp) == (3, 2)


@pytest.mark.parametrize(
    ("own", "organisator", "expected"),
    [
        ([], None, []),
        (["taal"], None, ["taal"]),
        ([], ["vervoer"], ["vervoer"]),
        (["taal", "vervoer"], ["vervoer", "mantelzorg"], ["taal", "vervoer", "mantelzorg"]),
    ],
)
def test_activiteit_hulp(own, organisator, expected):
    initiatief = _initiatief("oost", "i", organisator) if organisator is not None else None
    assert activiteit_hulp(_activiteit("oost", "a", LATER, own), initiatief) == expected


class _Counted(Initiatief):
    """An initiatief that counts how often its needs are read."""

    reads = 0

    def __getattribute__(self, name):
        if name == "hulp":
            _Counted.reads += 1
        return super().__getattribute__(name)


@pytest.mark.parametrize("needs", [3, 30])
def test_the_aggregation_reads_every_item_once_however_many_needs(needs):
    """One pass over the items: not one per need, or per need and wijk."""
    items = [_Counted("oost", f"i{k}", f"wijken/oost/initiatieven/i{k}.md", f"I{k}", hulp=["taal"]) for k in range(50)]
    stad = _stad(*items)
    stad.vocabulaire.hulp.update({f"nood-{k}": Hulpvraag(f"nood-{k}", f"Nood {k}") for k in range(needs - 3)})
    _Counted.reads = 0
    overzichten = per_hulpvraag(stad, VANDAAG)
    assert len(overzichten) == needs and _Counted.reads == 50
    assert overzichten["taal"].aantal == 50


# -- bad input ---------------------------------------------------------------------------


def _load(city):
    loaded = load_stad(city.root)
    return loaded, [str(p) for p in loaded.problems]


INITIATIEF = "wijken/oost/initiatieven/repair-cafe.md"


@pytest.mark.parametrize(
    ("hulp", "line", "message", "kept"),
    [
        ("hulp:\n  - mantelzrg\n", 11, "onbekende hulpvraag 'mantelzrg'; bedoel je 'mantelzorg'?", []),
        ("hulp:\n  - rolstoel\n", 11, "onbekende hulpvraag 'rolstoel'; bedoel je 'vervoer'?", []),
        ("hulp:\n  - huiswerkbegeleiding\n  - taal\n", 11, "bedoel je 'kinderen-en-school'?", ["taal"]),
        ("hulp: {taal: ja}\n", 10, "'hulp' moet een lijst zijn", []),
        ("hulp: taal\n", None, None, ["taal"]),
    ],
)
def test_a_wrong_need_is_reported_on_its_line_and_the_initiatief_kept(city, hulp, line, message, kept):
    city.wijk("oost", naam="Oost")
    city.write(INITIATIEF, INITIATIEF_FRONTMATTER + hulp + "---\n\nTekst.\n")
    loaded, problems = _load(city)
    if message is None:
        assert problems == []
    else:
        assert len(problems) == 1 and problems[0].startswith(f"{INITIATIEF}:{line}: ") and message in problems[0], problems
        assert "content/vocabulaire.yml" in problems[0] or "lijst" in message
        assert not loaded.problems[0].fatal
    (initiatief,) = loaded.stad.wijken["oost"].initiatieven
    assert initiatief.hulp == kept


def test_a_wrong_need_of_an_activiteit_is_reported_and_it_keeps_the_others(city):
    city.wijk("oost", naam="Oost")
    city.activiteit("oost", "spreekuur", hulp=["mantelzorg", "geld"])
    loaded, problems = _load(city)
    assert problems == [
        "wijken/oost/agenda/spreekuur.md:7: onbekende hulpvraag 'geld'; bedoel je 'geldzaken'? (de hulpvragen staan onder 'hulp' in content/vocabulaire.yml). Deze wordt weggelaten"
    ]
    assert loaded.stad.wijken["oost"].agenda[0].hulp == ["mantelzorg"]


@pytest.mark.parametrize(
    ("wijkteam", "message"),
    [
        (
            "wijkteam: Indebuurt033",
            "wijken/oost/index.md:6: 'wijkteam' moet een groep sleutels zijn (naam, telefoon, email, adres, open, website)",
        ),
        ("wijkteam:\n  telefoon: '033 000 00 00'", "wijken/oost/index.md:7: de verplichte sleutel 'wijkteam.naam' ontbreekt"),
        (
            "wijkteam:\n  naam: Wijkteam Oost\n  email: wijkteam-oost",
            "wijken/oost/index.md:8: 'wijkteam.email': 'wijkteam-oost' is geen geldig e-mailadres",
        ),
        (
            "wijkteam:\n  naam: Wijkteam Oost\n  website: www.oost.example",
            "wijken/oost/index.md:8: 'wijkteam.website': 'www.oost.example' is geen volledig webadres",
        ),
    ],
)
def test_a_broken_wijkteam_is_reported_and_the_wijk_keeps_its_profile(city, wijkteam, message):
    city.write(
        "wijken/oost/index.md", f"---\nnaam: Oost\nsamenvatting: De wijk.\nredactie:\n  - oost-redactie\n{wijkteam}\n---\n\nOver Oost.\n"
    )
    loaded, problems = _load(city)
    assert len(problems) == 1 and problems[0].startswith(message), problems
    wijk = loaded.stad.wijken["oost"]
    assert (wijk.naam, wijk.samenvatting, wijk.wijkteam) == ("Oost", "De wijk.", None)


def test_a_wijkteam_with_only_a_name_is_enough(city):
    city.wijk("oost", naam="Oost", wijkteam={"naam": "Wijkteam Oost"})
    loaded, problems = _load(city)
    assert problems == [] and loaded.stad.wijken["oost"].wijkteam.naam == "Wijkteam Oost"


VOCABULAIRE_START = "themas:\n  ontmoeting:\n    naam: Ontmoeting\nonderwerpen:\n  taal:\n    naam: Taal\n"


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        (
            "hulp:\n  vervoer:\n    beschrijving: Rijden.\n",
            "content/vocabulaire.yml:9: de verplichte sleutel 'hulp.vervoer.naam' ontbreekt",
        ),
        ("hulp:\n  index:\n    naam: Alles\n", "content/vocabulaire.yml:8: 'index' kan geen id van een hulpvraag zijn"),
        ("hulp:\n  Vervoer:\n    naam: Vervoer\n", "content/vocabulaire.yml:8: 'Vervoer' is geen geldig id"),
        ("hulp:\n  - vervoer\n", "content/vocabulaire.yml:8: 'hulp' moet per id een groep sleutels hebben"),
        ("hulp:\n  vervoer: Vervoer\n", "content/vocabulaire.yml:8: 'hulp.vervoer' moet een groep sleutels hebben"),
        (
            "hulp:\n  vervoer:\n    naam: Vervoer\n    woord: [rijden]\n",
            "content/vocabulaire.yml:10: onbekende sleutel 'hulp.vervoer.woord'; bedoel je 'woorden'?",
        ),
        ("informatiepunt: Stadhuis\n", "content/vocabulaire.yml:7: 'informatiepunt' moet een groep sleutels zijn"),
        (
            "informatiepunt:\n  naam: Informatiepunt\n  telefoon: bel ons\n",
            "content/vocabulaire.yml:9: 'informatiepunt.telefoon': 'bel ons' is geen telefoonnummer",
        ),
    ],
)
def test_the_vocabulary_reports_bad_needs_and_information_points_on_their_line(city, yaml_text, message):
    city.write("content/vocabulaire.yml", VOCABULAIRE_START + yaml_text)
    _, problems = _load(city)
    assert len(problems) == 1 and problems[0].startswith(message), problems


def test_the_vocabulary_keeps_the_good_needs_beside_a_bad_one(city):
    city.write(
        "content/vocabulaire.yml",
        VOCABULAIRE_START + "hulp:\n  vervoer:\n    naam: Vervoer\n    woorden: rolstoel\n  taal:\n    beschrijving: Zonder naam.\n",
    )
    loaded, _ = _load(city)
    assert list(loaded.stad.vocabulaire.hulp) == ["vervoer"]
    assert loaded.stad.vocabulaire.hulp["vervoer"].woorden == ("rolstoel",)  # one word needs no list


def test_without_needs_in_the_vocabulary_a_need_on_an_item_says_so(city):
    city.write("content/vocabulaire.yml", VOCABULAIRE_START)
    city.wijk("oost", naam="Oost")
    city.initiatief("oost", "soep", hulp=["taal"])
    loaded, problems = _load(city)
    assert problems == [
        "wijken/oost/initiatieven/soep.md:11: onbekende hulpvraag 'taal'; er staan nog geen hulpvragen onder 'hulp' in content/vocabulaire.yml. Deze wordt weggelaten"
    ]
    assert loaded.stad.wijken["oost"].initiatieven and loaded.stad.vocabulaire.informatiepunt is None


# -- the pages ---------------------------------------------------------------------------


HULP_VOCABULAIRE = (
    VOCABULAIRE_START
    + """hulp:
  vervoer:
    naam: Vervoer
    beschrijving: Iemand die je rijdt <of> meegaat.
    woorden: [rolstoel, scootmobiel, "<b>rijden</b>"]
  taal:
    naam: Taal
    beschrijving: Nederlands oefenen.
informatiepunt:
  naam: Informatiepunt <Stad>
  adres: Informatieplein 1, Teststad
  telefoon: "033 000 00 00"
  email: informatiepunt@stad.example
  website: https://informatiepunt.stad.example/
  open: ma t/m vr 9.00–17.00
"""
)


@pytest.fixture
def hulpstad(city):
    city.write("content/vocabulaire.yml", HULP_VOCABULAIRE)
    city.wijk("west", naam="West", wijkteam={"naam": "Wijkteam West & Co", "telefoon": "033 000 01 02", "open": "di 9.00–12.00"})
    city.wijk("oost", naam="Oost", contact="redactie@oost.example")
    city.wijk("centrum", naam="Centrum", wijkteam={"naam": "Indebuurt033 Centrum", "email": "centrum@indebuurt033.example"})
    city.initiatief("oost", "ritjes", titel="Ritjes <script>alert(1)</script>", samenvatting="Wij rijden & helpen.", hulp=["vervoer"])
    city.initiatief("oost", "oud", titel="Oude rijdienst", status="afgerond", hulp=["vervoer"])
    city.initiatief("west", "koffie", titel="Koffie en praten", hulp=["taal"])
    city.activiteit("west", "rijles", titel="Leren scootmobiel rijden", start="2026-12-10 10:00", initiatief="koffie", hulp=["vervoer"])
    city.activiteit("west", "voorbij", titel="Rijden vorig jaar", start="2025-12-10 10:00", hulp=["vervoer"])
    return city.build(strict=True)


def _article_text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _groups(article: str) -> dict[str, str]:
    """The HTML of each wijk's group, by its data-wijk, in page order."""
    container = article[article.index("data-mijn-wijk-eerst") :]
    parts = re.split(r'<section class="bw-hulp-wijk" data-wijk="([a-z0-9-]+)">', container)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_the_build_is_clean(hulpstad):
    assert hulpstad.error is None and hulpstad.warnings == []


def test_the_index_lists_the_needs_the_information_point_and_each_wijks_contact(hulpstad):
    article = hulpstad.article("hulp/")
    text = _article_text(article)
    assert "<h1>Hulp en advies</h1>" in article and "Waar kun je terecht?" in text
    assert 'href="vervoer/">Vervoer</a>' in article and 'href="taal/">Taal</a>' in article
    assert "Iemand die je rijdt &lt;of&gt; meegaat." in article
    assert "Informatiepunt &lt;Stad&gt;" in article and "<Stad>" not in article
    for shown in (
        "Informatieplein 1, Teststad",
        'href="tel:0330000000"',
        "mailto:informatiepunt@stad.example",
        "https://informatiepunt.stad.example/",
        "ma t/m vr 9.00–17.00",
    ):
        assert shown in article, shown
    groups = _groups(article)
    assert list(groups) == ["centrum", "oost", "west"]  # by the wijk's name; the browser puts the resident's own first
    assert "Indebuurt033 Centrum" in groups["centrum"] and "mailto:centrum@indebuurt033.example" in groups["centrum"]
    assert "Wijkteam West &amp; Co" in groups["west"] and "di 9.00–12.00" in groups["west"]
    assert "mailto:redactie@oost.example" in groups["oost"]  # no wijkteam: the redactie


def test_a_need_page_lists_what_helps_per_wijk_and_where_to_go(hulpstad):
    article = hulpstad.article("hulp/vervoer/")
    text = _article_text(article)
    assert "<h1>Vervoer</h1>" in article
    assert "rolstoel, scootmobiel, &lt;b&gt;rijden&lt;/b&gt;" in article  # the residents' words, as text
    groups = _groups(article)
    assert list(groups) == ["centrum", "oost", "west"]
    assert "Ritjes &lt;script&gt;alert(1)&lt;/script&gt;" in groups["oost"] and "Wij rijden &amp; helpen." in groups["oost"]
    assert "<script>alert" not in article
    assert "Oude rijdienst" not in article  # afgerond
    assert "Leren scootmobiel rijden" in groups["west"] and "Rijden vorig jaar" not in article
    assert "Koffie en praten" not in article  # its activiteit helps with vervoer; the initiatief itself with taal
    assert "staat hier nog niets over" in groups["centrum"] and "Indebuurt033 Centrum" in groups["centrum"]
    assert "Wijkteam West &amp; Co" in groups["west"]
    assert "Informatieplein 1, Teststad" in article and 'href="#informatiepunt"' in article
    assert "2 initiatieven en activiteiten in 2 wijken" in text
    assert 'href="../../wijken/oost/initiatieven/ritjes/"' in groups["oost"]


def test_the_taal_page_has_the_initiatief_and_its_activiteit_does_not_follow_it(hulpstad):
    groups = _groups(hulpstad.article("hulp/taal/"))
    assert "Koffie en praten" in groups["west"]
    assert "Leren scootmobiel rijden" in groups["west"]  # an activiteit of an initiatief counts under its needs


def test_the_search_finds_need_pages_first_by_the_residents_words(hulpstad):
    docs = json.loads((hulpstad.site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    vervoer = next(d for d in docs if d["location"] == "hulp/vervoer/")
    assert vervoer["boost"] == 3.0 and "rolstoel" in vervoer["text"] and "scootmobiel" in vervoer["text"]
    index = next(d for d in docs if d["location"] == "hulp/")
    assert index["boost"] == 3.0
    # What the need page repeats of other pages is found on those pages, not here.
    assert not any(d["location"].startswith("hulp/vervoer/") and "Ritjes" in d["text"] for d in docs)


def test_an_initiatief_page_links_the_needs_it_helps_with(hulpstad):
    article = hulpstad.article("wijken/oost/initiatieven/ritjes/")
    assert '<dt>Helpt bij</dt><dd><a href="../../../../hulp/vervoer/">Vervoer</a></dd>' in article
    assert 'href="../../../../hulp/taal/">Taal</a>' in hulpstad.article("wijken/west/initiatieven/koffie/")


def test_without_needs_in_the_vocabulary_hulp_still_says_whom_to_ask_in_each_wijk(city):
    city.wijk("oost", naam="Oost", wijkteam={"naam": "Wijkteam Oost", "telefoon": "033 000 00 00"})
    city.initiatief("oost", "soep")
    city.write("content/vocabulaire.yml", VOCABULAIRE_START)
    result = city.build(strict=True)
    assert result.error is None
    html = result.article("hulp/")  # the home page, the search and the 404 page link it
    assert "Wijkteam Oost" in html and 'id="waarbij"' not in html
    assert not result.exists("hulp/mantelzorg/")
    assert "Helpt bij" not in result.article("wijken/oost/initiatieven/soep/")
