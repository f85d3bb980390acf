"""`bovenwijks nieuwsbrief` as the workflow runs it: a real SMTP server on 127.0.0.1 receives the
letter, read back with the standard library's parser; a second run sends nothing; a refusal
fails and records nothing."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from email import policy
from email.parser import BytesParser

import pytest
from aiosmtpd.controller import Controller
from test_nieuwsbrief import _stad
from test_verzenden import Postbus, vrije_poort


@pytest.fixture
def smtp():
    """An SMTP server on 127.0.0.1 with a `Postbus`; the environment that points the command at it."""
    started = []

    def start(handler: Postbus) -> dict[str, str]:
        controller = Controller(handler, hostname="127.0.0.1", port=vrije_poort())
        controller.start()
        started.append(controller)
        return {
            "BOVENWIJKS_SMTP_HOST": "127.0.0.1",
            "BOVENWIJKS_SMTP_PORT": str(controller.port),
            "BOVENWIJKS_SMTP_TLS": "geen",
            "BOVENWIJKS_SMTP_FROM": "Bovenwijks Teststad <nieuwsbrief@stad.example>",
        }

    yield start
    for controller in started:
        controller.stop()


def _run(city, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    import os

    environment = {k: v for k, v in os.environ.items() if not k.startswith("BOVENWIJKS_")}
    environment |= {"BOVENWIJKS_BUILD_DATE": "2026-11-23", **env}
    return subprocess.run(
        [sys.executable, "-m", "bovenwijks.tools.cli", "nieuwsbrief", "--root", str(city.root), *args],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
        timeout=120,
    )


@pytest.fixture
def stad_city(city):
    _stad(city)
    city.write_config(
        plugins=[
            {"bovenwijks/wijken": {"build_date": "2026-11-23"}},
            {
                "bovenwijks/feeds": {
                    "nieuwsbrief": {
                        "oost": {"aan": "oost@lijst.example", "afmelden": "https://lijst.example/oost/afmelden"},
                        "stad": {"aan": "stad@lijst.example"},
                    }
                }
            },
        ]
    )
    return city


def test_the_letter_arrives_once_as_text_and_html(stad_city, smtp, tmp_path):
    postbus = Postbus()
    env = smtp(postbus)
    logboek = tmp_path / "logboek.json"
    first = _run(stad_city, env, "--wijk", "oost", "--aan", "oost@lijst.example", "--logboek", str(logboek))
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == "Nieuwsbrief Oost, week 48 van 2026: verstuurd naar oost@lijst.example."
    [envelope] = postbus.brieven
    assert envelope.rcpt_tos == ["oost@lijst.example"]
    message = BytesParser(policy=policy.default).parsebytes(envelope.original_content)
    assert message["Subject"] == "Nieuwsbrief Oost, week 48 van 2026"
    assert message["From"] == "Bovenwijks Teststad <nieuwsbrief@stad.example>"
    assert message["Message-ID"] == "<nieuwsbrief.oost.2026-W48@stad.example>"
    assert message["List-Unsubscribe"] == "<https://lijst.example/oost/afmelden>"
    assert [part.get_content_type() for part in message.iter_parts()] == ["text/plain", "text/html"]
    assert "GAAT NIET DOOR" in message.get_body(("plain",)).get_content()
    assert "Bankje geplaatst" in message.get_body(("html",)).get_content()
    recorded = json.loads(logboek.read_text(encoding="utf-8"))["verzonden"]
    assert recorded["oost/2026-W48"]["message_id"] == message["Message-ID"]

    again = _run(stad_city, env, "--wijk", "oost", "--aan", "oost@lijst.example", "--logboek", str(logboek))
    assert again.returncode == 0, again.stderr
    assert "is al verzonden op" in again.stdout and "er is niets verstuurd" in again.stdout
    assert len(postbus.brieven) == 1


def test_a_refusing_server_fails_and_nothing_is_recorded(stad_city, smtp, tmp_path):
    env = smtp(Postbus(rcpt=("550 5.1.1 Deze lijst bestaat niet",)))
    logboek = tmp_path / "logboek.json"
    result = _run(stad_city, env, "--wijk", "oost", "--logboek", str(logboek))
    assert result.returncode == 1
    assert result.stderr.startswith("Nieuwsbrief Oost, week 48 van 2026: ")
    assert "550" in result.stderr and "Traceback" not in result.stderr
    assert not logboek.exists() or "oost/2026-W48" not in logboek.read_text(encoding="utf-8")


def test_alle_sends_every_configured_list_and_the_citys(stad_city, smtp, tmp_path):
    postbus = Postbus()
    result = _run(stad_city, smtp(postbus), "--alle", "--logboek", str(tmp_path / "logboek.json"))
    assert result.returncode == 0, result.stderr
    assert sorted(e.rcpt_tos[0] for e in postbus.brieven) == ["oost@lijst.example", "stad@lijst.example"]
    subjects = sorted(BytesParser(policy=policy.default).parsebytes(e.original_content)["Subject"] for e in postbus.brieven)
    assert subjects == ["Nieuwsbrief Amersfoort, week 48 van 2026", "Nieuwsbrief Oost, week 48 van 2026"]  # the wijken plugin's `stad`


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["--wijk", "oosst", "--aan", "x@y.example"], 2, "er is geen wijk 'oosst'; bedoel je 'oost'? (kies uit: oost, west)"),
        (["--wijk", "west"], 2, "naar welk adres? Geef --aan, of zet 'aan' bij nieuwsbrief: west onder bovenwijks/feeds in mkdocs.yml"),
        (["--week", "2026-49", "--wijk", "oost"], 2, "--week: '2026-49' is geen week; schrijf het jaar en de week zo: 2026-W49"),
        (["--alle", "--wijk", "oost"], 2, "--alle verstuurt naar elke lijst uit mkdocs.yml; gebruik het zonder --wijk en --aan"),
    ],
)
def test_wrong_arguments_are_said_in_dutch(stad_city, args, code, message):
    result = _run(stad_city, {}, *args)
    assert result.returncode == code
    assert result.stderr.strip() == f"bovenwijks nieuwsbrief: {message}"


def test_a_week_with_nothing_sends_nothing_and_needs_no_server(stad_city, tmp_path):
    result = _run(
        stad_city, {}, "--wijk", "west", "--aan", "west@lijst.example", "--week", "2026-W40", "--logboek", str(tmp_path / "l.json")
    )
    assert result.returncode == 0, result.stderr
    assert "er is niets te melden" in result.stdout
    assert not (tmp_path / "l.json").exists()


def test_missing_smtp_settings_are_named(stad_city, tmp_path):
    result = _run(stad_city, {}, "--wijk", "oost", "--logboek", str(tmp_path / "l.json"))
    assert result.returncode == 1
    assert "BOVENWIJKS_SMTP_HOST" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "text, message",
    [
        ("- site_url: https://stad.example/\n", "mkdocs.yml: is geen geldige mkdocs.yml: er hoort bovenaan een lijst van sleutels in"),
        (
            "site_url: https://stad.example/\nplugins:\n  - bovenwijks/feeds: 5\n",
            "mkdocs.yml: de opties van bovenwijks/feeds moeten sleutels met waarden zijn, geen 5",
        ),
        (
            "site_url: https://stad.example/\nplugins:\n  - bovenwijks/feeds:\n      nieuwsbrief: [oost]\n",
            "mkdocs.yml: bovenwijks/feeds: nieuwsbrief moet per lijst {aan, aanmelden, afmelden} zijn, geen ['oost']",
        ),
    ],
)
def test_a_malformed_mkdocs_yml_is_named_without_a_traceback(tmp_path, text, message):
    from bovenwijks.tools.instellingen import lees

    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(message)):
        lees(tmp_path)


def test_the_lists_are_read_also_when_plugins_is_a_mapping(tmp_path):
    from bovenwijks.tools.instellingen import lees

    (tmp_path / "mkdocs.yml").write_text(
        "site_url: https://stad.example/\nplugins:\n  bovenwijks/wijken:\n    stad: Teststad\n"
        "  bovenwijks/feeds:\n    nieuwsbrief:\n      oost:\n        aan: oost@lijst.example\n",
        encoding="utf-8",
    )
    instellingen = lees(tmp_path)
    assert instellingen.stad == "Teststad"
    assert instellingen.lijsten["oost"].aan == "oost@lijst.example"


def test_alle_names_a_list_of_a_wijk_that_does_not_exist_and_sends_the_others(stad_city, smtp, tmp_path):
    stad_city.write_config(
        plugins=[
            {"bovenwijks/wijken": {"build_date": "2026-11-23"}},
            {"bovenwijks/feeds": {"nieuwsbrief": {"oosst": {"aan": "oost@lijst.example"}, "stad": {"aan": "stad@lijst.example"}}}},
        ]
    )
    postbus = Postbus()
    result = _run(stad_city, smtp(postbus), "--alle", "--logboek", str(tmp_path / "logboek.json"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "nieuwsbrief: oosst: er is geen wijk 'oosst'; bedoel je 'oost'?" in result.stderr
    assert [e.rcpt_tos for e in postbus.brieven] == [["stad@lijst.example"]]


def test_only_what_a_fatal_problem_leaves_out_is_named(stad_city, tmp_path):
    args = ("--wijk", "west", "--aan", "west@lijst.example", "--week", "2026-W40", "--logboek", str(tmp_path / "l.json"))
    stad_city.bericht("oost", "zonder-foto", titel="Zonder foto", afbeelding={"bestand": "weg.jpg", "alt": "Er is geen foto"})
    advice = _run(stad_city, {}, *args)
    assert advice.returncode == 0, advice.stderr
    assert advice.stderr == ""  # the bericht is in the letter, only its photo is not
    stad_city.activiteit("oost", "kapot", start="geen datum", titel="Kapot")
    fatal = _run(stad_city, {}, *args)
    assert fatal.returncode == 0, fatal.stderr
    assert "wijken/oost/agenda/kapot.md" in fatal.stderr and "make check" in fatal.stderr
