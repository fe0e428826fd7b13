"""A file is written whole or not at all (README: the documents): a crash at any moment leaves the previous
file or nothing, and no temporary file behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from generator import atomic
from generator.atomic import inside, write_atomic
from generator.errors import PrepPackError

OLD = b"the previous pack, complete\n"
NEW = b"N" * 200_000


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


class Boom(Exception):
    pass


def half_writer(monkeypatch: pytest.MonkeyPatch, error: BaseException) -> None:
    """Make the file handle write half of the data, then fail with `error`."""
    real_fdopen = os.fdopen

    class Half:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()
            return False

        def write(self, data):
            self.handle.write(data[: len(data) // 2])
            self.handle.flush()
            raise error

        def __getattr__(self, name):
            return getattr(self.handle, name)

    monkeypatch.setattr(atomic.os, "fdopen", lambda fd, mode="r", *a, **k: Half(real_fdopen(fd, mode, *a, **k)))


@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), KeyboardInterrupt(), Boom("bug")],
                         ids=["disk-full", "ctrl-c", "bug"])
@pytest.mark.parametrize("existing", [True, False], ids=["replacing", "new"])
def test_crash_half_way_through_the_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: BaseException,
                                          existing: bool) -> None:
    target = tmp_path / "pack.pdf"
    if existing:
        target.write_bytes(OLD)
    half_writer(monkeypatch, error)
    with pytest.raises(type(error)):
        write_atomic(target, NEW)
    if existing:
        assert target.read_bytes() == OLD
        assert listing(tmp_path) == ["pack.pdf"]
    else:
        assert listing(tmp_path) == []


@pytest.mark.parametrize("step", ["fsync", "chmod", "replace"])
def test_crash_after_writing_before_the_rename(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str) -> None:
    target = tmp_path / "pack.docx"
    target.write_bytes(OLD)

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, step, interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, NEW)
    assert target.read_bytes() == OLD
    assert listing(tmp_path) == ["pack.docx"]


def test_whole_write(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "pack.html"
    assert write_atomic(target, "héllo") == target
    assert target.read_bytes() == "héllo".encode()
    assert write_atomic(target, NEW) == target
    assert target.read_bytes() == NEW
    assert listing(target.parent) == ["pack.html"]
    assert target.stat().st_mode & 0o777 == 0o644


def test_killed_process_leaves_the_previous_file_whole(tmp_path: Path) -> None:
    """SIGKILL cannot be cleaned up after: the previous file stays whole, and the only leftover is
    a hidden `.<name>.*.part` (which `batch` removes on its next run)."""
    target = tmp_path / "pack.pdf"
    target.write_bytes(OLD)
    script = textwrap.dedent(f"""
        import os, sys, time
        from pathlib import Path
        from generator import atomic
        def stuck(fd):
            print("writing", flush=True)
            time.sleep(60)
        atomic.os.fsync = stuck
        atomic.write_atomic(Path({str(target)!r}), b"N" * 1_000_000)
    """)
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout.readline().strip() == "writing"
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
    assert target.read_bytes() == OLD
    leftovers = [name for name in listing(tmp_path) if name != "pack.pdf"]
    assert all(name.startswith(".pack.pdf.") and name.endswith(".part") for name in leftovers), leftovers


def _fail_when_writing(monkeypatch: pytest.MonkeyPatch, suffix: str, error: BaseException) -> None:
    """Make the write of the pack's `suffix` file fail half-way with `error`."""
    import generator.render.docx as docx_module
    import generator.render.ics as ics_module

    real_write = write_atomic

    def write(path: Path, data):
        if path.suffix == suffix:
            half_writer(monkeypatch, error)
        return real_write(path, data)

    for module in (docx_module, ics_module):
        monkeypatch.setattr(module, "write_atomic", write)


PACK = "ahmet-yilmaz_maasland-logistics-b-v"


def _generate(out: Path, formats: tuple[str, ...]) -> None:
    from generator.options import RunOptions
    from generator.pipeline import generate
    from tests.conftest import PROFILES, TODAY

    generate(PROFILES / "ahmet-yilmaz.yaml", options=RunOptions(today=TODAY, formats=formats), out_dir=out)


@pytest.mark.parametrize("error", [KeyboardInterrupt(), OSError(28, "No space left on device")], ids=["ctrl-c", "full"])
def test_a_pack_appears_whole_or_not_at_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            error: BaseException) -> None:
    """Issue 19: Ctrl-C or a full disk while the DOCX is written, after the HTML was: the folder keeps
    the previous pack's files as they were (before, it mixed a new HTML with an old DOCX), and
    no temporary file is left."""
    out = tmp_path / "out"
    out.mkdir()
    for suffix in ("html", "docx"):
        (out / f"{PACK}.{suffix}").write_bytes(OLD)
    _fail_when_writing(monkeypatch, ".docx", error)
    with pytest.raises(type(error)):
        _generate(out, ("html", "docx"))
    assert listing(out) == [f"{PACK}.docx", f"{PACK}.html"]
    assert all((out / name).read_bytes() == OLD for name in listing(out))


def test_a_run_waits_for_another_moving_its_files_into_the_folder(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Two runs into one folder: the second waits for the first's lock, and when that is held too
    long it says so and writes nothing (not a mix of both runs' files)."""
    from generator.folderlock import locked

    monkeypatch.setattr(atomic, "UNIT_WAIT", 0.3)
    out = tmp_path / "out"
    out.mkdir()
    with locked(out, RuntimeError("held")), pytest.raises(PrepPackError, match="another prep-pack run"):
        _generate(out, ("html", "ics"))
    assert listing(out) == [".prep-pack.lock"]
    _generate(out, ("html", "ics"))
    assert listing(out) == [".prep-pack-owners.json", ".prep-pack.lock", f"{PACK}.html", f"{PACK}.ics"]


# ----------------------------------------------------------------------------- names stay inside


@pytest.mark.parametrize("name", ["../x.pdf", "..", ".", "", "a/b.pdf", "/etc/passwd", "..\\x.pdf", "x\x00.pdf"])
def test_inside_refuses_names_that_leave_the_folder(tmp_path: Path, name: str) -> None:
    with pytest.raises(PrepPackError, match="refusing to write"):
        inside(tmp_path, name)


def test_a_planted_symlink_is_replaced_not_followed(tmp_path: Path) -> None:
    """A link at the pack's name pointing outside -o DIR must not make us write outside it."""
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_bytes(OLD)
    (out / "pack.html").symlink_to(victim)
    target = inside(out, "pack.html")
    assert target.parent == out.resolve()
    write_atomic(target, NEW)
    assert victim.read_bytes() == OLD
    assert not (out / "pack.html").is_symlink()
    assert (out / "pack.html").read_bytes() == NEW



def test_a_failed_write_names_the_file_asked_for_not_its_part_file(tmp_path, monkeypatch):
    import errno
    import os

    import pytest

    from generator.atomic import write_atomic

    def full(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError) as caught:
        write_atomic(tmp_path / "pack.pdf", b"%PDF")
    assert caught.value.filename == str(tmp_path / "pack.pdf") and ".part" not in str(caught.value)
    assert list(tmp_path.iterdir()) == []  # nothing half-written left behind


def test_the_next_generate_removes_part_files_a_killed_run_left(tmp_path):
    import os
    import time

    from generator.options import RunOptions
    from generator.pipeline import generate
    from tests.conftest import PROFILES, TODAY

    out = tmp_path / "out"
    out.mkdir()
    stale = out / ".ahmet-yilmaz_maasland-logistics-b-v.pdf.x1y2.part"
    fresh = out / ".ahmet-yilmaz_maasland-logistics-b-v.pdf.z9.part"  # perhaps another run's, still writing
    other = out / ".someone-else_acme.pdf.q7.part"
    for part in (stale, fresh, other):
        part.write_bytes(b"%PDF-half")
    hour_ago = time.time() - 3600
    os.utime(stale, (hour_ago, hour_ago))
    os.utime(other, (hour_ago, hour_ago))
    result = generate(PROFILES / "ahmet-yilmaz.yaml", options=RunOptions(today=TODAY, formats=("html",)), out_dir=out)
    assert result.paths[0].name.startswith("ahmet-yilmaz_")
    assert not stale.exists() and fresh.exists() and other.exists()


def test_a_move_that_fails_half_way_puts_the_previous_pack_back(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The second of two files cannot be moved in (a Word file open on Windows): the first is put
    back as it was, nothing is left behind, and the message names the file that could not be replaced."""
    out = tmp_path / "out"
    out.mkdir()
    for suffix in ("html", "ics"):
        (out / f"{PACK}.{suffix}").write_bytes(OLD)
    real_replace = os.replace

    def replace(source, target):
        if str(source).endswith(".part") and str(target).endswith(".ics"):
            raise PermissionError(13, "The process cannot access the file because it is being used")
        return real_replace(source, target)

    monkeypatch.setattr(atomic.os, "replace", replace)
    with pytest.raises(OSError) as failed:
        _generate(out, ("html", "ics"))
    assert failed.value.filename == str(out.resolve() / f"{PACK}.ics")
    assert [name for name in listing(out) if not name.startswith(".prep-pack")] == [f"{PACK}.html", f"{PACK}.ics"]
    assert all((out / f"{PACK}.{suffix}").read_bytes() == OLD for suffix in ("html", "ics"))


def test_a_link_planted_as_the_lock_file_is_not_followed(tmp_path: Path) -> None:
    """The lock file is opened without following a link: a planted one cannot make prep-pack create
    or touch a file elsewhere; the run stops with a plain error instead."""
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere.txt"
    out.mkdir()
    (out / ".prep-pack.lock").symlink_to(elsewhere)
    with pytest.raises(OSError):
        _generate(out, ("html",))
    assert not elsewhere.exists()
    assert [name for name in listing(out) if not name.startswith(".prep-pack")] == []
