"""Links in a page's text (`content/links.py`): every mistake reported by `bovenwijks check` in
Dutch, on its line, with the link to write; and `mkdocs build --strict` failing exactly
where the check fails, without MkDocs' English warning for the links we reported.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest
from city import project_config

from bovenwijks.content.links import gegenereerd
from bovenwijks.content.load import load_stad
from bovenwijks.content.tekst import Link, lees
from bovenwijks.mkdocs.linkmeldingen import link_warning

ITEM = "wijken/oost/initiatieven/repair-cafe.md"
HOME = "wijken/oost/index.md"
OVER = "content/over.md"
# MkDocs' validation of links as the project has it: every kind a warning.
VALIDATION = {"validation": project_config()["validation"]}


def _stad(city) -> None:
    """Two wijken, a city page and a file: what the links in the table point at."""
    city.wijk("oost", naam="Oost")
    city.wijk("kruiskamp", naam="Kruiskamp")
    city.wijkplan("oost", [{"id": "ontmoeting-ouderen", "titel": "Ontmoeting", "thema": "ontmoeting"}])
    city.initiatief("oost", "kledingbank", body="## Openingstijden\n\nElke dag.\n\n## Wie zijn we\n\nWij.\n\n## Wie zijn we\n\nNog eens.")
    city.initiatief("kruiskamp", "kledingbank-de-kamp")
    city.write(OVER, "# Over ons\n\n## Contact\n\nMail ons.\n")
    city.write("wijken/oost/folder.pdf", b"%PDF-1.4\n")
    city.write("wijken/oost/initiatieven/kapot.md", "---\ntitel: Kapot\n---\n")


def _write(city, path: str, link: str) -> int:
    """Put `link` in the text of the page `path`; the line it is on."""
    body = f"Tekst.\n\n{link}\n"
    if path == ITEM:
        city.initiatief("oost", "repair-cafe", body=body)
    elif path == HOME:
        city.page(HOME, {"naam": "Oost", "samenvatting": "De wijk oost.", "redactie": ["redactie-oost"]}, body)
    else:
        city.write(path, f"# Over ons\n\n## Contact\n\n{body}")
    lines = (city.root / path).read_text(encoding="utf-8").split("\n")
    return next(n for n, line in enumerate(lines, start=1) if link.split("\n")[0] in line)


def _link_problems(city, path: str) -> list[str]:
    return [str(p) for p in load_stad(city.root).problems if p.path == path and "link '" in p.message]


MISTAKES = [
    # (id, the page, the link, the message after `path:line: `)
    ("typo", ITEM, "[kleding](kledingbnk.md)", "link 'kledingbnk.md' wijst naar een pagina die niet bestaat; bedoel je 'kledingbank.md'?"),
    (
        "no-such-page",
        ITEM,
        "[x](fietsenmaker.md)",
        "link 'fietsenmaker.md' wijst naar een pagina die niet bestaat; kijk of de naam klopt, of haal de link weg",
    ),
    (
        "file-name-not-slug",
        ITEM,
        "[kleding](Kledingbank.md)",
        "link 'Kledingbank.md' wijst naar een pagina die niet bestaat; bedoel je 'kledingbank.md'?",
    ),
    (
        "folder-typo",
        ITEM,
        "[kleding](../initiatief/kledingbank.md)",
        "link '../initiatief/kledingbank.md' wijst naar een pagina die niet bestaat; bedoel je 'kledingbank.md'?",
    ),
    (
        "other-wijk-missing",
        ITEM,
        "[kamp](../../kruiskamp/initiatieven/kledingbak-de-kamp.md)",
        "link '../../kruiskamp/initiatieven/kledingbak-de-kamp.md' wijst naar een pagina die niet bestaat in de wijk Kruiskamp; "
        "bedoel je '../../kruiskamp/initiatieven/kledingbank-de-kamp.md'?",
    ),
    (
        "no-such-wijk",
        ITEM,
        "[kamp](../../kruiskmap/initiatieven/kledingbank-de-kamp.md)",
        "link '../../kruiskmap/initiatieven/kledingbank-de-kamp.md' wijst naar de wijk 'kruiskmap', die niet bestaat; bedoel je 'kruiskamp'?",
    ),
    (
        "file-typo",
        ITEM,
        "[folder](../folder.pfd)",
        "link '../folder.pfd' wijst naar een bestand dat niet bestaat; bedoel je '../folder.pdf'?",
    ),
    (
        "repository-path",
        ITEM,
        "[over](../../../content/over.md)",
        "link '../../../content/over.md' wijst naar een pagina die niet bestaat; bedoel je '../../../over.md'?",
    ),
    (
        "broken-target",
        ITEM,
        "[kapot](kapot.md)",
        "link 'kapot.md' wijst naar wijken/oost/initiatieven/kapot.md, dat niet op de site komt omdat er een fout in staat; "
        "los eerst die fout op",
    ),
    (
        "absolute-to-broken-target",
        HOME,
        "[kapot](/wijken/oost/initiatieven/kapot/)",
        "link '/wijken/oost/initiatieven/kapot/' begint met een /, en dan werkt hij niet overal waar de site staat; schrijf de link "
        "naar het bestand, relatief vanaf deze pagina: 'initiatieven/kapot.md' (die pagina staat nu niet op de site, omdat er een "
        "fout in wijken/oost/initiatieven/kapot.md staat)",
    ),
    (
        "anchor",
        ITEM,
        "[open](kledingbank.md#openingstijd)",
        "link 'kledingbank.md#openingstijd' wijst naar een kop die er niet is: de pagina 'kledingbank.md' heeft geen kop "
        "'#openingstijd'; bedoel je 'kledingbank.md#openingstijden'? Koppen op die pagina: 'Openingstijden' (#openingstijden), "
        "'Wie zijn we' (#wie-zijn-we), 'Wie zijn we' (#wie-zijn-we_1)",
    ),
    (
        "anchor-same-page",
        OVER,
        "[mail](#contct)",
        "link '#contct' wijst naar een kop die er niet is: deze pagina heeft geen kop '#contct'; bedoel je '#contact'? "
        "Koppen op die pagina: 'Contact' (#contact), 'Over ons' (#over-ons)",
    ),
    (
        "absolute-other-wijk",
        ITEM,
        "[kamp](/wijken/kruiskamp/initiatieven/kledingbank-de-kamp/)",
        "link '/wijken/kruiskamp/initiatieven/kledingbank-de-kamp/' begint met een /, en dan werkt hij niet overal waar de site "
        "staat; schrijf de link naar het bestand, relatief vanaf deze pagina: '../../kruiskamp/initiatieven/kledingbank-de-kamp.md'",
    ),
    (
        "absolute-city-page",
        HOME,
        "[over](/over/#contact)",
        "link '/over/#contact' begint met een /, en dan werkt hij niet overal waar de site staat; schrijf de link naar het "
        "bestand, relatief vanaf deze pagina: '../../over.md#contact'",
    ),
    (
        "absolute-nowhere",
        ITEM,
        "[x](/bestaat/niet/)",
        "link '/bestaat/niet/' begint met een /, en de site heeft geen pagina met dat adres; schrijf een link naar het bestand "
        "van de pagina die je bedoelt, relatief vanaf deze pagina (zoals '../index.md')",
    ),
    (
        "address-not-file",
        ITEM,
        "[kleding](kledingbank/)",
        "link 'kledingbank/' wijst naar een adres, niet naar een bestand; link naar het bestand van de pagina: schrijf 'kledingbank.md'",
    ),
    (
        "address-from-the-page-address",
        ITEM,
        "[kleding](../initiatieven/kledingbank)",
        "link '../initiatieven/kledingbank' wijst naar een adres, niet naar een bestand; link naar het bestand van de pagina: "
        "schrijf 'kledingbank.md'",
    ),
    (
        "address-of-the-agenda",
        HOME,
        "[agenda](../../agenda/)",
        "link '../../agenda/' wijst naar een adres, niet naar een bestand; link naar het bestand van de pagina: "
        "schrijf '../../agenda/index.md'",
    ),
    (
        "reference-definition",
        ITEM,
        "[kleding][kb]\n\n[kb]: kledngbank.md",
        "link 'kledngbank.md' wijst naar een pagina die niet bestaat; bedoel je 'kledingbank.md'?",
    ),
    (
        "html-file",
        ITEM,
        '<a href="kledingbank.md">kleding</a>',
        "link 'kledingbank.md' staat in HTML (<a href>), en zo'n link zet de site niet om naar het adres van de pagina; "
        "schrijf hem als Markdown-link: [tekst](kledingbank.md)",
    ),
    (
        "city-page-to-wijk",
        OVER,
        "[oost](wijken/oost/initiatieven/kledingbnk.md)",
        "link 'wijken/oost/initiatieven/kledingbnk.md' wijst naar een pagina die niet bestaat in de wijk Oost; "
        "bedoel je 'wijken/oost/initiatieven/kledingbank.md'?",
    ),
]


@pytest.mark.parametrize("path, link, message", [m[1:] for m in MISTAKES], ids=[m[0] for m in MISTAKES])
def test_a_link_mistake_is_reported_on_its_line_with_the_link_to_write(city, path, link, message):
    _stad(city)
    line = _write(city, path, link)
    if "\n" in link:  # a reference: its definition is where the address is written
        line += link.count("\n")
    assert _link_problems(city, path) == [f"{path}:{line}: {message}"]


GOOD = [
    ("sibling", ITEM, "[kleding](kledingbank.md) en [zelf](repair-cafe.md)"),
    ("heading", ITEM, "[open](kledingbank.md#openingstijden) en [tweede](kledingbank.md#wie-zijn-we_1)"),
    ("other-wijk", ITEM, "[kamp](../../kruiskamp/initiatieven/kledingbank-de-kamp.md)"),
    ("city-page", HOME, "[over](../../over.md#contact) en [start](../../index.md) en [wijken](../index.md)"),
    ("file", ITEM, "[folder](../folder.pdf) en [wijkplan](../wijkplan.md)"),
    ("generated", HOME, "[agenda](../../agenda/index.md) en [thema](../../themas/groen/index.md)"),
    ("elsewhere", ITEM, "[site](https://example.org/x.md) [mail](mailto:a@example.org) [bel](tel:0331234567) [kop](//cdn.example/x)"),
    ("code", ITEM, "`[nee](nee.md)`\n\n```\n[nee](nee.md)\n```\n\n    [nee](nee.md)"),
    ("html-address", ITEM, '<a href="../kledingbank/">kleding</a> <a href="#boven">boven</a>'),
    ("to-the-wijk", OVER, "[oost](wijken/oost/index.md) en [kamp](wijken/kruiskamp/initiatieven/kledingbank-de-kamp.md)"),
]


@pytest.mark.parametrize("path, link", [g[1:] for g in GOOD], ids=[g[0] for g in GOOD])
def test_a_good_link_is_no_problem(city, path, link):
    _stad(city)
    _write(city, path, link)
    assert _link_problems(city, path) == []


@pytest.mark.parametrize(
    "markdown, links",
    [
        ("[a](x.md)", [Link("x.md", 1)]),
        ('[a](<met spatie.md> "titel")', [Link("met spatie.md", 1)]),
        ("[een\nlange tekst](x.md)", [Link("x.md", 2)]),
        ("[![Foto](foto.jpg)](x.md)", [Link("x.md", 1)]),
        ("![Foto](foto.jpg)", []),
        ("[a][r]\n\n[r]: x.md", [Link("x.md", 3)]),
        ("[r]\n\n[r]: <x.md>", [Link("x.md", 3)]),
        ("[niet gebruikt]: x.md", []),
        ("Een voetnoot[^1].\n\n[^1]: Uitleg.", []),
        ("[a](x.md) `[b](y.md)`", [Link("x.md", 1)]),
        ("~~~\n[a](x.md)\n~~~\n[b](y.md)", [Link("y.md", 4)]),
        ('<a\n  href="x.md">a</a>', [Link("x.md", 1, html=True)]),
        ("[ ] geen link, [x] ook niet", []),
        # Indented by four: code after a blank line, but an item's own text or a nested list inside a list.
        ("Tekst.\n\n    [a](x.md)\n    [b](y.md)\n\n[c](z.md)", [Link("z.md", 6)]),
        ("- Punt\n\n    Meer over het punt: [a](x.md)\n    - [b](y.md)", [Link("x.md", 3), Link("y.md", 4)]),
        ("1. Stap\n    [a](x.md)\n\nNa de lijst.\n\n    [b](y.md)", [Link("x.md", 2)]),
        ("Tekst die doorloopt\n    [a](x.md)", [Link("x.md", 2)]),
    ],
)
def test_the_links_of_a_text(markdown, links):
    assert lees(markdown).links == links


@pytest.mark.parametrize(
    "message, found",
    [
        (
            "Doc file 'wijken/oost/index.md' contains a link 'kledingbnk.md', but the target 'wijken/oost/kledingbnk.md' is not "
            "found among documentation files.",
            ("wijken/oost/index.md", "kledingbnk.md"),
        ),
        ("Doc file 'over.md' contains an absolute link '/over/', it was left as is. Did you mean 'over.md'?", ("over.md", "/over/")),
        ("Doc file 'x.md' contains an unrecognized relative link 'y/', it was left as is.", ("x.md", "y/")),
        ("Doc file 'x.md' contains a link 'y.md#kop', but the doc 'y.md' does not contain an anchor '#kop'.", ("x.md", "y.md#kop")),
        ("Doc file 'x.md' contains a link '#kop', but there is no such anchor on this page.", ("x.md", "#kop")),
        ("Doc file 'x.md' contains a link to 'y.md' which is excluded from the built site.", None),
        ("bovenwijks: wijken/oost/index.md:3: link 'x.md' wijst naar een pagina die niet bestaat", None),
    ],
)
def test_mkdocs_link_warnings_are_read(message, found):
    assert link_warning(message) == found


def _bad_city(city) -> dict[str, str]:
    """A city with link mistakes in three kinds of page; the Dutch message for each, by the link."""
    _stad(city)
    city.initiatief(
        "oost", "repair-cafe", body="Zie [kleding](kledingbnk.md).\n\nEn [kamp](/wijken/kruiskamp/initiatieven/kledingbank-de-kamp/)."
    )
    city.page(
        HOME,
        {"naam": "Oost", "samenvatting": "De wijk oost.", "redactie": ["redactie-oost"]},
        "De [agenda](../../agenda/).\n\n[Open](../oost/initiatieven/kledingbank.md#open).",
    )
    city.write(OVER, "# Over ons\n\n## Contact\n\nMail [ons](#contct).\n")
    return {
        "kledingbnk.md": f"{ITEM}:12: link 'kledingbnk.md'",
        "/wijken/kruiskamp/initiatieven/kledingbank-de-kamp/": f"{ITEM}:14: link '/wijken/kruiskamp/initiatieven/kledingbank-de-kamp/'",
        "../../agenda/": f"{HOME}:8: link '../../agenda/'",
        "../oost/initiatieven/kledingbank.md#open": f"{HOME}:10: link '../oost/initiatieven/kledingbank.md#open'",
        "#contct": f"{OVER}:5: link '#contct'",
    }


def test_the_build_says_it_in_dutch_once_and_fails_where_the_check_fails(city):
    city.extra_config = VALIDATION
    city.write_config()
    expected = _bad_city(city)
    assert city.check().returncode == 1
    result = city.build(strict=True)
    assert result.error is not None
    for start in expected.values():
        assert any(start in w for w in result.warnings), (start, result.warnings)
    english = [w for w in result.warnings if w.startswith("Doc file")]
    assert not [w for w in english if link_warning(w) and link_warning(w)[1] in expected], english


def test_a_city_with_only_good_links_passes_the_check_and_the_strict_build(city):
    city.extra_config = VALIDATION
    city.write_config()
    _stad(city)
    (city.root / "wijken/oost/initiatieven/kapot.md").unlink()
    city.initiatief("oost", "repair-cafe", body="\n\n".join(g[2] for g in GOOD if g[1] == ITEM and g[0] != "html-address"))
    city.page(HOME, {"naam": "Oost", "samenvatting": "De wijk oost.", "redactie": ["redactie-oost"]}, GOOD[3][2])
    checked = city.check()
    assert checked.returncode == 0, checked.stdout
    result = city.build(strict=True)
    assert result.error is None, result.warnings


def test_a_warning_our_check_did_not_report_still_shows(city):
    """A page our plugins make of the city is not known to the check: MkDocs still says it."""
    city.extra_config = VALIDATION
    city.write_config()
    _stad(city)
    (city.root / "wijken/oost/initiatieven/kapot.md").unlink()
    city.initiatief("oost", "repair-cafe", body="Het [thema](../../../themas/bestaat-niet/index.md).")
    assert city.check().returncode == 0
    result = city.build(strict=True)
    assert any("themas/bestaat-niet/index.md" in w and w.startswith("Doc file") for w in result.warnings), result.warnings


def _git(repo, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Redactie", "GIT_AUTHOR_EMAIL": "redactie@example.org"}
    env |= {"GIT_COMMITTER_NAME": "Redactie", "GIT_COMMITTER_EMAIL": "redactie@example.org"}
    subprocess.run(["git", "-C", str(repo), *args], env=env, check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git ontbreekt")
def test_a_link_to_a_renamed_page_names_the_new_one(city):
    _stad(city)
    (city.root / "wijken/oost/initiatieven/kapot.md").unlink()
    city.initiatief("oost", "repair-cafe", body="Zie de [kledingbank](kledingbank.md).")
    city.initiatief("oost", "soepkeuken")
    _git(city.root, "init", "-q")
    _git(city.root, "add", "-A")
    _git(city.root, "commit", "-q", "-m", "Oost")
    _git(city.root, "mv", "wijken/oost/initiatieven/kledingbank.md", "wijken/kruiskamp/initiatieven/kledingbank-oost.md")
    _git(city.root, "rm", "-q", "wijken/oost/initiatieven/soepkeuken.md")
    _git(city.root, "commit", "-q", "-m", "De kledingbank verhuist, de soepkeuken stopt")
    city.initiatief(
        "oost",
        "repair-cafe",
        body="Zie de [kledingbank](kledingbank.md).\n\nEn de [soep](soepkeuken.md).\n\n"
        "[Oud adres](/wijken/oost/initiatieven/kledingbank/), [weg](/wijken/oost/initiatieven/soepkeuken/).",
    )
    problems = [p for p in load_stad(city.root).problems if p.path == ITEM]
    assert [str(p) for p in problems] == [
        f"{ITEM}:12: link 'kledingbank.md' wijst naar wijken/oost/initiatieven/kledingbank.md, dat is hernoemd naar "
        "wijken/kruiskamp/initiatieven/kledingbank-oost.md; schrijf '../../kruiskamp/initiatieven/kledingbank-oost.md'",
        f"{ITEM}:14: link 'soepkeuken.md' wijst naar wijken/oost/initiatieven/soepkeuken.md, dat is verwijderd; "
        "haal de link weg of laat hem naar een andere pagina wijzen",
        f"{ITEM}:16: link '/wijken/oost/initiatieven/kledingbank/' begint met een /, en wijst naar wijken/oost/initiatieven/kledingbank.md, "
        "dat is hernoemd naar wijken/kruiskamp/initiatieven/kledingbank-oost.md; schrijf de link naar het bestand, relatief vanaf "
        "deze pagina: '../../kruiskamp/initiatieven/kledingbank-oost.md'",
        f"{ITEM}:16: link '/wijken/oost/initiatieven/soepkeuken/' begint met een /, en wijst naar wijken/oost/initiatieven/soepkeuken.md, "
        "dat is verwijderd; haal de link weg of laat hem naar een andere pagina wijzen",
    ]
    assert problems[0].elders == (("wijken/kruiskamp/initiatieven/kledingbank-oost.md", 1),)


def test_a_link_to_a_renamed_page_that_is_broken_now_names_the_new_one(city):
    _stad(city)
    _git(city.root, "init", "-q")
    _git(city.root, "add", "-A")
    _git(city.root, "commit", "-q", "-m", "Oost")
    _git(city.root, "mv", "wijken/oost/initiatieven/kledingbank.md", "wijken/oost/initiatieven/kledingbank-oost.md")
    _git(city.root, "commit", "-q", "-m", "Hernoemd")
    city.write("wijken/oost/initiatieven/kledingbank-oost.md", "---\ntitel: Kapot\n---\n")
    city.initiatief("oost", "repair-cafe", body="Zie de [kledingbank](kledingbank.md).")
    assert _link_problems(city, ITEM) == [
        f"{ITEM}:12: link 'kledingbank.md' wijst naar wijken/oost/initiatieven/kledingbank.md, dat is hernoemd naar "
        "wijken/oost/initiatieven/kledingbank-oost.md; schrijf 'kledingbank-oost.md'"
    ]


@pytest.mark.parametrize(
    ("path", "inside"),
    [
        ("agenda/index.md", True),
        ("agenda/archief/index.md", True),
        ("themas/", True),
        ("agenda", False),
        ("agendas/index.md", False),
        ("wijken/oost/agenda/x.md", False),
        ("", False),
    ],
)
def test_the_folders_of_pages_made_of_the_city_are_told_by_their_parts(path, inside):
    assert gegenereerd(path) is inside


@pytest.mark.parametrize("link", ["markt.md", "ons.md"])
def test_a_missing_page_is_not_suggested_a_page_whose_name_only_shares_md(city, link):
    # `markt.md` is no typo of `buurt.md`, nor `ons.md` of this very page, `over.md`.
    city.wijk("oost")
    city.write("wijken/oost/buurt.md", "# De buurt\n")
    city.write("wijken/oost/over.md", f"# Over\n\nZie [de pagina]({link}).\n")
    assert _link_problems(city, "wijken/oost/over.md") == [
        f"wijken/oost/over.md:3: link '{link}' wijst naar een pagina die niet bestaat; kijk of de naam klopt, of haal de link weg"
    ]


def test_each_links_line_is_looked_up_as_counting_the_lines_would_find_it():
    """`lees` looks up a link's line among the line starts (counting from the start for every
    link made a long text quadratic): pinned against the plain way, counting newlines."""
    lines = []
    for i in range(300):
        lines.append(f"- [Activiteit {i}]({'' if i % 7 else '<'}activiteit-{i}.md{'' if i % 7 else '>'}) met een zin.")
        lines.extend([""] * (i % 3) + ([f"Een [lange\nlink](lang-{i}.md)."] if i % 5 == 0 else []))
    text = "\n".join(lines)
    found = lees(text, first_line=4).links
    plain = [text[: m.start()].count("\n") + 4 for m in re.finditer(r"\]\(<?([^)>]+)>?\)", text)]
    assert len(found) == len(plain) > 300
    assert [link.line for link in found] == plain
