"""WCAG 2.1 A and AA, as axe-core judges it, on every kind of page a resident meets."""

from __future__ import annotations

import pytest
from conftest import unavailable
from harness import AXE, PAGES, missing_tool

pytestmark = pytest.mark.browser

RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page) -> list[dict]:
    """Run axe-core with the WCAG 2.1 A and AA rules on the page as it is now."""
    reason = missing_tool(AXE)
    if reason:
        unavailable(reason)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("rules => axe.run(document, {runOnly: {type: 'tag', values: rules}})", RULES)
    return result["violations"]


def describe(violations: list[dict]) -> str:
    """The violations as a reader fixes them: rule, what is wrong, and where."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} — {violation['helpUrl']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {' '.join(map(str, node['target']))}: {node['failureSummary'].splitlines()[-1].strip()}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    ... en nog {len(violation['nodes']) - 5} plekken")
    return "\n".join(lines)


@pytest.mark.parametrize("stop", PAGES, ids=lambda stop: stop.name)
@pytest.mark.parametrize("width", [1280, 375])
def test_axe_finds_no_wcag_violation(arrive, stop, width):
    visited = arrive(stop, width=width)
    violations = axe_violations(visited.page)
    assert not violations, f"/{stop.url} op {width} px breed:\n{describe(violations)}"
