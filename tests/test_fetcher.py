"""The render leaks nothing: WeasyPrint loads only data: URLs and files inside the allowed folders.

Everything here is local: a secret file in tmp_path stands for /etc/passwd, and every socket
connection is refused by a fixture, so a test that would reach the network fails instead.
A control render with WeasyPrint's own fetcher shows that the leak checks would catch a leak.
"""

from __future__ import annotations

import base64
import re
import socket
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from weasyprint import HTML
from weasyprint.urls import FatalURLFetchingError, URLFetcher

from generator.fetcher import SafeFetcher
from tests.conftest import TODAY, render

SECRET = b"PREP-PACK-SECRET-7f3a9c"


def pdf_contains(data: bytes, needle: bytes) -> bool:
    """True if `needle` is in the PDF, raw or inside any (Flate-compressed) stream."""
    if needle in data:
        return True
    for match in re.finditer(rb"stream\r?\n", data):
        try:
            if needle in zlib.decompressobj().decompress(data[match.end():]):
                return True
        except zlib.error:
            continue
    return False


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Any attempt to open a connection fails the test (and reaches nothing)."""
    attempts: list[object] = []

    def refuse(self, address, *args, **kwargs):  # noqa: ANN001
        attempts.append(address)
        raise AssertionError(f"network connection attempted: {address!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    yield attempts
    assert not attempts, f"network connections attempted: {attempts}"


@pytest.fixture
def place(tmp_path: Path) -> dict[str, Path]:
    """An allowed folder with a harmless file, a secret outside it and a symlink to the secret inside it."""
    allowed = tmp_path / "allowed"
    allowed.mkdir()
    (allowed / "ok.css").write_text("p { color: #123456 }", encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_bytes(SECRET + b"\n")
    (allowed / "link.txt").symlink_to(secret)
    (allowed / "sub").mkdir()
    return {"allowed": allowed, "secret": secret}


class Recording(SafeFetcher):
    """The SafeFetcher, noting every URL it served and every URL it refused."""

    def __init__(self, allowed: list[Path]) -> None:
        super().__init__(allowed)
        self.served: list[str] = []
        self.refused: list[str] = []

    def fetch(self, url: str, headers: dict | None = None):  # type: ignore[override]
        try:
            response = super().fetch(url, headers)
        except FatalURLFetchingError:
            self.refused.append(url)
            raise
        self.served.append(url)
        return response


def hostile_html(secret: Path) -> dict[str, str]:
    """Markup that would pull a local file or a network resource into the PDF."""
    uri = secret.as_uri()
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="9" '
           f'height="9"><image href="{uri}" width="9" height="9"/><image xlink:href="file:///etc/passwd" '
           f'width="9" height="9"/><style>@import url({uri});</style></svg>')
    return {
        "attachment-passwd": '<a rel="attachment" href="file:///etc/passwd">passwd</a>',
        "attachment-secret": f'<a rel="attachment" href="{uri}">secret</a>',
        "link-attachment": f'<link rel="attachment" href="{uri}"><p>x</p>',
        "img-hostname": '<img src="file:///etc/hostname">',
        "img-secret": f'<img src="{uri}">',
        "import-passwd": "<style>@import url(file:///etc/passwd);</style><p>x</p>",
        "import-secret": f"<style>@import url({uri});</style><p>x</p>",
        "stylesheet-secret": f'<link rel="stylesheet" href="{uri}"><p>x</p>',
        "font-secret": f"<style>@font-face {{ font-family: X; src: url({uri}) }} p {{ font-family: X }}</style>"
                       "<p>x</p>",
        "background-http": '<p style="background: url(http://127.0.0.1:9/x.png)">x</p>',
        "img-https": '<img src="https://127.0.0.1:9/x.png">',
        "img-ftp": '<img src="ftp://127.0.0.1:9/x.png">',
        "dotdot": '<img src="../secret.txt">',
        "dotdot-deep": '<img src="sub/../../secret.txt">',
        "dotdot-encoded": '<img src="%2e%2e/secret.txt">',
        "symlink-out": '<img src="link.txt">',
        "attachment-symlink": '<a rel="attachment" href="link.txt">x</a>',
        "object": f'<object data="{uri}"></object>',
        "embed": f'<embed src="{uri}">',
        "iframe": f'<iframe src="{uri}"></iframe>',
        "svg-inside-data": f'<img src="data:image/svg+xml;base64,{base64.b64encode(svg.encode()).decode()}">',
    }


CASES = sorted(hostile_html(Path("/x")))


@pytest.mark.parametrize("case", CASES)
def test_render_refuses_or_embeds_nothing(place: dict[str, Path], case: str) -> None:
    allowed, secret = place["allowed"], place["secret"]
    fetcher = Recording([allowed])
    html = hostile_html(secret)[case]
    try:
        data = HTML(string=html, base_url=f"{allowed}/", url_fetcher=fetcher).write_pdf()
    except FatalURLFetchingError as exc:
        assert "refused to load" in str(exc)  # loud, and says what was refused
        assert fetcher.refused
        return
    # no error: then nothing outside the allowed folder was served, and nothing secret is in the PDF
    assert all(url.startswith("data:") for url in fetcher.served), fetcher.served
    assert not pdf_contains(data, SECRET)
    assert b"/EmbeddedFile" not in data


def test_the_leak_check_would_see_a_leak(place: dict[str, Path]) -> None:
    """Control: WeasyPrint's own fetcher does attach the secret, and `pdf_contains` finds it."""
    html = f'<a rel="attachment" href="{place["secret"].as_uri()}">secret</a>'
    data = HTML(string=html, base_url=f"{place['allowed']}/", url_fetcher=URLFetcher()).write_pdf()
    assert pdf_contains(data, SECRET)


def test_allowed_files_and_data_urls_are_served(place: dict[str, Path]) -> None:
    allowed = place["allowed"]
    fetcher = Recording([allowed])
    pixel = base64.b64encode(bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                                           "1f15c4890000000d49444154789c63f8cfc0f01f0005000201f0a1c1c5"
                                           "0000000049454e44ae426082")).decode()
    html = f'<link rel="stylesheet" href="ok.css"><img src="data:image/png;base64,{pixel}"><p>fine</p>'
    data = HTML(string=html, base_url=f"{allowed}/", url_fetcher=fetcher).write_pdf()
    assert data.startswith(b"%PDF")
    assert (allowed / "ok.css").resolve().as_uri() in {Path(u[7:]).resolve().as_uri() for u in fetcher.served
                                                       if u.startswith("file:")}
    assert not fetcher.refused


@pytest.mark.parametrize("relative", ["../pyproject.toml", "../generator/cli.py", "../../../../../../etc/passwd",
                                      "en/../../pyproject.toml"])
def test_nothing_outside_the_template_folder(relative: str) -> None:
    """The real wiring: the pack's base URL is the template folder; `..` cannot leave it."""
    from generator.options import RunOptions
    from generator.render.assets import Assets

    assets = Assets(RunOptions(today=TODAY))
    base = f"{assets.dirs[0]}/"
    with pytest.raises(FatalURLFetchingError, match="refused to load"):
        HTML(string=f'<img src="{relative}">', base_url=base, url_fetcher=assets.fetcher).write_pdf()


def test_fetcher_refuses_folders_and_missing_files(place: dict[str, Path]) -> None:
    fetcher = SafeFetcher([place["allowed"]])
    (place["allowed"] / "loop.css").symlink_to(place["allowed"] / "loop.css")
    for url in (place["allowed"].as_uri(), (place["allowed"] / "sub").as_uri(),
                (place["allowed"] / "missing.css").as_uri(), "file://evil.example/etc/passwd",
                "FILE:///etc/passwd", "javascript:alert(1)", "about:blank", "/etc/passwd", "gopher://127.0.0.1/",
                f"{place['allowed'].as_uri()}/%00ok.css", f"{place['allowed'].as_uri()}/{'a' * 5000}",
                f"{place['allowed'].as_uri()}/loop.css"):
        with pytest.raises(FatalURLFetchingError, match="refused to load"):
            fetcher.fetch(url)


# ----------------------------------------------------------------------------- at the pack level

PROFILE = """\
language: en
candidate:
  name: Mallory Leak
  pitch: '{attach} and {img} and {style}'
  strengths: ['{link}']
application:
  company: Acme
  role: Engineer
  vacancy_url: 'http://127.0.0.1:9/vacancy'
  required_skills: [Leaking]
  second_interview:
    date: 2026-12-10
    location: '{bg}'
    interviewers:
      - name: Eve
        role: '{dotdot}'
    assessment:
      kind: case
      description: '{img}'
stories:
  - title: '{attach}'
    skills: [Leaking]
    situation: '{style}'
    result: '{bg}'
questions: ['{link}']
offers:
  - name: '{img}'
    monthly_salary: 3000
    hours_per_week: 40
    holiday_days: 25
    remarks: ['{attach}']
first_interview_notes:
  learned: ['{attach}', '{style}']
  open_questions: ['{img}']
"""


@pytest.fixture(scope="module")
def leaky_pack(tmp_path_factory):
    folder = tmp_path_factory.mktemp("leak")
    secret = folder / "secret.txt"
    secret.write_bytes(SECRET + b"\n")
    strings = {
        "attach": f'<a rel="attachment" href="{secret.as_uri()}">passwd</a>',
        "img": f'<img src="{secret.as_uri()}">',
        "style": f"<style>@import url({secret.as_uri()});</style>",
        "link": f'<link rel=attachment href="{secret.as_uri()}">',
        "bg": "url(http://127.0.0.1:9/x.png)",
        "dotdot": '<img src="../../../../etc/passwd">',
    }
    profile = folder / "mallory.yaml"
    profile.write_text(PROFILE.format(**strings), encoding="utf-8")
    served: list[str] = []
    original = SafeFetcher.fetch

    def recording(self, url, headers=None):  # noqa: ANN001
        response = original(self, url, headers)
        served.append(url)
        return response

    patch = pytest.MonkeyPatch()
    patch.setattr(SafeFetcher, "fetch", recording)
    patch.setattr(socket.socket, "connect", lambda *a: pytest.fail(f"network connection attempted: {a}"))
    try:
        rendered = render(profile, folder / "out", formats=("html", "pdf"))
    finally:
        patch.undo()
    return rendered, strings, served


def test_pack_shows_hostile_text_literally(leaky_pack) -> None:
    from markupsafe import escape

    rendered, strings, _ = leaky_pack
    for key, text in strings.items():
        assert str(escape(text)) in rendered.html, key
    assert "<img src=\"file:" not in rendered.html and "<a rel=" not in rendered.html
    assert "<style>@import" not in rendered.html and "<link rel=attachment" not in rendered.html
    text = " ".join(rendered.pdf_text.split())
    for key in ("attach", "img", "bg"):
        assert " ".join(strings[key].split()) in text.replace("\u2019", "'"), key


def test_pack_pdf_embeds_nothing(leaky_pack) -> None:
    rendered, _, served = leaky_pack
    data = rendered.paths["pdf"].read_bytes()
    assert not pdf_contains(data, SECRET)
    assert not pdf_contains(data, b"root:x:0:0")
    assert b"/EmbeddedFile" not in data
    from generator.folders import template_dirs

    folders = [d.resolve() for d in template_dirs(None)]
    for url in served:
        if url.startswith("file:"):
            path = Path(url[len("file://"):]).resolve()
            assert any(path.is_relative_to(f) for f in folders), url
        else:
            assert url.startswith("data:"), url


def test_refused_fetch_in_a_template_override_is_a_plain_error(tmp_path: Path) -> None:
    """An agency's template folder that points outside itself: the PDF is refused with a plain
    sentence (exit 2, bad input), no traceback, and no half-made PDF."""
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "style.css").write_text("@import url(file:///etc/passwd);\n", encoding="utf-8")
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "generator", "generate",
                             str(Path(__file__).parents[1] / "profiles" / "ahmet-yilmaz.yaml"), "-o", str(out),
                             "--format", "pdf", "--templates", str(templates), "--today", TODAY.isoformat()],
                            capture_output=True, text=True, timeout=120)
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert result.returncode == 2, result.stderr
    assert "refused to load 'file:///etc/passwd'" in result.stderr
    assert not out.exists() or not any(out.glob("*.pdf"))
