"""Turning a frontmatter node tree into checked values, following `schema`.

Every value is read from the text the editor typed (never from YAML 1.1's guesses), and every
problem names the line of the key or list entry it is about.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, time
from typing import Any

import yaml

from bovenwijks.content.afbeelding import ACCEPTED, is_foto
from bovenwijks.content.placeholder import MARKER, is_placeholder
from bovenwijks.content.problem import Problem
from bovenwijks.content.schema import Field, Kind
from bovenwijks.content.suggest import did_you_mean, did_you_mean_one_of, hint, then
from bovenwijks.dates import EXAMPLE_DATE, EXAMPLE_DATETIME, dutch_date, parse_date, parse_datetime, parse_time, wrong_weekday
from bovenwijks.herhaling import MAX_AANTAL, WEEKDAGEN, weekdag
from bovenwijks.slug import slugify

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
EMAIL_RE = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[a-z]{2,}$", re.IGNORECASE)
URL_RE = re.compile(r"^https?://[^\s<>\"]+$")
PHONE_RE = re.compile(r"^\+?[0-9][0-9 ()\-]{5,}$")
GITHUB_RE = re.compile(r"^@?[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$")
# A whole number as editors type it: str.isdigit() also takes `²`, which int() then refuses.
NUMBER_RE = re.compile(r"^[0-9]+$")

TYPE_NAMES = {
    "tekst": "tekst",
    "email": "een e-mailadres",
    "url": "een webadres",
    "telefoon": "een telefoonnummer",
    "github": "een GitHub-naam",
    "slug": "een id",
    "datum": "een datum",
    "datumtijd": "een datum met tijd",
    "jaar": "een jaartal",
    "keuze": "een keuze",
    "thema": "een thema",
    "onderwerp": "een onderwerp",
    "hulp": "een hulpvraag",
    "foto": "een bestandsnaam",
    "weekdag": "een dag van de week",
    "aantal": "een aantal",
    "aanmelden": "een webadres of e-mailadres",
    "object": "een groep sleutels",
}


@dataclass
class Vocab:
    """What the converter needs to know about the city's vocabulary."""

    themas: dict[str, str]
    resolve_onderwerp: Callable[[str], str | None]
    onderwerp_ids: list[str]
    # Every word that names an onderwerp (id, naam, aliassen) → its id, for suggestions.
    onderwerp_woorden: dict[str, str] = field(default_factory=dict)
    # Every word that names a hulpvraag (id, naam, woorden) → its id; only ids are valid.
    hulp_woorden: dict[str, str] = field(default_factory=dict)


@dataclass
class Converted:
    """The checked values of one file, with the line of each key."""

    values: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """False when a fatal problem means the item must be left out."""
        return not any(p.fatal for p in self.problems)


@dataclass
class Prioriteiten:
    """The prioriteiten of a wijk's wijkplan, which its initiatieven may name by id or by titel."""

    path: str  # the wijkplan, as editors see it
    titels: dict[str, str]  # id → titel

    def find(self, text: str) -> str | None:
        """The id of the prioriteit whose id or titel `text` is, in any case."""
        word = text.strip().casefold()
        return next((i for i, titel in self.titels.items() if word in (i, titel.strip().casefold())), None)


class _Context:
    def __init__(
        self, path: str, vocab: Vocab | None, problems: list[Problem], first_line: int = 2, prioriteiten: Prioriteiten | None = None
    ):
        self.path, self.vocab, self.problems, self.prioriteiten = path, vocab, problems, prioriteiten
        self.key_line = 1  # the line of the key being converted
        # The file's line of the YAML's first: frontmatter starts below its `---`.
        self.first_line = first_line

    def line(self, node: yaml.Node) -> int:
        return node.start_mark.line + self.first_line

    def fail(self, node: yaml.Node | int, message: str, fatal: bool = True) -> None:
        line = node if isinstance(node, int) else self.line(node)
        self.problems.append(Problem(self.path, line, message, fatal))

    def fail_shape(self, node: yaml.Node, message: str) -> None:
        """A value of the wrong shape: point at its key, since a block list starts a line below."""
        line = self.key_line if isinstance(node, yaml.CollectionNode) else self.line(node)
        self.fail(line, message)


def _label(f: Field, parent: str) -> str:
    return f"'{parent}{f.name}'"


def _scalar(ctx: _Context, node: yaml.Node, f: Field, label: str) -> str | None:
    if not isinstance(node, yaml.ScalarNode):
        shape = "een lijst" if isinstance(node, yaml.SequenceNode) else "een groep sleutels"
        ctx.fail_shape(node, f"{label} moet {TYPE_NAMES[f.type]} zijn, maar is {shape}")
        return None
    text = node.value.strip()
    if not text:
        ctx.fail(
            node, f"{label} is leeg; vul {TYPE_NAMES[f.type]} in" + (f", bijvoorbeeld: {_example(f)}" if f.example is not None else "")
        )
        return None
    if is_placeholder(text):
        ctx.fail(node, f"{label} is nog niet ingevuld: vervang '{MARKER}: …' door {_wanted(f)}")
        return None
    return text


def _wanted(f: Field) -> str:
    if f.type == "keuze":
        return "een van: " + ", ".join(f.choices)
    wanted = "je eigen tekst" if f.type == "tekst" else TYPE_NAMES[f.type]
    return wanted + (f", bijvoorbeeld: {_example(f)}" if f.example is not None else "")


def _example(f: Field) -> str:
    example = f.example[0] if isinstance(f.example, list) else f.example
    return str(example)


def _value(ctx: _Context, node: yaml.Node, f: Field, label: str) -> Any:
    if f.type == "object":
        if f.shorthand and isinstance(node, yaml.ScalarNode):
            return _short(ctx, node, f, label)
        return _object(ctx, node, f.fields, f"{label[1:-1]}.", f.one_of, label)
    text = _scalar(ctx, node, f, label)
    if text is None:
        return None
    kind = f.type
    if kind == "tekst":
        return text
    if kind == "email":
        if EMAIL_RE.match(text):
            return text
        ctx.fail(node, f"{label}: '{text}' is geen geldig e-mailadres (zoals naam@voorbeeld.nl)")
    elif kind == "url":
        if URL_RE.match(text):
            return text
        ctx.fail(node, f"{label}: '{text}' is geen volledig webadres; begin met https://")
    elif kind == "telefoon":
        if PHONE_RE.match(text):
            return text
        ctx.fail(node, f"{label}: '{text}' is geen telefoonnummer (zoals \"033 123 4567\")")
    elif kind == "github":
        if GITHUB_RE.match(text):
            return text.lstrip("@")
        ctx.fail(node, f"{label}: '{text}' is geen GitHub-naam (letters, cijfers en streepjes)")
    elif kind == "slug":
        if SLUG_RE.match(text):
            return text
        ctx.fail(node, f"{label}: '{text}' is geen geldig id; gebruik kleine letters, cijfers en streepjes, zoals '{_slugish(text)}'")
    elif kind == "prioriteit":
        found = ctx.prioriteiten.find(text) if ctx.prioriteiten else None
        if found or SLUG_RE.match(text):
            return found or text  # whether an id is in the wijkplan, `validate` checks with the whole wijk
        if ctx.prioriteiten and ctx.prioriteiten.titels:
            words = {i: i for i in ctx.prioriteiten.titels} | {t.casefold(): i for i, t in ctx.prioriteiten.titels.items()}
            tip = f"{did_you_mean_one_of(text, words)} (de prioriteiten staan in {ctx.prioriteiten.path})"
        else:
            tip = "schrijf het id van een prioriteit uit het wijkplan van deze wijk (wijkplan.md)"
        ctx.fail(node, f"{label}: '{text}' is geen id of titel van een prioriteit; {tip}")
    elif kind == "jaar":
        if NUMBER_RE.match(text) and 2000 <= int(text) <= 2100:
            return int(text)
        ctx.fail(node, f"{label}: '{text}' is geen jaartal; schrijf bijvoorbeeld {f.example}")
    elif kind == "datum":
        value = parse_date(text)
        if value is not None:
            return value
        ctx.fail(
            node, _weekday_problem(text, label) or f"{label}: '{text}' is geen geldige datum; schrijf jaar-maand-dag, zoals {EXAMPLE_DATE}"
        )
    elif kind == "datumtijd":
        value = parse_datetime(text)
        if value is not None:
            return value
        clock = parse_time(text) if f.same_day_as else None
        if clock is not None:
            return SameDay(clock, text, ctx.line(node))  # `_mapping` puts it on the day of `f.same_day_as`
        ctx.fail(
            node,
            _weekday_problem(text, label)
            or f"{label}: '{text}' is geen geldige datum en tijd; schrijf jaar-maand-dag uur:minuut, zoals {EXAMPLE_DATETIME}",
        )
    elif kind == "keuze":
        if text in f.choices:
            return text
        what = f"onbekende {f.name} '{text}'" if "." not in label else f"{label}: '{text}' kan niet"
        ctx.fail(node, f"{what}; {hint(text, f.choices)}")
    elif kind == "thema":
        themas = ctx.vocab.themas if ctx.vocab else {}
        if not ctx.vocab or text in themas:
            return text
        ctx.fail(node, f"onbekend thema '{text}'; {did_you_mean(text, themas)} (thema's staan in content/vocabulaire.yml)")
    elif kind == "onderwerp":
        if not ctx.vocab:
            return text
        resolved = ctx.vocab.resolve_onderwerp(text)
        if resolved:
            return resolved
        words = {i: i for i in ctx.vocab.onderwerp_ids} | ctx.vocab.onderwerp_woorden
        ctx.fail(
            node,
            f"onbekend onderwerp '{text}'; {did_you_mean_one_of(text, words)} (een nieuw onderwerp voeg je toe in content/vocabulaire.yml)",
        )
    elif kind == "hulp":
        if not ctx.vocab:
            return text
        ids = set(ctx.vocab.hulp_woorden.values())
        if text in ids:
            return text
        if not ids:
            tip = "er staan nog geen hulpvragen onder 'hulp' in content/vocabulaire.yml"
        else:
            tip = f"{did_you_mean_one_of(text, ctx.vocab.hulp_woorden)} (de hulpvragen staan onder 'hulp' in content/vocabulaire.yml)"
        ctx.fail(node, then(f"onbekende hulpvraag '{text}'; {tip}", "Deze wordt weggelaten"))
    elif kind == "foto":
        if is_foto(text):
            return text
        ctx.fail(node, f"{label}: '{text}' is geen foto die de site kan tonen; gebruik een bestand van het soort {ACCEPTED}")
    elif kind == "weekdag":
        day = weekdag(text)
        if day is not None:
            return day
        ctx.fail(node, f"{label}: '{text}' is geen dag van de week; {hint(text, WEEKDAGEN)}")
    elif kind == "aantal":
        if NUMBER_RE.match(text) and 1 <= int(text) <= MAX_AANTAL:
            return int(text)
        ctx.fail(node, f"{label}: '{text}' kan niet; schrijf hoe vaak in totaal, als een heel getal van 1 tot en met {MAX_AANTAL}")
    elif kind == "aanmelden":
        link = aanmelden_link(text)
        if link is not None:
            return link.removeprefix("mailto:")  # an e-mail address as residents read it
        ctx.fail(
            node,
            f"{label}: '{text}' is geen webadres (dat met https:// begint) en geen e-mailadres; het staat op de pagina als gewone tekst",
            fatal=False,
        )
        return text
    else:  # pragma: no cover - a schema error, not an editor's
        raise ValueError(f"unknown field type {kind}")
    return None


def _weekday_problem(text: str, label: str) -> str | None:
    """ "'start': 19 juni 2027 is een zaterdag, geen vrijdag; …", when the weekday written is wrong."""
    wrong = wrong_weekday(text)
    if wrong is None:
        return None
    day, written = wrong
    return (
        f"{label}: {dutch_date(day)} is een {WEEKDAGEN[day.weekday()]}, geen {WEEKDAGEN[written]};"
        " controleer de dag of de datum, of laat de dag weg"
    )


@dataclass(frozen=True)
class SameDay:
    """A time alone (`eind: 17:00`), until it is put on the day of the key it is `same_day_as`."""

    clock: time
    text: str
    line: int


def _same_day(ctx: _Context, fields: tuple[Field, ...], values: dict[str, Any], parent: str) -> None:
    """Put each time alone on the day of its `same_day_as` key (`eind: 17:00` on the day of `start`)."""
    for f in fields:
        value = values.get(f.name)
        if not isinstance(value, SameDay):
            continue
        base = values.get(f.same_day_as)
        if base is None:
            del values[f.name]
            ctx.fail(
                value.line,
                f"'{parent}{f.name}': '{value.text}' is alleen een tijd en hoort dan bij de dag van '{parent}{f.same_day_as}',"
                f" maar '{parent}{f.same_day_as}' ontbreekt of is geen geldige datum; schrijf de datum erbij,"
                f" zoals {EXAMPLE_DATE} {value.clock:%H:%M}",
            )
            continue
        start = base[0]
        values[f.name] = (datetime.combine(start.date(), value.clock, start.tzinfo), False)


def aanmelden_link(text: str) -> str | None:
    """Where an `aanmelden` takes a resident: its URL, or a `mailto:` to its e-mail address.

    None when it is neither: then it is plain text on the page, as the check warns.
    """
    if URL_RE.match(text):
        return text
    address = text[len("mailto:") :] if text.lower().startswith("mailto:") else text
    return f"mailto:{address}" if EMAIL_RE.match(address) else None


def _short(ctx: _Context, node: yaml.ScalarNode, f: Field, label: str) -> dict[str, Any] | None:
    """An object written as its `shorthand` key's value: `- 2026-12-24` for `- datum: 2026-12-24`."""
    key = next(sub for sub in f.fields if sub.name == f.shorthand)
    value = _value(ctx, node, key, f"'{label[1:-1]}.{key.name}'")
    if value is None:
        return None
    return {key.name: value, "_line": ctx.line(node), "_lines": {key.name: ctx.line(node)}}


def _slugish(text: str) -> str:
    return slugify(text) or "mijn-id"


def _field(ctx: _Context, node: yaml.Node, f: Field, parent: str) -> Any:
    if f.fatal:
        return _checked(ctx, node, f, parent)
    # What is wrong in it is left out (a value that fails is None); the file keeps its page.
    before = len(ctx.problems)
    value = _checked(ctx, node, f, parent)
    ctx.problems[before:] = [replace(p, fatal=False) for p in ctx.problems[before:]]
    return value


def _checked(ctx: _Context, node: yaml.Node, f: Field, parent: str) -> Any:
    label = _label(f, parent)
    if not f.many:
        return _value(ctx, node, f, label)
    if isinstance(node, yaml.ScalarNode) and (f.type != "object" or f.shorthand):
        items = _parts(ctx, node, f)  # `themas: ontmoeting` means a list of one: no need to fail on it
    elif isinstance(node, yaml.MappingNode) and f.shorthand:
        items = [node]  # `behalve: {datum, reden}`: one, as the contract (and the JSON Schema) has it
    elif isinstance(node, yaml.SequenceNode):
        items = node.value
    else:
        example = f"\n  - {_example(f)}" if f.example is not None and f.type != "object" else ""
        if f.type == "object" and f.fields[0].required:  # `biedt: repareren` → `- onderwerp: repareren`
            value = node.value.strip() if isinstance(node, yaml.ScalarNode) and node.value.strip() else _example(f.fields[0])
            example = f"\n  - {f.fields[0].name}: {value}"
        ctx.fail_shape(
            node,
            f"{label} moet een lijst zijn: zet elk onderdeel op een eigen regel die met '- ' begint{(', zoals:' + example) if example else ''}",
        )
        return None
    values = []
    for item in items:
        value = _value(ctx, item, f, label)
        if value is not None:
            values.append(value)
    return values


def _parts(ctx: _Context, node: yaml.ScalarNode, f: Field) -> list[yaml.ScalarNode]:
    """The entries of a list written on one line: `themas: ontmoeting, groen-en-duurzaam` is two.

    Only ids (`Field.comma_list`) are split, since they never hold a comma; a text (a partner's
    name) may. A prioriteit's titel may too: commas within a titel of the wijkplan stay.
    """
    if not f.comma_list or "," not in node.value:
        return [node]
    pieces = node.value.split(",")
    parts: list[str] = []
    while pieces:
        taken = 1
        if f.type == "prioriteit" and ctx.prioriteiten:
            # The longest run of pieces that is a titel, else one piece.
            taken = next((n for n in range(len(pieces), 1, -1) if ctx.prioriteiten.find(",".join(pieces[:n]))), 1)
        parts.append(",".join(pieces[:taken]).strip())
        del pieces[:taken]
    return [yaml.ScalarNode(node.tag, p, node.start_mark, node.end_mark) for p in parts if p] or [node]


def _object(
    ctx: _Context, node: yaml.Node, fields: tuple[Field, ...], parent: str, one_of: tuple[str, ...], label: str
) -> dict[str, Any] | None:
    if not isinstance(node, yaml.MappingNode):
        names = ", ".join(f.name for f in fields)
        tip = ""
        if isinstance(node, yaml.ScalarNode) and node.value.strip() and fields[0].required:
            tip = f"; schrijf bijvoorbeeld '{fields[0].name}: {node.value.strip()}'"  # `- subsidie` in a list of `biedt`
        ctx.fail_shape(node, f"{label} moet een groep sleutels zijn ({names}), elk op een eigen, ingesprongen regel{tip}")
        return None
    before = len(ctx.problems)
    result = _mapping(ctx, node, fields, parent)
    if result is None:
        return None
    values, lines = result
    # A key that is there but wrong (or still a placeholder) has its own message already.
    if one_of and not any(k in lines for k in one_of):
        ctx.fail(node, f"{label} heeft {' of '.join(repr(k) for k in one_of)} nodig")
    if any(p.fatal for p in ctx.problems[before:]):
        return None
    values["_line"] = ctx.line(node)
    values["_lines"] = lines
    return values


def _mapping(ctx: _Context, node: yaml.MappingNode, fields: tuple[Field, ...], parent: str) -> tuple[dict[str, Any], dict[str, int]] | None:
    by_name = {f.name: f for f in fields}
    by_key = by_name | {alias: f for f in fields for alias in f.aliases}
    values: dict[str, Any] = {}
    lines: dict[str, int] = {}  # by the field's name, also when an alias was written
    written: dict[str, str] = {}  # the key as written, by the field's name
    for key_node, value_node in node.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
        line = ctx.line(key_node)
        f = by_key.get(key)
        name = f.name if f else key
        if name in lines:
            other = "" if written[name] == key else f", als '{parent}{written[name]}'"
            ctx.fail(key_node, f"de sleutel '{parent}{key}' staat er twee keer in (ook op regel {lines[name]}{other}); laat er een staan")
            continue
        lines[name] = line
        written[name] = key
        ctx.key_line = line
        if f is None:
            ctx.fail(key_node, _unknown_key(key, by_name, parent), fatal=False)
            continue
        if isinstance(value_node, yaml.ScalarNode) and not value_node.value.strip():
            if f.required:
                ctx.fail(
                    key_node,
                    f"'{parent}{key}' is verplicht maar leeg" + (f"; bijvoorbeeld: {_example(f)}" if f.example is not None else ""),
                )
            continue  # an empty optional key is the same as leaving it out
        # Messages name the key as the editor wrote it (`'contact.e-mail': … is geen geldig e-mailadres`).
        value = _field(ctx, value_node, f if key == f.name else replace(f, name=key), parent)
        if value is not None:
            values[name] = value
    _same_day(ctx, fields, values, parent)
    for f in fields:
        if f.required and f.name not in lines:
            tip = f"; bijvoorbeeld: {f.name}: {_example(f)}" if f.example is not None and f.type != "object" else ""
            ctx.fail(node, f"de verplichte sleutel '{parent}{f.name}' ontbreekt ({f.help}){tip}")
    return values, lines


def _unknown_key(key: str, by_name: dict[str, Field], parent: str) -> str:
    if key == "type" and not parent:
        return "schrijf geen 'type:'; de map van het bestand bepaalt de soort. Deze sleutel wordt genegeerd"
    return then(f"onbekende sleutel '{parent}{key}'; {did_you_mean(key, by_name)}", "Deze sleutel wordt genegeerd")


def convert(node: yaml.MappingNode, kind: Kind, path: str, vocab: Vocab | None, prioriteiten: Prioriteiten | None = None) -> Converted:
    """Check the frontmatter `node` of a file of `kind` and return its values.

    With `vocab`, thema, onderwerp and hulp ids are checked and aliases resolved to ids; with
    the wijk's `prioriteiten`, the titel of a prioriteit becomes its id.
    """
    return convert_fields(node, kind.fields, path, vocab, prioriteiten=prioriteiten)


def convert_fields(
    node: yaml.MappingNode,
    fields: tuple[Field, ...],
    path: str,
    vocab: Vocab | None = None,
    *,
    parent: str = "",
    first_line: int = 2,
    prioriteiten: Prioriteiten | None = None,
) -> Converted:
    """Check the mapping `node` against `fields`, as `convert` checks frontmatter.

    For YAML that is not frontmatter (content/vocabulaire.yml): `first_line` is the file's
    line of the YAML's first, `parent` is put before each key in messages (`hulp.vervoer.`).
    """
    result = Converted()
    ctx = _Context(path, vocab, result.problems, first_line, prioriteiten)
    mapped = _mapping(ctx, node, fields, parent)
    if mapped:
        result.values, result.lines = mapped
    return result
