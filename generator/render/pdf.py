"""The pack as a print-ready PDF, rendered by WeasyPrint from the pack's HTML."""

from __future__ import annotations

import re
from pathlib import Path

from generator.atomic import inside, write_atomic
from generator.content.blocks import Pack
from generator.errors import UsageProblem
from generator.render.assets import Assets
from generator.render.html import pack_html

LONG_WORD = 120   # characters without a space that WeasyPrint would break letter by letter, slowly
_TEXT = re.compile(r">([^<]+)<")
_LONG = re.compile(rf"[^\s\u200b]{{{LONG_WORD},}}")


def breakable(html: str) -> str:
    """The HTML with a zero-width space every 40 characters in any word over `LONG_WORD` (a
    20,000-character string took WeasyPrint half a minute to lay out); text nodes only."""
    def cut(word: re.Match[str]) -> str:
        text = word.group()
        return "\u200b".join(text[i:i + 40] for i in range(0, len(text), 40))

    return _TEXT.sub(lambda node: ">" + _LONG.sub(cut, node.group(1)) + "<", html)


def pdf_bytes(pack: Pack, assets: Assets) -> bytes:
    """Render the PDF in memory, with the shared stylesheet, fonts and the safe fetcher.

    Always tagged (structure for screen readers, text in reading order); the variant adds the
    PDF/UA or PDF/A identification. Title, author, subject and language come from the HTML head.
    """
    from weasyprint import HTML
    from weasyprint.urls import FatalURLFetchingError

    try:
        html = HTML(string=breakable(pack_html(pack, assets, inline_css=False)), base_url=str(assets.dirs[0]) + "/",
                    url_fetcher=assets.fetcher)
        return html.write_pdf(stylesheets=[assets.weasy_css], font_config=assets.font_config,
                              pdf_variant=assets.pdf_variant, pdf_tags=True)
    except FatalURLFetchingError as exc:  # a template or stylesheet reached outside its folder
        raise UsageProblem(f"the PDF was not made: {exc}") from None


def render_pdf(pack: Pack, out_dir: Path, assets: Assets) -> Path:
    """Write `<slug>.pdf` into `out_dir` and return its path."""
    return write_atomic(inside(out_dir, f"{pack.slug}.pdf"), pdf_bytes(pack, assets))
