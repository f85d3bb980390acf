"""The editors' guide and the generated reference: what they show editors is what the check accepts."""

from __future__ import annotations

import re

import pytest
import yaml
from city import REPO

from bovenwijks.content.load import load_stad
from bovenwijks.content.schema import KINDS
from bovenwijks.content.vocabulaire import load_vocabulaire
from bovenwijks.herhaling import beschrijving
from bovenwijks.tools import codeowners
from bovenwijks.tools.reference import reference

GUIDE = REPO / "content" / "meedoen" / "index.md"
REFERENCE = REPO / "content" / "meedoen" / "sleutels.md"


def guide_example() -> str:
    """The initiatief the guide tells editors to copy (the code block of step 4)."""
    block = re.search(r"\n\n((?: {8}.*\n)(?: {8}.*\n|\n)*)", GUIDE.read_text(encoding="utf-8")).group(1)
    lines = [line[8:] if line.strip() else "" for line in block.split("\n")]
    return "\n".join(lines).strip("\n") + "\n"


def test_the_guides_example_passes_the_check_and_builds(city):
    city.wijk("soesterkwartier", naam="Soesterkwartier")
    city.write("wijken/soesterkwartier/initiatieven/buurtsoep.md", guide_example())
    checked = city.check()
    assert checked.returncode == 0, checked.stdout
    html = city.build(strict=True).page("wijken/soesterkwartier/initiatieven/buurtsoep/")
    assert "Buurtsoep op vrijdag" in html and "06 1234 5678" in html


def test_the_guides_failing_check_is_what_the_check_prints(city):
    shown = re.search(r"```text\n(.*?)\n```", guide_section("Als de controle een fout meldt"), re.S).group(1)
    city.wijk("soesterkwartier", naam="Soesterkwartier")
    example = guide_example().replace("status: actief", "status: actif")
    city.write("wijken/soesterkwartier/initiatieven/buurtsoep.md", example)
    assert city.check().stdout.strip() == shown


def test_the_guides_broken_link_is_what_the_check_prints(city):
    shown = re.search(r"```text\n(.*?)\n```", guide_section("Linken naar een andere pagina {#linken}"), re.S).group(1)
    path, line, message = shown.split(":", 2)
    link = re.search(r"link '([^']+)'", message).group(1)
    city.wijk("kruiskamp", naam="Kruiskamp")
    city.initiatief("kruiskamp", "kledingbank")
    city.write(
        path,
        "---\nnaam: Kruiskamp\nsamenvatting: De wijk.\nredactie: [anneke]\n---\n" + "\n" * (int(line) - 6) + f"[De kledingbank]({link})\n",
    )
    assert city.check().stdout.strip() == shown


def test_every_message_the_guide_quotes_exists():
    """The guide's table of messages quotes their beginnings; each must still be in the code."""
    sources = "".join(p.read_text(encoding="utf-8") for p in (REPO / "plugins" / "bovenwijks").rglob("*.py"))
    table = GUIDE.read_text(encoding="utf-8").split("Meldingen die vaak voorkomen:")[1].split("## Wie keurt goed?")[0]
    quoted = re.findall(r"^\| `([^`]+)` \|", table, re.M)
    assert len(quoted) >= 6
    for message in quoted:
        # Split where the code puts in a value or joins two texts: at quotes, dots and colons.
        message = message.replace(codeowners.PATH, "...")  # put in by the code, as a path
        words = [w.strip() for w in re.split(r"\.\.\.|…|'[^']*'|: ", message) if len(w.strip()) > 3]
        assert words and all(w in sources for w in words), message


def guide_section(heading: str) -> str:
    """The text of the guide's section `heading` (a `## ` heading), up to the next one."""
    return GUIDE.read_text(encoding="utf-8").split(f"\n## {heading}")[1].split("\n## ")[0]


def test_the_guides_series_pass_the_check_and_read_as_the_guide_says(city):
    section = guide_section("Activiteiten die terugkomen")
    # Each example, and what "Op de site staat: *...*" after it says the site words its rule as.
    found = re.findall(r"```yaml\n(---\n.*?---)\n```(?:\n\nOp de site staat: \*(.*?)\*\.)?", section, re.S)
    assert len(found) == 4 and sum(1 for _, said in found if said) == 3
    city.wijk("soesterkwartier", naam="Soesterkwartier")
    for n, (example, _) in enumerate(found):
        city.write(f"wijken/soesterkwartier/agenda/reeks-{n}.md", example + "\n\nKom ook.\n")
    checked = city.check()
    assert checked.returncode == 0, checked.stdout
    series = {a.slug: a for a in load_stad(city.root).stad.activiteiten()}
    for n, (example, said) in enumerate(found):
        activiteit = series[f"reeks-{n}"]
        assert activiteit.herhaling, example
        assert not said or beschrijving(activiteit.herhaling, activiteit.datum) == said
    # The mistake the guide shows in its last example, and what the check answers.
    mistake = found[3][0].replace("- 2026-12-24", "- 2026-12-25")
    assert "`2026-12-25`" in section and mistake != found[3][0]
    city.write("wijken/soesterkwartier/agenda/reeks-3.md", mistake + "\n\nKom ook.\n")
    shown = re.search(r"\*(bedoel je [^*]+)\*", section).group(1).replace("\n", " ")
    assert shown in city.check().stdout


@pytest.fixture(scope="module")
def vocabulaire():
    return load_vocabulaire(REPO)[0]


def test_reference_lists_every_key_thema_and_onderwerp(vocabulaire):
    text = reference(vocabulaire)
    for kind in KINDS:
        assert f"## {kind.title}\n" in text
        for f in kind.fields:
            assert f"| `{f.name}` |" in text
            for sub in f.fields:
                assert f"| `{f.name}.{sub.name}` |" in text
    for ident in [*vocabulaire.themas, *vocabulaire.onderwerpen]:
        assert f"| `{ident}` |" in text
    assert "`repair-cafe`" in text  # an alias of an onderwerp
    # A `behalve` entry may be just its date, as the check accepts.
    behalve = next(line for line in text.splitlines() if line.startswith("| `herhaling.behalve` |"))
    assert "alleen de datum (`- 2026-12-24`)" in behalve


def test_every_example_in_the_reference_passes_the_check(city, vocabulaire):
    text = reference(vocabulaire)
    examples = re.findall(r"```yaml\n(---\n.*?---)\n```", text, re.S)
    assert len(examples) == len(KINDS)
    # The initiatief example names a wijkplan prioriteit and an initiatief of its own wijk.
    city.wijk("oost")
    by_kind = dict(zip([k.name for k in KINDS], examples, strict=True))
    city.write("wijken/west/index.md", by_kind["wijk"] + "\n\nOver West.\n")
    city.write("wijken/oost/wijkplan.md", by_kind["wijkplan"] + "\n")
    city.write("wijken/oost/initiatieven/repair-cafe.md", by_kind["initiatief"] + "\n")
    city.write("wijken/oost/agenda/soep.md", by_kind["activiteit"] + "\n")
    city.write("wijken/oost/nieuws/nieuws.md", by_kind["bericht"] + "\n")
    city.write("wijken/oost/kennis/vraag.md", by_kind["kennis"] + "\n")
    assert yaml.safe_load(by_kind["initiatief"].strip("-\n"))["contact"]["email"]
    checked = city.check()
    assert checked.returncode == 0, checked.stdout


def test_the_site_has_the_guide_in_its_navigation_and_links_the_reference(city):
    city.write("content/meedoen/index.md", GUIDE.read_text(encoding="utf-8"))
    city.write("content/meedoen/sleutels.md", REFERENCE.read_text(encoding="utf-8"))
    city.wijk("oost")
    result = city.build(strict=True)
    assert result.error is None, result.warnings
    assert 'href="sleutels/"' in result.page("meedoen/")
    assert '<h2 id="themas">Thema\'s</h2>' in result.page("meedoen/sleutels/")
    # The reference links the guide's section on series, by the anchor the guide gives it.
    assert 'href="../#herhaling"' in result.page("meedoen/sleutels/")
    assert '<h2 id="herhaling">Activiteiten die terugkomen' in result.page("meedoen/")
    assert "  - Redacteuren: meedoen/index.md\n" in (REPO / "mkdocs.yml").read_text(encoding="utf-8")
