"""User text is shown literally in every format: never markup, never a template, never fetched."""

from __future__ import annotations

import pytest

from tests.conftest import render

HOSTILE = {
    "script": "<script>alert('x')</script>",
    "jinja": "{{ 7*7 }} {% for x in range(3) %}loop{% endfor %}",
    "css": "</style><style>body{display:none}</style> url(http://127.0.0.1:9/x) @import 'file:///etc/passwd';",
    "attachment": "<a rel=attachment href=file:///etc/passwd>passwd</a>",
    "placeholder": "{company} {name}",
}

PROFILE = """\
language: en
candidate:
  name: "Eve <b>Bold</b> {{{{ 7*7 }}}}"
  pitch: {pitch!r}
  strengths: [{script!r}, {attachment!r}]
application:
  company: "Acme & Sons <i>Ltd</i>"
  role: {placeholder!r}
  vacancy_url: "http://127.0.0.1:9/never-fetched"
  required_skills: [{jinja!r}]
  second_interview:
    date: 2026-12-10
    location: {css!r}
    interviewers:
      - name: {script!r}
        role: HR
stories:
  - title: {jinja!r}
    skills: [{jinja!r}]
    situation: {css!r}
questions: [{attachment!r}]
"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    profile = folder / "eve.yaml"
    text = PROFILE.format(pitch=HOSTILE["jinja"] + " " + HOSTILE["placeholder"], **HOSTILE)
    profile.write_text(text.replace("'", "'"), encoding="utf-8")
    return render(profile, folder / "out", formats=("pdf", "docx", "html"))


def test_markup_is_escaped_in_html(hostile):
    html = hostile.html
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<b>Bold</b>" not in html and "&lt;b&gt;Bold&lt;/b&gt;" in html
    assert "<a rel=attachment" not in html
    assert "</style><style>" not in html


def test_template_syntax_stays_literal(hostile):
    assert "{{ 7*7 }}" in hostile.html
    assert "loop loop loop" not in hostile.html
    assert "{{ 7*7 }}" in hostile.pdf_text
    assert "{{ 7*7 }}" in hostile.docx_text
    # a placeholder typed by the user is not filled in with our data
    assert "{company} {name}" in hostile.docx_text


def test_pdf_shows_the_text_and_embeds_nothing(hostile):
    text = " ".join(hostile.pdf_text.split())
    assert "<script>alert('x')</script>" in text.replace("\u2019", "'")
    data = hostile.paths["pdf"].read_bytes()
    assert b"/EmbeddedFile" not in data
    assert b"root:x:0:0" not in data


def test_docx_keeps_markup_as_text(hostile):
    assert "Eve <b>Bold</b>" in hostile.docx_text
    assert "Acme & Sons <i>Ltd</i>" in hostile.docx_text


def test_output_name_is_a_safe_slug(hostile):
    assert hostile.paths["pdf"].name == "eve-b-bold-b-7-7_acme-sons-i-ltd-i.pdf"


def test_fetcher_refuses_files_outside_the_templates_and_network(tmp_path):
    from weasyprint.urls import FatalURLFetchingError

    from generator.fetcher import SafeFetcher

    allowed = tmp_path / "allowed"
    allowed.mkdir()
    (allowed / "ok.css").write_text("p{}")
    secret = tmp_path / "secret.txt"
    secret.write_text("secret")
    (allowed / "link.css").symlink_to(secret)
    fetcher = SafeFetcher([allowed])
    assert fetcher.fetch((allowed / "ok.css").as_uri()) is not None
    for url in (secret.as_uri(), (allowed / "link.css").as_uri(), f"file://{allowed}/../secret.txt",
                "http://127.0.0.1:9/x", "https://example.invalid/", "ftp://127.0.0.1/x"):
        with pytest.raises(FatalURLFetchingError):
            fetcher.fetch(url)
