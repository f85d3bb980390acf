"""Options of the `bovenwijks/wijken` plugin."""

from __future__ import annotations

from datetime import date

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class WijkenConfig(Config):
    """`plugins: - bovenwijks/wijken: {...}` in mkdocs.yml."""

    # The city, as residents name it.
    stad = c.Type(str, default="Amersfoort")
    # The folder of the wijken, relative to mkdocs.yml.
    wijken_dir = c.Type(str, default="wijken")
    # The day the site is built for (YYYY-MM-DD): what is "upcoming" depends on it. Empty means
    # today; set it (or BOVENWIJKS_BUILD_DATE) for a reproducible build.
    build_date = c.Type((str, date), default="")
    # The parts of Material's frame that pages leave out, unless a page sets `hide` itself:
    # residents read the site, they don't study it like a manual (no sidebar, no table of
    # contents). The editors' guide keeps its table of contents with `hide: [navigation]`.
    # Where the copies of photos and the share cards are kept between builds, relative to
    # mkdocs.yml (the deploy workflow caches it too). Only what is not there is made.
    cache_dir = c.Type(str, default=".cache/bovenwijks")
    # The background of the share cards (`#4051b5`); empty: the theme's primary colour.
    share_colour = c.Type(str, default="")
    # The cities this city exchanges knowledge with: a list of `{naam, url}`, the address of
    # each city's bovenwijks site. `bovenwijks ophalen` fetches their open data into
    # `wijken/_steden/`; the kennis pages show who there offers what (content/steden.py).
    andere_steden = c.ListOfItems(c.Type(dict), default=[])
    hide = c.ListOfItems(c.Choice(("navigation", "toc", "footer", "path", "tags", "feedback")), default=["navigation", "toc"])
