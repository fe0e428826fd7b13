"""An agency's --templates folder with mistakes in it: a plain message naming the folder, exit 2,
never a traceback and never a run that does not end."""

from __future__ import annotations

import pytest

from tests.conftest import PROFILES
from tests.test_cli import run

BROKEN = {
    "division": ("pack.html.j2", b"{{ 1/0 }}", "ZeroDivisionError"),
    "huge-range": ("pack.html.j2", b"{% for i in range(100000) %}{% for j in range(100000) %}.{% endfor %}{% endfor %}",
                   "at most 1000 are allowed"),
    "bad-format": ("pack.html.j2", b"{{ '%d' % 'x' }}", "TypeError"),
    "latin-1-template": ("pack.html.j2", "<p>café</p>".encode("latin-1"), "UnicodeDecodeError"),
    "latin-1-css": ("style.css", "body { font-family: 'Café'; }".encode("latin-1"), "not UTF-8 text"),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_broken_agency_template_is_a_plain_message(tmp_path, name):
    file, data, words = BROKEN[name]
    folder = tmp_path / "huisstijl"
    folder.mkdir()
    (folder / file).write_bytes(data)
    result = run("generate", str(PROFILES / "ahmet-yilmaz.yaml"), "--templates", str(folder), "--format", "html",
                 "-o", str(tmp_path / "out"), "--today", "2026-11-26")
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and words in result.stderr and str(folder) in result.stderr


def test_a_text_list_written_as_one_text_stays_one_paragraph(tmp_path):
    """`body:` given as a string instead of a list: one paragraph, not one per character."""
    folder = tmp_path / "huisstijl" / "nl"
    folder.mkdir(parents=True)
    (folder / "texts.yaml").write_text("sections:\n  salary:\n    body: Eén alinea van het bureau.\n", "utf-8")
    result = run("generate", str(PROFILES / "sanne-de-vries.yaml"), "--templates", str(folder.parent),
                 "--format", "html", "-o", str(tmp_path / "out"), "--today", "2026-11-26")
    assert result.returncode == 0, result.stderr
    html = next((tmp_path / "out").glob("*.html")).read_text("utf-8")
    assert ">Eén alinea van het bureau.</p>" in html and ">E</p>" not in html
