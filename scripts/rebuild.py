"""The editor's rebuild: how long from saving one file to the rebuilt site under `mkdocs serve`.

`scripts/bench` starts `mkdocs serve` on the synthetic city (on 127.0.0.1, through
`scripts/eventtimes.py`, which records each build's time and where it went), and then, as an
editor does, changes one sentence of a file and saves it. The time is taken from the save to
the moment `serve` tells the browser to reload: its livereload request, which waits until the
new build is visible, answers. That includes noticing the change (serve polls the files) and
the build itself. Then the rebuilt page is fetched, to be sure it shows the new sentence.

Three kinds of file, as the issue asks: an initiatief, an activiteit and a wijk's index.md.
"""

from __future__ import annotations

import json
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent

# (what the file is, the folder in a wijk, how its page's path follows from the file).
KINDS = (
    ("initiatief", "initiatieven"),
    ("activiteit", "agenda"),
    ("wijk (index.md)", ""),
)
START_TIMEOUT = 1800.0  # seconds for serve's first build: cold at 10,000 items with photos takes minutes
REBUILD_TIMEOUT = 300.0  # seconds for one rebuild
POLL = 0.2


class RebuildError(Exception):
    """serve did not start, did not rebuild, or the rebuilt page does not show the change."""


@dataclass
class Rebuild:
    """The rebuilds after saving one kind of file: the time to the reload, and what each build took."""

    kind: str
    path: str  # relative to the city
    seconds: list[float] = field(default_factory=list)  # from the save to the browser's reload
    builds: list[dict[str, Any]] = field(default_factory=list)  # per rebuild: seconds, cpu, events

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def build_median(self) -> float:
        return statistics.median(b["seconds"] for b in self.builds)

    @property
    def cpu_median(self) -> float:
        return statistics.median(b["cpu"] for b in self.builds)


def free_port() -> int:
    """A port on 127.0.0.1 nobody listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, timeout: float) -> bytes:
    with urllib.request.urlopen(url, timeout=timeout) as answer:  # our own serve, on 127.0.0.1
        return answer.read()


def _fetch(url: str, timeout: float) -> bytes:
    """`_get`, with a serve that stopped answering said as a RebuildError, not a traceback."""
    try:
        return _get(url, timeout)
    except urllib.error.HTTPError as error:  # it answered, with an error
        raise RebuildError(f"mkdocs serve answered {url} with {error.code} {error.reason}") from None
    except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
        raise RebuildError(f"mkdocs serve did not answer {url}: {error}") from None


def files_to_edit(city: Path) -> list[tuple[str, Path, str]]:
    """One file of each kind in the first wijk that has them: (kind, file, its page's path on the site)."""
    chosen = []
    wijken = sorted(p for p in (city / "wijken").iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))
    for kind, folder in KINDS:
        for wijk in wijken:
            if not folder:
                chosen.append((kind, wijk / "index.md", f"wijken/{wijk.name}/"))
                break
            found = sorted((wijk / folder).glob("*.md")) if (wijk / folder).is_dir() else []
            if found:
                chosen.append((kind, found[0], f"wijken/{wijk.name}/{folder}/{found[0].stem}/"))
                break
    return chosen


def edit(file: Path, original: str, number: int) -> str:
    """The file with one sentence changed at the end of its text, as an editor fixes a line; returns the new sentence."""
    sentence = f"Bijgewerkt door de redactie, versie {number}."
    file.write_text(original.rstrip("\n") + f"\n\n{sentence}\n", encoding="utf-8")
    return sentence


def measure(config: Path, city: Path, env: dict[str, str], runs: int, log=print) -> list[Rebuild]:
    """Start serve on `config`, then save each kind of file `runs` times and time every rebuild.

    Every file is put back as it was afterwards.
    """
    port = free_port()
    events = config.parent / "serve-events.json"
    events.unlink(missing_ok=True)
    command = [sys.executable, str(REPO / "scripts" / "eventtimes.py"), str(events), "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"]
    output = config.parent / "serve.log"
    edits = files_to_edit(city)
    originals = {file: file.read_text(encoding="utf-8") for _, file, _ in edits}
    base = f"http://127.0.0.1:{port}"
    with open(output, "wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env)
        try:
            _wait_for_start(process, base, output)
            log(f"serve is up (first build {_builds(events)[0]['seconds']:.1f} s)")
            results = []
            number = 0
            for kind, file, page in edits:
                rebuild = Rebuild(kind, file.relative_to(city).as_posix())
                for _ in range(runs):
                    number += 1
                    done = len(_builds(events))
                    # The epoch shown now, not the one the last wait returned: a build serve
                    # ran since (a save seen twice) must not end this wait before its own.
                    epoch = int(_fetch(f"{base}/livereload/0/0", 5))
                    start = time.perf_counter()
                    deadline = time.monotonic() + REBUILD_TIMEOUT
                    sentence = edit(file, originals[file], number)
                    while True:
                        epoch = _wait_for_reload(process, base, epoch, number, output, deadline)
                        reloaded = time.perf_counter()
                        # A build that began before the save (serve saw the last save twice)
                        # can end the wait without the change: then the next build has it.
                        if sentence in _fetch(f"{base}/{page}", 30).decode("utf-8"):
                            break
                        if time.monotonic() >= deadline:
                            raise RebuildError(f"the rebuilt page /{page} does not show the change to {rebuild.path}")
                    rebuild.seconds.append(reloaded - start)
                    builds = _builds(events)
                    if len(builds) <= done:
                        raise RebuildError(f"serve reloaded after the change to {rebuild.path}, but recorded no build")
                    rebuild.builds.append(builds[-1])
                    log(f"saved {kind}: reloaded after {rebuild.seconds[-1]:.2f} s (the build {builds[-1]['seconds']:.2f} s)")
                results.append(rebuild)
            return results
        finally:
            for file, text in originals.items():
                file.write_text(text, encoding="utf-8")
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _builds(events: Path) -> list[dict[str, Any]]:
    try:
        return json.loads(events.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []


def _tail(output: Path) -> str:
    return "\n".join(output.read_text(encoding="utf-8", errors="replace").splitlines()[-15:])


def _wait_for_start(process: subprocess.Popen, base: str, output: Path) -> int:
    """The epoch of the first build, once serve answers (it builds before it listens)."""
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RebuildError(f"mkdocs serve stopped ({process.returncode}):\n{_tail(output)}")
        try:
            return int(_get(f"{base}/livereload/0/0", 5))
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(POLL)
    raise RebuildError(f"mkdocs serve did not answer within {START_TIMEOUT:.0f} s:\n{_tail(output)}")


def _wait_for_reload(process: subprocess.Popen, base: str, epoch: int, number: int, output: Path, deadline: float) -> int:
    """Wait until serve shows a build newer than `epoch`, and return its epoch.

    The livereload request waits for it; serve answers anyway after a minute, so it is asked
    again until `deadline` (of `time.monotonic()`).
    """
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RebuildError(f"mkdocs serve stopped ({process.returncode}):\n{_tail(output)}")
        seen = int(_fetch(f"{base}/livereload/{epoch}/{number}", max(1.0, deadline - time.monotonic())))
        if seen > epoch:
            return seen
    raise RebuildError(f"mkdocs serve did not rebuild within {REBUILD_TIMEOUT:.0f} s:\n{_tail(output)}")
