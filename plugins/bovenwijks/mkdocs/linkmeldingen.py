"""MkDocs' own warnings about links that `bovenwijks check` already reported, left out.

`content.links` checks every link in a page's text in Dutch, on its line, with the link to
write. MkDocs then warns again about the same link, in English and without a line, and
`mkdocs build --strict` counts both. A filter on MkDocs' logger drops its warning exactly
when our check reported the same link (the same page, the link as written), and lets every
other one through as it is: a link our check did not judge (a page our plugins make of the
whole city) is still reported, so nothing is hidden.
"""

from __future__ import annotations

import logging
import re

LOGGER = "mkdocs.structure.pages"  # where MkDocs 1.6 validates links and anchors

# "Doc file 'x.md' contains a link 'y', but …", "… an absolute link 'y', it was left as is.",
# "… an unrecognized relative link 'y', it was left as is."
_WARNING = re.compile(
    r"^Doc file '(?P<page>.+?)' contains (?:a link|an absolute link|an unrecognized relative link) '(?P<link>.*?)'"
    r"(?:, but |, it was left as is\.)"
)


def link_warning(message: str) -> tuple[str, str] | None:
    """(the page's place, the link as written) of a MkDocs link warning; None for any other message."""
    found = _WARNING.match(message)
    return (found.group("page"), found.group("link")) if found else None


class DubbeleLinks(logging.Filter):
    """Drops MkDocs' warning about a link when our check reported it: `gemeld` holds
    (the page's place, the link as written) of each."""

    def __init__(self) -> None:
        super().__init__("bovenwijks")
        self.gemeld: set[tuple[str, str]] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.gemeld or record.levelno < logging.WARNING:
            return True
        return link_warning(record.getMessage()) not in self.gemeld

    def install(self) -> None:
        """Put the filter on MkDocs' logger, empty (once: `mkdocs serve` rebuilds with the same plugin)."""
        self.gemeld = set()
        logging.getLogger(LOGGER).addFilter(self)

    def remove(self) -> None:
        """Take the filter off again: another build in the same process starts without it."""
        logging.getLogger(LOGGER).removeFilter(self)
        self.gemeld = set()
