"""Sending a nieuwsbrief by SMTP: once, and only recorded once the server has accepted it.

The settings come from the environment (`Smtp.uit_omgeving`), because they hold a password
and differ per city: `BOVENWIJKS_SMTP_HOST`, `_PORT`, `_USER`, `_PASSWORD`, `_FROM` and `_TLS`.
`verzend` hands one message to the server, retrying what may pass (a refused or broken
connection, a 4xx reply) a few times with growing waits, and fails at once on a 5xx reply,
which no retry changes. Every failure is an `Onverzendbaar` with a Dutch message.

The logboek is the record of what went out, so a letter is never sent twice. It is a JSON file,
written whole to a temporary file and moved into place, so it is always either the old or the
new record, never half of one:

    {
      "logboek": "bovenwijks-nieuwsbrief",
      "versie": 1,
      "verzonden": {
        "soesterkwartier/2026-W49": {
          "aan": "soesterkwartier@lijst.example.org",
          "message_id": "<nieuwsbrief.soesterkwartier.2026-W49@bovenwijks.example.org>",
          "moment": "2026-11-30T06:00:04+01:00"
        }
      }
    }

A key is `<wijk>/<ISO week>`, or `stad/<ISO week>` for the city's letter; `moment` is when the
server accepted the letter (ISO 8601, with its offset). A logboek that cannot be read is an
error, never a fresh start: starting afresh would forget every letter and send them all again.
"""

from __future__ import annotations

import json
import os
import smtplib
import socket
import ssl
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr
from pathlib import Path

from bovenwijks.dates import TZ, dutch_date, dutch_time

ENV = "BOVENWIJKS_SMTP_"
# The port each way of securing the connection is usually served on (RFC 8314, RFC 6409).
TLS_POORTEN = {"starttls": 587, "ssl": 465, "geen": 25}

LOGBOEK_NAAM = "nieuwsbrief-logboek.json"
_SOORT = "bovenwijks-nieuwsbrief"
_VERSIE = 1


class Onverzendbaar(Exception):
    """Why a letter was not sent, in Dutch for the person running the command: `str(e)`, no traceback."""


class _Onleesbaar(Exception):
    """Why the logboek cannot be read; the caller says what that means for the letter."""


@dataclass(frozen=True)
class Smtp:
    """How to reach the mail server. The password is left out of `repr`, so no log shows it."""

    host: str
    port: int
    user: str | None
    password: str | None = field(repr=False)
    van: str
    tls: str  # "starttls", "ssl" or "geen"

    @property
    def adres(self) -> str:
        """`smtp.example.org:587`, as the messages name the server."""
        return f"{self.host}:{self.port}"

    @classmethod
    def uit_omgeving(cls, env: Mapping[str, str] = os.environ) -> Smtp:
        """The settings from `BOVENWIJKS_SMTP_*`; every problem with them named at once.

        An empty variable counts as missing: GitHub Actions gives a secret nobody set as "".
        """

        def waarde(naam: str) -> str:
            return env.get(ENV + naam, "").strip()

        problemen = []
        host, van = waarde("HOST"), waarde("FROM")
        if not host:
            problemen.append(f"{ENV}HOST ontbreekt: zet daarin de naam van de mailserver, bijvoorbeeld smtp.example.org.")
        if not van:
            problemen.append(
                f"{ENV}FROM ontbreekt: zet daarin het adres waarvan de nieuwsbrief komt, bijvoorbeeld nieuwsbrief@example.org."
            )
        elif "@" not in parseaddr(van)[1]:
            problemen.append(
                f"{ENV}FROM is '{van}', maar dat is geen e-mailadres: schrijf het als nieuwsbrief@example.org of als Naam <nieuwsbrief@example.org>."
            )
        tls = waarde("TLS").lower() or "starttls"
        if tls not in TLS_POORTEN:
            problemen.append(f"{ENV}TLS is '{waarde('TLS')}', maar dat kan niet: kies starttls, ssl of geen.")
        port = TLS_POORTEN.get(tls, TLS_POORTEN["starttls"])
        if tekst := waarde("PORT"):
            if tekst.isdigit() and 1 <= int(tekst) <= 65535:
                port = int(tekst)
            else:
                problemen.append(
                    f"{ENV}PORT is '{tekst}', maar dat is geen poortnummer: schrijf een getal van 1 tot en met 65535, "
                    "meestal 587 (starttls), 465 (ssl) of 25 (geen)."
                )
        user = waarde("USER") or None
        password = env.get(ENV + "PASSWORD") or None  # as written: spaces may belong to a password
        if user and not password:
            problemen.append(
                f"{ENV}USER is gezet, maar {ENV}PASSWORD ontbreekt: zet ze allebei, of geen van beide als de server geen inlog vraagt."
            )
        if password and not user:
            problemen.append(
                f"{ENV}PASSWORD is gezet, maar {ENV}USER ontbreekt: zet ze allebei, of geen van beide als de server geen inlog vraagt."
            )
        if problemen:
            raise Onverzendbaar("De instellingen voor het versturen kloppen niet:\n" + "\n".join(f"- {p}" for p in problemen))
        return cls(host=host, port=port, user=user, password=password, van=van, tls=tls)


class Logboek:
    """The record of letters sent, a JSON file: never twice, never lost (see the module's docstring)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    @staticmethod
    def standaard() -> Path:
        """`$XDG_STATE_HOME/bovenwijks/nieuwsbrief-logboek.json`, else under `~/.local/state`.

        State, not cache: the XDG base directories keep state between runs, and a cache may be
        emptied at any time, which would send every letter again.
        """
        state = os.environ.get("XDG_STATE_HOME", "")
        # The specification ignores a relative path: it would depend on where the command runs.
        basis = Path(state) if state and Path(state).is_absolute() else Path.home() / ".local" / "state"
        return basis / "bovenwijks" / LOGBOEK_NAAM

    def _lees(self) -> dict[str, dict]:
        try:
            tekst = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except (OSError, UnicodeDecodeError) as fout:
            raise _Onleesbaar(f"het is niet te lezen ({_reden(fout)})") from None
        try:
            data = json.loads(tekst)
        except json.JSONDecodeError as fout:
            raise _Onleesbaar(f"regel {fout.lineno} is geen geldige JSON ({fout.msg})") from None
        verzonden = data.get("verzonden") if isinstance(data, dict) else None
        if not isinstance(verzonden, dict) or not all(isinstance(record, dict) for record in verzonden.values()):
            raise _Onleesbaar("het is geen logboek van nieuwsbrieven (er hoort een object 'verzonden' in)")
        return verzonden

    def verzonden(self, sleutel: str) -> dict | None:
        """The record of the letter `sleutel` (`soesterkwartier/2026-W49`), or None if it was not sent."""
        try:
            return self._lees().get(sleutel)
        except _Onleesbaar as fout:
            raise Onverzendbaar(
                f"Het logboek {self.path} is niet te gebruiken: {fout}. Er is niets verstuurd. "
                "Zonder logboek is niet te zien welke nieuwsbrieven al zijn verstuurd, dus het wordt niet overschreven. "
                "Herstel het bestand (bijvoorbeeld uit git), of kies een ander met --logboek."
            ) from None

    def noteer(self, sleutel: str, *, message_id: str, aan: str, moment: datetime) -> None:
        """Record `sleutel` as sent, keeping every other record; the file is replaced whole, at once."""
        if moment.tzinfo is None:
            raise ValueError("moment needs its time zone: the logboek is read in other places")
        record = {"aan": aan, "message_id": message_id, "moment": moment.isoformat(timespec="seconds")}
        try:
            verzonden = self._lees()  # again: the other records as they are now, not as they were
        except _Onleesbaar as fout:
            raise Onverzendbaar(self._niet_genoteerd(sleutel, record, f"Het logboek {self.path} is niet te gebruiken: {fout}.")) from None
        verzonden[sleutel] = record
        data = {"logboek": _SOORT, "versie": _VERSIE, "verzonden": dict(sorted(verzonden.items()))}
        # One key per line, sorted: the workflow keeps the logboek in git, and its diffs stay readable.
        tekst = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        tijdelijk = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # In the same folder: os.replace is atomic only within one file system.
            with tempfile.NamedTemporaryFile(
                "w", encoding="utf-8", dir=self.path.parent, prefix=f".{self.path.name}.", delete=False
            ) as bestand:
                tijdelijk = Path(bestand.name)
                bestand.write(tekst)
                bestand.flush()
                os.fsync(bestand.fileno())
            os.replace(tijdelijk, self.path)
        except OSError as fout:
            if tijdelijk is not None:
                tijdelijk.unlink(missing_ok=True)
            raise Onverzendbaar(
                self._niet_genoteerd(sleutel, record, f"Het logboek {self.path} kon niet worden bijgewerkt ({_reden(fout)}).")
            ) from None

    def _niet_genoteerd(self, sleutel: str, record: dict, waarom: str) -> str:
        # The letter went out: say so first, and give the record to put in by hand.
        return (
            f"De nieuwsbrief {sleutel} is verstuurd naar {record['aan']}, maar staat niet in het logboek. {waarom} "
            f'Zet hem er zelf in, anders gaat hij de volgende keer opnieuw: "{sleutel}": {json.dumps(record, ensure_ascii=False)}'
        )

    @staticmethod
    def al_verzonden_melding(sleutel: str, record: dict) -> str:
        """What the command says when the letter `sleutel` went out before: when, and to whom."""
        wanneer = ""
        try:
            moment = datetime.fromisoformat(str(record.get("moment", "")))
            if moment.tzinfo is not None:
                moment = moment.astimezone(TZ)
                wanneer = f" op {dutch_date(moment.date(), weekday=True)} om {dutch_time(moment)}"
        except ValueError:
            pass  # a record edited by hand: the letter was sent, when is less important
        aan = f" aan {record['aan']}" if record.get("aan") else ""
        return f"De nieuwsbrief {sleutel} is al verzonden{wanneer}{aan}; er is niets verstuurd."


def verzend(
    message: EmailMessage,
    smtp: Smtp,
    *,
    pogingen: int = 3,
    wacht: float = 5.0,
    sleep: Callable[[float], object] = time.sleep,
    timeout: float = 30,
) -> None:
    """Send `message` (its To/From already set by the caller; set From from smtp.van when missing) and return only once the server accepted it.

    A message without Date or Message-ID gets one, so the logboek can name what went out. A
    refused or broken connection, a timeout and a 4xx reply are tried again, `pogingen` times in
    all, waiting `wacht`, then twice as long, between them; a 5xx reply fails at once.
    """
    if pogingen < 1 or message["To"] is None:
        raise ValueError("verzend needs at least one try and a message with a To: it would return as if sent")
    if message["From"] is None:
        message["From"] = smtp.van
    if message["Date"] is None:
        message["Date"] = format_datetime(datetime.now(TZ))
    if message["Message-ID"] is None:
        message["Message-ID"] = make_msgid(domain=parseaddr(smtp.van)[1].rpartition("@")[2] or None)
    for poging in range(1, pogingen + 1):
        try:
            _verstuur(message, smtp, timeout)
            return
        except OSError as fout:  # smtplib's errors are OSErrors too
            tijdelijk, wat, controleer = _oordeel(fout, smtp, timeout)
            if not tijdelijk:
                raise Onverzendbaar(_melding(smtp, f"{wat}. Opnieuw proberen helpt hier niet. {controleer}")) from None
            if poging == pogingen:
                keer = "1 keer" if pogingen == 1 else f"{pogingen} keer"
                raise Onverzendbaar(_melding(smtp, f"{wat}. {keer} geprobeerd. {controleer}")) from None
            sleep(wacht * 2 ** (poging - 1))


def verzend_eenmaal(logboek: Logboek, sleutel: str, message: EmailMessage, smtp: Smtp, **verzend_opties) -> dict | None:
    """Send the letter `sleutel` unless the logboek has it, then record it: the record it had, or None when sent now."""
    if record := logboek.verzonden(sleutel):
        return record
    verzend(message, smtp, **verzend_opties)
    # Only now: a letter the server did not accept is not in the logboek, and goes out next time.
    logboek.noteer(sleutel, message_id=str(message["Message-ID"]), aan=str(message["To"]), moment=datetime.now(TZ))
    return None


def _verstuur(message: EmailMessage, smtp: Smtp, timeout: float) -> None:
    """One try: connect, secure, log in, send; raises what went wrong."""
    context = ssl.create_default_context()
    if smtp.tls == "ssl":
        server: smtplib.SMTP = smtplib.SMTP_SSL(smtp.host, smtp.port, timeout=timeout, context=context)
    else:
        server = smtplib.SMTP(smtp.host, smtp.port, timeout=timeout)
    try:
        if smtp.tls == "starttls":
            server.ehlo()
            if not server.has_extn("starttls"):
                raise Onverzendbaar(
                    _melding(
                        smtp,
                        "de server biedt geen STARTTLS aan, dus de verbinding kan niet worden beveiligd. "
                        f"Controleer {ENV}PORT en {ENV}TLS: meestal is het starttls op poort 587 of ssl op poort 465; "
                        "kies alleen geen als de server op dezelfde machine of in hetzelfde netwerk staat",
                    )
                )
            server.starttls(context=context)
            server.ehlo()
        if smtp.user:
            server.login(smtp.user, smtp.password or "")
        geweigerd = server.send_message(message)
        if geweigerd:
            # Some recipients were refused and the others accepted: a retry would send it twice.
            adres, (code, tekst) = next(iter(geweigerd.items()))
            raise Onverzendbaar(
                _melding(smtp, f"de server weigerde de ontvanger {adres} ({code} {_tekst(tekst)}). Controleer het adres van de lijst")
            )
    finally:
        try:
            server.quit()
        except (OSError, smtplib.SMTPException):
            server.close()  # the letter, if sent, was accepted before: a failing goodbye changes nothing


def _oordeel(fout: OSError, smtp: Smtp, timeout: float) -> tuple[bool, str, str]:
    """Whether trying again may help, what went wrong, and what to check; in Dutch."""
    verbinding = f"Controleer {ENV}HOST en {ENV}PORT, en of de server bereikbaar is."
    if isinstance(fout, smtplib.SMTPRecipientsRefused):
        adres, (code, tekst) = next(iter(fout.recipients.items()))
        tijdelijk = all(400 <= antwoord[0] < 500 for antwoord in fout.recipients.values())
        return (
            tijdelijk,
            f"de server weigerde de ontvanger {adres} ({code} {_tekst(tekst)})",
            "Controleer het adres van de lijst van de wijk.",
        )
    if isinstance(fout, smtplib.SMTPResponseException):
        code, tekst = fout.smtp_code, _tekst(fout.smtp_error)
        tijdelijk = 400 <= code < 500
        antwoord = f"({code} {tekst})"
        if isinstance(fout, smtplib.SMTPAuthenticationError):
            return tijdelijk, f"de server weigerde de inlog van {smtp.user} {antwoord}", f"Controleer {ENV}USER en {ENV}PASSWORD."
        if isinstance(fout, smtplib.SMTPSenderRefused):
            return (
                tijdelijk,
                f"de server weigerde de afzender {fout.sender} {antwoord}",
                f"Controleer {ENV}FROM: mag je met deze inlog van dit adres versturen?",
            )
        if isinstance(fout, smtplib.SMTPDataError):
            return tijdelijk, f"de server weigerde de brief {antwoord}", "Het antwoord van de server zegt waarom."
        return tijdelijk, f"de server antwoordde {antwoord}", verbinding
    if isinstance(fout, smtplib.SMTPServerDisconnected):
        return True, "de server verbrak de verbinding", verbinding
    if isinstance(fout, smtplib.SMTPNotSupportedError):
        return False, f"de server kan dit niet: {fout}", f"Controleer {ENV}TLS; laat {ENV}USER leeg als de server geen inlog vraagt."
    if isinstance(fout, smtplib.SMTPException):
        return False, f"het versturen lukte niet: {fout}", f"Controleer {ENV}USER en {ENV}TLS."
    if isinstance(fout, ssl.SSLCertVerificationError):
        return (
            False,
            f"het certificaat van de server klopt niet ({fout.verify_message})",
            f"Controleer of {ENV}HOST de naam is die op het certificaat staat.",
        )
    if isinstance(fout, ssl.SSLError):
        return (
            False,
            f"de beveiligde verbinding lukte niet ({fout.reason or fout})",
            f"Controleer {ENV}TLS en {ENV}PORT: ssl hoort meestal bij poort 465, starttls bij 587.",
        )
    if isinstance(fout, socket.gaierror):
        return True, f"de naam {smtp.host} is niet te vinden ({_reden(fout)})", f"Controleer {ENV}HOST."
    if isinstance(fout, ConnectionRefusedError):
        return True, "de server weigerde de verbinding", verbinding
    if isinstance(fout, TimeoutError):
        return True, f"de server antwoordde niet binnen {timeout:g} seconden", verbinding
    if isinstance(fout, ConnectionError):
        return True, "de verbinding werd verbroken", verbinding
    return True, f"er was geen verbinding ({_reden(fout)})", verbinding


def _melding(smtp: Smtp, tekst: str) -> str:
    """The message of a failure, naming the server; the password never in it, whatever a server says."""
    melding = f"De nieuwsbrief is niet verstuurd via {smtp.adres}: {tekst}"
    return melding.replace(smtp.password, "***") if smtp.password else melding


def _tekst(antwoord: bytes | str) -> str:
    """A server's reply as text: SMTP replies are ASCII, but a server may send anything."""
    tekst = antwoord.decode("utf-8", errors="replace") if isinstance(antwoord, bytes) else str(antwoord)
    return " ".join(tekst.split())


def _reden(fout: OSError | UnicodeDecodeError) -> str:
    return (fout.strerror if isinstance(fout, OSError) and fout.strerror else str(fout)) or type(fout).__name__
