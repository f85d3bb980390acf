"""Loading the city's vocabulary (`content/vocabulaire.yml`): themas and onderwerpen, and for
Hulp en advies the needs (`hulp`) and the city's information point (`informatiepunt`)."""

from __future__ import annotations

from pathlib import Path

import yaml

from bovenwijks.content.convert import SLUG_RE, convert_fields
from bovenwijks.content.problem import Problem
from bovenwijks.content.schema import HULPVRAAG, INFORMATIEPUNT, LOKET
from bovenwijks.content.source import FALLBACK, _Loader, yaml_line, yaml_message
from bovenwijks.model import Hulpvraag, Loket, Onderwerp, Thema, Vocabulaire

PATH = "content/vocabulaire.yml"

# Every onderwerp has its page at /kennis/<id>/, beside the hub (kennis/index.md) and the
# matches page (kennis/matches.md): these ids would take their place.
GERESERVEERD = ("index", "matches")
# Every hulpvraag has its page at /hulp/<id>/, beside the index at /hulp/.
HULP_GERESERVEERD = ("index",)

# The three pillars of the Sociale Basis Infrastructuur are always themas, even when the
# vocabulary leaves them out or cannot be read.
PIJLERS = {
    "informatie-en-advies": "Informatie en advies",
    "ontmoeting": "Ontmoeting",
    "ondersteuning": "Ondersteuning en informele zorg",
}


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _text(node: yaml.Node | None) -> str | None:
    if isinstance(node, yaml.ScalarNode) and node.value.strip():
        return node.value.strip()
    return None


def _entries(root: yaml.MappingNode, key: str, problems: list[Problem]) -> list[tuple[str, dict[str, yaml.Node], yaml.Node]]:
    section = next((v for k, v in root.value if k.value == key), None)
    if section is None:
        if key == "onderwerpen":
            problems.append(Problem(PATH, 1, "de sleutel 'onderwerpen' ontbreekt; zet de onderwerpen van de kennisuitwisseling eronder"))
        return []
    if not isinstance(section, yaml.MappingNode):
        problems.append(Problem(PATH, _line(section), f"'{key}' moet per id een groep sleutels hebben (naam, beschrijving)"))
        return []
    entries = []
    for id_node, value in section.value:
        ident = id_node.value
        if not SLUG_RE.match(ident):
            problems.append(Problem(PATH, _line(id_node), f"'{ident}' is geen geldig id; gebruik kleine letters, cijfers en streepjes"))
            continue
        if not isinstance(value, yaml.MappingNode):
            problems.append(Problem(PATH, _line(id_node), f"'{ident}' moet een groep sleutels hebben, met ten minste 'naam'"))
            continue
        fields = {k.value: v for k, v in value.value}
        if _text(fields.get("naam")) is None:
            problems.append(Problem(PATH, _line(id_node), f"'{ident}' heeft geen 'naam'"))
            continue
        entries.append((ident, fields, id_node))
    return entries


def load_vocabulaire(root: Path) -> tuple[Vocabulaire | None, list[Problem]]:
    """Read the vocabulary under the project `root`; None if it cannot be read at all."""
    file = root / PATH
    problems: list[Problem] = []
    if not file.exists():
        return None, [Problem(PATH, 1, "de woordenlijst ontbreekt; maak content/vocabulaire.yml met 'themas' en 'onderwerpen'")]
    try:
        text = file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        return None, [
            Problem(PATH, 1, "de woordenlijst is niet in UTF-8 opgeslagen; sla haar op als UTF-8 (in GitHub gebeurt dat vanzelf)")
        ]
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        found = yaml_line(error)
        line = found + 1 if found is not None else 1
        lines = text.split("\n")
        return None, [Problem(PATH, line, yaml_message(error, lines[line - 1] if line <= len(lines) else "", "de woordenlijst"))]
    except yaml.YAMLError:  # pragma: no cover - the parser marks nearly every error
        return None, [Problem(PATH, 1, f"de woordenlijst is geen geldige YAML: {FALLBACK}")]
    if not isinstance(node, yaml.MappingNode):
        return None, [Problem(PATH, 1, "de woordenlijst moet de sleutels 'themas' en 'onderwerpen' hebben")]

    themas = {ident: Thema(ident, naam) for ident, naam in PIJLERS.items()}
    for ident, fields, _ in _entries(node, "themas", problems):
        themas[ident] = Thema(ident, _text(fields["naam"]), _text(fields.get("beschrijving")))

    onderwerpen: dict[str, Onderwerp] = {}
    owner: dict[str, str] = {}
    for ident, fields, id_node in _entries(node, "onderwerpen", problems):
        if ident in GERESERVEERD:
            problems.append(
                Problem(
                    PATH,
                    _line(id_node),
                    f"'{ident}' kan geen id van een onderwerp zijn: die naam gebruikt de kennisuitwisseling al voor /kennis/ en /kennis/matches/; kies een ander id",
                )
            )
            continue
        aliassen_node = fields.get("aliassen")
        aliassen: list[str] = []
        if isinstance(aliassen_node, yaml.SequenceNode):
            aliassen = [a for a in (_text(n) for n in aliassen_node.value) if a]
        elif aliassen_node is not None and _text(aliassen_node):
            aliassen = [_text(aliassen_node)]
        for word in (ident, *aliassen):
            other = owner.get(word.lower())
            if other is not None and other != ident:
                problems.append(
                    Problem(PATH, _line(id_node), f"'{word}' hoort al bij onderwerp '{other}'; een woord kan maar bij één onderwerp horen")
                )
            else:
                owner[word.lower()] = ident
        onderwerpen[ident] = Onderwerp(ident, _text(fields["naam"]), _text(fields.get("beschrijving")), tuple(aliassen))
    hulp = _hulp(node, problems)
    informatiepunt = _informatiepunt(node, problems)
    return Vocabulaire(themas, onderwerpen, hulp, informatiepunt), problems


def _section(root: yaml.MappingNode, key: str) -> yaml.Node | None:
    return next((v for k, v in root.value if k.value == key), None)


def _hulp(root: yaml.MappingNode, problems: list[Problem]) -> dict[str, Hulpvraag]:
    """The needs of Hulp en advies; none (and no pages) when the section is left out."""
    section = _section(root, "hulp")
    if section is None or (isinstance(section, yaml.ScalarNode) and not section.value.strip()):
        return {}
    if not isinstance(section, yaml.MappingNode):
        problems.append(Problem(PATH, _line(section), "'hulp' moet per id een groep sleutels hebben (naam, beschrijving, woorden)"))
        return {}
    hulp: dict[str, Hulpvraag] = {}
    for id_node, value in section.value:
        ident = id_node.value
        if not SLUG_RE.match(ident):
            problems.append(Problem(PATH, _line(id_node), f"'{ident}' is geen geldig id; gebruik kleine letters, cijfers en streepjes"))
            continue
        if ident in HULP_GERESERVEERD:
            problems.append(
                Problem(
                    PATH, _line(id_node), f"'{ident}' kan geen id van een hulpvraag zijn: /hulp/ is de overzichtspagina; kies een ander id"
                )
            )
            continue
        if ident in hulp:
            problems.append(Problem(PATH, _line(id_node), f"de hulpvraag '{ident}' staat er twee keer in; laat er een staan"))
            continue
        if not isinstance(value, yaml.MappingNode):
            problems.append(Problem(PATH, _line(id_node), f"'hulp.{ident}' moet een groep sleutels hebben, met ten minste 'naam'"))
            continue
        converted = convert_fields(value, HULPVRAAG, PATH, parent=f"hulp.{ident}.", first_line=1)
        problems.extend(converted.problems)
        if not converted.ok:
            continue
        v = converted.values
        hulp[ident] = Hulpvraag(ident, v["naam"], v.get("beschrijving"), tuple(v.get("woorden", ())))
    return hulp


def _informatiepunt(root: yaml.MappingNode, problems: list[Problem]) -> Loket | None:
    """The city's information point, for everyone with a question; None when left out."""
    section = _section(root, INFORMATIEPUNT.name)
    if section is None or (isinstance(section, yaml.ScalarNode) and not section.value.strip()):
        return None
    if not isinstance(section, yaml.MappingNode):
        names = ", ".join(f.name for f in INFORMATIEPUNT.fields)
        problems.append(
            Problem(PATH, _line(section), f"'informatiepunt' moet een groep sleutels zijn ({names}), elk op een eigen, ingesprongen regel")
        )
        return None
    converted = convert_fields(section, INFORMATIEPUNT.fields, PATH, parent="informatiepunt.", first_line=1)
    problems.extend(converted.problems)
    return loket(converted.values) if converted.ok else None


def loket(values: dict) -> Loket:
    """A `Loket` from checked values of the keys of `schema.LOKET`."""
    return Loket(**{f.name: values.get(f.name) for f in LOKET})


def fallback_vocabulaire() -> Vocabulaire:
    """The pillars alone, for a build whose vocabulary cannot be read."""
    return Vocabulaire({i: Thema(i, n) for i, n in PIJLERS.items()}, {})
