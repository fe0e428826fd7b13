"""Draws the offer chart block: total annual value and value per hour worked, side by side.

The content layer only holds the figures (`blocks.Chart`); HTML and PDF get SVG, Word gets PNG,
both in the pack's design colours. matplotlib is imported only when a chart is drawn, and a
drawing is cached, so the HTML and the PDF of one pack draw it once.
"""

from __future__ import annotations

import io
import logging
import textwrap
import threading
import warnings
from functools import lru_cache

from generator.content.blocks import Chart
from generator.localize import money
from generator.render.design import Design


def _families(wanted: tuple[str, ...]) -> list[str]:
    """The fallback families this machine's matplotlib knows (unknown ones would only log noise)."""
    from matplotlib import font_manager

    # A fallback without a bold face is used at regular weight; that is fine, not worth a log line.
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    known = {font.name for font in font_manager.fontManager.ttflist}
    return [name for name in wanted if name in known] or ["sans-serif"]


_PYPLOT = threading.Lock()  # pyplot keeps global state; a Dask worker may draw in several threads


def chart_svg(chart: Chart, design: Design) -> str:
    """The chart as SVG text, for the HTML and the PDF."""
    return _draw(chart, design, "svg").decode("utf-8")


def chart_png(chart: Chart, design: Design) -> bytes:
    """The chart as a PNG picture, for Word."""
    return _draw(chart, design, "png")


@lru_cache(maxsize=8)
def _draw(chart: Chart, design: Design, fmt: str) -> bytes:
    """Two bar panels (per year, per hour); the highlighted offer is in the accent colour."""
    with _PYPLOT:
        return _draw_locked(chart, design, fmt)


def _draw_locked(chart: Chart, design: Design, fmt: str) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt
    from matplotlib.ticker import FuncFormatter

    width = max(8, min(16, 44 // max(len(chart.names), 1)))  # more bars, narrower labels: they must not touch
    names = ["\n".join(textwrap.wrap(name, width, max_lines=2, placeholder="…")) for name in chart.names]
    colours = [design.accent if i == chart.highlight else design.primary for i in range(len(names))]
    plt.rcParams.update({"font.family": _families(design.fonts), "font.size": 9,
                         "svg.fonttype": "path", "svg.hashsalt": "prep-pack"})
    fig, axes = plt.subplots(1, 2, figsize=(7.2, 2.9), dpi=150)
    panels = ((axes[0], chart.totals, chart.certain_totals, chart.title_total, False),
              (axes[1], chart.per_hour, chart.certain_per_hour, chart.title_hour, True))
    split = any(certain != total for certain, total in zip(chart.certain_totals, chart.totals, strict=False))
    for ax, values, certain, title, cents in panels:
        solid = certain if split else values
        bars = ax.bar(range(len(values)), solid, color=colours, width=0.62)
        if split:  # the expected part (bonus, profit share) on top, pale: money nobody promised
            ax.bar(range(len(values)), [v - c for v, c in zip(values, certain, strict=True)], bottom=solid,
                   color=colours, alpha=0.35, width=0.62, hatch="///", edgecolor="white", linewidth=0,
                   label=chart.title_expected)
        ax.set_title(title, fontsize=10, loc="left", color=design.chart_ink, fontweight="bold")
        ax.set_xticks(range(len(names)), names, fontsize=8)
        ax.yaxis.set_major_formatter(FuncFormatter(lambda x, _pos: money(x, chart.locale, chart.currency)))
        ax.tick_params(axis="y", labelsize=7.5, colors=design.chart_axis)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.grid(axis="y", color=design.chart_grid, linewidth=0.6)
        ax.set_axisbelow(True)
        ax.set_ylim(0, max(values) * (1.32 if split else 1.18))
        if split and not cents:
            ax.legend(loc="upper left", fontsize=7, frameon=False, handlelength=1.2)
        for bar, value in zip(bars, values, strict=True):
            ax.annotate(money(value, chart.locale, chart.currency, cents=cents),
                        (bar.get_x() + bar.get_width() / 2, value), xytext=(0, 3), textcoords="offset points",
                        ha="center", fontsize=7.5, color=design.chart_ink)
    buffer = io.BytesIO()
    with warnings.catch_warnings():  # a letter no font has is drawn as a box; no need to tell the user
        warnings.filterwarnings("ignore", message="Glyph .* missing from font", category=UserWarning)
        fig.tight_layout()
        if fmt == "svg":
            fig.savefig(buffer, format="svg", metadata={"Date": None})
        else:
            fig.savefig(buffer, format="png", dpi=150)
    plt.close(fig)
    return buffer.getvalue()
