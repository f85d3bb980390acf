"""Suggestions for misspelt words: "onbekend thema 'ontmoeten'; bedoel je 'ontmoeting'?"."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(word: str, choices: Iterable[str], n: int = 1) -> list[str]:
    """The `n` choices closest to `word`, best first; empty if none is close."""
    return difflib.get_close_matches(str(word).lower(), list(choices), n=n, cutoff=0.6)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A Dutch hint for `word`: the closest choice, or the list of all valid choices."""
    choices = sorted(choices)
    best = closest(word, choices)
    if best:
        return f"bedoel je '{best[0]}'?"
    return "kies uit: " + ", ".join(f"'{c}'" for c in choices)
