"""The offer chart: total annual value and value per hour worked, side by side.

matplotlib is imported only when a chart is drawn, so commands that draw none stay fast.
"""

from __future__ import annotations

import io
import logging
import textwrap
import threading
import warnings

from generator.brand import DEFAULT_ACCENT, DEFAULT_PRIMARY
from generator.document import Chart
from generator.localize import money
from generator.offers import Comparison

MUTED = "#9db4cc"


# Tried in order for each character, as in the stylesheet, so offer names in other scripts draw.
FAMILIES = ("Inter", "Noto Sans", "Noto Sans Arabic", "Noto Sans Hebrew", "WenQuanYi Micro Hei", "DejaVu Sans")


def _families() -> list[str]:
    """The fallback families this machine's matplotlib knows (unknown ones would only log noise)."""
    from matplotlib import font_manager

    # A fallback without a bold face is used at regular weight; that is fine, not worth a log line.
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    known = {font.name for font in font_manager.fontManager.ttflist}
    return [name for name in FAMILIES if name in known] or ["sans-serif"]


_PYPLOT = threading.Lock()  # pyplot keeps global state; a Dask worker may draw in several threads


def offer_chart(comparison: Comparison, lang: str, currency: str, title_total: str, title_hour: str,
                alt: str, primary: str = DEFAULT_PRIMARY, accent: str = DEFAULT_ACCENT) -> Chart:
    """Draw two bar panels (per year, per hour); the best offer per hour is in the accent colour."""
    with _PYPLOT:
        return _draw(comparison, lang, currency, title_total, title_hour, alt, primary, accent)


def _draw(comparison: Comparison, lang: str, currency: str, title_total: str, title_hour: str,
          alt: str, primary: str, accent: str) -> Chart:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt
    from matplotlib.ticker import FuncFormatter

    names = ["\n".join(textwrap.wrap(v.name, 16, max_lines=2, placeholder="…")) for v in comparison.values]
    totals = [v.total_annual_value for v in comparison.values]
    hourly = [v.value_per_hour for v in comparison.values]
    colours = [accent if i == comparison.best_per_hour_index else primary for i in range(len(names))]
    plt.rcParams.update({"font.family": _families(), "font.size": 9,
                         "svg.fonttype": "path", "svg.hashsalt": "prep-pack"})
    fig, axes = plt.subplots(1, 2, figsize=(7.2, 2.9), dpi=150)
    panels = ((axes[0], totals, title_total, False), (axes[1], hourly, title_hour, True))
    for ax, values, title, cents in panels:
        bars = ax.bar(range(len(values)), values, color=colours, width=0.62)
        ax.set_title(title, fontsize=10, loc="left", color="#222222", fontweight="bold")
        ax.set_xticks(range(len(names)), names, fontsize=8)
        ax.yaxis.set_major_formatter(FuncFormatter(lambda x, _pos: money(x, lang, currency)))
        ax.tick_params(axis="y", labelsize=7.5, colors="#555555")
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.grid(axis="y", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
        ax.set_ylim(0, max(values) * 1.18)
        for bar, value in zip(bars, values):
            ax.annotate(money(value, lang, currency, cents=cents), (bar.get_x() + bar.get_width() / 2, value),
                        xytext=(0, 3), textcoords="offset points", ha="center", fontsize=7.5, color="#222222")
    svg_buffer, png_buffer = io.StringIO(), io.BytesIO()
    with warnings.catch_warnings():  # a letter no font has is drawn as a box; no need to tell the user
        warnings.filterwarnings("ignore", message="Glyph .* missing from font", category=UserWarning)
        fig.tight_layout()
        fig.savefig(svg_buffer, format="svg", metadata={"Date": None})
        fig.savefig(png_buffer, format="png", dpi=150)
    plt.close(fig)
    return Chart(svg=svg_buffer.getvalue(), png=png_buffer.getvalue(), alt=alt)
