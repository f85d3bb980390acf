"""A new city's repository: `bovenwijks nieuwe-stad ../utrecht --naam Utrecht`.

It writes the city's content (home, over, toegankelijkheid, the editors' guide, the vocabulary
and one example wijk with an initiatief, an activiteit and a bericht), its mkdocs.yml, a
pyproject.toml that pins the platform at this version, a Makefile, the workflows and a Dutch
README, from the files in `stadsjabloon/` (package data). A file ending in `.tmpl` is filled
in with `string.Template` (`${naam}`); the others (the Makefile and the workflows, full of `$`)
are copied as they are. Then the derived files (schemas/, CODEOWNERS, ...) are written by the
same generator as `bovenwijks genereer`, so the new city passes `make check` from the start.

The editors' guide has one source: `stadsjabloon/content/meedoen/index.md.tmpl`. Amersfoort's
`content/meedoen/index.md` is that guide filled in with Amersfoort's example wijk (a test
keeps the two the same).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from string import Template
from urllib.parse import urlsplit

from bovenwijks.content.load import load_stad
from bovenwijks.slug import slugify
from bovenwijks.tools import generate
from bovenwijks.tools.versie import versie

SJABLOON = Path(__file__).parent / "stadsjabloon"
GIDS = "content/meedoen/index.md.tmpl"
# The platform's home: its releases carry the wheels, its docs the upgrade guide.
PLATFORM = "bewoners033/bovenwijks"
SUFFIX = ".tmpl"
# Folders and files of the starter whose names package data cannot carry (a dot in front).
HERNOEMD = {"github": ".github", "gitignore": ".gitignore"}

# A city's or wijk's name as people write it: letters, digits, spaces and 's-Hertogenbosch's
# apostrophe and hyphen; it goes into YAML, Markdown and a file name.
NAAM_RE = re.compile(r"['’]?[^\W_][\w .'’-]{0,59}")
REPO_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{0,38}/[A-Za-z0-9._-]{1,100}")


class NieuweStadError(Exception):
    """Why the city cannot be written, in Dutch, for who asked."""


@dataclass(frozen=True)
class Gids:
    """What the editors' guide says of its city: its name, an example wijk and the editors' address."""

    stad: str
    wijk: str  # the example wijk's folder, `soesterkwartier`
    wijknaam: str  # `Soesterkwartier`
    in_wijk: str  # `in het Soesterkwartier`: Dutch puts an article before some names
    contact: str

    def tekst(self) -> str:
        """The guide filled in for this city."""
        return Template((SJABLOON / GIDS).read_text(encoding="utf-8")).substitute(vars(self))


@dataclass(frozen=True)
class Stad:
    """The new city's values, checked."""

    naam: str
    slug: str
    url: str
    repo: str
    wijknaam: str
    wijk: str
    versie: str
    vandaag: date

    @property
    def contact(self) -> str:
        """The editors' address, at the site's own host until the city sets its own."""
        return f"redactie@{urlsplit(self.url).hostname}"

    def waarden(self) -> dict[str, str]:
        """Every `${...}` of the starter's templates."""
        start = datetime.combine(self.vandaag + timedelta(days=14), datetime.min.time()).replace(hour=19, minute=30)
        return {
            "naam": self.naam,
            "naam_yaml": _yaml(self.naam),
            "slug": self.slug,
            "url": self.url,
            "url_yaml": _yaml(self.url),
            "edit_uri_yaml": _yaml(f"https://github.com/{self.repo}/edit/main/"),
            "site_name": _yaml(f"Bovenwijks {self.naam}"),
            "site_description": _yaml(f"Bewoners van alle wijken van {self.naam} delen hun initiatieven, agenda, nieuws en kennis."),
            "copyright": _yaml(f"Gemaakt door bewoners uit de wijken van {self.naam}."),
            "contact": self.contact,
            "platform": PLATFORM,
            "versie": self.versie,
            "wijk": self.wijk,
            "wijknaam": self.wijknaam,
            "wijknaam_yaml": _yaml(self.wijknaam),
            "repair_cafe_yaml": _yaml(f"Repair Café {self.wijknaam}"),
            "redactie_yaml": _yaml(f"Redactie {self.wijknaam}"),
            "vandaag": self.vandaag.isoformat(),
            "activiteit_start": start.strftime("%Y-%m-%d %H:%M"),
            "activiteit_eind": (start + timedelta(hours=2)).strftime("%Y-%m-%d %H:%M"),
        }

    def gids(self) -> Gids:
        """The editors' guide's values for this city."""
        return Gids(self.naam, self.wijk, self.wijknaam, f"in de wijk {self.wijknaam}", self.contact)


def _yaml(text: str) -> str:
    # A JSON string is a valid double-quoted YAML scalar: `'s-Hertogenbosch` stays text.
    return json.dumps(text, ensure_ascii=False)


def stad(naam: str, url: str | None = None, repo: str | None = None, wijk: str = "Centrum", vandaag: date | None = None) -> Stad:
    """The checked values of a new city named `naam`; NieuweStadError says what is wrong."""
    naam, wijknaam = naam.strip(), wijk.strip()
    for wat, waarde in (("--naam", naam), ("--wijk", wijknaam)):
        if not NAAM_RE.fullmatch(waarde) or not slugify(waarde):
            raise NieuweStadError(
                f"{wat} '{waarde}' is geen bruikbare naam; gebruik letters, cijfers, spaties en streepjes (ten hoogste 60 tekens), zoals 'Utrecht' of \"'s-Hertogenbosch\""
            )
    slug = slugify(naam)
    url = url or f"https://{slug}.bovenwijks.nl/"
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        raise NieuweStadError(f"--url '{url}' is geen webadres; schrijf het hele adres, zoals https://{slug}.bovenwijks.nl/")
    repo = repo or f"bewoners-{slug}/bovenwijks-{slug}"
    if not REPO_RE.fullmatch(repo):
        raise NieuweStadError(f"--repo '{repo}' is geen GitHub-repository; schrijf eigenaar/naam, zoals bewoners-{slug}/bovenwijks-{slug}")
    return Stad(naam, slug, url.rstrip("/") + "/", repo, wijknaam, slugify(wijknaam), versie(), vandaag or date.today())


def _doel(relatief: Path, stad: Stad) -> Path:
    parts = list(relatief.parts)
    parts[0] = HERNOEMD.get(parts[0], parts[0])
    if parts[0] == "wijk":
        parts[0:1] = ["wijken", stad.wijk]
    if parts[-1].endswith(SUFFIX):
        parts[-1] = parts[-1][: -len(SUFFIX)]
    return Path(*parts)


def schrijf(root: Path, stad: Stad) -> list[str]:
    """Write the new city under `root` (missing or empty); the paths written, in order."""
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise NieuweStadError(f"{root} bestaat al en is niet leeg; kies een nieuwe map, zodat er niets wordt overschreven")
    waarden = stad.waarden()
    geschreven = []
    for bron in sorted(p for p in SJABLOON.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        relatief = bron.relative_to(SJABLOON)
        doel = root / _doel(relatief, stad)
        doel.parent.mkdir(parents=True, exist_ok=True)
        if relatief.as_posix() == GIDS:
            doel.write_text(stad.gids().tekst(), encoding="utf-8")
        elif bron.name.endswith(SUFFIX):
            doel.write_text(Template(bron.read_text(encoding="utf-8")).substitute(waarden), encoding="utf-8")
        else:
            doel.write_bytes(bron.read_bytes())
        geschreven.append(doel.relative_to(root).as_posix())
    # The same derived files as `bovenwijks genereer` writes, so that `make check` passes at once.
    geschreven += generate.write(root, load_stad(root, naam=stad.naam, vandaag=stad.vandaag))
    return geschreven


HELP = "maak de repository van een nieuwe stad, met een voorbeeldwijk, die het platform als pakket gebruikt"


def arguments(parser: argparse.ArgumentParser) -> None:
    """The options of `bovenwijks nieuwe-stad`."""
    parser.add_argument("map", metavar="MAP", help="de nieuwe map van de stad (mag nog niet bestaan, of moet leeg zijn)")
    parser.add_argument("--naam", required=True, help="de naam van de stad, zoals 'Utrecht'")
    parser.add_argument("--url", help="het adres van de site (standaard: https://<stad>.bovenwijks.nl/)")
    parser.add_argument(
        "--repo",
        help="de repository op GitHub, eigenaar/naam, voor de links 'Pagina aanpassen' (standaard: bewoners-<stad>/bovenwijks-<stad>)",
    )
    parser.add_argument("--wijk", default="Centrum", help="de naam van de voorbeeldwijk (standaard: Centrum)")


def run(args: argparse.Namespace) -> int:
    """Write the city and say what comes next; 2 when the folder or a value is not usable."""
    root = Path(args.map)
    try:
        nieuw = stad(args.naam, args.url, args.repo, args.wijk)
        geschreven = schrijf(root, nieuw)
    except NieuweStadError as error:
        print(f"bovenwijks nieuwe-stad: {error}", file=sys.stderr)
        return 2
    for path in geschreven:
        print(f"Gemaakt: {path}")
    print(
        f"\nDe repository van {nieuw.naam} staat in {root}, met bovenwijks {nieuw.versie}. Wat nu:\n"
        f"  cd {root}\n"
        "  make test      # zet alles klaar, controleert de inhoud en bouwt de site\n"
        "  make serve     # de site op http://127.0.0.1:8000\n"
        f"Zet daarna de echte redactie in wijken/{nieuw.wijk}/index.md en draai make genereer; README.md zegt wat er verder te doen is."
    )
    return 0
