"""`bovenwijks`: one command with a subcommand per job, and help and errors in Dutch."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from city import REPO

from bovenwijks.tools.cli import COMMANDS, command, dutch, main

BOVENWIJKS = Path(sys.executable).with_name("bovenwijks")


def run(*args: str, program: list[str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*(program or [str(BOVENWIJKS)]), *args], capture_output=True, text=True, cwd=REPO, check=False)


def test_the_help_lists_every_subcommand_in_dutch():
    result = run("--help")
    assert result.returncode == 0
    assert result.stdout.startswith("gebruik: bovenwijks [-h] [--version] COMMANDO ...")
    assert "commando's:" in result.stdout and "opties:" in result.stdout and "toon deze hulp" in result.stdout
    for name in COMMANDS:
        assert f"    {name}" in result.stdout
        assert command(name).HELP.split(",")[0] in " ".join(result.stdout.split())
    assert "show this help" not in result.stdout and "usage:" not in result.stdout


@pytest.mark.parametrize("name", list(COMMANDS))
def test_each_subcommand_has_dutch_help(name):
    result = run(name, "--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"gebruik: bovenwijks {name} [-h]")
    assert "toon deze hulp" in result.stdout
    assert "positional arguments" not in result.stdout and "options:" not in result.stdout


@pytest.mark.parametrize(
    "args, message",
    [
        ([], "bovenwijks: dit ontbreekt nog: COMMANDO"),
        (["nieuw"], "bovenwijks nieuw: dit ontbreekt nog: soort, wijk"),
        (["controleer"], "bovenwijks: onbekende keuze 'controleer' voor COMMANDO; kies uit: "),
        (["check", "--wortel", "x"], "bovenwijks: onbekend: --wortel x"),
        (["check", "--root"], "bovenwijks check: --root heeft een waarde nodig"),
    ],
)
def test_a_wrong_command_line_is_explained_in_dutch(args, message):
    result = run(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Meer uitleg: bovenwijks" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_english_message_without_a_translation_is_kept():
    assert dutch("something new in a later Python") == "something new in a later Python"


def test_the_scripts_are_the_subcommands(city):
    """`scripts/check` says what `bovenwijks check` says."""
    city.wijk("oost")
    command = run("check", "--root", str(city.root))
    script = run("--root", str(city.root), program=[sys.executable, str(REPO / "scripts" / "check")])
    for result in (command, script):
        assert result.returncode == 0, result.stdout + result.stderr
        assert "Alles in orde: 1 wijk, 0 items." in result.stderr


def test_main_runs_a_subcommand_and_returns_its_code(city, capsys):
    city.wijk("oost")
    city.write("wijken/oost/agenda/kapot.md", "geen frontmatter\n")
    assert main(["check", "--root", str(city.root)]) == 1
    assert "wijken/oost/agenda/kapot.md:1: de frontmatter ontbreekt" in capsys.readouterr().out


def test_the_check_loads_only_its_own_subcommand(city):
    """`bovenwijks check` runs as it would with every subcommand loaded, without importing what fetching needs."""
    city.wijk("oost")
    program = (
        "import sys; from bovenwijks.tools.cli import main; code = main(['check', '--root', sys.argv[1]]); "
        "print(code, 'bovenwijks.tools.ophalen' in sys.modules, 'httpx' in sys.modules)"
    )
    result = run(str(city.root), program=[sys.executable, "-c", program])
    assert result.stdout.split() == ["0", "False", "False"], result.stdout + result.stderr
    assert "Alles in orde: 1 wijk, 0 items." in result.stderr
    # Asked for help first, every subcommand is there with its own.
    helped = run("--help", "check")
    assert helped.returncode == 0 and command("ophalen").HELP.split(",")[0] in " ".join(helped.stdout.split())
