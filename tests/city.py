"""A small city in a temporary folder, built with the real MkDocs build.

Tests write wijken with `City`, build them, and read what residents and editors would see:
the HTML of pages, the feeds, and the warnings the build prints.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
BUILD_DATE = "2026-11-23"
SITE_URL = "https://stad.example/"

PLUGINS = ["wijken", "overzicht", "kennis", "feeds"]

# The frontmatter of a valid initiatief, up to (not including) its closing `---`, for tests
# that write bad input by changing one line of it.
INITIATIEF_FRONTMATTER = """---
titel: Repair Café
samenvatting: We repareren samen.
status: actief
themas:
  - ontmoeting
contact:
  naam: Jan
  email: jan@example.org
"""


@cache
def project_config() -> dict[str, Any]:
    """The repository's own mkdocs.yml, as MkDocs reads its YAML (`!ENV` included)."""
    from mkdocs.utils.yaml import yaml_load

    with open(REPO / "mkdocs.yml", encoding="utf-8") as file:
        return yaml_load(file)


@cache
def plugin_class(name: str) -> type:
    """The class of the plugin `bovenwijks/<name>`, loaded as MkDocs loads it.

    A plugin that is not registered, or that fails to import, fails the test that asked for it:
    a city built without it would pass the tests that look for what it must not do.
    """
    found = entry_points(group="mkdocs.plugins", name=f"bovenwijks/{name}")
    if not found:
        raise LookupError(f"bovenwijks/{name} is not registered as a MkDocs plugin (pyproject.toml, [project.entry-points])")
    return next(iter(found)).load()


def git(repo: Path, *args: str, when: datetime | None = None) -> None:
    """Run git in `repo` as an editor with a fixed name, committing at `when` if given."""
    env = {**os.environ, "GIT_AUTHOR_NAME": "Redactie", "GIT_AUTHOR_EMAIL": "redactie@example.org"}
    env |= {"GIT_COMMITTER_NAME": "Redactie", "GIT_COMMITTER_EMAIL": "redactie@example.org"}
    if when is not None:
        env |= {"GIT_AUTHOR_DATE": when.isoformat(), "GIT_COMMITTER_DATE": when.isoformat()}
    subprocess.run(["git", "-C", str(repo), *args], env=env, check=True, capture_output=True)


@dataclass
class BuildResult:
    """What a build left behind: the site folder and the warnings it logged."""

    site: Path
    warnings: list[str] = field(default_factory=list)
    error: str | None = None

    def page(self, url: str) -> str:
        """The HTML of the page at `url` (`wijken/oost/`), relative to the site root."""
        path = self.site / url
        if url.endswith("/") or url == "":
            path = path / "index.html"
        return path.read_text(encoding="utf-8")

    def listing(self, base: str) -> str:
        """The HTML of every page of the paginated listing at `base` (`initiatieven/`), joined."""
        html, number = [], 1
        while self.exists(base if number == 1 else f"{base}{number}/"):
            html.append(self.page(base if number == 1 else f"{base}{number}/"))
            number += 1
        return "\n".join(html)

    def article(self, url: str) -> str:
        """The page's own content (the `<article>`), without the theme's navigation and contents."""
        html = self.page(url)
        start = html.index('<article class="md-content__inner')
        return html[start : html.index("</article>", start)]

    def exists(self, url: str) -> bool:
        """Whether the page or file at `url` was written."""
        path = self.site / url
        return (path / "index.html").exists() if url.endswith("/") or url == "" else path.exists()


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class City:
    """A city under `root`: mkdocs.yml, content/ and wijken/, written by a test."""

    def __init__(self, root: Path, plugins: list[str] | None = None, extra_config: dict[str, Any] | None = None):
        self.root = root
        (root / "content").mkdir(parents=True, exist_ok=True)
        (root / "wijken").mkdir(exist_ok=True)
        shutil.copy(REPO / "content" / "vocabulaire.yml", root / "content" / "vocabulaire.yml")
        (root / "content" / "index.md").write_text("---\ntitle: Testsstad\n---\n\nWelkom in de teststad.\n", encoding="utf-8")
        self.plugins = list(plugins or PLUGINS)
        self.extra_config = extra_config or {}
        self.write_config()

    def write_config(self, **overrides: Any) -> None:
        """Write mkdocs.yml: the platform's plugins, a fixed build date and a site URL."""
        for name in self.plugins:
            plugin_class(name)
        theme = project_config()["theme"]
        config: dict[str, Any] = {
            "site_name": "Teststad",
            "site_url": SITE_URL,
            "docs_dir": "content",
            "edit_uri": "https://github.com/test/stad/edit/main/",
            # The project's theme, language, fonts (none from another host) and features, so that
            # tests see what residents get.
            # Our templates come with the wijken plugin, as in a city that installed the package.
            "theme": {key: theme[key] for key in ("name", "language", "font", "features")},
            "plugins": [{"search": {"lang": "nl"}}]
            + [{f"bovenwijks/{p}": {"build_date": BUILD_DATE} if p == "wijken" else {}} for p in self.plugins],
            "markdown_extensions": ["attr_list", "md_in_html", "tables"],
        }
        config.update(self.extra_config)
        config.update(overrides)
        (self.root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")

    # -- writing content ---------------------------------------------------------------

    def write(self, path: str, text: str | bytes) -> Path:
        """Write a file exactly as given (for bad input: BOMs, CRLF, broken YAML)."""
        file = self.root / path
        file.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            file.write_bytes(text)
        else:
            file.write_text(text, encoding="utf-8")
        return file

    def foto(self, path: str, size: tuple[int, int] = (1600, 1200), colour: str = "#3a7d44", **save: Any) -> Path:
        """A photo at `path`: a JPEG (or what the suffix says) with a block of colour, saved with `save`."""
        from PIL import Image, ImageDraw

        image = Image.new("RGB", size, colour)
        ImageDraw.Draw(image).rectangle((0, 0, size[0] // 3, size[1] // 3), fill="#f4c430")
        file = self.root / path
        file.parent.mkdir(parents=True, exist_ok=True)
        image.save(file, **save)
        return file

    def page(self, path: str, frontmatter: dict[str, Any], body: str = "") -> Path:
        """Write a Markdown file with `frontmatter` as YAML."""
        dumped = yaml.safe_dump(frontmatter, allow_unicode=True, sort_keys=False, default_flow_style=False)
        return self.write(path, f"---\n{dumped}---\n\n{body}\n")

    def wijk(self, slug: str, naam: str | None = None, **keys: Any) -> Path:
        """A wijk's index.md with its required keys."""
        fm = {"naam": naam or slug.replace("-", " ").title(), "samenvatting": f"De wijk {slug}.", "redactie": [f"redactie-{slug}"]}
        fm.update(keys)
        return self.page(f"wijken/{slug}/index.md", fm, f"Over {slug}.")

    def wijkplan(self, wijk: str, prioriteiten: list[dict[str, str]], jaar: int = 2026) -> Path:
        """A wijkplan with these prioriteiten."""
        return self.page(f"wijken/{wijk}/wijkplan.md", {"jaar": jaar, "prioriteiten": prioriteiten}, "Het wijkplan.")

    def initiatief(self, wijk: str, slug: str, body: str = "Over dit initiatief.", **keys: Any) -> Path:
        """An initiatief with every required key filled in."""
        fm = {
            "titel": slug.replace("-", " ").capitalize(),
            "samenvatting": f"Samenvatting van {slug}.",
            "status": "actief",
            "themas": ["ontmoeting"],
            "contact": {"naam": "Jan", "email": "jan@example.org"},
        }
        fm.update(keys)
        return self.page(f"wijken/{wijk}/initiatieven/{slug}.md", fm, body)

    def activiteit(self, wijk: str, slug: str, start: str = "2026-12-10 19:30", body: str = "Kom ook.", **keys: Any) -> Path:
        """An activiteit with every required key filled in."""
        fm = {"titel": slug.replace("-", " ").capitalize(), "start": start, "locatie": "Buurthuis"}
        fm.update(keys)
        return self.page(f"wijken/{wijk}/agenda/{slug}.md", fm, body)

    def bericht(self, wijk: str, slug: str, datum: str = "2026-11-20", body: str = "Het nieuws.", **keys: Any) -> Path:
        """A bericht with every required key filled in."""
        fm = {"titel": slug.replace("-", " ").capitalize(), "datum": datum}
        fm.update(keys)
        return self.page(f"wijken/{wijk}/nieuws/{slug}.md", fm, body)

    def kennis(
        self, wijk: str, slug: str, soort: str = "vraag", onderwerpen: list[str] | None = None, body: str = "Wie weet het?", **keys: Any
    ) -> Path:
        """A kennis item with every required key filled in."""
        fm = {
            "titel": slug.replace("-", " ").capitalize(),
            "soort": soort,
            "onderwerpen": onderwerpen or ["vrijwilligers-werven"],
            "datum": "2026-11-01",
        }
        fm.update(keys)
        return self.page(f"wijken/{wijk}/kennis/{slug}.md", fm, body)

    # -- history -------------------------------------------------------------------------

    def commit(self, message: str, when: datetime) -> None:
        """Commit every file of the city at `when`, in a git repository made at its root if need be."""
        if not (self.root / ".git").exists():
            git(self.root, "init", "-q")
            (self.root / ".gitignore").write_text("site/\n", encoding="utf-8")
        git(self.root, "add", "-A")
        git(self.root, "commit", "-q", "-m", message, when=when)

    def rename(self, old: str, new: str) -> None:
        """Rename a file or folder as git does (`git mv`); `commit` records it."""
        (self.root / new).parent.mkdir(parents=True, exist_ok=True)
        git(self.root, "mv", old, new)

    # -- building and checking ---------------------------------------------------------

    def build(self, strict: bool = False) -> BuildResult:
        """Build the site in-process with the real MkDocs; collect its warnings.

        A strict build that fails returns its error in `error` instead of raising.
        """
        from mkdocs.commands.build import build
        from mkdocs.config import load_config
        from mkdocs.exceptions import Abort, MkDocsException

        capture = _Capture()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(capture)
        result = BuildResult(self.root / "site")
        try:
            config = load_config(config_file=str(self.root / "mkdocs.yml"), strict=strict)
            build(config)
        except (Abort, MkDocsException, SystemExit) as error:
            result.error = str(error) or type(error).__name__
        finally:
            logger.removeHandler(capture)
        result.warnings = capture.messages
        return result

    def check(self, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        """Run `scripts/check` on this city as an editor would."""
        import os

        environment = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
        environment.update(env or {})
        return subprocess.run(
            [sys.executable, str(REPO / "scripts" / "check"), "--root", str(self.root), *args],
            capture_output=True,
            text=True,
            env=environment,
            check=False,
        )
