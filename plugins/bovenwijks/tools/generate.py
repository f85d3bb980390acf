"""The files derived from the content contract and the wijken, committed so that tools can read them.

`bovenwijks genereer` writes them; `bovenwijks check` reports each one that is out of date, so that
the JSON Schemas, the reference page and the review rules never drift from what they are made of.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

from bovenwijks.content.load import Loaded, load_stad
from bovenwijks.content.problem import Problem
from bovenwijks.content.schema import KINDS, SOURCE
from bovenwijks.content.vocabulaire import PATH as VOCABULAIRE
from bovenwijks.tools import codeowners, jsonschema, options, reference

REMARK_CONFIG = ".remarkrc.json"
REGENERATE = "draai 'make genereer' (of bovenwijks genereer) en neem het resultaat op in je pull request"


@dataclass(frozen=True)
class Generated:
    """One derived file: where it goes, its text, and what it is made from (for the message)."""

    path: str
    text: str
    made_from: str
    kept_with: str  # the folder whose presence says the project keeps this file


def remark_config() -> str:
    """`.remarkrc.json`: which schema checks which files, for VS Code's remark extension.

    The YAML extension does not look inside Markdown files, so frontmatter is checked while
    typing by remark-lint-frontmatter-schema, run by the unifiedjs.vscode-remark extension.
    """
    schemas = {f"./{jsonschema.FOLDER}/{jsonschema.file_name(kind)}": [jsonschema.file_pattern(kind)] for kind in KINDS}
    config = {"plugins": ["remark-frontmatter", ["remark-lint-frontmatter-schema", {"schemas": schemas}]]}
    return json.dumps(config, ensure_ascii=False, indent=2) + "\n"


def generated(loaded: Loaded) -> list[Generated]:
    """Every derived file of the loaded city."""
    vocabulaire = loaded.stad.vocabulaire
    files = [
        Generated(f"{jsonschema.FOLDER}/{name}", jsonschema.dumps(schema), f"{SOURCE} en {VOCABULAIRE}", jsonschema.FOLDER)
        for name, schema in jsonschema.schemas(vocabulaire).items()
    ]
    files.append(Generated(REMARK_CONFIG, remark_config(), SOURCE, jsonschema.FOLDER))
    files.append(Generated(reference.PATH, reference.reference(vocabulaire), f"{SOURCE} en {VOCABULAIRE}", "content/meedoen"))
    files.append(Generated(codeowners.PATH, codeowners.codeowners(loaded.stad), "de redactie in wijken/<wijk>/index.md", ".github"))
    return files


def write(root: Path, loaded: Loaded) -> list[str]:
    """Write every derived file under `root`; the paths of those that changed."""
    changed = []
    for file in generated(loaded):
        target = root / file.path
        if target.exists() and target.read_text(encoding="utf-8") == file.text:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(file.text, encoding="utf-8")
        changed.append(file.path)
    return changed


def _codeowners_problems(path: str, actual: str, expected: str) -> list[Problem]:
    """Rule by rule, so that an editor can also fix the file by hand in GitHub's editor.

    GitHub reads the rules in any order (no two wijken share a folder), so a rule added at the
    end, or reviewers in another order, are as good as what `genereer` writes; comments and
    blank lines are nobody's rules.
    """
    wanted = {rule.folder: rule for rule in codeowners.rules(expected)}
    written = codeowners.rules(actual)
    right = {rule.same for rule in written} & {rule.same for rule in wanted.values()}
    seen: dict[tuple[str, frozenset[str]], int] = {}
    fixed: set[str] = set()
    found = []
    for rule in written:
        if rule.same in right:
            if rule.same in seen:
                found.append((rule.line, f"deze regel staat er ook al op regel {seen[rule.same]}", "haal hem hier weg"))
            seen.setdefault(rule.same, rule.line)
        elif rule.folder in wanted and wanted[rule.folder].same not in right and rule.folder not in fixed:
            fixed.add(rule.folder)
            found.append((rule.line, f"hier hoort te staan: '{wanted[rule.folder].text}'", "verbeter de regel"))
        else:
            found.append((rule.line, f"deze regel hoort er niet (meer) in: '{rule.text}'", "haal hem weg"))
    last = max(len(actual.splitlines()), 1)
    for folder, rule in wanted.items():
        if rule.same not in right and folder not in fixed:
            found.append((last, f"de regel '{rule.text}' ontbreekt", "zet hem erbij, op een eigen regel (waar maakt niet uit)"))
    return [
        Problem(path, line, f"{path} is niet bijgewerkt met de redactie van de wijken: {what}; {fix}, of {REGENERATE}")
        for line, what, fix in sorted(found)
    ]


def stale(root: Path, loaded: Loaded) -> list[Problem]:
    """A problem for every derived file under `root` that is missing or out of date.

    Files made from something that could not be read are not compared: the problem that
    keeps it from being read is reported already, once.
    """
    broken = {p.path for p in loaded.problems if p.fatal}
    vocabulaire_broken = VOCABULAIRE in broken
    profiles_broken = any(p.startswith("wijken/") and p.endswith("/index.md") for p in broken)
    problems = []
    for file in generated(loaded):
        # A project keeps a kind of derived file by having its folder: a city without .github/
        # (a test city, another engine's checkout) has no review rules to keep up to date.
        if not (root / file.kept_with).is_dir():
            continue
        if (file.path == codeowners.PATH and profiles_broken) or (file.path != codeowners.PATH and vocabulaire_broken):
            continue
        target = root / file.path
        if not target.exists():
            problems.append(Problem(file.path, 1, f"{file.path} ontbreekt; het wordt gemaakt uit {file.made_from}: {REGENERATE}"))
            continue
        actual = target.read_text(encoding="utf-8")
        if actual == file.text:
            continue
        if file.path == codeowners.PATH:
            problems.extend(_codeowners_problems(file.path, actual, file.text))
        else:
            problems.append(Problem(file.path, 1, f"{file.path} is niet bijgewerkt na een wijziging in {file.made_from}; {REGENERATE}"))
    return problems


HELP = "maak de JSON-schema's, de pagina 'Alle sleutels' en .github/CODEOWNERS opnieuw"


def arguments(parser: argparse.ArgumentParser) -> None:
    """The options of `bovenwijks genereer`."""
    options.root(parser)


def run(args: argparse.Namespace) -> int:
    """Write the derived files and say which changed; 1 when what they are made of is broken."""
    root = Path(args.root)
    loaded = load_stad(root)
    broken = [p for p in loaded.problems if p.fatal and (p.path == VOCABULAIRE or p.path.endswith("/index.md"))]
    if broken:
        for problem in broken:
            print(problem)
        print("Los eerst deze problemen op: zonder woordenlijst of wijkprofiel klopt wat gemaakt wordt niet.")
        return 1
    changed = write(root, loaded)
    for path in changed:
        print(f"Bijgewerkt: {path}")
    if not changed:
        print("Alles was al bijgewerkt.")
    return 0
