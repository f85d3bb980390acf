"""Options of the `bovenwijks/feeds` plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class FeedsConfig(Config):
    """`plugins: - bovenwijks/feeds: {...}` in mkdocs.yml."""

    # How many items each feed holds: the newest ones (in the agenda: the first upcoming).
    limit = c.Type(int, default=50)
    # The licence of the open data under /data/, as a URL residents and reusers can read.
    licentie = c.Type(str, default="https://creativecommons.org/licenses/by/4.0/deed.nl")
    # The mailing list of each wijk (by slug) and of the city (`stad`) that gets the weekly
    # nieuwsbrief: `{aan, aanmelden, afmelden}` (docs/nieuwsbrief.md). Configuration, not
    # content: the lists and their subscribers live with the wijk's mail provider.
    nieuwsbrief = c.Type(dict, default={})
