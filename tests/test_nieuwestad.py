"""`bovenwijks nieuwe-stad`: a new city's repository that uses the platform as a package, and the wheel it installs."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import tomllib
import zipfile
from datetime import date
from pathlib import Path

import pytest
import yaml
from city import BUILD_DATE, REPO
from test_workflows import lint

from bovenwijks.tools import cli, nieuwestad
from bovenwijks.tools.versie import versie

VANDAAG = date.fromisoformat(BUILD_DATE)


def maak(root: Path, naam: str = "Utrecht", **opties) -> list[str]:
    return nieuwestad.schrijf(root, nieuwestad.stad(naam, vandaag=VANDAAG, **opties))


def mkdocs_yml(root: Path) -> dict:
    from mkdocs.utils.yaml import yaml_load

    with open(root / "mkdocs.yml", encoding="utf-8") as file:
        return yaml_load(file)


def build(root: Path, site: Path) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    mkdocs_build(load_config(config_file=str(root / "mkdocs.yml"), strict=True, site_dir=str(site)))


def test_the_command_writes_a_whole_city(tmp_path, capsys):
    root = tmp_path / "utrecht"
    assert cli.main(["nieuwe-stad", str(root), "--naam", "Utrecht", "--wijk", "Lombok"]) == 0
    out = capsys.readouterr().out
    for path in (
        "content/index.md",
        "content/over.md",
        "content/toegankelijkheid.md",
        "content/meedoen/index.md",
        "content/meedoen/sleutels.md",
        "content/vocabulaire.yml",
        "wijken/lombok/index.md",
        "wijken/lombok/initiatieven/repair-cafe.md",
        "wijken/lombok/agenda/repair-cafe.md",
        "wijken/lombok/nieuws/welkom.md",
        "mkdocs.yml",
        "pyproject.toml",
        "Makefile",
        "README.md",
        ".gitignore",
        ".remarkrc.json",
        "schemas/initiatief.schema.json",
        ".github/CODEOWNERS",
        ".github/workflows/check.yml",
        ".github/workflows/deploy.yml",
        ".github/workflows/ophalen.yml",
        ".github/workflows/nieuwsbrief.yml",
    ):
        assert (root / path).is_file(), path
        assert f"Gemaakt: {path}" in out
    assert "make test" in out and "make serve" in out
    assert "/wijken/lombok/ @redactie-lombok" in (root / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    # Nothing of Amersfoort's own: no templates left unfilled, no organisation of another city.
    for file in root.rglob("*"):
        if file.is_file() and file.suffix in (".md", ".yml", ".toml"):
            text = file.read_text(encoding="utf-8")
            assert "${" not in text.replace("${{", ""), file
            if file.name != "sleutels.md":  # the schema's examples (content/schema.py) are the platform's
                assert "Indebuurt033" not in text and "Amersfoort" not in text and "soesterkwartier" not in text.lower(), file


def test_the_guide_for_editors_has_one_source_and_amersfoort_is_it_filled_in():
    amersfoort = nieuwestad.Gids(
        "Amersfoort", "soesterkwartier", "Soesterkwartier", "in het Soesterkwartier", "redactie@bovenwijks.example"
    )
    assert (REPO / "content" / "meedoen" / "index.md").read_text(encoding="utf-8") == amersfoort.tekst(), (
        f"content/meedoen/index.md is the guide of {nieuwestad.GIDS} filled in for Amersfoort: change the template, and write "
        "Amersfoort's copy with nieuwestad.Gids(...).tekst() as in this test"
    )


def test_the_guide_of_a_new_city_names_its_own_example_wijk(tmp_path):
    root = tmp_path / "utrecht"
    maak(root, wijk="Lombok")
    gids = (root / "content" / "meedoen" / "index.md").read_text(encoding="utf-8")
    assert "`wijken/lombok/initiatieven/buurtsoep.md`" in gids and "de buurtsoep in de wijk Lombok" in gids
    assert "redactie@utrecht.bovenwijks.nl" in gids


def test_the_configuration_is_the_citys_and_pins_this_version(tmp_path):
    root = tmp_path / "den-bosch"
    maak(root, "'s-Hertogenbosch", url="https://bovenwijks.example.org/den-bosch", repo="bewoners073/site", wijk="De Muntel")
    config = mkdocs_yml(root)
    assert config["site_name"] == "Bovenwijks 's-Hertogenbosch"
    assert config["site_url"] == "https://bovenwijks.example.org/den-bosch/"
    assert config["edit_uri"] == "https://github.com/bewoners073/site/edit/main/"
    assert "custom_dir" not in config["theme"]
    plugins = {next(iter(p)) if isinstance(p, dict) else p: p for p in config["plugins"]}
    assert set(plugins) == {"search", "bovenwijks/wijken", "bovenwijks/overzicht", "bovenwijks/kennis", "bovenwijks/feeds"}
    assert plugins["bovenwijks/wijken"]["bovenwijks/wijken"]["stad"] == "'s-Hertogenbosch"
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == "bovenwijks-s-hertogenbosch"
    assert project["dependencies"] == [f"bovenwijks=={versie()}"]
    assert yaml.safe_load((root / "wijken" / "de-muntel" / "index.md").read_text(encoding="utf-8").split("---")[1])["naam"] == "De Muntel"


def test_the_makefile_fetches_the_wheel_from_the_platforms_home(tmp_path):
    maak(tmp_path / "stad")
    makefile = (tmp_path / "stad" / "Makefile").read_text(encoding="utf-8")
    assert f"PLATFORM ?= {nieuwestad.PLATFORM}\n" in makefile
    result = subprocess.run(["make", "-n", "wielen"], cwd=tmp_path / "stad", capture_output=True, text=True, check=True)
    assert f"releases/download/v{versie()}/bovenwijks-{versie()}-py3-none-any.whl" in result.stdout


@pytest.mark.parametrize(
    "args, message",
    [
        (["--naam", ""], "--naam '' is geen bruikbare naam"),
        (["--naam", "Utrecht\nStad"], "geen bruikbare naam"),
        (["--naam=---"], "--naam '---' is geen bruikbare naam"),
        (["--naam", "Utrecht", "--url", "utrecht.nl"], "--url 'utrecht.nl' is geen webadres"),
        (["--naam", "Utrecht", "--repo", "geen repo"], "--repo 'geen repo' is geen GitHub-repository"),
        (["--naam", "Utrecht", "--wijk", "../x"], "--wijk '../x' is geen bruikbare naam"),
    ],
)
def test_a_value_that_is_not_usable_is_refused_in_dutch(tmp_path, capsys, args, message):
    assert cli.main(["nieuwe-stad", str(tmp_path / "stad"), *args]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "stad").exists()


def test_a_folder_that_is_not_empty_is_left_alone(tmp_path, capsys):
    (tmp_path / "notities.txt").write_text("van mij", encoding="utf-8")
    assert cli.main(["nieuwe-stad", str(tmp_path), "--naam", "Utrecht"]) == 2
    assert "bestaat al en is niet leeg" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["notities.txt"]


def test_an_empty_folder_will_do(tmp_path):
    assert "mkdocs.yml" in maak(tmp_path)


def test_version_is_the_installed_distributions(capsys):
    with pytest.raises(SystemExit) as exit:
        cli.main(["--version"])
    assert exit.value.code == 0
    assert capsys.readouterr().out == f"bovenwijks {versie()}\n"


def test_the_citys_workflows_pass_actionlint(tmp_path):
    maak(tmp_path / "stad")
    workflows = sorted((tmp_path / "stad" / ".github" / "workflows").glob("*.yml"))
    assert [w.name for w in workflows] == ["check.yml", "deploy.yml", "nieuwsbrief.yml", "ophalen.yml"]
    result = lint(*workflows)
    assert result.returncode == 0, result.stdout + result.stderr
    for workflow in workflows:
        text = workflow.read_text(encoding="utf-8")
        assert "pytest" not in text and "npm" not in text and "plugins/" not in text, workflow.name


def test_the_new_city_passes_the_check_and_builds_strictly(tmp_path, monkeypatch, capsys):
    root = tmp_path / "utrecht"
    maak(root, wijk="Lombok")
    monkeypatch.setenv("BOVENWIJKS_BUILD_DATE", BUILD_DATE)
    assert cli.main(["check", "--root", str(root)]) == 0, capsys.readouterr()
    monkeypatch.chdir(root)
    build(root, tmp_path / "site")
    site = tmp_path / "site"
    assert "Samen in de wijken van Utrecht" in (site / "index.html").read_text(encoding="utf-8")
    assert "Lombok" in (site / "wijken" / "lombok" / "index.html").read_text(encoding="utf-8")
    feed = (site / "feeds" / "wijken" / "lombok.atom").read_text(encoding="utf-8")
    assert "Welkom op de nieuwe site" in feed and "Repair Café in de buurt" in feed
    assert "BEGIN:VEVENT" in (site / "kalender" / "wijken" / "lombok.ics").read_text(encoding="utf-8")
    assert '"location":"wijken/lombok/initiatieven/repair-cafe/"' in (site / "search" / "search_index.json").read_text(encoding="utf-8")


# -- the platform as a package --------------------------------------------------------


@pytest.fixture(scope="module")
def wiel(tmp_path_factory) -> Path:
    """The wheel of this checkout, built as the release workflow builds it (setuptools from the index)."""
    folder = tmp_path_factory.mktemp("wielen")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", str(REPO), "-w", str(folder)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return next(folder.glob("bovenwijks-*.whl"))


def test_the_wheel_carries_what_a_city_needs_and_nothing_of_amersfoort(wiel):
    version = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert wiel.name == f"bovenwijks-{version}-py3-none-any.whl"
    names = set(zipfile.ZipFile(wiel).namelist())
    for name in (
        "bovenwijks/mkdocs/theme/main.html",
        "bovenwijks/mkdocs/theme/partials/copyright.html",
        "bovenwijks/mkdocs/theme/assets/javascripts/workers/bovenwijks-zoeken.js",
        "bovenwijks/mkdocs/assets/bovenwijks.css",
        "bovenwijks/mkdocs/assets/bovenwijks.js",
        "bovenwijks/site/templates/wijk.html",
        "bovenwijks/site/templates/home.html",
        "bovenwijks/tools/stadsjabloon/Makefile",
        "bovenwijks/tools/stadsjabloon/gitignore",
        "bovenwijks/tools/stadsjabloon/mkdocs.yml.tmpl",
        "bovenwijks/tools/stadsjabloon/content/meedoen/index.md.tmpl",
        "bovenwijks/tools/stadsjabloon/github/workflows/deploy.yml",
        "bovenwijks/tools/stadsjabloon/wijk/agenda/repair-cafe.md.tmpl",
    ):
        assert name in names, name
    # Every file of the starter and of the templates in the checkout is in the wheel.
    for folder in ("tools/stadsjabloon", "site/templates", "mkdocs/theme", "mkdocs/assets"):
        for file in (REPO / "plugins" / "bovenwijks" / folder).rglob("*"):
            if file.is_file() and "__pycache__" not in file.parts:
                assert file.relative_to(REPO / "plugins").as_posix() in names, file
    assert {name.split("/")[0] for name in names} == {"bovenwijks", f"bovenwijks-{version}.dist-info"}
    assert not any(part in ("tests", "wijken", "content", "docs", "scripts") for name in names for part in name.split("/")[:1])


@pytest.mark.slow
def test_a_city_installs_the_wheel_and_its_make_check_and_build_pass(wiel, tmp_path):
    """End to end: a fresh venv, the platform from its wheel and the rest from the index, `make check` and `make build`."""
    root = tmp_path / "utrecht"
    version = wiel.name.split("-")[1]
    nieuwestad.schrijf(root, nieuwestad.stad("Utrecht", wijk="Lombok") if version == versie() else _stad(version))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHON", "GITHUB_"))}
    env |= {"BOVENWIJKS_WIELEN": str(wiel.parent), "PYTHON": str(Path(sys.base_prefix) / "bin" / "python3")}
    start = time.monotonic()
    for target in ("check", "build"):
        result = subprocess.run(["make", target], cwd=root, env=env, capture_output=True, text=True, timeout=1500, check=False)
        assert result.returncode == 0, f"make {target}:\n{result.stdout}\n{result.stderr}"
    print(f"\nmake check en make build in een nieuwe omgeving: {time.monotonic() - start:.0f} s")
    site = root / "site"
    assert "Samen in de wijken van Utrecht" in (site / "index.html").read_text(encoding="utf-8")
    assert (site / "wijken" / "lombok" / "index.html").is_file()
    assert "Welkom op de nieuwe site" in (site / "feeds" / "wijken" / "lombok.atom").read_text(encoding="utf-8")
    assert "wijken/lombok/nieuws/welkom/" in (site / "search" / "search_index.json").read_text(encoding="utf-8")
    installed = subprocess.run(
        [str(root / ".venv" / "bin" / "bovenwijks"), "--version"], env=env, capture_output=True, text=True, check=True
    ).stdout
    assert installed == f"bovenwijks {version}\n"
    # The platform came from the wheel, not from this checkout.
    where = subprocess.run(
        [str(root / ".venv" / "bin" / "python"), "-c", "import bovenwijks; print(bovenwijks.__file__)"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert str(root / ".venv") in where


def _stad(version: str) -> nieuwestad.Stad:
    # A checkout whose installed metadata is older than its pyproject.toml: pin the wheel's version.
    from dataclasses import replace

    return replace(nieuwestad.stad("Utrecht", wijk="Lombok"), versie=version)
