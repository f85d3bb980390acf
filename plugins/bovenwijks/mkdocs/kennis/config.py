"""Options of the `bovenwijks/kennis` plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from bovenwijks.city.kennisuitwisseling import MAX_MATCHES
from bovenwijks.site.kennispages import PER_PAGE


class KennisConfig(Config):
    """`plugins: - bovenwijks/kennis: {...}` in mkdocs.yml."""

    # How many matches a zoekt or biedt shows on the matches page and on initiatief pages;
    # the page of the onderwerp lists them all.
    max_matches = c.Type(int, default=MAX_MATCHES)
    # How many matches a page of /kennis/matches/ shows, and how many entries of each list
    # the page of an onderwerp shows, before the next page.
    per_page = c.Type(int, default=PER_PAGE)
