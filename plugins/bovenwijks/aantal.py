"""A count as Dutch reads it, with its noun: `1 bericht`, `3 berichten`."""

from __future__ import annotations


def aantal(n: int, een: str, meer: str) -> str:
    """`n` with `een` (the word for one) or `meer` (for any other number): `2 wijken`."""
    return f"{n} {een if n == 1 else meer}"
