"""Spreadsheet intake: a 60-row workbook with realistic mistakes gives a pack per good row and one
failed row per bad row naming sheet, row and column; the same data as CSV gives identical packs;
`import` writes rows as YAML that make the same pack again."""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from openpyxl import Workbook

from generator.batch import run_batch
from generator.errors import InputError
from generator.sheet import read_rows
from generator.sheet.commands import check_sheet, import_sheet
from tests.conftest import PROFILES, TODAY, read_csv
from tests.test_batch import options
from tests.test_cli import run

HEADINGS = ["Naam", "E-mail", "Bedrijf", "Functie", "Datum gesprek", "Tijd", "Gesprekspartners", "Vaardigheden",
            "Wenssalaris", "Profiel", "Aantekeningen"]
# The mistakes, by spreadsheet row (the heading is row 1; row 12 is left empty): the column named
# and a word of the message each must give.
MISTAKES = {
    5: ("B5", "candidate.email", "geen e-mailadres"),
    9: ("F9", "application.second_interview.time", "formule"),
    14: ("D14", "application.role", "deze rij laat het leeg"),  # the column is there, its cell empty
    20: ("E20", "application.second_interview.date", "geen bestaande datum"),
    27: ("I27", "salary.desired_monthly", "zonder scheidingsteken"),
    33: ("J33", "", "in de map van het spreadsheet"),
    41: ("K41", "", "dit aantekeningenbestand bestaat niet"),
}
ROWS = 61  # 60 candidates in rows 2-61, one of them (12) an empty row: 59 candidates plus the gap


def _cells(number: int) -> list[object]:
    """One candidate's cells as an agency would type them; every fourth row leans on a YAML profile."""
    based = number % 4 == 0
    cells: list[object] = [
        f"Kandidaat {number:02d}", f"kandidaat{number}@example.nl", "Zorggroep Noord" if based else f"Bedrijf {number}",
        "Teamleider", dt.datetime(2026, 12, 3 + number % 20), dt.time(9 + number % 8, 30),
        "Mark Jansen (Manager zorg)*; Ingrid Bos (HR-adviseur)", "Leidinggeven; Plannen; Coachen",
        "4600" if number % 3 else 4600, "basis.yaml" if based else None,
        "gesprek.notes.md" if number % 5 == 0 else None]
    if number == 5:
        cells[1] = "kandidaat5 at example.nl"
    if number == 9:
        cells[5] = "=A9"
    if number == 14:
        cells[3] = None
    if number == 20:
        cells[4] = "30-2-2026"
    if number == 27:
        cells[8] = "4.300"
    if number == 33:
        cells[9] = "../geheim.yaml"
    if number == 41:
        cells[10] = "weg.notes.md"
    return cells


def _folder(root: Path) -> Path:
    """The sheet's folder: a base profile (Sanne's stories and offers) and a notes file beside it."""
    folder = root / "agency"
    folder.mkdir()
    shutil.copy(PROFILES / "sanne-de-vries.yaml", folder / "basis.yaml")
    shutil.copy(PROFILES / "sanne-de-vries.notes.md", folder / "gesprek.notes.md")
    (root / "geheim.yaml").write_text("candidate: {name: Geheim}\n", "utf-8")
    return folder


def write_xlsx(folder: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Blad1"
    sheet.append(HEADINGS)
    for number in range(2, ROWS + 1):
        sheet.append([None] * len(HEADINGS) if number == 12 else _cells(number))
    book.save(folder / "kandidaten.xlsx")
    return folder / "kandidaten.xlsx"


def _as_text(value: object) -> str:
    """A cell as Dutch Excel saves it to CSV: dates day first, times as H:MM."""
    if isinstance(value, dt.datetime):
        return f"{value.day}-{value.month}-{value.year}"
    if isinstance(value, dt.time):
        return f"{value.hour}:{value.minute:02d}"
    return "" if value is None else str(value)


def write_csv(folder: Path) -> Path:
    with (folder / "kandidaten.csv").open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(HEADINGS)
        for number in range(2, ROWS + 1):
            writer.writerow([""] * len(HEADINGS) if number == 12 else [_as_text(v) for v in _cells(number)])
    return folder / "kandidaten.csv"


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    root = tmp_path_factory.mktemp("sheet")
    folder = _folder(root)
    sheet = write_xlsx(folder)
    out = root / "out"
    result = run_batch(sheet, out_dir=out, options=options(("html",)), workers=2)
    return folder, sheet, out, result


def test_every_good_row_gets_a_pack_and_every_bad_row_names_its_cell(made):
    _folder, _sheet, out, result = made
    assert result.total == ROWS - 2  # the heading and the empty row are no candidates
    failed = {row.profile: row.error for row in result.rows if row.status == "failed"}
    assert set(failed) == {f"kandidaten.xlsx!Blad1:{number}" for number in MISTAKES}
    for number, (cell, field, words) in MISTAKES.items():
        error = failed[f"kandidaten.xlsx!Blad1:{number}"]
        assert error.startswith(f"kandidaten.xlsx!Blad1:{cell} {field}".rstrip()), error
        assert words in error, error
    ok = [row for row in result.rows if row.status == "ok"]
    assert len(ok) == ROWS - 2 - len(MISTAKES)
    assert all((out / row.slug / f"{row.slug}.html").is_file() for row in ok)
    report = read_csv(out / "report.csv")
    assert len(report) == result.total and report[0]["profile"] == "kandidaten.xlsx!Blad1:2"
    assert "geheim" not in json.dumps([row.error for row in result.rows]).casefold().replace("geheim.yaml", "")


def test_a_row_completes_its_yaml_profile_and_brings_its_notes(made):
    _folder, _sheet, out, result = made
    rows = {row.profile: row for row in result.rows}
    based = rows["kandidaten.xlsx!Blad1:8"]  # a YAML profile (stories, offers) completed by the row
    html = (out / based.slug / f"{based.slug}.html").read_text("utf-8")
    assert "Kandidaat 08" in html and "Sanne de Vries" not in html  # the row's name overrides the file's
    assert "Onderbezetting in de nachtdienst" in html  # a story from the YAML file
    with_notes = rows["kandidaten.xlsx!Blad1:10"]
    html = (out / with_notes.slug / f"{with_notes.slug}.html").read_text("utf-8")
    assert "elektronisch patiëntendossier" in html  # learned in the first interview, from the notes file
    plain = rows["kandidaten.xlsx!Blad1:3"]
    html = (out / plain.slug / f"{plain.slug}.html").read_text("utf-8")
    assert "Bedrijf 3" in html and "Ingrid Bos" in html and "Coachen" in html


def test_the_same_rows_as_csv_give_identical_packs(made):
    """Resuming from the CSV skips every good row: its inputs are byte for byte those of the workbook."""
    folder, _sheet, out, first = made
    again = run_batch(write_csv(folder), out_dir=out, options=options(("html",)), workers=1, resume=True)
    statuses = {row.profile.split(":")[-1]: row.status for row in again.rows}
    assert statuses == {row.profile.split(":")[-1]: "skipped" if row.status == "ok" else "failed"
                        for row in first.rows}
    assert any(row.error.startswith("kandidaten.csv:B5 candidate.email") for row in again.rows)


def test_import_writes_rows_that_make_the_same_pack(made, tmp_path):
    from generator.options import RunOptions
    from generator.pipeline import generate

    _folder, sheet, out, result = made
    imported = import_sheet(sheet, tmp_path, today=TODAY)
    assert len(imported.written) == ROWS - 2 - len(MISTAKES) and len(imported.problems) >= len(MISTAKES)
    by_row = {row.name: target for target, row in imported.written}
    for number in (8, 10, 3):
        profile = by_row[f"kandidaten.xlsx!Blad1:{number}"]
        assert profile.read_text("utf-8").startswith("# Gemaakt door prep-pack import uit kandidaten.xlsx!Blad1:")
        made_again = generate(profile, options=RunOptions(today=TODAY, formats=("html",)), out_dir=tmp_path / "p")
        slug = profile.stem
        assert made_again.paths[0].read_bytes() == (out / slug / f"{slug}.html").read_bytes()
    again = import_sheet(sheet, tmp_path, today=TODAY)  # nothing overwritten without --force
    assert not again.written and len([p for p in again.kept if p.name.endswith("_bedrijf-10.notes.md")]) == 1
    assert len([p for p in again.kept if not p.name.endswith(".notes.md")]) == len(imported.written)


def _sheet(tmp_path: Path, header: list[str], *rows: list[object]) -> Path:
    book = Workbook()
    for row in [header, *rows]:
        book.active.append(row)
    book.save(tmp_path / "s.xlsx")
    return tmp_path / "s.xlsx"


def test_headings_that_cannot_be_used_stop_the_sheet_with_their_place(tmp_path):
    path = _sheet(tmp_path, ["Naam", "Bedrjf", "stories", "naam"], ["A", "B", "C", "D"])
    with pytest.raises(InputError) as caught:
        read_rows(path, "en")
    text = str(caught.value)
    assert "s.xlsx!Sheet:B1: the heading 'Bedrjf' is not a profile key or a known column name; did you mean " \
           "'bedrijf'?" in text
    assert "s.xlsx!Sheet:C1: 'stories' holds several entries" in text
    assert "s.xlsx!Sheet:D1: the heading 'naam' fills candidate.name, which column A already fills" in text
    book = Workbook()
    book.active.append(["Naam", "Bedrijf", None])
    book.active.merge_cells("B1:C1")
    book.save(tmp_path / "merged.xlsx")
    with pytest.raises(InputError, match="merged.xlsx!Sheet:B1: the heading cells B1:C1 are merged"):
        read_rows(tmp_path / "merged.xlsx", "en")


def test_cells_are_read_as_agencies_type_them(tmp_path):
    path = _sheet(tmp_path, ["candidate.name", "application.company", "functie", "datum", "tijd", "duur",
                             "gesprekspartners", "salary.desired_monthly", "salary.minimum_monthly"],
                  ["Zoë", "Acme", "Dev", "3-12-2026", 0.5625, "60", "Eva (CTO); Bo*", "4300,50", 4200])
    row = check_sheet(path)[0]
    interview = row.data["application"]["second_interview"]
    assert interview["date"] == "2026-12-03" and interview["time"] == "13:30" and interview["duration_minutes"] == 60
    assert interview["interviewers"] == [{"name": "Eva", "role": "CTO"}, {"name": "Bo", "met_before": True}]
    assert row.data["salary"] == {"desired_monthly": 4300.5, "minimum_monthly": 4200}


def test_validate_takes_a_sheet(tmp_path):
    good = _sheet(tmp_path, ["naam", "bedrijf", "functie", "datum"], ["Zoë", "Acme", "Dev", "2026-12-03"])
    result = run("validate", str(good), "--lang", "en")
    assert result.returncode == 0 and "OK, 1 rows" not in result.stdout and "OK, 1 row" in result.stdout
    (tmp_path / "bad").mkdir()
    bad = _sheet(tmp_path / "bad", ["naam", "bedrijf", "functie", "datum"], ["Zoë", "Acme", None, "2026-13-03"])
    result = run("validate", str(bad), "--lang", "en")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "s.xlsx!Sheet:C2 application.role: required, but this row leaves it empty" in result.stderr
    assert "s.xlsx!Sheet:D2 application.second_interview.date:" in result.stderr


def test_hostile_text_in_cells_is_checked_never_run(tmp_path):
    """Every string of the hostile corpus through the free-text cells of a CSV file (which, unlike
    a workbook, can hold any character): a profile that validates again as YAML, or a clear problem."""
    from generator.sheet.export import profile_yaml
    from generator.validate import load_inputs
    from tests.test_hostile_corpus import BLNS

    strings = [text for text in json.loads(BLNS.read_text("utf-8")) if isinstance(text, str) and text.strip()]
    with (tmp_path / "s.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["naam", "bedrijf", "functie", "datum", "vaardigheden", "gesprekspartners"])
        writer.writerows([text, "Acme", text, "2026-12-03", text, text] for text in strings)
    checked = read_rows(tmp_path / "s.csv", "en")
    assert len(checked) >= len(strings) // 2
    for row in checked:
        assert row.profile is not None or (row.problems and all(p.place.startswith("s.csv:") for p in row.problems))
        if row.profile is not None:  # as the batch hands it on: valid YAML again
            (tmp_path / "p.yaml").write_text(profile_yaml(row), "utf-8")
            assert load_inputs(tmp_path / "p.yaml").profile == row.profile


def _refused(path: Path) -> str:
    with pytest.raises(InputError) as caught:
        check_sheet(path, "en")
    return str(caught.value)


def test_sheets_that_would_cost_too_much_or_lose_rows_are_refused(tmp_path):
    far = Workbook()
    far.active.append(["naam", "bedrijf", "functie", "datum"])
    far.active.append(["Zoë", "Acme", "Dev", "2026-12-03"])
    far.active["XFD2000"] = " "  # one stray cell: 16,384 x 2,000 empty cells if read
    far.save(tmp_path / "far.xlsx")
    assert "far.xlsx!Sheet: the sheet has something in cell XFD2000" in _refused(tmp_path / "far.xlsx")
    (tmp_path / "quote.csv").write_text('naam,bedrijf,functie,datum,vaardigheden\nAnna,B,C,2026-12-03,"Plannen\n'
                                        "Bob,E,F,2026-12-03,Leiden\n", "utf-8")
    assert "a quote left open swallows the rows after it" in _refused(tmp_path / "quote.csv")
    (tmp_path / "big.csv").write_text("naam,bedrijf,functie,datum,candidate.pitch\nA,B,C,2026-12-03," + "x" * 140_000,
                                      "utf-8")
    assert "cannot be read from row" in _refused(tmp_path / "big.csv")
    merged = Workbook()
    for row in (["naam", "bedrijf", "functie", "datum"], ["A", "Acme", "Dev", "2026-12-03"],
                ["B", None, "Dev", "2026-12-03"]):
        merged.active.append(row)
    merged.active.merge_cells("B2:B3")
    merged.save(tmp_path / "merged.xlsx")
    assert "Sheet:B2: the cells B2:B3 are merged" in _refused(tmp_path / "merged.xlsx")
    charts = Workbook()
    charts.remove(charts.active)
    charts.create_chartsheet()
    charts.save(tmp_path / "charts.xlsx")
    assert "charts.xlsx" in _refused(tmp_path / "charts.xlsx")  # only a chart sheet: a plain refusal
    headings = _sheet(tmp_path, ["naam", "bedrijf"])
    assert "s.xlsx!Sheet: the sheet has headings but no candidates" in _refused(headings)


def test_cells_agencies_type_in_other_ways_are_kept(tmp_path):
    blank_first = "\nNaam,Bedrijf,Functie,Datum gesprek,Tijd\nAnna,X,Y,2026-12-03,9.30\n"  # separator from line 2
    (tmp_path / "blank.csv").write_text(blank_first, "utf-8")
    assert check_sheet(tmp_path / "blank.csv")[0].data["application"]["second_interview"]["time"] == "09:30"
    path = _sheet(tmp_path, ["naam", "bedrijf", "functie", "datum", "tijd"],
                  ["A", "Acme", "Dev", dt.datetime(2026, 12, 3, 14, 0), None],
                  ["B", "Acme", "Ops", "2026-12-03", 9.3])
    first, second = check_sheet(path)
    assert first.data["application"]["second_interview"]["time"] == "14:00"  # the time in the date cell
    assert second.data["application"]["second_interview"]["time"] == "09:30"  # 9.30 typed, 9.3 stored
    only_names = _sheet(tmp_path, ["naam"], ["Anna"])
    text = _refused(only_names)
    assert "application.company, application.role, application.second_interview.date" in text
    twice = _sheet(tmp_path, ["naam", "bedrijf", "functie", "datum"], ["Anna", "Acme", "Dev", "2026-12-03"],
                   ["Anna", "Acme", "Ops", "2026-12-04"])
    assert "s.xlsx!Sheet:3: gives the same file name as s.xlsx!Sheet:2" in _refused(twice)


def test_notes_beside_a_rows_profile_come_with_it_and_import_keeps_edited_notes(tmp_path):
    shutil.copy(PROFILES / "sanne-de-vries.yaml", tmp_path / "basis.yaml")
    shutil.copy(PROFILES / "sanne-de-vries.notes.md", tmp_path / "basis.notes.md")
    path = _sheet(tmp_path, ["naam", "profiel"], ["Anna Test", "basis.yaml"])
    assert check_sheet(path)[0].notes == (tmp_path / "basis.notes.md").resolve()
    out = tmp_path / "imp"
    out.mkdir()
    (out / "anna-test_zorggroep-noord.notes.md").write_text("COACH EDITS", "utf-8")
    imported = import_sheet(path, out, today=TODAY)
    assert not imported.written and (out / "anna-test_zorggroep-noord.notes.md").read_text("utf-8") == "COACH EDITS"
    assert not (out / "anna-test_zorggroep-noord.yaml").exists()
