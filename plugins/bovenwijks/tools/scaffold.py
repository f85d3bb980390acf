"""Scaffolding: a new wijk, wijkplan or item, written from `schema` with placeholders.

`bovenwijks nieuw initiatief soesterkwartier "Repair Café"` writes
`wijken/soesterkwartier/initiatieven/repair-cafe.md`: the title it was given, a `VUL IN: ...`
placeholder in every other required key and in the body (the check reports each until it is
replaced), and every optional key as a comment with an example, ready to be switched on by
removing the `#`. An existing file is never overwritten.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from bovenwijks.content.convert import SLUG_RE
from bovenwijks.content.placeholder import placeholder
from bovenwijks.content.schema import KINDS, WIJK, WIJKPLAN, Field, Kind
from bovenwijks.content.suggest import did_you_mean, hint
from bovenwijks.content.vocabulaire import load_vocabulaire
from bovenwijks.model import Vocabulaire
from bovenwijks.slug import slugify
from bovenwijks.tools import options

WIJKEN = "wijken"
KIND_NAMES = tuple(k.name for k in KINDS)

# What the body of a new page should tell, in the editor's own words.
BODIES = {
    "wijk": "vertel hier over de wijk: wie er wonen, wat er te doen is en waar je elkaar tegenkomt.",
    "wijkplan": "vat hier het wijkplan samen: hoe het tot stand kwam en wat bewoners het belangrijkst vinden.",
    "initiatief": "vertel hier wat jullie doen, voor wie, sinds wanneer, en hoe je kunt meedoen.",
    "activiteit": "vertel hier wat er gebeurt en voor wie het is; wat het kost en waar je je aanmeldt, zet je bij 'kosten' en 'aanmelden'.",
    "bericht": "schrijf hier het bericht.",
    "kennis": "beschrijf hier je vraag aan andere wijken, of de ervaring die jullie willen delen.",
}


class ScaffoldError(Exception):
    """Why a file cannot be made, in Dutch, for the editor who asked."""


@dataclass
class Scaffolded:
    """The file that was written, relative to the project root."""

    path: str
    kind: Kind


def yaml_scalar(value: object, quoted: bool = False) -> str:
    """`value` as a YAML scalar that our loader reads back as exactly this text."""
    text = str(value)
    if quoted:
        return json.dumps(text, ensure_ascii=False)
    try:
        parsed = yaml.safe_load(f"k: {text}")
    except yaml.YAMLError:
        parsed = None
    # The loader reads the text as typed, so a plain date or year is fine as it is.
    if isinstance(parsed, dict) and parsed.get("k") is not None and str(parsed["k"]) == text and not isinstance(parsed["k"], bool):
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid double-quoted YAML scalar


def example_lines(value: dict[str, object]) -> list[str]:
    """A mapping as the YAML lines an editor would write: lists of words on one line, of groups one per line."""
    lines = []
    for key, item in value.items():
        if isinstance(item, list) and item and isinstance(item[0], dict):
            lines.append(f"{key}:")
            for group in item:
                inner = example_lines(group)
                lines.extend(["  - " + inner[0], *("    " + line for line in inner[1:])])
        elif isinstance(item, list):
            lines.append(f"{key}: [{', '.join(yaml_scalar(v) for v in item)}]")
        else:
            lines.append(f"{key}: {yaml_scalar(item)}")
    return lines


def _example(f: Field) -> str:
    # Phone numbers are quoted, as the reference asks: unquoted, YAML could read one as a number.
    return yaml_scalar(f.example, quoted=f.type == "telefoon")


class _Writer:
    """The frontmatter lines of one new file."""

    def __init__(self, vocabulaire: Vocabulaire | None, vandaag: date):
        self.vocabulaire, self.vandaag = vocabulaire, vandaag
        self.lines: list[str] = []

    def hint(self, f: Field) -> str:
        """The text of the placeholder for `f`: what to write, and the valid choices or an example."""
        if f.type == "keuze":
            return f"{f.help}; kies uit: {', '.join(f.choices)}"
        if f.type == "thema" and self.vocabulaire:
            return f"{f.help}; kies uit: {', '.join(self.vocabulaire.themas)}"
        if f.type == "onderwerp" and self.vocabulaire:
            return f"{f.help} (bijvoorbeeld: {', '.join(list(self.vocabulaire.onderwerpen)[:3])})"
        if f.type == "datum":
            return f"{f.help} (jaar-maand-dag, zoals {self.vandaag.isoformat()})"
        example = f.example[0] if isinstance(f.example, list) else f.example
        return f"{f.help} (bijvoorbeeld: {example})" if example is not None else f.help

    def required(self, f: Field, indent: str, value: object = None) -> None:
        """`f` with `value`, or with a placeholder when there is none."""
        if f.type == "object":
            self.lines.append(f"{indent}{f.name}:")
            # Required keys get placeholders, and so does the first of `one_of` (contact needs
            # an e-mail or a phone); the rest are comments, as optional keys everywhere.
            chosen = [s for s in f.fields if s.required or (f.one_of and s.name == f.one_of[0])]
            inner = indent + "    " if f.many else indent + "  "
            for number, sub in enumerate(chosen):
                self.required(sub, indent + "  - " if f.many and number == 0 else inner)
            for sub in f.fields:
                if sub not in chosen:
                    self.optional(sub, inner, instead=f.one_of[0] if sub.name in f.one_of else None)
            return
        text = yaml_scalar(value) if value is not None else yaml_scalar(placeholder(self.hint(f)))
        if f.many:
            self.lines.append(f"{indent}{f.name}:")
            self.lines.append(f"{indent}  - {text}")
        else:
            self.lines.append(f"{indent}{f.name}: {text}")

    def optional(self, f: Field, indent: str, instead: str | None = None) -> None:
        """`f` as a comment with its example, to be switched on by removing the `#`."""
        note = f"in plaats van of naast {instead}: {f.help}" if instead else f.help
        if f.type == "object":
            self.lines.append(f"{indent}# {f.name}:  # {note}")
            if isinstance(f.example, dict):  # a whole example, where not every key goes with every other
                self.lines.extend(f"{indent}#   {line}" for line in example_lines(f.example))
                return
            first = f"{indent}#   - " if f.many else f"{indent}#   "
            rest = f"{indent}#     " if f.many else f"{indent}#   "
            for number, sub in enumerate(f.fields):
                self.lines.append(f"{first if number == 0 else rest}{sub.name}: {_example(sub)}")
            return
        if f.many:
            self.lines.append(f"{indent}# {f.name}:  # {note}")
            for example in f.example if isinstance(f.example, list) else [f.example]:
                self.lines.append(f"{indent}#   - {yaml_scalar(example)}")
            return
        self.lines.append(f"{indent}# {f.name}: {_example(f)}  # {note}")


def frontmatter(kind: Kind, values: dict[str, object], vocabulaire: Vocabulaire | None, vandaag: date) -> str:
    """The text of a new file of `kind`: frontmatter with `values` and placeholders, and a body."""
    writer = _Writer(vocabulaire, vandaag)
    writer.lines += [
        "---",
        f"# {kind.title}: vervang elke '{placeholder('...')}' en controleer het met 'make check'.",
        "# Uitleg van elke sleutel: content/meedoen/sleutels.md (op de site onder Meedoen).",
    ]
    optional = [f for f in kind.fields if not f.required and f.name not in values]
    for f in kind.fields:
        if f.required or f.name in values:
            writer.required(f, "", values.get(f.name))
    if optional:
        writer.lines.append("# Niet verplicht: haal het # weg bij wat je wilt gebruiken.")
        for f in optional:
            writer.optional(f, "")
    writer.lines += ["---", "", placeholder(BODIES[kind.name]), ""]
    return "\n".join(writer.lines)


def _kind(name: str) -> Kind:
    kind = next((k for k in KINDS if k.name == name), None)
    if kind is None:
        raise ScaffoldError(f"onbekende soort '{name}'; {hint(name, KIND_NAMES)}")
    return kind


# The title in an example command, quoted as it must be typed.
TITEL = '"..."'
NAAM_VAN_DE_WIJK = '"Naam van de wijk"'


@dataclass(frozen=True)
class Opdracht:
    """How the editor asked for the file, so that every hint is one they can type: `make nieuw`
    passes on only its variables (`SLUG=...`), `bovenwijks nieuw` its options (`--slug`).
    The Makefile says so with `--via-make`: nothing else can tell."""

    make: bool = False

    @property
    def naam(self) -> str:
        """The command, as the editor wrote it."""
        return "make nieuw" if self.make else "bovenwijks nieuw"

    def nieuw(self, soort: str, wijk: str, titel: str) -> str:
        """The command that makes a file of `soort` in `wijk` titled `titel` (quoted as it must be typed)."""
        if self.make:
            return f"make nieuw SOORT={soort} WIJK={wijk} TITEL={titel}"
        return f"bovenwijks nieuw {soort} {wijk} {titel}"

    @property
    def slug(self) -> str:
        """How to give a file name of one's own."""
        return "SLUG=..." if self.make else "--slug"


def _existing_wijk(root: Path, wijk: str, opdracht: Opdracht) -> Path:
    folder = root / WIJKEN / wijk
    if not (folder / "index.md").is_file():
        known = sorted(p.name for p in (root / WIJKEN).iterdir() if (p / "index.md").is_file()) if (root / WIJKEN).is_dir() else []
        hint = did_you_mean(wijk, known) if known else "er zijn nog geen wijken"
        raise ScaffoldError(
            f"de wijk '{wijk}' bestaat niet ({hint}); een nieuwe wijk maak je met: {opdracht.nieuw('wijk', slugify(wijk) or 'mijn-wijk', NAAM_VAN_DE_WIJK)}"
        )
    return folder


def _target(root: Path, kind: Kind, wijk: str, titel: str, slug: str | None, opdracht: Opdracht) -> Path:
    if kind is WIJK:
        if not SLUG_RE.match(wijk):
            raise ScaffoldError(
                f"'{wijk}' kan geen mapnaam van een wijk zijn: gebruik kleine letters, cijfers en streepjes, zoals '{slugify(wijk) or 'mijn-wijk'}'"
            )
        return root / WIJKEN / wijk / "index.md"
    folder = _existing_wijk(root, wijk, opdracht)
    if kind is WIJKPLAN:
        return folder / "wijkplan.md"
    name = slug if slug is not None else slugify(titel)
    if not name or not SLUG_RE.match(name):
        raise ScaffoldError(f"van '{slug or titel}' kan geen bestandsnaam gemaakt worden; geef een titel met letters of cijfers")
    items = folder / kind.folder
    same = [p for p in items.glob("*.md") if slugify(p.stem) == name] if items.is_dir() else []
    if same:
        other = (
            f"kies met {opdracht.slug} een andere" if slug is not None else f"kies een andere titel, of geef met {opdracht.slug} een andere"
        )
        raise ScaffoldError(f"{same[0].relative_to(root).as_posix()} bestaat al; {other} bestandsnaam")
    return items / f"{name}.md"


def scaffold(
    root: Path,
    soort: str,
    wijk: str,
    titel: str = "",
    *,
    slug: str | None = None,
    vandaag: date | None = None,
    opdracht: Opdracht = Opdracht(),
) -> Scaffolded:
    """Write a new file of kind `soort` in `wijk`, titled `titel`; never overwrite one.

    For a wijk, `wijk` is the new folder's name and `titel` the wijk's name (given only a
    name, the folder is made from it); for a wijkplan,
    `titel` is the year (this year when empty). Raises `ScaffoldError` with a Dutch message,
    whose hints are written as `opdracht` is typed.
    """
    root = Path(root)
    vandaag = vandaag or date.today()
    kind = _kind(soort)
    titel = " ".join(titel.split())
    if kind is WIJK and not titel and not SLUG_RE.match(wijk):
        titel, wijk = wijk, slugify(wijk)  # `bovenwijks nieuw wijk "Hoge Kwartier"`: the folder follows the name
    if kind is WIJKPLAN:
        titel = titel or str(vandaag.year)
        if not (titel.isdigit() and 2000 <= int(titel) <= 2100):
            raise ScaffoldError(f"'{titel}' is geen jaartal; schrijf bijvoorbeeld: {opdracht.nieuw('wijkplan', wijk, str(vandaag.year))}")
    elif not titel:
        what = "de naam van de wijk" if kind is WIJK else "een titel"
        raise ScaffoldError(f"geef {what} op, tussen aanhalingstekens: {opdracht.nieuw(kind.name, wijk, TITEL)}")
    target = _target(root, kind, wijk, titel, slug, opdracht)
    if target.exists():
        raise ScaffoldError(f"{target.relative_to(root).as_posix()} bestaat al; een bestaand bestand wordt nooit overschreven")
    values: dict[str, object] = {"naam": titel} if kind is WIJK else {"jaar": int(titel)} if kind is WIJKPLAN else {"titel": titel}
    vocabulaire, _ = load_vocabulaire(root)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as out:  # "x": fails rather than overwrite, even in a race
        out.write(frontmatter(kind, values, vocabulaire, vandaag))
    return Scaffolded(target.relative_to(root).as_posix(), kind)


HELP = "maak een nieuwe wijk, een wijkplan of een nieuw item, met 'VUL IN' waar je iets moet invullen"
EPILOG = (
    'Voorbeelden: bovenwijks nieuw initiatief soesterkwartier "Repair Café" · '
    'bovenwijks nieuw wijk hogekwartier "Hogekwartier" · bovenwijks nieuw wijkplan hogekwartier 2027'
)


def arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of `bovenwijks nieuw`."""
    parser.epilog = EPILOG
    parser.add_argument("soort", help="wat je maakt: " + ", ".join(KIND_NAMES))
    parser.add_argument("wijk", help="de map van de wijk onder wijken/ (bij een nieuwe wijk: de mapnaam die je kiest)")
    parser.add_argument("titel", nargs="?", default="", help="de titel (bij een wijk: de naam, bij een wijkplan: het jaar)")
    parser.add_argument("--slug", help="een eigen bestandsnaam (zonder .md) in plaats van een die uit de titel gemaakt wordt")
    # Set by `make nieuw` (Makefile), and nobody else: not in the help.
    parser.add_argument("--via-make", action="store_true", help=argparse.SUPPRESS)
    options.root(parser)


def run(args: argparse.Namespace) -> int:
    """Write a new file and say what to do next; 1 when it cannot be made."""
    try:
        opdracht = Opdracht(make=args.via_make)
        made = scaffold(Path(args.root), args.soort, args.wijk, args.titel, slug=args.slug, opdracht=opdracht)
    except ScaffoldError as error:
        print(f"{opdracht.naam}: {error}", file=sys.stderr)
        return 1
    print(f"Gemaakt: {made.path}")
    print(f"Vervang in dat bestand elke '{placeholder('...')}' en controleer het met: make check")
    if made.kind is WIJK:
        print("Zet daarna de redactie in .github/CODEOWNERS met: make genereer")
    return 0
