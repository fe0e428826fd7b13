"""Links and faults in a batch: no file from outside carried in, nothing written through a link, and one
bad file or folder costs one row, never the batch."""

from __future__ import annotations

import shutil

from generator.batch import run_batch
from tests.conftest import PROFILES, read_csv
from tests.test_batch import options


def test_links_out_of_the_folder_are_refused_on_their_row(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "secret.md").write_text("# Eerste gesprek 2026-11-19\n\n## Geleerd\n\n- GEHEIM-1234\n", "utf-8")
    shutil.copy(PROFILES / "ahmet-yilmaz.yaml", elsewhere / "other.yaml")
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(PROFILES / "sanne-de-vries.yaml", folder / "sanne.yaml")
    (folder / "sanne.notes.md").symlink_to(elsewhere / "secret.md")
    (folder / "linked.yaml").symlink_to(elsewhere / "other.yaml")
    shutil.copy(PROFILES / "liam-oconnor.yaml", folder / "liam.yaml")
    (folder / "liam-copy.yaml").symlink_to(folder / "liam.yaml")  # a link inside the folder is fine
    out = tmp_path / "out"
    result = run_batch(folder, out_dir=out, options=options(("html",)), workers=1)
    rows = {row["profile"]: row for row in read_csv(out / "report.csv")}
    assert rows["sanne.yaml"]["status"] == "failed" and "sanne.notes.md: a link to a file outside" in \
        rows["sanne.yaml"]["error"]
    assert rows["linked.yaml"]["status"] == "failed" and "outside the folder" in rows["linked.yaml"]["error"]
    assert {rows["liam.yaml"]["status"], rows["liam-copy.yaml"]["status"]} == {"ok", "failed"}  # one slug, one pack
    assert not any("GEHEIM-1234" in path.read_text("utf-8", "replace") for path in out.rglob("*") if path.is_file())
    assert result.count("failed") == 3


def test_links_planted_in_the_output_folder_are_never_followed(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(PROFILES / "ahmet-yilmaz.yaml", folder)
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "keep.txt").write_text("mine", "utf-8")
    out = tmp_path / "out"
    first = run_batch(folder, out_dir=out, options=options(("html",)), workers=1)
    slug = first.rows[0].slug
    shutil.rmtree(out / slug)
    (out / slug).symlink_to(victim)  # the pack folder: a link to someone else's folder
    (out / ".prep-pack-staging").symlink_to(victim)  # and the staging folder too
    again = run_batch(folder, out_dir=out, options=options(("html",)), workers=1)
    assert again.rows[0].status == "failed" and "the pack folder is a link" in again.rows[0].error
    assert sorted(p.name for p in victim.iterdir()) == ["keep.txt"] and (victim / "keep.txt").read_text() == "mine"


def test_a_vanished_profile_or_an_unwritable_pack_folder_costs_one_row(tmp_path, monkeypatch):
    """Each fault is that profile's failed row; the others are made and the report is written."""
    import generator.batch.run as batch_run
    from generator.slug import pack_slug

    folder = tmp_path / "in"
    folder.mkdir()
    for stem in ("ahmet-yilmaz", "liam-oconnor", "noor-bakker"):
        shutil.copy(PROFILES / f"{stem}.yaml", folder)
    out = tmp_path / "out"
    out.mkdir()
    blocked = pack_slug("Liam O'Connor", "Kestrel & Finch B.V.")
    (out / blocked).write_text("a file where the pack folder should be", "utf-8")
    planned = batch_run.plan_jobs

    def plan_then_lose_one(*args, **kwargs):
        jobs = planned(*args, **kwargs)
        (folder / "noor-bakker.yaml").unlink()  # gone between planning and making
        return jobs

    monkeypatch.setattr(batch_run, "plan_jobs", plan_then_lose_one)
    result = run_batch(folder, out_dir=out, options=options(("html",)), workers=1)
    rows = {row["profile"]: row for row in read_csv(out / "report.csv")}
    assert rows["ahmet-yilmaz.yaml"]["status"] == "ok"
    liam = rows["liam-oconnor.yaml"]
    assert liam["status"] == "failed" and "could not be written" in liam["error"]
    assert rows["noor-bakker.yaml"]["status"] == "failed" and "bestaat niet" in rows["noor-bakker.yaml"]["error"]
    assert result.count("failed") == 2
