"""`batch --emails`: an RFC 5322 draft beside each pack, addressed to the candidate, with the PDF
attached; a candidate without an address gets no draft and a warning on their row."""

from __future__ import annotations

import shutil
from email import message_from_bytes, policy

from generator.batch import run_batch
from generator.brand import load_brand
from tests.conftest import PROFILES, read_csv
from tests.test_batch import options


def test_drafts_parse_back_with_the_pdf_attached(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(PROFILES / "sanne-de-vries.yaml", folder)
    shutil.copy(PROFILES / "eva-jansen.yaml", folder)  # no e-mail address
    profile = (folder / "sanne-de-vries.yaml")
    profile.write_text(profile.read_text("utf-8").replace("name: Sanne de Vries", "name: Zoë de Vries"), "utf-8")
    brand_dir = tmp_path / "brand"
    brand_dir.mkdir()
    (brand_dir / "brand.yaml").write_text(
        "name: Werving Oost\nemail:\n  subject: 'Jouw pakket voor {company}, {first_name}'\n"
        "  body: 'Beste {first_name}, succes op {date}! Groet, {consultant}'\n  consultant: Marieke Smit\n",
        "utf-8")
    out = tmp_path / "out"
    result = run_batch(folder, out_dir=out, workers=1,
                       options=options(("pdf", "ics"), brand=load_brand(brand_dir / "brand.yaml"), emails=True))
    assert [r.status for r in result.rows] == ["ok", "ok"]
    slug = "zoe-de-vries_zorggroep-noord"
    message = message_from_bytes((out / slug / f"{slug}.eml").read_bytes(), policy=policy.default)
    assert message["To"].addresses[0].addr_spec == "sanne.devries@example.nl"
    assert message["To"].addresses[0].display_name == "Zoë de Vries"
    assert message["Subject"] == "Jouw pakket voor Zorggroep Noord, Zoë"
    raw = (out / slug / f"{slug}.eml").read_bytes()
    assert raw.isascii() and "=?utf-8?" in raw.split(b"\n\n")[0].decode("ascii")  # names and subject encoded
    body = message.get_body(("plain",)).get_content()
    assert "Beste Zoë, succes op donderdag 3 december 2026! Groet, Marieke Smit" in body
    attachments = {part.get_filename(): part.get_content() for part in message.iter_attachments()}
    assert attachments[f"{slug}.pdf"] == (out / slug / f"{slug}.pdf").read_bytes()
    assert f"{slug}.ics" in attachments
    eva = next(r for r in read_csv(out / "report.csv") if r["profile"] == "eva-jansen.yaml")
    assert eva["status"] == "ok" and "no usable e-mail address" in eva["error"]
    assert not list((out / eva["slug"]).glob("*.eml"))


OVERVIEW = {"language": "nl", "email": "zoe@example.nl", "candidate": "Zoë de Vries",
            "company": "Zorggroep Noord", "role": "Teamleider", "date": "2026-12-03"}


def _draft(files, **changes):
    import datetime as dt

    from generator.batch.emails import draft

    return draft({**OVERVIEW, **changes}, files, None, dt.date(2026, 11, 29))


def test_the_body_speaks_only_of_what_is_attached():
    both = _draft({"a.pdf": b"%PDF", "a.ics": b"BEGIN"}).get_body(("plain",)).get_content()
    pdf_only = _draft({"a.pdf": b"%PDF"}).get_body(("plain",)).get_content()
    nothing = _draft({"a.docx": b"PK"}).get_body(("plain",)).get_content()
    assert "agenda-bijlage" in both and "In de bijlage" in both
    assert "In de bijlage" in pdf_only and "agenda" not in pdf_only
    assert "bijlage" not in nothing and "stuur ik je apart" in nothing
    assert "{attachments}" not in both + pdf_only + nothing


def test_a_hostile_name_or_address_never_adds_a_recipient_or_header():
    message = _draft({"a.pdf": b"%PDF"}, candidate="Zoë\r\nBcc: spy@evil.example\x1b]2;X\x07")
    raw = message.as_bytes().decode("ascii")
    headers = raw.split("\n\n")[0]
    assert "\nBcc:" not in headers and "\x1b" not in raw and "\x07" not in raw
    assert [a.addr_spec for a in message["To"].addresses] == ["zoe@example.nl"]
    for bad in ("zoe@example.nl, spy@evil.example", "zoe@example.nl\nBcc: spy@evil.example",
                "Spy <spy@evil.example>", "no-address", ""):
        assert _draft({"a.pdf": b"%PDF"}, email=bad) is None


def test_a_batch_never_overwrites_a_word_file_a_coach_edited(tmp_path):
    """The second run keeps the coach's file and puts the new pack beside it, with a warning."""
    from tests.test_render_docx import edit_like_a_coach

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(PROFILES / "ahmet-yilmaz.yaml", folder)
    out = tmp_path / "out"
    first = run_batch(folder, out_dir=out, workers=1, options=options(("docx",)))
    word = out / first.rows[0].slug / f"{first.rows[0].slug}.docx"
    edited = edit_like_a_coach(word)
    again = run_batch(folder, out_dir=out, workers=1, options=options(("docx",)))
    assert again.rows[0].status == "ok" and word.read_bytes() == edited
    assert word.with_name(word.stem + ".new.docx").is_file()
    assert "was changed since prep-pack wrote it" in read_csv(out / "report.csv")[0]["error"]
    third = run_batch(folder, out_dir=out, workers=1, options=options(("docx",)))  # and again: still kept
    assert third.rows[0].status == "ok" and word.read_bytes() == edited
