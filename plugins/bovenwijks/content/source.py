"""Reading one Markdown file: its frontmatter as a YAML node tree with line numbers, and its body.

We compose YAML nodes instead of loading Python values so that every value keeps its line and
its text exactly as the editor typed it: `status: no` stays the text "no" (YAML 1.1 would
make it False), and `telefoon: 0331234567` keeps its leading zero.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from bovenwijks.content.problem import Problem

try:  # libyaml is ~10x faster; the pure-Python loader gives the same nodes.
    _Parser = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Parser = yaml.SafeLoader

_TAGS = {
    yaml.ScalarNode: yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG,
    yaml.SequenceNode: yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG,
    yaml.MappingNode: yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
}


class _Loader(_Parser):
    """Composes nodes without guessing a type for each scalar.

    We read every value from its text, never from its tag, and the regular expressions that
    guess YAML 1.1 types take a quarter of the time of composing a file.
    """

    def resolve(self, kind, value, implicit):
        return _TAGS[kind]


BOM = b"\xef\xbb\xbf"
FENCE = "---"


@dataclass(frozen=True)
class Source:
    """A Markdown file split into its frontmatter node and its body.

    Frozen: under `mkdocs serve` one build's `Source` is given to the next (`Bronnen`).
    """

    path: str
    node: yaml.MappingNode | None
    body: str
    body_line: int

    def line_of(self, node: yaml.Node) -> int:
        """The line in the file (1-based) where `node` starts."""
        return node.start_mark.line + 2


# The YAML parser's English messages (libyaml's, and the pure-Python parser's), as an editor
# would need to read them: its `problem` or `context` starts with the English. No English
# reaches an editor.
_QUOTE = (
    "een aanhalingsteken aan het begin van de waarde wordt niet afgesloten; zet hetzelfde teken aan het eind van de waarde, of haal het weg"
)
_YAML_HINTS = {
    "mapping values are not allowed": (
        'er staat een dubbele punt (:) in een waarde; zet de hele waarde tussen aanhalingstekens, bijvoorbeeld titel: "Soep: elke vrijdag"'
    ),
    "found character '\\t' that cannot start any token": "gebruik spaties in plaats van tabs",
    "found a tab character": "gebruik spaties in plaats van tabs",
    "could not find expected ':'": "hier ontbreekt een dubbele punt (:) na de sleutel",
    "found undefined alias": "een waarde mag niet met * beginnen; zet haar tussen aanhalingstekens",
    "while scanning a quoted scalar": _QUOTE,
    "found unexpected end of stream": _QUOTE,
    "found unknown escape character": (
        "tussen dubbele aanhalingstekens heeft \\ een speciale betekenis; zet de waarde tussen enkele aanhalingstekens ('…'),"
        " of schrijf \\\\"
    ),
    "found character '@' that cannot start any token": "een waarde mag niet met @ beginnen; zet haar tussen aanhalingstekens",
    "found character '`' that cannot start any token": "een waarde mag niet met ` beginnen; zet haar tussen aanhalingstekens",
    "found character that cannot start any token": (
        "een waarde mag niet met @, `, % of een ander bijzonder teken beginnen; zet de hele waarde tussen aanhalingstekens"
    ),
    "while scanning a block scalar": "een waarde mag niet met | of > beginnen; zet de hele waarde tussen aanhalingstekens",
    "did not find expected node content": "een waarde mag niet met ], } of een komma beginnen; zet de hele waarde tussen aanhalingstekens",
    "did not find expected ',' or ']'": (
        "de lijst tussen [ en ] wordt niet goed afgesloten; zet de ] aan het eind, en een waarde met een komma of dubbele punt"
        " tussen aanhalingstekens"
    ),
    "did not find expected ',' or '}'": (
        "de groep tussen { en } wordt niet goed afgesloten; zet de } aan het eind, en een waarde met een komma of dubbele punt"
        " tussen aanhalingstekens"
    ),
    "expected ',' or ']'": "de lijst tussen [ en ] wordt niet goed afgesloten; zet de ] aan het eind",
    "expected ',' or '}'": "de groep tussen { en } wordt niet goed afgesloten; zet de } aan het eind",
    "expected <block end>, but found '-'": "de inspringing van deze lijst klopt niet",
    "found duplicate anchor": "een waarde mag niet met & beginnen; zet haar tussen aanhalingstekens",
    "did not find expected key": "de inspringing klopt niet, of er staat nog tekst na het aanhalingsteken dat de waarde afsluit",
    "did not find expected '-' indicator": "de inspringing van deze lijst klopt niet: begin elk onderdeel met '- ', even ver ingesprongen",
    "did not find expected <document start>": "deze regel is geen 'sleutel: waarde'; begin hem met een sleutel en een dubbele punt",
    "expected <document start>": "deze regel is geen 'sleutel: waarde'; begin hem met een sleutel en een dubbele punt",
    "expected a single document": "er staat een tweede regel '---' in de frontmatter",
}
FALLBACK = "controleer op deze regel de aanhalingstekens, haakjes en de inspringing"
# Where the mistake is: at the opening quote or bracket (the context), not where the parser gave up.
_AT_CONTEXT = ("while scanning a quoted scalar", "while parsing a flow sequence", "while parsing a flow mapping")


def yaml_message(error: yaml.MarkedYAMLError, line_text: str, wat: str = "de frontmatter") -> str:
    """The parser's English `error` as an editor needs to read it: "`wat` is geen geldige YAML: …"."""
    if "\t" in line_text:  # libyaml only says "found character that cannot start any token"
        return f"{wat} is geen geldige YAML: gebruik spaties in plaats van tabs"
    said = [error.problem or "", error.context or ""]
    for english, dutch in _YAML_HINTS.items():
        if any(text.startswith(english) for text in said):
            return f"{wat} is geen geldige YAML: {dutch}"
    return f"{wat} is geen geldige YAML: {FALLBACK}"


def yaml_line(error: yaml.MarkedYAMLError) -> int | None:
    """The line (0-based, in the YAML) an editor must look at for `error`."""
    if error.context_mark is not None and (error.context or "").startswith(_AT_CONTEXT):
        return error.context_mark.line
    mark = error.problem_mark or error.context_mark
    return mark.line if mark is not None else None


# `titel: 't Hofje`, `- 's-Hertogenbosch`, `naam: 'n Buurt`: Dutch words that start with an
# apostrophe, which YAML reads as the start of a quoted value that goes on to the end of the
# frontmatter. A value that is closed on its line (`'t Hofje'`) is YAML's quoting, and stays.
_KEY = r"[^\s#'\"\[{,-][^#]*?:\s+"
_APOSTROPHE = re.compile(rf"^(?P<lead>\s*(?:(?:-\s+)+(?:{_KEY})?|{_KEY}(?:-\s+)*))(?P<value>'(?:[tn]\s|s[\s-]).*)$")
# `samenvatting: |` (or `>`): the lines below it, indented further, are text as typed.
_BLOCK = re.compile(r"^(?P<indent>\s*).*(?:^|:\s|-\s)\s*[|>][-+0-9]*\s*(?:#.*)?$")
_CLOSED = re.compile(r"^'(?:[^']|'')*'\s*(?:#.*)?$")
_COMMENT = re.compile(r"\s#")


def _apostrophes(lines: list[str]) -> list[str]:
    """`lines` with each value that starts with 't, 's or 'n as a double-quoted text, on the same line."""
    fixed = []
    block: int | None = None  # the indent of the key of a block of text, while in it
    for line in lines:
        indent = len(line) - len(line.lstrip())
        if block is not None and (not line.strip() or indent > block):
            fixed.append(line)
            continue
        start = _BLOCK.match(line)
        block = len(start["indent"]) if start else None
        match = _APOSTROPHE.match(line)
        if match and not _CLOSED.match(match["value"]):
            value, *comment = _COMMENT.split(match["value"], maxsplit=1)
            line = match["lead"] + json.dumps(value.rstrip(), ensure_ascii=False) + "".join(f" #{c}" for c in comment)
        fixed.append(line)
    return fixed


def _hashes(node: yaml.Node, lines: list[str], path: str, label: str = "", key: str = "") -> list[Problem]:
    """The plain values that a `#` cut short: `titel: Buurtmoestuin #2` is "Buurtmoestuin" to YAML.

    A comment with a space after its `#` (`status: actief  # tot de zomer`) is one on purpose.
    """
    problems: list[Problem] = []
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            name = k.value if isinstance(k, yaml.ScalarNode) else ""
            problems += _hashes(v, lines, path, f"{label}.{name}" if label else name, name)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            problems += _hashes(item, lines, path, label, "-")
    elif node.style in (None, "") and label:
        end = node.end_mark
        rest = lines[end.line][end.column :] if end.line < len(lines) else ""
        if re.match(r"\s+#\S", rest):
            start = node.start_mark
            typed = node.value if start.line != end.line else lines[start.line][start.column : end.column]
            shown = f"alleen '{node.value}'" if node.value else "niets"
            fix = "- " if key == "-" else f"{key}: "
            problems.append(
                Problem(
                    path,
                    end.line + 2,
                    f"'{label}': YAML leest alles vanaf ' #' als commentaar, dus hier staat {shown}; zet de hele waarde"
                    f" tussen aanhalingstekens: {fix}{json.dumps((typed + rest).strip(), ensure_ascii=False)}",
                    fatal=False,
                )
            )
    return problems


def read_source(file: Path, path: str, *, frontmatter_required: bool = True) -> tuple[Source | None, list[Problem]]:
    """Read `file` (shown to editors as `path`) into a `Source`.

    A byte-order mark and Windows line endings are accepted as they are: they are what some
    editors save, and they change nothing an editor meant. Everything else that keeps us from
    reading the frontmatter is a problem, and no `Source` is returned.
    """
    try:
        raw = file.read_bytes()
    except OSError as error:
        return None, [Problem(path, 1, f"het bestand kan niet gelezen worden ({error.strerror})")]
    return parse_source(raw, path, frontmatter_required=frontmatter_required)


def parse_source(raw: bytes, path: str, *, frontmatter_required: bool = True) -> tuple[Source | None, list[Problem]]:
    """`read_source` of a file's bytes `raw`."""
    if raw.startswith(BOM):
        raw = raw[len(BOM) :]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(path, line, "het bestand is niet in UTF-8 opgeslagen; sla het op als UTF-8 (in GitHub gebeurt dat vanzelf)")]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return None, [Problem(path, 1, "het bestand is leeg; begin met de frontmatter tussen twee regels '---'")]

    lines = text.split("\n")
    if lines[0].rstrip() != FENCE:
        if not frontmatter_required:
            return Source(path, None, text, 1), []
        return None, [
            Problem(
                path,
                1,
                "de frontmatter ontbreekt: de eerste regel moet '---' zijn, gevolgd door regels 'sleutel: waarde' en weer een regel '---'",
            )
        ]
    for end in range(1, len(lines)):
        if lines[end].rstrip() in (FENCE, "..."):
            break
    else:
        return None, [Problem(path, 1, "de frontmatter wordt niet afgesloten: zet een regel '---' onder de laatste sleutel")]

    yaml_lines = _apostrophes(lines[1:end])
    frontmatter = "\n".join(yaml_lines)
    body = "\n".join(lines[end + 1 :])
    try:
        node = yaml.compose(frontmatter, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        at = yaml_line(error)
        line = min(at + 2 if at is not None else 1, end + 1)
        return None, [Problem(path, line, yaml_message(error, lines[line - 1]))]
    except yaml.reader.ReaderError as error:  # a control character, which no editor means to type
        line = frontmatter[: error.position].count("\n") + 2
        return None, [
            Problem(
                path, line, f"op deze regel staat een onzichtbaar teken (#x{error.character:04x}) dat hier niet mag; typ de regel opnieuw"
            )
        ]
    except yaml.YAMLError:  # pragma: no cover - the parser marks nearly every error
        return None, [Problem(path, 1, f"de frontmatter is geen geldige YAML: {FALLBACK}")]
    if node is None:
        if not frontmatter_required:
            return Source(path, None, body, end + 2), []
        return None, [Problem(path, 1, "de frontmatter is leeg; vul de verplichte sleutels in")]
    if not isinstance(node, yaml.MappingNode):
        return None, [
            Problem(path, node.start_mark.line + 2, "de frontmatter moet bestaan uit regels 'sleutel: waarde' (zoals 'titel: Repair Café')")
        ]
    return Source(path, node, body, end + 2), _hashes(node, yaml_lines, path)


# By (path, frontmatter_required): a file's bytes, and what they were read into.
_Kept = dict[tuple[str, bool], tuple[bytes, Source | None, tuple[Problem, ...]]]


class Bronnen:
    """What `read_source` made of each file, kept from one build of `mkdocs serve` to the next.

    A file whose bytes did not change since the last build is not parsed again: composing
    the YAML of every file was half of loading a city. Only for serve: a single build reads
    each file once, and would only keep the node trees longer. The `Source`s are shared
    between builds, so nothing may change them: they are frozen, and their nodes only read.
    """

    def __init__(self) -> None:
        self._vorige: _Kept = {}
        self._deze: _Kept = {}

    def opnieuw(self) -> None:
        """A new build begins: what the last build read is kept for it, and nothing older,
        so that a file removed under serve does not stay in memory."""
        self._vorige, self._deze = self._deze, {}

    def read(self, file: Path, path: str, *, frontmatter_required: bool = True) -> tuple[Source | None, list[Problem]]:
        """`read_source(file, path)`, from the last build's result when the file is the same."""
        try:
            raw = file.read_bytes()
        except OSError:
            return read_source(file, path, frontmatter_required=frontmatter_required)
        key = (path, frontmatter_required)
        kept = self._deze.get(key) or self._vorige.get(key)
        if kept is None or kept[0] != raw:
            source, problems = parse_source(raw, path, frontmatter_required=frontmatter_required)
            kept = (raw, source, tuple(problems))
        self._deze[key] = kept
        return kept[1], list(kept[2])
