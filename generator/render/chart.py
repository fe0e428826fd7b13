"""Draws the offer chart block: total annual value and value per hour worked, side by side.

The content layer only holds the figures (`blocks.Chart`). `layout` turns them into a handful of
shapes (bars, grid lines, labels) measured in points, once; `chart_svg` writes those shapes as
SVG for the HTML and the PDF (real text, so the PDF carries a few characters of an embedded font
instead of glyph outlines), and `chart_png` paints the same shapes with Pillow for Word. No
plotting library is loaded: drawing a chart this way takes milliseconds.
"""

from __future__ import annotations

import io
import math
import shutil
import subprocess
import textwrap
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

from generator.content.blocks import Chart
from generator.localize import money
from generator.render.design import Design

if TYPE_CHECKING:
    from PIL import ImageFont

WIDTH, HEIGHT = 518.0, 209.0  # points: 18.3 x 7.4 cm, the width of the text column
GAP = 26.0                    # between the two panels
PNG_SCALE = 150 / 72          # pixels per point in Word's picture (150 dpi)
EXPECTED_STRENGTH = 0.35      # how much of a bar's colour its expected (not promised) part keeps


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float
    colour: str


@dataclass(frozen=True)
class Rule:
    x1: float
    y1: float
    x2: float
    y2: float
    colour: str
    width: float = 0.6


@dataclass(frozen=True)
class Label:
    x: float
    y: float              # the baseline
    text: str
    size: float
    colour: str
    anchor: str = "start"  # start, middle or end, as in SVG
    bold: bool = False


Shape = Box | Rule | Label


def _pale(colour: str, strength: float = EXPECTED_STRENGTH) -> str:
    """`colour` mixed with white: the look of a translucent bar on the white page."""
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(255 - (255 - c) * strength):02x}" for c in (red, green, blue))


def _step(top: float) -> float:
    """A round distance between grid lines (1, 2, 2.5 or 5 times a power of ten), about six of them."""
    raw = top / 6 if top > 0 else 1
    magnitude = 10 ** math.floor(math.log10(raw))
    return next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)


def _text_width(text: str, size: float) -> float:
    """A generous estimate of a label's width, for the room kept for the axis labels."""
    return len(text) * size * 0.58


def _panel(chart: Chart, design: Design, left: float, width: float, values: tuple[float, ...],
           certain: tuple[float, ...], title: str, cents: bool, legend: bool) -> list[Shape]:
    """One panel: title, grid with money on the axis, a bar per offer, the figure above each bar."""
    split = certain != values
    top_value = max(max(values), 1.0) * (1.32 if split else 1.18)
    step = _step(top_value)
    ticks = [step * i for i in range(int(top_value / step) + 1)]
    tick_labels = [money(tick, chart.locale, chart.currency) for tick in ticks]
    plot_left = left + max(_text_width(label, 7.5) for label in tick_labels) + 6
    plot_top, plot_bottom, plot_right = 24.0, HEIGHT - 30, left + width

    def y(value: float) -> float:
        return plot_bottom - value / top_value * (plot_bottom - plot_top)

    shapes: list[Shape] = [Label(plot_left, 12, title, 10, design.chart_ink, bold=True)]
    for tick, text in zip(ticks, tick_labels, strict=True):
        shapes.append(Rule(plot_left, y(tick), plot_right, y(tick), design.chart_grid))
        shapes.append(Label(plot_left - 4, y(tick) + 2.6, text, 7.5, design.chart_axis, "end"))
    slot = (plot_right - plot_left) / len(values)
    names = _wrapped(chart.names)
    for i, (value, sure) in enumerate(zip(values, certain, strict=True)):
        colour = design.accent if i == chart.highlight else design.primary
        bar_left, bar_width, solid = plot_left + slot * i + slot * 0.19, slot * 0.62, sure if split else value
        shapes.append(Box(bar_left, y(solid), bar_width, plot_bottom - y(solid), colour))
        if split and value > sure:  # the expected part (bonus, profit share) on top, pale: money nobody promised
            shapes.append(Box(bar_left, y(value), bar_width, y(solid) - y(value), _pale(colour)))
        middle = bar_left + bar_width / 2
        shapes.append(Label(middle, y(value) - 3, money(value, chart.locale, chart.currency, cents=cents), 7.5,
                            design.chart_ink, "middle"))
        shapes.extend(Label(middle, plot_bottom + 11 + 9.5 * line, text, 8, design.chart_ink, "middle")
                      for line, text in enumerate(names[i]))
    shapes.append(Rule(plot_left, plot_top - 4, plot_left, plot_bottom, design.chart_ink, 0.8))
    shapes.append(Rule(plot_left, plot_bottom, plot_right, plot_bottom, design.chart_ink, 0.8))
    if legend and split and chart.title_expected:
        shapes.append(Box(plot_left + 6, plot_top + 1, 10, 6, _pale(design.primary)))
        shapes.append(Label(plot_left + 20, plot_top + 6.5, chart.title_expected, 7, design.chart_ink))
    return shapes


def _wrapped(names: tuple[str, ...]) -> list[list[str]]:
    """Each offer's name on at most two lines; more bars, narrower lines, so they never touch."""
    width = max(8, min(16, 44 // max(len(names), 1)))
    return [textwrap.wrap(name, width, max_lines=2, placeholder="…") or [""] for name in names]


@lru_cache(maxsize=8)
def layout(chart: Chart, design: Design) -> tuple[Shape, ...]:
    """The chart's shapes, in points on a WIDTH x HEIGHT canvas (cached: HTML, PDF and Word share them)."""
    panel = (WIDTH - GAP) / 2
    certain_totals = chart.certain_totals or chart.totals
    certain_hours = chart.certain_per_hour or chart.per_hour
    return (*_panel(chart, design, 0, panel, chart.totals, certain_totals, chart.title_total, False, True),
            *_panel(chart, design, panel + GAP, panel, chart.per_hour, certain_hours, chart.title_hour, True, False))


def chart_svg(chart: Chart, design: Design) -> str:
    """The chart as SVG text, for the HTML and the PDF."""
    family = quoteattr(", ".join(f"'{name}'" for name in design.fonts) + ", sans-serif")
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH:g}pt" height="{HEIGHT:g}pt" '
             f'viewBox="0 0 {WIDTH:g} {HEIGHT:g}" font-family={family}>']
    for shape in layout(chart, design):
        if isinstance(shape, Box):
            parts.append(f'<rect x="{shape.x:.2f}" y="{shape.y:.2f}" width="{shape.width:.2f}" '
                         f'height="{shape.height:.2f}" fill="{shape.colour}"/>')
        elif isinstance(shape, Rule):
            parts.append(f'<line x1="{shape.x1:.2f}" y1="{shape.y1:.2f}" x2="{shape.x2:.2f}" y2="{shape.y2:.2f}" '
                         f'stroke="{shape.colour}" stroke-width="{shape.width:g}"/>')
        else:
            weight = ' font-weight="bold"' if shape.bold else ""
            parts.append(f'<text x="{shape.x:.2f}" y="{shape.y:.2f}" font-size="{shape.size:g}" '
                         f'fill="{shape.colour}" text-anchor="{shape.anchor}"{weight}>{escape(shape.text)}</text>')
    parts.append("</svg>")
    return "".join(parts)


@lru_cache(maxsize=8)
def chart_png(chart: Chart, design: Design) -> bytes:
    """The chart as a PNG picture (150 dpi), for Word."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (round(WIDTH * PNG_SCALE), round(HEIGHT * PNG_SCALE)), "white")
    draw = ImageDraw.Draw(image)
    s = PNG_SCALE
    for shape in layout(chart, design):
        if isinstance(shape, Box):
            draw.rectangle((shape.x * s, shape.y * s, (shape.x + shape.width) * s, (shape.y + shape.height) * s),
                           fill=shape.colour)
        elif isinstance(shape, Rule):
            draw.line((shape.x1 * s, shape.y1 * s, shape.x2 * s, shape.y2 * s), fill=shape.colour,
                      width=max(1, round(shape.width * s)))
        else:
            anchor = {"start": "ls", "middle": "ms", "end": "rs"}[shape.anchor]
            draw.text((shape.x * s, shape.y * s), shape.text, fill=shape.colour, anchor=anchor,
                      font=_font(design.fonts[0], shape.text, shape.bold, round(shape.size * s)))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _font(family: str, text: str, bold: bool, pixels: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """A font for `text` at `pixels`: the design's typeface, or one that has every letter of the
    text (a name in Arabic or Chinese, with its Latin part); Pillow's own when none can be used."""
    from PIL import ImageFont

    for path in (_font_file(family, _letters(text), bold), _font_file(family, "", bold)):
        if path:
            try:
                return ImageFont.truetype(path, pixels)
            except OSError:  # a bitmap font (colour emoji) comes in fixed sizes only
                continue
    return ImageFont.load_default(pixels)


def _letters(text: str) -> str:
    """Every letter of `text` when it has any beyond Latin (the font must have them all), else ""."""
    plain = {ch for ch in text if not ch.isspace()}
    if all(ord(ch) <= 0x24F or ch in "€…–—‘’“”" for ch in plain):
        return ""
    return "".join(sorted(plain))


@lru_cache(maxsize=64)
def _font_file(family: str, letters: str, bold: bool) -> str | None:
    """The scalable font file fontconfig picks for the design's typeface, one that has all of
    `letters` when given. The pattern holds `letters` only as hexadecimal code points."""
    if not shutil.which("fc-match"):
        return None
    pattern = family + ":scalable=true"
    pattern += ":charset=" + " ".join(f"{ord(ch):x}" for ch in letters) if letters else ""
    pattern += ":weight=bold" if bold else ""
    try:
        found = subprocess.run(["fc-match", "-f", "%{file}", pattern], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return found.stdout.strip() or None
