"""The JSON Schemas: generated from the contract, they accept every demo file and reject bad input.

Editors' tools read YAML 1.2, in which `2026-11-22` stays text; `yaml.safe_load` speaks YAML
1.1 and would make it a `datetime.date` (and `status: no` False, `0331234567` an octal
number), which no editor's tool ever sees. So frontmatter is read here the YAML 1.2 way.
"""

from __future__ import annotations

import json
import re

import jsonschema
import pytest
import yaml
from city import REPO

from bovenwijks.content.load import load_stad
from bovenwijks.content.schema import KINDS
from bovenwijks.content.vocabulaire import load_vocabulaire
from bovenwijks.dates import parse_date, parse_datetime
from bovenwijks.tools import jsonschema as schemas_module


class Yaml12Loader(yaml.SafeLoader):
    """PyYAML with YAML 1.2's core schema: no timestamps, no yes/no booleans, decimal 0-prefixed ints."""


Yaml12Loader.yaml_implicit_resolvers = {}
for _tag, _regex, _first in [
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", "-+.0123456789"),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
]:
    Yaml12Loader.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(_regex), list(_first))


def _int12(loader: yaml.SafeLoader, node: yaml.Node) -> int:
    text = loader.construct_scalar(node)
    if text.startswith(("0o", "0x")):
        return int(text[2:], 8 if text[1] == "o" else 16)
    return int(text)  # YAML 1.2: a leading zero is still decimal


Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _int12)


def frontmatter(text: str):
    """The frontmatter of a Markdown file, read as YAML 1.2."""
    _, block, _ = text.split("---\n", 2)
    return yaml.load(block, Loader=Yaml12Loader)


def test_yaml12_reading_is_what_editors_tools_see():
    values = yaml.load("d: 2026-11-22\ns: no\nt: 0331234567\nj: 2026\nb: true", Loader=Yaml12Loader)
    assert values == {"d": "2026-11-22", "s": "no", "t": 331234567, "j": 2026, "b": True}
    assert yaml.safe_load("d: 2026-11-22")["d"].__class__.__name__ == "date"  # why we need the above


@pytest.fixture(scope="module")
def vocabulaire():
    vocabulaire, problems = load_vocabulaire(REPO)
    assert not problems
    return vocabulaire


def validator(kind_name: str, vocabulaire):
    kind = next(k for k in KINDS if k.name == kind_name)
    schema = schemas_module.kind_schema(kind, vocabulaire)
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def _demo_files():
    files = []
    for kind in KINDS:
        files.extend((kind.name, path) for path in sorted(REPO.glob(schemas_module.file_pattern(kind))))
    return files


DEMO = _demo_files()


def test_the_patterns_cover_every_demo_page():
    covered = {path for _, path in DEMO}
    stad = load_stad(REPO).stad
    # What `bovenwijks ophalen` brought in is no editor's file: its snapshot has no schema here.
    sources = {REPO / item.source for wijk in stad.wijken.values() for item in wijk.items() if getattr(item, "origineel", None) is None}
    sources |= {REPO / wijk.source for wijk in stad.wijken.values()}
    assert sources and sources <= covered
    assert len(DEMO) > 50


@pytest.mark.parametrize(("kind", "path"), DEMO, ids=[p.relative_to(REPO).as_posix() for _, p in DEMO])
def test_every_demo_file_validates(kind, path, vocabulaire):
    errors = [e.message for e in validator(kind, vocabulaire).iter_errors(frontmatter(path.read_text(encoding="utf-8")))]
    assert errors == []


GOOD_INITIATIEF = {
    "titel": "Repair Café",
    "samenvatting": "Samen repareren.",
    "status": "actief",
    "themas": ["ontmoeting"],
    "contact": {"naam": "Jan", "email": "jan@example.org"},
}


def _initiatief(**changes):
    values = dict(GOOD_INITIATIEF)
    for key, value in changes.items():
        if value is None:
            values.pop(key, None)
        else:
            values[key] = value
    return values


@pytest.mark.parametrize(
    ("kind", "yaml_text", "why"),
    [
        ("initiatief", "status: no", "YAML 1.1's `no` is text in YAML 1.2, and no status"),
        ("initiatief", "status: actif", "unknown status"),
        ("initiatief", "themas: [ontmoeten]", "unknown thema"),
        ("initiatief", "themas: {ontmoeting: ja}", "a mapping where a list belongs"),
        ("initiatief", "contact: Jan", "text where a group of keys belongs"),
        ("initiatief", "contact: {naam: Jan}", "contact without e-mail or phone"),
        ("initiatief", "contact: {naam: Jan, email: jan-at-example}", "not an e-mail address"),
        ("initiatief", "type: initiatief", "the folder decides the kind; no type key"),
        ("initiatief", "kleur: blauw", "an unknown key"),
        ("initiatief", "titel:", "an empty required key"),
        ("initiatief", "samenvatting: 'VUL IN: een of twee zinnen'", "a placeholder left in"),
        ("initiatief", "gestart: 2016/08/31", "a date in no form the loader reads"),
        ("initiatief", "gestart: 31-13-2016", "a month that does not exist"),
        ("initiatief", "prioriteiten: ['']", "an empty prioriteit"),
        ("initiatief", "themas: ontmoeting, ontmoeten", "an unknown thema in a comma list"),
        ("initiatief", "contact: {naam: Jan, email: jan@example.org, e-mail: jan@example.org}", "e-mail and email: one key twice"),
        ("activiteit", "eind: '25:00'", "a time alone that does not exist"),
        ("activiteit", "eind: 'morgen 17:00'", "a time after a word that is no date"),
        ("activiteit", "start: '19:30'", "start needs a date: only eind may be a time alone"),
        ("activiteit", "herhaling: {elke: week, dagen: 'di, dondrdag'}", "an unknown weekday in a comma list"),
        ("initiatief", "biedt: [{onderwerp: fietsen-maken}]", "an unknown onderwerp"),
        ("activiteit", "start: morgen", "not a date-time"),
        ("activiteit", "start: 2026-12-10 25:00", "an hour that does not exist"),
        ("bericht", "datum: 2026-11-22 19:30", "a date with a time where a date belongs"),
        ("wijk", "redactie: ['anneke b']", "not a GitHub name"),
        ("wijk", "website: www.oost.nl", "a web address without https://"),
        ("wijkplan", "jaar: 26", "not a year"),
        ("kennis", "soort: antwoord", "unknown soort"),
    ],
)
def test_bad_input_is_rejected(kind, yaml_text, why, vocabulaire):
    base = {
        "initiatief": GOOD_INITIATIEF,
        "activiteit": {"titel": "Soep", "start": "2026-12-10 19:30", "locatie": "Buurthuis"},
        "bericht": {"titel": "Nieuws", "datum": "2026-11-20"},
        "wijk": {"naam": "Oost", "samenvatting": "De wijk.", "redactie": ["annekeb"]},
        "wijkplan": {"jaar": 2026, "prioriteiten": [{"id": "a", "titel": "A", "thema": "ontmoeting"}]},
        "kennis": {"titel": "Vraag", "soort": "vraag", "onderwerpen": ["subsidie"], "datum": "2026-11-01"},
    }[kind]
    check = validator(kind, vocabulaire)
    assert check.is_valid(base)
    assert not check.is_valid({**base, **yaml.load(yaml_text, Loader=Yaml12Loader)}), why


def test_frontmatter_that_is_not_a_mapping_is_rejected(vocabulaire):
    assert not validator("initiatief", vocabulaire).is_valid(["titel", "Repair Café"])
    assert not validator("initiatief", vocabulaire).is_valid(_initiatief(status=None))


@pytest.mark.parametrize(
    ("yaml_text", "why"),
    [
        ("telefoon: 0331234567", "unquoted digits: a number to YAML 1.2, a phone number to the loader"),
        ("telefoon: '033 123 4567'", "the way the reference asks"),
        ("email: Jan@Example.ORG", "the loader ignores case"),
        ("e-mail: jan@example.org", "what editors write for email"),
    ],
)
def test_what_the_loader_accepts_in_contact_is_accepted(yaml_text, why, vocabulaire):
    contact = {"naam": "Jan", **yaml.load(yaml_text, Loader=Yaml12Loader)}
    assert validator("initiatief", vocabulaire).is_valid(_initiatief(contact=contact)), why


@pytest.mark.parametrize(
    "changes",
    [
        {"themas": "ontmoeting"},  # one thema needs no list
        {"gestart": "31-08-2016"},
        {"gestart": "31 augustus 2016"},
        {"gestart": "1 MRT. 2020"},
        {"gestart": None, "bijgewerkt": None},
        {"biedt": [{"onderwerp": "Subsidie"}, {"onderwerp": "repair-cafe", "toelichting": "Draaiboek"}]},  # aliases, any case
        {"prioriteiten": [2027]},  # an id of digits is a number in YAML
        {"prioriteiten": ["Meer ontmoeting voor ouderen"]},  # the titel of a prioriteit: the check knows which exist
        {"themas": "ontmoeting, groen-en-duurzaam"},  # a comma list of ids
        {"prioriteiten": "ontmoeting-ouderen, groen"},
        {"partners": "Welzin, MEE"},  # a text: one partner, comma and all
        {"titel": 1984},
    ],
)
def test_what_the_loader_accepts_is_accepted(changes, vocabulaire):
    assert validator("initiatief", vocabulaire).is_valid(_initiatief(**changes))


@pytest.mark.parametrize(
    "yaml_text",
    [
        "eind: '21:00'",
        "eind: 21.30 uur",
        "eind: 21.30",  # a number to YAML 1.2
        "start: zaterdag 19 juni 2027 19:30",
        "start: za 19 juni 2027",
        "themas: ontmoeting, groen-en-duurzaam",
        "herhaling: {elke: week, dagen: 'di, do'}",
    ],
)
def test_what_the_loader_accepts_in_an_activiteit_is_accepted(yaml_text, vocabulaire):
    activiteit = {"titel": "Soep", "start": "2026-12-10 19:30", "locatie": "Buurthuis"}
    assert validator("activiteit", vocabulaire).is_valid({**activiteit, **yaml.load(yaml_text, Loader=Yaml12Loader)})


@pytest.mark.parametrize(
    "text",
    [
        "2026-11-22",
        "2026-1-2",
        "22-11-2026",
        "22/11/2026",
        "22.11.2026",
        "22 november 2026",
        "1 nov. 2026",
        "22 November 2026",
        "2026-13-01",
        "2026-11-32",
        "32-11-2026",
        "22 novembre 2026",
        "2026/11/22",
        "morgen",
        "20261122",
        "zaterdag 19 juni 2027",
        "za 19 juni 2027",
        "Za. 19-06-2027",
        "zaterdag, 2027-06-19",
        "morgen 19 juni 2027",
        "zaterdag",
    ],
)
def test_date_pattern_agrees_with_the_loader(text):
    assert bool(re.search(f"^{schemas_module.date_pattern()}$", text)) == (parse_date(text) is not None)


@pytest.mark.parametrize(
    "text",
    [
        "2026-12-10 19:30",
        "2026-12-10T19:30",
        "2026-12-10 19.30 uur",
        "10-12-2026 om 19:30",
        "10 december 2026, 19:30",
        "2026-12-10 19:30+01:00",
        "2026-12-10T18:30Z",
        "2026-12-10",
        "2026-12-10 24:00",
        "2026-12-10 19:60",
        "2026-12-10 om",
        "19:30",
        "zaterdag 19 juni 2027 19:30",
        "zo 20 juni 2027 om 12.00 uur",
    ],
)
def test_datetime_pattern_agrees_with_the_loader(text):
    assert bool(re.search(schemas_module.datetime_pattern(), text)) == (parse_datetime(text) is not None)


def test_committed_schemas_are_the_generated_ones(vocabulaire):
    for name, schema in schemas_module.schemas(vocabulaire).items():
        assert (REPO / "schemas" / name).read_text(encoding="utf-8") == schemas_module.dumps(schema), f"schemas/{name}: draai make genereer"


def test_vocabulary_schema_accepts_the_vocabulary_and_rejects_bad_ids():
    check = jsonschema.Draft7Validator(schemas_module.vocabulaire_schema())
    assert check.is_valid(yaml.load((REPO / "content" / "vocabulaire.yml").read_text(encoding="utf-8"), Loader=Yaml12Loader))
    assert not check.is_valid({"themas": {"Ontmoeting Ouderen": {"naam": "x"}}, "onderwerpen": {}})
    assert not check.is_valid({"themas": {"a": {"beschrijving": "zonder naam"}}, "onderwerpen": {}})


def _unicode_mode_escapes_ok(source: str) -> bool:
    """Whether every escape in `source` is one ECMAScript's unicode mode accepts."""
    in_class, i = False, 0
    while i < len(source):
        c = source[i]
        if c == "\\":
            nxt = source[i + 1]
            if not (nxt in "^$\\.*+?()[]{}|/dDsSwWbBnrtfv0123456789" or (in_class and nxt == "-")):
                return False
            i += 2
            continue
        in_class = True if c == "[" else False if c == "]" else in_class
        i += 1
    return True


@pytest.mark.parametrize(("pattern", "ok"), [(r"^[a-z\-]+$", True), (r"^a\-b$", False), (r"^[^\s<>\"]+$", False), (r"^\S$", True)])
def test_the_unicode_mode_rule_itself(pattern, ok):
    assert _unicode_mode_escapes_ok(pattern) is ok


def test_patterns_avoid_what_unicode_mode_regular_expressions_forbid(vocabulaire):
    """Editors' tools compile patterns as ECMAScript with the `u` flag: `\\"` or `\\-` outside a class is an error there."""
    text = json.dumps(schemas_module.schemas(vocabulaire))
    patterns = [json.loads(f'"{p}"') for p in re.findall(r'"pattern": "((?:[^"\\]|\\.)*)"', text)]
    assert len(patterns) > 10
    for source in patterns:
        assert _unicode_mode_escapes_ok(source), source
        assert "(?P<" not in source and "(?i" not in source
