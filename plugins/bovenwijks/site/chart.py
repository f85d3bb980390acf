"""A picture where residents would rather look than read: initiatieven per thema per wijk.

Drawn at build time as inline SVG (no JavaScript, no request elsewhere). The page puts a
data table beside it, which is what screen readers read.
"""

from __future__ import annotations

from html import escape

from bovenwijks.model import Stad

# Distinguishable colours, each at least 4.5:1 against white, so the count printed on a
# segment stays readable. A vocabulary with more themas than colours reuses them in order.
PALETTE = ("#1b5e20", "#0d47a1", "#8a4b00", "#6a1b9a", "#00695c", "#b71c1c", "#37474f", "#ad1457")

LABEL_WIDTH = 190
BAR_WIDTH = 420
ROW = 28
LEGEND_ROW = 24


def colours(thema_ids: list[str]) -> dict[str, str]:
    """The colour of each thema, stable for a given vocabulary order."""
    return {thema: PALETTE[n % len(PALETTE)] for n, thema in enumerate(thema_ids)}


def thema_chart(stad: Stad, counts: dict[str, dict[str, int]]) -> str:
    """Stacked horizontal bars: one bar per wijk, one segment per thema."""
    themas = [t for t in stad.vocabulaire.themas if any(row.get(t) for row in counts.values())]
    colour = colours(list(stad.vocabulaire.themas))
    largest = max((sum(row.values()) for row in counts.values()), default=0) or 1
    legend_rows = (len(themas) + 2) // 3
    top = legend_rows * LEGEND_ROW + 12
    height = top + ROW * len(counts) + 8
    width = LABEL_WIDTH + BAR_WIDTH + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-labelledby="bw-chart-title" focusable="false">',
        f'<title id="bw-chart-title">Aantal initiatieven per thema in elke wijk van {escape(stad.naam)}; dezelfde cijfers staan in de tabel hieronder.</title>',
    ]
    for n, thema in enumerate(themas):
        x, y = (n % 3) * (width // 3), (n // 3) * LEGEND_ROW
        naam = escape(stad.vocabulaire.thema_naam(thema))
        parts.append(f'<rect x="{x}" y="{y + 4}" width="14" height="14" fill="{colour[thema]}"/>')
        parts.append(f'<text x="{x + 20}" y="{y + 16}" font-size="13" fill="#222">{naam}</text>')
    for row_number, (wijk_slug, row) in enumerate(counts.items()):
        y = top + row_number * ROW
        naam = escape(stad.wijken[wijk_slug].naam)
        parts.append(f'<text x="{LABEL_WIDTH - 8}" y="{y + 18}" font-size="13" text-anchor="end" fill="#222">{naam}</text>')
        x = LABEL_WIDTH
        for thema in themas:
            value = row.get(thema, 0)
            if not value:
                continue
            w = BAR_WIDTH * value / largest
            label = f"{naam}: {value} × {escape(stad.vocabulaire.thema_naam(thema))}"
            parts.append(
                f'<rect x="{x:.1f}" y="{y + 4}" width="{w:.1f}" height="{ROW - 8}" fill="{colour[thema]}"><title>{label}</title></rect>'
            )
            if w >= 16:
                parts.append(f'<text x="{x + w / 2:.1f}" y="{y + 18}" font-size="12" text-anchor="middle" fill="#fff">{value}</text>')
            x += w
    parts.append("</svg>")
    return "".join(parts)
