"""Shared fixtures: each example pack is rendered once per test session and read many times."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROFILES = ROOT / "profiles"
TODAY = dt.date(2026, 11, 26)


@dataclass
class Rendered:
    """One generated pack and the text a user would see in each format."""

    profile: Path
    paths: dict[str, Path]
    html: str
    pdf_text: str
    pdf_pages: int
    docx: object
    docx_text: str
    warnings: list[str]


def pdf_text(path: Path) -> tuple[str, int]:
    """All text of a PDF, as a reader's copy-paste would give it."""
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    return "\n".join(page.extract_text() or "" for page in reader.pages), len(reader.pages)


def docx_text(document) -> str:
    """All paragraph and table text of a Word document."""
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def render(profile: Path, out: Path, formats=("pdf", "docx", "html", "ics", "csv"), *, today: dt.date = TODAY,
           notes: Path | None = None, **options) -> Rendered:
    """Generate a pack the way the command line does and collect its texts.

    `options` are further `RunOptions` fields (language, brand, templates, pdf_variant)."""
    from docx import Document

    from generator.options import RunOptions
    from generator.pipeline import generate

    result = generate(profile, options=RunOptions(today=today, formats=tuple(formats), **options), out_dir=out,
                      notes=notes)
    paths = {p.suffix.lstrip("."): p for p in result.paths}
    text, pages = pdf_text(paths["pdf"]) if "pdf" in paths else ("", 0)
    document = Document(str(paths["docx"])) if "docx" in paths else None
    return Rendered(profile, paths, paths["html"].read_text("utf-8") if "html" in paths else "",
                    text, pages, document, docx_text(document) if document else "", result.warnings)


@pytest.fixture(scope="session")
def sanne(tmp_path_factory) -> Rendered:
    """The Dutch example: healthcare, Markdown notes, one interviewer met before, a presentation."""
    return render(PROFILES / "sanne-de-vries.yaml", tmp_path_factory.mktemp("sanne"))


@pytest.fixture(scope="session")
def liam(tmp_path_factory) -> Rendered:
    """The English example: software sales, YAML notes, all new faces, three offers."""
    return render(PROFILES / "liam-oconnor.yaml", tmp_path_factory.mktemp("liam"))


@pytest.fixture(scope="session")
def noor(tmp_path_factory) -> Rendered:
    """Dutch, government, notes inside the profile, no assignment: HTML and DOCX only (fast)."""
    return render(PROFILES / "noor-bakker.yaml", tmp_path_factory.mktemp("noor"), formats=("html", "docx"))


@pytest.fixture(scope="session")
def ahmet(tmp_path_factory) -> Rendered:
    """English, minimal profile without notes or offers: HTML and DOCX only (fast)."""
    return render(PROFILES / "ahmet-yilmaz.yaml", tmp_path_factory.mktemp("ahmet"), formats=("html", "docx"))


def html_tree(html: str):
    """Parse the pack's HTML with the standard library's parser into (tag, attrs, text) records."""
    from html.parser import HTMLParser

    class Collector(HTMLParser):
        def __init__(self):
            super().__init__()
            self.elements: list[dict] = []
            self.stack: list[dict] = []

        def handle_starttag(self, tag, attrs):
            element = {"tag": tag, "attrs": dict(attrs), "text": io.StringIO()}
            self.elements.append(element)
            if tag not in ("br", "img", "meta", "col", "link"):
                self.stack.append(element)

        def handle_endtag(self, tag):
            while self.stack:
                if self.stack.pop()["tag"] == tag:
                    break

        def handle_data(self, data):
            for element in self.stack:
                element["text"].write(data)

    collector = Collector()
    collector.feed(html)
    for element in collector.elements:
        element["text"] = " ".join(element["text"].getvalue().split())
    return collector.elements


def pytest_addoption(parser):
    parser.addoption("--update-visual", action="store_true",
                     help="Rewrite the committed page images in tests/visual/ from this run's PDFs.")


def read_csv(source: str | Path) -> list[dict[str, str]]:
    """The rows of a CSV that prep-pack wrote, in either dialect (excel-nl: BOM and ';'; rfc: ',')."""
    import csv

    text = source.read_text(encoding="utf-8") if isinstance(source, Path) else source
    text = text.removeprefix("\ufeff")
    delimiter = ";" if ";" in text.split("\n", 1)[0] else ","
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))


def csv_number(cell: str) -> float:
    """A number cell of either dialect ('55,38' or '55.38')."""
    return float(cell.replace(",", "."))
