"""Planning a batch, before anything is rendered: which files are profiles, the pack name
(slug) each will get, which profiles clash over a slug, and the content hash `--resume` compares.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from generator.batch.worker import Task, one_line
from generator.errors import PrepPackError, UsageProblem, visible
from generator.notes import find_beside, is_notes_file
from generator.options import RunOptions
from generator.sheet.cells import is_sheet
from generator.slug import pack_slug
from generator.yamlload import decode, parse_yaml, read_bytes


@dataclass
class Job:
    """One profile in the folder, as planned by this process."""

    profile: Path
    name: str
    slug: str | None = None   # None when the profile cannot even be read; it will fail validation
    digest: str = ""
    clash: str = ""           # set when an earlier profile already has this slug
    error: str = ""           # set when the file cannot be read at all (too big, not text, gone)
    text: bytes | None = None                 # a spreadsheet row, already made into a profile
    notes: tuple[str, bytes] | None = None    # ... and the notes file its row names
    valid: bool | None = None                 # a spreadsheet row is checked when planned

    def task(self, folder: Path) -> Task:
        """Read the profile and its notes into a `Task` (checked readable when the run was planned)."""
        if self.text is not None:
            return Task(self.name, str(folder), self.text, self.notes, self.slug or "",
                        file_name=f"{self.slug}.yaml")
        notes = find_beside(self.profile)
        return Task(self.name, str(folder), read_input(self.profile),
                    (notes.name, read_input(notes)) if notes else None, self.slug or "")


def find_profiles(folder: Path, exclude: tuple[Path, ...] = ()) -> list[Path]:
    """Every profile in `folder`, sorted by name: *.yaml/*.yml, not notes files, not hidden,
    and not one of `exclude` (a brand file kept in the same folder is not a candidate)."""
    if not folder.is_dir():
        raise UsageProblem(f"{folder}: this folder does not exist")
    skip = {path.resolve() for path in exclude}
    found = sorted(p for p in folder.iterdir()
                   if p.suffix.lower() in (".yaml", ".yml") and not is_notes_file(p)
                   and not p.name.startswith(".") and p.is_file() and p.resolve() not in skip)
    if not found:
        raise UsageProblem(f"{folder}: no profiles (*.yaml or *.yml) found in this folder")
    return found


def peek_slug(profile: Path, data: bytes) -> str | None:
    """The slug a profile will get, read from its bytes without full validation (None if unreadable)."""
    try:
        parsed = parse_yaml(profile, decode(data))
    except PrepPackError:
        return None
    candidate = parsed.get("candidate") if isinstance(parsed, dict) else None
    application = parsed.get("application") if isinstance(parsed, dict) else None
    name = candidate.get("name") if isinstance(candidate, dict) else None
    company = application.get("company") if isinstance(application, dict) else None
    if not isinstance(name, str) or not isinstance(company, str):
        return None
    return pack_slug(name.strip(), company.strip())


def input_digest(profile: bytes, notes: tuple[str, bytes] | None, options_digest: str) -> str:
    """A hash of everything a pack is made from (input bytes and `RunOptions.digest()`), so
    `--resume` notices any change."""
    digest = hashlib.sha256(f"prep-pack|{options_digest}|".encode())
    digest.update(profile)
    digest.update(b"|notes|" + (notes[0].encode() + b"|" + notes[1] if notes else b"-"))
    return digest.hexdigest()


def read_input(path: Path) -> bytes:
    """A profile's or notes file's bytes, refused as `validate` would (over 1 MiB, not UTF-8 text)."""
    return read_bytes(path, "notes file" if is_notes_file(path) else "profile")


def _plan_one(profile: Path, options_digest: str) -> Job:
    """One job: its slug and hash, or the reason its files cannot be read."""
    job = Job(profile, profile.name)
    beside = find_beside(profile)
    outside = [path.name for path in (profile, beside) if path is not None and _leads_out(path)]
    if outside:
        job.error = visible(f"{outside[0]}: a link to a file outside the folder; it is not read (copy the file in)")
        return job
    try:
        data = read_input(profile)
        notes = (beside.name, read_input(beside)) if beside else None
    except PrepPackError as exc:
        job.error = one_line(_as_validate_says(profile, exc))
        return job
    job.slug = peek_slug(profile, data)
    job.digest = input_digest(data, notes, options_digest)
    return job


def _leads_out(path: Path) -> bool:
    """True for a link (at any step) that leads out of the folder holding `path`: an agency runs
    other people's folders, and a link must not carry a file from elsewhere into a pack."""
    return not path.resolve().is_relative_to(path.parent.resolve())


def _as_validate_says(profile: Path, error: PrepPackError) -> PrepPackError:
    """The error `validate` gives for an unreadable profile: in the profile's language, with its field."""
    from generator.validate import load_inputs

    try:
        load_inputs(profile)
    except PrepPackError as exc:
        return exc
    return error


def _is_valid(job: Job) -> bool:
    """True when a profile (with its notes) passes validation; used only to settle slug clashes."""
    from generator.validate import load_inputs

    if job.valid is not None:
        return job.valid
    try:
        load_inputs(job.profile)
    except PrepPackError:
        return False
    return True


def plan_sheet(sheet: Path, options_digest: str, lang: str | None = None) -> list[Job]:
    """One job per spreadsheet row, checked now: a bad row is a failed job naming its cells, a good
    one carries its profile as YAML (and its notes file's bytes) to the workers."""
    from generator.sheet import read_rows
    from generator.sheet.commands import notes_suffix
    from generator.sheet.export import profile_yaml

    jobs = []
    for row in read_rows(sheet, lang):
        job = Job(sheet, row.name, slug=row.slug)
        if row.problems:
            job.error, job.valid = "; ".join(str(problem) for problem in row.problems), False
            jobs.append(job)
            continue
        job.text, job.valid = profile_yaml(row).encode("utf-8"), True
        if row.notes is not None:
            try:
                job.notes = (f"{row.slug}{notes_suffix(row.notes)}", read_input(row.notes))
            except PrepPackError as exc:
                job.error = one_line(exc)
        job.digest = input_digest(job.text, job.notes, options_digest)
        jobs.append(job)
    return jobs


def plan_jobs(folder: Path, *, options: RunOptions, exclude: tuple[Path, ...] = ()) -> list[Job]:
    """List the profiles, give each its slug and hash, and mark slug clashes.

    When several profiles give the same slug, the first *valid* one (by file name) keeps it; an
    invalid one goes on to fail with its own validation message, so a broken draft never costs
    a good profile its pack. Only clashing profiles are validated here, the rest in the workers.
    """
    options_digest = options.digest()
    if is_sheet(folder):
        jobs = plan_sheet(folder, options_digest, options.language)
    else:
        jobs = [_plan_one(p, options_digest) for p in find_profiles(folder, exclude)]
    by_slug: dict[str, list[Job]] = {}
    for job in jobs:
        if job.slug is not None:
            by_slug.setdefault(job.slug, []).append(job)
    for slug, group in by_slug.items():
        if len(group) < 2:
            continue
        valid = [job for job in group if _is_valid(job)]
        for job in valid[1:]:
            job.clash = (f"gives the same pack name '{slug}' as {valid[0].name}, whose pack is kept; "
                         f"change the candidate or company name, or run it in a separate batch")
    return jobs
