"""schema.org structured data, so that search engines and other sites understand our events."""

from __future__ import annotations

import json
from collections.abc import Iterable

from bovenwijks.dates import TZ
from bovenwijks.model import Activiteit, Afbeelding, Stad
from bovenwijks.site.fotos import foto


def _iso(activiteit: Activiteit, value) -> str:
    local = value.astimezone(TZ)
    return local.date().isoformat() if activiteit.hele_dag else local.isoformat(timespec="minutes")


def event(activiteit: Activiteit, stad: Stad, site_url: str, beelden: Iterable[Afbeelding] = ()) -> str:
    """The schema.org `Event` of an activiteit as JSON, safe inside a `<script>` element.

    `beelden` are the photos that stand for it (its own, its initiatief's, its wijk's): the
    first with copies is its `image`, wide and in the photo's own proportions.
    """
    wijk = stad.wijken[activiteit.wijk]
    organisator = wijk.initiatief(activiteit.initiatief) if activiteit.initiatief else None
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": activiteit.titel,
        "startDate": _iso(activiteit, activiteit.start),
        "eventStatus": "https://schema.org/EventScheduled",
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
    for afbeelding in beelden:
        found = foto(afbeelding)
        if found:
            data["image"] = [site_url + found.share.url, site_url + found.fallback.url]
            break
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # `</script>` or `<!--` in a titel must not end the element early.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
