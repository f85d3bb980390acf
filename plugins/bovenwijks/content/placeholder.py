"""Placeholders: the `VUL IN: ...` texts that `scripts/nieuw` writes where an editor must fill in.

A new file is written with a placeholder in every required key and in its body, so that it
cannot be published by accident: `scripts/check` and the strict build report every
placeholder until it has been replaced.
"""

from __future__ import annotations

from bovenwijks.content.problem import Problem

MARKER = "VUL IN"


def placeholder(hint: str) -> str:
    """The placeholder text for a value, with `hint` telling what to write instead."""
    return f"{MARKER}: {hint}"


def is_placeholder(text: str) -> bool:
    """Whether `text` is still an unreplaced placeholder."""
    return text.lstrip().startswith(MARKER)


def body_problems(path: str, body: str, first_line: int) -> list[Problem]:
    """A problem for every line of a page's `body` (starting at `first_line`) that is a placeholder."""
    return [
        Problem(
            path,
            first_line + number,
            f"de tekst van de pagina is nog niet ingevuld: vervang de regel die met '{MARKER}' begint door je eigen tekst",
        )
        for number, line in enumerate(body.split("\n"))
        if is_placeholder(line)
    ]
