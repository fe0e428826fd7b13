"""The consultant's overview of a batch: overview.html and overview.csv, soonest interview first,
with how thin each preparation is, the status and a link; and `interrupted` rows after Ctrl-C."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from generator.batch import run_batch
from tests.conftest import PROFILES, read_csv
from tests.test_batch import options
from tests.test_pack_content import html_tree


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    root = tmp_path_factory.mktemp("overview")
    folder = root / "in"
    folder.mkdir()
    for stem in ("sanne-de-vries", "liam-oconnor", "eva-jansen", "daan-visser"):
        shutil.copy(PROFILES / f"{stem}.yaml", folder)
        for notes in PROFILES.glob(f"{stem}.notes.*"):
            shutil.copy(notes, folder)
    (folder / "zz-broken.yaml").write_text("candidate: {name: Kapot}\n", "utf-8")
    result = run_batch(folder, out_dir=root / "out", options=options(("html",)), workers=1)
    return root / "out", result


def test_overview_rows_are_sorted_by_interview_date_with_failures_last(batch):
    out, result = batch
    rows = read_csv(out / "overview.csv")
    assert [r["candidate"] for r in rows][-1] == "zz-broken"
    dated = [r["date"] for r in rows if r["date"]]
    assert dated == sorted(dated) and len(dated) == 4
    assert rows[-1]["status"] == "failed" and "application" in rows[-1]["error"] and rows[-1]["pack"] == ""
    assert result.overview == out / "overview.html"


def test_overview_says_how_thin_each_preparation_is(batch):
    out, _result = batch
    rows = {r["candidate"]: r for r in read_csv(out / "overview.csv")}
    sanne = rows["Sanne de Vries"]
    assert (sanne["company"], sanne["date"], sanne["time"], sanne["mode"]) == \
        ("Zorggroep Noord", "2026-12-03", "14:00", "in_person")
    assert sanne["gaps"] == "1" and sanne["notes"] == "true" and sanne["assignment"] == "presentation"
    assert sanne["pack"] == "sanne-de-vries_zorggroep-noord/sanne-de-vries_zorggroep-noord.html"
    assert (out / sanne["pack"]).is_file()
    eva = rows["Eva Jansen"]  # a thin profile: no pitch, no stories, no time, no location or mode ...
    assert eva["mode"] == ""  # not guessed as 'in person' from nothing
    assert "candidate.pitch" in eva["lacking"] and "stories" in eva["lacking"]


def test_overview_html_is_self_contained_branded_and_readable_on_a_phone(batch):
    out, _result = batch
    html = (out / "overview.html").read_text("utf-8")
    assert "http://" not in html and "https://" not in html.replace("https://www.", "")  # no external resources
    assert "<link" not in html and "<script" not in html and "@media (max-width: 720px)" in html
    rows = [e for e in html_tree(html) if e["tag"] == "tr" and "data-status" in e["attrs"]]
    assert [r["attrs"]["data-candidate"] for r in rows][0] == "Sanne de Vries"
    assert {r["attrs"]["data-status"] for r in rows} == {"ok", "failed"}
    assert "Overzicht van de kandidaten" in html and "Jouw pitch" not in html
    assert "1 vaardigheid zonder voorbeeld" in html and "nog 7 dagen" in html
    assert 'href="sanne-de-vries_zorggroep-noord/' in html


def test_ctrl_c_gives_interrupted_rows_and_resume_makes_exactly_those(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for stem in ("sanne-de-vries", "liam-oconnor", "ahmet-yilmaz"):
        shutil.copy(PROFILES / f"{stem}.yaml", folder)

    def stop(row, done, total):
        raise KeyboardInterrupt

    first = run_batch(folder, out_dir=tmp_path / "out", options=options(("html",)), workers=1, progress=stop)
    statuses = sorted(r.status for r in first.rows)
    assert first.interrupted and statuses == ["interrupted", "interrupted", "ok"]
    report = {r["profile"]: r["status"] for r in read_csv(tmp_path / "out" / "report.csv")}
    assert sorted(report.values()) == statuses
    overview = {r["status"] for r in read_csv(tmp_path / "out" / "overview.csv")}
    assert overview == {"ok", "interrupted"}
    again = run_batch(folder, out_dir=tmp_path / "out", options=options(("html",)), workers=1, resume=True)
    made = {r.profile for r in again.rows if r.status == "ok"}
    assert made == {r.profile for r in first.rows if r.status == "interrupted"}


def test_days_are_counted_from_today_and_never_negative(tmp_path):
    """A pack kept by --resume from an earlier day, or an interview already past, reads right."""
    from generator.batch.overview import write_overview
    from generator.batch.report import ReportRow
    from tests.conftest import TODAY

    def row(name: str, days: int) -> ReportRow:
        date = (TODAY + dt.timedelta(days=days)).isoformat()
        facts = {"candidate": name, "company": "X", "role": "Y", "date": date, "days_to_go": 99, "mode": "video"}
        return ReportRow(f"{name}.yaml", name.lower(), "skipped", "", overview=facts)

    write_overview(tmp_path, [row("Verleden", -3), row("Vandaag", 0), row("Morgen", 1)], options(("html",)),
                   "nl", "excel-nl")
    html = " ".join((tmp_path / "overview.html").read_text("utf-8").split())
    assert "het gesprek was 3 dagen geleden" in html and "vandaag is het zover" in html
    assert "morgen is het zover" in html and "nog -" not in html and "nog 0" not in html
    assert [r["days_to_go"] for r in read_csv(tmp_path / "overview.csv")] == ["-3", "0", "1"]


def test_an_english_batch_writes_its_report_and_overview_for_english_spreadsheets(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(PROFILES / "liam-oconnor.yaml", folder)
    run_batch(folder, out_dir=tmp_path / "out", options=options(("html",), language="en"), workers=1)
    for name in ("report.csv", "overview.csv"):
        head = (tmp_path / "out" / name).read_text("utf-8").splitlines()[0]
        assert head.startswith("profile,") or head.startswith("candidate,"), head  # commas, no byte order mark
    assert "Candidates at a glance" in (tmp_path / "out" / "overview.html").read_text("utf-8")
