"""Design tokens: the one set of colours, fonts and sizes behind every format's look.

The stylesheet gets them as CSS custom properties (`--primary` ...), the Word file as its style
colours and sizes, and the chart as its bar and text colours; a brand file's colours replace
the defaults everywhere at once. The stylesheet itself holds no colour values of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace

from generator.brand import Brand

# Typefaces in order of preference; later ones cover scripts the earlier lack (Arabic, Chinese ...).
FONT_FAMILIES = ("Inter", "Noto Sans", "Noto Sans Arabic", "Noto Sans Hebrew", "WenQuanYi Micro Hei",
                 "Noto Sans CJK SC", "DejaVu Sans")


@dataclass(frozen=True)
class Design:
    """Colours (hex) and type sizes (pt) of a pack."""

    primary: str = "#1f4e79"    # headings, rules, table headers, chart bars
    accent: str = "#e07a2f"     # highlights, chapter numbers, the best offer in the chart
    ink: str = "#1d232b"        # body text
    muted: str = "#5b6570"      # small print, running headers
    line: str = "#d6dde5"       # rules and table lines
    writing_line: str = "#c9d3dd"  # the ruled lines of the notes pages in Word
    soft: str = "#f1f5f9"       # background of prompts
    warn_bg: str = "#fff4e5"
    warn: str = "#9a4a00"       # warnings, gaps, prompts in Word
    tip_bg: str = "#eef6ee"
    tip: str = "#2f6b33"
    quote: str = "#333333"      # quoted words: a pitch, a draft answer
    kicker: str = "#ffd8b8"     # the line above the name on the cover
    best_bg: str = "#fff1e6"    # the row of the best offer
    chart_ink: str = "#222222"  # chart titles and value labels
    chart_axis: str = "#555555"
    chart_grid: str = "#dddddd"
    body_size: float = 10       # pt; headings are sized from the stylesheet and Word styles below
    heading_sizes: tuple[float, float, float] = (16, 12.5, 11)  # Word Heading 1-3

    @property
    def colours(self) -> dict[str, str]:
        """Every colour token by its CSS name (`warn_bg` -> `warn-bg`)."""
        return {f.name.replace("_", "-"): getattr(self, f.name) for f in fields(self)
                if isinstance(getattr(self, f.name), str)}

    @property
    def tokens(self) -> dict[str, str]:
        """Every token by its CSS custom property name, without the leading `--`."""
        return {**self.colours, "body-size": f"{self.body_size:g}pt"}

    def css_variables(self) -> str:
        """The tokens as CSS custom properties, for a `:root { ... }` rule."""
        return " ".join(f"--{name}: {value};" for name, value in self.tokens.items())

    def resolve(self, css: str) -> str:
        """`css` with each `var(--token)` of ours replaced by its value. WeasyPrint works out a
        var() again for every element it styles (a tenth of a PDF's time); the browser view keeps
        the variables. Other variables (an agency's own) and var() with a fallback are left alone."""
        tokens = {name: value for name, value in self.tokens.items()
                  if not re.search(rf"--{re.escape(name)}\s*:", css)}  # an agency's stylesheet sets it itself
        return re.sub(r"var\(--([\w-]+)\)", lambda found: tokens.get(found.group(1), found.group(0)), css)

    @property
    def fonts(self) -> tuple[str, ...]:
        """Typefaces in order of preference."""
        return FONT_FAMILIES


def design_for(brand: Brand | None) -> Design:
    """prep-pack's design, with the colours a brand file sets laid over it."""
    design = Design()
    if brand is None:
        return design
    return replace(design, primary=brand.primary or design.primary, accent=brand.accent or design.accent)
