#!/usr/bin/env python3
"""`mkdocs build`, timing every plugin event: which plugin costs what, without a profiler.

    python scripts/eventtimes.py OUT.json build -f mkdocs.yml

runs the MkDocs command line in this process, and writes to OUT.json the CPU time spent in
each plugin's handler of each event, as {"plugin": {"event": seconds}}. Under `serve`, which
builds again after every save, OUT.json holds a list instead, one entry per build as it
ends: {"seconds": …, "cpu": …, "events": {"plugin": {"event": seconds}}}. CPU time, because
other people's processes on a shared machine stretch wall-clock time unevenly. What is left of the
build's time is MkDocs' own: reading files, Markdown, the theme's templates, writing. The
timing wraps each handler when MkDocs registers it, so it costs microseconds per call where
cProfile would slow Python code down several times over, and unevenly.
"""

from __future__ import annotations

import functools
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.plugins import CombinedEvent, PluginCollection

TIMES: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
BUILDS: list[dict[str, Any]] = []  # under `serve`: every build so far
# The process's CPU time, threads included (a cold build resizes photos in threads); under
# `serve` the build thread's own, without the file watcher's polling beside it.
CLOCK: Callable[[], float] = time.process_time


def timed(plugin: str, event: str, method: Callable[..., Any]) -> Callable[..., Any]:
    """`method`, adding its CPU time to TIMES[plugin][event]; it keeps its MkDocs priority."""

    @functools.wraps(method)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = CLOCK()
        try:
            return method(*args, **kwargs)
        finally:
            TIMES[plugin][event] += CLOCK() - start

    if hasattr(method, "mkdocs_priority"):
        wrapper.mkdocs_priority = method.mkdocs_priority  # type: ignore[attr-defined]
    return wrapper


def install() -> None:
    """Wrap every handler MkDocs registers from now on."""
    register = PluginCollection._register_event

    def timed_register(self: PluginCollection, event_name: str, method: Any, plugin_name: str | None = None) -> None:
        if not isinstance(method, CombinedEvent):  # a CombinedEvent registers its parts one by one
            method = timed(plugin_name or "?", event_name, method)
        register(self, event_name, method, plugin_name)

    PluginCollection._register_event = timed_register  # type: ignore[method-assign]


def install_per_build(out: Path) -> None:
    """Under `serve`: after every build, add its own times to BUILDS and write them all to `out`.

    The build's CPU time is its thread's (`thread_time`): the file watcher polls in a thread
    of its own, and `serve` answers requests in another.
    """
    from mkdocs.commands import build as build_module
    from mkdocs.commands import serve as serve_module

    global CLOCK
    CLOCK = time.thread_time
    plain = build_module.build

    @functools.wraps(plain)
    def build(*args: Any, **kwargs: Any) -> Any:
        TIMES.clear()
        start, cpu = time.perf_counter(), time.thread_time()
        try:
            return plain(*args, **kwargs)
        finally:
            events = {plugin: dict(times) for plugin, times in TIMES.items()}
            BUILDS.append({"seconds": time.perf_counter() - start, "cpu": time.thread_time() - cpu, "events": events})
            out.write_text(json.dumps(BUILDS, indent=1, sort_keys=True), encoding="utf-8")

    serve_module.build = build  # serve imported the function itself


def main(argv: list[str]) -> int:
    """Run `mkdocs <argv[1:]>` and write the event times to `argv[0]`."""
    from mkdocs.__main__ import cli

    out = Path(argv[0])
    install()
    serving = len(argv) > 1 and argv[1] == "serve"
    if serving:
        install_per_build(out)
    code = 1
    try:
        cli.main(argv[1:], prog_name="mkdocs")  # exits, as the command line does
    except SystemExit as exit:
        code = exit.code if isinstance(exit.code, int) else 1
    finally:
        if not serving:
            out.write_text(json.dumps(TIMES, indent=1, sort_keys=True), encoding="utf-8")
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
