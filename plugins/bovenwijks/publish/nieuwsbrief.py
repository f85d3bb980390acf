"""The nieuwsbrief published: a feed of letters per list, and each letter as an e-mail.

The feed (`feeds/nieuwsbrief/<wijk>.rss`, `feeds/nieuwsbrief/stad.rss`) has one item per week
with the whole letter, so that the RSS-to-e-mail features of mail services (Mailchimp,
Buttondown, listmonk) can send it without us. Its items' ids and dates come from the week,
never from the clock: two builds write the same feed.

`mail` makes the message that `bovenwijks nieuwsbrief` sends: plain text and HTML (its CSS
inlined with css-inline), a Message-ID that is the same for the same letter, and the
list's `List-Unsubscribe`.
"""

from __future__ import annotations

import contextvars
import textwrap
from datetime import date, datetime, time
from email.message import EmailMessage
from email.utils import formatdate
from html import escape
from urllib.parse import urlsplit

import css_inline
from feedgen.feed import FeedGenerator

from bovenwijks.aantal import aantal
from bovenwijks.city.nieuwsbrief import Brief, Lijst
from bovenwijks.dates import TZ, dutch_date, dutch_hours
from bovenwijks.herhaling import GAAT_NIET_DOOR, beschrijving
from bovenwijks.site import fotos
from bovenwijks.site.nieuwsbriefpages import Nieuwsbrieven, adres, afgelast_weggelaten, brief_html, feed_path, rest, titel
from bovenwijks.site.render import render

# Inlined once per letter; nothing is fetched (a stylesheet link in the template would be an error).
_INLINER = css_inline.CSSInliner(keep_at_rules=True, load_remote_stylesheets=False)
# When a week's letter comes out: its Monday morning, as the deploy builds it.
_UITGAVE = time(6, 0)
_BREEDTE = 72  # the plain text's lines, as mail programs show them without wrapping again


def uitgave(brief: Brief) -> datetime:
    """When the letter of its week comes out: Monday morning of that week, in Amsterdam."""
    return datetime.combine(brief.week.maandag, _UITGAVE, TZ)


def samenvatting(brief: Brief) -> str:
    """What is in the letter, in one line: `5 keer in de agenda, 2 berichten`."""
    parts = []
    for n, een, meer in (
        (len(brief.activiteiten), "keer in de agenda", "keer in de agenda"),
        (len(brief.berichten) + brief.meer_berichten, "bericht", "berichten"),
        (len(brief.initiatieven) + brief.meer_initiatieven, "nieuw initiatief", "nieuwe initiatieven"),
        (len(brief.vragen) + brief.meer_vragen, "vraag", "vragen"),
        (len(brief.koppelingen) + brief.meer_koppelingen, "koppeling", "koppelingen"),
    ):
        if n:
            parts.append(aantal(n, een, meer))
    return ", ".join(parts)


def rss(nieuwsbrieven: Nieuwsbrieven, lijst: str, site_url: str, rechten: str | None = None) -> bytes:
    """The RSS feed of the letters of `lijst` (a wijk's slug, or `stad`): one item per week, newest first."""
    naam = nieuwsbrieven.naam(lijst)
    path = feed_path(lijst)
    fg = FeedGenerator()
    fg.load_extension("dc", atom=False, rss=True)
    fg.title(f"Nieuwsbrief {naam}")
    fg.description(f"Elke week: wat er te doen is in {naam}, en het nieuws van de week ervoor.")
    # feedgen makes the *last* link RSS's <link>: the self link must come first.
    fg.link(href=site_url + path, rel="self", type="application/rss+xml")
    fg.link(href=site_url + adres(lijst), rel="alternate", type="text/html")
    fg.language("nl")
    fg.generator("bovenwijks")
    if rechten:
        fg.rights(rechten)
    letters = nieuwsbrieven.per_lijst.get(lijst, [])
    moment = uitgave(letters[0]) if letters else datetime.combine(nieuwsbrieven.week.maandag, _UITGAVE, TZ)
    fg.lastBuildDate(moment)  # feedgen's default is the clock: never leave it
    for brief in letters:
        url = site_url + adres(lijst, brief.week)
        fe = fg.add_entry(order="append")
        fe.guid(url, permalink=True)
        fe.title(titel(brief))
        fe.link(href=url)
        fe.published(uitgave(brief))
        fe.dc.dc_creator(naam)
        fe.description(escape(samenvatting(brief)))
        fe.content(brief_html(brief, adres(lijst, brief.week), root=site_url).strip(), type="CDATA")
    return fg.rss_str(pretty=True)


def files(nieuwsbrieven: Nieuwsbrieven, site_url: str, rechten: str | None = None) -> dict[str, bytes]:
    """The feed of every list's letters, by its path relative to the site root."""
    return {feed_path(lijst): rss(nieuwsbrieven, lijst, site_url, rechten) for lijst in nieuwsbrieven.per_lijst}


# -- the letter as an e-mail ------------------------------------------------------------


def _regels(text: str, inspringen: str = "") -> list[str]:
    return textwrap.wrap(text, _BREEDTE, initial_indent=inspringen, subsequent_indent=inspringen) or [inspringen]


def tekst(brief: Brief, site_url: str) -> str:
    """The letter as plain text: what a mail program without HTML, or a screen reader in one, reads."""
    stad = brief.stad
    out = [titel(brief), "=" * len(titel(brief)), ""]
    van, tot = brief.week.agenda
    out += _regels(f"Wat er te doen is van {dutch_date(van, weekday=True)} tot en met {dutch_date(tot, weekday=True)}.")

    def kop(naam: str) -> None:
        out.extend(["", naam.upper(), ""])

    def nog(soort: str, n: int, dag: date | None = None) -> None:
        if n:
            tekst, target = rest(brief, soort, n, dag)
            out.extend([*_regels(f"{tekst}:"), f"  {site_url}{target}", ""])

    if brief.activiteiten:
        kop("Agenda")
        if brief.afgelast_weggelaten:
            out += [*_regels(f"Let op: {afgelast_weggelaten(brief.afgelast_weggelaten)}"), f"  {site_url}{rest(brief, 'agenda', 1)[1]}", ""]
        for dag in brief.dagen:
            out += [dutch_date(dag.datum, weekday=True).capitalize(), ""]
            for k in dag.activiteiten:
                eerste = f"{GAAT_NIET_DOOR.upper()}: " if k.afgelast else ""
                out += _regels(f"- {eerste}{dutch_hours(k.start, k.eind, k.hele_dag)} {k.titel}")
                waar = k.locatie if brief.wijk else f"{k.locatie} · {stad.wijken[k.wijk].naam}"
                out += _regels(waar, "  ")
                if k.reeks:
                    out += _regels(beschrijving(k.activiteit.herhaling, k.activiteit.datum).capitalize(), "  ")
                if k.afgelast:
                    out += _regels(k.afgelast, "  ")
                out += [f"  {site_url}{k.url}", ""]
            nog("agenda", dag.meer, dag.datum)
    if brief.berichten:
        kop("Nieuws")
        for b in brief.berichten:
            verschenen = f", verschenen op {b.origineel.site}" if b.origineel else ""
            out += _regels(f"- {b.titel} ({dutch_date(b.datum)}{verschenen})")
            if b.samenvatting:
                out += _regels(b.samenvatting, "  ")
            out += [f"  {site_url}{b.url}", ""]
        nog("berichten", brief.meer_berichten)
    if brief.initiatieven:
        kop("Nieuwe initiatieven")
        for i in brief.initiatieven:
            out += _regels(f"- {i.titel}")
            out += _regels(i.samenvatting, "  ")
            out += [f"  {site_url}{i.url}", ""]
        nog("initiatieven", brief.meer_initiatieven)
    if brief.vragen or brief.koppelingen:
        kop("Kennis delen")
        for k in brief.vragen:
            out += _regels(f"- Vraag: {k.titel}")
            out += [f"  {site_url}{k.url}", ""]
        nog("vragen", brief.meer_vragen)
        for p in brief.koppelingen:
            onderwerp = stad.vocabulaire.onderwerp_naam(p.zoekt.onderwerp).lower()
            zin = (
                f"- {p.zoekt.initiatief.titel} ({stad.wijken[p.zoekt.wijk].naam}) zoekt hulp bij {onderwerp}. "
                f"{p.biedt.initiatief.titel} ({stad.wijken[p.biedt.wijk].naam}) weet daar veel van."
            )
            out += _regels(zin)
            out += [f"  {site_url}{p.biedt.initiatief.url}", ""]
        nog("koppelingen", brief.meer_koppelingen)
    out += ["", "-- ", *_regels(f"Deze nieuwsbrief op de site: {site_url}{adres(brief.lijst, brief.week)}")]
    return "\n".join(line.rstrip() for line in out).strip() + "\n"


def _host(site_url: str) -> str:
    """The site's host: the domain of the letter's Message-ID and List-Id."""
    return urlsplit(site_url).hostname or "bovenwijks.invalid"


def message_id(brief: Brief, site_url: str) -> str:
    """`<nieuwsbrief.oost.2026-W49@amersfoort.bovenwijks.nl>`: the same for the same letter, every time."""
    return f"<nieuwsbrief.{brief.lijst}.{brief.week.code}@{_host(site_url)}>"


def _zonder_fotos() -> None:
    # A photo in a mail is loaded from a server when it is read (which tells the server who
    # read it, and which mail apps block), or attached to every copy: the mail has none,
    # also when the build's photos are at hand.
    fotos.use(lambda bestand: None)


def html(brief: Brief, site_url: str, lijst: Lijst) -> str:
    """The letter as the HTML part of its mail: a whole document, every style inlined, no photo."""

    def document() -> str:
        _zonder_fotos()
        return render(
            "nieuwsbrief_mail.html",
            adres(brief.lijst, brief.week),
            root=site_url,
            titel=titel(brief),
            naam=brief.naam,
            brief_html=brief_html(brief, adres(brief.lijst, brief.week), root=site_url),
            web=site_url + adres(brief.lijst, brief.week),
            afmelden=lijst.afmelden,
        )

    # In a copy of the context: the build's photos stay as they were for its own pages.
    return _INLINER.inline(contextvars.copy_context().run(document))


def mail(brief: Brief, site_url: str, *, aan: str, van: str, lijst: Lijst | None = None, datum: datetime | None = None) -> EmailMessage:
    """The letter as a message to `aan` (the list's address) from `van`.

    `lijst` gives its `List-Unsubscribe`; `datum` its Date header (now, when not given).
    """
    lijst = lijst or Lijst()
    message = EmailMessage()
    message["Subject"] = titel(brief)
    message["From"] = van
    message["To"] = aan
    message["Date"] = formatdate(datum.timestamp() if datum else None, localtime=True)
    message["Message-ID"] = message_id(brief, site_url)
    # The id alone: a phrase before it would need quoting for a name with a comma or a dot.
    message["List-Id"] = f"<{brief.lijst}.nieuwsbrief.{_host(site_url)}>"
    message["List-Archive"] = f"<{site_url}{adres(brief.lijst)}>"
    if lijst.afmelden:
        message["List-Unsubscribe"] = f"<{lijst.afmelden}>"
    # Bulk mail, not a reply to anything: auto-responders stay quiet.
    message["Auto-Submitted"] = "auto-generated"
    message["Precedence"] = "bulk"
    message.set_content(tekst(brief, site_url))
    message.add_alternative(html(brief, site_url, lijst), subtype="html")
    return message
