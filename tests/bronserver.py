"""A wijk's own website for tests: an HTTP server on 127.0.0.1, as well or badly behaved as a test needs.

`Bronserver` serves a table of routes, each path one of:

- `Bestand`: fixed bytes with a content type, and an ETag and Last-Modified that a matching
  conditional request gets a 304 for;
- `Fout`: an error status (500, 404);
- `Traag`: one byte a second (the headers too, with `kop=True`), for a bounded number of bytes;
- `Groot`: 50 MB made up as it is sent, with or without Content-Length (then chunked);
- `Doorverwijzing`: a redirect, to another path (a chain, a loop) or another address.

With `tls=` (a server `ssl.SSLContext`) it serves https.

It keeps every request it got (`verzoeken`, with the headers and the status it answered) and
the body bytes it managed to send per path (`verzonden`), so a test can check what a client
did: whether it asked conditionally, or stopped reading. The `bronserver` fixture
(tests/conftest.py) starts one and stops it after the test. Every loop here is bounded, and
every thread a daemon.
"""

from __future__ import annotations

import hashlib
import json
import ssl
import threading
from collections import Counter
from dataclasses import dataclass, field
from email.message import Message
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

HOST = "127.0.0.1"
_BLOK = 64 * 1024


@dataclass(frozen=True)
class Bestand:
    """Fixed bytes; a request with a matching If-None-Match or If-Modified-Since gets a 304."""

    body: bytes
    content_type: str = "application/octet-stream"
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class Fout:
    """An error status, with a small body as servers send."""

    status: int
    body: bytes = b"<html><body>Er ging iets mis</body></html>"


@dataclass(frozen=True)
class Traag:
    """`body` one byte every `tussenpoos` seconds, without a length (it ends when the connection does).

    With `kop=True` the status line and headers come that slowly too.
    """

    body: bytes = b"<rss>" + b" " * 25 + b"</rss>"
    tussenpoos: float = 1.0
    kop: bool = False


@dataclass(frozen=True)
class Groot:
    """`grootte` bytes made up while sending, with a Content-Length or (`lengte=False`) chunked."""

    grootte: int = 50 * 1024 * 1024
    lengte: bool = True


@dataclass(frozen=True)
class Doorverwijzing:
    """A redirect to `naar`: a path on this server, or any address."""

    naar: str
    status: int = 302


Route = Bestand | Fout | Traag | Groot | Doorverwijzing


@dataclass
class Verzoek:
    """One request the server got, and the status it answered (None while it is answering)."""

    path: str
    headers: Message
    status: int | None = None


@dataclass
class Bronserver:
    """An HTTP server on 127.0.0.1 at a free port, serving `routes`; a context manager."""

    routes: dict[str, Route] = field(default_factory=dict)
    verzoeken: list[Verzoek] = field(default_factory=list)
    verzonden: Counter[str] = field(default_factory=Counter)  # body bytes sent per path
    tls: ssl.SSLContext | None = None  # a server context with a certificate: then it serves https

    def __post_init__(self) -> None:
        self._stop = threading.Event()
        self._bezig = 0  # handlers still answering
        self._conditie = threading.Condition()
        self._server = ThreadingHTTPServer((HOST, 0), _handler(self))
        self._server.daemon_threads = True
        if self.tls is not None:
            # The handshake waits for the handler's first read, in the handler's thread.
            self._server.socket = self.tls.wrap_socket(self._server.socket, server_side=True, do_handshake_on_connect=False)
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), name="bronserver", daemon=True)

    def __enter__(self) -> Bronserver:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()  # a slow answer stops at its next byte
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    def url(self, path: str = "/", host: str = HOST) -> str:
        """The address of `path` here; `host="localhost"` names the server instead of its address."""
        return f"{'https' if self.tls else 'http'}://{host}:{self.port}{path}"

    def zet(self, path: str, route: Route) -> str:
        """Serve `route` at `path`; returns its address."""
        self.routes[path] = route
        return self.url(path)

    def van(self, path: str) -> list[Verzoek]:
        """The requests for `path`, in order."""
        with self._conditie:
            return [verzoek for verzoek in self.verzoeken if verzoek.path == path]

    def wacht(self, seconden: float = 5.0) -> None:
        """Wait until every request so far has been answered, or the client has gone."""
        with self._conditie:
            if not self._conditie.wait_for(lambda: self._bezig == 0, timeout=seconden):
                raise TimeoutError(f"de bronserver is na {seconden} seconden nog bezig")


def _handler(bron: Bronserver) -> type[BaseHTTPRequestHandler]:
    """A request handler class bound to `bron`."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # chunked needs it; every answer still closes the connection

        def handle(self) -> None:
            with bron._conditie:
                bron._bezig += 1
            try:
                super().handle()
            except OSError:
                pass  # the client stopped listening (as one that enforces a limit does) or refused the certificate
            finally:
                with bron._conditie:
                    bron._bezig -= 1
                    bron._conditie.notify_all()

        def log_message(self, format: str, *args: object) -> None:
            pass  # a test's output is about the client

        def do_GET(self) -> None:
            self.close_connection = True
            path = urlsplit(self.path).path
            verzoek = Verzoek(path, self.headers)
            with bron._conditie:
                bron.verzoeken.append(verzoek)
            route = bron.routes.get(path)
            match route:
                case None:
                    self._kop(verzoek, 404, {"Content-Length": "0"})
                case Bestand():
                    self._bestand(verzoek, route)
                case Fout(status, body):
                    self._kop(verzoek, status, {"Content-Type": "text/html", "Content-Length": str(len(body))})
                    self._stuur(path, body)
                case Doorverwijzing(naar, status):
                    self._kop(verzoek, status, {"Location": naar, "Content-Length": "0"})
                case Traag():
                    self._traag(verzoek, route)
                case Groot():
                    self._groot(verzoek, route)

        def _kop(self, verzoek: Verzoek, status: int, headers: dict[str, str]) -> None:
            verzoek.status = status
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Connection", "close")
            self.end_headers()

        def _stuur(self, path: str, data: bytes) -> None:
            self.wfile.write(data)
            with bron._conditie:
                bron.verzonden[path] += len(data)

        def _bestand(self, verzoek: Verzoek, route: Bestand) -> None:
            headers = {"Content-Type": route.content_type}
            if route.etag:
                headers["ETag"] = route.etag
            if route.last_modified:
                headers["Last-Modified"] = route.last_modified
            if _ongewijzigd(self.headers, route):
                self._kop(verzoek, 304, headers)
                return
            self._kop(verzoek, 200, {**headers, "Content-Length": str(len(route.body))})
            self._stuur(verzoek.path, route.body)

        def _traag(self, verzoek: Verzoek, route: Traag) -> None:
            verzoek.status = 200
            kop = b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nConnection: close\r\n\r\n"
            if route.kop:
                data = kop + route.body
            else:
                self.wfile.write(kop)
                data = route.body
            for i in range(len(data)):
                if bron._stop.wait(route.tussenpoos):
                    return
                self._stuur(verzoek.path, data[i : i + 1])

        def _groot(self, verzoek: Verzoek, route: Groot) -> None:
            headers = {"Content-Type": "application/rss+xml"}
            headers |= {"Content-Length": str(route.grootte)} if route.lengte else {"Transfer-Encoding": "chunked"}
            self._kop(verzoek, 200, headers)
            blok = b"x" * _BLOK
            for begin in range(0, route.grootte, _BLOK):
                deel = blok[: min(_BLOK, route.grootte - begin)]
                if route.lengte:
                    self._stuur(verzoek.path, deel)
                else:
                    self.wfile.write(b"%x\r\n" % len(deel))
                    self._stuur(verzoek.path, deel)
                    self.wfile.write(b"\r\n")
            if not route.lengte:
                self.wfile.write(b"0\r\n\r\n")

    return Handler


def _ongewijzigd(headers: Message, route: Bestand) -> bool:
    """Whether a request's conditional headers match `route`, as RFC 9110 says (If-None-Match first)."""
    if_none_match = headers.get("If-None-Match")
    if if_none_match is not None:
        gevraagd = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        return route.etag is not None and ("*" in gevraagd or route.etag.removeprefix("W/") in gevraagd)
    if_modified_since = headers.get("If-Modified-Since")
    if if_modified_since and route.last_modified:
        try:
            return parsedate_to_datetime(route.last_modified) <= parsedate_to_datetime(if_modified_since)
        except (TypeError, ValueError):
            return False
    return False


# The demo wijken's own websites (tests/bronnen/README.md): every file at its real address.
BRONNEN = Path(__file__).resolve().parent / "bronnen"
_TEKST = ("xml", "calendar", "html", "json")


def websites(server: Bronserver, herschrijf: bool = True) -> dict[str, str]:
    """Serve every site of `tests/bronnen/` on `server`, at `/<host>/<path>`; their addresses
    here by their real ones.

    With `herschrijf`, every real address in the text files (feeds, calendars) is written as
    its address here, so that a photo of the same site is fetched from this server, never the
    internet. Without, the files are served as they are, for a client that maps each address.
    """
    entries = json.loads((BRONNEN / "bronnen.json").read_text(encoding="utf-8"))
    hier = {e["url"]: server.url(f"/{urlsplit(e['url']).netloc}{urlsplit(e['url']).path}") for e in entries}
    hosts = {f"https://{urlsplit(e['url']).netloc}/": server.url(f"/{urlsplit(e['url']).netloc}/") for e in entries}
    for entry in entries:
        body = (BRONNEN / entry["bestand"]).read_bytes()
        if herschrijf and any(kind in entry["type"] for kind in _TEKST):
            for real, local in hosts.items():
                body = body.replace(real.encode(), local.encode())
        digest = hashlib.sha256(body).hexdigest()[:12]
        route = Bestand(body, entry["type"], etag=f'"{digest}"', last_modified="Mon, 30 Nov 2026 06:00:00 GMT")
        server.zet(urlsplit(hier[entry["url"]]).path, route)
    return hier
