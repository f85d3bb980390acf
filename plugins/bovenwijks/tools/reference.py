"""The editors' reference of every frontmatter key, in Dutch, made from `schema` and the vocabulary.

It is written to `content/meedoen/sleutels.md` by `scripts/genereer`, so it says exactly what
`scripts/check` checks.
"""

from __future__ import annotations

from bovenwijks.content.schema import HULPVRAAG, INFORMATIEPUNT, KINDS, SOURCE, Field, Kind
from bovenwijks.model import Vocabulaire
from bovenwijks.tools.scaffold import yaml_scalar

PATH = "content/meedoen/sleutels.md"

_TYPES = {
    "tekst": "tekst",
    "email": "e-mailadres",
    "url": "webadres dat met `https://` begint",
    "telefoon": 'telefoonnummer, tussen aanhalingstekens: `"033 123 4567"`',
    "github": "GitHub-naam",
    "slug": "id: kleine letters, cijfers en streepjes",
    "datum": "datum: jaar-maand-dag (`2026-11-22`); `22-11-2026`, `22 november 2026` en `zondag 22 november 2026` mogen ook",
    "datumtijd": (
        "datum en tijd in Amsterdamse tijd (`2026-11-22 19:30`); alleen een datum is de hele dag;"
        " met de dag ervoor (`zondag 22 november 2026 19:30`) mag ook"
    ),
    "prioriteit": "id van een prioriteit uit het wijkplan, of haar titel zoals in het wijkplan",
    "jaar": "jaartal",
    "thema": "thema (zie [Thema's](#themas))",
    "onderwerp": "onderwerp, of een ander woord ervoor (zie [Onderwerpen](#onderwerpen))",
    "hulp": "hulpvraag (zie [Hulp en advies](#hulp))",
    "foto": "bestandsnaam van een foto (JPEG, PNG, WebP of HEIC), gezien vanaf dit bestand; zie [Foto's](index.md#fotos)",
    "weekdag": "dag van de week: `maandag` … `zondag` (`di` en `do` mogen ook)",
    "aantal": "heel getal, 1 of meer",
    "aanmelden": "webadres dat met `https://` begint, of e-mailadres",
    "object": "groep sleutels, elk op een eigen, ingesprongen regel",
}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


# Keys the editors' guide explains in a section of its own (content/meedoen/index.md): its title and anchor.
_GUIDE = {"herhaling": ("Activiteiten die terugkomen", "herhaling")}


def _what(f: Field) -> str:
    what = "een van: " + ", ".join(f"`{c}`" for c in f.choices) if f.type == "keuze" else _TYPES[f.type]
    if f.shorthand:  # `- 2026-12-24` for `- datum: 2026-12-24`
        short = next(sub for sub in f.fields if sub.name == f.shorthand)
        what = f"alleen de {short.name} (`- {yaml_scalar(short.example)}`), of een {what}"
    if f.name in _GUIDE:
        title, anchor = _GUIDE[f.name]
        what += f"; zie [{title}](index.md#{anchor})"
    if f.one_of:
        what += "; met " + " of ".join(f"`{k}`" for k in f.one_of)
    if f.aliases:
        what += "; " + " of ".join(f"`{a}:`" for a in f.aliases) + " mag ook"
    if f.same_day_as:
        what += f"; alleen een tijd (`17:00`) is op de dag van `{f.same_day_as}`"
    if f.comma_list:
        return f"lijst van: {what}; op één regel met komma's ertussen mag ook"
    return f"lijst van: {what}" if f.many else what


def _example(f: Field) -> str:
    if f.example is None or f.type == "object":  # a group's example is its keys' examples, row by row
        return ""
    values = f.example if isinstance(f.example, list) else [f.example]
    return ", ".join(f"`{yaml_scalar(v, quoted=f.type == 'telefoon')}`" for v in values)


def _rows(fields: tuple[Field, ...], parent: str = "") -> list[str]:
    rows = []
    for f in fields:
        rows.append(f"| `{parent}{f.name}` | {'●' if f.required else ''} | {_cell(_what(f))} | {_cell(f.help)} | {_cell(_example(f))} |")
        if f.type == "object":
            rows.extend(_rows(f.fields, f"{parent}{f.name}."))
    return rows


def _needed(fields: tuple[Field, ...], one_of: tuple[str, ...] = ()) -> tuple[Field, ...]:
    """The keys a valid example needs: the required ones, and the first of `one_of`."""
    return tuple(f for f in fields if f.required or (one_of and f.name == one_of[0]))


def _yaml_example(fields: tuple[Field, ...], indent: str = "") -> list[str]:
    """An example with every key of `fields`, as an editor would write it."""
    lines = []
    for f in fields:
        if f.type == "object":
            lines.append(f"{indent}{f.name}:")
            inner = _yaml_example(_needed(f.fields, f.one_of), indent + "    " if f.many else indent + "  ")
            if f.many:
                inner[0] = indent + "  - " + inner[0].lstrip()
            lines.extend(inner)
        elif f.many:
            lines.append(f"{indent}{f.name}:")
            lines.extend(f"{indent}  - {yaml_scalar(v)}" for v in f.example)
        else:
            lines.append(f"{indent}{f.name}: {yaml_scalar(f.example, quoted=f.type == 'telefoon')}")
    return lines


def _kind(kind: Kind) -> list[str]:
    return [
        f"## {kind.title}",
        "",
        f"In `{kind.location}`. {kind.help}",
        "",
        "| sleutel | verplicht | wat je invult | betekenis | voorbeeld |",
        "| --- | :---: | --- | --- | --- |",
        *_rows(kind.fields),
        "",
        "Het kleinste geldige begin van zo'n bestand:",
        "",
        "```yaml",
        "---",
        *_yaml_example(_needed(kind.fields)),
        "---",
        "```",
        "",
    ]


def reference(vocabulaire: Vocabulaire) -> str:
    """The Markdown of the reference page."""
    lines = [
        "---",
        "title: Alle sleutels",
        "description: Elke sleutel die je in de frontmatter van een wijkpagina kunt gebruiken, met uitleg en voorbeeld.",
        # A reference for editors: a resident's search for "eenzaam" must not end here.
        "search:",
        "  exclude: true",
        # Long and looked things up in: it keeps its table of contents.
        "hide: [navigation]",
        "---",
        "",
        f"<!-- Deze pagina wordt gemaakt door scripts/genereer uit {SOURCE} en",
        "     content/vocabulaire.yml. Wijzig haar niet met de hand: draai make genereer. -->",
        "",
        "# Alle sleutels",
        "",
        "Elke pagina van een wijk begint met *frontmatter*: regels `sleutel: waarde` tussen twee regels `---`.",
        "Hieronder staat per soort pagina welke sleutels er zijn. Sleutels met ● zijn verplicht; de andere",
        "laat je weg als ze niet van toepassing zijn. Een sleutel die hier niet staat, wordt gemeld en genegeerd.",
        "Hoe je een pagina toevoegt, lees je in [Meedoen als redacteur](index.md).",
        "",
    ]
    for kind in KINDS:
        lines.extend(_kind(kind))
    lines += [
        "## Thema's {#themas}",
        "",
        "De thema's van de stad, uit `content/vocabulaire.yml`. Schrijf het id.",
        "",
        "| id | naam | waar het over gaat |",
        "| --- | --- | --- |",
        *[f"| `{t.id}` | {_cell(t.naam)} | {_cell(t.beschrijving or '')} |" for t in vocabulaire.themas.values()],
        "",
        "## Onderwerpen {#onderwerpen}",
        "",
        "De onderwerpen van de kennisuitwisseling, uit `content/vocabulaire.yml`. Schrijf het id, of een",
        "van de andere woorden ervoor: die worden vanzelf het id.",
        "",
        "| id | naam | ook goed |",
        "| --- | --- | --- |",
        *[f"| `{o.id}` | {_cell(o.naam)} | {', '.join(f'`{a}`' for a in o.aliassen)} |" for o in vocabulaire.onderwerpen.values()],
        "",
        "## Hulp en advies {#hulp}",
        "",
        "De hulpvragen van de pagina's Hulp en advies (`/hulp/`), uit `content/vocabulaire.yml`. Schrijf",
        "het id bij `hulp:` van een initiatief of activiteit. Een activiteit van een initiatief staat ook",
        "bij de hulpvragen van dat initiatief.",
        "",
        "| id | naam | woorden van bewoners |",
        "| --- | --- | --- |",
        *[f"| `{h.id}` | {_cell(h.naam)} | {_cell(', '.join(h.woorden))} |" for h in vocabulaire.hulp.values()],
        "",
        "Een hulpvraag in `content/vocabulaire.yml` heeft deze sleutels, onder `hulp:` en haar id; het",
        "informatiepunt van de stad staat onder `informatiepunt:`.",
        "",
        "| sleutel | verplicht | wat je invult | betekenis | voorbeeld |",
        "| --- | :---: | --- | --- | --- |",
        *_rows(HULPVRAAG, "hulp.<id>."),
        *_rows((INFORMATIEPUNT,)),
        "",
        "Mis je een thema, onderwerp of hulpvraag? Voeg het toe in `content/vocabulaire.yml`, met een pull request",
        "zoals elke andere wijziging.",
        "",
    ]
    return "\n".join(lines)
