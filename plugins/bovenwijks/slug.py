"""Slugs: the lowercase, hyphenated names of files, ids and URLs."""

from __future__ import annotations

import re
import unicodedata


def slugify(text: str) -> str:
    """`Repair Café Soesterkwartier` → `repair-cafe-soesterkwartier`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
