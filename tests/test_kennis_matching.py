"""The kennisuitwisseling as pure functions: the documented order, matching and the index."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from city import REPO

from bovenwijks.city.kennisuitwisseling import Uitwisseling, best, volgorde
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


def kennis(wijk: str, slug: str, soort: str, onderwerpen, datum: date) -> Kennis:
    return Kennis(
        wijk=wijk, slug=slug, source=f"wijken/{wijk}/kennis/{slug}.md", titel=slug, soort=soort, onderwerpen=list(onderwerpen), datum=datum
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


def test_ervaringen_of_other_wijken_answer_a_vraag_newest_first_then_most_shared():
    vraag = kennis("oost", "vraag", "vraag", ["vrijwilligers-werven", "communicatie"], date(2026, 11, 20))
    city = stad(
        vraag,
        kennis("west", "een-gedeeld", "ervaring", ["vrijwilligers-werven"], date(2026, 10, 1)),
        kennis("noord", "twee-gedeeld", "ervaring", ["communicatie", "vrijwilligers-werven"], date(2026, 10, 1)),
        kennis("zuid", "nieuwste", "ervaring", ["communicatie"], date(2026, 11, 1)),
        kennis("oost", "eigen-wijk", "ervaring", ["vrijwilligers-werven"], date(2026, 11, 15)),
        kennis("west", "ander-onderwerp", "ervaring", ["taal"], date(2026, 11, 15)),
        kennis("west", "andere-vraag", "vraag", ["communicatie"], date(2026, 11, 15)),
    )
    u = Uitwisseling(city, limit=10)
    assert [k.slug for k in u.antwoord(vraag).beste] == ["nieuwste", "twee-gedeeld", "een-gedeeld"]
    # And the other way round: the vragen an ervaring helps with.
    ervaring = city.wijken["zuid"].kennis[0]
    assert [k.slug for k in u.antwoord(ervaring).beste] == ["vraag", "andere-vraag"]
    assert [a.kennis.slug for a in u.beantwoorde_vragen()] == ["vraag", "andere-vraag"]


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
