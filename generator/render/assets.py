"""Everything the renderers load once and reuse: templates, the stylesheet, fonts, the fetcher.

Building these costs more than rendering a small document, so a batch worker makes one
`Assets` and passes it to every pack it renders.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from generator.brand import Brand
from generator.errors import UsageProblem
from generator.fetcher import SafeFetcher
from generator.folders import template_dirs
from generator.options import RunOptions
from generator.render.design import Design, design_for

# A profile key in a sentence ('training_budget_annual', 'second_interview.time'): never hyphenated.
_KEY = re.compile(r"\b[a-z0-9]+(?:[._][a-z0-9]+)*_[a-z0-9]+(?:[._][a-z0-9]+)*\b")


def prose(value: str) -> Markup:
    """Text as HTML: escaped, line breaks kept, and profile keys kept whole (a reader types them)."""
    escaped = str(escape(value))
    return Markup(_KEY.sub(r'<span class="key">\g<0></span>', escaped).replace("\n", "<br>"))


def _b64(value: str | bytes) -> str:
    data = value.encode("utf-8") if isinstance(value, str) else value
    return base64.b64encode(data).decode("ascii")


MAX_RANGE = 1000  # a template loop longer than any pack needs


def _small_range(*args: int) -> range:
    """`range` for templates, refused beyond `MAX_RANGE` steps: an agency's template can never
    keep a worker busy for ever."""
    steps = range(*args)
    if len(steps) > MAX_RANGE:
        raise ValueError(f"a template asks for range() of {len(steps)} steps; at most {MAX_RANGE} are allowed")
    return steps


@dataclass
class Assets:
    """Loaded templates and styles, for the built-in look or an agency's override folder and brand."""

    options: RunOptions

    @property
    def brand(self) -> Brand | None:
        """The agency's brand, if the run has one."""
        return self.options.brand

    @property
    def pdf_variant(self) -> str:
        """pdf/ua-1 (tagged, accessible) or a PDF/A variant for archiving (still tagged)."""
        return self.options.pdf_variant

    @cached_property
    def design(self) -> Design:
        """The design tokens: prep-pack's own, with the brand's colours laid over them."""
        return design_for(self.brand)

    @cached_property
    def dirs(self) -> list[Path]:
        """Template folders, the override first."""
        return template_dirs(self.options.templates)

    @cached_property
    def env(self) -> SandboxedEnvironment:
        """The Jinja environment: autoescaped, sandboxed, strict about missing values."""
        env = SandboxedEnvironment(loader=ChoiceLoader([FileSystemLoader(str(d)) for d in self.dirs]),
                                   autoescape=True, undefined=StrictUndefined, trim_blocks=False)
        env.filters["b64"] = _b64
        env.filters["prose"] = prose
        env.globals["range"] = _small_range  # nested loops over huge ranges would never finish
        return env

    @cached_property
    def css_text(self) -> str:
        """The stylesheet, from the first folder that has one."""
        for folder in self.dirs:
            path = folder / "style.css"
            if path.is_file():
                try:
                    return path.read_text(encoding="utf-8")
                except UnicodeDecodeError:
                    raise UsageProblem(f"{path}: the stylesheet is not UTF-8 text; save it as UTF-8") from None
        raise RuntimeError("style.css is missing from the templates")

    @cached_property
    def fetcher(self) -> SafeFetcher:
        """The only door through which WeasyPrint may load files."""
        return SafeFetcher(self.dirs)  # a brand's logo is inlined as a data: URL, so needs no folder

    @cached_property
    def font_config(self) -> Any:
        """One WeasyPrint font configuration, shared by every PDF of this process."""
        from weasyprint.text.fonts import FontConfiguration

        return FontConfiguration()

    @cached_property
    def weasy_css(self) -> Any:
        """The stylesheet parsed once by WeasyPrint."""
        from weasyprint import CSS

        return CSS(string=self.design.resolve(self.css_text), base_url=str(self.dirs[0]) + "/",
                   url_fetcher=self.fetcher, font_config=self.font_config)


@lru_cache(maxsize=4)
def load_assets(options: RunOptions) -> Assets:
    """This process's `Assets` for a run's options: templates, stylesheet and fonts loaded once.

    Cached, so every pack of a batch worker (and every `generate` in a test session) reuses them.
    """
    return Assets(options)
