"""scripts/bench: its measurements, the configurations it compares, and the report it writes."""

from __future__ import annotations

import argparse
import importlib.machinery
import importlib.util
import re
import subprocess
import sys

import pytest
from city import REPO


def _load_bench():
    loader = importlib.machinery.SourceFileLoader("bench", str(REPO / "scripts" / "bench"))
    spec = importlib.util.spec_from_loader("bench", loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench"] = module  # dataclasses look their module up while the file runs
    loader.exec_module(module)
    return module


bench = _load_bench()


def _result(items, plain, ours, check=0.5, peak=300.0, largest=50 * 1024, cold=None, photos=0):
    result = bench.Result(items, 30, photo_share=0.2, photos=photos, photo_bytes=photos * 1024 * 1024)
    # CPU time at 80 % of the clock: a machine that others use too.
    result.plain = [bench.Run(s, s * 0.8, 200.0, 0, "") for s in plain]
    result.ours = [bench.Run(s, s * 0.8, peak, 0, "") for s in ours]
    result.check = [bench.Run(check, check * 0.8, 50.0, 0, "")]
    result.ours_site = bench.Site(items + 100, items * 20_000, "themas/index.html", largest, items * 2000)
    result.plain_site = bench.Site(items + 60, items * 15_000, "wijken/oost/index.html", 20_000, items * 1000)
    if cold is not None:
        result.cold = bench.Run(cold, cold * 0.8, peak * 2, 0, "")
        result.cache_bytes = photos * 100 * 1024
    return result


_META = {
    "date": "2026-11-23",
    "command": "scripts/bench",
    "machine": "2 cores",
    "versions": "MkDocs 1.6.1",
    "commit": "abc",
    "plugins": "`search`",
}


# -- measuring -----------------------------------------------------------------------------


def test_peak_memory_is_each_childs_own():
    """A small process measured after a big one reports its own peak, not the big one's."""
    big = bench.measure([sys.executable, "-c", "x = b'x' * (600 * 1024 * 1024)"])
    small = bench.measure([sys.executable, "-c", "print('klein')"])
    assert big.returncode == 0 and big.peak_mb >= 590
    # Not under a fixed number: a child's peak includes its parent's memory until it starts its
    # own program, and the parent here is pytest, grown by every build before this test (the
    # benchmark's parent is small). Far under the big one's peak is what getrusage would miss.
    assert small.peak_mb < big.peak_mb / 2 and small.output.strip() == "klein"


def test_cpu_time_is_the_processs_own_work_not_the_clock():
    busy = bench.measure([sys.executable, "-c", "sum(range(20_000_000))"])
    sleeping = bench.measure([sys.executable, "-c", "import time; time.sleep(0.6)"])
    assert busy.cpu >= 0.1
    assert sleeping.seconds >= 0.6 and sleeping.cpu < 0.3


def test_a_failing_command_reports_its_exit_code_and_output():
    run = bench.measure([sys.executable, "-c", "import sys; print('WARNING -  kapot'); sys.exit(3)"])
    assert run.returncode == 3
    assert run.warnings == ["WARNING -  kapot"]


def test_site_stats_find_the_largest_page(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("x" * 3000)
    (tmp_path / "index.html").write_text("x" * 1000)
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text("x" * 9000)  # large, but not a page
    site = bench.site_stats(tmp_path)
    assert (site.pages, site.bytes, site.largest, site.largest_bytes, site.search_bytes) == (2, 13000, "a/index.html", 3000, 9000)


def test_event_times_keep_each_handlers_priority():
    import eventtimes
    from mkdocs.plugins import event_priority

    @event_priority(50)
    def on_files(files):
        return [*files, "nieuw"]

    wrapped = eventtimes.timed("bovenwijks/proef", "files", on_files)
    assert wrapped(["oud"]) == ["oud", "nieuw"]
    assert wrapped.mkdocs_priority == 50
    assert eventtimes.TIMES["bovenwijks/proef"]["files"] > 0


def test_the_breakdown_shows_what_is_mkdocs_own_and_what_each_plugin_costs():
    result = _result(1000, [5.0], [7.0])
    result.plain[0].events = {"material/search": {"page_context": 1.0, "config": 0.001}}
    result.ours[0].events = {"material/search": {"page_context": 1.5}, "bovenwijks/wijken": {"files": 0.5, "page_content": 1.0}}
    lines = bench.breakdown([result])
    assert lines[0] == "| CPU time | plain 1,000 | ours 1,000 |"
    assert "| MkDocs and Material themselves: start-up, Markdown, theme, writing | 3.0 s | 2.6 s |" in lines
    assert "| `bovenwijks/wijken` on_files | – | 0.50 s |" in lines
    assert "| `material/search` on_page_context | 1.0 s | 1.5 s |" in lines
    assert "| other plugin events | 0.00 s | 0.00 s |" in lines  # search's on_config: under 1 %
    assert lines[-1] == "| **total** | **4.0 s** | **5.6 s** |"


def test_the_breakdown_has_a_column_for_each_cold_build():
    result = _result(1000, [5.0], [7.0], cold=30.0, photos=200)
    result.plain[0].events = {"material/search": {"page_context": 1.0}}
    result.ours[0].events = {"bovenwijks/wijken": {"files": 0.5}}
    result.cold.events = {"bovenwijks/wijken": {"files": 20.5}}
    lines = bench.breakdown([result])
    assert lines[0] == "| CPU time | plain 1,000 | ours 1,000 | ours cold 1,000 |"
    assert "| `bovenwijks/wijken` on_files | – | 0.50 s | 20.5 s |" in lines
    assert lines[-1] == "| **total** | **4.0 s** | **5.6 s** | **24.0 s** |"


# -- the configurations ------------------------------------------------------------------


@pytest.mark.parametrize(
    "nav, kept",
    [
        ([{"Home": "index.md"}, {"Wijken": "wijken/index.md"}], [{"Home": "index.md"}]),
        (["index.md", "weg.md"], ["index.md"]),
        ([{"Meedoen": [{"Gids": "meedoen/gids.md"}, {"Weg": "meedoen/weg.md"}]}], [{"Meedoen": [{"Gids": "meedoen/gids.md"}]}]),
        ([{"Leeg": [{"Weg": "weg.md"}]}, {"Elders": "https://example.org/"}], [{"Elders": "https://example.org/"}]),
        (None, []),
    ],
)
def test_the_baseline_keeps_the_nav_entries_it_has_pages_for(tmp_path, nav, kept):
    (tmp_path / "meedoen").mkdir()
    (tmp_path / "index.md").write_text("# Home")
    (tmp_path / "meedoen" / "gids.md").write_text("# Gids")
    assert bench.existing_nav(nav, tmp_path) == kept


def test_both_builds_inherit_the_projects_theme_and_differ_only_in_plugins(tmp_path):
    import synthetic
    from mkdocs.config import load_config

    city = tmp_path / "city"
    synthetic.generate(city, items=8, wijken=1)
    bench.plain_copy(city, tmp_path / "plain" / "docs")
    paths = bench.write_configs(city, tmp_path / "plain" / "docs", tmp_path / "sites")
    project = load_config(config_file=str(REPO / "mkdocs.yml"))
    configs = {name: load_config(config_file=str(path)) for name, path in paths.items()}
    ours, plain, auto = configs["ours"], configs["plain"], configs["auto-nav"]
    for config in configs.values():
        assert config.theme.name == "material"
        assert config.theme["language"] == project.theme["language"]
        assert config.theme.custom_dir == project.theme.custom_dir
        assert list(config.markdown_extensions) == list(project.markdown_extensions)
    assert list(ours.plugins) == list(project.plugins)
    assert "bovenwijks/wijken" in ours.plugins
    assert list(plain.plugins) == list(auto.plugins) == [name for name in project.plugins if name.endswith("search")]
    assert ours.docs_dir == str(city / "content") and ours.site_dir == str(tmp_path / "sites" / "ours")
    assert (tmp_path / "plain" / "docs" / "wijken" / "soesterkwartier" / "wijkplan.md").exists()
    photo = next((city / "wijken").rglob("*.jpg"))
    twin = tmp_path / "plain" / "docs" / photo.relative_to(city)
    assert twin.read_bytes() == photo.read_bytes()  # plain MkDocs publishes the originals
    assert twin.stat().st_ino == photo.stat().st_ino  # linked, not copied: gigabytes at 10,000 items
    assert {"Start": "index.md"} in plain.nav and all("wijken/index.md" not in str(e) for e in plain.nav)
    assert auto.nav is None  # MkDocs then lists every page


@pytest.mark.parametrize(
    "plugins, cache",
    [
        ([{"search": {"lang": "nl"}}, {"bovenwijks/wijken": {"stad": "Amersfoort"}}], ".cache/bovenwijks"),
        (["search", "bovenwijks/wijken"], ".cache/bovenwijks"),
        ([{"bovenwijks/wijken": None}], ".cache/bovenwijks"),
        ([{"bovenwijks/wijken": {"cache_dir": "tmp/fotos"}}], "tmp/fotos"),
        ([], ".cache/bovenwijks"),
    ],
)
def test_the_cold_build_empties_the_photo_cache_the_plugin_is_configured_with(tmp_path, plugins, cache):
    assert bench.cache_dir(tmp_path, {"plugins": plugins}) == (tmp_path / cache).resolve()


@pytest.mark.parametrize("cache_dir", ["/var/cache/bovenwijks", "../.cache/bovenwijks"])
def test_a_photo_cache_outside_the_city_is_not_emptied(tmp_path, cache_dir):
    with pytest.raises(bench.BenchError, match="outside the synthetic city"):
        bench.cache_dir(tmp_path / "stad", {"plugins": [{"bovenwijks/wijken": {"cache_dir": cache_dir}}]})


def test_the_projects_photo_cache_is_under_the_city(tmp_path):
    assert bench.cache_dir(tmp_path).is_relative_to(tmp_path)


def test_the_size_of_the_photo_cache(tmp_path):
    assert bench.folder_bytes(tmp_path / "nergens") is None
    (tmp_path / "ab").mkdir()
    (tmp_path / "ab" / "foto.jpg").write_bytes(b"x" * 300)
    (tmp_path / "foto.webp").write_bytes(b"x" * 200)
    assert bench.folder_bytes(tmp_path) == 500


# -- the report ----------------------------------------------------------------------------


def test_targets_are_judged_on_the_largest_size():
    results = [_result(1000, [5.0, 5.2, 5.1], [6.0, 6.5, 6.2]), _result(10000, [50.0, 52.0, 51.0], [70.0, 68.0, 72.0])]
    judged = bench.targets(results)
    texts = [text for text, _ in judged]
    assert [ok for _, ok in judged] == [False, False, True, True, True]
    assert texts[0].startswith("ours ÷ plain MkDocs at 10,000 items: 1.37 in CPU time, 1.37 by the clock")
    assert "10× the items (1,000 → 10,000) cost 11.3× the CPU time, 11.3× by the clock (target ≤ 11×)" in texts[1]


def test_targets_are_met_with_room():
    judged = bench.targets([_result(1000, [5.0], [5.5]), _result(10000, [50.0], [55.0], check=2.0, peak=900.0, largest=100 * 1024)])
    assert all(ok for _, ok in judged)


def test_the_targets_are_judged_on_the_warm_builds_however_slow_the_cold_one():
    warm = [_result(1000, [5.0], [5.5]), _result(10000, [50.0], [55.0])]
    with_cold = [_result(1000, [5.0], [5.5], cold=60.0, photos=206), _result(10000, [50.0], [55.0], cold=900.0, photos=2006)]
    assert bench.targets(with_cold) == bench.targets(warm)
    assert all(ok for _, ok in bench.targets(with_cold))


def test_a_failing_check_misses_its_target_however_fast():
    result = _result(10000, [50.0], [55.0], check=1.0)
    result.check = [bench.Run(1.0, 0.9, 50.0, 1, "wijken/x/index.md:1: fout")]
    text, ok = bench.targets([result])[-1]
    assert ok is False and "it found problems" in text


def test_the_table_quotes_medians_and_every_run():
    result = _result(1000, [5.0, 9.0, 5.2], [6.0, 6.6, 6.2])
    result.auto_nav = bench.Run(40.0, 32.0, 500.0, 0, "")
    text = bench.markdown([result], _META)
    row = next(line for line in text.splitlines() if line.startswith("| 1,000 |"))
    assert "| 5.2 s (CPU 4.2) | 6.2 s (CPU 5.0) | 1.19 (CPU 1.19) |" in row
    assert "`themas/index.html` (50 KB)" in row
    assert "| 19 / 14 MB (search index 1.9 / 1.0 MB) |" in row
    assert "plain 5.0 / 4.0 · 9.0 / 7.2 · 5.2 / 4.2; ours 6.0 / 4.8 · 6.6 / 5.3 · 6.2 / 5.0" in text
    assert "automatic nav** at 1,000 items: 40.0 s (CPU 32.0 s" in text and "7.7× the CPU time" in text
    assert "2 cores" in text and "`scripts/bench`" in text


def test_updating_the_docs_keeps_the_hand_written_part(tmp_path):
    docs = tmp_path / "benchmarks.md"
    docs.write_text("# Benchmarks\n\nHoe je de cijfers leest.\n")
    bench.update_docs(docs, "eerste")
    bench.update_docs(docs, "tweede")
    text = docs.read_text()
    assert text.startswith("# Benchmarks\n\nHoe je de cijfers leest.\n")
    assert "tweede" in text and "eerste" not in text
    assert text.count(bench.BEGIN) == text.count(bench.END) == 1
    docs.write_text(text + "\n## Na de cijfers\n")
    bench.update_docs(docs, "derde")
    assert docs.read_text().endswith(f"derde\n{bench.END}\n\n## Na de cijfers\n")


def test_the_report_gives_the_cold_build_beside_the_warm_ones():
    results = [_result(1000, [5.0], [6.0, 6.4, 6.2], cold=46.2, photos=200), _result(10000, [50.0], [60.0], cold=460.0, photos=2000)]
    results[1].cache_bytes = None
    text = bench.markdown(results, _META)
    assert "Our build is the warm one: every photo and poster in its cache." in text
    assert "Photos on 20 % of the items" in text
    # cold 46.2 s (CPU 37.0) against the warm median 6.2 s (CPU 5.0): 40 s more for 200 photos, 200 ms each
    assert "| 1,000 | 200 (200 MB) | 46.2 s (CPU 37.0) | 6.2 s (CPU 5.0) | 200 ms (CPU 160) | 600 MB / 300 MB | 20 MB |" in text
    assert "| 10,000 | 2,000 (2,000 MB) | 460.0 s (CPU 368.0) | 60.0 s (CPU 48.0) | 200 ms (CPU 160) |" in text
    assert text.count("none written") == 1
    assert "ours cold 46.2 / 37.0; ours warm 6.0 / 4.8 · 6.4 / 5.1 · 6.2 / 5.0;" in text
    assert "judged on the largest size, on the warm builds and on CPU time" in text


def test_without_photos_the_report_has_no_cold_build():
    text = bench.markdown([_result(1000, [5.0], [6.0])], _META)
    assert "cold" not in text and "warm" not in text and "Photos on" not in text
    assert "; ours 6.0 / 4.8;" in text


@pytest.mark.parametrize("text, value", [("0.2", 0.2), ("0", 0.0), ("1", 1.0)])
def test_the_share_of_photos_is_read_from_the_command_line(text, value):
    assert bench.share(text) == value


@pytest.mark.parametrize("text, message", [("veel", "is not a number"), ("1.5", "from 0 to 1"), ("-0.1", "from 0 to 1")])
def test_a_share_that_is_no_share_is_refused(text, message):
    with pytest.raises(argparse.ArgumentTypeError, match=message):
        bench.share(text)


@pytest.mark.parametrize("text, sizes", [("1000,10000", [1000, 10000]), ("10_000, 1000", [1000, 10000]), ("200", [200])])
def test_sizes_are_read_from_the_command_line(text, sizes):
    assert bench.sizes(text) == sizes


@pytest.mark.parametrize("text, message", [("duizend", "is not a list of numbers"), ("0", "at least one size"), ("", "at least one size")])
def test_sizes_that_are_no_sizes_are_refused(text, message):
    with pytest.raises(argparse.ArgumentTypeError, match=message):
        bench.sizes(text)


# -- a whole run -------------------------------------------------------------------------


def test_a_tiny_benchmark_runs_end_to_end(tmp_path):
    docs = tmp_path / "benchmarks.md"
    run = subprocess.run(
        [
            sys.executable,
            str(REPO / "scripts" / "bench"),
            "--sizes",
            "24",
            "--wijken",
            "2",
            "--runs",
            "1",
            "--auto-nav",
            "24",
            "--vormen",
            "gemengd,opgehaald",
            "--rebuild",
            "24",
            "--rebuild-runs",
            "1",
            "--docs",
            str(docs),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    text = docs.read_text()
    assert bench.BEGIN in text and bench.END in text
    assert "### Shape `gemengd`" in text and "### Shape `opgehaald`" in text
    shapes = [line for line in text.splitlines() if line.startswith(("| `gemengd` | 24 |", "| `opgehaald` | 24 |"))]
    assert len(shapes) == 2 and all("of 4 |" in line for line in shapes), text  # the table of every shape, with its targets
    # The editor's rebuild: serve ran, each kind of file was saved once and its page showed the change.
    saves = [line for line in text.splitlines() if line.startswith(("| initiatief: ", "| activiteit: ", "| wijk (index.md): "))]
    assert len(saves) == 3, text
    assert re.search(rf"\| {re.escape(bench.PLAIN_REBUILD)} \| (?:met|\*\*not met\*\*): [\d.]+ s \|", text), text
    for line in saves:
        seconds = float(re.search(r"\| (?:met|\*\*not met\*\*): ([\d.]+) s \|", line).group(1))
        assert seconds > 0
    row = next(line for line in text.splitlines() if line.startswith("| 24 | 2 |"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    ours_pages, plain_pages = (int(n.replace(",", "")) for n in cells[2].split(" / "))
    assert plain_pages >= 24 + 2 * 2  # every item, and each wijk's index and wijkplan
    assert ours_pages > plain_pages  # plus the wijken and the overviews
    wall, cpu = (float(n) for n in re.fullmatch(r"([\d.]+) s \(CPU ([\d.]+)\)", cells[4]).groups())
    assert wall > 0 and cpu > 0 and cells[9].startswith("`")
    assert "automatic nav" in text
    assert "| `bovenwijks/wijken` on_page_content |" in text  # where the time goes, per plugin event
    photos = next(line for line in text.splitlines() if line.startswith("| 24 | 5 ("))  # 5 photos: a fifth of 24
    cold, warm = (float(c.split(" s")[0]) for c in photos.strip("|").split("|")[2:4])
    assert cold > 0 and warm > 0 and "none written" not in photos  # the pipeline caches the photos it resized
    assert "ours cold " in text and "ours warm " in text
    assert "Alles in orde: 2 wijken, 24 items." not in run.stdout  # the check's output stays out of the report


def test_runs_saved_apart_make_the_same_report_as_one_run(tmp_path):
    """`--save` and `--report`: one shape per run, one report of every shape."""
    gemengd = [_result(1000, [5.0], [6.0], cold=40.0, photos=200), _result(10000, [50.0], [60.0], cold=400.0, photos=2000)]
    fotos = [_result(1000, [5.0], [7.0], cold=90.0, photos=500), _result(10000, [50.0], [66.0], cold=900.0, photos=5000)]
    for r in fotos:
        r.vorm = "fotos"
    gemengd[0].ours[0].events = {"bovenwijks/wijken": {"files": 0.4}}
    saves = [bench.rebuild.Rebuild("initiatief", "wijken/a/initiatieven/b.md", [12.0, 11.0], [{"seconds": 10.0, "cpu": 9.0, "events": {}}])]
    bench.save(tmp_path / "a.json", gemengd, saves, 2000, _META)
    bench.save(tmp_path / "b.json", fotos, [], 0, {**_META, "command": "scripts/bench --vormen fotos", "machine": "another machine"})
    results, rebuilds, items, meta = bench.load([tmp_path / "a.json", tmp_path / "b.json"])
    assert results == gemengd + fotos and rebuilds == saves  # every figure comes back as it was
    assert meta["machine"] == f"{_META['machine']} and another machine" and meta["commit"] == _META["commit"]
    assert bench.markdown(results, {**_META, "command": meta["command"], "machine": meta["machine"]}, rebuilds, items) == bench.markdown(
        gemengd + fotos,
        {**_META, "command": "scripts/bench` and `scripts/bench --vormen fotos", "machine": f"{_META['machine']} and another machine"},
        saves,
        2000,
    )
    assert results[0].ours[0].events == {"bovenwijks/wijken": {"files": 0.4}} and items == 2000
    text = bench.markdown(results, meta, rebuilds, items)
    assert "| `gemengd` | 10,000 |" in text and "| `fotos` | 10,000 |" in text
    assert "| initiatief: `wijken/a/initiatieven/b.md` | **not met**: 11.5 s |" in text


def test_a_run_that_fails_late_keeps_what_it_measured(tmp_path, monkeypatch):
    """`--save` writes after every size: hours of measuring are not lost to a failure in the last shape."""
    measured = _result(1000, [5.0], [6.0])

    def bench_size(items, vorm, args, work):
        if vorm == "fotos":
            raise bench.BenchError("our build warned about the synthetic wijken")
        return measured

    monkeypatch.setattr(bench, "bench_size", bench_size)
    saved = tmp_path / "run.json"
    code = bench.main(["--vormen", "gemengd,fotos", "--sizes", "1000", "--rebuild", "0", "--save", str(saved), "--no-docs"])
    assert code == 1
    results, rebuilds, _, meta = bench.load([saved])
    assert results == [measured] and rebuilds == []
    assert meta["command"] == "scripts/bench --vormen gemengd,fotos --sizes 1000 --rebuild 0 --save " + str(saved) + " --no-docs"
