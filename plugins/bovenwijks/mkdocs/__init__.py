"""The adapter to MkDocs: the four plugins, mounting pages, the theme and its cache.

The only part of bovenwijks that imports MkDocs (or Material); moving to another engine means
writing this folder again (see docs/engines.md).
"""

from pathlib import Path

# The theme's overrides of Material, put among its folders by the wijken plugin (so a city's
# mkdocs.yml names no `custom_dir` for them), and our own styles and script.
THEME = Path(__file__).parent / "theme"
ASSETS = Path(__file__).parent / "assets"
