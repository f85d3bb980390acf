"""Suggestions for misspelt words: "onbekend thema 'ontmoeten'; bedoel je 'ontmoeting'?"."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping


def closest(word: str, choices: Iterable[str], n: int = 1, cutoff: float = 0.6) -> list[str]:
    """The `n` choices closest to `word`, best first; empty if none is closer than `cutoff`
    (from 0 to 1: how much of the two words is alike)."""
    return difflib.get_close_matches(str(word).lower(), list(choices), n=n, cutoff=cutoff)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A Dutch hint for `word`: the closest choice, or the list of all valid choices."""
    choices = sorted(choices)
    best = closest(word, choices)
    if best:
        return f"bedoel je '{best[0]}'?"
    return "kies uit: " + ", ".join(f"'{c}'" for c in choices)


def hint(word: str, choices: Iterable[str]) -> str:
    """ "bedoel je 'week'? (kies uit: …)", or just "kies uit: …": the choices once, in their
    own order (the contract's, Monday to Sunday), not the alphabet's."""
    choices = list(choices)
    best = closest(word, choices)
    listed = "kies uit: " + ", ".join(choices)
    return f"bedoel je '{best[0]}'? ({listed})" if best else listed


def then(text: str, sentence: str) -> str:
    """`text` and the next `sentence`: "bedoel je 'titel'? Deze …", "kies uit: a, b. Deze …"."""
    return f"{text}{'' if text.endswith(('?', '!', '.')) else '.'} {sentence}"


def did_you_mean_one_of(word: str, words: Mapping[str, str], n: int = 3) -> str:
    """A Dutch hint from `words` (every word an editor may write → the id it names).

    Up to `n` ids whose words are closest to `word`, best first, or the list of all ids:
    "bedoel je 'subsidie-aanvragen'?" for `subsidies`, close to the alias `subsidie`.
    """
    word = str(word).strip().lower()
    # A word that starts the other (`tuin` in `tuinieren`) is a better guess than one that
    # merely looks alike (`signaleren`).
    starts = [w for w in words if min(len(w), len(word)) >= 4 and (word.startswith(w) or w.startswith(word))]
    starts.sort(key=lambda w: abs(len(w) - len(word)))
    ids = list(dict.fromkeys(words[w] for w in [*starts, *closest(word, words, n=len(words))]))[:n]
    if not ids:
        return "kies uit: " + ", ".join(f"'{i}'" for i in sorted(set(words.values())))
    quoted = [f"'{i}'" for i in ids]
    return "bedoel je " + (quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} of {quoted[-1]}") + "?"
