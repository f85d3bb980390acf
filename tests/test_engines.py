"""The demo city builds the same with ProperDocs, the maintained fork of MkDocs 1.x.

MkDocs 1.x is no longer developed and Material for MkDocs reaches its end of life in May
2027 (docs/engines.md). ProperDocs runs MkDocs plugins and themes unchanged, with every
`mkdocs` import answered by `properdocs`; our pages, feeds, calendars and data must come out
the same, apart from the generator tag that names the engine.
"""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from city import BUILD_DATE, REPO

GENERATOR = re.compile(rb'<meta name="generator" content="([^"]*)">')


def build(engine: str, site: Path) -> subprocess.CompletedProcess[str]:
    """The repository's demo city built by `engine` (mkdocs or properdocs) into `site`."""
    env = {**os.environ, "BOVENWIJKS_BUILD_DATE": BUILD_DATE, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("BOVENWIJKS_SITE_URL", None)
    program = Path(sys.executable).with_name(engine)
    return subprocess.run(
        [str(program), "build", "--strict", "-f", str(REPO / "mkdocs.yml"), "-d", str(site)],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def files(site: Path) -> dict[str, bytes]:
    """Every file of a built site, as it would be compared: the sitemap unpacked (gzip
    stores the time it was packed), the engine's name taken out of the generator tag."""
    result = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        data = path.read_bytes()
        name = path.relative_to(site).as_posix()
        if name.endswith(".gz"):
            name, data = name.removesuffix(".gz"), gzip.decompress(data)
        if name.endswith(".html"):
            data = GENERATOR.sub(b'<meta name="generator" content="">', data)
        result[name] = data
    return result


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("engines")
    built = {}
    for engine in ("mkdocs", "properdocs"):
        result = build(engine, root / engine)
        assert result.returncode == 0, f"{engine} build failed:\n{result.stderr[-2000:]}"
        assert "WARNING" not in result.stderr, result.stderr
        built[engine] = root / engine
    return built


def test_properdocs_built_it(sites):
    """The second build really is ProperDocs' (it names itself, and Material sees it as MkDocs)."""
    generator = GENERATOR.search((sites["properdocs"] / "index.html").read_bytes()).group(1).decode()
    assert "ProperDocs" in generator and "mkdocs-material" in generator
    assert "ProperDocs" not in GENERATOR.search((sites["mkdocs"] / "index.html").read_bytes()).group(1).decode()


def test_every_page_feed_calendar_and_data_file_is_the_same(sites):
    ours, theirs = files(sites["mkdocs"]), files(sites["properdocs"])
    assert sorted(ours) == sorted(theirs)
    kinds = {name.rsplit(".", 1)[-1] for name in ours}
    assert {"html", "rss", "atom", "ics", "json", "xml"} <= kinds
    different = [name for name in ours if ours[name] != theirs[name]]
    assert different == []
