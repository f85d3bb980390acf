"""Material's search, in Dutch: a resident's word finds the page in another form of it."""

from __future__ import annotations

import pytest
import yaml
from city import project_config
from harness import search, serve

pytestmark = pytest.mark.browser


def search_settings() -> dict:
    """The search plugin's settings in the repository's mkdocs.yml: what the site really uses."""
    plugins = project_config()["plugins"]
    return next(entry["search"] for entry in plugins if isinstance(entry, dict) and "search" in entry)


def test_searching_vrijwilligers_finds_a_page_that_only_says_vrijwilliger(city, open_site):
    written = yaml.safe_load((city.root / "mkdocs.yml").read_text(encoding="utf-8"))
    city.write_config(plugins=[{"search": search_settings()} if "search" in plugin else plugin for plugin in written["plugins"]])
    city.wijk("oost", naam="Oost")
    city.initiatief(
        "oost",
        "burenhulp",
        titel="Burenhulp Oost",
        samenvatting="Buren helpen buren met klusjes.",
        body="Voor de maandagochtend zoeken we nog een vrijwilliger met een auto.",
    )
    city.initiatief(
        "oost", "buurtsoep", titel="Buurtsoep Oost", samenvatting="Elke vrijdag soep in het buurthuis.", body="Iedereen is welkom."
    )
    result = city.build(strict=True)
    assert result.error is None, result.warnings
    page_html = result.page("wijken/oost/initiatieven/burenhulp/")
    assert "vrijwilliger " in page_html and "vrijwilligers" not in page_html  # only the singular

    with serve(result.site) as url:
        page = open_site(url, "").page
        search(page, "vrijwilligers")
        found = page.locator(".md-search-result__item")
        burenhulp = found.filter(has_text="Burenhulp Oost").first
        assert burenhulp.is_visible()
        assert "Niet gevonden" not in burenhulp.inner_text()  # how a word it did not find is marked (zoeken.js)
        assert found.filter(has_text="Buurtsoep Oost").count() == 0
        assert page.locator(".md-search-result__meta").inner_text().strip() != "Niets gevonden"
