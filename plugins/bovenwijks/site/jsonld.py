"""schema.org structured data, so that search engines and other sites understand our events."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from bovenwijks.dates import TZ
from bovenwijks.herhaling import FREQUENTIE, Keer, laatste, rrule_waarden, weekdagen
from bovenwijks.model import Activiteit, Afbeelding, Stad
from bovenwijks.site.fotos import foto

SCHEDULED = "https://schema.org/EventScheduled"
CANCELLED = "https://schema.org/EventCancelled"
# schema.org's `repeatFrequency` (ISO 8601 durations) for each `elke`.
_FREQUENCY = {"week": "P1W", "2 weken": "P2W", "maand": "P1M", "jaar": "P1Y"}
_DAYS = tuple(f"https://schema.org/{d}" for d in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"))
# An amount in `kosten`: "€ 2,50", "2 euro".
_EURO = re.compile(r"(?:€\s*(\d+)(?:[,.](\d{2}))?|(\d+)(?:[,.](\d{2}))?\s*(?:euro|€))", re.IGNORECASE)


def _iso(activiteit: Activiteit, value) -> str:
    local = value.astimezone(TZ)
    return local.date().isoformat() if activiteit.hele_dag else local.isoformat(timespec="minutes")


def _status(afgelast: str | None) -> str:
    return CANCELLED if afgelast else SCHEDULED


def _offer(activiteit: Activiteit, url: str) -> dict | None:
    """What it costs and where to sign up, as an `Offer`; None when the page says neither."""
    if not (activiteit.kosten or activiteit.aanmelden):
        return None
    offer: dict = {"@type": "Offer", "url": activiteit.aanmelden_link or url}
    if activiteit.kosten:
        offer["description"] = activiteit.kosten
        amounts = _EURO.findall(activiteit.kosten)
        if activiteit.gratis and not amounts:
            offer |= {"price": "0", "priceCurrency": "EUR"}
        elif len(amounts) == 1:  # one amount: the price; more ("€ 2 of € 5") is for people to read
            euros, cents = (amounts[0][0], amounts[0][1]) if amounts[0][0] else (amounts[0][2], amounts[0][3])
            offer |= {"price": f"{euros}.{cents or '00'}", "priceCurrency": "EUR"}
    return offer


def _schedule(activiteit: Activiteit) -> dict:
    """The rule of a series as a schema.org `Schedule`, in Amsterdam time."""
    rule = activiteit.herhaling
    first = activiteit.start.astimezone(TZ)
    schedule: dict = {"@type": "Schedule", "repeatFrequency": _FREQUENCY[rule.elke], "scheduleTimezone": TZ.key}
    schedule["startDate"] = first.date().isoformat()
    if FREQUENTIE[rule.elke].met_dagen:
        schedule["byDay"] = [_DAYS[d] for d in weekdagen(rule, first.date())]
    elif rule.elke == "maand":
        # schema.org reads a text `byDay` as iCalendar's: "2SA", the second Saturday.
        schedule["byDay"] = rrule_waarden(rule, activiteit.start, activiteit.hele_dag)["byday"]
    if not activiteit.hele_dag:
        schedule["startTime"] = first.strftime("%H:%M")
        if activiteit.eind:
            schedule["endTime"] = activiteit.eind.astimezone(TZ).strftime("%H:%M")
    last = laatste(activiteit)
    if last is not None:
        schedule["endDate"] = last.datum.isoformat()
    elif rule.tot:
        schedule["endDate"] = rule.tot.isoformat()
    if rule.aantal:
        schedule["repeatCount"] = rule.aantal
    if rule.behalve:
        schedule["exceptDate"] = [u.datum.isoformat() for u in rule.behalve]
    return schedule


def event(activiteit: Activiteit, stad: Stad, site_url: str, beelden: Iterable[Afbeelding] = (), keren: Iterable[Keer] = ()) -> str:
    """The schema.org `Event` of an activiteit as JSON, safe inside a `<script>` element.

    `beelden` are the photos that stand for it (its own, its initiatief's, its wijk's): the
    first with copies is its `image`, wide and in the photo's own proportions. A series is
    one Event at its first time with its `eventSchedule`, and its coming `keren` (those its
    page lists) as `subEvent`s, each with its own status.
    """
    wijk = stad.wijken[activiteit.wijk]
    organisator = wijk.initiatief(activiteit.initiatief) if activiteit.initiatief else None
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": activiteit.titel,
        "startDate": _iso(activiteit, activiteit.start),
        "eventStatus": _status(activiteit.afgelast),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": {"@type": "Place", "name": activiteit.locatie, "address": f"{activiteit.locatie}, {stad.naam}"},
        "organizer": {
            "@type": "Organization",
            "name": organisator.titel if organisator else f"Bewoners van {wijk.naam}",
            "url": site_url + (organisator.url if organisator else wijk.url),
        },
        "url": site_url + activiteit.url,
    }
    if activiteit.eind:
        data["endDate"] = _iso(activiteit, activiteit.eind)
    offer = _offer(activiteit, data["url"])
    if offer:
        data["offers"] = offer
    if activiteit.kosten:
        data["isAccessibleForFree"] = activiteit.gratis
    if activiteit.toegankelijkheid:
        data["location"]["amenityFeature"] = {
            "@type": "LocationFeatureSpecification",
            "name": activiteit.toegankelijkheid,
            "value": True,
        }
    if activiteit.herhaling:
        data["eventSchedule"] = _schedule(activiteit)
        data["subEvent"] = [
            {
                "@type": "Event",
                "name": activiteit.titel,
                "startDate": _iso(activiteit, k.start),
                **({"endDate": _iso(activiteit, k.eind)} if k.eind else {}),
                "eventStatus": _status(k.afgelast),
                "location": data["location"],
                "url": data["url"],
            }
            for k in keren
        ]
    for afbeelding in beelden:
        found = foto(afbeelding)
        if found:
            data["image"] = [site_url + found.share.url, site_url + found.fallback.url]
            break
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # `</script>` or `<!--` in a titel must not end the element early.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
