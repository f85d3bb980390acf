#!/usr/bin/env python3
"""Draw the demo city's photos: eight illustrations, made by the project itself.

    python scripts/demofotos.py [ROOT]

writes into ROOT's `wijken/` (default: this repository) the images that the demo items name
in `afbeelding` or in their text, next to their Markdown files:

| file | scene |
| --- | --- |
| soesterkwartier/straat.jpg | a street of old railway workers' houses with front gardens |
| soesterkwartier/initiatieven/repair-cafe.jpg | a toaster being repaired on a table in the buurthuis |
| soesterkwartier/initiatieven/buurtsoep.jpg | a big pan of pea soup with bowls and bread |
| soesterkwartier/agenda/taalcafe.heic | a café table from above: tea, oliebollen, conversation cards |
| hoogland/dorp.jpg | the village: church spire, houses, trees and a green |
| hoogland/initiatieven/pluktuin.jpg | an orchard with apple trees and crates of apples |
| liendert/initiatieven/moestuin.png | raised vegetable beds in front of a block of flats |
| liendert/nieuws/huiskamer.jpg | a shop front turned living room, with bunting and balloons |

They are flat illustrations (gradients, shapes, soft shadows, a little grain), not photos of
real people or places, so the project may publish them: they are made by the project and carry
the licence of the content, CC BY 4.0. The formats are what editors upload: mostly JPEG, one
PNG, one HEIC (what phones make). repair-cafe.jpg is what a phone would write: its pixels are
stored turned a quarter, with EXIF Orientation 6, and its EXIF has a GPS position (the Onze
Lieve Vrouwetoren, a public spot), a camera and a date; the image pipeline has to apply the
orientation and remove all of that. The same run always draws the same pixels (seeded noise,
no fonts, no clock); the encoders decide the bytes.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import numpy as np
from PIL import Image, ImageChops, ImageColor, ImageDraw, ImageFilter

Color = tuple[int, int, int]
Paint = Color | str | Callable[[tuple[int, int, int, int]], Image.Image]
Box = Sequence[float]

SCALE = 2  # drawn at twice the size and scaled down: Pillow's shapes have no antialiasing


def rgb(color: Color | str) -> Color:
    """`color` as an (r, g, b) tuple; names and '#rrggbb' are accepted."""
    return ImageColor.getrgb(color)[:3] if isinstance(color, str) else color


def mix(a: Color | str, b: Color | str, t: float) -> Color:
    """The colour a fraction `t` of the way from `a` to `b`."""
    a, b = rgb(a), rgb(b)
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def shade(color: Color | str, amount: float) -> Color:
    """`color` darker (amount < 0, towards black) or lighter (amount > 0, towards white)."""
    return mix(color, (0, 0, 0) if amount < 0 else (255, 255, 255), abs(amount))


class Canvas:
    """An RGB picture of `width` by `height` pixels, drawn at SCALE times that size.

    Coordinates are in output pixels. A shape is a mask (an 'L' image of the whole canvas),
    filled with a colour or a gradient, optionally with a soft shadow under it.
    """

    def __init__(self, width: int, height: int, background: Color | str = "white", seed: int = 0) -> None:
        self.width, self.height = width, height
        self.size = (width * SCALE, height * SCALE)
        self.img = Image.new("RGB", self.size, rgb(background))
        self.rng = np.random.default_rng(seed)

    # Masks ---------------------------------------------------------------------------------

    def _mask(self) -> tuple[Image.Image, ImageDraw.ImageDraw]:
        mask = Image.new("L", self.size, 0)
        return mask, ImageDraw.Draw(mask)

    @staticmethod
    def _pts(points: Iterable[float]) -> list[float]:
        return [p * SCALE for p in points]

    def rect(self, box: Box, radius: float = 0) -> Image.Image:
        """A (rounded) rectangle (x0, y0, x1, y1)."""
        mask, draw = self._mask()
        draw.rounded_rectangle(self._pts(box), radius=radius * SCALE, fill=255)
        return mask

    def ellipse(self, box: Box) -> Image.Image:
        """An ellipse inside (x0, y0, x1, y1)."""
        mask, draw = self._mask()
        draw.ellipse(self._pts(box), fill=255)
        return mask

    def circle(self, x: float, y: float, r: float) -> Image.Image:
        """A circle around (x, y)."""
        return self.ellipse((x - r, y - r, x + r, y + r))

    def poly(self, points: Sequence[tuple[float, float]]) -> Image.Image:
        """A polygon through `points`."""
        mask, draw = self._mask()
        draw.polygon([(x * SCALE, y * SCALE) for x, y in points], fill=255)
        return mask

    def line(self, points: Sequence[tuple[float, float]], width: float) -> Image.Image:
        """A polyline of `width` with round joints and ends."""
        mask, draw = self._mask()
        pts = [(x * SCALE, y * SCALE) for x, y in points]
        draw.line(pts, fill=255, width=max(1, round(width * SCALE)), joint="curve")
        r = width * SCALE / 2
        for x, y in (pts[0], pts[-1]):
            draw.ellipse((x - r, y - r, x + r, y + r), fill=255)
        return mask

    def pie(self, box: Box, start: float, end: float) -> Image.Image:
        """A slice of the ellipse in `box`, from `start` to `end` degrees (clockwise from 3 o'clock)."""
        mask, draw = self._mask()
        draw.pieslice(self._pts(box), start, end, fill=255)
        return mask

    @staticmethod
    def union(*masks: Image.Image) -> Image.Image:
        """All of `masks` together."""
        out = masks[0]
        for m in masks[1:]:
            out = ImageChops.lighter(out, m)
        return out

    @staticmethod
    def minus(mask: Image.Image, cut: Image.Image) -> Image.Image:
        """`mask` without `cut`."""
        return ImageChops.subtract(mask, cut)

    @staticmethod
    def inter(a: Image.Image, b: Image.Image) -> Image.Image:
        """Where both `a` and `b` are."""
        return ImageChops.darker(a, b)

    @staticmethod
    def soften(mask: Image.Image, radius: float) -> Image.Image:
        """`mask` with a blurred edge of about `radius` output pixels."""
        return mask.filter(ImageFilter.GaussianBlur(radius * SCALE))

    def shifted(self, mask: Image.Image, dx: float, dy: float) -> Image.Image:
        """`mask` moved by (dx, dy), without wrapping around."""
        out = Image.new("L", self.size, 0)
        out.paste(mask, (round(dx * SCALE), round(dy * SCALE)))
        return out

    # Paint ----------------------------------------------------------------------------------

    def fill(self, mask: Image.Image, paint: Paint, opacity: float = 1.0) -> None:
        """Paint `mask` with a colour or a gradient (a function of the box to fill)."""
        if opacity < 1:
            mask = mask.point(lambda v: round(v * opacity))
        box = mask.getbbox()
        if box is None:
            return
        crop = mask.crop(box)
        if callable(paint):
            self.img.paste(paint(box), box[:2], crop)
        else:
            self.img.paste(rgb(paint), box, crop)

    def shadow(
        self, mask: Image.Image, dx: float = 0, dy: float = 8, blur: float = 10, opacity: float = 0.35, color: Color | str = (20, 16, 12)
    ) -> None:
        """A soft shadow of `mask`, offset by (dx, dy)."""
        self.fill(self.soften(self.shifted(mask, dx, dy), blur), color, opacity)

    def shape(self, mask: Image.Image, paint: Paint, shadow: float = 0, opacity: float = 1.0, **shadow_args: float) -> Image.Image:
        """Fill `mask`, first with a soft shadow of strength `shadow`; returns the mask."""
        if shadow:
            self.shadow(mask, opacity=shadow, **shadow_args)
        self.fill(mask, paint, opacity)
        return mask

    def vgrad(self, top: Color | str, bottom: Color | str, y0: float | None = None, y1: float | None = None) -> Callable:
        """A vertical gradient; from `y0` to `y1` (output pixels), else over the filled box."""
        return self._grad(top, bottom, y0, y1, vertical=True)

    def hgrad(self, left: Color | str, right: Color | str, x0: float | None = None, x1: float | None = None) -> Callable:
        """A horizontal gradient; from `x0` to `x1` (output pixels), else over the filled box."""
        return self._grad(left, right, x0, x1, vertical=False)

    def _grad(self, a: Color | str, b: Color | str, p0: float | None, p1: float | None, vertical: bool) -> Callable:
        a_, b_ = np.array(rgb(a), float), np.array(rgb(b), float)

        def paint(box: tuple[int, int, int, int]) -> Image.Image:
            lo, hi = (box[1], box[3]) if vertical else (box[0], box[2])
            start = p0 * SCALE if p0 is not None else lo
            end = p1 * SCALE if p1 is not None else hi
            t = np.clip((np.arange(lo, hi) - start) / max(1, end - start), 0, 1)
            t = t * t * (3 - 2 * t)  # smoothstep: no visible band where the gradient starts
            line = a_ + (b_ - a_) * t[:, None]
            w, h = box[2] - box[0], box[3] - box[1]
            arr = np.broadcast_to(line[:, None, :], (h, w, 3)) if vertical else np.broadcast_to(line[None, :, :], (h, w, 3))
            return Image.fromarray(np.ascontiguousarray(arr).astype(np.uint8))

        return paint

    def radial(self, inner: Color | str, outer: Color | str, cx: float, cy: float, r: float, squash: float = 1.0) -> Callable:
        """A radial gradient from `inner` at (cx, cy) to `outer` at radius `r` (vertically times `squash`)."""
        a_, b_ = np.array(rgb(inner), float), np.array(rgb(outer), float)

        def paint(box: tuple[int, int, int, int]) -> Image.Image:
            ys, xs = np.mgrid[box[1] : box[3], box[0] : box[2]].astype(float)
            d = np.hypot(xs - cx * SCALE, (ys - cy * SCALE) / squash) / (r * SCALE)
            t = np.clip(d, 0, 1)[..., None]
            return Image.fromarray((a_ + (b_ - a_) * t).astype(np.uint8))

        return paint

    def textured(self, paint: Paint, strength: float = 0.08, stretch: tuple[float, float] = (1, 1), grain: float = 6) -> Callable:
        """`paint` with a random light/dark pattern: wood when stretched sideways, cloth, earth."""
        if callable(paint):
            base = paint
        else:
            color = rgb(paint)

            def base(box: tuple[int, int, int, int]) -> Image.Image:
                return Image.new("RGB", (box[2] - box[0], box[3] - box[1]), color)

        def out(box: tuple[int, int, int, int]) -> Image.Image:
            w, h = box[2] - box[0], box[3] - box[1]
            small = self.rng.normal(0, 1, (max(2, int(h / (grain * stretch[1] * SCALE))), max(2, int(w / (grain * stretch[0] * SCALE)))))
            pattern = np.asarray(Image.fromarray(small.astype(np.float32), mode="F").resize((w, h), Image.Resampling.BICUBIC))
            arr = np.asarray(base(box), float) * (1 + strength * pattern[..., None])
            return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))

        return out

    def glow(self, cx: float, cy: float, r: float, color: Color | str, strength: float = 0.5, squash: float = 1.0) -> None:
        """Light falling on the picture: a soft disc of `color`, brightening what is under it."""
        mask = self.ellipse((cx - r, cy - r * squash, cx + r, cy + r * squash))
        light = Image.new("RGB", self.size, rgb(color))
        screened = ImageChops.screen(self.img, light)
        alpha = self.soften(mask, r / 2.5).point(lambda v: round(v * strength))
        self.img = Image.composite(screened, self.img, alpha)

    def defocus(self, radius: float) -> None:
        """Blur everything drawn so far: the background of a photo with little depth of field."""
        self.img = self.img.filter(ImageFilter.GaussianBlur(radius * SCALE))

    # Output ---------------------------------------------------------------------------------

    def finish(self, vignette: float = 0.22, grain: float = 3.0, warmth: float = 0.0) -> Image.Image:
        """The picture at its output size, with a vignette, some grain and a colour cast."""
        img = self.img.resize((self.width, self.height), Image.Resampling.LANCZOS)
        arr = np.asarray(img, float)
        ys, xs = np.mgrid[0 : self.height, 0 : self.width].astype(float)
        d = np.hypot((xs / self.width - 0.5) * 1.1, (ys / self.height - 0.5) * 1.2) / 0.75
        arr *= (1 - vignette * np.clip(d, 0, 1) ** 2.2)[..., None]
        arr += np.array([warmth * 8, warmth * 3, -warmth * 6])
        if grain:
            noise = self.rng.normal(0, grain, (self.height, self.width, 1))
            arr += noise
        return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


# Things that come back in several scenes ---------------------------------------------------------


def sky(c: Canvas, top: str, bottom: str, horizon: float) -> None:
    """A sky from `top` to `bottom` at the `horizon`, with a few soft clouds."""
    c.fill(c.rect((0, 0, c.width, horizon + 40)), c.vgrad(top, bottom, 0, horizon))
    for _ in range(6):
        x = c.rng.uniform(-100, c.width)
        y = c.rng.uniform(horizon * 0.08, horizon * 0.55)
        w = c.rng.uniform(220, 420)
        blob = c.union(
            *(
                c.ellipse((x + i * w * 0.22, y - w * 0.12 * (1 - abs(i - 1.5) / 2), x + i * w * 0.22 + w * 0.45, y + w * 0.1))
                for i in range(4)
            )
        )
        c.fill(c.soften(blob, 14), "white", 0.55)


def tree(
    c: Canvas, x: float, ground: float, height: float, green: str = "#4f7d3a", trunk: str = "#5a4332", fruit: str | None = None
) -> None:
    """A deciduous tree standing at (x, ground): a trunk and a crown of overlapping, lit blobs."""
    w = height * 0.032
    trunk_top = ground - height * 0.62
    c.shape(
        c.poly([(x - w * 1.3, ground), (x - w * 0.7, trunk_top), (x + w * 0.7, trunk_top), (x + w * 1.3, ground)]),
        c.hgrad(shade(trunk, -0.3), trunk),
    )
    for side in (-1, 1):  # two main branches into the crown
        c.fill(c.line([(x, ground - height * 0.45), (x + side * height * 0.14, ground - height * 0.7)], w * 0.9), shade(trunk, -0.15))
    cy = ground - height * 0.7
    r = height * 0.3
    blobs = []
    for _ in range(16):
        a = c.rng.uniform(0, 2 * math.pi)
        d = r * math.sqrt(c.rng.uniform(0, 1)) * 0.75
        rr = r * c.rng.uniform(0.3, 0.5)
        blobs.append((x + math.cos(a) * d, cy + math.sin(a) * d * 0.8, rr))
    crown = c.union(*(c.circle(bx, by, br) for bx, by, br in blobs))
    c.shadow(crown, dx=0, dy=height * 0.02, blur=height * 0.04, opacity=0.25)
    c.fill(
        crown,
        c.textured(c.radial(shade(green, 0.2), shade(green, -0.35), x - r * 0.4, cy - r * 0.5, r * 1.7), 0.1, (1, 1), max(3, height / 120)),
    )
    for bx, by, br in blobs:  # each tuft lit from the upper left, darker below
        c.fill(c.soften(c.circle(bx - br * 0.2, by - br * 0.25, br * 0.6), br * 0.25), shade(green, 0.25), 0.22)
        c.fill(c.soften(c.inter(crown, c.circle(bx + br * 0.2, by + br * 0.6, br * 0.5)), br * 0.2), shade(green, -0.4), 0.18)
    if fruit:
        for _ in range(int(height / 22)):
            a = c.rng.uniform(0, 2 * math.pi)
            d = r * math.sqrt(c.rng.uniform(0, 1)) * 0.95
            fx, fy = x + math.cos(a) * d, cy + math.sin(a) * d * 0.75
            fr = max(2.5, height * 0.012)
            c.fill(c.circle(fx, fy, fr), c.radial(shade(fruit, 0.35), shade(fruit, -0.25), fx - fr * 0.4, fy - fr * 0.4, fr * 1.4))


def hedge(c: Canvas, x0: float, x1: float, y: float, h: float, green: str = "#47713a") -> None:
    """A clipped hedge from x0 to x1 with its foot at y."""
    m = c.rect((x0, y - h, x1, y), radius=h * 0.25)
    c.shape(m, c.vgrad(shade(green, 0.15), shade(green, -0.35)), shadow=0.3, dy=4, blur=6)
    for _ in range(int((x1 - x0) / 10)):
        px = c.rng.uniform(x0 + 4, x1 - 4)
        py = c.rng.uniform(y - h + 4, y - 4)
        c.fill(c.circle(px, py, c.rng.uniform(3, 7)), shade(green, c.rng.uniform(-0.2, 0.25)), 0.6)


def flowers(c: Canvas, x0: float, x1: float, y: float, h: float, colors: Sequence[str]) -> None:
    """A strip of perennials: green mounds dotted with flowers."""
    for i in range(int((x1 - x0) / 18)):
        px = x0 + (i + c.rng.uniform(0, 1)) * 18
        ph = h * c.rng.uniform(0.6, 1.0)
        c.fill(c.ellipse((px - 16, y - ph, px + 16, y + 6)), shade("#4d7a38", c.rng.uniform(-0.25, 0.1)))
    for _ in range(int((x1 - x0) / 6)):
        px = c.rng.uniform(x0, x1)
        py = y - c.rng.uniform(h * 0.2, h)
        col = colors[int(c.rng.integers(len(colors)))]
        c.fill(c.circle(px, py, c.rng.uniform(2.5, 4.5)), col)


def bicycle(c: Canvas, x: float, y: float, s: float, frame: str) -> None:
    """A parked bicycle, side view, wheels touching y at (x, y); s is the wheel radius."""
    for wx in (x, x + s * 2.6):
        ring = c.minus(c.circle(wx, y - s, s), c.circle(wx, y - s, s * 0.86))
        c.fill(ring, "#2b2b2b")
        c.fill(c.minus(c.circle(wx, y - s, s * 0.1), c.circle(wx, y - s, 0)), "#777")
    bx, by = x + s * 1.2, y - s
    pts = [(x, y - s), (bx, by), (x + s * 2.2, y - s * 2.1), (x + s * 0.9, y - s * 2.1), (bx, by)]
    c.fill(c.line(pts, s * 0.09), frame)
    c.fill(c.line([(x + s * 0.9, y - s * 2.1), (x + s * 0.8, y - s * 2.4)], s * 0.09), frame)
    c.fill(c.line([(x + s * 2.2, y - s * 2.1), (x + s * 2.6, y - s)], s * 0.09), frame)
    c.fill(c.rect((x + s * 0.6, y - s * 2.55, x + s * 1.05, y - s * 2.4), radius=s * 0.07), "#3a2a20")
    c.fill(c.line([(x + s * 2.2, y - s * 2.1), (x + s * 2.15, y - s * 2.55), (x + s * 2.45, y - s * 2.6)], s * 0.08), "#444")


def person(c: Canvas, x: float, y: float, h: float, shirt: str, skin: str = "#d9a77f", hair: str = "#3b2a20", seated: bool = False) -> None:
    """A simple figure, seen from the front, feet (or seat) at y and `h` tall: for backgrounds, out of focus."""
    head = h * 0.13
    body_top = y - h + head * 2.1
    body_bottom = y - (h * 0.02 if seated else h * 0.45)
    c.fill(c.rect((x - h * 0.14, body_top, x + h * 0.14, body_bottom), radius=h * 0.09), c.vgrad(shade(shirt, 0.1), shade(shirt, -0.2)))
    if not seated:
        c.fill(c.rect((x - h * 0.11, body_bottom - 10, x + h * 0.11, y), radius=h * 0.04), "#3b4252")
    c.fill(c.rect((x - h * 0.04, body_top - head * 0.45, x + h * 0.04, body_top + 5)), shade(skin, -0.1))
    c.fill(c.circle(x, y - h + head, head), c.radial(shade(skin, 0.15), shade(skin, -0.1), x - head * 0.3, y - h + head * 0.7, head * 1.4))
    c.fill(
        c.inter(c.circle(x, y - h + head, head * 1.04), c.rect((x - head * 1.2, y - h - head, x + head * 1.2, y - h + head * 0.75))), hair
    )


def bunting(c: Canvas, x0: float, y0: float, x1: float, y1: float, sag: float, colors: Sequence[str], size: float = 34) -> None:
    """A line of triangular flags hanging from (x0, y0) to (x1, y1)."""
    n = int(math.hypot(x1 - x0, y1 - y0) / (size * 1.35))
    pts = [(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t + sag * 4 * t * (1 - t)) for t in (i / 40 for i in range(41))]
    c.fill(c.line(pts, 2.5), "#6b5b4b")
    for i in range(n):
        t = (i + 0.5) / n
        px, py = x0 + (x1 - x0) * t, y0 + (y1 - y0) * t + sag * 4 * t * (1 - t)
        flag = c.poly([(px - size / 2, py), (px + size / 2, py), (px, py + size * 1.15)])
        c.shape(flag, c.vgrad(colors[i % len(colors)], shade(colors[i % len(colors)], -0.2)), shadow=0.2, dy=5, blur=4)


# The scenes -----------------------------------------------------------------------------------


def rijtjeshuizen(c: Canvas) -> None:
    """soesterkwartier/straat.jpg: a row of brick workers' houses with front gardens, in the afternoon sun."""
    w, h = c.width, c.height
    ground = h * 0.80
    sky(c, "#7fb2dd", "#dfeaf0", ground - 260)
    for x in (140, 520, 1600):  # trees behind the houses, far away
        tree(c, x, ground - 200, 520, green="#6b8f55")
    c.defocus(2.5)
    house_w = 300
    doors = ["#2f5d50", "#7a2e2e", "#2e4a7a", "#c9a227", "#2f5d50", "#5b3a6b", "#7a2e2e"]
    for i in range(7):
        x0 = -60 + i * house_w
        x1 = x0 + house_w
        eaves = ground - 430
        brick = ["#9c4a35", "#8e4330", "#a4553c"][i % 3]
        facade = c.rect((x0, eaves, x1, ground))
        c.fill(facade, c.textured(c.vgrad(shade(brick, 0.05), shade(brick, -0.15)), 0.06, (3, 1), 4))
        d = ImageDraw.Draw(c.img)
        mortar = shade(brick, 0.25)
        for row in range(int(430 / 12)):  # mortar lines, each other course offset by half a brick
            yy = (eaves + row * 12) * SCALE
            d.line((x0 * SCALE, yy, x1 * SCALE, yy), fill=mortar, width=2)
        roof = c.poly([(x0 - 6, eaves + 4), (x0 + 30, eaves - 190), (x1 - 30, eaves - 190), (x1 + 6, eaves + 4)])
        c.shape(roof, c.textured(c.vgrad("#4b4d55", "#2f3036"), 0.05, (1, 0.4), 5), shadow=0.3, dy=6, blur=8)
        for k in range(12):  # rows of roof tiles
            yy = eaves - 190 + k * 16
            c.fill(c.rect((x0 + 30 - (yy - eaves + 190) * 0.19, yy, x1 - 30 + (yy - eaves + 190) * 0.19, yy + 2)), "#25262b", 0.5)
        c.shape(c.rect((x0 + house_w * 0.62, eaves - 250, x0 + house_w * 0.74, eaves - 120)), c.hgrad("#a4553c", "#7e3a29"), shadow=0.2)
        c.fill(c.rect((x0 + house_w * 0.6, eaves - 262, x0 + house_w * 0.76, eaves - 248)), "#5d5f66")
        c.fill(c.rect((x0, eaves - 8, x1, eaves + 14)), "#f2efe6")  # white gutter board
        c.fill(c.rect((x0, eaves + 14, x1, eaves + 22)), "#000000", 0.18)
        # upstairs window, downstairs window, door
        for wx0, wy0, ww, wh in ((x0 + 40, eaves + 60, 120, 130), (x0 + 40, eaves + 250, 140, 150)):
            frame = c.rect((wx0 - 10, wy0 - 10, wx0 + ww + 10, wy0 + wh + 10))
            c.shape(frame, "#f4f1ea", shadow=0.35, dx=4, dy=6, blur=5)
            glass = c.rect((wx0, wy0, wx0 + ww, wy0 + wh))
            c.fill(glass, c.vgrad("#9fb8c8", "#41505c"))
            c.fill(c.poly([(wx0, wy0 + wh * 0.6), (wx0 + ww * 0.5, wy0), (wx0 + ww * 0.75, wy0), (wx0, wy0 + wh)]), "white", 0.18)
            c.fill(c.rect((wx0 + ww / 2 - 4, wy0, wx0 + ww / 2 + 4, wy0 + wh)), "#f4f1ea")
            c.fill(c.rect((wx0, wy0 + wh * 0.35 - 4, wx0 + ww, wy0 + wh * 0.35 + 4)), "#f4f1ea")
            c.fill(c.rect((wx0 - 16, wy0 + wh + 10, wx0 + ww + 16, wy0 + wh + 22)), "#d9d4c7")  # sill
            c.fill(c.rect((wx0 + 4, wy0 + 4, wx0 + ww * 0.3, wy0 + wh - 4)), "#e9e2d0", 0.35)  # curtain
            c.fill(c.rect((wx0 + ww * 0.7, wy0 + 4, wx0 + ww - 4, wy0 + wh - 4)), "#e9e2d0", 0.35)
        dx0 = x0 + 205
        c.shape(c.rect((dx0 - 8, ground - 240, dx0 + 78, ground)), "#f4f1ea", shadow=0.3, dx=3, dy=4, blur=4)
        door = doors[i % len(doors)]
        c.fill(c.rect((dx0, ground - 232, dx0 + 70, ground)), c.hgrad(shade(door, 0.1), shade(door, -0.25)))
        c.fill(c.rect((dx0 + 12, ground - 215, dx0 + 58, ground - 160)), "#b9cbd6", 0.8)
        c.fill(c.circle(dx0 + 58, ground - 110, 4), "#d8c070")
        c.fill(c.rect((x1 - 3, eaves, x1 + 3, ground)), "#000000", 0.15)  # where two houses meet
    # the sun from the left: a warm wash over the facades, shade under the eaves
    c.glow(w * 0.15, h * 0.1, w * 0.9, "#ffd9a0", 0.28)
    # pavement, kerb and street
    c.fill(c.rect((0, ground, w, h)), c.textured(c.vgrad("#b5ada3", "#8f887f"), 0.05, (1, 1), 3))
    d = ImageDraw.Draw(c.img)
    for k in range(0, w, 60):  # tiles of the pavement
        d.line((k * SCALE, ground * SCALE, (k - 40) * SCALE, (ground + 120) * SCALE), fill=(150, 143, 135), width=2)
    c.fill(c.rect((0, ground + 120, w, ground + 132)), "#d0cbc3")
    c.fill(c.rect((0, ground + 132, w, h)), c.vgrad("#5d5f63", "#45474b"))
    # front gardens: a low hedge, flowers against the facade, a tree in the street, bikes
    for i in range(7):
        x0 = -60 + i * 300
        flowers(c, x0 + 20, x0 + 190, ground - 4, 70, ["#e85d75", "#f2c14e", "#ffffff", "#9b6bd6"])
        hedge(c, x0 + 10, x0 + 190, ground + 62, 46)
    bicycle(c, 1010, ground + 100, 48, "#2e4a7a")
    bicycle(c, 1420, ground + 104, 46, "#7a2e2e")
    tree(c, 1260, ground + 120, 760, green="#4c7a34")
    lamp_x = 330
    c.shape(c.rect((lamp_x - 7, ground - 380, lamp_x + 7, ground + 120)), c.hgrad("#4a4f55", "#25282c"), shadow=0.3, dx=10, dy=0, blur=6)
    c.fill(
        c.poly([(lamp_x - 30, ground - 380), (lamp_x + 30, ground - 380), (lamp_x + 16, ground - 420), (lamp_x - 16, ground - 420)]),
        "#2d3136",
    )
    c.shadow(c.rect((0, ground + 128, w, ground + 150)), dy=0, blur=8, opacity=0.3)


def repair_cafe(c: Canvas) -> None:
    """soesterkwartier/initiatieven/repair-cafe.jpg: a toaster opened up on a table, with tools and coffee."""
    w, h = c.width, c.height
    table_top = h * 0.50
    # the buurthuis behind: a cream wall, a big window, people at the next table, all out of focus
    c.fill(c.rect((0, 0, w, table_top + 10)), c.vgrad("#efe3cf", "#d9c7ab"))
    c.fill(c.rect((980, 60, 1700, table_top)), c.vgrad("#dceaf2", "#f7efe0"))
    for x in (1220, 1460):
        c.fill(c.rect((x - 8, 60, x + 8, table_top)), "#f7f3ea")
    tree(c, 1340, table_top + 40, 520, green="#7da566")
    c.fill(c.rect((960, 40, 1720, 60)), "#f7f3ea")
    c.fill(c.rect((0, 0, w, 40)), "#e6d8c1")
    c.fill(c.rect((80, 120, 520, 380)), "#c9b08f")  # a pinboard with notes
    for i, col in enumerate(("#f6e27a", "#9fd3c7", "#f4a6a6", "#ffffff", "#b8c6f0", "#f6e27a")):
        px, py = 110 + (i % 3) * 135, 145 + (i // 3) * 115
        c.fill(c.rect((px, py, px + 110, py + 92)), col)
    person(c, 640, table_top + 80, 520, "#4a7c9c", seated=True)
    person(c, 850, table_top + 90, 500, "#c46a4a", skin="#8d5b3e", hair="#1e1612", seated=True)
    c.fill(c.rect((520, table_top - 40, 1000, table_top + 10)), "#8a6a4c")
    c.glow(1340, 200, 700, "#fff4dc", 0.5)
    c.defocus(9)
    # the table: warm wood, lighter towards the window
    top = c.rect((0, table_top, w, h))
    c.fill(top, c.textured(c.vgrad("#b98a5e", "#8c6240"), 0.08, (14, 1), 3))
    c.fill(c.rect((0, table_top, w, table_top + 6)), "#000000", 0.15)
    c.glow(1300, table_top + 60, 600, "#fff0d0", 0.25, squash=0.4)
    # a cutting mat under the toaster
    mat = c.poly([(360, 700), (1320, 660), (1420, 1090), (300, 1140)])
    c.shape(mat, c.vgrad("#2f6b57", "#24554a"), shadow=0.35, dy=6, blur=8)
    dm = ImageDraw.Draw(c.img)
    for k in range(1, 12):
        t = k / 12
        ax, ay = 360 + (1320 - 360) * t, 700 + (660 - 700) * t
        bx, by = 300 + (1420 - 300) * t, 1140 + (1090 - 1140) * t
        dm.line((ax * SCALE, ay * SCALE, bx * SCALE, by * SCALE), fill=(70, 130, 110), width=2)
    # the toaster: a chrome body seen from the front and a little from above, its lid beside it
    body = c.rect((560, 560, 1060, 900), radius=70)
    c.shadow(body, dx=18, dy=24, blur=22, opacity=0.45)
    c.fill(body, c.hgrad("#d9dde1", "#8b949c"))
    c.fill(c.rect((580, 580, 700, 880), radius=50), "white", 0.28)  # the window's reflection
    c.fill(c.rect((560, 840, 1060, 900), radius=40), "#3a3f44", 0.5)
    topface = c.rect((590, 540, 1030, 610), radius=34)
    c.fill(topface, c.vgrad("#f1f3f4", "#b9c0c6"))
    for sx in (640, 830):  # the two slots, open, with a glimpse of the heating wires
        c.fill(c.rect((sx, 560, sx + 150, 588), radius=12), "#202326")
        c.fill(c.rect((sx + 12, 570, sx + 138, 576), radius=3), "#d9773b", 0.8)
    c.shape(c.rect((1060, 660, 1100, 700), radius=10), "#2b2e31", shadow=0.3, dx=4, dy=4, blur=4)  # lever
    c.fill(c.circle(810, 790, 26), c.radial("#5a6066", "#1e2226", 800, 780, 30))  # browning dial
    c.fill(c.rect((806, 766, 814, 790)), "#e0e0e0")
    # the cord, curling to the edge of the table
    cord = [(1040, 860), (1110, 930), (1080, 1010), (980, 1050), (940, 1120), (1000, 1210)]
    c.shadow(c.line(cord, 14), dx=6, dy=10, blur=6, opacity=0.35)
    c.fill(c.line(cord, 14), "#f0efe9")
    # tools: a screwdriver, pliers, a multimeter, a roll of solder, a mug of coffee
    sd = c.line([(330, 1010), (520, 960)], 30)
    c.shape(sd, c.vgrad("#e5533c", "#a8321f"), shadow=0.4, dx=8, dy=12, blur=8)
    c.fill(c.line([(520, 960), (760, 898)], 9), c.vgrad("#e6e9ec", "#8b949c"))
    c.fill(c.line([(350, 998), (500, 960)], 6), "white", 0.35)
    for jaw, pivot in (((1260, 760), (1190, 850)), ((1290, 785), (1190, 850))):
        c.fill(c.line([jaw, pivot], 16), "#7d8790")
    handles = [c.line([(1190, 850), (1110, 1010)], 26), c.line([(1190, 850), (1230, 1020)], 26)]
    for hnd in handles:
        c.shape(hnd, c.vgrad("#f2b632", "#c2861b"), shadow=0.4, dx=8, dy=12, blur=8)
    c.fill(c.circle(1190, 850, 14), "#5c646b")
    meter = c.rect((1480, 640, 1720, 980), radius=26)
    c.shape(meter, c.vgrad("#f4c430", "#d49b12"), shadow=0.45, dx=12, dy=18, blur=16)
    c.fill(c.rect((1510, 670, 1690, 760), radius=10), c.vgrad("#b9c7a4", "#8fa07c"))
    c.fill(c.rect((1530, 700, 1650, 730), radius=4), "#3d4a33", 0.6)
    c.fill(c.circle(1600, 860, 62), c.radial("#4a4f55", "#1c1f22", 1585, 845, 70))
    c.fill(c.line([(1600, 860), (1640, 815)], 12), "#e9e9e9")
    for px, col in ((1530, "#c0392b"), (1670, "#222222")):
        c.fill(c.circle(px, 950, 14), col)
    c.fill(c.line([(1530, 950), (1500, 1040), (1560, 1130), (1700, 1180)], 8), "#c0392b")
    spool = c.ellipse((160, 720, 320, 800))
    c.shape(c.rect((160, 680, 320, 760)), c.hgrad("#9aa3ab", "#6b737a"), shadow=0.35, dx=8, dy=10, blur=8)
    c.fill(spool, "#8b949c")
    c.fill(c.ellipse((160, 640, 320, 720)), c.radial("#cfd5da", "#8b949c", 230, 670, 90))
    c.fill(c.ellipse((215, 665, 265, 695)), "#4a5055")
    mug = c.rect((1420, 1000, 1560, 1160), radius=22)
    c.shape(mug, c.hgrad("#ffffff", "#cfd6dc"), shadow=0.4, dx=10, dy=14, blur=10)
    c.fill(c.minus(c.ellipse((1540, 1030, 1620, 1120)), c.ellipse((1558, 1050, 1602, 1100))), "#dfe4e8")
    c.fill(c.ellipse((1420, 985, 1560, 1025)), "#e9edf0")
    c.fill(c.ellipse((1432, 992, 1548, 1020)), c.radial("#6b4327", "#3b2313", 1490, 1000, 60))
    c.fill(c.soften(c.line([(1470, 960), (1455, 900), (1485, 840), (1465, 780)], 12), 10), "white", 0.3)
    for sx, sy in ((880, 1000), (920, 1030), (960, 990), (1000, 1040)):  # screws on the mat
        c.shape(c.circle(sx, sy, 9), c.radial("#e6e9ec", "#7d868e", sx - 3, sy - 3, 12), shadow=0.35, dx=3, dy=4, blur=3)
    c.glow(w * 0.7, h * 0.1, w * 0.7, "#fff2d6", 0.18)


def soup(c: Canvas) -> None:
    """soesterkwartier/initiatieven/buurtsoep.jpg: a big pan of pea soup, steaming, with a ladle, bowls and bread."""
    w, h = c.width, c.height
    # a kitchen behind: white tiles, a window, shelves, out of focus
    c.fill(c.rect((0, 0, w, h * 0.55)), c.vgrad("#b9c9b8", "#98ab98"))
    d = ImageDraw.Draw(c.img)
    for yy in range(0, int(h * 0.55), 70):
        d.line((0, yy * SCALE, w * SCALE, yy * SCALE), fill=(170, 186, 170), width=4)
    for xx in range(0, w, 70):
        d.line((xx * SCALE, 0, xx * SCALE, h * 0.55 * SCALE), fill=(170, 186, 170), width=4)
    c.fill(c.rect((1250, 40, 1760, 480)), c.vgrad("#d8e9f3", "#fbf4e4"))
    c.fill(c.rect((1500, 40, 1510, 480)), "#ffffff")
    c.fill(c.rect((60, 180, 560, 200)), "#9a7652")
    for i, col in enumerate(("#c94f3d", "#e9d8a6", "#6a8f5a", "#f2f2f2", "#d9a441")):
        c.fill(c.rect((90 + i * 92, 80, 150 + i * 92, 180), radius=10), col)
    c.glow(1500, 260, 600, "#fff6e0", 0.6)
    c.defocus(10)
    counter = h * 0.52
    c.fill(c.rect((0, counter, w, h)), c.textured(c.vgrad("#a9805a", "#7a5638"), 0.08, (14, 1), 3))
    c.fill(c.rect((0, counter, w, counter + 8)), "#000000", 0.2)
    c.glow(1300, counter + 100, 700, "#fff0d0", 0.22, squash=0.4)
    # a board with bread
    board = c.rect((90, 820, 620, 1100), radius=40)
    c.shape(board, c.textured("#c99a62", 0.08, (10, 1), 3), shadow=0.4, dx=10, dy=16, blur=14)
    for bx, by in ((180, 900), (320, 930), (460, 900)):
        slice_ = c.ellipse((bx - 70, by - 52, bx + 70, by + 52))
        c.shape(slice_, "#8a5a2b", shadow=0.3, dx=4, dy=6, blur=6)
        c.fill(c.ellipse((bx - 60, by - 43, bx + 60, by + 43)), c.textured("#efd9a8", 0.1, (1, 1), 2))
    # the pan: a wide stainless stockpot, seen from a little above
    cx, rim_y, rx, ry = 980, 560, 420, 120
    body = c.union(c.rect((cx - rx, rim_y, cx + rx, rim_y + 420)), c.ellipse((cx - rx, rim_y + 420 - ry, cx + rx, rim_y + 420 + ry)))
    c.shadow(body, dx=30, dy=30, blur=30, opacity=0.45)
    c.fill(body, c.hgrad("#9ba3aa", "#5b636a", cx - rx, cx + rx))
    c.fill(c.rect((cx - rx + 60, rim_y + 20, cx - rx + 140, rim_y + 440), radius=40), "white", 0.35)
    c.fill(c.rect((cx + rx - 120, rim_y + 20, cx + rx - 90, rim_y + 440), radius=15), "white", 0.15)
    for side in (-1, 1):  # handles
        hx = cx + side * (rx + 30)
        c.shape(c.rect((hx - 50, rim_y + 60, hx + 50, rim_y + 100), radius=18), "#50575d", shadow=0.3, dy=6, blur=5)
    c.fill(c.ellipse((cx - rx, rim_y - ry, cx + rx, rim_y + ry)), c.vgrad("#e7eaec", "#9aa1a7"))
    soup_m = c.ellipse((cx - rx + 22, rim_y - ry + 14, cx + rx - 22, rim_y + ry - 8))
    c.fill(soup_m, c.radial("#a7b04a", "#6f7a2a", cx - 80, rim_y - 30, rx * 1.1, squash=0.35))
    for _ in range(60):  # carrot, leek, rookworst
        a = c.rng.uniform(0, 2 * math.pi)
        d_ = math.sqrt(c.rng.uniform(0, 1)) * 0.85
        px, py = cx + math.cos(a) * (rx - 40) * d_, rim_y + math.sin(a) * (ry - 20) * d_
        kind = c.rng.integers(3)
        if kind == 0:
            c.fill(c.ellipse((px - 10, py - 6, px + 10, py + 6)), "#e07b2e")
        elif kind == 1:
            c.fill(c.ellipse((px - 12, py - 5, px + 12, py + 5)), "#cfe08a")
        else:
            c.fill(c.ellipse((px - 16, py - 8, px + 16, py + 8)), "#9c3b26")
            c.fill(c.ellipse((px - 11, py - 5, px + 11, py + 5)), "#c9694c")
    c.fill(c.ellipse((cx - 220, rim_y - 70, cx - 20, rim_y - 20)), "white", 0.12)
    # the ladle rests in the pan
    c.fill(c.line([(cx + 120, rim_y + 10), (cx + 330, rim_y - 330)], 26), c.hgrad("#e7eaec", "#8b939a"))
    c.fill(c.ellipse((cx + 60, rim_y - 20, cx + 200, rim_y + 40)), "#8f983b")
    # steam
    for sx in (cx - 200, cx - 20, cx + 150):
        path = [(sx, rim_y - 80), (sx - 40, rim_y - 200), (sx + 30, rim_y - 320), (sx - 20, rim_y - 450)]
        c.fill(c.soften(c.line(path, 46), 22), "white", 0.55)
    # bowls ready to fill
    for bx, by in ((1580, 960), (1700, 1080)):
        bowl = c.union(c.pie((bx - 150, by - 120, bx + 150, by + 100), 0, 180), c.ellipse((bx - 150, by - 40, bx + 150, by + 40)))
        c.shape(bowl, c.hgrad("#fbfbf8", "#cfd4d0"), shadow=0.4, dx=10, dy=16, blur=14)
        c.fill(c.ellipse((bx - 150, by - 40, bx + 150, by + 40)), c.vgrad("#e8ebe6", "#c9cec9"))
        c.fill(c.ellipse((bx - 120, by - 28, bx + 120, by + 28)), "#f7f7f3")
        c.fill(c.inter(bowl, c.rect((bx - 150, by + 30, bx + 150, by + 44))), "#3e7cb1", 0.85)
    c.fill(c.line([(1430, 1150), (1700, 1180)], 18), c.vgrad("#eef0f2", "#9aa2a9"))  # a spoon
    c.fill(c.ellipse((1390, 1125, 1460, 1170)), "#c6ccd1")
    c.glow(w * 0.75, h * 0.15, w * 0.6, "#fff1d8", 0.15)


def taalcafe(c: Canvas) -> None:
    """soesterkwartier/agenda/taalcafe.heic: a table from above: tea glasses, oliebollen, conversation cards."""
    w, h = c.width, c.height
    c.fill(c.rect((0, 0, w, h)), c.textured(c.hgrad("#c89a6a", "#a87a4f"), 0.07, (1, 16), 3))
    d = ImageDraw.Draw(c.img)
    for xx in range(0, w, 260):  # planks
        d.line((xx * SCALE, 0, xx * SCALE, h * SCALE), fill=(120, 84, 52), width=5)
    c.glow(w * 0.3, h * 0.2, w * 0.7, "#fff3dc", 0.3)
    # a checked table runner across the middle
    runner = c.rect((0, 360, w, 860))
    c.shape(runner, "#f3efe6", shadow=0.25, dy=6, blur=8)
    for k in range(0, w, 80):
        c.fill(c.inter(runner, c.rect((k, 360, k + 40, 860))), "#c6553f", 0.22)
    for k in range(360, 860, 80):
        c.fill(c.inter(runner, c.rect((0, k, w, k + 40))), "#c6553f", 0.22)
    # conversation cards, spread out
    for x, y, ang, col in (
        (240, 200, -12, "#f6e27a"),
        (420, 250, 8, "#9fd3c7"),
        (1290, 930, -6, "#f4a6a6"),
        (1420, 880, 14, "#b8c6f0"),
        (260, 980, 4, "#ffffff"),
    ):
        card = Image.new("RGB", (260 * SCALE, 170 * SCALE), rgb(col))
        cd = ImageDraw.Draw(card)
        ink = shade(col, -0.4)  # a speech bubble and three lines of a question, no words
        cd.rounded_rectangle([v * SCALE for v in (24, 22, 100, 76)], radius=18 * SCALE, fill=ink)
        cd.polygon([(v * SCALE, u * SCALE) for v, u in ((38, 70), (32, 96), (62, 74))], fill=ink)
        for k in range(3):
            cd.rounded_rectangle(
                [v * SCALE for v in (24, 110 + k * 18, 230 - k * 50, 118 + k * 18)], radius=4 * SCALE, fill=shade(col, -0.2)
            )
        alpha = Image.new("L", card.size, 255).rotate(ang, expand=True, resample=Image.Resampling.BICUBIC)
        card = card.rotate(ang, expand=True, resample=Image.Resampling.BICUBIC)
        at = (int(x * SCALE - card.width / 2), int(y * SCALE - card.height / 2))
        m = Image.new("L", c.size, 0)
        m.paste(alpha, at)
        c.shadow(m, dx=6, dy=10, blur=8, opacity=0.35)
        c.img.paste(card, at, alpha)
    # a plate of oliebollen with icing sugar
    px, py, pr = 800, 610, 250
    c.shape(c.circle(px, py, pr), c.radial("#ffffff", "#d9ddd8", px - 60, py - 60, pr * 1.2), shadow=0.4, dx=12, dy=18, blur=18)
    c.fill(c.minus(c.circle(px, py, pr - 40), c.circle(px, py, pr - 44)), "#c9cdc8")
    for i, (bx, by) in enumerate(((730, 540), (880, 540), (700, 680), (840, 690), (800, 610))):
        br = 76 if i < 4 else 80
        lumps = [c.circle(bx, by, br)]
        for k in range(5):  # an oliebol is never quite round
            a = k * 2 * math.pi / 5 + i
            lumps.append(c.circle(bx + math.cos(a) * br * 0.3, by + math.sin(a) * br * 0.3, br * c.rng.uniform(0.7, 0.8)))
        ball = c.union(*lumps)
        c.shadow(ball, dx=6, dy=10, blur=8, opacity=0.45)
        c.fill(ball, c.textured(c.radial("#b8743a", "#5a3012", bx - br * 0.35, by - br * 0.4, br * 1.5), 0.2, (1, 1), 3))
        for _ in range(10):  # raisins
            a = c.rng.uniform(0, 2 * math.pi)
            rr = c.rng.uniform(0.2, 0.8) * br
            c.fill(
                c.ellipse((bx + math.cos(a) * rr - 7, by + math.sin(a) * rr - 5, bx + math.cos(a) * rr + 7, by + math.sin(a) * rr + 5)),
                "#3a1f12",
            )
        sugar = c.soften(c.inter(ball, c.circle(bx - br * 0.25, by - br * 0.35, br * 0.55)), 14)
        c.fill(sugar, "#fbf7f0", 0.55)
    for _ in range(250):  # sugar on the plate
        a = c.rng.uniform(0, 2 * math.pi)
        rr = c.rng.uniform(0, pr - 30)
        c.fill(c.circle(px + math.cos(a) * rr, py + math.sin(a) * rr, c.rng.uniform(1, 2.5)), "white", 0.8)
    # tea glasses on saucers, and a coffee cup
    for gx, gy, tea in ((1280, 330, "#b4561f"), (1500, 560, "#c7642a"), (330, 620, "#a94c19")):
        c.shape(c.circle(gx, gy, 120), c.radial("#ffffff", "#d4d8d3", gx - 30, gy - 30, 140), shadow=0.35, dx=8, dy=12, blur=12)
        c.fill(c.circle(gx, gy, 78), "#e8ece9")
        c.fill(c.circle(gx, gy, 70), c.radial(shade(tea, 0.25), shade(tea, -0.2), gx - 20, gy - 20, 80))
        c.fill(c.soften(c.circle(gx - 24, gy - 24, 22), 6), "white", 0.45)
        c.fill(c.line([(gx + 60, gy + 70), (gx + 150, gy + 130)], 12), c.vgrad("#e6e9ec", "#9aa2a9"))  # teaspoon
        c.fill(c.ellipse((gx + 40, gy + 50, gx + 80, gy + 86)), "#cfd5da")
    cx, cy = 1560, 240
    c.shape(c.circle(cx, cy, 110), c.radial("#ffffff", "#d4d8d3", cx - 30, cy - 30, 130), shadow=0.35, dx=8, dy=12, blur=12)
    c.shape(c.circle(cx, cy, 76), "#3f6f8f", shadow=0.25, dx=4, dy=6, blur=6)
    c.fill(c.circle(cx, cy, 62), c.radial("#8a5a36", "#4a2c18", cx - 15, cy - 15, 70))
    c.fill(c.circle(cx, cy, 30), "#c8a27c", 0.5)
    c.fill(c.rect((cx + 68, cy - 16, cx + 120, cy + 16), radius=14), "#3f6f8f")
    # a notebook with a pencil
    nb = c.rect((980, 900, 1230, 1150), radius=8)
    c.shape(nb, "#fbfaf5", shadow=0.35, dx=8, dy=12, blur=10)
    for k in range(8):
        c.fill(c.rect((1000, 940 + k * 26, 1210, 942 + k * 26)), "#9fb7d0", 0.7)
    c.fill(c.rect((980, 900, 1000, 1150)), "#d5533c", 0.8)
    c.shape(c.line([(1050, 1130), (1250, 1010)], 16), c.vgrad("#f2c14e", "#d49b12"), shadow=0.35, dx=6, dy=8, blur=6)
    c.fill(c.line([(1250, 1010), (1275, 995)], 8), "#3a3a3a")


def dorp(c: Canvas) -> None:
    """hoogland/dorp.jpg: the village seen across a green: a church spire, low houses, big trees."""
    w, h = c.width, c.height
    horizon = h * 0.66
    sky(c, "#6fa6d6", "#e8eef0", horizon)
    # the church: a tall tower with a spire, and the nave behind the houses
    tx = 1180
    nave = c.poly([(tx - 420, horizon), (tx - 420, horizon - 180), (tx - 210, horizon - 320), (tx - 40, horizon - 180), (tx - 40, horizon)])
    c.fill(nave, c.vgrad("#8d5e48", "#6f4636"))
    c.fill(c.poly([(tx - 430, horizon - 176), (tx - 210, horizon - 330), (tx - 30, horizon - 176), (tx - 210, horizon - 300)]), "#4a4c55")
    tower = c.rect((tx - 70, horizon - 400, tx + 70, horizon))
    c.fill(tower, c.hgrad("#a26c52", "#6e4433"))
    spire = c.poly([(tx - 78, horizon - 400), (tx, horizon - 700), (tx + 78, horizon - 400)])
    c.fill(spire, c.hgrad("#5f6a70", "#353c41"))
    c.fill(c.line([(tx, horizon - 700), (tx, horizon - 750)], 5), "#c9a64a")
    c.fill(c.line([(tx - 16, horizon - 730), (tx + 16, horizon - 730)], 5), "#c9a64a")
    for wy in (horizon - 370, horizon - 230):
        c.fill(c.rect((tx - 24, wy, tx + 24, wy + 80), radius=24), "#2d2522")
    c.fill(c.circle(tx, horizon - 270, 30), "#f2ede2")
    c.fill(c.line([(tx, horizon - 270), (tx, horizon - 290)], 4), "#333")
    for x in (90, 560, 900, 1480, 1720):  # trees far away
        tree(c, x, horizon + 20, 420, green="#7a9a66")
    c.defocus(1.5)
    # low village houses with steep roofs, gable ends facing the green
    for i, (x0, hw, col, roof) in enumerate(
        (
            (-20, 240, "#b45f43", "#3f4149"),
            (250, 220, "#efe9dc", "#7a3e2e"),
            (500, 250, "#a9583f", "#3f4149"),
            (780, 200, "#e9e2d2", "#7a3e2e"),
            (1300, 260, "#e9e2d2", "#3f4149"),
            (1590, 240, "#b45f43", "#7a3e2e"),
        )
    ):
        base = horizon + 40
        wall_top = base - 150
        c.shape(
            c.rect((x0, wall_top, x0 + hw, base)),
            c.textured(c.vgrad(shade(col, 0.05), shade(col, -0.12)), 0.05, (3, 1), 4),
            shadow=0.2,
            dx=8,
            dy=4,
            blur=8,
        )
        c.shape(
            c.poly([(x0 - 14, wall_top + 4), (x0 + hw / 2, wall_top - hw * 0.62), (x0 + hw + 14, wall_top + 4)]),
            c.vgrad(shade(roof, 0.1), shade(roof, -0.2)),
            shadow=0.25,
            dy=6,
            blur=6,
        )
        for wx in (x0 + hw * 0.18, x0 + hw * 0.6):
            c.fill(c.rect((wx - 4, wall_top + 36, wx + hw * 0.22 + 4, wall_top + 110)), "#f4f1ea")
            c.fill(c.rect((wx, wall_top + 40, wx + hw * 0.22, wall_top + 106)), c.vgrad("#a8bfcc", "#475a66"))
            if i % 2 == 0:  # green shutters, as in the old village
                c.fill(c.rect((wx - 30, wall_top + 36, wx - 8, wall_top + 110)), "#2f5d45")
        c.fill(c.rect((x0 + hw * 0.44, wall_top - hw * 0.3, x0 + hw * 0.56, wall_top - hw * 0.12)), "#f4f1ea")
    hedge(c, -20, w + 20, horizon + 56, 40, green="#5b8546")  # along the road behind the green
    # the green, a path, trees, a bench
    c.fill(c.rect((0, horizon + 40, w, h)), c.textured(c.vgrad("#86ab55", "#4f7a30"), 0.1, (3, 1), 4))
    path = c.poly([(780, h), (1100, horizon + 40), (1160, horizon + 40), (1280, h)])
    c.fill(path, c.textured(c.vgrad("#d8c9a8", "#b9a582"), 0.08, (1, 1), 3))
    bench = c.rect((1340, 1000, 1560, 1020), radius=4)
    c.shape(bench, "#7a5a3a", shadow=0.4, dy=40, blur=8)
    c.fill(c.rect((1340, 960, 1560, 978), radius=4), "#86643f")
    for lx in (1360, 1530):
        c.fill(c.rect((lx, 1020, lx + 12, 1070)), "#2b2b2b")
    bicycle(c, 560, 1080, 52, "#2f5d45")
    for _ in range(260):  # daisies and buttercups in the grass
        fx, fy = c.rng.uniform(0, w), c.rng.uniform(horizon + 120, h)
        if 760 < fx < 1300:
            continue
        c.fill(c.circle(fx, fy, c.rng.uniform(2, 3.5) * (fy / h)), "white" if c.rng.uniform() < 0.6 else "#f2d24e")
    tree(c, 60, h * 1.02, 1000, green="#4c7a34")
    tree(c, 1760, h * 0.99, 900, green="#557f38")
    c.glow(w * 0.1, 0, w * 0.8, "#fff0c8", 0.25)


def boomgaard(c: Canvas) -> None:
    """hoogland/initiatieven/pluktuin.jpg: an orchard in autumn: rows of apple trees, a ladder, crates of apples."""
    w, h = c.width, c.height
    horizon = h * 0.5
    sky(c, "#8dbbe0", "#f1ead8", horizon)
    c.fill(c.rect((0, horizon, w, h)), c.vgrad("#9fb87a", "#5d8a3a"))
    # rows of trees, further rows paler and smaller
    for row, (scale_, ground, haze) in enumerate(((0.45, horizon + 30, 0.45), (0.65, horizon + 90, 0.25), (0.9, horizon + 190, 0.1))):
        n = 7 - row
        for i in range(n + 1):
            x = (i + 0.5 * (row % 2)) * w / n + c.rng.uniform(-30, 30)
            tree(c, x, ground, 520 * scale_, green=mix("#4f7d3a", "#b8c9b0", haze), fruit=mix("#c8322a", "#c9b0a0", haze))
        if row < 2:
            c.defocus(1.5 - row * 0.6)
    # the grass in front, long, with fallen apples
    c.fill(c.soften(c.rect((-50, h * 0.76, w + 50, h + 50)), 30), c.textured(c.vgrad("#6e9a40", "#3f6b27", h * 0.72, h), 0.12, (1, 4), 3))
    for _ in range(900):
        gx, gy = c.rng.uniform(0, w), c.rng.uniform(h * 0.72, h)
        ln = c.rng.uniform(12, 30) * (gy / h)
        c.fill(c.line([(gx, gy), (gx + c.rng.uniform(-6, 6), gy - ln)], 2.5), shade("#5b8a33", c.rng.uniform(-0.3, 0.3)))
    # the big tree in front, with a ladder against it
    tree(c, 1380, h * 0.98, 1150, green="#4a7a30", fruit="#cf2f25")
    rail = [((1150, 1120), (1300, 420)), ((1240, 1140), (1380, 430))]
    for a, b in rail:
        c.shape(c.line([a, b], 16), c.hgrad("#c49a62", "#8e6a3e"), shadow=0.3, dx=10, dy=8, blur=6)
    for k in range(1, 9):
        t = k / 9
        ax, ay = 1150 + 150 * t, 1120 - 700 * t
        bx, by = 1240 + 140 * t, 1140 - 710 * t
        c.fill(c.line([(ax, ay), (bx, by)], 10), "#b08754")
    # wooden crates full of apples
    for cx, cy, cw in ((220, 1000, 340), (600, 1060, 360)):
        crate = c.rect((cx, cy, cx + cw, cy + 150))
        c.shadow(crate, dx=14, dy=18, blur=14, opacity=0.45)
        for k in range(int(cw / 22)):  # apples heaped above the rim
            ax = cx + 16 + k * 22 + c.rng.uniform(-4, 4)
            ay = cy + c.rng.uniform(-14, 6)
            col = ["#c8322a", "#d9482c", "#b02a22", "#8fb33a"][int(c.rng.integers(4))]
            c.fill(c.circle(ax, ay, 24), c.radial(shade(col, 0.35), shade(col, -0.3), ax - 8, ay - 10, 30))
        c.fill(crate, c.textured(c.vgrad("#d4aa72", "#a37a45"), 0.08, (8, 1), 3))
        for k in range(3):
            c.fill(c.rect((cx, cy + 8 + k * 48, cx + cw, cy + 12 + k * 48)), "#7a5a32", 0.7)
        c.fill(c.rect((cx + 12, cy + 60, cx + 60, cy + 90), radius=12), "#5a3f20")
    c.glow(w * 0.2, h * 0.15, w * 0.8, "#ffe8b8", 0.3)


def moestuin(c: Canvas) -> None:
    """liendert/initiatieven/moestuin.png: raised vegetable beds in front of a block of flats, a greenhouse of old windows."""
    w, h = c.width, c.height
    horizon = h * 0.48
    sky(c, "#86b6dc", "#eef1ea", horizon)
    # the flat: a long slab of seven storeys with balconies
    fx0, fx1, ftop = 150, 1650, 120
    c.fill(c.rect((fx0, ftop, fx1, horizon + 40)), c.hgrad("#d8d2c4", "#b8b0a0"))
    for fl in range(7):
        y = ftop + 30 + fl * 62
        c.fill(c.rect((fx0, y + 40, fx1, y + 54)), "#efeadf")
        for k in range(12):
            x = fx0 + 30 + k * 124
            c.fill(c.rect((x, y, x + 70, y + 38)), c.vgrad("#8fa8b8", "#4a5b66"))
            c.fill(c.rect((x + 76, y + 6, x + 110, y + 40)), ["#c85a3a", "#e0b040", "#5a8abf", "#e7e2d6"][(k + fl) % 4], 0.9)
    tree(c, 80, horizon + 80, 520, green="#6f955a")
    tree(c, 1760, horizon + 80, 560, green="#6f955a")
    c.defocus(3)
    c.fill(c.rect((0, horizon + 40, w, h)), c.textured(c.vgrad("#8fb060", "#5f8a3a"), 0.05, (4, 1), 10))
    # the greenhouse of old windows, at the back
    gh = c.rect((1180, horizon - 30, 1620, horizon + 190))
    c.shadow(gh, dx=14, dy=10, blur=12, opacity=0.35)
    c.fill(gh, c.vgrad("#dfeef0", "#a9c4b8"), 0.85)
    c.fill(c.poly([(1170, horizon - 30), (1400, horizon - 140), (1630, horizon - 30)]), c.vgrad("#f2f7f5", "#c5d8d0"), 0.9)
    c.fill(c.line([(1170, horizon - 30), (1400, horizon - 140), (1630, horizon - 30)], 8), "#f4f1ea")
    for k in range(5):
        x = 1180 + k * 88
        col = ["#f4f1ea", "#4f7a9a", "#f4f1ea", "#b5543a", "#f4f1ea"][k]
        c.fill(c.minus(c.rect((x, horizon - 30, x + 88, horizon + 190)), c.rect((x + 8, horizon - 22, x + 80, horizon + 182))), col)
        c.fill(c.rect((x + 10, horizon + 90, x + 78, horizon + 180)), "#5f8f3e", 0.7)
        c.fill(c.rect((x + 8, horizon + 60, x + 80, horizon + 66)), col)
    # the raised beds, in two rows, in perspective
    beds = [(120, 760, 620, 900), (720, 740, 1180, 880), (1260, 760, 1720, 900), (40, 960, 760, 1140), (860, 940, 1600, 1120)]
    for i, (x0, y0, x1, y1) in enumerate(beds):
        top = y0 + (y1 - y0) * 0.45
        front = c.rect((x0, top, x1, y1))
        c.shadow(front, dx=14, dy=16, blur=14, opacity=0.4)
        c.fill(front, c.textured(c.vgrad("#b07c4e", "#7b5230"), 0.08, (10, 1), 3))
        for k in range(1, 3):
            c.fill(c.rect((x0, top + (y1 - top) * k / 3 - 2, x1, top + (y1 - top) * k / 3 + 2)), "#5a3a20", 0.6)
        soil = c.poly([(x0 + 20, top - (y1 - y0) * 0.35), (x1 - 20, top - (y1 - y0) * 0.35), (x1, top), (x0, top)])
        c.fill(soil, c.textured("#4a3524", 0.2, (1, 1), 2))
        kind = i % 3
        n = int((x1 - x0) / 60)
        for k in range(n):
            px = x0 + 40 + k * (x1 - x0 - 80) / max(1, n - 1)
            py = top - (y1 - y0) * 0.12
            if kind == 0:  # lettuce: round heads of leaves
                for j in range(5):
                    a = j * 2 * math.pi / 5
                    c.fill(
                        c.ellipse(
                            (px + math.cos(a) * 12 - 22, py + math.sin(a) * 6 - 22, px + math.cos(a) * 12 + 22, py + math.sin(a) * 6 + 10)
                        ),
                        shade("#8fc454", -0.1 * j / 5),
                    )
                c.fill(c.circle(px, py - 8, 14), "#b9e07a")
            elif kind == 1:  # kale: tall dark leaves
                for j in (-1, 0, 1):
                    c.fill(c.line([(px, py), (px + j * 22, py - 70 + abs(j) * 20)], 20), shade("#3f6f3a", j * 0.1))
            else:  # cabbages and marigolds
                c.fill(c.circle(px, py - 14, 24), c.radial("#b9cf9a", "#6e8f5a", px - 8, py - 22, 30))
                c.fill(c.circle(px + 30, py - 30, 8), "#f29a1e")
    # a watering can on the path
    can = c.rect((1640, 1010, 1780, 1120), radius=20)
    c.shape(can, c.hgrad("#4f9a7a", "#2f6a52"), shadow=0.4, dx=10, dy=14, blur=10)
    c.fill(c.line([(1640, 1080), (1560, 990)], 14), "#3f8a6a")
    c.fill(c.minus(c.ellipse((1670, 960, 1760, 1040)), c.ellipse((1684, 974, 1746, 1040))), "#2f6a52")
    c.glow(w * 0.25, 0, w * 0.8, "#fff3d0", 0.25)


def huiskamer(c: Canvas) -> None:
    """liendert/nieuws/huiskamer.jpg: a shop front in the shopping centre turned into a living room, with bunting and balloons."""
    w, h = c.width, c.height
    floor = h * 0.86
    # the shopping centre's arcade: a light ceiling, a brick pier each side
    c.fill(c.rect((0, 0, w, floor)), c.vgrad("#d9d4ca", "#c5beb2"))
    c.fill(c.rect((0, 0, w, 120)), c.vgrad("#efece6", "#d8d3ca"))
    for x in range(0, w, 180):
        c.fill(c.circle(x + 90, 60, 18), "#fffbe8")
        c.glow(x + 90, 60, 90, "#fff6dc", 0.4)
    for x0 in (0, w - 200):
        c.shape(
            c.rect((x0, 120, x0 + 200, floor)), c.textured(c.hgrad("#a35a40", "#7f4430"), 0.06, (3, 1), 4), shadow=0.3, dx=0, dy=0, blur=14
        )
    # the shop window, warm inside: people at a long table, lamps, plants
    wx0, wy0, wx1, wy1 = 260, 250, 1540, floor - 40
    c.fill(c.rect((wx0, wy0, wx1, wy1)), c.vgrad("#f4dcb0", "#d9b486"))
    for lx in (480, 900, 1320):
        c.fill(c.line([(lx, wy0), (lx, wy0 + 120)], 3), "#3a3a3a")
        c.fill(c.pie((lx - 70, wy0 + 90, lx + 70, wy0 + 190), 180, 360), "#2e4a3a")
        c.glow(lx, wy0 + 180, 200, "#ffe9b0", 0.7)
    for px, py, ph, shirt, skin, hair in (
        (450, wy1 - 150, 300, "#5a7fa8", "#e0b08a", "#b8b0a8"),
        (650, wy1 - 160, 270, "#c25b4b", "#8d5b3e", "#1e1612"),
        (1030, wy1 - 155, 290, "#6a9a5a", "#d9a77f", "#6b4a2a"),
        (1200, wy1 - 150, 320, "#d9a441", "#6b4530", "#1e1612"),
        (1360, wy1 - 160, 280, "#8a6aa8", "#f0c8a0", "#3b2a20"),
    ):
        person(c, px, py, ph, shirt, skin=skin, hair=hair, seated=True)
    c.fill(c.rect((330, wy1 - 170, 1480, wy1 - 140), radius=6), "#8a5a3a")
    c.fill(c.rect((330, wy1 - 140, 1480, wy1)), "#7a4e30", 0.6)
    for cx in (500, 760, 1000, 1240):
        c.fill(c.rect((cx - 20, wy1 - 200, cx + 20, wy1 - 170), radius=6), "#f4f1ea")
    c.fill(c.rect((1420, wy1 - 360, 1500, wy1 - 170), radius=10), "#3f6f3a")
    c.defocus(6)
    # reflections on the glass, and the window frame
    c.fill(c.poly([(wx0 + 80, wy0), (wx0 + 260, wy0), (wx0 + 60, wy1), (wx0 - 120, wy1)]), "white", 0.12)
    c.fill(c.poly([(wx0 + 620, wy0), (wx0 + 700, wy0), (wx0 + 500, wy1), (wx0 + 420, wy1)]), "white", 0.08)
    frame = c.minus(c.rect((wx0 - 24, wy0 - 24, wx1 + 24, wy1 + 24)), c.rect((wx0, wy0, wx1, wy1)))
    c.shape(frame, "#2f3a40", shadow=0.35, dy=6, blur=10)
    c.fill(c.rect((900 - 10, wy0, 900 + 10, wy1)), "#2f3a40")
    # the sign board above the window, without words
    sign = c.rect((wx0 + 200, wy0 - 140, wx1 - 200, wy0 - 50), radius=12)
    c.shape(sign, c.vgrad("#3f6f8f", "#2e5670"), shadow=0.4, dy=10, blur=12)
    c.fill(
        c.poly([(880, wy0 - 125), (900, wy0 - 140), (920, wy0 - 125), (920, wy0 - 70), (880, wy0 - 70)]), "#f4f1ea", 0.9
    )  # a little house
    c.fill(c.rect((893, wy0 - 95, 907, wy0 - 70)), "#3f6f8f")
    # bunting across the window, balloons at the door
    bunting(c, wx0 - 20, wy0 + 10, wx1 + 20, wy0 + 10, 70, ["#e85d75", "#f2c14e", "#5ab0a0", "#5a7fd6", "#f08a3c"])
    for bx, by, col in (
        (180, 330, "#e85d75"),
        (110, 420, "#f2c14e"),
        (220, 460, "#5a7fd6"),
        (1660, 340, "#5ab0a0"),
        (1730, 440, "#e85d75"),
    ):
        c.fill(c.line([(bx, by + 70), (bx + (bx - 900) * 0.02, floor - 60)], 2.5), "#6b6b6b")
        c.shape(
            c.ellipse((bx - 56, by - 70, bx + 56, by + 70)),
            c.radial(shade(col, 0.35), shade(col, -0.25), bx - 20, by - 30, 90),
            shadow=0.25,
            dx=10,
            dy=14,
            blur=12,
        )
        c.fill(c.soften(c.ellipse((bx - 32, by - 50, bx - 12, by - 20)), 4), "white", 0.55)
    # the floor of the arcade, a plant tub and a bench
    c.fill(c.rect((0, floor, w, h)), c.vgrad("#b4aca0", "#8e867a"))
    d = ImageDraw.Draw(c.img)
    for x in range(-400, w + 400, 120):
        d.line((x * SCALE, floor * SCALE, (x + (x - 900) * 0.5) * SCALE, h * SCALE), fill=(150, 142, 132), width=3)
    c.fill(c.rect((0, floor, w, floor + 10)), "#000000", 0.15)
    tub = c.rect((1560, floor - 150, 1740, floor + 30), radius=12)
    c.shape(tub, c.hgrad("#6a6e72", "#45494d"), shadow=0.4, dx=14, dy=10, blur=10)
    for k in range(9):
        a = -math.pi / 2 + (k - 4) * 0.28
        c.fill(
            c.line([(1650, floor - 150), (1650 + math.cos(a) * 170, floor - 150 + math.sin(a) * 200)], 26),
            shade("#3f7a3a", (k % 3 - 1) * 0.15),
        )
    bench = c.rect((420, floor - 60, 960, floor - 30), radius=6)
    c.shape(bench, c.textured("#a8774a", 0.08, (8, 1), 3), shadow=0.4, dy=60, blur=10)
    for lx in (450, 910):
        c.fill(c.rect((lx, floor - 30, lx + 16, floor + 40)), "#333")


# Writing the files ----------------------------------------------------------------------------

GPS_OLV_TOREN = (52.1561, 5.3878)  # the Onze Lieve Vrouwetoren, Amersfoort: a public spot


def _dms(value: float) -> tuple[float, float, float]:
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    return (float(degrees), float(minutes), round((value - degrees - minutes / 60) * 3600, 2))


def phone_exif(lat: float, lon: float) -> Image.Exif:
    """EXIF as a phone writes it: turned a quarter (Orientation 6), a camera, a date and a GPS position."""
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to display
    exif[0x010F] = "Bovenwijks"  # Make
    exif[0x0110] = "demofotos.py"  # Model
    exif[0x0132] = "2026:10:10 10:30:00"  # DateTime
    exif.get_ifd(0x8769)[0x9003] = "2026:10:10 10:30:00"  # DateTimeOriginal
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", _dms(lat)  # GPSLatitudeRef, GPSLatitude
    gps[3], gps[4] = "E", _dms(lon)  # GPSLongitudeRef, GPSLongitude
    return exif


def save(img: Image.Image, path: Path, phone: bool = False) -> None:
    """Write `img` as its suffix says; `phone`: stored turned, with a phone's EXIF (JPEG only)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    suffix = path.suffix.lower()
    if suffix == ".jpg":
        if phone:
            # Stored turned a quarter anticlockwise; Orientation 6 turns it back when shown.
            img.transpose(Image.Transpose.ROTATE_90).save(path, quality=85, optimize=True, exif=phone_exif(*GPS_OLV_TOREN))
        else:
            img.save(path, quality=85, optimize=True)
    elif suffix == ".png":
        img.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(path, optimize=True)
    elif suffix == ".heic":
        from pillow_heif import register_heif_opener

        register_heif_opener()
        img.save(path, quality=60)
    else:
        raise ValueError(f"unknown image type: {path}")


# (file under wijken/, scene, width, height, seed, phone EXIF, finishing)
SCENES: list[tuple[str, Callable[[Canvas], None], int, int, int, bool, dict[str, float]]] = [
    ("soesterkwartier/straat.jpg", rijtjeshuizen, 1800, 1200, 1, False, {"warmth": 0.4}),
    ("soesterkwartier/initiatieven/repair-cafe.jpg", repair_cafe, 1800, 1200, 2, True, {"warmth": 0.6}),
    ("soesterkwartier/initiatieven/buurtsoep.jpg", soup, 1800, 1200, 3, False, {"warmth": 0.5}),
    ("soesterkwartier/agenda/taalcafe.heic", taalcafe, 1800, 1200, 4, False, {"warmth": 0.4, "grain": 1.5}),
    ("hoogland/dorp.jpg", dorp, 1800, 1200, 5, False, {"warmth": 0.3}),
    ("hoogland/initiatieven/pluktuin.jpg", boomgaard, 1800, 1200, 6, False, {"warmth": 0.5}),
    ("liendert/initiatieven/moestuin.png", moestuin, 1800, 1200, 7, False, {"grain": 0, "vignette": 0.15}),
    ("liendert/nieuws/huiskamer.jpg", huiskamer, 1800, 1200, 8, False, {"warmth": 0.5}),
]


def main(argv: list[str]) -> int:
    """Draw every scene and write it under ROOT/wijken/ (ROOT: the first argument, or this repository)."""
    root = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent.parent
    only = set(argv[2:])
    for name, scene, width, height, seed, phone, finishing in SCENES:
        if only and Path(name).stem not in only:
            continue
        canvas = Canvas(width, height, seed=seed)
        scene(canvas)
        path = root / "wijken" / name
        save(canvas.finish(**finishing), path, phone=phone)
        print(f"{path.relative_to(root)}: {width}×{height}, {path.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
