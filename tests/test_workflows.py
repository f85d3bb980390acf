"""The GitHub workflows: valid by actionlint, and doing what editors and residents rely on."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from city import REPO, git

WORKFLOWS = REPO / ".github" / "workflows"


def actionlint() -> str:
    """The actionlint program of the test dependencies (pyproject's `test` extra)."""
    found = shutil.which("actionlint", path=str(Path(sys.executable).parent)) or shutil.which("actionlint")
    if found is None:
        pytest.fail("actionlint ontbreekt: installeer de testafhankelijkheden met: make test", pytrace=False)
    return found


def lint(*files: Path) -> subprocess.CompletedProcess[str]:
    # -shellcheck= and -pyflakes= switch off the optional linters of run: steps, so the result
    # does not depend on what else happens to be installed.
    return subprocess.run(
        [actionlint(), "-no-color", "-oneline", "-shellcheck=", "-pyflakes=", *map(str, files)],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )


def workflow(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as True
    return data


def steps(data: dict) -> list[dict]:
    return [step for job in data["jobs"].values() for step in job.get("steps", [])]


def runs(data: dict) -> list[str]:
    return [step["run"] for step in steps(data) if "run" in step]


def uses(data: dict) -> list[str]:
    return [step["uses"].split("@")[0] for step in steps(data) if "uses" in step]


def test_actionlint_accepts_every_workflow():
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert {f.name for f in files} >= {"check.yml", "deploy.yml", "nieuwsbrief.yml"}
    result = lint(*files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_would_catch_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - if: ${{ github.evnt_name == 'push' }}\n        run: echo hallo\n",
        encoding="utf-8",
    )
    result = lint(broken)
    assert result.returncode == 1
    assert "evnt_name" in result.stdout


def test_pull_requests_get_the_check_the_strict_build_and_the_tests():
    check = workflow("check.yml")
    assert "pull_request" in check["on"]
    setup = next(s for s in steps(check) if s.get("uses", "").startswith("actions/setup-python@"))
    assert setup["with"]["python-version"] == "3.11"
    commands = runs(check)
    assert commands.index("make check") < commands.index(".venv/bin/mkdocs build --strict") < commands.index("make test")
    # Nothing may switch off the annotations of scripts/check (GitHub sets GITHUB_ACTIONS=true).
    envs = [check.get("env", {}), *(job.get("env", {}) for job in check["jobs"].values()), *(s.get("env", {}) for s in steps(check))]
    assert not any("GITHUB_ACTIONS" in env for env in envs)


def test_pull_requests_install_what_the_calendar_tests_need():
    # GitHub sets CI=true, and then a missing calcurse fails the tests (tests/calendars.py).
    commands = runs(workflow("check.yml"))
    install = next(c for c in commands if "apt-get install" in c and "calcurse" in c)
    assert commands.index(install) < commands.index("make test")


@pytest.mark.parametrize("name", ["check.yml", "deploy.yml"])
def test_every_build_checks_out_the_whole_history(name):
    # Feeds date activiteiten by their last commit, and old addresses are redirected from git's
    # renames (publish/doorverwijzing.py): a shallow clone knows neither.
    checkout = next(s for s in steps(workflow(name)) if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout.get("with", {}).get("fetch-depth") == 0


def test_annotations_point_at_the_changed_line(city):
    city.wijk("oost")
    city.initiatief("oost", "soep", status="actif")
    result = city.check(env={"GITHUB_ACTIONS": "true"})
    assert "::error file=wijken/oost/initiatieven/soep.md,line=4::onbekende status 'actif'" in result.stdout


def test_the_site_is_published_on_main_daily_and_by_hand():
    deploy = workflow("deploy.yml")
    assert deploy["on"]["push"]["branches"] == ["main"]
    assert deploy["on"]["schedule"][0]["cron"].split()[2:] == ["*", "*", "*"]  # every day
    assert "workflow_dispatch" in deploy["on"]
    assert {"actions/upload-pages-artifact", "actions/deploy-pages"} <= set(uses(deploy))
    build = next(s for s in steps(deploy) if s.get("run") == "make build")
    assert set(build["env"]) == {"BOVENWIJKS_SITE_URL", "BOVENWIJKS_EDIT_URI"}
    assert build["env"]["BOVENWIJKS_EDIT_URI"].endswith("/")
    publish = deploy["jobs"]["publiceren"]
    assert publish["permissions"] == {"pages": "write", "id-token": "write"}
    assert publish["environment"]["name"] == "github-pages"


def test_the_deploy_workflow_keeps_the_photo_cache_the_build_uses():
    from bovenwijks.mkdocs.wijken.config import WijkenConfig

    deploy = workflow("deploy.yml")
    cache = next(s for s in steps(deploy) if s.get("uses", "").startswith("actions/cache@"))
    assert cache["with"]["path"] == WijkenConfig.cache_dir.default
    names = [s.get("uses") or s.get("run") for s in steps(deploy)]
    assert names.index(cache["uses"]) < names.index("make build")  # restored before the build
    assert "wijken/**/*.[jJ][pP][gG]" in cache["with"]["key"] and "publish/fotos.py" in cache["with"]["key"]


def test_mkdocs_reads_the_addresses_the_deploy_workflow_sets():
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert "site_url: !ENV [BOVENWIJKS_SITE_URL" in text
    assert "edit_uri: !ENV [BOVENWIJKS_EDIT_URI" in text


def test_pull_request_template_has_the_editors_checklist():
    text = (REPO / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert text.count("- [ ]") >= 4
    assert "VUL IN" in text and "Details" in text


def step(data: dict, name: str) -> dict:
    return next(s for s in steps(data) if s.get("name") == name)


def test_the_nieuwsbrief_goes_out_every_monday_one_run_at_a_time():
    nieuwsbrief = workflow("nieuwsbrief.yml")
    _minute, hour, *days = nieuwsbrief["on"]["schedule"][0]["cron"].split()
    assert days == ["*", "*", "1"] and int(hour) < 7  # Monday, early: 05:00 UTC is 06:00 or 07:00 in Amsterdam
    week = nieuwsbrief["on"]["workflow_dispatch"]["inputs"]["week"]
    assert week["required"] is False and week["type"] == "string"
    # Two runs at once could both send a letter the logboek does not have yet.
    assert nieuwsbrief["concurrency"]["group"] and nieuwsbrief["concurrency"]["cancel-in-progress"] is False
    assert nieuwsbrief["permissions"] == {"contents": "read"}
    assert [job.get("permissions") for job in nieuwsbrief["jobs"].values()] == [{"contents": "write"}]  # the logboek's branch


def test_the_nieuwsbrief_settings_are_secrets_and_the_password_is_never_shown():
    nieuwsbrief = workflow("nieuwsbrief.yml")
    send = step(nieuwsbrief, "Nieuwsbrieven versturen")
    for name in ("HOST", "PORT", "USER", "PASSWORD", "FROM"):
        assert send["env"][f"BOVENWIJKS_SMTP_{name}"] == f"${{{{ secrets.BOVENWIJKS_SMTP_{name} }}}}"
    assert "vars.BOVENWIJKS_SMTP_TLS" in send["env"]["BOVENWIJKS_SMTP_TLS"]
    text = (WORKFLOWS / "nieuwsbrief.yml").read_text(encoding="utf-8")
    assert text.count("secrets.BOVENWIJKS_SMTP_PASSWORD") == 1  # only in the step that sends
    # No script names a secret or the password: nothing can echo it, and no expression puts a
    # value into a script, where a week typed by hand could run as a command.
    for script in runs(nieuwsbrief):
        assert "PASSWORD" not in script and "${{" not in script
    assert "bovenwijks nieuwsbrief" in send["run"] and send["env"]["WEEK"] == "${{ inputs.week }}"


def test_the_nieuwsbrief_skips_a_city_without_mail_with_a_notice():
    nieuwsbrief = workflow("nieuwsbrief.yml")
    first, *others = steps(nieuwsbrief)
    assert first["env"] == {"BOVENWIJKS_SMTP_HOST": "${{ secrets.BOVENWIJKS_SMTP_HOST }}"}
    assert "::notice" in first["run"] and "exit 1" not in first["run"]
    assert all("steps.ingesteld.outputs.versturen == 'ja'" in s["if"] or "steps.logboek.outcome" in s["if"] for s in others)


def test_the_nieuwsbrief_logboek_is_kept_on_its_branch_also_after_a_failure():
    from bovenwijks.tools.verzenden import Logboek

    nieuwsbrief = workflow("nieuwsbrief.yml")
    send = step(nieuwsbrief, "Nieuwsbrieven versturen")
    assert f"--alle --logboek logboek/{Logboek.standaard().name}" in send["run"]
    keep = step(nieuwsbrief, "Logboek bewaren")
    assert "always()" in keep["if"] and keep["working-directory"] == "logboek"
    names = [s["name"] for s in steps(nieuwsbrief) if "name" in s]
    assert (
        names.index("Logboek ophalen (branch nieuwsbrief-logboek)")
        < names.index("Nieuwsbrieven versturen")
        < names.index("Logboek bewaren")
    )


def test_the_logboek_branch_is_made_by_the_first_run_and_kept_by_the_next(tmp_path):
    # The workflow's own scripts, run against a repository on disk as GitHub's origin.
    nieuwsbrief = workflow("nieuwsbrief.yml")
    fetch, keep = step(nieuwsbrief, "Logboek ophalen (branch nieuwsbrief-logboek)")["run"], step(nieuwsbrief, "Logboek bewaren")["run"]
    origin = tmp_path / "origin.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(origin)], check=True)
    seed = tmp_path / "seed"
    subprocess.run(["git", "init", "-q", "-b", "main", str(seed)], check=True)
    (seed / "mkdocs.yml").write_text("site_name: Stad\n", encoding="utf-8")
    git(seed, "add", ".")
    git(seed, "commit", "-q", "-m", "De stad")
    git(seed, "push", "-q", str(origin), "main")
    env = {**os.environ, "GITHUB_RUN_ID": "1", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}

    def run(script: str, cwd: Path) -> str:
        result = subprocess.run(["bash", "-e", "-c", script], cwd=cwd, env=env, capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    records = []
    for number in (1, 2, 3):
        checkout = tmp_path / f"run{number}"
        subprocess.run(["git", "clone", "-q", str(origin), str(checkout)], check=True)
        said = run(fetch, checkout)
        assert ("deze run maakt hem" in said) == (number == 1)
        logboek = checkout / "logboek" / "nieuwsbrief-logboek.json"
        assert (logboek.read_text(encoding="utf-8") if logboek.exists() else None) == (records[-1] if records else None)
        if number < 3:  # the third run sends nothing new
            records.append(f'{{"verzonden": {{"stad/2026-W4{number}": {{}}}}}}\n')
            logboek.write_text(records[-1], encoding="utf-8")
        said = run(keep, checkout / "logboek")
        assert ("niet veranderd" in said) == (number == 3)

    def origin_git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(origin), *args], capture_output=True, text=True, check=True).stdout

    assert origin_git("ls-tree", "--name-only", "nieuwsbrief-logboek").split() == ["nieuwsbrief-logboek.json"]  # nothing of main
    assert origin_git("show", "nieuwsbrief-logboek:nieuwsbrief-logboek.json") == records[-1]
    assert len(origin_git("log", "--format=%s", "nieuwsbrief-logboek").splitlines()) == 2
    assert origin_git("log", "--format=%s", "main").splitlines() == ["De stad"]


def test_the_wijken_sites_are_fetched_every_morning_into_one_pull_request():
    ophalen = workflow("ophalen.yml")
    _minute, hour, *days = ophalen["on"]["schedule"][0]["cron"].split()
    assert days == ["*", "*", "*"] and int(hour) < 5  # daily, before the site is built in the morning
    assert ophalen["concurrency"]["cancel-in-progress"] is False
    assert ophalen["permissions"] == {"contents": "read"}
    assert [job.get("permissions") for job in ophalen["jobs"].values()] == [{"contents": "write", "pull-requests": "write"}]
    fetch = step(ophalen, "Ophalen (bovenwijks ophalen)")
    assert "bovenwijks ophalen" in fetch["run"] and "--lokaal" not in fetch["run"]
    # A failing source does not stop the others from coming in, and the check's warnings go along.
    assert "set +e" in fetch["run"] and "bovenwijks check" in step(ophalen, "Controleren (bovenwijks check)")["run"]
    offer = step(ophalen, "Pull request maken of bijwerken")["run"]
    assert "git add --all wijken" in offer and "refs/heads/ophalen" in offer and "gh pr create" in offer
    assert "git push origin HEAD:refs/heads/main" not in offer


@pytest.mark.parametrize("name", ["check.yml", "deploy.yml", "nieuwsbrief.yml"])
def test_only_the_ophalen_workflow_goes_online_for_content(name):
    assert all("ophalen" not in script for script in runs(workflow(name)))


@pytest.mark.parametrize(
    "workflow_file",
    [WORKFLOWS / "ophalen.yml", REPO / "plugins/bovenwijks/tools/stadsjabloon/github/workflows/ophalen.yml"],
    ids=["amersfoort", "nieuwe-stad"],
)
@pytest.mark.parametrize(
    "on_branch",
    [
        ["wijken/oost/_opgehaald/nieuws.json", "wijken/_steden/utrecht.json"],
        ["wijken/oost/_opgehaald/nieuws.json"],  # a city without other cities
        ["wijken/_steden/utrecht.json"],  # a city without imported sources
    ],
    ids=["beide", "alleen-opgehaald", "alleen-steden"],
)
def test_the_next_fetch_starts_from_the_open_pull_requests_snapshots(tmp_path, workflow_file, on_branch):
    # The step's own script, against a repository on disk as GitHub's origin. Only `gh` (GitHub's
    # API, which is not here) is a stand-in: it says the pull request of branch ophalen is open.
    script = step(yaml.safe_load(workflow_file.read_text(encoding="utf-8")), "Vorige stand (de open pull request van branch ophalen)")[
        "run"
    ]
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    origin, seed = tmp_path / "origin.git", tmp_path / "seed"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(origin)], check=True)
    subprocess.run(["git", "init", "-q", "-b", "main", str(seed)], check=True)
    (seed / "wijken" / "oost").mkdir(parents=True)
    (seed / "wijken" / "oost" / "index.md").write_text("---\nnaam: Oost\n---\n", encoding="utf-8")
    git(seed, "add", ".")
    git(seed, "commit", "-q", "-m", "De stad")
    git(seed, "push", "-q", str(origin), "main")
    git(seed, "checkout", "-q", "-b", "ophalen")
    for name in on_branch:
        (seed / name).parent.mkdir(parents=True, exist_ok=True)
        (seed / name).write_text(f'{{"van": "{name}"}}\n', encoding="utf-8")
    (seed / "wijken" / "oost" / "index.md").write_text("---\nnaam: Gewijzigd op de branch\n---\n", encoding="utf-8")
    git(seed, "add", ".")
    git(seed, "commit", "-q", "-m", "Opgehaald")
    git(seed, "push", "-q", str(origin), "ophalen")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "gh").write_text("#!/bin/sh\necho OPEN\n", encoding="utf-8")
    (bin_dir / "gh").chmod(0o755)
    checkout = tmp_path / "run"
    subprocess.run(["git", "clone", "-q", str(origin), str(checkout)], check=True)
    result = subprocess.run(
        ["bash", "-e", "-o", "pipefail", "-c", script],
        cwd=checkout,
        env={**env, "PATH": f"{bin_dir}{os.pathsep}{env['PATH']}"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for name in on_branch:
        assert (checkout / name).read_text(encoding="utf-8") == f'{{"van": "{name}"}}\n'
    # Only the snapshots: what else the branch has is not this run's starting point.
    assert "Oost" in (checkout / "wijken" / "oost" / "index.md").read_text(encoding="utf-8")
