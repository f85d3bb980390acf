"""The demo site as a resident's browser meets it: built, served on 127.0.0.1, seen by Chromium.

Shared by the browser tests (tests/browser/conftest.py) and `scripts/screenshots`. Nothing
here needs the internet: the site is served from a local folder, and Chromium is started
with every background connection switched off.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BUILD_DATE = "2026-11-23"
CHROMIUM = Path(os.environ.get("BOVENWIJKS_CHROMIUM", "/usr/bin/chromium"))
# The machine's network is closed, and a resident's visit goes to no third party: without
# these, Chromium phones home for updates, sync and field trials.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NODE_MODULES = REPO / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"


@dataclass
class Build:
    """A built site, the address it was built for, and the warnings MkDocs printed."""

    site: Path
    url: str
    warnings: list[str] = field(default_factory=list)


def build_demo(site: Path, url: str, build_date: str = BUILD_DATE) -> Build:
    """Build the repository's demo city into `site` for `build_date`, as `make build` does.

    `url` is where it is served: the absolute links of feeds and calendars point there, as
    they point at the site's own address when it is published.
    """
    env = {**os.environ, "BOVENWIJKS_BUILD_DATE": build_date, "BOVENWIJKS_SITE_URL": url, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--clean", "--config-file", str(REPO / "mkdocs.yml"), "--site-dir", str(site)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"de demostad bouwt niet:\n{done.stderr}")
    warnings = [line for line in done.stderr.splitlines() if line.startswith("WARNING")]
    return Build(site, url, warnings)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:
        pass  # a test's output is about the site, not about every request


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve `site` on 127.0.0.1 at a free port; yields the base URL (`http://127.0.0.1:PORT/`)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, name="bovenwijks-site", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def missing_browser() -> str | None:
    """Why Chromium cannot be driven here, or None when it can."""
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "Playwright ontbreekt: installeer de test-extra (make test doet dat)"
    if not CHROMIUM.is_file():
        return f"Chromium ontbreekt op {CHROMIUM}: installeer het met `apt-get install chromium`"
    return None


def missing_tool(path: Path, *commands: str) -> str | None:
    """Why an npm tool at `path` (or a program it needs) is not there, or None."""
    for command in commands:
        if shutil.which(command) is None:
            return f"{command} ontbreekt: installeer het (.ci/run doet dat met apt-get)"
    if not path.is_file():
        return f"{path.relative_to(REPO)} ontbreekt: voer `npm ci --ignore-scripts` uit (make test doet dat)"
    return None


def launch(playwright):
    """Start Debian's Chromium, headless, with no connection of its own."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


@dataclass(frozen=True)
class Stop:
    """A page a resident visits: its URL, and the word typed into the search there, if any."""

    name: str
    url: str
    zoek: str | None = None


# One page of every kind a resident meets. The browser tests run over all of them.
PAGES = [
    Stop("home", ""),
    Stop("wijk", "wijken/soesterkwartier/"),
    Stop("wijklijst", "wijken/soesterkwartier/alle/initiatieven/"),  # a wijk's whole list
    Stop("initiatief", "wijken/soesterkwartier/initiatieven/repair-cafe/"),
    Stop("activiteit", "wijken/soesterkwartier/agenda/repair-cafe/"),
    Stop("bericht", "wijken/soesterkwartier/nieuws/repair-cafe-viert-vijfhonderdste-reparatie/"),  # a photo in its text
    Stop("wijken", "wijken/"),
    Stop("helpen", "helpen/"),
    Stop("initiatieven", "initiatieven/"),
    Stop("thema", "themas/ontmoeting/"),
    Stop("agenda", "agenda/"),
    Stop("kennis", "kennis/"),
    Stop("onderwerp", "kennis/vrijwilligers-werven/"),
    Stop("matches", "kennis/matches/"),
    Stop("hulp", "hulp/"),
    Stop("hulpvraag", "hulp/vervoer/"),
    Stop("volgen", "volgen/"),
    Stop("nieuwsbrief", "nieuwsbrief/soesterkwartier/"),
    Stop("toegankelijkheid", "toegankelijkheid/"),
    Stop("niet-gevonden", "404.html"),  # what a host sends for an address that does not exist
    Stop("zoekresultaten", "", zoek="vrijwilligers"),
]


def search(page, term: str) -> None:
    """Type `term` into Material's search, as a resident would, and wait for its results."""
    page.keyboard.press("/")  # Material's shortcut: it opens the search at every screen width
    page.locator(".md-search__input").press_sequentially(term, delay=20)
    # "Niets gevonden", "1 pagina gevonden", "3 pagina's gevonden" (assets/bovenwijks/zoeken.js)
    page.locator(".md-search-result__meta").filter(has_text="gevonden").wait_for()
