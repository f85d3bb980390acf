"""The kennisuitwisseling as pure functions: the documented order, matching and the index."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from city import REPO

from bovenwijks.city.kennisuitwisseling import Uitwisseling, best, volgorde
from bovenwijks.city.textfit import RELATED, TextFit, words
from bovenwijks.content.load import load_stad
from bovenwijks.content.suggest import did_you_mean_one_of
from bovenwijks.content.vocabulaire import load_vocabulaire
from bovenwijks.model import Initiatief, Kennis, Kennisregel, Stad, Wijk

VOCABULAIRE, _ = load_vocabulaire(REPO)


def initiatief(
    wijk: str, slug: str, status: str = "actief", themas=("ontmoeting",), gestart=None, bijgewerkt=None, biedt=(), zoekt=()
) -> Initiatief:
    """An initiatief as the loader makes it, with `biedt`/`zoekt` given as onderwerp ids."""
    return Initiatief(
        wijk=wijk,
        slug=slug,
        source=f"wijken/{wijk}/initiatieven/{slug}.md",
        titel=slug,
        status=status,
        themas=list(themas),
        gestart=gestart,
        bijgewerkt=bijgewerkt,
        biedt=[Kennisregel(o) for o in biedt],
        zoekt=[Kennisregel(o) for o in zoekt],
    )


def kennis(wijk: str, slug: str, soort: str, onderwerpen, datum: date, body: str = "") -> Kennis:
    return Kennis(
        wijk=wijk,
        slug=slug,
        source=f"wijken/{wijk}/kennis/{slug}.md",
        titel=slug,
        soort=soort,
        onderwerpen=list(onderwerpen),
        datum=datum,
        body=body,
    )


def stad(*items) -> Stad:
    """A city of the wijken these items belong to."""
    wijken: dict[str, Wijk] = {}
    for item in items:
        wijk = wijken.setdefault(item.wijk, Wijk(item.wijk, item.wijk.title(), f"wijken/{item.wijk}/index.md"))
        getattr(wijk, item.folder).append(item)
    return Stad("Teststad", wijken, VOCABULAIRE)


# -- the documented order ----------------------------------------------------------------

ZOEKER = initiatief("oost", "zoeker", themas=("ontmoeting", "groen-en-duurzaam"))
NIEUW, OUD = date(2026, 11, 1), date(2024, 3, 1)


@pytest.mark.parametrize(
    ("beter", "slechter"),
    [
        # Status first, whatever the dates.
        (initiatief("west", "a", "actief", bijgewerkt=OUD), initiatief("west", "b", "idee", bijgewerkt=NIEUW)),
        (initiatief("west", "a", "idee", bijgewerkt=OUD), initiatief("west", "b", "gepauzeerd", bijgewerkt=NIEUW)),
        (initiatief("west", "a", "gepauzeerd", bijgewerkt=OUD), initiatief("west", "b", "afgerond", bijgewerkt=NIEUW)),
        (initiatief("west", "a", "actief"), initiatief("west", "b", "idee", bijgewerkt=NIEUW)),
        # Then the most recent of bijgewerkt, or else gestart.
        (initiatief("west", "b", bijgewerkt=NIEUW), initiatief("west", "a", bijgewerkt=OUD)),
        (initiatief("west", "b", gestart=OUD, bijgewerkt=NIEUW), initiatief("west", "a", gestart=date(2026, 10, 1))),
        (initiatief("west", "b", gestart=NIEUW), initiatief("west", "a", gestart=OUD)),
        (initiatief("west", "b", gestart=OUD), initiatief("west", "a")),  # undated last
        # Then the most themas in common with the seeker.
        (
            initiatief("west", "b", themas=("ontmoeting", "groen-en-duurzaam"), bijgewerkt=NIEUW),
            initiatief("west", "a", themas=("ontmoeting",), bijgewerkt=NIEUW),
        ),
        (initiatief("west", "b", themas=("ontmoeting",)), initiatief("west", "a", themas=("leefbaarheid",))),
        # Then by wijk and file name, so that every build gives the same order.
        (initiatief("noord", "z"), initiatief("west", "a")),
        (initiatief("west", "a"), initiatief("west", "b")),
    ],
    ids=[
        "actief-idee",
        "idee-gepauzeerd",
        "gepauzeerd-afgerond",
        "actief-undated",
        "bijgewerkt",
        "bijgewerkt-over-gestart",
        "gestart",
        "dated-undated",
        "two-themas",
        "one-thema",
        "wijk",
        "naam",
    ],
)
def test_order_of_matches(beter, slechter):
    assert volgorde(ZOEKER, beter) < volgorde(ZOEKER, slechter)


def test_every_status_has_its_own_rank_in_the_documented_order():
    from bovenwijks.keuzes import STATUS_VOLGORDE, STATUSSEN

    assert STATUS_VOLGORDE == ("actief", "idee", "gepauzeerd", "afgerond")
    assert sorted(s.rang for s in STATUSSEN) == list(range(len(STATUSSEN)))


# -- best: the first few of a ranked stream, read lazily -----------------------------------


@pytest.mark.parametrize(
    ("ranked", "limit", "expected"),
    [
        ([(1, "b"), (1, "a"), (2, "c")], 2, [(1, "a"), (1, "b")]),  # a run is reordered by the tie
        ([(1, "b"), (2, "a"), (3, "c")], 2, [(1, "b"), (2, "a")]),  # never across runs
        ([(1, "x"), (1, "a"), (2, "c")], 5, [(1, "a"), (2, "c")]),  # `keep` leaves x out
        ([], 3, []),
    ],
)
def test_best(ranked, limit, expected):
    assert best(ranked, group=lambda t: t[0], tie=lambda t: t[1], keep=lambda t: t[1] != "x", limit=limit) == expected


def test_best_reads_only_as_far_as_the_limit_needs():
    read = []

    def ranked():
        for n in range(1000):
            read.append(n)
            yield n

    assert best(ranked(), group=lambda n: n, tie=lambda n: n, keep=lambda n: True, limit=3) == [0, 1, 2]
    assert len(read) <= 4  # the run after the last one taken shows that the limit is reached


# -- matching ------------------------------------------------------------------------------


def _assorted_city() -> Stad:
    """Initiatieven of every status, date and thema combination, in five wijken."""
    items = []
    statussen = ["actief", "idee", "gepauzeerd", "afgerond"]
    datums = [None, OUD, NIEUW]
    themas = [("ontmoeting",), ("ontmoeting", "groen-en-duurzaam"), ("leefbaarheid",)]
    onderwerpen = ["subsidie-aanvragen", "vrijwilligers-werven", "repareren"]
    combos = itertools.product(statussen, datums, themas)
    for n, (status, datum, thema) in enumerate(combos):
        wijk = ["noord", "oost", "oosterpark", "west", "zuid"][n % 5]
        items.append(
            initiatief(
                wijk,
                f"i{n:02d}",
                status,
                thema,
                bijgewerkt=datum,
                biedt=[onderwerpen[n % 3], onderwerpen[(n + 1) % 3]] if n % 4 else [onderwerpen[n % 3]],
                zoekt=[onderwerpen[(n // 4) % 3]] if n % 7 else [],
            )
        )
    return stad(*items)


@pytest.mark.parametrize("limit", [1, 3, 100])
def test_matches_are_the_brute_force_order_of_other_wijken(limit):
    """The indexed, lazy matching gives exactly what sorting every pair would."""
    city = _assorted_city()
    u = Uitwisseling(city, limit=limit)
    initiatieven = city.initiatieven()
    checked = 0
    for zoeker in initiatieven:
        for kant, andere_kant in (("zoekt", "biedt"), ("biedt", "zoekt")):
            for regel in u.regels(zoeker, kant):
                kandidaten = [
                    i
                    for i in initiatieven
                    if i.wijk != zoeker.wijk and any(r.onderwerp == regel.onderwerp for r in getattr(i, andere_kant))
                ]
                expected = sorted(kandidaten, key=lambda i: volgorde(zoeker, i))
                match = u.match(regel)
                assert [r.initiatief.identity for r in match.beste] == [i.identity for i in expected[:limit]]
                assert match.totaal == len(expected)
                assert match.meer == max(0, len(expected) - limit)
                checked += 1
    assert checked > 50


def test_no_match_within_one_wijk_and_oost_is_not_oosterpark():
    city = stad(
        initiatief("oost", "zoekt", zoekt=["subsidie-aanvragen"]),
        initiatief("oost", "buur", biedt=["subsidie-aanvragen"]),
        initiatief("oosterpark", "park", biedt=["subsidie-aanvragen"]),
    )
    u = Uitwisseling(city)
    match = u.match(u.regels(city.wijken["oost"].initiatieven[0], "zoekt")[0])
    assert [r.initiatief.identity for r in match.beste] == ["oosterpark/initiatieven/park"]
    assert match.totaal == 1


def test_index_by_onderwerp_counts_wijken_not_initiatieven():
    city = stad(
        initiatief("oost", "a", biedt=["repareren"]),
        initiatief("oost", "b", biedt=["repareren"]),
        initiatief("west", "c", biedt=["repareren"], zoekt=["repareren"]),
    )
    repareren = Uitwisseling(city).onderwerpen["repareren"]
    assert (repareren.wijken_biedt, repareren.wijken_zoekt) == (2, 1)
    assert len(repareren.biedt) == 3
    assert Uitwisseling(city).onderwerpen["taal"].leeg


def test_every_entry_has_its_own_anchor():
    city = stad(initiatief("oost", "a", zoekt=["repareren", "repareren", "taal"]), initiatief("oost", "b", zoekt=["repareren"]))
    ankers = [r.anker for i in city.initiatieven() for r in Uitwisseling(city).regels(i, "zoekt")]
    assert len(set(ankers)) == len(ankers) == 4
    assert ankers[0] == "zoekt--oost--a--repareren"


def test_wijk_aanbod_and_vraag():
    city = stad(
        initiatief("oost", "a", biedt=["repareren", "taal"], zoekt=["subsidie-aanvragen"]),
        initiatief("west", "b", zoekt=["repareren"], biedt=["subsidie-aanvragen"]),
        initiatief("noord", "c", zoekt=["repareren"]),
    )
    u = Uitwisseling(city)
    aanbod = {k.onderwerp.id: (len(regels), zoekers) for k, regels, zoekers in u.wijk_aanbod("oost")}
    assert aanbod == {"repareren": (1, 2), "taal": (1, 0)}
    [(onderwerp, [vraag])] = u.wijk_vraag("oost")
    assert onderwerp.onderwerp.id == vraag.regel.onderwerp == "subsidie-aanvragen" and vraag.totaal == 1


# -- vragen and ervaringen ------------------------------------------------------------------


# Texts for the tests below: two about computer help, one about reading aloud, and filler
# that makes the common words (wijk, vrijwilligers) common, as they are in a real city.
COMPUTERHULP = "Wie helpt ouderen met de computer? De computerhulp zoekt vrijwilligers voor een spreekuur over tablets."
SPREEKUUR = "Ons digitaal spreekuur in de bibliotheek: vrijwilligers helpen met tablets, telefoons en de computer."
VOORLEZEN = "Voorlezen aan kinderen in de wijk: vrijwilligers lezen prentenboeken voor."
VULLING = [
    "Vrijwilligers van de buurttuin maken de wijk groener.",
    "De wijkkrant zoekt vrijwilligers om hem te bezorgen in de wijk.",
    "In het buurthuis koken vrijwilligers voor de wijk.",
    "Vrijwilligers ruimen samen zwerfafval op in de wijk.",
]


def test_ervaringen_whose_texts_fit_answer_a_vraag_best_fit_first():
    vraag = kennis("oost", "vraag", "vraag", ["vrijwilligers-werven", "digitale-vaardigheden"], date(2026, 11, 20), COMPUTERHULP)
    city = stad(
        vraag,
        kennis("west", "spreekuur", "ervaring", ["digitale-vaardigheden"], date(2026, 10, 1), SPREEKUUR),
        kennis(
            "noord",
            "ook-computerhulp",
            "ervaring",
            ["vrijwilligers-werven"],
            date(2026, 9, 1),
            "Computerhulp aan huis: zo vonden wij vrijwilligers.",
        ),
        kennis("zuid", "voorlezen", "ervaring", ["vrijwilligers-werven"], date(2026, 11, 1), VOORLEZEN),
        kennis("oost", "eigen-wijk", "ervaring", ["digitale-vaardigheden"], date(2026, 11, 15), SPREEKUUR),
        kennis("west", "ander-onderwerp", "ervaring", ["taal"], date(2026, 11, 15), SPREEKUUR),
        *(kennis("noord", f"vulling-{n}", "ervaring", ["buurttuin"], date(2026, 1, 1), t) for n, t in enumerate(VULLING)),
    )
    u = Uitwisseling(city, limit=10)
    # Voorlezen shares an onderwerp and the word "vrijwilligers", but no more: it is left out.
    # The own wijk and an onderwerp the vraag is not about are never candidates, however well they fit.
    assert [k.slug for k in u.antwoord(vraag).beste] == ["spreekuur", "ook-computerhulp"]
    # And the other way round, the same pairs: the vragen an ervaring helps with.
    assert [k.slug for k in u.antwoord(city.wijken["west"].kennis[0]).beste] == ["vraag"]
    assert u.antwoord(city.wijken["zuid"].kennis[0]).beste == []
    assert [a.kennis.slug for a in u.beantwoorde_vragen()] == ["vraag"]
    assert [k.slug for k in Uitwisseling(city, limit=1).antwoord(vraag).beste] == ["spreekuur"]


def test_texts_that_fit_alike_go_newest_first_then_by_identity():
    vraag = kennis("oost", "vraag", "vraag", ["digitale-vaardigheden"], date(2026, 11, 20), COMPUTERHULP)
    same = [("zuid", "b", date(2026, 10, 1)), ("west", "c", date(2026, 11, 1)), ("noord", "a", date(2026, 10, 1))]
    city = stad(
        vraag,
        *(kennis(w, s, "ervaring", ["digitale-vaardigheden"], d, SPREEKUUR) for w, s, d in same),
        *(kennis("noord", f"vulling-{n}", "ervaring", ["buurttuin"], date(2026, 1, 1), t) for n, t in enumerate(VULLING)),
    )
    assert [k.identity for k in Uitwisseling(city, limit=10).antwoord(vraag).beste] == [
        "west/kennis/c",
        "noord/kennis/a",
        "zuid/kennis/b",
    ]


def test_a_city_without_vragen_or_ervaringen_answers_nothing():
    alleen = stad(kennis("oost", "vraag", "vraag", ["taal"], date(2026, 11, 20), COMPUTERHULP))
    assert Uitwisseling(alleen).beantwoorde_vragen() == []
    assert Uitwisseling(stad(initiatief("oost", "a"))).beantwoorde_vragen() == []


# -- how well texts fit: Dutch stems, no stop words, BM25 ---------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("De vrijwilligers en een vrijwilliger", ["vrijwil", "vrijwil"]),  # one stem for both forms
        ("Wie helpt ons met de computer?", ["help", "computer"]),  # Dutch stop words dropped
        ("Repair café in de wijk", ["repair", "café", "wijk"]),
        ("de en het", []),
    ],
)
def test_words(text, expected):
    assert words(text) == expected


def test_fit_is_a_share_of_the_texts_own_score_and_ignores_stop_words():
    fit = TextFit([COMPUTERHULP, SPREEKUUR, VOORLEZEN, *VULLING, "Wie is er met de tuin voor een?", ""])
    computerhulp = fit.fit(0)
    assert computerhulp[0] == pytest.approx(1.0)
    assert computerhulp[1] >= RELATED > computerhulp[2]
    assert fit.fit(1)[0] >= RELATED  # both ways
    assert computerhulp[-2] == 0  # only stop words in common
    assert list(fit.fit(len(VULLING) + 4)) == [0] * fit.size  # a text of stop words fits nothing


# -- the demo city: pairs that share an onderwerp, whose texts do or do not relate ---------

DEMO = load_stad(REPO).stad


@pytest.mark.parametrize(
    "vraag, ervaring, relates",
    [
        # The known false match: both about recruiting volunteers, one for computer help at
        # home, the other for reading aloud with parents who learn Dutch.
        ("zielhorst/kennis/computerhulp-nieuwe-vorm", "randenbroek/kennis/voorlezen-met-taalvrijwilligers", False),
        ("soesterkwartier/kennis/jongeren-in-het-repair-cafe", "randenbroek/kennis/voorlezen-met-taalvrijwilligers", False),
        ("soesterkwartier/kennis/jongeren-in-het-repair-cafe", "hoogland/kennis/burenhulp-en-verzekering", False),
        # Material for taalmaatjes, and a book list for taal volunteers.
        ("hoogland/kennis/taalmaatjes-materiaal", "randenbroek/kennis/voorlezen-met-taalvrijwilligers", True),
        # Computer help at home or a spreekuur, and a digital spreekuur with the library.
        ("zielhorst/kennis/computerhulp-nieuwe-vorm", "schothorst-noord/kennis/samenwerken-met-bibliotheek-en-wijkteam", True),
        ("kruiskamp/kennis/tijdelijke-ruimte-voor-kledingbank", "zielhorst/kennis/onderdak-in-de-kerk", True),
        ("vathorst-de-velden/kennis/meeschrijven-aan-het-wijkplan", "randenbroek/kennis/prioriteiten-in-het-wijkplan", True),
        ("soesterkwartier/kennis/jongeren-in-het-repair-cafe", "kruiskamp/kennis/jongeren-zelf-aan-het-roer", True),
    ],
)
def test_demo_pairs_relate_only_when_their_texts_do(vraag, ervaring, relates):
    items = {k.identity: k for k in DEMO.kennis()}
    assert set(items[vraag].onderwerpen) & set(items[ervaring].onderwerpen)  # a candidate either way
    u = Uitwisseling(DEMO, limit=100)
    assert (ervaring in [k.identity for k in u.antwoord(items[vraag]).beste]) is relates
    assert (vraag in [k.identity for k in u.antwoord(items[ervaring]).beste]) is relates


@pytest.mark.parametrize("limit", [1, 3, 100])
def test_answers_are_the_brute_force_fit_of_every_pair(limit):
    """Every pair compared: the candidates of other wijken about a shared onderwerp whose texts fit, best first."""
    items = DEMO.kennis()
    fit = TextFit([f"{k.titel}\n{k.body}" for k in items])
    u = Uitwisseling(DEMO, limit=limit)
    pairs = {}
    for n, vraag in enumerate(items):
        for m, ervaring in enumerate(items):
            fits = round(float(fit.fit(n)[m]), 4)
            other_wijk = vraag.soort == "vraag" and ervaring.soort == "ervaring" and vraag.wijk != ervaring.wijk
            if other_wijk and set(vraag.onderwerpen) & set(ervaring.onderwerpen) and fits >= RELATED:
                pairs[(vraag.identity, ervaring.identity)] = fits
    assert len(pairs) > 10
    for item in items:
        related = [(f, b if a == item.identity else a) for (a, b), f in pairs.items() if item.identity in (a, b)]
        other = {k.identity: k for k in items}
        expected = sorted(related, key=lambda t: (-t[0], -other[t[1]].datum.toordinal(), t[1]))
        assert [k.identity for k in u.antwoord(item).beste] == [i for _, i in expected[:limit]], item.identity
    assert [a.kennis.identity for a in u.beantwoorde_vragen()] == [v.identity for v in items if v.soort == "vraag" and u.antwoord(v).beste]


# -- unknown onderwerpen: the nearest known ones -------------------------------------------

WORDS = VOCABULAIRE.woorden()


@pytest.mark.parametrize(
    ("word", "hint"),
    [
        ("subsidies", "bedoel je 'subsidie-aanvragen'?"),  # close to the alias `subsidie`
        ("vrijwilliger", "bedoel je 'vrijwilligers-werven'?"),
        ("tuinieren", "bedoel je 'buurttuin' of 'eenzaamheid-signaleren'?"),  # `tuin` starts it
        ("Repair café", "bedoel je 'repareren'?"),
    ],
)
def test_unknown_onderwerp_suggests_the_nearest(word, hint):
    assert did_you_mean_one_of(word, WORDS) == hint


def test_unknown_onderwerp_without_a_near_one_lists_them_all():
    hint = did_you_mean_one_of("fietsenmaken", WORDS)
    assert hint.startswith("kies uit: 'bewoners-betrekken', 'buurttuin'")
    assert hint.count("'") == 2 * len(VOCABULAIRE.onderwerpen)
