"""Checks while typing: the generated schemas, run by the same remark engine as VS Code's extension.

VS Code's remark extension (unifiedjs.vscode-remark) reads `.remarkrc.json` and runs its
plugins from node_modules, as `remark` on the command line does; so what the command reports
here is what an editor sees underlined. Needs `npm ci --ignore-scripts`; in CI a missing tool
fails the test, elsewhere it is skipped.
"""

from __future__ import annotations

import json
import os
import re
import subprocess

import pytest
from city import REPO

REMARK = REPO / "node_modules" / ".bin" / "remark"


def remark(cwd, *paths: str) -> subprocess.CompletedProcess[str]:
    if not REMARK.exists():
        reason = "node_modules/.bin/remark ontbreekt: voer `npm ci --ignore-scripts` uit"
        if os.environ.get("CI") == "true":
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    return subprocess.run(
        [str(REMARK), "--no-stdout", "--frail", "--quiet", "--no-color", *paths],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def jsonc(path) -> dict:
    """VS Code's settings files allow // comments."""
    return json.loads(re.sub(r"^\s*//.*$", "", path.read_text(encoding="utf-8"), flags=re.M))


def test_every_demo_page_passes_in_the_editor():
    result = remark(REPO, "wijken")
    assert result.returncode == 0, result.stderr


@pytest.fixture
def workspace(tmp_path):
    """A workspace with the repository's editor configuration and one wijk."""
    for name in (".remarkrc.json", "schemas", "node_modules"):
        (tmp_path / name).symlink_to(REPO / name)
    return tmp_path


def test_mistakes_are_underlined_on_their_line(workspace):
    page = workspace / "wijken" / "oost" / "initiatieven" / "soep.md"
    page.parent.mkdir(parents=True)
    page.write_text(
        "---\ntitel: Soep\nsamenvatting: 'VUL IN: een of twee zinnen'\nstatus: actif\nthemas: [ontmoeten]\n"
        "contact:\n  naam: Jan\n  telefoon: 0331234567\ngestart: 31-08-2016\n---\n\nTekst.\n",
        encoding="utf-8",
    )
    result = remark(workspace, "wijken")
    assert result.returncode == 1
    report = result.stderr
    assert re.search(r"^3:\d+-3:\d+ +warning .*#/properties/samenvatting/not", report, re.M), report  # the placeholder
    assert re.search(r"^4:\d+-4:\d+ +warning .*`actief`.*#/properties/status/enum", report, re.M), report
    assert re.search(r"^5:\d+-5:\d+ +warning .*`ontmoeting`.*#/properties/themas", report, re.M), report
    # What the loader accepts is not underlined: an unquoted phone number, a Dutch date.
    assert not re.search(r"^(8|9):", report, re.M), report


def test_vs_code_recommends_the_extensions_and_maps_the_vocabulary():
    extensions = jsonc(REPO / ".vscode" / "extensions.json")["recommendations"]
    assert {"redhat.vscode-yaml", "unifiedjs.vscode-remark"} <= set(extensions)
    settings = jsonc(REPO / ".vscode" / "settings.json")
    for schema, files in settings["yaml.schemas"].items():
        assert (REPO / schema).is_file()
        assert all((REPO / f).is_file() for f in files)
    assert settings["remark.requireConfig"] is True
    config = json.loads((REPO / ".remarkrc.json").read_text(encoding="utf-8"))
    packages = json.loads((REPO / "package.json").read_text(encoding="utf-8"))["devDependencies"]
    for plugin in config["plugins"]:
        assert (plugin if isinstance(plugin, str) else plugin[0]) in packages
