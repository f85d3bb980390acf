"""Fetching a wijk's own source (tools/fetch.py) from servers on 127.0.0.1 that behave well and badly.

Each test checks the Antwoord, or the Dutch sentence an editor reads in `bovenwijks ophalen`'s
report, and what the server saw: which requests came, and how much it had to send.
"""

from __future__ import annotations

import ipaddress
import re
import shutil
import socket
import ssl
import subprocess
import time
from collections import Counter

import certifi
import pytest
from bronserver import Bestand, Bronserver, Doorverwijzing, Fout, Groot, Traag

from bovenwijks.tools.fetch import MAX_REDIRECTS, Antwoord, Geweigerd, Limieten, Mislukt, haal, user_agent, weigering

SITE = "https://amersfoort.bovenwijks.example/"
UA = user_agent(SITE)
MB = 1024 * 1024
RSS = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Soesterkwartier</title></channel></rss>'
ETAG = '"soesterkwartier-v1"'
LAST_MODIFIED = "Mon, 23 Nov 2026 08:00:00 GMT"


def lokaal(url: str, **kwargs) -> Antwoord:
    return haal(url, user_agent=UA, lokaal=True, **kwargs)


@pytest.fixture
def verbindingen(monkeypatch) -> list[tuple[str, int]]:
    """Every address a connection is made to, as httpx's socket layer asks for it."""
    gemaakt = []
    echte = socket.create_connection

    def create_connection(address, *args, **kwargs):
        gemaakt.append(address)
        return echte(address, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", create_connection)
    return gemaakt


class Namen:
    """Made-up names that resolve as a test says: each lookup gets the next answer, the last one repeats."""

    def __init__(self) -> None:
        self.antwoorden: dict[str, list[list[str]]] = {}
        self.opzoekingen: Counter[str] = Counter()

    def zet(self, naam: str, *antwoorden: list[str]) -> None:
        self.antwoorden[naam] = list(antwoorden)

    def zoek(self, naam: str, port: int) -> list[tuple]:
        self.opzoekingen[naam] += 1
        antwoorden = self.antwoorden[naam]
        adressen = antwoorden.pop(0) if len(antwoorden) > 1 else antwoorden[0]
        if not adressen:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [
            (socket.AF_INET6, socket.SOCK_STREAM, 6, "", (a, port, 0, 0))
            if ":" in a
            else (socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port))
            for a in adressen
        ]


@pytest.fixture
def dns(monkeypatch) -> Namen:
    """Made-up names (`dns.zet`); addresses and other names go to the system's resolver as ever."""
    namen = Namen()
    echte = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        return namen.zoek(host, port) if host in namen.antwoorden else echte(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return namen


# --- an answer, and the same answer unchanged ---


@pytest.mark.parametrize(
    "etag, last_modified, gestuurd",
    [
        (ETAG, LAST_MODIFIED, {"If-None-Match": ETAG, "If-Modified-Since": LAST_MODIFIED}),
        (ETAG, None, {"If-None-Match": ETAG}),
        (None, LAST_MODIFIED, {"If-Modified-Since": LAST_MODIFIED}),
    ],
)
def test_an_unchanged_source_is_a_304_without_a_body(bronserver, etag, last_modified, gestuurd):
    url = bronserver.zet("/feed/", Bestand(RSS, "application/rss+xml; charset=UTF-8", etag=etag, last_modified=last_modified))

    eerste = lokaal(url)
    assert eerste == Antwoord(url, 200, RSS, etag, last_modified, "application/rss+xml; charset=UTF-8")

    tweede = lokaal(url, etag=eerste.etag, last_modified=eerste.last_modified)
    assert (tweede.status, tweede.body, tweede.etag, tweede.last_modified) == (304, b"", etag, last_modified)

    verzoeken = bronserver.van("/feed/")
    assert [v.status for v in verzoeken] == [200, 304]
    conditioneel = [{name: v.headers[name] for name in ("If-None-Match", "If-Modified-Since") if name in v.headers} for v in verzoeken]
    assert conditioneel == [{}, gestuurd]


def test_a_changed_source_is_fetched_again(bronserver):
    url = bronserver.zet("/feed/", Bestand(RSS + b"<!-- nieuw -->", "application/rss+xml", etag='"v2"'))
    antwoord = lokaal(url, etag='"v1"')
    assert (antwoord.status, antwoord.body, antwoord.etag) == (200, RSS + b"<!-- nieuw -->", '"v2"')


def test_the_server_is_told_who_fetches_for_which_site(bronserver):
    url = bronserver.zet("/feed/", Bestand(RSS))
    lokaal(url)
    gezien = bronserver.van("/feed/")[0].headers["User-Agent"]
    assert re.fullmatch(r"bovenwijks/\d+\.\d+\.\d+\S* \(\+https://amersfoort\.bovenwijks\.example/\)", gezien)


# --- a server that fails ---


@pytest.mark.parametrize(
    "status, zin",
    [
        (500, "de server gaf foutcode 500: een fout in de server zelf"),
        (404, "de server gaf foutcode 404: het adres bestaat daar niet (meer)"),
        (418, "de server gaf foutcode 418 (I'm a Teapot)"),
    ],
)
def test_an_error_status_is_named(bronserver, status, zin):
    url = bronserver.zet("/feed/", Fout(status))
    with pytest.raises(Mislukt) as fout:
        lokaal(url)
    assert fout.type is Mislukt and str(fout.value) == zin


def test_a_server_that_is_not_there_is_not_reachable():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        poort = sock.getsockname()[1]  # bound, never listening: the connection is refused
        with pytest.raises(Mislukt) as fout:
            lokaal(f"http://127.0.0.1:{poort}/feed/")
    assert fout.type is Mislukt and str(fout.value) == "er is geen verbinding te maken met 127.0.0.1"


@pytest.mark.parametrize("kop", [False, True], ids=["body", "headers"])
def test_a_server_sending_a_byte_a_second_fails_at_the_deadline(bronserver, kop):
    url = bronserver.zet("/traag/", Traag(kop=kop))
    begin = time.monotonic()
    with pytest.raises(Mislukt) as fout:
        lokaal(url, limieten=Limieten(read=10, totaal=1.5))
    duur = time.monotonic() - begin
    assert str(fout.value) == "het ophalen duurde te lang: de server antwoordde niet binnen 1,5 seconden"
    assert 1.4 < duur < 2.5  # at the deadline, not at the read timeout or the end of the answer
    assert 0 < bronserver.verzonden["/traag/"] < 5


@pytest.mark.parametrize("lengte", [True, False], ids=["Content-Length", "chunked"])
def test_a_50_mb_answer_is_cut_off_at_the_limit(bronserver, lengte):
    url = bronserver.zet("/groot/", Groot(50 * MB, lengte=lengte))
    with pytest.raises(Mislukt) as fout:
        lokaal(url, limieten=Limieten(max_bytes=2 * MB))
    if lengte:
        assert str(fout.value) == "het antwoord is 50 MB groot, meer dan de grens van 2 MB"
    else:
        assert str(fout.value) == "het antwoord is groter dan de grens van 2 MB; het ophalen is afgebroken"
    bronserver.wacht()
    # What the server got out before the client hung up: the limit, and what the sockets' buffers held.
    assert bronserver.verzonden["/groot/"] < 20 * MB


def test_an_answer_within_the_limit_is_whole(bronserver):
    url = bronserver.zet("/groot/", Groot(3 * MB, lengte=False))
    assert len(lokaal(url).body) == 3 * MB


# --- redirects ---


def keten(bronserver: Bronserver, stappen: int) -> str:
    """A chain of `stappen` redirects, relative and absolute, ending at a feed; the address of its start."""
    bronserver.zet("/doel/", Bestand(RSS))
    for stap in range(stappen):
        volgende = f"/stap/{stap + 1}/" if stap + 1 < stappen else "/doel/"
        naar = volgende if stap % 2 else bronserver.url(volgende)
        bronserver.zet(f"/stap/{stap}/", Doorverwijzing(naar, status=(301, 302, 303, 307, 308)[stap % 5]))
    return bronserver.url("/stap/0/")


def test_five_redirects_are_followed(bronserver):
    antwoord = lokaal(keten(bronserver, MAX_REDIRECTS))
    assert (antwoord.status, antwoord.body, antwoord.url) == (200, RSS, bronserver.url("/doel/"))
    assert len(bronserver.verzoeken) == 6


def test_a_sixth_redirect_is_refused(bronserver):
    with pytest.raises(Mislukt) as fout:
        lokaal(keten(bronserver, MAX_REDIRECTS + 1))
    assert str(fout.value) == (
        f"de server verwees meer dan 5 keer door (een kringloop van doorverwijzingen?), het laatst naar {bronserver.url('/doel/')}"
    )
    assert bronserver.van("/doel/") == []


def test_a_redirect_loop_ends(bronserver):
    bronserver.zet("/a/", Doorverwijzing("/b/"))
    bronserver.zet("/b/", Doorverwijzing("/a/"))
    with pytest.raises(Mislukt) as fout:
        lokaal(bronserver.url("/a/"))
    assert "meer dan 5 keer door" in str(fout.value)
    assert [v.path for v in bronserver.verzoeken] == ["/a/", "/b/"] * 3


def test_a_redirect_to_the_metadata_service_is_refused_before_connecting(bronserver, verbindingen):
    url = bronserver.zet("/feed/", Doorverwijzing("http://169.254.169.254/latest/meta-data/"))
    with pytest.raises(Geweigerd) as fout:
        lokaal(url)
    assert str(fout.value) == (
        "de server verwees door naar http://169.254.169.254/latest/meta-data/, en daar haalt bovenwijks niet op: "
        "169.254.169.254 is een link-local adres, alleen bereikbaar binnen het eigen netwerk (zoals de metadatadienst van een cloudserver); "
        "bovenwijks haalt alleen op bij openbare adressen op internet"
    )
    assert verbindingen == [("127.0.0.1", bronserver.port)]


@pytest.mark.parametrize("naar", ["file:///etc/passwd", "ftp://example.org/feed.xml"])
def test_a_redirect_to_another_scheme_is_refused(bronserver, naar):
    url = bronserver.zet("/feed/", Doorverwijzing(naar))
    with pytest.raises(Geweigerd) as fout:
        lokaal(url)
    assert str(fout.value) == f"de server verwees door naar {naar}, en bovenwijks haalt alleen http- en https-adressen op"


# --- addresses that are refused ---


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_without_lokaal_the_own_computer_is_refused(bronserver, host, verbindingen):
    bronserver.zet("/feed/", Bestand(RSS))
    with pytest.raises(Geweigerd) as fout:
        haal(bronserver.url("/feed/", host=host), user_agent=UA)
    waar = "localhost wijst naar 127.0.0.1: " if host == "localhost" else ""
    assert str(fout.value) == (
        f"{waar}127.0.0.1 is een loopback-adres: het wijst naar de computer die ophaalt zelf; "
        "bovenwijks haalt alleen op bij openbare adressen op internet"
    )
    assert bronserver.verzoeken == [] and verbindingen == []


@pytest.mark.parametrize(
    "url, zin",
    [
        ("file:///etc/passwd", "bovenwijks haalt alleen http- en https-adressen op, en dit is een file:-adres"),
        ("ftp://example.org/feed.xml", "bovenwijks haalt alleen http- en https-adressen op, en dit is een ftp:-adres"),
        ("javascript:alert(1)", "bovenwijks haalt alleen http- en https-adressen op, en dit is een javascript:-adres"),
        ("data:application/rss+xml,<rss/>", "bovenwijks haalt alleen http- en https-adressen op, en dit is een data:-adres"),
        ("JavaScript:alert(1)", "bovenwijks haalt alleen http- en https-adressen op, en dit is een javascript:-adres"),
        (
            "soesterkwartier.example/feed/",
            "'soesterkwartier.example/feed/' is geen volledig adres: het begint niet met http:// of https://",
        ),
        ("http:///feed/", "het adres http:///feed/ noemt geen server"),
    ],
)
def test_only_http_and_https_addresses_are_fetched(url, zin, verbindingen):
    with pytest.raises(Geweigerd) as fout:
        haal(url, user_agent=UA, lokaal=True)
    assert str(fout.value) == zin
    assert verbindingen == []


def test_every_address_of_a_name_is_checked(dns, verbindingen):
    dns.zet("bron.example", ["93.184.216.34", "10.0.0.1"])
    with pytest.raises(Geweigerd) as fout:
        haal("https://bron.example/feed/", user_agent=UA)
    assert str(fout.value).startswith("bron.example wijst naar 10.0.0.1: 10.0.0.1 is een privé-adres, van een intern netwerk")
    assert verbindingen == []


def test_a_name_that_does_not_resolve_is_named(dns):
    dns.zet("bron.example", [])
    with pytest.raises(Mislukt) as fout:
        haal("https://bron.example/feed/", user_agent=UA)
    assert fout.type is Mislukt
    assert str(fout.value) == "de naam bron.example is niet te vinden: bestaat de website nog, en is het adres goed gespeld?"


def test_the_connection_goes_to_the_address_that_was_checked(bronserver, dns, verbindingen):
    """A second lookup could answer otherwise (DNS rebinding): there is none."""
    dns.zet("bron.example", ["127.0.0.1"], ["10.0.0.1"])
    bronserver.zet("/feed/", Bestand(RSS))
    antwoord = lokaal(f"http://bron.example:{bronserver.port}/feed/")
    assert (antwoord.status, antwoord.body, antwoord.url) == (200, RSS, f"http://bron.example:{bronserver.port}/feed/")
    assert dns.opzoekingen == Counter({"bron.example": 1})
    assert verbindingen == [("127.0.0.1", bronserver.port)]
    assert bronserver.van("/feed/")[0].headers["Host"] == f"bron.example:{bronserver.port}"


def test_the_next_address_of_a_name_is_tried_when_one_does_not_connect(bronserver, dns, verbindingen):
    with socket.socket() as dicht:
        dicht.bind(("127.0.0.2", bronserver.port))  # the same port on another loopback address, refusing
        dns.zet("bron.example", ["127.0.0.2", "127.0.0.1"])
        bronserver.zet("/feed/", Bestand(RSS))
        assert lokaal(f"http://bron.example:{bronserver.port}/feed/").body == RSS
    assert verbindingen == [("127.0.0.2", bronserver.port), ("127.0.0.1", bronserver.port)]


@pytest.mark.parametrize(
    "address, lokaal_, reden",
    [
        ("10.0.0.1", False, "10.0.0.1 is een privé-adres, van een intern netwerk"),
        ("172.16.0.1", False, "172.16.0.1 is een privé-adres, van een intern netwerk"),
        ("192.168.1.1", False, "192.168.1.1 is een privé-adres, van een intern netwerk"),
        ("127.0.0.1", False, "127.0.0.1 is een loopback-adres: het wijst naar de computer die ophaalt zelf"),
        ("::1", False, "::1 is een loopback-adres: het wijst naar de computer die ophaalt zelf"),
        (
            "169.254.169.254",
            False,
            "169.254.169.254 is een link-local adres, alleen bereikbaar binnen het eigen netwerk (zoals de metadatadienst van een cloudserver)",
        ),
        (
            "fe80::1",
            False,
            "fe80::1 is een link-local adres, alleen bereikbaar binnen het eigen netwerk (zoals de metadatadienst van een cloudserver)",
        ),
        ("224.0.0.1", False, "224.0.0.1 is een multicast-adres, geen adres van een server"),
        ("ff02::1", False, "ff02::1 is een multicast-adres, geen adres van een server"),
        ("240.0.0.1", False, "240.0.0.1 is een gereserveerd adres, niet in gebruik op internet"),
        ("0.0.0.0", False, "0.0.0.0 is geen adres van een server maar het onbepaalde adres"),
        ("::", False, ":: is geen adres van een server maar het onbepaalde adres"),
        ("100.64.0.1", False, "100.64.0.1 is een gedeeld adres binnen het netwerk van een provider (100.64.0.0/10)"),
        (
            "::ffff:127.0.0.1",
            False,
            "{adres} is een IPv6-vorm van 127.0.0.1, en 127.0.0.1 is een loopback-adres: het wijst naar de computer die ophaalt zelf",
        ),
        (
            "::ffff:169.254.169.254",
            False,
            "{adres} is een IPv6-vorm van 169.254.169.254, en 169.254.169.254 is een link-local adres, alleen bereikbaar "
            "binnen het eigen netwerk (zoals de metadatadienst van een cloudserver)",
        ),
        ("fc00::1", False, "fc00::1 is een privé-adres, van een intern netwerk"),
        (
            "2002:7f00:0001::1",
            False,
            "{adres} is een IPv6-vorm van 127.0.0.1, en 127.0.0.1 is een loopback-adres: het wijst naar de computer die ophaalt zelf",
        ),
        ("64:ff9b::a00:1", False, "{adres} is een IPv6-vorm van 10.0.0.1, en 10.0.0.1 is een privé-adres, van een intern netwerk"),
        ("192.0.2.1", False, "192.0.2.1 is een privé-adres, van een intern netwerk"),  # documentation: never a real server
        ("93.184.216.34", False, None),
        ("2606:2800:220:1:248:1893:25c8:1946", False, None),
        ("::ffff:93.184.216.34", False, None),  # the IPv6 form of a public address is as public
        ("127.0.0.5", True, None),
        ("::1", True, None),
        ("93.184.216.34", True, None),
        (
            "::ffff:127.0.0.1",
            True,
            "{adres} is een IPv6-vorm van 127.0.0.1, en 127.0.0.1 is een loopback-adres: het wijst naar de computer die ophaalt zelf",
        ),
        ("10.0.0.1", True, "10.0.0.1 is een privé-adres, van een intern netwerk"),
        (
            "169.254.169.254",
            True,
            "169.254.169.254 is een link-local adres, alleen bereikbaar binnen het eigen netwerk (zoals de metadatadienst van een cloudserver)",
        ),
    ],
)
def test_weigering(address, lokaal_, reden):
    """A refusal names the address as Python writes it ("{adres}": IPv6 forms print differently across versions)."""
    ip = ipaddress.ip_address(address)
    assert weigering(ip, lokaal=lokaal_) == (reden.replace("{adres}", str(ip)) if reden else None)


# --- https: the checked address, the name's certificate ---


@pytest.fixture(scope="module")
def certificaten(tmp_path_factory):
    """A test CA, and a certificate it signed for bron.example (made with openssl)."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl ontbreekt: installeer het met `apt-get install openssl`")
    map_ = tmp_path_factory.mktemp("tls")

    def openssl(*args: str) -> None:
        subprocess.run(["openssl", *args], cwd=map_, check=True, capture_output=True)

    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    openssl("req", "-x509", *ec, "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=bovenwijks test-CA")
    openssl("req", *ec, "-keyout", "bron.key", "-out", "bron.csr", "-subj", "/CN=bron.example")
    (map_ / "san.ext").write_text("subjectAltName=DNS:bron.example\n")
    openssl(
        "x509",
        "-req",
        "-in",
        "bron.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-out",
        "bron.pem",
        "-days",
        "2",
        "-extfile",
        "san.ext",
    )
    return map_


@pytest.fixture
def tls_bron(certificaten, monkeypatch, dns):
    """An https server on 127.0.0.1 for bron.example, whose CA the client trusts (httpx takes certifi's)."""
    monkeypatch.setattr(certifi, "where", lambda: str(certificaten / "ca.pem"))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(certificaten / "bron.pem", certificaten / "bron.key")
    with Bronserver(tls=context) as server:
        server.zet("/feed/", Bestand(RSS))
        yield server


def test_https_to_the_checked_address_verifies_the_name(tls_bron, dns):
    dns.zet("bron.example", ["127.0.0.1"])
    url = f"https://bron.example:{tls_bron.port}/feed/"
    assert (lokaal(url).status, lokaal(url).body) == (200, RSS)


def test_a_certificate_for_another_name_is_refused(tls_bron, dns):
    dns.zet("andere.example", ["127.0.0.1"])
    with pytest.raises(Mislukt) as fout:
        lokaal(f"https://andere.example:{tls_bron.port}/feed/")
    assert str(fout.value) == "het certificaat van andere.example klopt niet: de https-verbinding is niet te vertrouwen"
    assert tls_bron.verzoeken == []
