"""Old addresses keep working after a rename: a city in a real git repository in `tmp_path`,
built with MkDocs, and every old address followed as a browser follows it."""

from __future__ import annotations

import logging
import re
import shutil
from datetime import datetime
from pathlib import Path, PurePosixPath

import pytest
from city import City

from bovenwijks.dates import TZ
from bovenwijks.publish.doorverwijzing import GEEN_REPOSITORY

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git ontbreekt")

EERSTE = datetime(2026, 9, 1, 10, 0, tzinfo=TZ)
TWEEDE = datetime(2026, 10, 15, 20, 30, tzinfo=TZ)

# Old address → where it must lead now.
VERHUISD = {
    "wijken/oost/initiatieven/repair-cafe/": "wijken/oost/initiatieven/fiets-repair/",
    "wijken/oud/": "wijken/nieuw/",
    "wijken/oud/wijkplan/": "wijken/nieuw/wijkplan/",
    "wijken/oud/initiatieven/speeltuin/": "wijken/nieuw/initiatieven/speeltuin/",
    "wijken/oud/agenda/soepavond/": "wijken/nieuw/agenda/soepavond/",
}


def renamed_city(city: City) -> City:
    """A city whose editors renamed an initiatief and a wijk's folder, and removed a renamed file."""
    city.wijk("oost")
    city.initiatief("oost", "repair-cafe", titel="Repair Café")
    city.initiatief("oost", "weggehaald")
    city.wijk("oud", naam="Kruiskamp")
    city.wijkplan("oud", [{"id": "groen", "titel": "Meer groen", "thema": "groen-en-duurzaam"}])
    city.initiatief("oud", "speeltuin")
    city.activiteit("oud", "soepavond", initiatief="speeltuin")
    city.commit("De wijken", EERSTE)
    city.rename("wijken/oost/initiatieven/repair-cafe.md", "wijken/oost/initiatieven/fiets-repair.md")
    city.rename("wijken/oud", "wijken/nieuw")
    city.rename("wijken/oost/initiatieven/weggehaald.md", "wijken/oost/initiatieven/even-anders.md")
    city.commit("Nieuwe namen", TWEEDE)
    Path(city.root / "wijken/oost/initiatieven/even-anders.md").unlink()
    city.commit("Even anders is gestopt", TWEEDE)
    return city


def refresh(html: str) -> str:
    """Where a page's `<meta http-equiv="refresh">` sends the browser."""
    found = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', html)
    assert found, html
    return found.group(1)


def follow(old: str, html: str) -> str:
    """The address (from the site root) that the refresh of the page at `old` leads to."""
    parts: list[str] = [part for part in PurePosixPath(old).parts]
    for step in refresh(html).rstrip("/").split("/"):
        if step == "..":
            parts.pop()
        elif step not in ("", "."):
            parts.append(step)
    return "/".join(parts) + "/"


def test_old_addresses_send_residents_to_the_new_ones(city):
    result = renamed_city(city).build(strict=True)
    assert result.error is None and result.warnings == [], result.warnings
    for old, new in VERHUISD.items():
        html = result.page(old)
        assert follow(old, html) == new and result.exists(new)
        assert f'<link rel="canonical" href="https://stad.example/{new}">' in html
        assert "Deze pagina is verhuisd naar <a href=" in html
    # The link says where to, by the page's own title.
    assert re.search(r">Repair Café</a>\.</p>", result.page("wijken/oost/initiatieven/repair-cafe/"))
    assert re.search(r">Kruiskamp</a>\.</p>", result.page("wijken/oud/"))
    # Renamed, then removed: nowhere to send anyone.
    assert not result.exists("wijken/oost/initiatieven/weggehaald/")
    # An old address is no page of the site: not in the sitemap, not found by the search.
    for listing in ("sitemap.xml", "search/search_index.json"):
        text = (result.site / listing).read_text(encoding="utf-8")
        assert "wijken/nieuw/" in text
        assert "wijken/oud/" not in text and "repair-cafe/" not in text


def test_a_new_page_under_an_old_name_is_the_page(city):
    renamed_city(city)
    city.initiatief("oost", "repair-cafe", titel="Het nieuwe Repair Café")
    city.commit("Een nieuw Repair Café", TWEEDE)
    result = city.build(strict=True)
    assert result.error is None, result.warnings
    assert "Het nieuwe Repair Café" in result.article("wijken/oost/initiatieven/repair-cafe/")
    assert "http-equiv" not in result.page("wijken/oost/initiatieven/repair-cafe/")
    assert follow("wijken/oud/", result.page("wijken/oud/")) == "wijken/nieuw/"


def test_a_folder_without_history_says_so_once_and_redirects_nothing(city, caplog):
    city.wijk("oost")
    city.initiatief("oost", "repair-cafe")
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        result = city.build(strict=True)
    assert result.error is None and result.warnings == []  # an info line: --strict passes
    said = [record for record in caplog.records if record.getMessage() == f"bovenwijks: {GEEN_REPOSITORY}"]
    assert len(said) == 1 and said[0].levelno == logging.INFO
    assert not any("http-equiv" in page.read_text(encoding="utf-8") for page in result.site.rglob("index.html"))


def test_a_whole_history_needs_no_word(city, caplog):
    city.wijk("oost")
    city.commit("De wijk", EERSTE)
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        city.build()
    assert not [record for record in caplog.records if "doorverwijzingen" in record.getMessage()]
