"""Sending a nieuwsbrief by SMTP to a real server on 127.0.0.1 (aiosmtpd), and the logboek that sends it once."""

from __future__ import annotations

import json
import os
import re
import socket
import threading
from datetime import datetime
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from bovenwijks.dates import TZ
from bovenwijks.tools.verzenden import Logboek, Onverzendbaar, Smtp, verzend, verzend_eenmaal

LIJST = "soesterkwartier@lijst.example.org"
VAN = "Bovenwijks Amersfoort <nieuwsbrief@example.org>"
SLEUTEL = "soesterkwartier/2026-W49"


def vrije_poort() -> int:
    """A port nobody listens on: bound by the system, then let go."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Postbus:
    """An aiosmtpd handler that keeps the letters it accepts, and first gives the replies it is told to."""

    def __init__(self, *, rcpt: tuple[str, ...] = (), data: tuple[str, ...] = ()) -> None:
        self.rcpt, self.data = list(rcpt), list(data)
        self.pogingen = 0  # how often a client got as far as naming a recipient
        self.brieven = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        self.pogingen += 1
        if self.rcpt:
            return self.rcpt.pop(0)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.data:
            return self.data.pop(0)
        self.brieven.append(envelope)
        return "250 Message accepted for delivery"


@pytest.fixture
def server():
    """Start an SMTP server on 127.0.0.1 with a handler; the settings to reach it, without TLS."""
    controllers = []

    def start(handler: Postbus, **smtp_options) -> Smtp:
        controller = Controller(handler, hostname="127.0.0.1", port=vrije_poort(), **smtp_options)
        controller.start()
        controllers.append(controller)
        return Smtp(host="127.0.0.1", port=controller.port, user=None, password=None, van=VAN, tls="geen")

    yield start
    for controller in controllers:
        controller.stop()


class Wachten(list):
    """A sleep that waits for nothing and remembers how long it was asked to."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def brief(**headers: str) -> EmailMessage:
    message = EmailMessage()
    message["To"] = LIJST
    message["Subject"] = "Nieuwsbrief Soesterkwartier, week 49: Repair Café"
    message["Message-ID"] = "<nieuwsbrief.soesterkwartier.2026-W49@example.org>"
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content("Zaterdag 5 december: Repair Café in het buurthuis.\n")
    message.add_alternative("<p>Zaterdag 5 december: <strong>Repair Café</strong> in het buurthuis.</p>", subtype="html")
    return message


def test_the_letter_arrives_and_reads_back(server):
    postbus = Postbus()
    smtp = server(postbus)
    verzend(brief(), smtp)
    [envelope] = postbus.brieven
    assert envelope.mail_from == "nieuwsbrief@example.org"
    assert envelope.rcpt_tos == [LIJST]
    received = BytesParser(policy=policy.default).parsebytes(envelope.content)
    assert received["From"] == VAN  # set from BOVENWIJKS_SMTP_FROM: the letter had none
    assert received["To"] == LIJST
    assert received["Subject"] == "Nieuwsbrief Soesterkwartier, week 49: Repair Café"
    assert received["Message-ID"] == "<nieuwsbrief.soesterkwartier.2026-W49@example.org>"
    assert received["Date"] is not None
    assert received.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in received.iter_parts()] == ["text/plain", "text/html"]
    # On the wire every line ends in CRLF (RFC 5321), and the parser leaves it so.
    assert received.get_body(("plain",)).get_content().splitlines() == ["Zaterdag 5 december: Repair Café in het buurthuis."]
    assert "<strong>Repair Café</strong>" in received.get_body(("html",)).get_content()


def test_the_callers_from_is_kept(server):
    postbus = Postbus()
    verzend(brief(From="Soesterkwartier <wijk@example.org>"), server(postbus))
    received = BytesParser(policy=policy.default).parsebytes(postbus.brieven[0].content)
    assert received["From"] == "Soesterkwartier <wijk@example.org>"


def test_no_tries_or_no_recipient_is_never_taken_for_sent(server):
    smtp = server(Postbus())
    with pytest.raises(ValueError, match="at least one try"):
        verzend(brief(), smtp, pogingen=0)
    message = brief()
    del message["To"]
    with pytest.raises(ValueError, match="a To"):
        verzend(message, smtp)


def test_a_refused_recipient_fails_at_once_with_the_servers_reply(server):
    postbus = Postbus(rcpt=("550 5.1.1 Onbekende ontvanger",) * 3)
    smtp = server(postbus)
    wachten = Wachten()
    with pytest.raises(Onverzendbaar) as fout:
        verzend(brief(), smtp, sleep=wachten)
    melding = str(fout.value)
    assert f"127.0.0.1:{smtp.port}" in melding
    assert "550 5.1.1 Onbekende ontvanger" in melding and LIJST in melding
    assert "Opnieuw proberen helpt hier niet" in melding
    assert (postbus.pogingen, wachten, postbus.brieven) == (1, [], [])


@pytest.mark.parametrize("moment", ["rcpt", "data"])
def test_a_temporary_refusal_is_tried_again_until_accepted(server, moment):
    tijdelijk = ("451 4.7.1 Probeer het later nog eens",) * 2
    postbus = Postbus(**{moment: tijdelijk})
    wachten = Wachten()
    verzend(brief(), server(postbus), sleep=wachten, wacht=5.0)
    assert len(postbus.brieven) == 1
    assert wachten == [5.0, 10.0]  # longer each time


def test_temporary_refusals_give_up_after_the_tries(server):
    postbus = Postbus(data=("421 4.3.2 Even niet",) * 5)
    smtp = server(postbus)
    wachten = Wachten()
    with pytest.raises(Onverzendbaar) as fout:
        verzend(brief(), smtp, pogingen=2, sleep=wachten)
    assert "421 4.3.2 Even niet" in str(fout.value) and "2 keer geprobeerd" in str(fout.value)
    assert (postbus.pogingen, wachten, postbus.brieven) == (2, [5.0], [])


def test_a_port_nobody_listens_on_is_tried_then_named():
    smtp = Smtp(host="127.0.0.1", port=vrije_poort(), user=None, password=None, van=VAN, tls="geen")
    wachten = Wachten()
    with pytest.raises(Onverzendbaar) as fout:
        verzend(brief(), smtp, pogingen=3, wacht=2.0, sleep=wachten)
    melding = str(fout.value)
    assert f"De nieuwsbrief is niet verstuurd via 127.0.0.1:{smtp.port}: de server weigerde de verbinding. 3 keer geprobeerd." in melding
    assert "BOVENWIJKS_SMTP_HOST" in melding and "BOVENWIJKS_SMTP_PORT" in melding
    assert wachten == [2.0, 4.0]


def test_a_server_that_hangs_up_is_tried_again():
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.settimeout(10)  # a bound, not a measurement: the thread ends even if nobody comes

        def ophangen() -> None:
            for _ in range(2):
                connection, _address = listener.accept()
                connection.close()

        thread = threading.Thread(target=ophangen)
        thread.start()
        smtp = Smtp(host="127.0.0.1", port=listener.getsockname()[1], user=None, password=None, van=VAN, tls="geen")
        wachten = Wachten()
        with pytest.raises(Onverzendbaar) as fout:
            verzend(brief(), smtp, pogingen=2, sleep=wachten)
        thread.join()
    assert "de server verbrak de verbinding. 2 keer geprobeerd" in str(fout.value)
    assert wachten == [5.0]


@pytest.mark.parametrize(
    "tls, expected",
    [
        ("starttls", "de server biedt geen STARTTLS aan, dus de verbinding kan niet worden beveiligd"),
        ("ssl", "de beveiligde verbinding lukte niet"),  # TLS from the start to a server that speaks plain SMTP
    ],
)
def test_tls_a_plain_server_cannot_give_fails_at_once(server, tls, expected):
    postbus = Postbus()
    smtp = server(postbus)
    wachten = Wachten()
    with pytest.raises(Onverzendbaar) as fout:
        verzend(brief(), Smtp(**{**vars(smtp), "tls": tls}), sleep=wachten)
    melding = str(fout.value)
    assert f"via 127.0.0.1:{smtp.port}: {expected}" in melding
    assert "BOVENWIJKS_SMTP_TLS" in melding and "587" in melding
    assert (wachten, postbus.pogingen, postbus.brieven) == ([], 0, [])


def inlog(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (b"soesterkwartier", b"zeer geheim")
    return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd answers 235 or 535 itself


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_login_with_user_and_password(server):
    postbus = Postbus()
    smtp = server(postbus, authenticator=inlog, auth_require_tls=False, auth_required=True)
    verzend(brief(), Smtp(**{**vars(smtp), "user": "soesterkwartier", "password": "zeer geheim"}))
    assert len(postbus.brieven) == 1


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_a_wrong_password_fails_at_once_and_is_never_shown(server):
    postbus = Postbus()
    smtp = server(postbus, authenticator=inlog, auth_require_tls=False, auth_required=True)
    wachten = Wachten()
    fout_smtp = Smtp(**{**vars(smtp), "user": "soesterkwartier", "password": "fout-wachtwoord"})
    with pytest.raises(Onverzendbaar) as fout:
        verzend(brief(), fout_smtp, sleep=wachten)
    melding = str(fout.value)
    assert "de server weigerde de inlog van soesterkwartier (535" in melding
    assert "BOVENWIJKS_SMTP_PASSWORD" in melding and "fout-wachtwoord" not in melding
    assert "fout-wachtwoord" not in repr(fout_smtp)
    assert (wachten, postbus.brieven) == ([], [])


def test_a_user_without_auth_on_the_server_says_so(server):
    postbus = Postbus()
    smtp = server(postbus)
    with pytest.raises(Onverzendbaar) as fout:
        verzend(brief(), Smtp(**{**vars(smtp), "user": "soesterkwartier", "password": "zeer geheim"}), sleep=Wachten())
    assert "BOVENWIJKS_SMTP_USER" in str(fout.value) and postbus.brieven == []


# --- the settings from the environment -----------------------------------------------------

GOED = {"BOVENWIJKS_SMTP_HOST": "smtp.example.org", "BOVENWIJKS_SMTP_FROM": VAN}


@pytest.mark.parametrize(
    "env, host, port, user, tls",
    [
        (GOED, "smtp.example.org", 587, None, "starttls"),
        ({**GOED, "BOVENWIJKS_SMTP_TLS": "ssl"}, "smtp.example.org", 465, None, "ssl"),
        ({**GOED, "BOVENWIJKS_SMTP_TLS": "Geen"}, "smtp.example.org", 25, None, "geen"),
        ({**GOED, "BOVENWIJKS_SMTP_TLS": "ssl", "BOVENWIJKS_SMTP_PORT": "2465"}, "smtp.example.org", 2465, None, "ssl"),
        # GitHub gives a secret nobody set as an empty string: the default, not an error.
        (
            {**GOED, "BOVENWIJKS_SMTP_PORT": "", "BOVENWIJKS_SMTP_TLS": "", "BOVENWIJKS_SMTP_USER": ""},
            "smtp.example.org",
            587,
            None,
            "starttls",
        ),
        ({**GOED, "BOVENWIJKS_SMTP_HOST": " smtp.example.org\n"}, "smtp.example.org", 587, None, "starttls"),
        (
            {**GOED, "BOVENWIJKS_SMTP_USER": "wijk", "BOVENWIJKS_SMTP_PASSWORD": " zeer geheim "},
            "smtp.example.org",
            587,
            "wijk",
            "starttls",
        ),
    ],
)
def test_settings_from_the_environment(env, host, port, user, tls):
    smtp = Smtp.uit_omgeving(env)
    assert (smtp.host, smtp.port, smtp.user, smtp.van, smtp.tls) == (host, port, user, VAN, tls)
    assert smtp.password == env.get("BOVENWIJKS_SMTP_PASSWORD")  # spaces and all
    assert "geheim" not in repr(smtp)


@pytest.mark.parametrize(
    "env, expected",
    [
        ({}, ["BOVENWIJKS_SMTP_HOST ontbreekt", "BOVENWIJKS_SMTP_FROM ontbreekt"]),
        ({"BOVENWIJKS_SMTP_FROM": VAN}, ["BOVENWIJKS_SMTP_HOST ontbreekt: zet daarin de naam van de mailserver"]),
        ({**GOED, "BOVENWIJKS_SMTP_FROM": "nieuwsbrief"}, ["BOVENWIJKS_SMTP_FROM is 'nieuwsbrief', maar dat is geen e-mailadres"]),
        ({**GOED, "BOVENWIJKS_SMTP_TLS": "tls"}, ["BOVENWIJKS_SMTP_TLS is 'tls', maar dat kan niet: kies starttls, ssl of geen."]),
        (
            {**GOED, "BOVENWIJKS_SMTP_PORT": "smtp"},
            ["BOVENWIJKS_SMTP_PORT is 'smtp', maar dat is geen poortnummer", "587 (starttls), 465 (ssl) of 25 (geen)"],
        ),
        ({**GOED, "BOVENWIJKS_SMTP_PORT": "70000"}, ["BOVENWIJKS_SMTP_PORT is '70000'", "van 1 tot en met 65535"]),
        ({**GOED, "BOVENWIJKS_SMTP_PORT": "-1"}, ["BOVENWIJKS_SMTP_PORT is '-1'"]),
        ({**GOED, "BOVENWIJKS_SMTP_USER": "wijk"}, ["BOVENWIJKS_SMTP_USER is gezet, maar BOVENWIJKS_SMTP_PASSWORD ontbreekt"]),
        ({**GOED, "BOVENWIJKS_SMTP_PASSWORD": "zeer geheim"}, ["BOVENWIJKS_SMTP_PASSWORD is gezet, maar BOVENWIJKS_SMTP_USER ontbreekt"]),
    ],
)
def test_wrong_settings_are_named(env, expected):
    with pytest.raises(Onverzendbaar) as fout:
        Smtp.uit_omgeving(env)
    melding = str(fout.value)
    assert melding.startswith("De instellingen voor het versturen kloppen niet:\n- ")
    for part in expected:
        assert part in melding
    assert "geheim" not in melding


# --- the logboek ---------------------------------------------------------------------------

MOMENT = datetime(2026, 11, 30, 6, 0, 4, tzinfo=TZ)


def test_the_logboek_keeps_every_other_record(tmp_path):
    logboek = Logboek(tmp_path / "staat" / "logboek.json")  # the folder is made
    logboek.noteer("stad/2026-W49", message_id="<a@example.org>", aan="stad@example.org", moment=MOMENT)
    logboek.noteer(SLEUTEL, message_id="<b@example.org>", aan=LIJST, moment=MOMENT)
    assert Logboek(logboek.path).verzonden("stad/2026-W49") == {
        "aan": "stad@example.org",
        "message_id": "<a@example.org>",
        "moment": "2026-11-30T06:00:04+01:00",
    }
    assert Logboek(logboek.path).verzonden(SLEUTEL)["message_id"] == "<b@example.org>"
    assert Logboek(logboek.path).verzonden("soesterkwartier/2026-W50") is None
    data = json.loads(logboek.path.read_text(encoding="utf-8"))
    assert list(data["verzonden"]) == ["soesterkwartier/2026-W49", "stad/2026-W49"]
    assert [p.name for p in logboek.path.parent.iterdir()] == ["logboek.json"]  # no temporary file left


def test_a_failed_write_leaves_the_old_logboek_whole(tmp_path, monkeypatch):
    logboek = Logboek(tmp_path / "logboek.json")
    logboek.noteer("stad/2026-W49", message_id="<a@example.org>", aan="stad@example.org", moment=MOMENT)
    before = logboek.path.read_bytes()

    def vol(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", vol)
    with pytest.raises(Onverzendbaar) as fout:
        logboek.noteer(SLEUTEL, message_id="<b@example.org>", aan=LIJST, moment=MOMENT)
    assert logboek.path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["logboek.json"]
    melding = str(fout.value)
    # The letter did go out: it says so, and gives the record to put in by hand.
    assert f"De nieuwsbrief {SLEUTEL} is verstuurd naar {LIJST}, maar staat niet in het logboek." in melding
    assert "No space left on device" in melding and '"message_id": "<b@example.org>"' in melding


@pytest.mark.parametrize(
    "text, why",
    [
        ('{"verzonden": {"stad/2026-W49": ', "regel 1 is geen geldige JSON"),
        ("[]", "het is geen logboek van nieuwsbrieven"),
        ('{"verzonden": {"stad/2026-W49": "ja"}}', "het is geen logboek van nieuwsbrieven"),
    ],
)
def test_a_broken_logboek_is_named_and_never_overwritten(tmp_path, text, why):
    path = tmp_path / "logboek.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(Onverzendbaar) as fout:
        Logboek(path).verzonden(SLEUTEL)
    assert f"Het logboek {path} is niet te gebruiken: {why}" in str(fout.value)
    assert "Er is niets verstuurd" in str(fout.value)
    with pytest.raises(Onverzendbaar):
        Logboek(path).noteer(SLEUTEL, message_id="<b@example.org>", aan=LIJST, moment=MOMENT)
    assert path.read_text(encoding="utf-8") == text


def test_a_logboek_not_in_utf8_is_named(tmp_path):
    path = tmp_path / "logboek.json"
    path.write_bytes(b'{"verzonden": {"caf\xe9": {}}}')
    with pytest.raises(Onverzendbaar, match="is niet te gebruiken: het is niet te lezen"):
        Logboek(path).verzonden(SLEUTEL)


def test_the_default_logboek_follows_xdg_state_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert Logboek.standaard() == tmp_path / "state" / "bovenwijks" / "nieuwsbrief-logboek.json"
    monkeypatch.setenv("HOME", str(tmp_path / "thuis"))
    for value in ("", "relatief/pad"):  # the XDG specification ignores a relative path
        monkeypatch.setenv("XDG_STATE_HOME", value)
        assert Logboek.standaard() == tmp_path / "thuis" / ".local" / "state" / "bovenwijks" / "nieuwsbrief-logboek.json"


def test_the_already_sent_message_says_when_and_to_whom():
    record = {"aan": LIJST, "message_id": "<b@example.org>", "moment": "2026-11-30T05:00:04+00:00"}
    assert Logboek.al_verzonden_melding(SLEUTEL, record) == (
        f"De nieuwsbrief {SLEUTEL} is al verzonden op maandag 30 november 2026 om 6.00 uur aan {LIJST}; er is niets verstuurd."
    )
    assert (
        Logboek.al_verzonden_melding(SLEUTEL, {"moment": "gisteren"}) == f"De nieuwsbrief {SLEUTEL} is al verzonden; er is niets verstuurd."
    )


# --- the flow of the command: check the logboek, send, record -------------------------------


def test_a_refused_letter_is_not_recorded_and_goes_out_next_time(server, tmp_path):
    postbus = Postbus(rcpt=("550 5.7.1 Niet toegestaan",))
    smtp = server(postbus)
    logboek = Logboek(tmp_path / "logboek.json")
    with pytest.raises(Onverzendbaar, match=re.escape("550 5.7.1 Niet toegestaan")):
        verzend_eenmaal(logboek, SLEUTEL, brief(), smtp, sleep=Wachten())
    assert not logboek.path.exists() and logboek.verzonden(SLEUTEL) is None

    assert verzend_eenmaal(logboek, SLEUTEL, brief(), smtp, sleep=Wachten()) is None  # sent now
    assert len(postbus.brieven) == 1
    record = logboek.verzonden(SLEUTEL)
    assert (record["aan"], record["message_id"]) == (LIJST, "<nieuwsbrief.soesterkwartier.2026-W49@example.org>")
    assert datetime.fromisoformat(record["moment"]).tzinfo is not None


def test_a_second_run_sends_nothing(server, tmp_path):
    postbus = Postbus()
    smtp = server(postbus)
    logboek = Logboek(tmp_path / "logboek.json")
    assert verzend_eenmaal(logboek, SLEUTEL, brief(), smtp) is None
    again = verzend_eenmaal(Logboek(logboek.path), SLEUTEL, brief(), smtp)
    assert again == logboek.verzonden(SLEUTEL)
    assert len(postbus.brieven) == 1
    # Another week, or the city's letter of the same week, is another letter.
    verzend_eenmaal(logboek, "stad/2026-W49", brief(), smtp)
    assert len(postbus.brieven) == 2
