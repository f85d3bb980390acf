"""Reading one Markdown file: its frontmatter as a YAML node tree with line numbers, and its body.

We compose YAML nodes instead of loading Python values so that every value keeps its line and
its text exactly as the editor typed it: `status: no` stays the text "no" (YAML 1.1 would
make it False), and `telefoon: 0331234567` keeps its leading zero.
"""

from __future__ import annotations

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


@dataclass
class Source:
    """A Markdown file split into its frontmatter node and its body."""

    path: str
    node: yaml.MappingNode | None
    body: str
    body_line: int

    def line_of(self, node: yaml.Node) -> int:
        """The line in the file (1-based) where `node` starts."""
        return node.start_mark.line + 2


# The YAML parser's English messages, as an editor would need to read them.
_YAML_HINTS = {
    "mapping values are not allowed": (
        'er staat een dubbele punt (:) in een waarde; zet de hele waarde tussen aanhalingstekens, bijvoorbeeld titel: "Soep: elke vrijdag"'
    ),
    "found character '\\t' that cannot start any token": "gebruik spaties in plaats van tabs",
    "found a tab character": "gebruik spaties in plaats van tabs",
    "could not find expected ':'": "hier ontbreekt een dubbele punt (:) na de sleutel",
    "found undefined alias": "een waarde mag niet met * beginnen; zet haar tussen aanhalingstekens",
    "found unexpected end of stream": "een aanhalingsteken wordt niet afgesloten",
    "found character '@' that cannot start any token": ("een waarde mag niet met @ beginnen; zet haar tussen aanhalingstekens"),
    "found character '`' that cannot start any token": ("een waarde mag niet met ` beginnen; zet haar tussen aanhalingstekens"),
    "expected <block end>, but found '-'": "de inspringing van deze lijst klopt niet",
    "found duplicate anchor": "een waarde mag niet met & beginnen; zet haar tussen aanhalingstekens",
    "did not find expected key": "de inspringing klopt niet, of er ontbreekt een aanhalingsteken",
    "did not find expected '-' indicator": "de inspringing van deze lijst klopt niet",
}


def _yaml_message(error: yaml.MarkedYAMLError, line_text: str) -> str:
    problem = error.problem or str(error)
    if "\t" in line_text:  # libyaml only says "found character that cannot start any token"
        return "de frontmatter is geen geldige YAML: gebruik spaties in plaats van tabs"
    for english, dutch in _YAML_HINTS.items():
        if problem.startswith(english):
            return f"de frontmatter is geen geldige YAML: {dutch}"
    return f"de frontmatter is geen geldige YAML ({problem})"


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

    frontmatter = "\n".join(lines[1:end])
    body = "\n".join(lines[end + 1 :])
    try:
        node = yaml.compose(frontmatter, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = min(mark.line + 2 if mark is not None else 1, end + 1)
        return None, [Problem(path, line, _yaml_message(error, lines[line - 1]))]
    except yaml.YAMLError as error:  # pragma: no cover - the parser marks nearly every error
        return None, [Problem(path, 1, f"de frontmatter is geen geldige YAML ({error})")]
    if node is None:
        if not frontmatter_required:
            return Source(path, None, body, end + 2), []
        return None, [Problem(path, 1, "de frontmatter is leeg; vul de verplichte sleutels in")]
    if not isinstance(node, yaml.MappingNode):
        return None, [
            Problem(path, node.start_mark.line + 2, "de frontmatter moet bestaan uit regels 'sleutel: waarde' (zoals 'titel: Repair Café')")
        ]
    return Source(path, node, body, end + 2), []
