"""The weekly nieuwsbrief: what the letter of a week holds, on the web, in its feed and as a mail."""

from __future__ import annotations

import contextvars
import email
import email.policy
import re
from datetime import date

import feedparser
import pytest
from city import SITE_URL, City

from bovenwijks.city.kennisuitwisseling import Uitwisseling
from bovenwijks.city.nieuwsbrief import ARCHIEF, MAX_PER_DAG, MAX_PER_SOORT, Lijst, Week, brief, brieven, lijsten
from bovenwijks.content.load import load_stad
from bovenwijks.publish.nieuwsbrief import mail, message_id, samenvatting, tekst
from bovenwijks.site import fotos
from bovenwijks.site.fotos import Foto, Rendition
from bovenwijks.site.nieuwsbriefpages import brief_html


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2026-W49", Week(2026, 49)),
        ("2026-w49", Week(2026, 49)),
        ("2026W49", Week(2026, 49)),
        (" 2026-W01 ", Week(2026, 1)),
        ("2027-W53", ValueError("week 53 bestaat niet in 2027")),
        ("2026-W53", Week(2026, 53)),  # 2026 begins on a Thursday: it has 53 weeks
        ("2026-W00", ValueError("week 00 bestaat niet in 2026")),
        ("2020-W53", Week(2020, 53)),
        ("2026-49", ValueError("'2026-49' is geen week; schrijf het jaar en de week zo: 2026-W49")),
        ("week 49", ValueError("'week 49' is geen week")),
    ],
)
def test_a_week_is_read_as_iso_writes_it(text, expected):
    if isinstance(expected, ValueError):
        with pytest.raises(ValueError, match=re.escape(str(expected))):
            Week.lees(text)
    else:
        assert Week.lees(text) == expected


@pytest.mark.parametrize(
    "week, agenda, terug",
    [
        # Week 49 of 2026: Monday 30 November. Its agenda runs through Sunday of week 50.
        (Week(2026, 49), (date(2026, 11, 30), date(2026, 12, 13)), (date(2026, 11, 23), date(2026, 11, 29))),
        # Across the year: week 1 of 2027 starts on 4 January.
        (Week(2027, 1), (date(2027, 1, 4), date(2027, 1, 17)), (date(2026, 12, 28), date(2027, 1, 3))),
    ],
)
def test_a_letter_looks_two_weeks_ahead_and_one_back(week, agenda, terug):
    assert week.agenda == agenda
    assert week.terug == terug
    assert Week.van(agenda[0]) == week and week.vorige() == Week.van(terug[0])


def _stad(city: City):
    """Oost: a weekly series with a cancelled time, news in and out of the week, a new initiatief,
    a vraag, and an entry that West offers. Built for Monday 23 November 2026 (week 48)."""
    city.wijk("oost", "Oost")
    city.wijk("west", "West")
    city.activiteit(
        "oost",
        "taalcafe",
        start="2026-11-03 19:30",
        titel="Taalcafé",
        eind="2026-11-03 21:00",
        herhaling={"elke": "week", "behalve": [{"datum": "2026-12-01", "reden": "De zaal is bezet."}, "2026-11-24"]},
    )
    city.activiteit("oost", "kerstmarkt", start="2026-12-06 11:00", titel="Kerstmarkt")
    city.activiteit("oost", "later", start="2026-12-10 19:30", titel="Te laat voor deze week")
    city.foto("wijken/oost/nieuws/bankje.jpg")
    city.bericht(
        "oost",
        "nieuw",
        datum="2026-11-20",
        titel="Bankje geplaatst",
        samenvatting="Bij de vijver.",
        afbeelding={"bestand": "bankje.jpg", "alt": "Het nieuwe bankje bij de vijver"},
    )
    city.bericht("oost", "oud", datum="2026-11-10", titel="Oud nieuws")
    city.initiatief("oost", "moestuin", titel="Moestuin Oost", gestart="2026-11-18", zoekt=[{"onderwerp": "vrijwilligers-werven"}])
    city.initiatief("oost", "koor", titel="Buurtkoor", gestart="2025-01-01")
    city.kennis("oost", "vraag", titel="Hoe vind je een penningmeester?", datum="2026-11-19")
    city.initiatief("west", "repair", titel="Repair Café West", gestart="2026-11-17", biedt=[{"onderwerp": "vrijwilligers-werven"}])
    city.bericht("west", "west-nieuws", datum="2026-11-21", titel="Nieuws uit West")


@pytest.fixture
def stad(city):
    _stad(city)
    loaded = load_stad(city.root, vandaag=date(2026, 11, 23))
    assert not loaded.problems, loaded.problems
    return loaded.stad


def test_the_letter_of_a_wijk_holds_its_two_weeks_and_last_weeks_news(stad):
    letter = brief(stad, "oost", Week(2026, 48), Uitwisseling(stad))
    times = [(k.titel, k.start.date().isoformat(), k.afgelast) for k in letter.activiteiten]
    # 24 November is dropped (a bare date), 1 December stays with its reason, 10 December is after the letter's fortnight.
    assert times == [
        ("Taalcafé", "2026-12-01", "De zaal is bezet."),
        ("Kerstmarkt", "2026-12-06", None),
    ]
    assert [b.titel for b in letter.berichten] == ["Bankje geplaatst"]
    assert [i.titel for i in letter.initiatieven] == ["Moestuin Oost"]
    assert [k.titel for k in letter.vragen] == ["Hoe vind je een penningmeester?"]
    assert [(k.zoekt.initiatief.titel, k.biedt.initiatief.titel) for k in letter.koppelingen] == [("Moestuin Oost", "Repair Café West")]
    assert letter.sleutel == "oost/2026-W48"


def test_a_time_still_going_on_on_monday_stands_under_monday(city):
    city.wijk("oost", "Oost")
    city.activiteit("oost", "expositie", start="2026-11-21 10:00", eind="2026-11-25 17:00", titel="Expositie")
    city.activiteit("oost", "voorbij", start="2026-11-22 10:00", eind="2026-11-22 17:00", titel="Gisteren")
    city.activiteit("oost", "maandag", start="2026-11-23 19:00", titel="Maandagavond")
    stad = load_stad(city.root, vandaag=date(2026, 11, 23)).stad
    letter = brief(stad, "oost", Week(2026, 48), Uitwisseling(stad))
    assert [(d.datum.isoformat(), [k.titel for k in d.activiteiten]) for d in letter.dagen] == [
        ("2026-11-23", ["Expositie", "Maandagavond"])
    ]


def test_the_citys_letter_holds_every_wijk(stad):
    letter = brief(stad, None, Week(2026, 48), Uitwisseling(stad))
    assert [b.titel for b in letter.berichten] == ["Nieuws uit West", "Bankje geplaatst"]
    assert letter.sleutel == "stad/2026-W48"
    assert len(letter.koppelingen) == 1  # each pair once, not once from each wijk


@pytest.mark.parametrize("wijk", ["oost", "west", None])
def test_an_archive_shares_its_matches_and_is_each_week_made_alone(stad, wijk):
    # `brieven` finds a list's candidate matches once for all its weeks: the same letters as each made on its own.
    uitwisseling = Uitwisseling(stad)
    archive = brieven(stad, wijk, Week(2026, 48), uitwisseling)
    alone = [brief(stad, wijk, Week(2026, 48).vorige(n), uitwisseling) for n in range(ARCHIEF)]
    assert archive == [b for b in alone if not b.leeg]
    assert any(b.koppelingen for b in archive)


def test_a_week_with_nothing_in_it_has_no_letter(stad):
    assert brief(stad, "west", Week(2026, 40), Uitwisseling(stad)).leeg
    assert not brief(stad, "west", Week(2026, 48), Uitwisseling(stad)).leeg


def test_a_series_cancelled_whole_is_listed_once(city):
    city.wijk("oost", "Oost")
    werkdagen = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"]
    city.activiteit(
        "oost",
        "koffie",
        start="2026-11-02 10:00",
        titel="Koffie-ochtend",
        herhaling={"elke": "week", "dagen": werkdagen, "aantal": 60},
        afgelast="Het buurthuis wordt verbouwd.",
    )
    city.activiteit("oost", "markt", start="2026-12-02 11:00", titel="Markt")
    stad = load_stad(city.root, vandaag=date(2026, 11, 23)).stad
    letter = brief(stad, "oost", Week(2026, 49), Uitwisseling(stad))
    # As the agenda lists it: once, at its next time, with why; what does go on is not pushed down.
    assert [(k.titel, k.datum.isoformat(), k.afgelast) for k in letter.activiteiten] == [
        ("Koffie-ochtend", "2026-11-30", "Het buurthuis wordt verbouwd."),
        ("Markt", "2026-12-02", None),
    ]


def test_the_match_of_a_new_initiatief_is_new_also_when_it_was_edited_since(city):
    city.wijk("oost", "Oost")
    city.wijk("west", "West")
    city.initiatief(
        "oost",
        "moestuin",
        titel="Moestuin Oost",
        gestart="2026-11-18",
        bijgewerkt="2026-12-05",
        zoekt=[{"onderwerp": "vrijwilligers-werven"}],
    )
    city.initiatief("west", "repair", titel="Repair Café West", gestart="2024-01-01", biedt=[{"onderwerp": "vrijwilligers-werven"}])
    stad = load_stad(city.root, vandaag=date(2026, 12, 7)).stad
    letter = brief(stad, "oost", Week(2026, 48), Uitwisseling(stad))
    assert [i.titel for i in letter.initiatieven] == ["Moestuin Oost"]
    assert [(k.zoekt.initiatief.titel, k.biedt.initiatief.titel) for k in letter.koppelingen] == [("Moestuin Oost", "Repair Café West")]


@pytest.mark.parametrize(
    "raw, expected",
    [
        ({"oost": {"aan": "lijst@oost.example"}}, {"oost": Lijst("lijst@oost.example")}),
        (
            {"stad": {"aanmelden": "https://lijst.example/aanmelden", "afmelden": "afmelden@lijst.example"}},
            {"stad": Lijst(None, "https://lijst.example/aanmelden", "mailto:afmelden@lijst.example")},
        ),
        ({"oost": "lijst@oost.example"}, ValueError("nieuwsbrief: oost moet {aan, aanmelden, afmelden} zijn")),
        (
            {"oost": {"adres": "x@y.example"}},
            ValueError("nieuwsbrief: oost heeft onbekende sleutel(s) adres; kies uit aan, aanmelden, afmelden"),
        ),
        ({"oost": {"aan": 3}}, ValueError("nieuwsbrief: oost.aan moet een adres zijn, geen 3")),
        (None, {}),
    ],
)
def test_the_mailing_lists_are_read_from_the_configuration(raw, expected):
    if isinstance(expected, ValueError):
        with pytest.raises(ValueError, match=re.escape(str(expected))):
            lijsten(raw)
    else:
        assert lijsten(raw) == expected


@pytest.mark.parametrize(
    "raw, message",
    [
        ({"oost": {"aanmelden": "lijsten.example.org/oost"}}, "nieuwsbrief: oost.aanmelden is 'lijsten.example.org/oost'"),
        ({"oost": {"afmelden": "ftp://lijsten.example.org/oost"}}, "nieuwsbrief: oost.afmelden is 'ftp://lijsten.example.org/oost'"),
    ],
)
def test_a_sign_up_or_leave_address_that_is_no_link_is_named(raw, message):
    with pytest.raises(ValueError, match=re.escape(message) + ".*https://.*mailto:"):
        lijsten(raw)


def _drukke_stad(city: City, wijken: int, per_wijk: int):
    """`wijken` wijken, each with `per_wijk` weekly series on every day and as many berichten and new initiatieven last week."""
    for w in range(wijken):
        slug = f"wijk-{w}"
        city.wijk(slug, f"Wijk {w}")
        for n in range(per_wijk):
            dag = 23 + n % 7  # Monday 23 November and the six days after it
            city.activiteit(
                slug, f"reeks-{n}", start=f"2026-11-{dag} {10 + n % 10}:00", titel=f"Reeks {n} van wijk {w}", herhaling={"elke": "week"}
            )
            city.bericht(
                slug,
                f"bericht-{n}",
                datum=f"2026-11-{16 + n % 7}",
                titel=f"Bericht {n} van wijk {w}",
                samenvatting="Een zin over het nieuws.",
            )
            city.initiatief(slug, f"initiatief-{n}", titel=f"Initiatief {n} van wijk {w}", gestart=f"2026-11-{16 + n % 7}")
    loaded = load_stad(city.root, vandaag=date(2026, 11, 23))
    assert not loaded.problems, loaded.problems
    return loaded.stad


def test_a_full_letter_lists_the_first_of_each_day_and_kind_and_links_the_rest(city):
    stad = _drukke_stad(city, 1, 3 * 7)  # three series on each day of the week
    letter = brief(stad, "wijk-0", Week(2026, 48), Uitwisseling(stad))
    assert len(letter.activiteiten) == 42  # two weeks of 21 weekly series: every time is counted
    assert [(d.datum.isoformat(), len(d.activiteiten), d.meer) for d in letter.dagen][:2] == [
        ("2026-11-23", 3, 0),
        ("2026-11-24", 3, 0),
    ]
    assert (len(letter.berichten), letter.meer_berichten) == (MAX_PER_SOORT, 21 - MAX_PER_SOORT)
    assert (len(letter.initiatieven), letter.meer_initiatieven) == (MAX_PER_SOORT, 21 - MAX_PER_SOORT)
    assert samenvatting(letter) == "42 keer in de agenda, 21 berichten, 21 nieuwe initiatieven"

    web = brief_html(letter, "nieuwsbrief/wijk-0/")
    assert web.count('class="bw-brief__item"') == 42 + 2 * MAX_PER_SOORT
    # A wijk's letter links the wijk's own lists, where every one of them is.
    assert '<a href="../../wijken/wijk-0/alle/nieuws/">Nog 11 berichten op de site</a>' in web
    assert '<a href="../../wijken/wijk-0/alle/initiatieven/">Nog 11 nieuwe initiatieven op de site</a>' in web
    assert "in de agenda</a>" not in web  # three a day fit


def test_the_citys_full_letter_links_each_days_rest_to_the_agenda(city):
    stad = _drukke_stad(city, 3, 3 * 7)  # nine times a day in the city
    letter = brief(stad, None, Week(2026, 48), Uitwisseling(stad))
    dagen = letter.dagen
    assert [(len(d.activiteiten), d.meer) for d in dagen] == [(MAX_PER_DAG, 9 - MAX_PER_DAG)] * 14
    assert [k.titel for k in dagen[0].activiteiten][:2] == ["Reeks 0 van wijk 0", "Reeks 0 van wijk 1"]  # the earliest first

    web = brief_html(letter, "nieuwsbrief/")
    assert '<a href="../agenda/">Nog 3 activiteiten op maandag 23 november 2026 in de agenda</a>' in web
    assert '<a href="../nieuws/">Nog 53 berichten op de site</a>' in web
    assert '<a href="../initiatieven/">Nog 53 nieuwe initiatieven op de site</a>' in web
    text = tekst(letter, SITE_URL)
    assert "Nog 3 activiteiten op zondag 6 december 2026 in de agenda:\n  https://stad.example/agenda/" in text
    assert "Nog 53 berichten op de site:\n  https://stad.example/nieuws/" in text
    assert text.count("\n- ") == 14 * MAX_PER_DAG + 2 * MAX_PER_SOORT


def test_a_cancelled_time_the_letter_leaves_out_is_still_said(city):
    """Whoever planned to go must not miss that it does not go on: the letter says how many, and where."""
    city.wijk("oost", "Oost")
    for n in range(MAX_PER_DAG + 2):  # Tuesday 24 November; the two latest are cancelled
        afgelast = {"afgelast": "De zaal is dicht."} if n >= MAX_PER_DAG else {}
        city.activiteit("oost", f"uur-{n}", start=f"2026-11-24 {10 + n}:00", titel=f"Uur {n}", **afgelast)
    stad = load_stad(city.root, vandaag=date(2026, 11, 23)).stad
    letter = brief(stad, "oost", Week(2026, 48), Uitwisseling(stad))
    assert (letter.afgelast, letter.afgelast_weggelaten) == (0, 2)
    web = brief_html(letter, "nieuwsbrief/oost/")
    assert "<strong>Let op:</strong> 2 keer die niet doorgaan staan niet in deze brief, wel in de agenda.</p>" in web
    assert "Uur 6" not in web and "Nog 2 activiteiten op dinsdag 24 november 2026 in de agenda" in web
    text = " ".join(tekst(letter, SITE_URL).split())  # as a mail program shows the wrapped lines
    assert (
        "Let op: 2 keer die niet doorgaan staan niet in deze brief, wel in de agenda. https://stad.example/wijken/oost/alle/agenda/" in text
    )


def test_a_letter_stays_a_letter_in_a_city_of_any_size(city):
    """Gmail shows a mail of at most 102 KB whole: a city of 30 wijken with a full agenda stays under it."""
    stad = _drukke_stad(city, 30, 14)
    letter = brief(stad, None, Week(2026, 48), Uitwisseling(stad))
    assert len(letter.activiteiten) == 30 * 14 * 2
    sent = mail(letter, SITE_URL, aan="lijst@stad.example", van="nieuwsbrief@stad.example")
    assert len(sent.as_bytes()) < 102_000
    assert len(brief_html(letter, "nieuwsbrief/").encode()) < 100_000


# -- the mail --------------------------------------------------------------------------


def test_the_mail_has_text_and_inlined_html_and_a_stable_id(stad):
    letter = brief(stad, "oost", Week(2026, 48), Uitwisseling(stad))
    lijst = Lijst("lijst@oost.example", None, "mailto:afmelden@oost.example")
    sent = mail(letter, SITE_URL, aan=lijst.aan, van="nieuwsbrief@stad.example", lijst=lijst)
    parsed = email.message_from_bytes(sent.as_bytes(), policy=email.policy.default)
    assert parsed["Subject"] == "Nieuwsbrief Oost, week 48 van 2026"
    assert parsed["To"] == "lijst@oost.example"
    assert parsed["List-Unsubscribe"] == "<mailto:afmelden@oost.example>"
    assert parsed["List-Id"] == "<oost.nieuwsbrief.stad.example>"
    assert parsed["Message-ID"] == "<nieuwsbrief.oost.2026-W48@stad.example>" == message_id(letter, SITE_URL)
    assert parsed.get_content_type() == "multipart/alternative"
    text = parsed.get_body(("plain",)).get_content()
    html = parsed.get_body(("html",)).get_content()
    assert "GAAT NIET DOOR: 19.30 tot 21.00 uur Taalcafé" in text and "De zaal is bezet." in text
    assert "https://stad.example/wijken/oost/agenda/kerstmarkt/" in text
    assert "Te laat voor deze week" not in text
    # The CSS is in the elements; only the dark-mode rules stay in <style>, and nothing loads from anywhere.
    assert re.search(
        r'<a class="bw-brief__titel" href="https://stad.example/wijken/oost/agenda/taalcafe/" style="[^"]*font-weight: bold', html
    )
    assert re.findall(r"<style>(.*?)</style>", html, re.S)[0].strip().startswith("@media (prefers-color-scheme: dark)")
    assert not re.search(r"<(link|script|img)\b", html)
    assert "url(" not in html
    again = mail(letter, SITE_URL, aan=lijst.aan, van="nieuwsbrief@stad.example")
    assert again["Message-ID"] == sent["Message-ID"]
    assert again["List-Unsubscribe"] is None  # a list without an address to leave by has no such header


def test_the_mail_has_no_photo_even_where_the_build_has_its_copies(stad):
    copy = Rendition("fotos/bankje-0123-640.jpg", 640, 480, "image/jpeg", 1000)
    found = Foto((copy,), copy, copy)
    letter = brief(stad, "oost", Week(2026, 48), Uitwisseling(stad))

    def with_photos() -> tuple[str, str]:
        fotos.use(lambda bestand: found)
        web = brief_html(letter, "nieuwsbrief/oost/")
        sent = mail(letter, SITE_URL, aan="lijst@oost.example", van="nieuwsbrief@stad.example")
        return web, sent.get_body(("html",)).get_content()

    web, html = contextvars.copy_context().run(with_photos)
    assert 'alt="Het nieuwe bankje bij de vijver"' in web  # the page and the feed show it
    assert "<img" not in html and "bankje" not in html.split("Bankje geplaatst")[0]


# -- the build -------------------------------------------------------------------------


@pytest.fixture
def built(city):
    _stad(city)
    city.write_config(
        plugins=[
            {"search": {"lang": "nl"}},
            {"bovenwijks/wijken": {"build_date": "2026-11-23"}},
            {"bovenwijks/overzicht": {}},
            {"bovenwijks/kennis": {}},
            {"bovenwijks/feeds": {"nieuwsbrief": {"oost": {"aan": "lijst@oost.example", "aanmelden": "https://lijst.example/oost"}}}},
        ]
    )
    result = city.build(strict=True)
    assert result.error is None and not result.warnings, (result.error, result.warnings)
    return result


def test_the_letter_is_on_the_web_this_week_and_in_the_archive(built):
    page = built.article("nieuwsbrief/oost/")
    assert "Nieuwsbrief Oost" in page and "Week 48 van 2026" in page
    assert "Gaat niet door" in page and "De zaal is bezet." in page
    assert "Bankje geplaatst" in page and "Oud nieuws" not in page
    assert re.search(
        r'<picture><source type="image/webp" srcset="[^"]+" sizes="8.25rem"><img [^>]*alt="Het nieuwe bankje bij de vijver"', page
    )
    assert "Moestuin Oost" in page and "Repair Café West" in page and "Hoe vind je een penningmeester?" in page
    assert 'href="https://lijst.example/oost"' in page  # the list's sign-up
    # Earlier weeks are a link away; a week with nothing in it has no page.
    assert 'href="2026-w44/"' in page and built.exists("nieuwsbrief/oost/2026-w44/")
    assert not built.exists("nieuwsbrief/oost/2026-w43/") and "2026-w43" not in page
    assert "Week 44 van 2026" in built.article("nieuwsbrief/oost/2026-w44/")
    city_page = built.article("nieuwsbrief/")
    assert "Nieuws uit West" in city_page and "Bankje geplaatst" in city_page
    assert 'href="oost/"' in city_page and 'href="west/"' in city_page


def test_the_letters_feed_has_one_item_per_week_with_the_whole_letter(built):
    raw = (built.site / "feeds" / "nieuwsbrief" / "oost.rss").read_bytes()
    feed = feedparser.parse(raw)
    assert not feed.bozo, feed.bozo_exception
    first = feed.entries[0]
    assert first.title == "Nieuwsbrief Oost, week 48 van 2026"
    assert first.link == first.id == f"{SITE_URL}nieuwsbrief/oost/2026-w48/"
    letter = first.content[0].value
    assert "Gaat niet door" in letter and "Bankje geplaatst" in letter
    # The one copy feed readers handle, at the site's own address.
    assert re.search(r'<img alt="Het nieuwe bankje bij de vijver" [^>]*src="https://stad.example/fotos/bankje-[0-9a-f]+-\d+\.jpg"', letter)
    assert 'href="https://stad.example/wijken/oost/agenda/taalcafe/"' in letter
    weeks = [e.title.split(", ")[1] for e in feed.entries]
    assert weeks[:5] == ["week 48 van 2026", "week 47 van 2026", "week 46 van 2026", "week 45 van 2026", "week 44 van 2026"]
    assert "week 43 van 2026" not in weeks
    assert (built.site / "feeds" / "nieuwsbrief" / "stad.rss").exists()


def test_the_letters_feed_is_the_same_in_two_builds(city, built):
    first = (built.site / "feeds" / "nieuwsbrief" / "oost.rss").read_bytes()
    again = city.build(strict=True)
    assert (again.site / "feeds" / "nieuwsbrief" / "oost.rss").read_bytes() == first


def test_volgen_and_the_wijk_link_the_nieuwsbrief(built):
    volgen = built.article("volgen/")
    assert 'href="../nieuwsbrief/"' in volgen and 'href="../nieuwsbrief/west/"' in volgen
    assert "https://stad.example/feeds/nieuwsbrief/oost.rss" in volgen
    oost = built.article("wijken/oost/")
    assert '<a class="bw-knop" href="https://lijst.example/oost">Nieuwsbrief per e-mail</a>' in oost
    west = built.article("wijken/west/")
    assert '<a class="bw-knop" href="../../nieuwsbrief/west/">Nieuwsbrief van deze week</a>' in west


def test_a_list_of_a_wijk_that_does_not_exist_is_warned_about(city):
    city.wijk("oost", "Oost")
    city.write_config(
        plugins=[
            {"bovenwijks/wijken": {"build_date": "2026-11-23"}},
            {"bovenwijks/feeds": {"nieuwsbrief": {"oosst": {"aan": "lijst@oost.example"}}}},
        ]
    )
    result = city.build()
    assert any("nieuwsbrief: er is geen wijk 'oosst'; kies 'stad' of een van de wijken: oost" in w for w in result.warnings)


def test_a_malformed_list_stops_the_build_with_the_keys_it_may_have(city):
    city.wijk("oost", "Oost")
    city.write_config(
        plugins=[{"bovenwijks/wijken": {"build_date": "2026-11-23"}}, {"bovenwijks/feeds": {"nieuwsbrief": {"oost": {"adres": "x"}}}}]
    )
    result = city.build()
    assert result.error
    assert "bovenwijks/feeds: nieuwsbrief: oost heeft onbekende sleutel(s) adres; kies uit aan, aanmelden, afmelden" in result.warnings
