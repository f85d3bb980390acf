"""`bovenwijks`: the one command for editors and the repository, with a subcommand per job.

    bovenwijks check                 controleer de inhoud van alle wijken
    bovenwijks nieuw initiatief soesterkwartier "Repair Café"
    bovenwijks genereer              de afgeleide bestanden opnieuw
    bovenwijks linkcheck site/       de links van een gebouwde site
    bovenwijks nieuwsbrief --wijk soesterkwartier --aan lijst@example.org
    bovenwijks ophalen               het nieuws en de agenda van de eigen websites van de wijken
    bovenwijks nieuwe-stad ../utrecht --naam Utrecht   de repository van een nieuwe stad
    bovenwijks --version             de versie van het platform

Each subcommand is a module with `HELP`, `arguments(parser)` and `run(args)`: adding one is a
line in `COMMANDS`. Help and errors are in Dutch, as editors read them; `scripts/` and the
Makefile call the same subcommands.
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
from types import ModuleType
from typing import NoReturn

from bovenwijks.tools.versie import versie

PROG = "bovenwijks"

# The subcommands, in the order the help lists them, by module. A command line loads only the
# subcommand it names (the help of `bovenwijks` itself loads them all): `bovenwijks check`, the
# editors' check, then does not import what fetching and mailing need, half a second.
COMMANDS: dict[str, str] = {
    "check": "bovenwijks.tools.check",
    "nieuw": "bovenwijks.tools.scaffold",
    "genereer": "bovenwijks.tools.generate",
    "linkcheck": "bovenwijks.tools.linkcheck",
    "nieuwsbrief": "bovenwijks.tools.nieuwsbrief",
    "ophalen": "bovenwijks.tools.ophalen",
    "nieuwe-stad": "bovenwijks.tools.nieuwestad",
}
_HELP = ("-h", "--help", "--version")


def command(name: str) -> ModuleType:
    """The module of the subcommand `name` (a key of COMMANDS)."""
    return importlib.import_module(COMMANDS[name])


# argparse's own messages, which it writes in English, as editors should read them.
_ERRORS = (
    (re.compile(r"the following arguments are required: (.+)"), r"dit ontbreekt nog: \1"),
    (re.compile(r"unrecognized arguments: (.+)"), r"onbekend: \1"),
    (re.compile(r"argument (\S+): invalid choice: '?([^' ]+)'? \(choose from (.+)\)"), r"onbekende keuze '\2' voor \1; kies uit: \3"),
    (re.compile(r"argument (\S+): expected one argument"), r"\1 heeft een waarde nodig"),
)


def dutch(message: str) -> str:
    """argparse's English `message` in Dutch, or as it is when we have no translation of it."""
    for english, nederlands in _ERRORS:
        if english.fullmatch(message):
            return english.sub(nederlands, message)
    return message


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "gebruik: " if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """An argument parser whose help and errors are in Dutch."""

    def __init__(self, **kwargs) -> None:
        super().__init__(formatter_class=_Formatter, add_help=False, **kwargs)
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        self.add_argument("-h", "--help", action="help", help="toon deze hulp")

    def error(self, message: str) -> NoReturn:
        """Say what is wrong in Dutch, and how to get help; exit with 2."""
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {dutch(message)}\nMeer uitleg: {self.prog} --help\n")


def _named(argv: list[str] | None) -> str | None:
    """The subcommand that the command line `argv` runs, when it names one and asks for no help before it."""
    for arg in argv or ():
        if arg in _HELP:
            return None
        if not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return None


def parser(argv: list[str] | None = None) -> Parser:
    """The parser of `bovenwijks` and its subcommands: for the command line `argv`, only the one it runs is loaded."""
    main_parser = Parser(prog=PROG, description="Werk aan de inhoud van de wijken: controleren, nieuwe bestanden maken en bijwerken.")
    main_parser.add_argument("--version", action="version", version=f"{PROG} {versie()}", help="toon de versie van bovenwijks")
    commands = main_parser.add_subparsers(title="commando's", metavar="COMMANDO", dest="command", required=True, parser_class=Parser)
    alone = _named(argv)
    for name in COMMANDS:
        if alone is not None and name != alone:
            commands.add_parser(name)  # its name alone: nobody reads its help on this command line
            continue
        module = command(name)
        sub = commands.add_parser(name, help=module.HELP, description=module.HELP[0].upper() + module.HELP[1:] + ".")
        module.arguments(sub)
        sub.set_defaults(run=module.run)
    return main_parser


def main(argv: list[str] | None = None) -> int:
    """Run `bovenwijks` with `argv` (the command line without the program's name)."""
    argv = sys.argv[1:] if argv is None else argv
    args = parser(argv).parse_args(argv)
    return args.run(args)


if __name__ == "__main__":  # python -m bovenwijks.tools.cli
    sys.exit(main())
