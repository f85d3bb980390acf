"""What the site search reads of a page: the text residents wrote, not the lists around it.

Our templates wrap what repeats other pages (a wijk's list of its items, the cards of an
overview, the facts beside an item) between `OVERSLAAN` and `EINDE`. Before the search
indexes a page, those parts are taken out and kept; afterwards they go back in place. A
search for "moestuin" then leads to the moestuin's own page, not to every overview that
lists it, and the search does not parse half of every page for nothing: at 10,000 items
that parsing was an eighth of the build.
"""

from __future__ import annotations

import re

# How the search ranks a page of each kind against the others (1 is normal, see
# `SitePage.boost`): residents looking for help or something to do find the help pages,
# initiatieven and activiteiten before what organisers ask each other (issue 13).
GEWICHT = {
    "hulp": 3.0,
    "initiatief": 2.0,
    "activiteit": 2.0,
    "wijk": 1.5,
    "bericht": 1.0,
    "kennis": 0.5,
}

OVERSLAAN = "<!--zoeken:overslaan-->"
EINDE = "<!--/zoeken:overslaan-->"

_PART = re.compile(re.escape(OVERSLAAN) + "(.*?)" + re.escape(EINDE), re.S)
_PLACE = re.compile(r"<!--zoeken:(\d+)-->")


def split(html: str) -> tuple[str, list[str]]:
    """`html` without its marked parts, each replaced by a placeholder, and the parts."""
    if OVERSLAAN not in html:
        return html, []
    parts: list[str] = []

    def keep(match: re.Match[str]) -> str:
        parts.append(match.group(1))
        return f"<!--zoeken:{len(parts) - 1}-->"

    return _PART.sub(keep, html), parts


def join(html: str, parts: list[str]) -> str:
    """`html` with the `parts` that `split` took out back in their places."""
    if not parts:
        return html

    def put(match: re.Match[str]) -> str:
        index = int(match.group(1))
        # An editor may write any comment; only our own placeholders are replaced.
        return parts[index] if index < len(parts) else match.group(0)

    return _PLACE.sub(put, html)
