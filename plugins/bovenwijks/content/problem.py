"""A problem in an editor's content, reported as `path:line: message` in Dutch."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in a source file.

    `path` is relative to the project root (`wijken/kruiskamp/agenda/x.md`) so that it is the
    path an editor sees in GitHub. `fatal` problems leave the item out of a plain build;
    the others (an unknown key, say) keep it. Every problem fails `scripts/check` and
    `mkdocs build --strict`, except `advice`: the content is fine as it is, and could be
    better (a photo that will look blurred). Advice is shown, and fails nothing.
    """

    path: str
    line: int
    message: str
    fatal: bool = True
    advice: bool = False
    # Other places the problem is about, as (path, line): the file a change renamed or
    # removed, when the problem shows in another file that still names it. A pull request
    # annotates those too, so the editor who made the change sees what it caused.
    elders: tuple[tuple[str, int], ...] = ()

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"

    def github_annotation(self) -> str:
        """The problem as GitHub Actions workflow commands, shown on the changed line (and on
        every place in `elders`), one command a line."""
        level = "notice" if self.advice else "error" if self.fatal else "warning"
        message = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        places = [(self.path, self.line), *self.elders]
        return "\n".join(f"::{level} file={path},line={line}::{message}" for path, line in places)
