"""JSON Schemas of every kind of frontmatter, made from `schema`, for editors' tools.

Editors' tools read YAML 1.2, in which `2026-11-22` and `jaar: 2026` stay what they look like
(a text and a number), while our loader reads every value from the text as typed. So a key
whose text the loader accepts gets a schema that accepts each YAML 1.2 value that text can
become: `telefoon: 0331234567` is a number to the editor's tool and a fine phone number to us.
What the loader rejects, the schema rejects where JSON Schema can say it (a pattern, a list of
choices, a required key); the cross-file rules (does this prioriteit exist?) are left to
`scripts/check`.

Patterns are written for ECMAScript regular expressions in unicode mode, which editors' tools
use: no inline flags, no named groups, and no escapes that unicode mode forbids.
"""

from __future__ import annotations

import json
import re
from typing import Any

from bovenwijks.content.afbeelding import ACCEPTED, SUFFIXES
from bovenwijks.content.convert import EMAIL_RE, GITHUB_RE, PHONE_RE, SLUG_RE, URL_RE
from bovenwijks.content.placeholder import MARKER
from bovenwijks.content.schema import HULPVRAAG, INFORMATIEPUNT, KINDS, SOURCE, Field, Kind
from bovenwijks.dates import month_names, weekday_names
from bovenwijks.herhaling import AFKORTINGEN, MAX_AANTAL, WEEKDAGEN
from bovenwijks.model import Vocabulaire

DRAFT = "http://json-schema.org/draft-07/schema#"
FOLDER = "schemas"
VOCABULAIRE_FILE = "vocabulaire.schema.json"

_DAY = "(0?[1-9]|[12][0-9]|3[01])"
_MONTH = "(0?[1-9]|1[0-2])"
_SYNTAX = set("\\^$.|?*+()[]{}/")


def _escape(text: str) -> str:
    """`text` literally in a pattern; `re.escape` escapes more than unicode mode allows."""
    return "".join("\\" + c if c in _SYNTAX else c for c in text)


def _anycase(word: str) -> str:
    """`word` in any mix of upper and lower case: our loader ignores case where this is used."""
    return "".join(f"[{c.lower()}{c.upper()}]" if c.lower() != c.upper() else _escape(c) for c in word)


def unicode_safe(pattern: str) -> str:
    """`pattern` without the escapes that unicode mode rejects, such as Python's harmless `\\"`."""
    out, in_class, i = [], False, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            nxt = pattern[i + 1]
            keep = nxt in _SYNTAX or nxt in "dDsSwWbBnrtfv0123456789" or (in_class and nxt == "-")
            out.append(c + nxt if keep else nxt)
            i += 2
            continue
        if c == "[" and not in_class:
            in_class = True
        elif c == "]" and in_class:
            in_class = False
        out.append(c)
        i += 1
    return "".join(out)


def _python_pattern(regex: re.Pattern[str]) -> str:
    pattern = regex.pattern
    if regex.flags & re.IGNORECASE:
        pattern = pattern.replace("a-z", "a-zA-Z")
    return unicode_safe(pattern)


def date_pattern() -> str:
    """The dates the loader reads: `2026-11-22`, `22-11-2026` (or with / or .), `22 november 2026`,
    each perhaps after a weekday (`zaterdag`, `za.`); whether it is the right one, only the loader knows."""
    months = "|".join(_anycase(m) for m in sorted(month_names(), key=len, reverse=True))
    days = "|".join(_anycase(d) for d in sorted(weekday_names(), key=len, reverse=True))
    weekday = f"(({days})\\.?,?\\s+)?"
    return f"{weekday}([0-9]{{4}}-{_MONTH}-{_DAY}|{_DAY}[-/.]{_MONTH}[-/.][0-9]{{4}}|{_DAY}\\s+({months})\\.?\\s+[0-9]{{4}})"


def time_pattern() -> str:
    """A time of day as the loader reads it: `19:30`, `19.30`, `19.30 uur`."""
    return f"([01]?[0-9]|2[0-3])[:.][0-5][0-9](:[0-5][0-9])?(\\s*{_anycase('uur')})?"


def datetime_pattern() -> str:
    """A date, optionally with a time (`19:30`, `19.30 uur`) and an offset, as the loader reads it."""
    clock = time_pattern()
    offset = "([zZ]|[+-][0-9]{2}:?[0-9]{2})"
    joint = f"([ tT]|,\\s*|\\s+{_anycase('om')}\\s+)"
    return f"^{date_pattern()}({joint}{clock}\\s*{offset}?)?$"


def _onderwerp_words(vocabulaire: Vocabulaire) -> list[str]:
    """Every word that names an onderwerp, longest first (so that an alternation takes the whole word)."""
    return sorted({w.lower() for o in vocabulaire.onderwerpen.values() for w in (o.id, o.naam, *o.aliassen)}, key=lambda w: (-len(w), w))


def _weekdag_words() -> list[str]:
    """`dinsdag`, `dinsdags`, `di`: what `herhaling.weekdag` reads, longest first."""
    return sorted({*WEEKDAGEN, *(f"{d}s" for d in WEEKDAGEN), *AFKORTINGEN}, key=lambda w: (-len(w), w))


_NOT_PLACEHOLDER = {"not": {"type": "string", "pattern": f"^\\s*{MARKER}"}}


def _scalar(f: Field, vocabulaire: Vocabulaire | None) -> dict[str, Any]:
    """The schema of one value of `f` (one item, when `f` is a list)."""
    t = f.type
    if t == "tekst":
        return {"type": ["string", "number", "boolean"], "pattern": "\\S", **_NOT_PLACEHOLDER}
    if t == "email":
        return {"type": "string", "pattern": _python_pattern(EMAIL_RE), "errorMessage": "een e-mailadres, zoals naam@voorbeeld.nl"}
    if t == "url":
        return {"type": "string", "pattern": _python_pattern(URL_RE), "errorMessage": "een volledig webadres dat met https:// begint"}
    if t == "telefoon":
        # Unquoted digits are a number in YAML 1.2; the loader keeps them as typed.
        return {
            "anyOf": [{"type": "string", "pattern": _python_pattern(PHONE_RE)}, {"type": "integer", "minimum": 100000}],
            "errorMessage": 'een telefoonnummer, tussen aanhalingstekens: "033 123 4567"',
        }
    if t == "github":
        return {"type": "string", "pattern": _python_pattern(GITHUB_RE), "errorMessage": "een GitHub-naam: letters, cijfers en streepjes"}
    if t == "slug":
        return {
            "anyOf": [{"type": "string", "pattern": _python_pattern(SLUG_RE)}, {"type": "integer", "minimum": 0}],
            "errorMessage": "een id: kleine letters, cijfers en streepjes, zoals ontmoeting-ouderen",
        }
    if t == "prioriteit":
        # An id or the titel of a prioriteit: which ones the wijkplan has, only `scripts/check` knows.
        return {
            "anyOf": [{"type": "string", "pattern": "\\S"}, {"type": "integer", "minimum": 0}],
            "errorMessage": "het id of de titel van een prioriteit uit het wijkplan",
        }
    if t == "datum":
        return {"type": "string", "pattern": f"^{date_pattern()}$", "errorMessage": "een datum: jaar-maand-dag, zoals 2026-11-22"}
    if t == "datumtijd":
        if f.same_day_as:
            # `eind: 17.00` is a number to YAML 1.2 (17.0): the schema can't tell 17.30 from 17.3.
            return {
                "anyOf": [
                    {"type": "string", "pattern": datetime_pattern()},
                    {"type": "string", "pattern": f"^{time_pattern()}$"},
                    {"type": "number", "minimum": 0, "exclusiveMaximum": 24},
                ],
                "errorMessage": f"een datum met tijd, zoals 2026-11-22 21:30, of alleen een tijd (21:30) op de dag van '{f.same_day_as}'",
            }
        return {"type": "string", "pattern": datetime_pattern(), "errorMessage": "een datum met tijd, zoals 2026-11-22 19:30"}
    if t == "jaar":
        return {
            "anyOf": [{"type": "integer", "minimum": 2000, "maximum": 2100}, {"type": "string", "pattern": "^(20[0-9]{2}|2100)$"}],
            "errorMessage": "een jaartal, zoals 2026",
        }
    if t == "keuze":
        return {"enum": list(f.choices)}
    if t == "thema":
        return {"enum": list(vocabulaire.themas)} if vocabulaire else {"type": "string"}
    if t == "onderwerp":
        if not vocabulaire:
            return {"type": "string"}
        words = _onderwerp_words(vocabulaire)
        # The enum makes editors' tools offer the ids; the pattern accepts every alias, in any case.
        return {
            "anyOf": [
                {"enum": list(vocabulaire.onderwerpen)},
                {"type": "string", "pattern": "^(" + "|".join(_anycase(w) for w in words) + ")$"},
            ],
            "errorMessage": "een onderwerp uit content/vocabulaire.yml",
        }
    if t == "hulp":
        if not vocabulaire:
            return {"type": "string"}
        return {"enum": list(vocabulaire.hulp), "errorMessage": "een hulpvraag uit 'hulp' in content/vocabulaire.yml"}
    if t == "foto":
        suffixes = "|".join(_anycase(s.lstrip(".")) for s in SUFFIXES)
        return {"type": "string", "pattern": f"\\.({suffixes})$", "errorMessage": f"de bestandsnaam van een foto: {ACCEPTED}"}
    if t == "weekdag":
        return {
            "type": "string",
            "pattern": "^(" + "|".join(_anycase(w) for w in _weekdag_words()) + ")$",
            "errorMessage": "een dag van de week: " + ", ".join(WEEKDAGEN),
        }
    if t == "aantal":
        return {
            "anyOf": [{"type": "integer", "minimum": 1, "maximum": MAX_AANTAL}, {"type": "string", "pattern": "^[1-9][0-9]*$"}],
            "errorMessage": f"een heel getal van 1 tot en met {MAX_AANTAL}",
        }
    if t == "aanmelden":
        return {
            "anyOf": [
                {"type": "string", "pattern": _python_pattern(URL_RE)},
                {"type": "string", "pattern": "^(mailto:)?" + _python_pattern(EMAIL_RE).lstrip("^")},
            ],
            "errorMessage": "een webadres dat met https:// begint, of een e-mailadres",
        }
    if t == "object":
        schema = _object(f.fields, vocabulaire, f.one_of)
        if f.shorthand:
            # `- 2026-12-24` is short for `- datum: 2026-12-24`.
            short = next(sub for sub in f.fields if sub.name == f.shorthand)
            return {"anyOf": [schema, _scalar(short, vocabulaire)]}
        return schema
    raise ValueError(f"unknown field type {t}")  # pragma: no cover - a schema error, not an editor's


def _describe(f: Field) -> dict[str, Any]:
    doc: dict[str, Any] = {"description": f.help + (" (verplicht)" if f.required else "")}
    if f.example is not None:
        doc["examples"] = [f.example]
    return doc


def _item_pattern(f: Field, vocabulaire: Vocabulaire | None) -> str | None:
    """A pattern for one id of `f`, to match a list of them on one line; None when any text is one."""
    t = f.type
    if t in ("slug", "github"):
        return _python_pattern({"slug": SLUG_RE, "github": GITHUB_RE}[t]).removeprefix("^").removesuffix("$")
    if t == "weekdag":
        return "|".join(_anycase(w) for w in _weekdag_words())
    if not vocabulaire:
        return None
    if t == "thema":
        return "|".join(_escape(i) for i in vocabulaire.themas)
    if t == "hulp":
        return "|".join(_escape(i) for i in vocabulaire.hulp)
    if t == "onderwerp":
        return "|".join(_anycase(w) for w in _onderwerp_words(vocabulaire))
    return None  # a prioriteit: any text but a comma


def _comma_list(f: Field, vocabulaire: Vocabulaire | None) -> dict[str, Any]:
    """`themas: ontmoeting, groen-en-duurzaam`: a list of ids on one line, as the loader splits it."""
    item = _item_pattern(f, vocabulaire)
    one = f"({item})" if item else "[^,\\s]([^,]*[^,\\s])?"
    return {"type": "string", "pattern": f"^[\\s,]*{one}(\\s*,[\\s,]*{one})*[\\s,]*$"}


def _property(f: Field, vocabulaire: Vocabulaire | None) -> dict[str, Any]:
    one = _scalar(f, vocabulaire)
    if f.many:
        many = {"type": "array", "items": one}
        # `themas: ontmoeting` is a list of one to the loader; a list of groups must be a list.
        if f.type == "object" and not f.shorthand:
            one = many
        elif f.comma_list:
            one = {"anyOf": [one, _comma_list(f, vocabulaire), many]}
        else:
            one = {"anyOf": [one, many]}
    if not f.required:
        one = {"anyOf": [one, {"type": "null"}]}  # `gestart:` with nothing after it is left out
    return {**_describe(f), **one}


def _object(fields: tuple[Field, ...], vocabulaire: Vocabulaire | None, one_of: tuple[str, ...] = ()) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    for f in fields:
        properties[f.name] = _property(f, vocabulaire)
        for alias in f.aliases:  # `e-mail:` for `email:`
            properties[alias] = {**properties[f.name], "description": f"hetzelfde als '{f.name}': " + properties[f.name]["description"]}
    names = {f.name: (f.name, *f.aliases) for f in fields}
    schema: dict[str, Any] = {
        "type": "object",
        "properties": properties,
        "required": [f.name for f in fields if f.required and not f.aliases],
        "additionalProperties": False,
    }
    rules = [{"anyOf": [{"required": [n]} for n in names[f.name]]} for f in fields if f.required and f.aliases]
    # A key and its alias together is one key twice.
    rules += [{"not": {"required": [f.name, alias]}} for f in fields for alias in f.aliases]
    if one_of:
        schema["anyOf"] = [{"required": [n]} for name in one_of for n in names[name]]
    if rules:
        schema["allOf"] = rules
    return schema


def file_pattern(kind: Kind) -> str:
    """The files of `kind`, as a glob from the project root: `wijken/*/initiatieven/*.md`."""
    return re.sub(r"<[^>]+>", "*", kind.location)


def file_name(kind: Kind) -> str:
    """The name of the schema file of `kind` in `schemas/`."""
    return f"{kind.name}.schema.json"


def kind_schema(kind: Kind, vocabulaire: Vocabulaire | None) -> dict[str, Any]:
    """The JSON Schema of the frontmatter of `kind`, with the thema and onderwerp ids of `vocabulaire`."""
    return {
        "$schema": DRAFT,
        "title": f"{kind.title} ({kind.location})",
        "description": kind.help + f" Gemaakt door scripts/genereer uit {SOURCE}: niet met de hand wijzigen.",
        **_object(kind.fields, vocabulaire),
    }


def vocabulaire_schema() -> dict[str, Any]:
    """The JSON Schema of `content/vocabulaire.yml`."""
    text = {"type": "string", "pattern": "\\S"}
    entry = {
        "type": "object",
        "required": ["naam"],
        "properties": {
            "naam": {**text, "description": "de naam zoals bewoners hem lezen"},
            "beschrijving": {**text, "description": "een zin over wat eronder valt"},
        },
    }
    onderwerp = {
        **entry,
        "properties": {
            **entry["properties"],
            "aliassen": {
                "description": "andere woorden die redacteuren voor dit onderwerp gebruiken",
                "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}],
            },
        },
    }
    ids = {"pattern": _python_pattern(SLUG_RE)}
    return {
        "$schema": DRAFT,
        "title": "De stedelijke woordenlijst (content/vocabulaire.yml)",
        "description": (
            "De thema's en onderwerpen van de stad, en de hulpvragen en het informatiepunt van Hulp en advies."
            " Gemaakt door scripts/genereer: niet met de hand wijzigen."
        ),
        "type": "object",
        "required": ["themas", "onderwerpen"],
        "properties": {
            "themas": {
                "description": "thema's: per id (kleine letters en streepjes) een naam",
                "type": "object",
                "propertyNames": ids,
                "additionalProperties": entry,
            },
            "onderwerpen": {
                "description": "onderwerpen van de kennisuitwisseling: per id een naam en eventueel aliassen",
                "type": "object",
                "propertyNames": ids,
                "additionalProperties": onderwerp,
            },
            "hulp": {
                "description": "hulpvragen van Hulp en advies: per id een naam, een beschrijving en de woorden van bewoners",
                "type": "object",
                "propertyNames": {**ids, "not": {"enum": ["index"]}},
                "additionalProperties": _object(HULPVRAAG, None),
            },
            INFORMATIEPUNT.name: {**_describe(INFORMATIEPUNT), **_object(INFORMATIEPUNT.fields, None)},
        },
    }


def schemas(vocabulaire: Vocabulaire | None) -> dict[str, dict[str, Any]]:
    """Every schema, by its file name in `schemas/`."""
    result = {file_name(kind): kind_schema(kind, vocabulaire) for kind in KINDS}
    result[VOCABULAIRE_FILE] = vocabulaire_schema()
    return result


def dumps(schema: dict[str, Any]) -> str:
    """The text of a schema file: stable, readable, and ending in a newline."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
