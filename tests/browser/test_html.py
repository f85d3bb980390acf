"""The built demo site, read without a browser: a clean build, whole links, valid HTML, and a
Dutch, unique title on every page."""

from __future__ import annotations

import json
import subprocess
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import unavailable
from harness import VNU, missing_tool

from bovenwijks.tools.linkcheck import check_site

ALLOW = Path(__file__).with_name("vnu-allow.txt")


def test_the_demo_builds_without_a_warning(demo):
    # MkDocs' own `validation:` (links in Markdown, nav) warns; `mkdocs build --strict` fails on it.
    assert demo.warnings == []


def test_every_internal_link_and_anchor_resolves(demo):
    problems = check_site(demo.site, demo.url)
    assert not problems, "\n".join(map(str, problems[:40])) + (f"\n... en nog {len(problems) - 40}" if len(problems) > 40 else "")


def allowed() -> list[tuple[str, str]]:
    """The allow-list: (start of the message, text the markup must contain), each with a reason."""
    entries = []
    for line in ALLOW.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            message, _, markup = line.partition(" || ")
            entries.append((message.strip(), markup.strip()))
    return entries


def nu_errors(site: Path) -> list[dict]:
    """The Nu HTML checker's errors on every page of `site` (it takes a few seconds)."""
    reason = missing_tool(VNU, "java")
    if reason:
        unavailable(reason)
    done = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--skip-non-html", str(site)], capture_output=True, text=True, check=False
    )
    return [m for m in json.loads(done.stderr)["messages"] if m["type"] in ("error", "non-document-error")]


@pytest.fixture(scope="module")
def demo_nu_errors(demo) -> list[dict]:
    """The Nu HTML checker's errors on the demo site, checked once for this module."""
    return nu_errors(demo.site)


def test_the_nu_html_checker_finds_no_error_beyond_the_themes(demo, demo_nu_errors):
    entries = allowed()
    assert entries, "the allow-list is empty or unreadable"
    unexpected = [
        m
        for m in demo_nu_errors
        if not any(m["message"].startswith(message) and markup in m.get("extract", "") for message, markup in entries)
    ]
    lines = [
        f"{m['url'].removeprefix(demo.site.as_uri())}:{m.get('lastLine', '?')}: {m['message']}\n    {m.get('extract', '').strip()}"
        for m in unexpected[:30]
    ]
    assert not unexpected, f"{len(unexpected)} fouten van de Nu HTML checker:\n" + "\n".join(lines)


def test_the_allow_list_only_holds_what_the_theme_does(demo_nu_errors, tmp_path):
    # Every entry still matches something (or it is stale), and our own markup is not let off.
    for message, markup in allowed():
        assert any(m["message"].startswith(message) and markup in m.get("extract", "") for m in demo_nu_errors), (
            f"niet meer nodig: {message} || {markup}"
        )
    page = tmp_path / "index.html"
    page.write_text('<!doctype html><html lang="nl"><title>t</title><input type="checkbox" autocomplete="off" id="x">', encoding="utf-8")
    ours = nu_errors(tmp_path)
    assert ours and not any(
        m["message"].startswith(message) and markup in m.get("extract", "") for m in ours for message, markup in allowed()
    )


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.lang: str | None = None
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        if tag == "html":
            self.lang = dict(attrs).get("lang")
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def test_every_page_is_dutch_and_has_a_title_of_its_own(demo):
    titles = defaultdict(list)
    for page in sorted(demo.site.rglob("*.html")):
        head = _Head()
        head.feed(page.read_text(encoding="utf-8"))
        where = page.relative_to(demo.site).as_posix()
        assert head.lang == "nl", f"{where}: lang={head.lang!r}"
        assert head.title.strip(), f"{where} heeft geen titel"
        titles[" ".join(head.title.split())].append(where)
    assert len(titles) > 100, "the demo site is suspiciously small"
    same = {title: pages for title, pages in titles.items() if len(pages) > 1}
    assert not same, "pagina's met dezelfde titel:\n" + "\n".join(f"{t!r}: {', '.join(p)}" for t, p in same.items())
