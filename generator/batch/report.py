"""What a batch run tells its user: one `ReportRow` per profile, report.csv, and the `BatchResult`."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from generator.atomic import write_atomic

REPORT_FIELDS = ("profile", "slug", "status", "error", "seconds")
INTERRUPTED = "not made: the run was interrupted; run again with --resume"


@dataclass
class ReportRow:
    """One line of report.csv."""

    profile: str
    slug: str
    status: str  # ok | failed | skipped
    error: str = ""
    seconds: float = 0.0

    def as_csv(self) -> list[str]:
        return [self.profile, self.slug, self.status, self.error, f"{self.seconds:.2f}"]


@dataclass
class BatchResult:
    """What a run did, in the order of the profiles."""

    rows: list[ReportRow] = field(default_factory=list)
    total: int = 0
    seconds: float = 0.0
    workers: int = 1
    interrupted: bool = False
    report: Path | None = None

    def count(self, status: str) -> int:
        return sum(row.status == status for row in self.rows)


def write_report(path: Path, rows: list[ReportRow]) -> Path:
    """Write report.csv (profile,slug,status,error,seconds) whole."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(REPORT_FIELDS)
    writer.writerows(row.as_csv() for row in rows)
    return write_atomic(path, buffer.getvalue())
