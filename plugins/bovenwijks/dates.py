"""Dates as editors write them, and as Dutch residents read them.

Editors write ISO dates (`2026-11-22`) as the contract asks, but `22-11-2026` and
`22 november 2026` are what Dutch people write, so we accept those too, with the weekday in
front (`zaterdag 19 juni 2027`, `za 19 juni 2027`) when it is the right one. Date-times are
local Amsterdam time unless they carry an offset.
"""

from __future__ import annotations

import os
import re
from datetime import date, datetime, time
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_time, get_day_names, get_month_names

TZ = ZoneInfo("Europe/Amsterdam")
LOCALE = "nl_NL"

_MONTHS = {name.lower(): number for number, name in get_month_names("wide", locale=LOCALE).items()}
_MONTHS.update({name.lower().rstrip("."): number for number, name in get_month_names("abbreviated", locale=LOCALE).items()})

# `zaterdag`, `za`, `za.`: 0 is Monday, as `date.weekday()` counts.
_WEEKDAYS = {
    name.lower().rstrip("."): number for width in ("wide", "abbreviated") for number, name in get_day_names(width, locale=LOCALE).items()
}

_DATE = (
    r"(?:(?P<dag>[a-z]+)\.?,?\s+)?"
    r"(?:(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})"
    r"|(?P<nd>\d{1,2})[-/.](?P<nm>\d{1,2})[-/.](?P<ny>\d{4})"
    r"|(?P<wd>\d{1,2})\s+(?P<wm>[a-z]+)\.?\s+(?P<wy>\d{4}))"
)
_TIME = r"(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?::(?P<s>\d{2}))?(?:\s*uur)?"
_OFFSET = r"(?P<tz>Z|[+-]\d{2}:?\d{2})"
_DATE_RE = re.compile(rf"^{_DATE}$", re.IGNORECASE)
_DATETIME_RE = re.compile(rf"^{_DATE}(?:(?:[ T]|,\s*|\s+om\s+){_TIME}\s*{_OFFSET}?)?$", re.IGNORECASE)
_TIME_RE = re.compile(rf"^{_TIME}$", re.IGNORECASE)

EXAMPLE_DATE = "2026-11-22"
# The day a build or check takes as today, when set: the demo city is built for a fixed day.
BUILD_DATE = "BOVENWIJKS_BUILD_DATE"
EXAMPLE_DATETIME = "2026-11-22 19:30"


def _day(match: re.Match[str]) -> date | None:
    """The date `match` names, whatever weekday it was written with."""
    g = match.groupdict()
    if g["dag"] and g["dag"].lower() not in _WEEKDAYS:
        return None
    try:
        if g["iy"]:
            return date(int(g["iy"]), int(g["im"]), int(g["id"]))
        if g["ny"]:
            return date(int(g["ny"]), int(g["nm"]), int(g["nd"]))
        month = _MONTHS.get(g["wm"].lower())
        return date(int(g["wy"]), month, int(g["wd"])) if month else None
    except ValueError:
        return None


def build_date(text: str = "") -> date:
    """The day a build takes as today: `text`, else $BOVENWIJKS_BUILD_DATE, else today.

    Raises ValueError, with a Dutch message, when the one given is no date.
    """
    text = text or os.environ.get(BUILD_DATE, "")
    if not text:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"build_date '{text}' is geen datum; schrijf YYYY-MM-DD, zoals 2026-11-23") from None


def _written_weekday(match: re.Match[str]) -> int | None:
    return _WEEKDAYS.get(match["dag"].lower()) if match["dag"] else None


def _date(match: re.Match[str]) -> date | None:
    """The date `match` names; None when it is none, or falls on another weekday than written."""
    day = _day(match)
    written = _written_weekday(match)
    return None if day is None or written not in (None, day.weekday()) else day


def month_names() -> list[str]:
    """Every Dutch month name a date may be written with (`november`, `nov`), in lower case."""
    return sorted(_MONTHS)


def weekday_names() -> list[str]:
    """Every Dutch weekday name a date may start with (`zaterdag`, `za`), in lower case."""
    return sorted(_WEEKDAYS)


def parse_date(text: str) -> date | None:
    """A date from `2026-11-22`, `22-11-2026` or `(zaterdag) 22 november 2026`; None if it is none."""
    match = _DATE_RE.match(text.strip())
    return _date(match) if match else None


def parse_time(text: str) -> time | None:
    """A time of day alone, as `_TIME` takes it after a date: `17:00`, `17.00`, `17:00 uur`."""
    match = _TIME_RE.match(text.strip())
    if not match:
        return None
    try:
        return time(int(match["h"]), int(match["mi"]), int(match["s"] or 0))
    except ValueError:
        return None


def wrong_weekday(text: str) -> tuple[date, int] | None:
    """The date of `text` and the weekday written with it, when that is another day; else None.

    `vrijdag 19 juni 2027` gives (2027-06-19, 4): the 19th is a Saturday.
    """
    match = _DATETIME_RE.match(text.strip())
    if not match:
        return None
    day, written = _day(match), _written_weekday(match)
    return (day, written) if day is not None and written not in (None, day.weekday()) else None


def parse_datetime(text: str) -> tuple[datetime, bool] | None:
    """A timezone-aware date-time, and whether it is a whole day (no time was given)."""
    match = _DATETIME_RE.match(text.strip())
    if not match:
        return None
    day = _date(match)
    if day is None:
        return None
    g = match.groupdict()
    if g["h"] is None:
        return datetime.combine(day, time(0, 0), TZ), True
    try:
        clock = time(int(g["h"]), int(g["mi"]), int(g["s"] or 0))
    except ValueError:
        return None
    value = datetime.combine(day, clock)
    if g["tz"]:
        offset = g["tz"].replace(":", "")
        stamp = value.isoformat() + ("+0000" if offset == "Z" else offset)
        return datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S%z"), False
    return value.replace(tzinfo=TZ), False


@lru_cache(maxsize=8192)  # babel is slow, and the same days return on thousands of pages
def dutch_date(value: date, *, weekday: bool = False) -> str:
    """`31 augustus 2016`, or `woensdag 31 augustus 2016` with `weekday`."""
    return format_date(value, "EEEE d MMMM y" if weekday else "d MMMM y", locale=LOCALE)


@lru_cache(maxsize=1024)
def dutch_day(value: date) -> str:
    """`zaterdag 28 november`: a day of the coming week, where the year goes without saying."""
    return format_date(value, "EEEE d MMMM", locale=LOCALE)


def dutch_time(value: datetime) -> str:
    """`19.30 uur`, in Amsterdam time, as Dutch style guides write it."""
    local = value.astimezone(TZ)
    return _clock(local.hour, local.minute)


def dutch_hours(start: datetime, eind: datetime | None, hele_dag: bool = False) -> str:
    """How long each time of a series lasts, in Amsterdam time, where the rule says which days.

    `19.30 tot 21.30 uur`, or `19.30 uur` without an end; over more days the weekdays say
    it (`vrijdag 18.00 uur tot zondag 17.00 uur`, `zaterdag tot en met zondag, de hele dag`).
    """
    begin, end = start.astimezone(TZ), eind.astimezone(TZ) if eind else None
    if end is not None and end.date() != begin.date():
        first, last = format_date(begin, "EEEE", locale=LOCALE), format_date(end, "EEEE", locale=LOCALE)
        return f"{first} tot en met {last}, de hele dag" if hele_dag else f"{first} {dutch_time(begin)} tot {last} {dutch_time(end)}"
    if hele_dag:
        return "de hele dag"
    if end is None:
        return dutch_time(begin)
    return f"{dutch_time(begin).removesuffix(' uur')} tot {dutch_time(end)}"


@lru_cache(maxsize=2048)
def _clock(hour: int, minute: int) -> str:
    return format_time(time(hour, minute), "H.mm", locale=LOCALE) + " uur"


def dutch_month(value: date) -> str:
    """`december 2026`, for grouping an agenda by month."""
    return _month(value.year, value.month)


@lru_cache(maxsize=1024)
def _month(year: int, month: int) -> str:
    return format_date(date(year, month, 1), "MMMM y", locale=LOCALE)
