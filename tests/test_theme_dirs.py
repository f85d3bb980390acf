"""Our theme comes with the package: a city's mkdocs.yml names no `custom_dir` for it, and may keep its own."""

from __future__ import annotations

import pytest
from city import REPO, project_config

from bovenwijks.mkdocs import THEME
from bovenwijks.mkdocs.wijken.plugin import theme_dirs

OURS = str(THEME.resolve())


@pytest.mark.parametrize(
    "dirs, custom_dir, expected",
    [
        (["/material", "/mkdocs"], None, [OURS, "/material", "/mkdocs"]),
        (["/stad/overrides", "/material", "/mkdocs"], "/stad/overrides", ["/stad/overrides", OURS, "/material", "/mkdocs"]),
        ([OURS, "/material", "/mkdocs"], OURS, [OURS, "/material", "/mkdocs"]),
        # `mkdocs serve` runs on_config again on the same theme: ours is not added twice.
        ([OURS, "/material", "/mkdocs"], None, [OURS, "/material", "/mkdocs"]),
        (["/stad/overrides", OURS, "/material", "/mkdocs"], "/stad/overrides", ["/stad/overrides", OURS, "/material", "/mkdocs"]),
    ],
)
def test_our_templates_come_right_after_the_citys_own(dirs, custom_dir, expected):
    assert theme_dirs(dirs, custom_dir) == expected


def test_the_projects_mkdocs_yml_needs_no_path_into_the_package():
    assert "custom_dir" not in project_config()["theme"]


def test_a_citys_own_override_wins_and_ours_fill_the_rest(city):
    city.wijk("oost", "Oost")
    city.write("overrides/partials/copyright.html", '<div class="md-copyright">Een eigen voet van de stad.</div>\n')
    theme = dict(project_config()["theme"])
    city.write_config(theme={key: theme[key] for key in ("name", "language", "font", "features")} | {"custom_dir": "overrides"})
    result = city.build(strict=True)
    assert result.error is None, result.warnings
    home = result.page("")
    assert "Een eigen voet van de stad." in home
    assert "Je mag de teksten overnemen" not in home  # our copyright partial gave way
    # Our main.html and header still make the page: the skip link and the editors' link.
    assert 'class="md-skip bw-skip"' in home
    wijk = result.page("wijken/oost/")
    assert "Een eigen voet van de stad." in wijk and "Pagina aanpassen (voor redacteuren)" in wijk


def test_without_an_override_the_page_has_our_footer(city):
    city.wijk("oost", "Oost")
    result = city.build(strict=True)
    assert result.error is None, result.warnings
    assert "Je mag de teksten overnemen" in result.page("") and 'class="md-skip bw-skip"' in result.page("")
    assert str(REPO) not in (city.root / "mkdocs.yml").read_text(encoding="utf-8")


def test_a_citys_logo_shows_in_our_header(city):
    city.wijk("oost", "Oost")
    city.write("content/logo.svg", '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>\n')
    theme = dict(project_config()["theme"])
    city.write_config(theme={key: theme[key] for key in ("name", "language", "font", "features")} | {"logo": "logo.svg"})
    result = city.build(strict=True)
    assert result.error is None, result.warnings
    assert '<img src="../../logo.svg" alt="logo">' in result.page("wijken/oost/")
