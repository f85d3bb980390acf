"""The city's colours, as the theme shows them: for the share cards of pages without a photo."""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from PIL import ImageColor

from bovenwijks.publish.deelkaart import Kleuren

_DARK_TEXT = "#000000de"  # Material's text on light primary colours: black at 87 %


def _material_primary(config: MkDocsConfig) -> str | None:
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


def _luminance(colour: str) -> float:
    """The relative luminance of `colour` (WCAG 2)."""
    channels = [c / 255 for c in ImageColor.getrgb(colour)[:3]]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def kleuren(config: MkDocsConfig, chosen: str) -> Kleuren:
    """The colours of the share cards: `chosen`, or the theme's primary colour, with the text
    in white or black, whichever reads better on it."""
    background = chosen or _material_primary(config) or Kleuren().achtergrond
    try:
        light = _luminance(background)
    except ValueError:
        raise PluginError(f"bovenwijks/wijken: share_colour '{chosen}' is geen kleur; schrijf haar als #4051b5") from None
    # White text wins where its contrast (1.05 / (L + .05)) beats black's ((L + .05) / .05).
    white = 1.05 / (light + 0.05) >= (light + 0.05) / 0.05
    return Kleuren(background, "#ffffff" if white else _DARK_TEXT[:7])
