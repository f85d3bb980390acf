"""The files of a wijk: pages, photos and PDFs are published; a page in a folder that looks like
an item's, and a file the site would publish as it is, are refused with the fix."""

from __future__ import annotations

import pytest

from bovenwijks.content.load import load_stad

FOLDER = "dit bestand staat in de map '{typo}/', die de site niet kent; zet het in '{folder}/' (de map bepaalt wat het is: initiatieven/, agenda/, nieuws/ of kennis/)"
ONLY = "de site publiceert alleen pagina's (.md), foto's (JPEG, PNG, WebP of HEIC) en pdf's; haal dit bestand weg of zet het ergens anders"


@pytest.mark.parametrize(
    "typo,folder",
    [
        ("initiatief", "initiatieven"),
        ("initiatieve", "initiatieven"),
        ("Initiatieven", "initiatieven"),
        ("activiteiten", "agenda"),
        ("activiteit", "agenda"),
        ("activiteten", "agenda"),
        ("evenementen", "agenda"),
        ("agenda's", "agenda"),
        ("agnda", "agenda"),
        ("berichten", "nieuws"),
        ("bericht", "nieuws"),
        ("nieuwsberichten", "nieuws"),
        ("niews", "nieuws"),
        ("vragen", "kennis"),
        ("ervaringen", "kennis"),
        ("kenis", "kennis"),
    ],
)
def test_a_page_in_a_folder_like_an_items_is_refused(city, typo, folder):
    city.wijk("oost")
    city.write(f"wijken/oost/{typo}/kledingbank.md", "---\ntitel: Kledingbank\n---\n\nTekst.\n")
    loaded = load_stad(city.root)
    assert [str(p) for p in loaded.problems] == [f"wijken/oost/{typo}/kledingbank.md:1: {FOLDER.format(typo=typo, folder=folder)}"]
    assert loaded.problems[0].fatal
    assert loaded.stad.wijken["oost"].pages == []


@pytest.mark.parametrize("folder", ["geschiedenis", "verslagen", "kermis", "nieuwbouw", "fotos", "over"])
def test_a_page_in_a_folder_of_the_wijks_own_is_published(city, folder):
    city.wijk("oost")
    city.write(f"wijken/oost/{folder}/pagina.md", "# Een pagina\n\nTekst.\n")
    loaded = load_stad(city.root)
    assert loaded.problems == []
    assert loaded.stad.wijken["oost"].pages == [f"wijken/oost/{folder}/pagina.md"]


def test_an_item_like_page_at_the_top_of_the_wijk_is_a_page(city):
    # The contract allows any other page of the wijk: one next to index.md is one of them.
    city.wijk("oost")
    city.write("wijken/oost/kledingbank.md", "---\ntitel: Kledingbank\nstatus: actief\n---\n\nTekst.\n")
    loaded = load_stad(city.root)
    assert loaded.problems == []
    assert loaded.stad.wijken["oost"].pages == ["wijken/oost/kledingbank.md"]


@pytest.mark.parametrize(
    "name,message",
    [
        (
            "kledingbank",
            "dit bestand heeft geen .md aan het eind, dus de site zou het onbewerkt publiceren; hernoem het naar 'kledingbank.md'",
        ),
        (
            "kledingbank.",
            "dit bestand heeft geen .md aan het eind, dus de site zou het onbewerkt publiceren; hernoem het naar 'kledingbank.md'",
        ),
        (
            "kledingbank.txt",
            "dit bestand eindigt op '.txt' in plaats van '.md', dus de site zou het onbewerkt publiceren; hernoem het naar 'kledingbank.md'",
        ),
        (
            "kledingbank.MD",
            "dit bestand eindigt op '.MD' in plaats van '.md', dus de site leest het niet; hernoem het naar 'kledingbank.md'",
        ),
        (
            "kledingbank.markdown",
            "dit bestand eindigt op '.markdown' in plaats van '.md', dus de site leest het niet; hernoem het naar 'kledingbank.md'",
        ),
        (
            "kledingbank.md.txt",
            "dit bestand eindigt op '.txt' in plaats van '.md', dus de site zou het onbewerkt publiceren; hernoem het naar 'kledingbank.md'",
        ),
        ("kledingbank.yml", ONLY),
        ("kledingbank.html", ONLY),
        ("kledingbank.docx", ONLY),
        ("plattegrond.svg", ONLY),
    ],
)
def test_a_file_the_site_would_publish_as_it_is_is_refused(city, name, message):
    city.wijk("oost")
    city.write(f"wijken/oost/initiatieven/{name}", "titel: Kledingbank\ncontact: Jan, 06 1234 5678\n")
    loaded = load_stad(city.root)
    assert [str(p) for p in loaded.problems] == [f"wijken/oost/initiatieven/{name}:1: {message}"]
    assert loaded.problems[0].fatal
    assert loaded.stad.wijken["oost"].pages == []


def test_pages_photos_and_pdfs_are_the_wijks_files_and_hidden_ones_are_skipped(city):
    city.wijk("oost")
    city.write("wijken/oost/over.md", "# Over\n")
    city.foto("wijken/oost/straat.JPG", format="JPEG")
    city.foto("wijken/oost/nieuws/telefoon.heic", format="PNG")  # by its name: a phone's photo
    city.write("wijken/oost/plattegrond.PDF", b"%PDF-1.4\n")
    city.write("wijken/oost/.DS_Store", b"\0")
    city.write("wijken/oost/_concepten/kledingbank", "Nog niet af.\n")
    city.write("wijken/oost/.github/notities.txt", "Nog niet af.\n")
    loaded = load_stad(city.root)
    assert loaded.problems == []
    assert sorted(loaded.stad.wijken["oost"].pages) == [
        "wijken/oost/nieuws/telefoon.heic",
        "wijken/oost/over.md",
        "wijken/oost/plattegrond.PDF",
        "wijken/oost/straat.JPG",
    ]


def test_the_build_leaves_the_refused_files_out_and_says_why(city):
    city.wijk("oost")
    city.initiatief("oost", "repair-cafe")
    city.write("wijken/oost/initiatieven/kledingbank", "Kledingbank\n\nBel Jan: 06 1234 5678.\n")
    city.write("wijken/oost/initiatief/buurtmoestuin.md", "---\ntitel: Buurtmoestuin\n---\n\nWe tuinieren.\n")
    city.write("wijken/oost/geschiedenis/index.md", "# Geschiedenis\n\nVroeger.\n")
    result = city.build()
    assert result.warnings == [
        "bovenwijks: wijken/oost/initiatief/buurtmoestuin.md:1: " + FOLDER.format(typo="initiatief", folder="initiatieven"),
        "bovenwijks: wijken/oost/initiatieven/kledingbank:1: dit bestand heeft geen .md aan het eind, dus de site zou het onbewerkt "
        "publiceren; hernoem het naar 'kledingbank.md'",
        "bovenwijks: 2 bestanden staan niet (helemaal) op de site door een fout: wijken/oost/initiatief/buurtmoestuin.md, "
        "wijken/oost/initiatieven/kledingbank. Draai 'make check' om te zien wat je moet verbeteren.",
    ]
    published = [p.relative_to(result.site).as_posix() for p in result.site.rglob("*") if p.is_file()]
    assert not [p for p in published if "kledingbank" in p or "buurtmoestuin" in p]
    assert not any(
        "06 1234 5678" in (result.site / p).read_text(errors="replace") for p in published if p.endswith((".html", ".json", ".xml"))
    )
    assert "Vroeger." in result.page("wijken/oost/geschiedenis/")
    assert result.exists("wijken/oost/initiatieven/repair-cafe/")
    assert (
        city.build(strict=True).error == "Aborted with 1 errors, 2 warnings in strict mode!"
    )  # the error: the line naming what is left out


def test_a_page_not_saved_as_utf8_is_left_out_and_the_build_goes_on(city):
    city.wijk("oost")
    city.initiatief("oost", "repair-cafe")
    city.write("wijken/oost/over.md", "# Over ons\n\nHet buurthuis aan de Kamp, met café.\n".encode("cp1252"))
    loaded = load_stad(city.root)
    assert [str(p) for p in loaded.problems] == [
        "wijken/oost/over.md:3: het bestand is niet in UTF-8 opgeslagen; sla het op als UTF-8 (in GitHub gebeurt dat vanzelf)"
    ]
    assert loaded.stad.wijken["oost"].pages == []
    result = city.build()
    assert result.error is None
    assert result.exists("wijken/oost/initiatieven/repair-cafe/") and not result.exists("wijken/oost/over/")


@pytest.mark.parametrize("path", ["alle/nieuws/index.md", "alle/overzicht.md"])
def test_a_file_in_the_folder_of_the_wijks_own_lists_is_refused(city, path):
    """`alle/` holds the pages of a wijk's long lists (site.wijkpages): a page there would clash with them."""
    city.wijk("oost")
    city.write(f"wijken/oost/{path}", "---\ntitel: Eigen lijst\n---\n\nTekst.\n")
    loaded = load_stad(city.root)
    message = "de map 'alle/' gebruikt de site zelf, voor de lange lijsten van de wijk; zet deze pagina in een andere map"
    assert [str(p) for p in loaded.problems] == [f"wijken/oost/{path}:1: {message}"]
    assert "wijken/oost/" + path not in loaded.stad.wijken["oost"].pages
