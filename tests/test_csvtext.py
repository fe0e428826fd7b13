"""CSV for spreadsheets: both dialects cell by cell, formulas defused, and a real round trip
through LibreOffice Calc with a Dutch locale (numbers stay numbers, names stay intact)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from generator.batch.report import ReportRow, write_report
from generator.csvtext import cell, csv_text, default_dialect

DUTCH = 1043  # LibreOffice's language id for Dutch (Netherlands)


def test_cells_in_both_dialects():
    assert cell(55.38461538461539, "excel-nl") == "55,38461538461539"
    assert cell(55.38461538461539, "rfc") == "55.38461538461539"
    assert cell(4450.0, "excel-nl") == "4450" and cell(36, "rfc") == "36"
    assert cell(True, "excel-nl") == "true" and cell(None, "rfc") == ""
    assert cell(["laptop", "telefoon"], "rfc") == "laptop; telefoon"
    assert cell("Zoë", "excel-nl") == "Zoë"


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x\")", "+31 6 1234", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_text_that_a_spreadsheet_would_run_is_defused(text):
    assert cell(text, "rfc") == "'" + text and cell(text, "excel-nl") == "'" + text
    assert cell(-2.5, "rfc") == "-2.5"  # a number is a number, sign and all


def test_the_dialects_differ_in_separator_decimal_mark_and_byte_order_mark():
    dutch = csv_text(("name", "amount"), [{"name": "Zoë", "amount": 1.5}], "excel-nl")
    assert dutch == "\ufeffname;amount\r\nZoë;1,5\r\n"
    assert csv_text(("name", "amount"), [{"name": "Zoë", "amount": 1.5}], "rfc") == "name,amount\nZoë,1.5\n"
    assert default_dialect("nl") == "excel-nl" and default_dialect("en") == "rfc"


def _calc(paths: list[Path], out: Path) -> dict[str, list[tuple[object, ...]]]:
    """Open each CSV in LibreOffice Calc as a Dutch user would (';' and Dutch number format) and
    read the cells back from the saved workbook."""
    import openpyxl

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is needed for this test; scripts/setup installs it"
    subprocess.run([soffice, f"-env:UserInstallation=file://{out / 'lo-profile'}", "--headless",
                    f"--infilter=CSV:59,34,76,1,,{DUTCH}", "--convert-to", "xlsx", "--outdir", str(out),
                    *map(str, paths)], check=True, capture_output=True, timeout=180)
    sheets = {}
    for path in paths:
        workbook = openpyxl.load_workbook(out / f"{path.stem}.xlsx")
        sheets[path.name] = list(workbook.active.iter_rows(values_only=True))
    return sheets


def test_dutch_calc_reads_numbers_as_numbers_and_names_intact(sanne, tmp_path):
    from tests.conftest import read_csv

    pack_csv = sanne.paths["csv"]
    report = write_report(tmp_path / "report.csv", [ReportRow("Zoë.yaml", "zoe_x", "ok", "", 1.25),
                                                     ReportRow("=1+2.yaml", "", "failed", "bad", 0.5)], "excel-nl")
    rfc = tmp_path / "rfc.csv"
    rfc.write_text(csv_text(("name", "value_per_hour"), [{"name": "Zoë", "value_per_hour": 43.0177}], "rfc"),
                   encoding="utf-8")
    sheets = _calc([pack_csv, report, rfc], tmp_path / "out")

    header, *rows = sheets[pack_csv.name]
    written = read_csv(pack_csv)
    assert [row[0] for row in rows] == [row["name"] for row in written] == ["Huidige baan", "Thuiszorg Hunzedal"]
    column = {name: i for i, name in enumerate(header) if name}
    for row, text in zip(rows, written, strict=True):
        for name in ("monthly_salary", "hours_per_week", "holiday_days", "value_per_hour", "net_monthly"):
            assert isinstance(row[column[name]], (int, float)), (name, row[column[name]])
            assert row[column[name]] == pytest.approx(float(text[name].replace(",", ".")))
    assert "privé" in rows[1][column["remarks"]]  # "Leaseauto ook privé te gebruiken"

    _, first, second = sheets["report.csv"]
    assert first[:3] == ("Zoë.yaml", "zoe_x", "ok") and first[4] == 1.25
    assert second[0] == "'=1+2.yaml" or second[0] == "=1+2.yaml"  # shown as text, never computed
    # the control: RFC CSV in a Dutch Calc is one column of text, which is why excel-nl exists
    assert sheets["rfc.csv"][1][0] == "Zoë,43.0177"
