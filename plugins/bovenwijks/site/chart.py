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

# Drawn for a phone: 340 units wide, each wijk's name above its bar, the legend in one column.
# Scaled down to the 288 px a 320 px screen leaves for it, the smallest text (15) is still
# 12 px (issue 13: the labels of the wide chart shrank to 6 px on a phone). The page's CSS
# keeps it from growing beyond what a laptop needs.
WIDTH = 340
SMALLEST_SCREEN = 288  # px of content width at a 320 px viewport
FONT = 15
COUNT_FONT = 15
ROW = 50
LEGEND_ROW = 24


def colours(thema_ids: list[str]) -> dict[str, str]:
    """The colour of each thema, stable for a given vocabulary order."""
    return {thema: PALETTE[n % len(PALETTE)] for n, thema in enumerate(thema_ids)}


def thema_chart(stad: Stad, counts: dict[str, dict[str, int]]) -> str:
    """Stacked horizontal bars: one bar per wijk, one segment per thema."""
    themas = [t for t in stad.vocabulaire.themas if any(row.get(t) for row in counts.values())]
    colour = colours(list(stad.vocabulaire.themas))
    largest = max((sum(row.values()) for row in counts.values()), default=0) or 1
    top = len(themas) * LEGEND_ROW + 12
    height = top + ROW * len(counts) + 8
    bar_width = WIDTH - 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'role="img" aria-labelledby="bw-chart-title" focusable="false">',
        f'<title id="bw-chart-title">Aantal initiatieven per thema in elke wijk van {escape(stad.naam)}; dezelfde cijfers staan in de tabel hieronder.</title>',
    ]
    for n, thema in enumerate(themas):
        y = n * LEGEND_ROW
        naam = escape(stad.vocabulaire.thema_naam(thema))
        parts.append(f'<rect x="0" y="{y + 4}" width="16" height="16" fill="{colour[thema]}"/>')
        parts.append(f'<text x="24" y="{y + 17}" font-size="{FONT}" fill="#222">{naam}</text>')
    for row_number, (wijk_slug, row) in enumerate(counts.items()):
        y = top + row_number * ROW
        naam = escape(stad.wijken[wijk_slug].naam)
        parts.append(f'<text x="0" y="{y + 16}" font-size="{FONT}" font-weight="700" fill="#222">{naam}</text>')
        x = 0.0
        for thema in themas:
            value = row.get(thema, 0)
            if not value:
                continue
            w = bar_width * value / largest
            label = f"{naam}: {value} × {escape(stad.vocabulaire.thema_naam(thema))}"
            parts.append(f'<rect x="{x:.1f}" y="{y + 22}" width="{w:.1f}" height="22" fill="{colour[thema]}"><title>{label}</title></rect>')
            if w >= 18:
                parts.append(
                    f'<text x="{x + w / 2:.1f}" y="{y + 38}" font-size="{COUNT_FONT}" text-anchor="middle" fill="#fff">{value}</text>'
                )
            x += w
    parts.append("</svg>")
    return "".join(parts)
