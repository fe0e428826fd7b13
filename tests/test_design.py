"""One set of design tokens feeds the stylesheet, the Word styles and the chart."""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest

from generator.brand import Brand
from generator.content.blocks import Chart
from generator.content.build import build_pack
from generator.folders import builtin_templates
from generator.options import RunOptions
from generator.render.chart import chart_png, chart_svg
from generator.render.design import Design, design_for
from generator.render.docx import docx_bytes
from generator.validate import load_inputs
from tests.conftest import TODAY

ROOT = Path(__file__).resolve().parent.parent
CHART = Chart(names=("Now", "Offer"), totals=(60_000.0, 65_000.0), per_hour=(32.5, 31.0), highlight=0,
              title_total="Per year", title_hour="Per hour", alt="chart", locale="en_GB", currency="EUR")


@pytest.fixture(scope="module")
def sanne_docx_with():
    """The Word file of the Dutch example with a given brand and design tokens."""
    pack = build_pack(load_inputs(ROOT / "profiles" / "sanne-de-vries.yaml"), options=RunOptions(today=TODAY))

    def make(brand: Brand | None, design: Design | None = None) -> bytes:
        return docx_bytes(pack, SimpleNamespace(brand=brand, design=design or design_for(brand)))  # type: ignore[arg-type]
    return make


def test_the_stylesheet_takes_every_colour_from_the_tokens():
    css = (builtin_templates() / "style.css").read_text(encoding="utf-8")
    assert re.findall(r"#[0-9a-fA-F]{3,6}\b", css) == []  # no colour of its own
    used = set(re.findall(r"var\(--([a-z-]+)\)", css))
    assert used <= set(Design().colours) | {"body-size"}, "every variable the stylesheet uses is a token"
    declared = Design().css_variables()
    assert all(f"--{name}:" in declared for name in used)


def test_a_brand_recolours_every_format():
    brand = Brand(name="Agency", primary="#0f766e", accent="#d97706")
    design = design_for(brand)
    assert (design.primary, design.accent) == ("#0f766e", "#d97706")
    assert design.ink == Design().ink  # what the brand leaves alone stays prep-pack's
    assert "--primary: #0f766e;" in design.css_variables()
    svg = chart_svg(CHART, design)
    assert "#d97706" in svg and "#0f766e" in svg  # the highlighted bar in the accent, the other in primary
    assert "#e07a2f" not in chart_svg(CHART, design)
    assert chart_png(CHART, design) != chart_png(CHART, Design())


def test_word_styles_follow_the_tokens(sanne_docx_with):
    docx = sanne_docx_with(Brand(name="Agency", primary="#0f766e", accent="#d97706"))
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        styles = archive.read("word/styles.xml").decode()
    assert 'w:val="0F766E"' in styles  # headings in the brand's primary colour
    assert f'w:val="{Design().warn.lstrip("#").upper()}"' in styles  # prompts and warnings in the warn token


def test_a_token_change_reaches_the_word_file(sanne_docx_with):
    docx = sanne_docx_with(None, dataclasses.replace(Design(), tip="#123456"))
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        assert 'w:val="123456"' in archive.read("word/styles.xml").decode()


def test_the_word_chart_is_drawn_whatever_font_fontconfig_offers(tmp_path, monkeypatch):
    """A name in Arabic with a Latin part and an emoji; and a font Pillow cannot size (a bitmap
    colour-emoji font), which before made the whole Word file fail with 'invalid pixel size'."""
    import io

    from PIL import Image

    import generator.render.chart as chart_module

    names = dataclasses.replace(CHART, names=("Al Noor شركة", "🚀 Rocket B.V."))
    assert Image.open(io.BytesIO(chart_png(names, Design()))).size == (1079, 435)
    unusable = tmp_path / "emoji.ttf"
    unusable.write_bytes(b"not a scalable font")
    monkeypatch.setattr(chart_module, "_font_file", lambda *_args: str(unusable))
    chart_module.chart_png.cache_clear()
    assert Image.open(io.BytesIO(chart_png(names, Design()))).format == "PNG"


def test_our_tokens_are_resolved_for_weasyprint_unless_the_stylesheet_sets_them_itself():
    """Issue 18: var(--token) is written out for WeasyPrint (it resolved each one per element); an
    agency stylesheet that sets --primary itself keeps its own value in the PDF too."""
    design = Design()
    assert design.resolve("h1 { color: var(--primary); }") == f"h1 {{ color: {design.primary}; }}"
    agency = ":root { --primary: #123456; } h1 { color: var(--primary); } p { color: var(--accent); }"
    assert design.resolve(agency) == f":root {{ --primary: #123456; }} h1 {{ color: var(--primary); }} " \
                                     f"p {{ color: {design.accent}; }}"
    assert design.resolve("a { color: var(--agency-own); b: var(--primary, red) }") == \
        "a { color: var(--agency-own); b: var(--primary, red) }"
