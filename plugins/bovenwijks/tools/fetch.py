"""Fetching a wijk's own feed or calendar from another server, safely, with httpx.

`haal` is the one way `bovenwijks ophalen` reaches the network. Other people's servers may be
slow, broken or hostile, and a `feed` address may point into the network of the machine that
fetches (a CI runner's cloud metadata service at 169.254.169.254), so:

- only `http:` and `https:` addresses are fetched;
- the host's name is resolved here, and every address it resolves to is checked (`weigering`)
  before any connection: private, loopback, link-local, multicast, reserved and shared ranges
  are refused, in their IPv6 forms too. The connection then goes to an address that was
  checked, never to a second lookup of the name;
- redirects are followed here, at most `MAX_REDIRECTS`, each one checked the same way;
- there are connect and read timeouts, a deadline for the whole fetch, and a size cap that
  is checked on `Content-Length` and again while the answer streams in;
- a conditional request (`If-None-Match`, `If-Modified-Since`) makes an unchanged source a
  304 without a body.

Every failure is a `Mislukt` whose `str()` is a Dutch sentence for the wijk's editors; a
`Geweigerd` is one refused before any connection, and says which address and why.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import urljoin, urlsplit

import httpx

MAX_BYTES = 5 * 1024 * 1024  # a feed or calendar; photos pass max_bytes=20 MB
MAX_REDIRECTS = 5
_SCHEMES = ("http", "https")
# Carrier-grade NAT (RFC 6598): inside a provider's network, and not "private" to ipaddress.
_GEDEELD = ipaddress.ip_network("100.64.0.0/10")
# NAT64 (RFC 6052): an IPv4 address in the last 32 bits, reached through a gateway.
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_LOOPBACK_V4 = ipaddress.ip_network("127.0.0.0/8")
_LOOPBACK_V6 = ipaddress.ip_address("::1")
_MB = 1024 * 1024


@dataclass(frozen=True)
class Limieten:
    """How long and how much one fetch may take: the defaults are for real use, tests pass small ones."""

    connect: float = 5.0  # seconds to set up a connection
    read: float = 10.0  # seconds the server may stay silent
    totaal: float = 30.0  # seconds for the whole fetch, redirects included
    max_bytes: int = MAX_BYTES


class Mislukt(Exception):
    """Why a fetch failed: `str(e)` is a Dutch sentence for editors, such as "de server gaf foutcode 500"."""


class Geweigerd(Mislukt):
    """A fetch refused before any connection: a scheme or an address range, naming which and why."""


@dataclass(frozen=True)
class Antwoord:
    """What a source answered, after its redirects."""

    url: str  # the final URL, after redirects
    status: int  # 200, or 304 (body b"") for a conditional request that found it unchanged
    body: bytes
    etag: str | None
    last_modified: str | None
    content_type: str | None


def user_agent(site_url: str) -> str:
    """The User-Agent of a city's fetches, naming the platform and the city's site.

    A source's owner who sees it in a log knows who fetches and where the content goes:
    "bovenwijks/0.1.0 (+https://amersfoort.bovenwijks.example/)".
    """
    try:
        versie = version("bovenwijks")
    except PackageNotFoundError:
        versie = "0"
    return f"bovenwijks/{versie} (+{site_url})" if site_url else f"bovenwijks/{versie}"


def weigering(address: ipaddress.IPv4Address | ipaddress.IPv6Address, lokaal: bool) -> str | None:
    """Why `address` may not be fetched from, in Dutch naming it; None when it is a public address.

    `lokaal` allows loopback (127.0.0.0/8 and ::1) and nothing more, for tests and local
    fixtures. An IPv4 address written in an IPv6 form (IPv4-mapped, 6to4, NAT64) is judged
    as the IPv4 address it reaches.
    """
    if lokaal and (address == _LOOPBACK_V6 or (address.version == 4 and address in _LOOPBACK_V4)):
        return None
    ingebed = _ingebed_ipv4(address)
    if ingebed is not None:
        reden = weigering(ingebed, lokaal=False)
        return f"{address} is een IPv6-vorm van {ingebed}, en {reden}" if reden else None
    if address.is_unspecified:
        return f"{address} is geen adres van een server maar het onbepaalde adres"
    if address.is_loopback:
        return f"{address} is een loopback-adres: het wijst naar de computer die ophaalt zelf"
    if address.is_link_local:
        return (
            f"{address} is een link-local adres, alleen bereikbaar binnen het eigen netwerk (zoals de metadatadienst van een cloudserver)"
        )
    if address.is_multicast:
        return f"{address} is een multicast-adres, geen adres van een server"
    if address.version == 6 and address.is_site_local:
        return f"{address} is een site-local adres, van een intern netwerk"
    if address.version == 4 and address in _GEDEELD:
        return f"{address} is een gedeeld adres binnen het netwerk van een provider (100.64.0.0/10)"
    if address.is_reserved:
        return f"{address} is een gereserveerd adres, niet in gebruik op internet"
    if address.is_private:
        return f"{address} is een privé-adres, van een intern netwerk"
    if not address.is_global:
        return f"{address} is geen openbaar adres op internet"
    return None


def _ingebed_ipv4(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address stands for (IPv4-mapped, 6to4, NAT64), if it is one."""
    if address.version == 4:
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def haal(
    url: str,
    *,
    user_agent: str,
    etag: str | None = None,
    last_modified: str | None = None,
    lokaal: bool = False,
    limieten: Limieten = Limieten(),
) -> Antwoord:
    """GET `url` within `limieten`, following at most `MAX_REDIRECTS` redirects, each one checked.

    With `etag` or `last_modified` (from the previous fetch) the request is conditional, and
    an unchanged source answers `Antwoord(status=304, body=b"")`. Raises `Geweigerd` before
    connecting to an address that is not public (see `weigering`), and `Mislukt` for every
    other failure: a timeout, an answer too large, an HTTP error status, too many redirects.
    """
    # gzip and deflate only, which `_uitgepakt` unpacks under the size cap itself.
    kop = {"User-Agent": user_agent, "Accept-Encoding": ", ".join(_INGEPAKT)}
    if etag:
        kop["If-None-Match"] = etag
    if last_modified:
        kop["If-Modified-Since"] = last_modified
    adres = _adres(url.strip())
    deadline = time.monotonic() + limieten.totaal
    wachter = _Wachter(limieten.totaal)
    try:
        # trust_env=False: a proxy from the environment would resolve the name itself and
        # connect to addresses this module never checked.
        with httpx.Client(trust_env=False, follow_redirects=False) as client:
            for stap in range(MAX_REDIRECTS + 1):
                try:
                    adressen = _toegestaan(adres, lokaal)
                except Geweigerd as e:
                    if stap == 0:
                        raise
                    raise Geweigerd(f"de server verwees door naar {adres}, en daar haalt bovenwijks niet op: {e}") from None
                with _verbonden(client, adres, adressen, kop, limieten, deadline, wachter) as response:
                    if not response.has_redirect_location:
                        return _antwoord(adres, response, etag, last_modified, limieten, deadline, wachter)
                    volgende = urljoin(str(adres), response.headers["Location"])
                if urlsplit(volgende).scheme.lower() not in _SCHEMES:
                    raise Geweigerd(f"de server verwees door naar {volgende}, en bovenwijks haalt alleen http- en https-adressen op")
                try:
                    adres = _adres(volgende)
                except Geweigerd as e:
                    raise Mislukt(f"de server verwees door naar een onbruikbaar adres: {e}") from None
            raise Mislukt(
                f"de server verwees meer dan {MAX_REDIRECTS} keer door (een kringloop van doorverwijzingen?), het laatst naar {adres}"
            )
    finally:
        wachter.stop()


def _adres(url: str) -> httpx.URL:
    """`url` parsed, refused unless it is an http(s) address with a host."""
    scheme = urlsplit(url).scheme.lower()
    if not scheme:
        raise Geweigerd(f"{url!r} is geen volledig adres: het begint niet met http:// of https://")
    if scheme not in _SCHEMES:
        raise Geweigerd(f"bovenwijks haalt alleen http- en https-adressen op, en dit is een {scheme}:-adres")
    try:
        adres = httpx.URL(url)
    except httpx.InvalidURL as e:
        raise Geweigerd(f"het adres {url} is onleesbaar: {e}") from None
    if not adres.host:
        raise Geweigerd(f"het adres {url} noemt geen server")
    return adres


def _toegestaan(adres: httpx.URL, lokaal: bool) -> list[str]:
    """Every address the host of `adres` resolves to, once each, after checking them all."""
    naam = None if _is_ip(adres.host) else adres.raw_host.decode("ascii")
    adressen = [ipaddress.ip_address(adres.host)] if naam is None else _zoek(adres, naam)
    for address in adressen:
        reden = weigering(address, lokaal)
        if reden:
            waar = f"{adres.host} wijst naar {address}: " if naam else ""
            raise Geweigerd(f"{waar}{reden}; bovenwijks haalt alleen op bij openbare adressen op internet")
    return [str(address) for address in adressen]


def _zoek(adres: httpx.URL, naam: str) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    """The addresses `naam` resolves to, in the resolver's order. getaddrinfo has no timeout: the system's resolver has its own."""
    poort = adres.port or (443 if adres.scheme == "https" else 80)
    try:
        gevonden = socket.getaddrinfo(naam, poort, type=socket.SOCK_STREAM)
    except socket.gaierror as e:
        if e.errno == socket.EAI_AGAIN:
            raise Mislukt(f"de naam {adres.host} is nu niet op te zoeken: is er verbinding met internet?") from None
        gevonden = []
    if not gevonden:
        raise Mislukt(f"de naam {adres.host} is niet te vinden: bestaat de website nog, en is het adres goed gespeld?")
    return list(dict.fromkeys(ipaddress.ip_address(info[4][0]) for info in gevonden))


@contextmanager
def _verbonden(
    client: httpx.Client,
    adres: httpx.URL,
    adressen: list[str],
    kop: dict[str, str],
    limieten: Limieten,
    deadline: float,
    wachter: _Wachter,
) -> Iterator[httpx.Response]:
    """The streamed response of `adres` from the first of its checked `adressen` that connects.

    The request goes to the IP address itself, with the name in the Host header and, for
    https, in the TLS handshake (httpx's `sni_hostname` extension), so the certificate is still
    verified against the name. Letting httpx resolve the name again could give another
    address than the one checked (DNS rebinding).
    """
    naam = None if _is_ip(adres.host) else adres.raw_host.decode("ascii")
    for poging, ip in enumerate(adressen):
        resterend = max(deadline - time.monotonic(), 0.001)
        timeout = httpx.Timeout(
            connect=min(limieten.connect, resterend),
            read=min(limieten.read, resterend),
            write=min(limieten.read, resterend),
            pool=min(limieten.connect, resterend),
        )
        extensions = {"trace": wachter.trace}
        if naam and adres.scheme == "https":
            extensions["sni_hostname"] = naam
        request = client.build_request(
            "GET",
            adres.copy_with(host=ip),
            headers={**kop, "Host": adres.netloc.decode("ascii")},
            timeout=timeout,
            extensions=extensions,
        )
        try:
            response = client.send(request, stream=True)
        except (httpx.ConnectError, httpx.ConnectTimeout) as e:
            if poging + 1 < len(adressen) and time.monotonic() < deadline:
                continue  # the name has more addresses (IPv6 and IPv4): try the next
            raise _fout(e, adres, limieten, deadline, wachter) from None
        except (httpx.HTTPError, OSError, ValueError) as e:
            raise _fout(e, adres, limieten, deadline, wachter) from None
        try:
            yield response
        except (httpx.HTTPError, OSError, ValueError) as e:
            raise _fout(e, adres, limieten, deadline, wachter) from None
        finally:
            response.close()
        return


def _antwoord(
    adres: httpx.URL,
    response: httpx.Response,
    etag: str | None,
    last_modified: str | None,
    limieten: Limieten,
    deadline: float,
    wachter: _Wachter,
) -> Antwoord:
    """The final `response` read within the limits, or the Mislukt that says why it is not usable."""
    status = response.status_code
    if status >= 400:
        uitleg = _UITLEG.get(status) or (f" ({response.reason_phrase})" if response.reason_phrase else "")
        raise Mislukt(f"de server gaf foutcode {status}{uitleg}")
    headers = response.headers
    if status == 304:
        return Antwoord(
            str(adres), 304, b"", headers.get("ETag", etag), headers.get("Last-Modified", last_modified), headers.get("Content-Type")
        )
    if not 200 <= status < 300:
        raise Mislukt(f"de server gaf code {status} ({response.reason_phrase}) zonder bruikbare doorverwijzing")
    lengte = headers.get("Content-Length", "")
    if lengte.isdigit() and int(lengte) > limieten.max_bytes:
        raise Mislukt(f"het antwoord is {_mb(int(lengte))} groot, meer dan de grens van {_mb(limieten.max_bytes)}")
    delen, gelezen = [], 0
    for deel in _uitgepakt(response):
        gelezen += len(deel)
        if gelezen > limieten.max_bytes:
            raise Mislukt(f"het antwoord is groter dan de grens van {_mb(limieten.max_bytes)}; het ophalen is afgebroken")
        if time.monotonic() >= deadline:
            raise _te_lang(limieten)
        delen.append(deel)
    if wachter.verlopen:
        raise _te_lang(limieten)  # the deadline closed the connection: what came is only a part
    return Antwoord(str(adres), status, b"".join(delen), headers.get("ETag"), headers.get("Last-Modified"), headers.get("Content-Type"))


# The packings of an answer we unpack (RFC 9110), as zlib's window bits.
_INGEPAKT = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}
_UITGEPAKT_BLOK = 64 * 1024


def _uitgepakt(response: httpx.Response) -> Iterator[bytes]:
    """The body of `response`, unpacked at most a block at a time.

    Not httpx's own decoding: it unpacks a whole chunk at once, and a few hundred bytes of
    gzip can unpack to gigabytes before the size cap sees them. One packing at most: two
    (`gzip, gzip`) only multiply what a small answer becomes. A gzip answer may hold several
    members (RFC 1952), and `deflate` comes zlib-wrapped or, from old servers, raw; an answer
    cut off before its end is a failure, not half a feed.
    """
    packings = [c.strip().lower() for c in response.headers.get("Content-Encoding", "").split(",")]
    packings = [c for c in packings if c and c != "identity"]
    if len(packings) > 1 or (packings and packings[0] not in _INGEPAKT):
        raise Mislukt(f"de server pakte het antwoord in op een manier die bovenwijks niet leest ({', '.join(packings)})")
    if not packings:
        yield from response.iter_raw()
        return
    wbits = _INGEPAKT[packings[0]]
    unpacker, begonnen = zlib.decompressobj(wbits), False
    try:
        for deel in response.iter_raw():
            while deel:
                if unpacker.eof:  # the next member of a gzip answer
                    unpacker = zlib.decompressobj(wbits)
                try:
                    uit = unpacker.decompress(deel, _UITGEPAKT_BLOK)
                except zlib.error:
                    if begonnen or wbits != zlib.MAX_WBITS:
                        raise
                    wbits = -zlib.MAX_WBITS  # raw deflate, without zlib's header
                    unpacker = zlib.decompressobj(wbits)
                    continue
                begonnen = True
                yield uit
                deel = unpacker.unconsumed_tail or (unpacker.unused_data if unpacker.eof else b"")
    except zlib.error as e:
        raise Mislukt(f"het antwoord van de server is kapot ingepakt ({e})") from None
    if begonnen and not unpacker.eof:
        raise Mislukt("het antwoord van de server hield op voordat het af was (ingepakt, maar niet tot het eind)")


# What an editor can do with a status, beyond its number.
_UITLEG = {
    401: ": de bron is afgeschermd met een wachtwoord",
    403: ": de server weigert de toegang",
    404: ": het adres bestaat daar niet (meer)",
    410: ": het adres bestaat daar niet meer",
    429: ": de server wil minder vaak bezocht worden",
    500: ": een fout in de server zelf",
    502: ": de server is tijdelijk onbereikbaar",
    503: ": de server is tijdelijk onbereikbaar",
    504: ": de server is tijdelijk onbereikbaar",
}


def _fout(e: Exception, adres: httpx.URL, limieten: Limieten, deadline: float, wachter: _Wachter) -> Mislukt:
    """The Mislukt for an exception while connecting or reading, in an editor's words."""
    if wachter.verlopen or time.monotonic() >= deadline:
        return _te_lang(limieten)
    host = adres.host
    if isinstance(e, httpx.ConnectTimeout):
        return Mislukt(f"er kwam binnen {_seconden(limieten.connect)} geen verbinding met {host}")
    if isinstance(e, httpx.ConnectError):
        if "CERTIFICATE_VERIFY_FAILED" in str(e):
            return Mislukt(f"het certificaat van {host} klopt niet: de https-verbinding is niet te vertrouwen")
        return Mislukt(f"er is geen verbinding te maken met {host}")
    if isinstance(e, httpx.ReadTimeout):
        return Mislukt(f"de server zweeg langer dan {_seconden(limieten.read)}")
    if isinstance(e, httpx.TimeoutException):
        return Mislukt(f"{host} antwoordde niet op tijd")
    if isinstance(e, httpx.DecodingError):
        return Mislukt(f"{host} stuurde een beschadigd (ingepakt) antwoord")
    if isinstance(e, httpx.RemoteProtocolError):
        return Mislukt(f"{host} verbrak de verbinding of gaf een onleesbaar antwoord")
    return Mislukt(f"de verbinding met {host} brak af")


def _te_lang(limieten: Limieten) -> Mislukt:
    return Mislukt(f"het ophalen duurde te lang: de server antwoordde niet binnen {_seconden(limieten.totaal)}")


def _seconden(n: float) -> str:
    return "1 seconde" if n == 1 else f"{_getal(n)} seconden"


def _mb(n: int) -> str:
    return f"{_getal(n / _MB)} MB"


def _getal(n: float) -> str:
    """A number as Dutch writes it: 2, 1,5."""
    return f"{n:.1f}".removesuffix(".0").replace(".", ",")


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


class _Wachter:
    """The deadline of a whole fetch: when it passes, the connection is shut, wherever httpx is.

    httpx's timeouts count per connect and per read, so a server that sends a byte a second
    never trips them (encode/httpx#1450). The body is also checked between its parts, but a
    server can dribble its headers as slowly; shutting the socket wakes whatever read waits.
    httpx's `trace` extension hands over each connection's network stream as it is made.
    """

    def __init__(self, seconden: float) -> None:
        self.verlopen = False
        self._lock = threading.Lock()
        self._stream = None
        self._timer = threading.Timer(seconden, self._verloop)
        self._timer.daemon = True
        self._timer.start()

    def trace(self, event: str, info: dict) -> None:
        if event in ("connection.connect_tcp.complete", "connection.start_tls.complete"):
            with self._lock:
                self._stream = info["return_value"]
                if self.verlopen:
                    self._sluit()

    def stop(self) -> None:
        self._timer.cancel()
        with self._lock:
            self._stream = None

    def _verloop(self) -> None:
        with self._lock:
            self.verlopen = True
            self._sluit()

    def _sluit(self) -> None:
        sock = self._stream.get_extra_info("socket") if self._stream is not None else None
        if sock is None or sock.fileno() == -1:
            return
        # Through a duplicate of the descriptor: shutting a TLS socket itself from this thread
        # would pull its TLS state away from the read that is using it.
        try:
            with socket.fromfd(sock.fileno(), sock.family, sock.type) as kopie:
                kopie.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass  # already closed: nothing waits on it
