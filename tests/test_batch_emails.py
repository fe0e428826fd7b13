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
    assert eva["status"] == "ok" and "no e-mail address" in eva["error"]
    assert not list((out / eva["slug"]).glob("*.eml"))
