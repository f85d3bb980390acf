"""Old addresses that keep working: a page at the address of a renamed or moved file that sends
the resident on to where it is now.

A link in a newsletter, a bookmark or a search result points at the address a page had when it
was shared. Editors rename files (in GitHub's web editor that is editing the file's name), and
git remembers each rename (`content/geschiedenis.py`); every old name of a page that is still
there gets a small page at its old address. A static host answers no 301, so the page redirects
itself (`<meta http-equiv="refresh">`, as mkdocs-redirects does), with a link for whoever's
browser does not follow it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from urllib.parse import quote

from bovenwijks.content.geschiedenis import Geschiedenis
from bovenwijks.content.plaats import WIJKEN, adres, plaats
from bovenwijks.site.render import relative_url, render

GEEN_REPOSITORY = "Geen doorverwijzingen van oude adressen: deze map is geen git-repository, dus hernoemde pagina's zijn niet bekend."
ONVOLLEDIG = (
    "Geen doorverwijzingen van oude adressen: deze kopie van de repository heeft niet de hele geschiedenis "
    "(git clone zonder --depth, of fetch-depth: 0 in de workflow), dus hernoemde pagina's zijn niet bekend."
)


def zonder_geschiedenis(geschiedenis: Geschiedenis) -> str | None:
    """Why no old address can be known (in Dutch, for the build's log); None when they can."""
    if not geschiedenis.repository:
        return GEEN_REPOSITORY
    if not geschiedenis.volledig:
        return ONVOLLEDIG
    return None


def bestand(address: str) -> str:
    """The file in the built site that serves `address` (directory URLs: `over/` is `over/index.html`)."""
    return address + "index.html" if address.endswith("/") or not address else address


def doorverwijzingen(geschiedenis: Geschiedenis, bestaat: Callable[[str], bool], wijken_dir: str = WIJKEN) -> list[tuple[str, str]]:
    """Every (old address, new address) of a page, relative to the site root, sorted by the old one.

    `bestaat(address)` says whether the built site has a page or file there. A page is
    redirected only to a page that the site has now, and never from an address where the site
    has something: a new page under an old name wins. An address that differs from the new one
    only in case is left alone: on a case-insensitive disk it *is* the new page.
    """
    if zonder_geschiedenis(geschiedenis):
        return []
    result: dict[str, str] = {}
    for old, new in sorted(geschiedenis.hernoemd.items()):
        van, naar = plaats(old, wijken_dir), plaats(new, wijken_dir)
        if van is None or naar is None or not van.endswith(".md") or not naar.endswith(".md"):
            continue  # photos and other files: a redirect is a page
        van, naar = adres(van), adres(naar)
        if van.casefold() == naar.casefold() or van in result or not bestaat(naar) or bestaat(van):
            continue
        result[van] = naar
    return sorted(result.items())


def pagina(van: str, naar: str, *, site_url: str = "", site_name: str = "", titel: str = "") -> str:
    """The HTML of the page at address `van` that sends the resident to `naar`.

    The refresh and the link are relative, so the site works under any sub-path; the canonical
    address is absolute with `site_url`. `titel` is the new page's title, for the link's text.
    """
    href = quote(relative_url(naar, van), safe="/#")
    canonical = site_url + quote(naar, safe="/") if site_url else href
    return render("doorverwijzing.html", van, href=href, canonical=canonical, site_name=site_name, titel=titel or site_url + naar or "/")


def paginas(
    geschiedenis: Geschiedenis,
    bestaat: Callable[[str], bool],
    *,
    site_url: str = "",
    site_name: str = "",
    titels: Mapping[str, str] | None = None,
    wijken_dir: str = WIJKEN,
) -> dict[str, bytes]:
    """Every redirect page, by its file in the built site (see `doorverwijzingen` and `pagina`)."""
    titels = titels or {}
    return {
        bestand(van): pagina(van, naar, site_url=site_url, site_name=site_name, titel=titels.get(naar, "")).encode("utf-8")
        for van, naar in doorverwijzingen(geschiedenis, bestaat, wijken_dir)
    }
