"""What a batch run tells its user: one `ReportRow` per profile, report.csv, and the `BatchResult`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.atomic import write_atomic
from generator.csvtext import csv_text
from generator.errors import visible

REPORT_FIELDS = ("profile", "slug", "status", "error", "seconds")
INTERRUPTED = "not made: the run was stopped before this profile; run again with --resume"


@dataclass
class ReportRow:
    """One line of report.csv."""

    profile: str
    slug: str
    status: str  # ok | failed | skipped | interrupted (not made because the run stopped)
    error: str = ""
    seconds: float = 0.0
    overview: dict[str, object] = field(default_factory=dict)  # the candidate at a glance; not in report.csv

    def as_record(self) -> dict[str, object]:
        """The row by column name, seconds to two decimals (a number, for spreadsheets); text on one
        line with control characters shown as escapes."""
        return {"profile": visible(self.profile), "slug": self.slug, "status": self.status,
                "error": visible(" ".join(self.error.split())), "seconds": round(self.seconds, 2)}


@dataclass
class BatchResult:
    """What a run did, in the order of the profiles."""

    rows: list[ReportRow] = field(default_factory=list)
    total: int = 0
    seconds: float = 0.0
    workers: int = 1
    interrupted: bool = False
    stopped: str = ""  # why the executor gave up part-way (a lost Dask cluster), if it did
    report: Path | None = None
    overview: Path | None = None  # overview.html (overview.csv beside it)

    def count(self, status: str) -> int:
        return sum(row.status == status for row in self.rows)


def write_report(path: Path, rows: list[ReportRow], dialect: str) -> Path:
    """Write report.csv (profile,slug,status,error,seconds) whole, in the run's CSV dialect."""
    return write_atomic(path, csv_text(REPORT_FIELDS, [row.as_record() for row in rows], dialect))
