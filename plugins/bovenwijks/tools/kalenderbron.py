"""A wijk's own agenda elsewhere (`kalender`, an iCalendar file) as activiteiten, for `bovenwijks ophalen`.

The bytes are the ones `tools.fetch` got; icalendar reads them, x-wr-timezone gives floating
times the calendar's X-WR-TIMEZONE, and every time becomes Amsterdam time, as the content's.

A series becomes one activiteit with the contract's `herhaling` when its RRULE means exactly
that, as `bovenwijks.herhaling` reckons it: residents then read "elke dinsdag en donderdag"
as they do for a series the wijk typed itself. Its EXDATEs are `behalve` dates, a cancelled
instance (RECURRENCE-ID with STATUS:CANCELLED) a `behalve` with a reason, and an instance
that was moved or changed drops out of the series and stands alone as "UID#YYYYMMDD".
Any other series (DAILY, BYMONTHDAY, INTERVAL 3, RDATE, a DTSTART in UTC whose clock time
moves at the change to summer time ...) is written out by recurring-ical-events into its own
times around `vandaag`, each an activiteit "UID#YYYYMMDD": the contract can't say it, and a
resident must not be sent on the wrong day.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any
from urllib.parse import urlsplit

import recurring_ical_events
import x_wr_timezone
from dateutil.rrule import FREQNAMES, MONTHLY, weekdays
from icalendar import Calendar, Component
from icalendar.error import InvalidCalendar

from bovenwijks.content.veilig import alineas, http_adres, schoon
from bovenwijks.dates import TZ, dutch_date
from bovenwijks.herhaling import FREQUENTIES, MAX_AANTAL, WEEKDAGEN, regel, week_van_de_maand
from bovenwijks.model import Herhaling

# The times of a series written out, and what is old history: from four weeks ago (an
# activiteit of last week still has its page) to half a year ahead, at most this many.
VERLEDEN = timedelta(days=28)
VOORUIT = timedelta(weeks=26)
MAX_KEREN = 60
# How far the contract's times are held against the RRULE's own before a series is mapped:
# a year, so that both changes of the clock are in it.
CONTROLE = timedelta(weeks=53)

_DAG = {str(day): day.weekday for day in weekdays}  # `TU` → 1, as dateutil counts
_BYDAY = re.compile(r"^([+-]?\d{1,2})?([A-Z]{2})$")
# A DESCRIPTION that is HTML after all: Google Calendar writes its formatted text so.
_HTML = re.compile(r"<(?:a|b|i|u|p|br|em|strong|ul|ol|li|div|span|h[1-6])\b[^>]*>", re.IGNORECASE)


class GeenKalender(ValueError):
    """What came back is no calendar to import; the message says why, in Dutch, for editors."""


@dataclass(frozen=True)
class KalenderActiviteit:
    """One event of the calendar, or one series, or one time of a series that stands alone."""

    uid: str  # the UID; "UID#YYYYMMDD" for a time that stands alone (a moved instance, an expanded series)
    titel: str
    start: datetime  # aware, Amsterdam; a whole day: 00:00 of its day, with hele_dag
    eind: datetime | None  # a whole day: 00:00 of its last day, None when it is the first
    hele_dag: bool
    locatie: str  # LOCATION, "" when none
    html: str  # X-ALT-DESC through `schoon`, else DESCRIPTION as escaped <p> paragraphs
    link: str | None  # URL, absolute http(s)
    afgelast: str | None  # STATUS:CANCELLED: the reason, in Dutch
    herhaling: dict | None  # in the contract's words (activiteit.herhaling)
    gewijzigd: datetime | None  # LAST-MODIFIED (DTSTAMP is most often the time of the export)


@dataclass(frozen=True)
class Kalender:
    """What a calendar holds to import, and what was left out and why (Dutch, for editors)."""

    site: str  # X-WR-CALNAME, else the host
    activiteiten: tuple[KalenderActiviteit, ...]
    overgeslagen: tuple[str, ...]


@dataclass
class _Bron:
    url: str
    site: str
    vandaag: date
    overgeslagen: list[str]
    oud: int = 0  # events left out as old history

    @property
    def afgelast(self) -> str:
        return f"Afgelast volgens {self.site}"

    @property
    def grens(self) -> date:
        """The first day that is not old history."""
        return self.vandaag - VERLEDEN


def lees_kalender(body: bytes, url: str, vandaag: date) -> Kalender:
    """The activiteiten of the iCalendar `body`, fetched from `url`, as they stand on `vandaag`.

    Events and series whose last time ended more than four weeks before `vandaag` are left
    out; so is an event without a start or a title, with the reason in `overgeslagen`.
    Raises GeenKalender when `body` is no calendar, has no events, or none that can be used.
    """
    calendars = _kalenders(body)
    name = next((_tekst(c.get("X-WR-CALNAME")) for c in calendars if _tekst(c.get("X-WR-CALNAME"))), "")
    bron = _Bron(url, name or urlsplit(url).hostname or url, vandaag, [])
    events = [event for calendar in calendars for event in calendar.walk("VEVENT")]
    if not events:
        raise GeenKalender("de agenda bevat geen activiteiten (er staat geen enkele VEVENT in)")
    found: list[KalenderActiviteit] = []
    for uid, (master, overrides) in _per_uid(events, bron).items():
        try:
            found += _groep(uid, master, overrides, bron)
        except InvalidCalendar:
            # A value icalendar could not read (its BrokenCalendarProperty), found when it was needed.
            bron.overgeslagen.append(_onleesbaar(master or overrides[0], overrides))
    if not found and bron.overgeslagen and not bron.oud:
        raise GeenKalender(f"geen enkele activiteit in de agenda is bruikbaar: {'; '.join(bron.overgeslagen)}")
    return Kalender(bron.site, tuple(sorted(found, key=lambda a: (a.start, a.uid))), tuple(bron.overgeslagen))


def _groep(uid: str, master: Component | None, overrides: list[Component], bron: _Bron) -> list[KalenderActiviteit]:
    """The activiteiten of one UID: a single event, a series, or instances without their series."""
    if master is None:
        # Instances of a series that isn't in the file: each stands alone.
        return [a for o in overrides if not _oud(a := _enkel(o, f"{uid}#{_dag_van(o):%Y%m%d}", bron), bron)]
    if master.rrules or master.rdates:
        return _reeks(master, overrides, uid, bron)
    single = _enkel(master, uid, bron)
    return [] if _oud(single, bron) else [single]


def _onleesbaar(event: Component, overrides: list[Component]) -> str:
    names = sorted({name for e in (event, *overrides) for name, _ in e.errors})
    return f"'{_tekst(event.get('SUMMARY'))}' is overgeslagen: een waarde is onleesbaar" + (f" ({', '.join(names)})" if names else "")


def _kalenders(body: bytes) -> list[Component]:
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Older Outlook exports are Windows-1252.
        text = body.decode("cp1252", errors="replace")
    head = text.lstrip()[:2000].lower()
    if not head:
        raise GeenKalender("de agenda is leeg: het antwoord had geen inhoud")
    if head.startswith("<"):
        if "<rss" in head or "<feed" in head:
            raise GeenKalender("dit is een RSS- of Atom-feed, geen agenda (iCalendar, .ics); hoort dit adres bij 'feed'?")
        raise GeenKalender("dit is geen agenda (iCalendar, .ics) maar een webpagina (HTML)")
    if not head.startswith("begin:vcalendar"):
        raise GeenKalender("dit is geen agenda: een iCalendar-bestand (.ics) begint met BEGIN:VCALENDAR")
    try:
        components = Calendar.from_ical(text, multiple=True)
    except ValueError:
        raise GeenKalender("de agenda is onleesbaar: niet elke regel volgt de opmaak van iCalendar (RFC 5545)") from None
    return [_standaard(c) for c in components if c.name == "VCALENDAR"]


def _standaard(calendar: Component) -> Component:
    """`calendar` with its floating times in its X-WR-TIMEZONE (Google's and Apple's exports)."""
    try:
        return x_wr_timezone.to_standard(calendar)
    except (ValueError, KeyError):  # a zone nobody knows: the times stay floating, so Amsterdam
        return calendar


def _per_uid(events: list[Component], bron: _Bron) -> dict[str, tuple[Component | None, list[Component]]]:
    """The usable events by UID: the series or single event, and its instances (RECURRENCE-ID)."""
    groups: dict[str, tuple[Component | None, list[Component]]] = {}
    broken: set[str] = set()
    for event in events:
        uid = _tekst(event.get("UID")) or _zonder_uid(event)
        bezwaar = _bezwaar(event, uid)
        if bezwaar:
            bron.overgeslagen.append(bezwaar)
            if "RECURRENCE-ID" not in event:
                broken.add(uid)
            continue
        master, overrides = groups.get(uid, (None, []))
        if "RECURRENCE-ID" in event:
            overrides.append(event)
        elif master is not None:
            bron.overgeslagen.append(f"'{_tekst(event.get('SUMMARY'))}' is overgeslagen: een andere activiteit heeft dezelfde UID ({uid})")
            continue
        else:
            master = event
        groups[uid] = (master, overrides)
    # The instances of a series that can't be read go with it.
    return {uid: group for uid, group in groups.items() if uid not in broken}


def _zonder_uid(event: Component) -> str:
    """An identity for an event without UID, stable while its title and start stay."""
    seed = f"{_tekst(event.get('SUMMARY'))}\n{event.get('DTSTART') and event['DTSTART'].to_ical().decode()}"
    return f"zonder-uid-{hashlib.sha256(seed.encode()).hexdigest()[:16]}"


def _bezwaar(event: Component, uid: str) -> str | None:
    """Why `event` can't be imported, in Dutch for the editors; None when it can."""
    titel = _tekst(event.get("SUMMARY"))
    start: date | None = None
    probleem = "er staat geen begintijd bij (DTSTART)"
    try:
        start = _begin(event)
    except InvalidCalendar:
        probleem = "de begintijd (DTSTART) is onleesbaar"
    if start is not None and not _JAREN[0] <= start.year <= _JAREN[1]:
        return f"'{titel or uid}' is overgeslagen: het jaar {start.year} kan niet kloppen"
    if start is not None and titel:
        if "RECURRENCE-ID" in event:
            try:
                _dag_van(event)
            except InvalidCalendar:
                return f"een gewijzigde keer van '{titel}' is overgeslagen: de keer die ze vervangt (RECURRENCE-ID) is onleesbaar"
        return None
    if titel:
        return f"'{titel}' is overgeslagen: {probleem}"
    if start is not None:
        return f"een activiteit op {dutch_date(_tijd(start).date())} is overgeslagen: er staat geen titel bij (SUMMARY)"
    return f"een activiteit zonder titel en begintijd is overgeslagen (UID {uid})"


def _enkel(event: Component, uid: str, bron: _Bron) -> KalenderActiviteit:
    """`event` as one activiteit, without its RRULE."""
    value = _begin(event)
    hele_dag = not isinstance(value, datetime)
    start = _tijd(value)
    link = _link(event.get("URL"), bron.url)
    return KalenderActiviteit(
        uid=uid,
        titel=_tekst(event.get("SUMMARY")),
        start=start,
        eind=_eind(event, start, hele_dag),
        hele_dag=hele_dag,
        locatie=_tekst(event.get("LOCATION")),
        html=_html(event, link or bron.url),
        link=link,
        afgelast=bron.afgelast if _afgelast(event) else None,
        herhaling=None,
        gewijzigd=_gewijzigd(event),
    )


def _begin(event: Component) -> date | None:
    """DTSTART's value; None when there is none. Read alone: `Event.start` also fails on a broken DTEND."""
    return event["DTSTART"].dt if "DTSTART" in event else None


# The years a time may be in: 9999 is the year 10000 in Amsterdam on its last evening, which
# Python's dates can't hold (and nobody meant).
_JAREN = (1900, 9000)


def _tijd(value: date | datetime) -> datetime:
    """A DTSTART or DTEND value in Amsterdam time: a floating time is Amsterdam's, a day starts at 00:00."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=TZ) if value.tzinfo is None else value.astimezone(TZ)
    return datetime.combine(value, time(0, 0), TZ)


def _eind(event: Component, start: datetime, hele_dag: bool) -> datetime | None:
    try:
        if "DTEND" in event:
            end = event["DTEND"].dt
        elif "DURATION" in event:
            end = _begin(event) + event["DURATION"].dt
        else:
            return None
    except (InvalidCalendar, OverflowError):  # a broken DTEND or DURATION: the time is still right without an end
        return None
    if not _JAREN[0] <= end.year <= _JAREN[1]:
        return None
    if hele_dag:
        # The DTEND of whole days is the day after the last one (RFC 5545 3.6.1); the
        # contract's `eind` is the last day itself.
        last = end.date() if isinstance(end, datetime) else end - timedelta(days=1)
        return datetime.combine(last, time(0, 0), TZ) if last > start.date() else None
    eind = _tijd(end)
    return eind if eind > start else None


def _afgelast(event: Component) -> bool:
    return str(event.get("STATUS", "")).upper() == "CANCELLED"


def _gewijzigd(event: Component) -> datetime | None:
    # LAST-MODIFIED only: most servers stamp DTSTAMP with the time of the export, which would
    # make every morning's fetch a change, and a pull request.
    try:
        value = event.decoded("LAST-MODIFIED")
    except (KeyError, ValueError):
        return None
    return _tijd(value) if isinstance(value, datetime) else None


def _eerste(value: Any) -> Any:
    """A property that should be there once, when a calendar has it twice: the first."""
    return value[0] if isinstance(value, list) else value


def _tekst(value: Any) -> str:
    """A text property as one line: whitespace collapsed, "" when it is absent."""
    value = _eerste(value)
    return " ".join(str(value).split()) if value is not None else ""


def _link(value: Any, basis: str) -> str | None:
    value = _eerste(value)
    return http_adres(str(value), basis) if value else None


def _html(event: Component, basis: str) -> str:
    alt = _eerste(event.get("X-ALT-DESC"))
    if alt is not None and str(getattr(alt, "params", {}).get("FMTTYPE", "")).lower() == "text/html" and str(alt).strip():
        return schoon(str(alt), basis)
    text = str(_eerste(event.get("DESCRIPTION")) or "")
    return schoon(text, basis) if _HTML.search(text) else alineas(text)


def _dag_van(event: Component) -> date:
    """The day in Amsterdam of the time an instance (RECURRENCE-ID) stands for."""
    return _tijd(event["RECURRENCE-ID"].dt).date()


def _oud(activiteit: KalenderActiviteit, bron: _Bron) -> bool:
    if (activiteit.eind or activiteit.start).date() < bron.grens:
        bron.oud += 1
        return True
    return False


def _reeks(master: Component, overrides: list[Component], uid: str, bron: _Bron) -> list[KalenderActiviteit]:
    """A series: one activiteit with `herhaling` and the instances that stand alone, or else its times written out."""
    eerste = _enkel(master, uid, bron)
    herhaling = _herhaling(master, eerste.start)
    if (
        herhaling is None
        or any(o["RECURRENCE-ID"].params.get("RANGE") for o in overrides)  # THISANDFUTURE: a rule that changes halfway
        or not _klopt(herhaling, master, eerste.start, bron.vandaag)
    ):
        return _uitgeschreven(master, overrides, uid, eerste.titel, bron)
    rule = regel(herhaling, eerste.start)
    lengte = eerste.eind - eerste.start if eerste.eind else None  # in clock time: both are in TZ

    def is_keer(day: date) -> bool:
        return bool(rule.between(datetime.combine(day, time(0, 0)), datetime.combine(day, time(23, 59, 59)), inc=True))

    behalve: dict[date, str | None] = {}
    for value in master.exdates:
        if is_keer(day := _tijd(value).date()):
            behalve.setdefault(day, None)
    found: list[KalenderActiviteit] = []
    for override in overrides:
        day, moment = _dag_van(override), _tijd(override["RECURRENCE-ID"].dt)
        apart = _enkel(override, f"{uid}#{day:%Y%m%d}", bron)
        if _afgelast(override):
            if is_keer(day):
                behalve.setdefault(day, bron.afgelast)
            continue
        zoals_de_reeks = replace(eerste, uid=apart.uid, start=moment, eind=moment + lengte if lengte else None, gewijzigd=apart.gewijzigd)
        if apart == zoals_de_reeks:
            continue  # an instance that only changed what residents don't see (who comes, a reminder)
        if is_keer(day):
            behalve.setdefault(day, None)
        if not _oud(apart, bron):
            found.append(apart)
    # Old history when no time ends on or after the first day that isn't (the rule is
    # followed only that far: a `tot` in the year 9999 costs nothing).
    if rule.after(datetime.combine(bron.grens, time(0, 0)) - (lengte or timedelta(0)), inc=True) is None:
        bron.oud += 1
        return found
    return [replace(eerste, herhaling=_woorden(herhaling, behalve)), *found]


def _herhaling(event: Component, start: datetime) -> Herhaling | None:
    """The contract's rule for the RRULE of `event` when its parts say exactly that; None otherwise."""
    if len(event.rrules) != 1 or event.rdates or "EXRULE" in event:
        return None
    parts = {
        key.upper(): [str(v).upper() if not isinstance(v, (date, int)) else v for v in values] for key, values in event.rrules[0].items()
    }
    freq, interval = parts.pop("FREQ", [""])[0], int(parts.pop("INTERVAL", [1])[0])
    count, until = parts.pop("COUNT", [None])[0], parts.pop("UNTIL", [None])[0]
    parts.pop("WKST", None)  # whether it changes the times (every other week on more days), `_klopt` finds out
    byday = [_byday(str(v)) for v in parts.pop("BYDAY", [])]
    frequentie = next((f for f in FREQUENTIES if FREQNAMES[f.freq] == freq and f.interval == interval), None)
    if frequentie is None or (count and until) or None in byday:
        return None
    first = start.date()
    dagen: tuple[int, ...] = ()
    if frequentie.met_dagen:
        days = sorted({d for _, d in byday} or {first.weekday()})
        if parts or any(n for n, _ in byday) or first.weekday() not in days:
            return None
        dagen = () if days == [first.weekday()] else tuple(days)
    elif frequentie.freq == MONTHLY:
        if parts or byday != [(week_van_de_maand(first), first.weekday())]:
            return None
    else:
        # YEARLY: on the day of its start; a BYMONTH or BYMONTHDAY that says so again is fine.
        said = {"BYMONTH": [first.month], "BYMONTHDAY": [first.day]}
        if byday or any(key not in said or [int(v) for v in values] != said[key] for key, values in parts.items()):
            return None
    aantal = int(count) if count else None
    if aantal is not None and not 0 < aantal <= MAX_AANTAL:
        return None
    if until is None:
        return Herhaling(frequentie.id, dagen, aantal=aantal)
    # UNTIL is a moment, `tot` a day: the day before when UNTIL comes before the clock time
    # that every time of the series has (its start's).
    einde = _klok(until)
    tot = einde.date() if einde.time() >= start.time() else einde.date() - timedelta(days=1)
    return Herhaling(frequentie.id, dagen, tot=tot) if tot >= first else None


def _byday(value: str) -> tuple[int, int] | None:
    """`-1FR` as (-1, 4), `TU` as (0, 1); None when it is no BYDAY value."""
    match = _BYDAY.match(value)
    if not match or match[2] not in _DAG:
        return None
    return int(match[1] or 0), _DAG[match[2]]


def _klok(value: date | datetime) -> datetime:
    """An UNTIL as Amsterdam clock time without zone, as `regel` counts: a day until its end."""
    if not isinstance(value, datetime):
        return datetime.combine(value, time(23, 59, 59))
    try:
        return value.astimezone(TZ).replace(tzinfo=None) if value.tzinfo else value
    except OverflowError:  # the last second of the year 9999 in UTC is in the year 10000 here
        return datetime.max.replace(microsecond=0)


def _klopt(herhaling: Herhaling, master: Component, start: datetime, vandaag: date) -> bool:
    """Whether the contract's rule makes the times the RRULE itself makes, over a year from four weeks ago.

    The parts `_herhaling` compares say what the rule means; this catches what they can't:
    a DTSTART in UTC, whose clock time in Amsterdam moves at the change to summer time, or
    every other week on two days with the weeks starting on Sunday (WKST=SU).
    """
    van = datetime.combine(vandaag - VERLEDEN, time(0, 0), TZ)
    tot = van + CONTROLE
    kaal = master.copy()
    for key in ("EXDATE", "RDATE"):
        kaal.pop(key, None)
    calendar = Calendar()
    calendar.add_component(kaal)
    try:
        eigen = {_tijd(o.start) for o in recurring_ical_events.of(calendar).between(van.date(), tot.date())}
    except recurring_ical_events.InvalidCalendar:
        return False
    wall = (van - timedelta(days=1)).replace(tzinfo=None), (tot + timedelta(days=1)).replace(tzinfo=None)
    contract = {t.replace(tzinfo=TZ) for t in regel(herhaling, start).between(*wall, inc=True)}
    return {t for t in eigen if van <= t < tot} == {t for t in contract if van <= t < tot}


def _uitgeschreven(master: Component, overrides: list[Component], uid: str, titel: str, bron: _Bron) -> list[KalenderActiviteit]:
    """The times of a series the contract can't say, from four weeks ago to half a year ahead, each on its own."""
    calendar = Calendar()
    for event in (master, *overrides):
        calendar.add_component(event)
    try:
        keren = list(recurring_ical_events.of(calendar).between(bron.grens, bron.vandaag + VOORUIT + timedelta(days=1)))
    except recurring_ical_events.InvalidCalendar:
        bron.overgeslagen.append(f"'{titel}' is overgeslagen: de herhaling (RRULE) is onleesbaar")
        return []
    # The time each stands for: a moved instance's RECURRENCE-ID; the others' own start (after a
    # RANGE=THISANDFUTURE, recurring-ical-events gives every later time that instance's).
    moved = {_tijd(o["RECURRENCE-ID"].dt) for o in overrides if not o["RECURRENCE-ID"].params.get("RANGE")}

    def original(keer: Component) -> datetime:
        stands_for = _tijd(keer["RECURRENCE-ID"].dt) if "RECURRENCE-ID" in keer else None
        return stands_for if stands_for in moved else _tijd(keer.start)

    keren.sort(key=lambda k: (_tijd(k.start), original(k)))
    if len(keren) > MAX_KEREN:
        bron.overgeslagen.append(
            f"'{titel}' komt {len(keren)} keer voor tussen {dutch_date(bron.grens)} en {dutch_date(bron.vandaag + VOORUIT)};"
            f" alleen de eerste {MAX_KEREN} keer staan in de agenda"
        )
        keren = keren[:MAX_KEREN]
    originals = [original(k) for k in keren]
    per_dag = Counter(o.date() for o in originals)
    found = []
    for keer, stands_for in zip(keren, originals, strict=True):
        # "UID#YYYYMMDD"; a series with more times on a day gives each its clock time too.
        suffix = f"{stands_for:%Y%m%d}" if per_dag[stands_for.date()] == 1 else f"{stands_for:%Y%m%dT%H%M}"
        if not _oud(apart := _enkel(keer, f"{uid}#{suffix}", bron), bron):
            found.append(apart)
    return found


def _woorden(herhaling: Herhaling, behalve: dict[date, str | None]) -> dict:
    """`herhaling` as the contract writes it."""
    waarden: dict[str, Any] = {"elke": herhaling.elke}
    if herhaling.dagen:
        waarden["dagen"] = [WEEKDAGEN[d] for d in herhaling.dagen]
    if herhaling.tot:
        waarden["tot"] = herhaling.tot.isoformat()
    if herhaling.aantal:
        waarden["aantal"] = herhaling.aantal
    waarden["behalve"] = [{"datum": day.isoformat(), "reden": reden} for day, reden in sorted(behalve.items())]
    return waarden
