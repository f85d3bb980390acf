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
    better (a photo that will look blurred). Advice is shown, and fails nothing. A `warning`
    fails nothing either: the editors should act, but no change of theirs caused it, so no
    pull request should fail on it (the wijk's own website has not answered for a week).
    """

    path: str
    line: int
    message: str
    fatal: bool = True
    advice: bool = False
    warning: bool = False
    # Other places the problem is about, as (path, line): the file a change renamed or
    # removed, when the problem shows in another file that still names it. A pull request
    # annotates those too, so the editor who made the change sees what it caused.
    elders: tuple[tuple[str, int], ...] = ()

    @property
    def failing(self) -> bool:
        """Whether the problem fails `make check` and the strict build."""
        return not (self.advice or self.warning)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"

    def github_annotation(self) -> str:
        """The problem as GitHub Actions workflow commands, shown on the changed line (and on
        every place in `elders`), one command a line."""
        level = "notice" if self.advice else "warning" if self.warning or not self.fatal else "error"
        message = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        places = [(self.path, self.line), *self.elders]
        return "\n".join(f"::{level} file={path},line={line}::{message}" for path, line in places)


def weggelaten(problems: list[Problem], shown: int = 5) -> str | None:
    """One Dutch line that names the files a fatal problem keeps (partly) off the site; None if none.

    A quiet build (`mkdocs build -q`) prints errors only: without this line it would leave a
    broken item out without a word.
    """
    paths = sorted({p.path for p in problems if p.fatal})
    if not paths:
        return None
    named = ", ".join(paths[:shown]) + (f" en nog {len(paths) - shown}" if len(paths) > shown else "")
    files = "1 bestand staat" if len(paths) == 1 else f"{len(paths)} bestanden staan"
    return f"{files} niet (helemaal) op de site door een fout: {named}. Draai 'make check' om te zien wat je moet verbeteren."
