"""The agenda's posters for the notice board (issue 17, item 5): A4 PDFs read back as a reader reads them.

Pure functions first (which times a poster holds, the cache key, what WeasyPrint may load,
how a font size is measured), then a built city: its posters' text, pages, type sizes and
QR codes, the links to them, and the cache that spares WeasyPrint an unchanged poster.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
import sys
from datetime import date, datetime

import pytest
import weasyprint
from city import SITE_URL, City
from pypdf import PdfReader
from weasyprint.urls import FatalURLFetchingError

from bovenwijks.city.agenda import AFFICHE_DAGEN, periode
from bovenwijks.dates import TZ
from bovenwijks.model import Activiteit, Herhaling, Stad, Uitzondering, Vocabulaire, Wijk
from bovenwijks.publish import affiche as publish
from bovenwijks.site import affiche as site

VANDAAG = date(2026, 11, 23)  # the harness's build date, a Monday
TOT = date(2026, 12, 20)  # the poster's last day: VANDAAG and 27 days
A4 = (595.28, 841.89)  # in points


def _activiteit(slug: str, start: str, eind: str | None = None, **keys) -> Activiteit:
    herhaling = keys.pop("herhaling", None)
    return Activiteit(
        "oost",
        slug,
        f"wijken/oost/agenda/{slug}.md",
        keys.pop("titel", slug.capitalize()),
        start=datetime.fromisoformat(start).replace(tzinfo=TZ),
        eind=datetime.fromisoformat(eind).replace(tzinfo=TZ) if eind else None,
        herhaling=herhaling,
        locatie="Buurthuis",
        **keys,
    )


# -- which times a poster holds: tier 1 ---------------------------------------------------


def test_four_weeks_are_the_build_day_and_the_27_after_it():
    assert AFFICHE_DAGEN == 28 and (TOT - VANDAAG).days == AFFICHE_DAGEN - 1


TIMES = [
    pytest.param(_activiteit("a", "2026-11-23 10:00"), ["2026-11-23"], id="on the build day"),
    pytest.param(_activiteit("a", "2026-12-20 10:00"), ["2026-12-20"], id="on the last day"),
    pytest.param(_activiteit("a", "2026-12-21 10:00"), [], id="the day after: not on this poster"),
    pytest.param(_activiteit("a", "2026-11-22 10:00"), [], id="the day before: over"),
    pytest.param(_activiteit("a", "2026-11-21 10:00", "2026-11-24 17:00"), ["2026-11-23"], id="begun before, listed on the first day"),
    pytest.param(
        _activiteit("a", "2026-11-24 19:30", "2026-11-24 21:00", herhaling=Herhaling(elke="week")),
        ["2026-11-24", "2026-12-01", "2026-12-08", "2026-12-15"],
        id="a weekly series: every time",
    ),
    pytest.param(
        _activiteit(
            "a",
            "2026-11-24 19:30",
            herhaling=Herhaling(elke="week", behalve=(Uitzondering(date(2026, 12, 1), None), Uitzondering(date(2026, 12, 8), "Ziek"))),
        ),
        ["2026-11-24", "2026-12-08", "2026-12-15"],
        id="a time dropped is gone, one cancelled with a reason stays",
    ),
]


@pytest.mark.parametrize("activiteit, days", TIMES)
def test_a_poster_lists_every_time_of_its_four_weeks_by_day(activiteit, days):
    found = periode([activiteit], VANDAAG, TOT)
    assert [d.datum.isoformat() for d in found.dagen] == days
    assert found.leeg == (not days)


def test_a_cancelled_time_keeps_its_reason_and_a_cancelled_activiteit_every_time():
    series = _activiteit("a", "2026-11-24 19:30", herhaling=Herhaling(elke="week", behalve=(Uitzondering(date(2026, 12, 8), "Ziek"),)))
    off = _activiteit("b", "2026-11-25 14:00", afgelast="De zaal is dicht.")
    found = periode([series, off], VANDAAG, TOT)
    rows = [(k.datum.isoformat(), k.identity, k.afgelast) for d in found.dagen for k in d.activiteiten]
    assert ("2026-12-08", "oost/agenda/a", "Ziek") in rows
    assert ("2026-11-25", "oost/agenda/b", "De zaal is dicht.") in rows
    assert any(r[1] == "oost/agenda/a" and r[2] is None for r in rows)  # the other times go on


def test_the_same_day_holds_its_times_in_order():
    late, early = _activiteit("laat", "2026-11-25 19:00"), _activiteit("vroeg", "2026-11-25 09:00")
    (dag,) = periode([late, early], VANDAAG, TOT).dagen
    assert [k.titel for k in dag.activiteiten] == ["Vroeg", "Laat"]


# -- the HTML and the PDF of one poster: tier 1 -------------------------------------------


def _naam_html(naam: str, activiteiten: list[Activiteit], url: str = "https://stad.example/wijken/oost/") -> str:
    stad = Stad("Teststad", {"oost": Wijk("oost", "Oost", "wijken/oost/index.md", agenda=activiteiten)}, Vocabulaire({}, {}))
    return site.html(naam, periode(activiteiten, VANDAAG, TOT), url, stad=stad)


def test_an_editors_text_is_escaped_on_the_poster():
    html = _naam_html("Oost & <b>West</b>", [_activiteit("a", "2026-11-24 10:00", titel="<script>x</script>")])
    assert "<script>x" not in html and "&lt;script&gt;x" in html
    assert "<b>West" not in html and "Oost &amp; &lt;b&gt;West" in html


def test_the_poster_loads_no_file_from_another_host():
    html = _naam_html("Oost", [])
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "")  # the SVG's namespace is a name, not a load
    assert "https://" not in html.replace("https://stad.example/wijken/oost/", "")
    assert html.count("file://") == len(site.LETTERS)


def test_weasyprint_may_load_nothing_but_files():
    with pytest.raises(FatalURLFetchingError):
        publish.pdf('<p>Hoi <img src="http://127.0.0.1:9/logo.png" alt=""></p>')
    with pytest.raises(FatalURLFetchingError):
        publish.pdf('<style>@import url("https://fonts.example/x.css");</style><p>Hoi</p>')


def test_the_cache_key_is_the_html_this_version_and_weasyprints(monkeypatch):
    key = publish.sleutel("<p>a</p>")
    assert key != publish.sleutel("<p>b</p>")
    assert key == hashlib.sha256(f"{publish.VERSION}\n{weasyprint.__version__}\n<p>a</p>".encode()).hexdigest()
    monkeypatch.setattr(publish, "weasyprint_version", lambda: "999.0")
    newer = publish.sleutel("<p>a</p>")
    monkeypatch.setattr(publish, "VERSION", "nieuw")
    assert len({key, newer, publish.sleutel("<p>a</p>")}) == 3


def test_the_same_html_makes_the_same_bytes():
    html = _naam_html("Oost", [_activiteit("a", "2026-11-24 10:00")])
    first = publish.pdf(html)
    assert publish.pdf(html) == first
    # The poster's own day, not the moment it was made.
    assert PdfReader(io.BytesIO(first)).metadata.creation_date.date() == VANDAAG


def _matrix(m: list[float], n: list[float]) -> list[float]:
    a, b, c, d, e, f = m
    g, h, i, j, k, l_ = n
    return [a * g + b * i, a * h + b * j, c * g + d * i, c * h + d * j, e * g + f * i + k, e * h + f * j + l_]


def text_sizes(data: bytes) -> list[tuple[str, float]]:
    """Every piece of text in the PDF `data` with its size in points, as it is on paper.

    pypdf gives each text's font size in text space; the text matrix and the page's current
    matrix (WeasyPrint draws in CSS pixels, 0.75 pt) scale it.
    """
    found = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            _, _, c, d, _, _ = _matrix(tm, cm)
            found.append((text.strip(), size * (c * c + d * d) ** 0.5))

    for page in PdfReader(io.BytesIO(data)).pages:
        page.extract_text(visitor_text=visit)
    return found


def test_the_size_measure_sees_small_type():
    sizes = dict(text_sizes(publish.pdf('<p style="font-size:10pt">Klein</p><p style="font-size:20pt">Groot</p>')))
    assert sizes["Klein"] == pytest.approx(10, abs=0.1) and sizes["Groot"] == pytest.approx(20, abs=0.1)


# -- a built city: tier 3 -------------------------------------------------------------------


def _stad(city: City) -> None:
    city.wijk("oost", "Oost")
    city.wijk("west", "West")
    city.activiteit(
        "oost",
        "taalcafe",
        titel="Taalcafé",
        start="2026-11-24 19:30",
        eind="2026-11-24 21:00",
        locatie="Buurthuis De Ster, Sterlaan 1",
        herhaling={"elke": "week", "behalve": [{"datum": "2026-12-01", "reden": "De tafelhouders volgen een training."}]},
    )
    city.activiteit("oost", "kerstmarkt", titel="Kerstmarkt", start="2026-12-12 10:00", locatie="Het plein")
    city.activiteit("oost", "later", titel="Nieuwjaarsborrel", start="2027-01-08 17:00")
    city.activiteit("oost", "kapot", titel="Kapotte activiteit", start="geen datum")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A city of two wijken (one with nothing on), with a broken activiteit; built once."""
    city = City(tmp_path_factory.mktemp("affiche"))
    _stad(city)
    return city, city.build()


def _reader(built, path: str) -> PdfReader:
    return PdfReader(io.BytesIO((built[1].site / path).read_bytes()))


def _text(built, path: str) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in _reader(built, path).pages)


POSTERS = ["wijken/oost/affiche.pdf", "wijken/west/affiche.pdf", "agenda/affiche.pdf"]


def test_every_wijk_and_the_city_have_a_poster_also_beside_a_broken_activiteit(built):
    _, result = built
    assert any("kapot.md" in w for w in result.warnings), result.warnings  # left out, and said
    for path in POSTERS:
        assert (result.site / path).read_bytes().startswith(b"%PDF-")
    text = _text(built, "wijken/oost/affiche.pdf")
    assert "Taalcafé" in text and "Kerstmarkt" in text and "Kapotte" not in text


@pytest.mark.parametrize("path", POSTERS)
def test_every_page_is_a4(built, path):
    for page in _reader(built, path).pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4, abs=1)


def test_the_poster_names_the_wijk_and_its_times_in_dutch(built):
    text = _text(built, "wijken/oost/affiche.pdf")
    assert _reader(built, "wijken/oost/affiche.pdf").metadata.title == "Agenda Oost"
    assert "Oost" in text
    assert "maandag 23 november 2026 tot en met zondag 20 december 2026" in text
    assert "Dinsdag 24 november" in text and "19.30 tot 21.00 uur" in text
    assert "Zaterdag 12 december" in text and "10.00 uur" in text and "Het plein" in text
    assert text.count("Taalcafé") == 4  # every Tuesday of the four weeks
    assert "Nieuwjaarsborrel" not in text  # after the four weeks


def test_a_cancelled_time_says_so_with_its_reason(built):
    text = _text(built, "wijken/oost/affiche.pdf")
    assert "GAAT NIET DOOR: De tafelhouders volgen een training." in text
    assert text.index("Dinsdag 1 december") < text.index("GAAT NIET DOOR") < text.index("Dinsdag 8 december")


def test_a_poster_with_nothing_on_says_so(built):
    text = _text(built, "wijken/west/affiche.pdf")
    assert "In deze vier weken staat er niets op de agenda van West." in text


def test_the_city_poster_has_every_wijk(built):
    text = _text(built, "agenda/affiche.pdf")
    assert "Agenda van alle wijken" in text and "Amersfoort" in text  # the city's name (bovenwijks/wijken's `stad`)
    assert "Buurthuis De Ster, Sterlaan 1 · Oost" in text


@pytest.mark.parametrize("path", POSTERS)
def test_nothing_is_smaller_than_14_points(built, path):
    sizes = text_sizes((built[1].site / path).read_bytes())
    assert sizes and min(size for _, size in sizes) >= 14 - 0.01, sorted(sizes, key=lambda s: s[1])[:3]


@pytest.mark.parametrize("path", POSTERS)
def test_the_type_is_the_font_the_package_ships(built, path):
    fonts = set()
    for page in _reader(built, path).pages:
        fonts.update(str(f["/BaseFont"]) for f in page["/Resources"]["/Font"].values())
    assert fonts and all("Source-Sans-Pro" in f for f in fonts), fonts


@pytest.mark.parametrize(
    "path, url", [(POSTERS[0], f"{SITE_URL}wijken/oost/"), (POSTERS[1], f"{SITE_URL}wijken/west/"), (POSTERS[2], f"{SITE_URL}agenda/")]
)
def test_the_qr_code_leads_to_the_wijks_page(built, path, url, tmp_path):
    if not (shutil.which("pdftoppm") and shutil.which("zbarimg")):
        reason = "pdftoppm en zbarimg ontbreken: installeer ze met `apt-get install poppler-utils zbar-tools`"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason} (in CI is dat een fout: .ci/run hoort ze te installeren)", pytrace=False)
        pytest.skip(reason)
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", "-singlefile", built[1].site / path, tmp_path / "pagina"], check=True
    )
    decoded = subprocess.run(["zbarimg", "--raw", "-q", tmp_path / "pagina.png"], capture_output=True, text=True, check=True)
    assert decoded.stdout.strip() == url


def test_the_wijk_and_agenda_pages_link_to_their_poster(built):
    _, result = built
    assert '<a href="affiche.pdf">affiche van de agenda om op te hangen (pdf)</a>' in result.page("wijken/oost/")
    assert '<a href="affiche.pdf">affiche van de agenda om op te hangen (pdf)</a>' in result.page("agenda/")


def test_the_posters_are_readable_by_the_web_server(built):
    for path in POSTERS:
        assert (built[1].site / path).stat().st_mode & 0o044 == 0o044, path


def test_an_editor_may_link_to_the_poster_and_the_check_and_strict_build_agree(city):
    city.wijk("oost", "Oost")
    city.write("wijken/oost/index.md", "---\nnaam: Oost\nsamenvatting: De wijk.\nredactie: [r]\n---\n\n[Hang de agenda op](affiche.pdf).\n")
    city.write(
        "content/prikbord.md", "# Prikbord\n\n[De agenda van de stad](agenda/affiche.pdf) en [die van Oost](wijken/oost/affiche.pdf).\n"
    )
    checked = city.check()
    assert checked.returncode == 0, checked.stdout + checked.stderr
    result = city.build(strict=True)
    assert result.error is None, result.warnings
    assert 'href="affiche.pdf"' in result.article("wijken/oost/")
    assert (result.site / "wijken/oost/affiche.pdf").read_bytes().startswith(b"%PDF-")


def test_a_cached_poster_is_the_poster_made_fresh_and_an_unchanged_one_is_not_made_again(city, monkeypatch):
    _stad(city)
    made: list[str] = []
    real = publish.pdf
    monkeypatch.setattr(publish, "pdf", lambda html: made.append(html) or real(html))
    first = city.build()
    assert len(made) == 3
    fresh = {path: (first.site / path).read_bytes() for path in POSTERS}
    # What the cache gave is what WeasyPrint makes of the same HTML now.
    assert sorted(real(html) for html in made) == sorted(fresh.values())
    made.clear()
    second = city.build()
    assert made == []
    assert {path: (second.site / path).read_bytes() for path in POSTERS} == fresh
    # A change in Oost makes Oost's and the city's again; West's is as it was.
    city.activiteit("oost", "kerstmarkt", titel="Kerstmarkt met koor", start="2026-12-12 10:00", locatie="Het plein")
    third = city.build()
    assert len(made) == 2 and all("Kerstmarkt met koor" in html for html in made)
    assert (third.site / POSTERS[1]).read_bytes() == fresh[POSTERS[1]]
    assert (third.site / POSTERS[0]).read_bytes() != fresh[POSTERS[0]]


def test_two_builds_of_the_same_content_make_the_same_bytes(tmp_path):
    sites = []
    for name in ("een", "twee"):
        city = City(tmp_path / name)
        _stad(city)
        result = city.build()
        sites.append({path: (result.site / path).read_bytes() for path in POSTERS})
    assert sites[0] == sites[1]


def test_a_cache_that_cannot_be_written_stops_the_build_with_the_reason(city):
    city.write(".cache/bovenwijks/affiches", "een bestand, geen map")
    city.wijk("oost")
    result = city.build()
    assert result.error is not None
    assert any("de map voor de affiches" in w and "kan niet beschreven worden" in w for w in result.warnings), result.warnings


def test_weasyprint_leaves_pillow_refusing_a_photo_cut_off_halfway():
    from PIL import ImageFile

    assert publish.pdf("<p>Hoi</p>").startswith(b"%PDF") and ImageFile.LOAD_TRUNCATED_IMAGES is False


def test_a_build_that_finds_every_poster_in_the_cache_does_not_import_weasyprint(tmp_path):
    """Its import is half a second of every build; the poster found is the one made (tests above)."""
    html = "<p>Hoi</p>"
    program = (
        "import sys; from pathlib import Path\n"
        "from bovenwijks.publish import affiche\n"
        "from bovenwijks.site.affiche import Affiche\n"
        "bank = affiche.Affichebank(Path(sys.argv[1]))\n"
        f"found = bank.bestand(Affiche(pad='affiche.pdf', naam='Oost', html={html!r}))\n"
        "print(found.read_bytes()[:4].decode(), 'weasyprint' in sys.modules)\n"
    )
    cached = tmp_path / publish.FOLDER / f"{publish.sleutel(html)}.pdf"
    cached.parent.mkdir(parents=True)
    cached.write_bytes(publish.pdf(html))
    run = subprocess.run([sys.executable, "-c", program, str(tmp_path)], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["%PDF", "False"]
    cached.unlink()  # not in the cache: made, and so imported
    run = subprocess.run([sys.executable, "-c", program, str(tmp_path)], capture_output=True, text=True, check=False)
    assert run.stdout.split() == ["%PDF", "True"], run.stderr
