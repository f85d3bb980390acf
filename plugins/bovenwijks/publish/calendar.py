"""Calendars (iCalendar, RFC 5545) of the city's and each wijk's activiteiten, with icalendar.

Residents subscribe to them in their calendar app, which fetches the file again now and
then. Everything in it comes from the content, so that a rebuild of the same content gives
the same bytes: UID from the identity, DTSTAMP from the activiteit's start.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlsplit

from icalendar import Calendar, Event, Timezone

from bovenwijks.dates import TZ
from bovenwijks.model import Activiteit, Stad
from bovenwijks.publish.links import excerpt

MEDIA_TYPE = "text/calendar"
BESCHRIJVING = 500  # characters of the activiteit's text in an event's description, at most


@dataclass
class Kalender:
    """One calendar file and the activiteiten in it."""

    naam: str  # its place under `kalender/`: `stad`, `wijken/oost`
    titel: str
    beschrijving: str
    pagina: str  # the HTML page with the same activiteiten, relative to the site root
    activiteiten: list[Activiteit] = field(default_factory=list)

    @property
    def path(self) -> str:
        """The .ics file, relative to the site root."""
        return f"kalender/{self.naam}.ics"


def kalenders(stad: Stad) -> list[Kalender]:
    """The city's calendar and one per wijk, each with every activiteit, past ones too.

    A subscribed calendar keeps what it shows in step with the file: an activiteit that
    left the file would vanish from the resident's calendar once it is over.
    """
    result = [Kalender("stad", f"Agenda {stad.naam}", f"Activiteiten in alle wijken van {stad.naam}.", "agenda/", stad.activiteiten())]
    for wijk in stad.wijken.values():
        activiteiten = sorted(wijk.agenda, key=lambda a: (a.start, a.identity))
        result.append(
            Kalender(f"wijken/{wijk.slug}", f"Agenda {wijk.naam}", f"Activiteiten in {wijk.naam} ({stad.naam}).", wijk.url, activiteiten)
        )
    return result


def _local(value: datetime) -> datetime:
    return value.astimezone(TZ)


def _end(activiteit: Activiteit) -> date | datetime | None:
    if activiteit.hele_dag:
        # A whole-day event ends (exclusively) at the start of the day after its last day.
        last = _local(activiteit.eind).date() if activiteit.eind else _local(activiteit.start).date()
        return last + timedelta(days=1)
    return _local(activiteit.eind) if activiteit.eind else None


def _locatie(activiteit: Activiteit, stad: Stad) -> str:
    # Calendar apps look the location up on a map: the city's name keeps it in Amersfoort.
    if stad.naam.lower() in activiteit.locatie.lower():
        return activiteit.locatie
    return f"{activiteit.locatie}, {stad.naam}"


def _beschrijving(activiteit: Activiteit, stad: Stad, url: str, body: str) -> str:
    wijk = stad.wijken[activiteit.wijk]
    organisator = wijk.initiatief(activiteit.initiatief) if activiteit.initiatief else None
    wie = f"Georganiseerd door {organisator.titel} ({wijk.naam})." if organisator else f"Een activiteit in {wijk.naam}."
    # The first paragraph, not the whole text: apps show it in a small panel, and fetch the
    # file twice a day, so it should stay small as the years add up. The page has the rest,
    # and calendar apps hardly show the URL property: the link goes into the text.
    return "\n\n".join(p for p in (excerpt(body, limit=BESCHRIJVING), wie, f"Meer informatie: {url}") if p)


def _event(activiteit: Activiteit, stad: Stad, site_url: str, host: str, body: str) -> Event:
    url = site_url + activiteit.url
    event = Event()
    event.add("uid", f"{activiteit.identity}@{host}")
    # DTSTAMP is required; the build time would make every build differ, so the start it is.
    event.add("dtstamp", activiteit.start.astimezone(UTC))
    if activiteit.hele_dag:
        event.add("dtstart", _local(activiteit.start).date())
    else:
        event.add("dtstart", _local(activiteit.start))
    end = _end(activiteit)
    if end is not None:
        event.add("dtend", end)
    event.add("summary", activiteit.titel)
    event.add("location", _locatie(activiteit, stad))
    event.add("description", _beschrijving(activiteit, stad, url, body))
    event.add("url", url)
    themas = [stad.vocabulaire.thema_naam(t) for t in stad.activiteit_themas(activiteit)]
    if themas:
        event.add("categories", themas)
    event.add("class", "PUBLIC")
    # Going to a buurtbijeenkomst is a choice: it should not mark the resident as busy.
    event.add("transp", "TRANSPARENT")
    return event


_FOLD = 74  # octets on a line before a fold: icalendar keeps each line under 75


def fold(line: str) -> bytes:
    """One content line as icalendar writes it: UTF-8, folded at 75 octets (RFC 5545 3.1).

    The same bytes as icalendar's own folding, which looks at every character in Python:
    for the descriptions of thousands of activiteiten that was the largest part of writing
    the calendars. Here a line is cut by its octets: never inside a character, and never
    right after a backslash or caret, so that an escape stays whole (as in icalendar).
    """
    data = line.encode("utf-8")
    if len(data) <= _FOLD:
        return data
    parts, start = [], 0
    while len(data) - start > _FOLD:
        end = start + _FOLD
        while data[end] & 0xC0 == 0x80:  # a UTF-8 continuation byte: cut before its character
            end -= 1
        if data[end - 1] in b"\\^":
            end -= 1
        parts.append(data[start:end])
        start = end
    parts.append(data[start:])
    return b"\r\n ".join(parts)


class Events:
    """Each activiteit's VEVENT as iCalendar text, made once: it is in the city's calendar
    and in its wijk's, and serialising is most of the work of writing a calendar."""

    def __init__(self, stad: Stad, site_url: str, bodies: Mapping[str, str]) -> None:
        self.stad, self.site_url, self.bodies = stad, site_url, bodies
        self.host = urlsplit(site_url).hostname or "bovenwijks"
        self._ical: dict[str, bytes] = {}

    def __call__(self, activiteit: Activiteit) -> bytes:
        """The VEVENT of `activiteit`, from `BEGIN:VEVENT` to `END:VEVENT`, folded, CRLF."""
        ical = self._ical.get(activiteit.identity)
        if ical is None:
            event = _event(activiteit, self.stad, self.site_url, self.host, self.bodies.get(activiteit.identity, ""))
            ical = self._ical[activiteit.identity] = b"\r\n".join(fold(line) for line in event.content_lines() if line) + b"\r\n"
        return ical


_END = b"END:VCALENDAR\r\n"


def ics(kalender: Kalender, stad: Stad, site_url: str, bodies: Mapping[str, str], events: Events | None = None) -> bytes:
    """The calendar as an iCalendar file: CRLF line endings, lines folded at 75 octets.

    `bodies` maps an activiteit's identity to its body as HTML; its text becomes the
    event's description, followed by the link to its page. Calendars that share `events`
    share the serialised events.
    """
    events = events or Events(stad, site_url, bodies)
    calendar = Calendar()
    calendar.add("prodid", f"-//Bovenwijks//Agenda {stad.naam}//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", kalender.titel)
    calendar.add("x-wr-calname", kalender.titel)  # the name Google and Apple show
    calendar.add("description", kalender.beschrijving)
    calendar.add("x-wr-caldesc", kalender.beschrijving)
    calendar.add("x-wr-timezone", "Europe/Amsterdam")
    calendar.add("url", site_url + kalender.pagina)
    # A hint for apps that honour it: look for new activiteiten twice a day.
    calendar.add("refresh-interval", timedelta(hours=12), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT12H")
    if any(not a.hele_dag for a in kalender.activiteiten):
        # `_event` gives times in TZ, and whole days as dates: TZ is the one VTIMEZONE needed.
        # Its transitions cover the years the activiteiten are in; the range comes from the
        # content (not from the clock or a library default) so that the file stays the same.
        years = [_local(a.start).year for a in kalender.activiteiten] + [_local(a.eind).year for a in kalender.activiteiten if a.eind]
        calendar.add_component(Timezone.from_tzid(TZ.key, first_date=date(min(years), 1, 1), last_date=date(max(years) + 1, 1, 1)))
    head = calendar.to_ical()
    return head.removesuffix(_END) + b"".join(events(a) for a in kalender.activiteiten) + _END
