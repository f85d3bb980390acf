"""The city's colour as the theme shows it: the background of the share cards of pages without a photo."""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig


def primary(config: MkDocsConfig) -> str | None:
    """The hex colour of Material's primary palette colour (`indigo`), read from its own CSS."""
    palette = config.theme.get("palette") or {}
    if isinstance(palette, list):
        palette = palette[0] if palette else {}
    name = palette.get("primary")
    if not name or config.theme.name != "material":
        return None
    pattern = re.compile(rf"\[data-md-color-primary={re.escape(name)}\]\{{[^}}]*--md-primary-fg-color:(#[0-9a-fA-F]{{3,8}})")
    for css in sorted(p for folder in config.theme.dirs for p in (Path(folder) / "assets" / "stylesheets").glob("palette.*.min.css")):
        found = pattern.search(css.read_text(encoding="utf-8"))
        if found:
            return found.group(1)
    return None
