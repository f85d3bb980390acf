"""The GitHub workflows: valid by actionlint, and doing what editors and residents rely on."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from city import REPO

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
    assert {f.name for f in files} >= {"check.yml", "deploy.yml"}
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
