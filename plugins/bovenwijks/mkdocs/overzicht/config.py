"""Options of the `bovenwijks/overzicht` plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class OverzichtConfig(Config):
    """`plugins: - bovenwijks/overzicht: {...}` in mkdocs.yml."""

    # Items per page of every listing: no page grows with the city.
    per_page = c.Type(int, default=48)
    # How many activiteiten and berichten the home page shows.
    home_activiteiten = c.Type(int, default=6)
    home_berichten = c.Type(int, default=6)
