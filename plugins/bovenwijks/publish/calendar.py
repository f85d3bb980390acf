"""Calendars (iCalendar, RFC 5545) of the city's and each wijk's activiteiten, with icalendar.

Residents subscribe to them in their calendar app, which fetches the file again now and
then; and every activiteit has a file of its own to put in one's agenda ("zet in je
agenda"). Everything in them comes from the content, so that a rebuild of the same content
gives the same bytes: UID from the identity, DTSTAMP from when the activiteit's file
changed (or its start), the time zone's years from the activiteiten.

A series (`herhaling`) is one VEVENT with an RRULE, as `bovenwijks.herhaling` reckons its
times: a `behalve` date without a reason is an EXDATE, one with a reason an instance of its
own (RECURRENCE-ID) that is cancelled. Calendar apps then show what the pages list.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from icalendar import Calendar, Component, Event, Timezone, vRecur

from bovenwijks.dates import TZ
from bovenwijks.herhaling import GAAT_NIET_DOOR, beschrijving, eindig, keren, laatste, rrule_waarden
from bovenwijks.model import Activiteit, Stad, Tijdvak
from bovenwijks.publish.links import excerpt

MEDIA_TYPE = "text/calendar"
BESCHRIJVING = 500  # characters of the activiteit's text in an event's description, at most

# How many years past the city's latest activiteit the time zone of a series that goes on
# covers (see `Events.jaren`).
JAREN_VOORUIT = 5
# How many years past its first time the time zone of a series with an end covers at most:
# a `tot` further ahead ("9999-12-31", for ever) is as good as none, and would make the time
# zone of every calendar it is in longer than all its events (and past what dates can hold).
JAREN_HOOGSTENS = 100


@dataclass
class Kalender:
    """One calendar file and the activiteiten in it."""

    naam: str  # its place under `kalender/`: `stad`, `wijken/oost`; an activiteit's identity
    titel: str
    beschrijving: str
    pagina: str  # the HTML page with the same activiteiten, relative to the site root
    activiteiten: list[Activiteit] = field(default_factory=list)
    bestand: str | None = None  # one activiteit's file, beside its page (`Activiteit.ics`)

    @property
    def path(self) -> str:
        """The .ics file, relative to the site root."""
        return self.bestand or f"kalender/{self.naam}.ics"

    @property
    def abonnement(self) -> bool:
        """Whether residents subscribe to it (the city's, a wijk's), or put its one activiteit in their own agenda."""
        return self.bestand is None


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


def eigen_kalender(activiteit: Activiteit) -> Kalender:
    """The file of one activiteit ("zet in je agenda"): the one time, or the whole series."""
    return Kalender(activiteit.identity, activiteit.titel, "", activiteit.url, [activiteit], bestand=activiteit.ics)


def eigen_kalenders(stad: Stad) -> list[Kalender]:
    """The file of every activiteit of the city, past ones too: their pages stay."""
    return [eigen_kalender(a) for a in stad.activiteiten()]


def _local(value: datetime) -> datetime:
    return value.astimezone(TZ)


def _begin(tijdvak: Tijdvak, hele_dag: bool) -> date | datetime:
    return tijdvak.datum if hele_dag else _local(tijdvak.start)


def _end(tijdvak: Tijdvak, hele_dag: bool) -> date | datetime | None:
    if hele_dag:
        # A whole-day event ends (exclusively) at the start of the day after its last day.
        return tijdvak.einddatum + timedelta(days=1)
    return _local(tijdvak.eind) if tijdvak.eind else None


def _origineel(activiteit: Activiteit, day: date) -> date | datetime:
    """The start the rule gives the time of `activiteit` on `day`: EXDATE and RECURRENCE-ID
    name a time of a series by it, with the TZID and the time of day of DTSTART."""
    if activiteit.hele_dag:
        return day
    return datetime.combine(day, _local(activiteit.start).time(), TZ)


def _locatie(activiteit: Activiteit, stad: Stad) -> str:
    # Calendar apps look the location up on a map: the city's name keeps it in Amersfoort.
    if stad.naam.lower() in activiteit.locatie.lower():
        return activiteit.locatie
    return f"{activiteit.locatie}, {stad.naam}"


def _praktisch(activiteit: Activiteit) -> str:
    """What residents ask before they go, a line each: signing up, the cost, getting in."""
    lines = (("Aanmelden", activiteit.aanmelden), ("Kosten", activiteit.kosten), ("Toegankelijkheid", activiteit.toegankelijkheid))
    return "\n".join(f"{label}: {value}" for label, value in lines if value)


def _regel(activiteit: Activiteit) -> str:
    """The rule of a series as a sentence: "Elke dinsdag en donderdag, tot en met 30 juni 2027."."""
    if activiteit.herhaling is None:
        return ""
    text = beschrijving(activiteit.herhaling, activiteit.datum)
    return f"{text[0].upper()}{text[1:]}."


def _beschrijving(activiteit: Activiteit, stad: Stad, url: str, body: str, afgelast: str | None) -> str:
    wijk = stad.wijken[activiteit.wijk]
    organisator = wijk.initiatief(activiteit.initiatief) if activiteit.initiatief else None
    wie = f"Georganiseerd door {organisator.titel} ({wijk.naam})." if organisator else f"Een activiteit in {wijk.naam}."
    # The first paragraph, not the whole text: apps show it in a small panel, and fetch the
    # file twice a day, so it should stay small as the years add up. The page has the rest,
    # and calendar apps hardly show the URL property: the link goes into the text. Why it
    # does not go on comes first: a resident who opens it should see that before anything.
    parts = (
        f"{GAAT_NIET_DOOR}: {afgelast}" if afgelast else "",
        excerpt(body, limit=BESCHRIJVING),
        _regel(activiteit),
        wie,
        _praktisch(activiteit),
        f"Verschenen op {activiteit.origineel.site}: {activiteit.origineel.url}" if activiteit.origineel else "",
        f"Meer informatie: {url}",
    )
    return "\n\n".join(p for p in parts if p)


class Events:
    """Each activiteit's VEVENTs as iCalendar text, made once: an activiteit is in the city's
    calendar, its wijk's and its own, and serialising is most of the work of writing a calendar."""

    def __init__(self, stad: Stad, site_url: str, bodies: Mapping[str, str]) -> None:
        self.stad, self.site_url, self.bodies = stad, site_url, bodies
        self.host = urlsplit(site_url).hostname or "bovenwijks"
        self._ical: dict[str, bytes] = {}
        self._jaren: dict[str, tuple[int, int]] = {}
        self._horizon: int | None = None

    def __call__(self, activiteit: Activiteit) -> bytes:
        """The VEVENTs of `activiteit` (a series: with its cancelled times), folded, CRLF."""
        ical = self._ical.get(activiteit.identity)
        if ical is None:
            ical = self._ical[activiteit.identity] = b"".join(component(Event, e) for e in self.vevents(activiteit))
        return ical

    def vevents(self, activiteit: Activiteit) -> list[Eigenschappen]:
        """The VEVENT of `activiteit`, then one for each time of its series cancelled with a reason."""
        events = [self._event(activiteit, activiteit, activiteit.afgelast)]
        herhaling = activiteit.herhaling
        for uitzondering in herhaling.behalve if herhaling else ():
            if uitzondering.reden is None:
                continue
            keer = next((k for k in keren(activiteit, uitzondering.datum, uitzondering.datum) if k.datum == uitzondering.datum), None)
            if keer is not None:
                events.append(self._event(activiteit, keer, keer.afgelast, _origineel(activiteit, uitzondering.datum)))
        return events

    def _event(
        self, activiteit: Activiteit, tijdvak: Tijdvak, afgelast: str | None, recurrence_id: date | datetime | None = None
    ) -> Eigenschappen:
        url = self.site_url + activiteit.url
        stad = self.stad
        event: list[Eigenschap] = [("uid", f"{activiteit.identity}@{self.host}", ())]
        # DTSTAMP is required; the build time would make every build differ. When the file
        # last changed is what RFC 5545 means with METHOD:PUBLISH; without it, the start.
        if activiteit.gewijzigd is not None:
            event.append(("dtstamp", activiteit.gewijzigd.astimezone(UTC), ()))
            event.append(("last-modified", activiteit.gewijzigd.astimezone(UTC), ()))
        else:
            event.append(("dtstamp", activiteit.start.astimezone(UTC), ()))
        if recurrence_id is not None:
            event.append(("recurrence-id", recurrence_id, ()))
        event.append(("dtstart", _begin(tijdvak, activiteit.hele_dag), ()))
        end = _end(tijdvak, activiteit.hele_dag)
        if end is not None:
            event.append(("dtend", end, ()))
        herhaling = activiteit.herhaling
        if herhaling is not None and recurrence_id is None:
            event.append(("rrule", Regel.van(rrule_waarden(herhaling, activiteit.start, activiteit.hele_dag)), ()))
            dropped = tuple(_origineel(activiteit, u.datum) for u in herhaling.behalve if u.reden is None)
            if dropped:
                event.append(("exdate", dropped, ()))
        if afgelast:
            # Cancelled, not deleted: residents who were coming see it in their calendar.
            event.append(("summary", f"{GAAT_NIET_DOOR}: {activiteit.titel}", ()))
            event.append(("status", "CANCELLED", ()))
        else:
            event.append(("summary", activiteit.titel, ()))
        event.append(("location", _locatie(activiteit, stad), ()))
        event.append(("description", _beschrijving(activiteit, stad, url, self.bodies.get(activiteit.identity, ""), afgelast), ()))
        event.append(("url", url, ()))
        themas = tuple(stad.vocabulaire.thema_naam(t) for t in stad.activiteit_themas(activiteit))
        if themas:
            event.append(("categories", themas, ()))
        event.append(("class", "PUBLIC", ()))
        # Going to a buurtbijeenkomst is a choice: it should not mark the resident as busy.
        event.append(("transp", "TRANSPARENT", ()))
        return tuple(event)

    def jaren(self, activiteit: Activiteit) -> tuple[int, int]:
        """The first and the last year of the times of `activiteit`, for its time zone."""
        found = self._jaren.get(activiteit.identity)
        if found is None:
            first = _local(activiteit.start).year
            if not eindig(activiteit):
                # A series that goes on has no last year. The clock would give every build
                # other bytes, and a library's default too; the content's latest year, plus a
                # few, is as far ahead as anyone looks, and moves on as activiteiten are added.
                last = max(first, self.horizon())
            else:
                keer = laatste(activiteit) if activiteit.herhaling else activiteit
                last = min(_local(keer.eind or keer.start).year if keer else first, first + JAREN_HOOGSTENS)
            found = self._jaren[activiteit.identity] = (first, last)
        return found

    def horizon(self) -> int:
        """The last year the time zone of a series that goes on covers: a few past the content's."""
        if self._horizon is None:
            years = [_local(a.eind or a.start).year for w in self.stad.wijken.values() for a in w.agenda]
            self._horizon = max(years) + JAREN_VOORUIT
        return self._horizon


def _folded(component: Component) -> bytes:
    """`component` as icalendar writes it (`to_ical()`), folded by `fold`."""
    return b"\r\n".join(fold(line) for line in component.content_lines() if line) + b"\r\n"


class Regel(tuple):
    """An RRULE's parts as (name, value) pairs, in their order: a tuple, so that it can be a key."""

    @classmethod
    def van(cls, values: Mapping[str, object]) -> Regel:
        """The parts of the RRULE that `vRecur(values)` writes, with each list made a tuple."""
        return cls((name, tuple(value) if isinstance(value, list) else value) for name, value in values.items())

    def recur(self) -> vRecur:
        """What `vRecur` writes of them."""
        return vRecur({name: list(value) if isinstance(value, tuple) else value for name, value in self})


# One property of a component: its name, its value (a tuple for one with several values) and
# its parameters as (name, value) pairs.
Eigenschap = tuple[str, Any, tuple[tuple[str, str], ...]]
Eigenschappen = tuple[Eigenschap, ...]


@lru_cache(maxsize=16384)
def component(kind: type[Component], eigenschappen: Eigenschappen) -> bytes:
    """The component of `kind` with `eigenschappen`, as `_folded` writes it.

    Made once for the process: an activiteit that did not change has the same properties
    in every build, and under `mkdocs serve` its VEVENT is then not made again (writing
    the calendars was most of a rebuild's feeds). The cache holds some thousands of
    components of a few hundred bytes.
    """
    made = kind()
    for name, value, parameters in eigenschappen:
        if isinstance(value, Regel):
            value = value.recur()
        elif isinstance(value, tuple):
            value = list(value)
        made.add(name, value, parameters=dict(parameters) or None)
    return _folded(made)


@lru_cache(maxsize=64)
def _vtimezone(first: int, last: int) -> bytes:
    """Amsterdam's VTIMEZONE with its changes from `first` to `last` (years, inclusive)."""
    return Timezone.from_tzid(TZ.key, first_date=date(first, 1, 1), last_date=date(last + 1, 1, 1)).to_ical()


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


_END = b"END:VCALENDAR\r\n"


def ics(kalender: Kalender, stad: Stad, site_url: str, bodies: Mapping[str, str], events: Events | None = None) -> bytes:
    """The calendar as an iCalendar file: CRLF line endings, lines folded at 75 octets.

    `bodies` maps an activiteit's identity to its body as HTML; its text becomes the
    event's description, followed by the link to its page. Calendars that share `events`
    share the serialised events.
    """
    events = events or Events(stad, site_url, bodies)
    calendar: list[Eigenschap] = [
        ("prodid", f"-//Bovenwijks//Agenda {stad.naam}//NL", ()),
        ("version", "2.0", ()),
        ("calscale", "GREGORIAN", ()),
        ("method", "PUBLISH", ()),
    ]
    if kalender.abonnement:
        # Only a calendar to subscribe to has a name: with one, Outlook opens one
        # activiteit's file as a calendar of its own instead of adding it to the resident's.
        calendar.append(("name", kalender.titel, ()))
        calendar.append(("x-wr-calname", kalender.titel, ()))  # the name Google and Apple show
        calendar.append(("description", kalender.beschrijving, ()))
        calendar.append(("x-wr-caldesc", kalender.beschrijving, ()))
    calendar.append(("x-wr-timezone", TZ.key, ()))
    calendar.append(("url", site_url + kalender.pagina, ()))
    if kalender.abonnement:
        # A hint for apps that honour it: look for new activiteiten twice a day.
        calendar.append(("refresh-interval", timedelta(hours=12), (("VALUE", "DURATION"),)))
        calendar.append(("x-published-ttl", "PT12H", ()))
    head = component(Calendar, tuple(calendar)).removesuffix(_END)
    timed = [events.jaren(a) for a in kalender.activiteiten if not a.hele_dag]
    if timed:
        # The events give times in TZ, and whole days as dates: TZ is the one VTIMEZONE needed.
        # Its changes cover every time in the file, from the years of the content.
        head += _vtimezone(min(first for first, _ in timed), max(last for _, last in timed))
    return head + b"".join(events(a) for a in kalender.activiteiten) + _END
