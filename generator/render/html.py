"""The pack as one self-contained HTML file (also the source of the PDF)."""

from __future__ import annotations

from pathlib import Path

from jinja2 import TemplateError
from markupsafe import Markup

from generator.atomic import inside, write_atomic
from generator.content.blocks import Pack
from generator.errors import template_problem
from generator.render.assets import Assets
from generator.render.chart import chart_svg


def pack_html(pack: Pack, assets: Assets, inline_css: bool = True) -> str:
    """Render the pack's HTML; the stylesheet is inlined unless the PDF renderer adds it itself."""
    try:
        template = assets.env.get_template("pack.html.j2")
        css = Markup(assets.css_text.replace("</", "<\\/")) if inline_css else None  # our own CSS, not user text
        return template.render(pack=pack, inline_css=css, brand=assets.brand, design=assets.design,
                               chart_svg=lambda chart: chart_svg(chart, assets.design))
    except (TemplateError, ArithmeticError, ValueError, TypeError, LookupError) as exc:
        if assets.options.templates is None:
            raise  # our own template: a bug in prep-pack, with its traceback
        raise template_problem(exc, assets.options.templates) from None


def render_html(pack: Pack, out_dir: Path, assets: Assets) -> Path:
    """Write `<slug>.html` into `out_dir` and return its path."""
    return write_atomic(inside(out_dir, f"{pack.slug}.html"), pack_html(pack, assets))
