"""Scaffolding: `scripts/nieuw` writes a file that fails the check until every placeholder is filled in."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from city import REPO

from bovenwijks.content.load import load_stad
from bovenwijks.content.schema import AFBEELDING
from bovenwijks.tools.scaffold import ScaffoldError, scaffold

VANDAAG = date(2026, 11, 23)

# What an editor writes in place of each placeholder, by key (list items by their list's key).
FILL = {
    "samenvatting": "Samen repareren we kapotte spullen.",
    "status": "actief",
    "themas": "ontmoeting",
    "naam": "Anneke de Boer",
    "email": "anneke@example.org",
    "start": "2026-12-10 19:30",
    "locatie": "Buurthuis",
    "datum": "2026-11-20",
    "soort": "vraag",
    "onderwerpen": "subsidie",
    "redactie": "annekeb",
    "id": "ontmoeting-ouderen",
    "titel": "Meer ontmoeting voor ouderen",
    "thema": "ontmoeting",
}
PLACEHOLDER = re.compile(r'^(?P<indent>\s*(?:- )?)(?:(?P<key>\w+): )?"VUL IN[^"]*"$')


def fill_in(text: str) -> str:
    """Replace every placeholder as an editor would."""
    lines, parent = [], None
    for line in text.split("\n"):
        bare = re.match(r"^\s*(\w+):\s*$", line)
        if bare:
            parent = bare.group(1)
        match = PLACEHOLDER.match(line)
        if match:
            key = match.group("key")
            line = f"{match.group('indent')}{key}: {FILL[key]}" if key else f"{match.group('indent')}{FILL[parent]}"
        elif line.startswith("VUL IN"):
            line = "Onze eigen tekst."
        lines.append(line)
    return "\n".join(lines)


def switch_on_optional_keys(text: str) -> str:
    """Remove the `#` from every commented key, as the file's comment tells editors to."""
    return "\n".join(re.sub(r"^(\s*)# (?=[a-z]|\s)", r"\1", line) for line in text.split("\n"))


@pytest.mark.parametrize(
    ("titel", "slug"),
    [
        ("Repair Café", "repair-cafe"),
        ("  Koffie   &  Koek  ", "koffie-koek"),
        ("Één café: 'De Wissel'!", "een-cafe-de-wissel"),
        ("Buurtsoep 2027", "buurtsoep-2027"),
    ],
)
def test_file_name_is_the_slug_and_the_title_is_kept(city, titel, slug):
    city.wijk("oost")
    made = scaffold(city.root, "initiatief", "oost", titel, vandaag=VANDAAG)
    assert made.path == f"wijken/oost/initiatieven/{slug}.md"
    file = city.root / made.path
    file.write_text(fill_in(file.read_text(encoding="utf-8")), encoding="utf-8")
    loaded = load_stad(city.root)
    assert loaded.problems == []
    assert [i.titel for i in loaded.stad.wijken["oost"].initiatieven] == [" ".join(titel.split())]


def test_title_with_yaml_characters_is_quoted_and_read_back_exactly(city):
    city.wijk("oost")
    made = scaffold(city.root, "activiteit", "oost", 'Soep: "heet" & #1', vandaag=VANDAAG)
    text = (city.root / made.path).read_text(encoding="utf-8")
    assert 'titel: "Soep: \\"heet\\" & #1"' in text
    (city.root / made.path).write_text(fill_in(text), encoding="utf-8")
    assert city.check().returncode == 0
    assert "Soep: &quot;heet&quot; &amp; #1" in city.build().page("wijken/oost/agenda/soep-heet-1/")


KINDS = [
    # soort, wijk argument, title, file, page, a placeholder line the check reports
    (
        "initiatief",
        "oost",
        "Repair Café",
        "wijken/oost/initiatieven/repair-cafe.md",
        "wijken/oost/initiatieven/repair-cafe/",
        "6: 'status' is nog niet ingevuld: vervang 'VUL IN: …' door een van: idee, actief, gepauzeerd, afgerond",
    ),
    (
        "activiteit",
        "oost",
        "Kerstsoep",
        "wijken/oost/agenda/kerstsoep.md",
        "wijken/oost/agenda/kerstsoep/",
        "5: 'start' is nog niet ingevuld: vervang 'VUL IN: …' door een datum met tijd, bijvoorbeeld: 2026-12-10 19:30",
    ),
    (
        "bericht",
        "oost",
        "Nieuw buurthuis",
        "wijken/oost/nieuws/nieuw-buurthuis.md",
        "wijken/oost/nieuws/nieuw-buurthuis/",
        "5: 'datum' is nog niet ingevuld: vervang 'VUL IN: …' door een datum, bijvoorbeeld: 2026-11-22",
    ),
    (
        "kennis",
        "oost",
        "Hoe werven jullie?",
        "wijken/oost/kennis/hoe-werven-jullie.md",
        "wijken/oost/kennis/hoe-werven-jullie/",
        "5: 'soort' is nog niet ingevuld: vervang 'VUL IN: …' door een van: vraag, ervaring",
    ),
    (
        "wijk",
        "west",
        "West",
        "wijken/west/index.md",
        "wijken/west/",
        "7: 'redactie' is nog niet ingevuld: vervang 'VUL IN: …' door een GitHub-naam, bijvoorbeeld: annekeb",
    ),
    (
        "wijkplan",
        "oost",
        "2027",
        "wijken/oost/wijkplan.md",
        "wijken/oost/wijkplan/",
        "6: 'prioriteiten.id' is nog niet ingevuld: vervang 'VUL IN: …' door een id, bijvoorbeeld: ontmoeting-ouderen",
    ),
]


@pytest.mark.parametrize(("soort", "wijk", "titel", "path", "url", "reported"), KINDS, ids=[k[0] for k in KINDS])
def test_scaffolded_file_fails_the_check_until_filled_in_then_builds(city, soort, wijk, titel, path, url, reported):
    city.wijk("oost", naam="Oost")
    made = scaffold(city.root, soort, wijk, titel, vandaag=VANDAAG)
    assert made.path == path
    file = city.root / path

    checked = city.check()
    assert checked.returncode == 1
    assert f"{path}:{reported}" in checked.stdout
    body_line = (
        file.read_text(encoding="utf-8")
        .split("\n")
        .index(next(line for line in file.read_text(encoding="utf-8").split("\n") if line.startswith("VUL IN")))
        + 1
    )
    assert f"{path}:{body_line}: de tekst van de pagina is nog niet ingevuld" in checked.stdout
    assert all(line.startswith(path) for line in checked.stdout.splitlines()), checked.stdout
    # A plain build publishes no placeholder (it leaves the item out; a wijk keeps a bare
    # home under its folder name); a strict one fails.
    plain = city.build()
    assert soort == "wijk" or not plain.exists(url)
    assert "VUL IN" not in (plain.page(url) if plain.exists(url) else "")
    assert city.build(strict=True).error is not None

    file.write_text(fill_in(file.read_text(encoding="utf-8")), encoding="utf-8")
    checked = city.check()
    assert checked.returncode == 0, checked.stdout
    result = city.build(strict=True)
    assert result.error is None, result.warnings
    assert result.exists(url)


@pytest.mark.parametrize("soort", ["initiatief", "activiteit", "bericht", "kennis", "wijk"])
def test_commented_optional_keys_are_valid_once_switched_on(city, soort):
    city.wijk("oost")
    city.wijkplan("oost", [{"id": "ontmoeting-ouderen", "titel": "Ouderen", "thema": "ontmoeting"}])
    city.initiatief("oost", "repair-cafe")
    made = scaffold(city.root, soort, "west" if soort == "wijk" else "oost", "Nieuw", vandaag=VANDAAG)
    file = city.root / made.path
    text = file.read_text(encoding="utf-8")
    assert "# Niet verplicht" in text
    if soort != "kennis":  # the example photo, uploaded beside the file as the guide says
        city.foto((file.parent / AFBEELDING.fields[0].example).relative_to(city.root).as_posix())
    file.write_text(switch_on_optional_keys(fill_in(text)), encoding="utf-8")
    checked = city.check()
    assert checked.returncode == 0, checked.stdout + file.read_text(encoding="utf-8")


def test_never_overwrites(city):
    city.wijk("oost")
    existing = city.initiatief("oost", "repair-cafe", titel="Het echte Repair Café")
    before = existing.read_bytes()
    with pytest.raises(ScaffoldError, match="bestaat al"):
        scaffold(city.root, "initiatief", "oost", "Repair Café", vandaag=VANDAAG)
    with pytest.raises(ScaffoldError, match="bestaat al"):
        scaffold(city.root, "wijk", "oost", "Oost", vandaag=VANDAAG)
    assert existing.read_bytes() == before


def test_a_file_with_the_same_address_in_other_capitals_counts_as_existing(city):
    city.wijk("oost")
    city.write("wijken/oost/nieuws/Nieuw-Buurthuis.md", "---\ntitel: x\ndatum: 2026-11-01\n---\n")
    with pytest.raises(ScaffoldError, match=re.escape("wijken/oost/nieuws/Nieuw-Buurthuis.md bestaat al")):
        scaffold(city.root, "bericht", "oost", "Nieuw buurthuis", vandaag=VANDAAG)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("initiatief", "oostt", "Soep"), "de wijk 'oostt' bestaat niet (bedoel je 'oost'?)"),
        (("initiatif", "oost", "Soep"), "onbekende soort 'initiatif'; bedoel je 'initiatief'?"),
        (("initiatief", "oost", ""), 'geef een titel op, tussen aanhalingstekens: bovenwijks nieuw initiatief oost "..."'),
        (("initiatief", "oost", "!!!"), "van '!!!' kan geen bestandsnaam gemaakt worden"),
        (
            ("wijk", "Oost_West", "Oost-West"),
            "'Oost_West' kan geen mapnaam van een wijk zijn: gebruik kleine letters, cijfers en streepjes, zoals 'oost-west'",
        ),
        (("wijkplan", "oost", "volgend jaar"), "'volgend jaar' is geen jaartal"),
    ],
)
def test_mistakes_get_a_dutch_message(city, args, message):
    city.wijk("oost")
    with pytest.raises(ScaffoldError) as error:
        scaffold(city.root, *args, vandaag=VANDAAG)
    assert message in str(error.value)


def test_a_new_wijk_from_its_name_alone(city):
    made = scaffold(city.root, "wijk", "Hoge Kwartier", vandaag=VANDAAG)
    assert made.path == "wijken/hoge-kwartier/index.md"
    assert "naam: Hoge Kwartier" in (city.root / made.path).read_text(encoding="utf-8")


def test_the_command_line(city):
    city.wijk("oost")

    def nieuw(*args):
        return subprocess.run(
            [sys.executable, str(REPO / "scripts" / "nieuw"), *args, "--root", str(city.root)], capture_output=True, text=True, check=False
        )

    made = nieuw("initiatief", "oost", "Repair Café")
    assert made.returncode == 0, made.stderr
    assert "Gemaakt: wijken/oost/initiatieven/repair-cafe.md" in made.stdout
    assert "make check" in made.stdout
    again = nieuw("initiatief", "oost", "Repair Café")
    assert again.returncode == 1
    assert "bovenwijks nieuw: wijken/oost/initiatieven/repair-cafe.md bestaat al" in again.stderr
    assert "Traceback" not in again.stderr


def top_make_env() -> dict[str, str]:
    """The environment of a `make` an editor types: under `make test` the tests run inside make,
    whose MAKELEVEL would make the inner one print `make[1]:` instead of `make:`."""
    return {k: v for k, v in os.environ.items() if k not in ("MAKELEVEL", "MAKEFLAGS", "MFLAGS")}


def make(*args: str, bin: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`make` in the repository with this venv's tools (or those in `bin`); `-o` keeps it from
    setting up a venv of its own."""
    return subprocess.run(
        ["make", "-s", "-C", str(REPO), *args, f"BIN={bin or Path(sys.executable).parent}", "-o", ".venv/.installed"],
        capture_output=True,
        text=True,
        check=False,
        env=top_make_env(),
    )


def test_make_nieuw_without_arguments_explains_itself():
    result = make("nieuw")
    assert result.returncode != 0
    assert (
        result.stdout
        == 'Gebruik: make nieuw SOORT=initiatief WIJK=soesterkwartier TITEL="Repair Café" (en eventueel SLUG=een-eigen-bestandsnaam)\n'
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("TITEL=Kledingbank",),
            "make nieuw: wijken/kruiskamp/initiatieven/kledingbank.md bestaat al; kies een andere titel, of geef met SLUG=... een andere bestandsnaam",
        ),
        (
            ("TITEL=Iets anders", "SLUG=kledingbank"),
            "make nieuw: wijken/kruiskamp/initiatieven/kledingbank.md bestaat al; kies met SLUG=... een andere bestandsnaam",
        ),
        ((), 'make nieuw: geef een titel op, tussen aanhalingstekens: make nieuw SOORT=initiatief WIJK=kruiskamp TITEL="..."'),
    ],
)
def test_make_nieuw_speaks_in_make_variables(args, message):
    # Each fails before anything is written: the demo city has wijken/kruiskamp/initiatieven/kledingbank.md.
    result = make("nieuw", "SOORT=initiatief", "WIJK=kruiskamp", *args)
    assert result.returncode != 0
    lines = result.stderr.splitlines()
    assert lines[:-1] == [message, "make nieuw: er is niets gemaakt"]
    # GNU make's own last line can't be left out while make fails (Makefile, OR_FAIL): ours comes before it.
    assert lines[-1].startswith("make: *** [Makefile:")


def test_the_command_line_names_its_own_option(city):
    city.wijk("oost")
    city.initiatief("oost", "soep")
    with pytest.raises(ScaffoldError) as error:
        scaffold(city.root, "initiatief", "oost", "Soep", vandaag=VANDAAG)
    assert (
        str(error.value) == "wijken/oost/initiatieven/soep.md bestaat al; kies een andere titel, of geef met --slug een andere bestandsnaam"
    )


@pytest.mark.parametrize(
    ("target", "tool", "message"),
    [
        ("check", "bovenwijks", "make check: verbeter wat hierboven staat, en draai dan opnieuw make check"),
        ("genereer", "bovenwijks", "make genereer: er is niets bijgewerkt; de melding hierboven zegt waarom"),
        ("build", "mkdocs", "make build: de site is niet gebouwd; de melding hierboven zegt waarom"),
        ("screenshots", "python", "make screenshots is mislukt; de melding hierboven zegt waarom"),
    ],
)
def test_a_failing_make_target_says_so_in_dutch(tmp_path, target, tool, message):
    for code, folder in ((3, tmp_path / "fout"), (0, tmp_path / "goed")):
        folder.mkdir()
        (folder / tool).write_text(f"#!/bin/sh\necho 'wat {tool} zegt' >&2\nexit {code}\n", encoding="utf-8")
        (folder / tool).chmod(0o755)
    failed = make(target, bin=tmp_path / "fout")
    assert failed.returncode == 2  # make's own, whatever the command's
    assert failed.stderr.splitlines()[:-1] == [f"wat {tool} zegt", message]
    assert failed.stderr.splitlines()[-1].startswith("make: *** [Makefile:") and failed.stderr.splitlines()[-1].endswith("Error 3")
    passed = make(target, bin=tmp_path / "goed")
    assert (passed.returncode, passed.stderr) == (0, f"wat {tool} zegt\n")


def test_a_venv_that_cannot_be_set_up_says_so_in_dutch(tmp_path):
    # A copy of the Makefile in an empty folder: the .venv it would make is there, not in the repository.
    for name in ("Makefile", "pyproject.toml"):
        (tmp_path / name).write_bytes((REPO / name).read_bytes())
    (tmp_path / "python3.9").write_text("#!/bin/sh\necho 'Python 3.9 kent dit niet' >&2\nexit 1\n", encoding="utf-8")
    (tmp_path / "python3.9").chmod(0o755)
    result = subprocess.run(
        ["make", "-s", "check", f"PYTHON={tmp_path / 'python3.9'}"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        env=top_make_env(),
    )
    assert result.returncode == 2
    assert result.stdout == "De Python-omgeving wordt klaargezet in .venv; dat gebeurt eenmalig en duurt even.\n"
    assert result.stderr.splitlines()[:-1] == [
        "Python 3.9 kent dit niet",
        f"De Python-omgeving in .venv kon niet worden klaargezet met '{tmp_path / 'python3.9'}'; de melding hierboven zegt waarom "
        "(nodig is Python 3.11 of nieuwer, te kiezen met bijvoorbeeld PYTHON=python3.12)",
    ]
    assert not (tmp_path / ".venv" / ".installed").exists()
