"""`prep-pack init` and `prep-pack schema` (README: commands)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator.cli import cli
from generator.schema import schema as json_schema_data
from generator.validate import load_inputs

FILES = ("profile.yaml", "notes.md", "prep-pack.schema.json", "prep-pack.notes.schema.json")


def run_cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """The real command in a fresh process (exit status and stderr exactly as a user sees them)."""
    return subprocess.run([sys.executable, "-m", "generator", *map(str, args)],
                          capture_output=True, text=True, timeout=60)


def invoke(*args: str | Path) -> Result:
    """The same command in this process: much faster, for the cases that need no fresh process."""
    return CliRunner().invoke(cli, [str(arg) for arg in args], catch_exceptions=False)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


@pytest.fixture(scope="module", params=["nl", "en"])
def initialised(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    lang = request.param
    folder = tmp_path_factory.mktemp(f"init-{lang}") / "start"
    result = invoke("init", folder, "--lang", lang, "--today", "2026-11-26")
    assert result.exit_code == 0, result.output
    return lang, folder


def test_init_writes_the_four_files(initialised: tuple[str, Path]) -> None:
    _, folder = initialised
    assert sorted(p.name for p in folder.iterdir()) == sorted(FILES)


def test_init_prints_the_paths_written(initialised: tuple[str, Path], tmp_path: Path) -> None:
    lang, _ = initialised
    folder = tmp_path / "again"
    result = invoke("init", folder, "--lang", lang, "--today", "2026-11-26")
    assert result.exit_code == 0
    assert result.stdout.split() == [str(folder / name) for name in FILES]


def test_profile_first_line_points_at_the_schema(initialised: tuple[str, Path]) -> None:
    _, folder = initialised
    first = (folder / "profile.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=prep-pack.schema.json"


def test_schema_file_is_the_profile_schema(initialised: tuple[str, Path]) -> None:
    _, folder = initialised
    schema = json.loads((folder / "prep-pack.schema.json").read_text(encoding="utf-8"))
    assert {"candidate", "application", "offers"} <= set(schema["properties"])
    assert {"candidate", "application"} <= set(schema["required"])
    assert schema == json_schema_data("profile")


def test_notes_schema_file_is_written_and_named_in_the_notes(initialised: tuple[str, Path]) -> None:
    """The notes are Markdown (no schema there); they end by saying how a YAML notes file gets the schema."""
    _, folder = initialised
    schema = json.loads((folder / "prep-pack.notes.schema.json").read_text(encoding="utf-8"))
    assert {"date", "met", "learned", "answered"} <= set(schema["properties"])
    assert schema == json_schema_data("notes")
    notes = (folder / "notes.md").read_text(encoding="utf-8")
    last = notes.rstrip().splitlines()[-1]
    assert last.startswith("<!-- ") and last.endswith(
        "# yaml-language-server: $schema=prep-pack.notes.schema.json -->")


def test_the_wired_schemas_accept_the_written_files(initialised: tuple[str, Path]) -> None:
    """What an editor does with the `$schema` line: the profile, and the notes written as YAML, validate."""
    from jsonschema import Draft202012Validator

    from tests.test_schema import editor_view

    _, folder = initialised
    profile_text = (folder / "profile.yaml").read_text(encoding="utf-8")
    schema_name = profile_text.splitlines()[0].split("$schema=")[1]
    schema = json.loads((folder / schema_name).read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    assert list(validator.iter_errors(editor_view(profile_text))) == []
    notes = load_inputs(folder / "profile.yaml", folder / "notes.md").notes
    assert notes is not None
    notes_schema = json.loads((folder / "prep-pack.notes.schema.json").read_text(encoding="utf-8"))
    as_yaml = json.loads(notes.model_dump_json(exclude_defaults=True))
    Draft202012Validator(notes_schema, format_checker=Draft202012Validator.FORMAT_CHECKER).validate(as_yaml)


def test_written_profile_and_notes_validate(initialised: tuple[str, Path]) -> None:
    lang, folder = initialised
    inputs = load_inputs(folder / "profile.yaml", folder / "notes.md")
    assert inputs.profile.language == lang
    # the example interview is two weeks after --today
    assert inputs.profile.application.second_interview.date == dt.date(2026, 12, 10)
    assert inputs.notes is not None
    assert inputs.notes.learned and inputs.notes.answered
    assert inputs.notes.date is not None and inputs.notes.date < dt.date(2026, 11, 26)


def test_written_profile_finds_its_notes_through_validate(initialised: tuple[str, Path]) -> None:
    _, folder = initialised
    result = invoke("validate", folder / "profile.yaml", "--notes", folder / "notes.md")
    assert result.exit_code == 0, result.output
    assert "OK" in result.stdout


def test_init_never_overwrites_without_force(initialised: tuple[str, Path]) -> None:
    lang, folder = initialised
    (folder / "profile.yaml").write_text("# my own work\n", encoding="utf-8")
    before = snapshot(folder)
    result = run_cli("init", folder, "--lang", lang, "--today", "2026-11-26")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "--force" in result.stderr
    assert snapshot(folder) == before

    result = invoke("init", folder, "--lang", lang, "--today", "2026-11-26", "--force")
    assert result.exit_code == 0, result.output
    profile = (folder / "profile.yaml").read_text(encoding="utf-8")
    assert profile.startswith("# yaml-language-server: $schema=prep-pack.schema.json")
    assert "# my own work" not in profile
    assert load_inputs(folder / "profile.yaml", folder / "notes.md").profile.language == lang


def test_init_refuses_when_only_one_file_exists_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("## Learned\n- mine\n", encoding="utf-8")
    result = invoke("init", tmp_path, "--today", "2026-11-26")
    assert result.exit_code == 2
    assert "notes.md" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.md"]
    assert (tmp_path / "notes.md").read_text(encoding="utf-8") == "## Learned\n- mine\n"


def test_init_into_a_file_is_a_usage_error(tmp_path: Path) -> None:
    target = tmp_path / "a-file"
    target.write_text("x", encoding="utf-8")
    result = invoke("init", target, "--today", "2026-11-26")
    assert result.exit_code == 2
    assert target.read_text(encoding="utf-8") == "x"


def test_schema_command_prints_the_json_schema() -> None:
    result = run_cli("schema")
    assert result.returncode == 0, result.stderr
    schema = json.loads(result.stdout)
    assert {"candidate", "application", "offers"} <= set(schema["properties"])
    assert schema["type"] == "object"
    assert schema == json_schema_data("profile")


def test_schema_command_prints_the_notes_schema() -> None:
    result = invoke("schema", "--notes")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == json_schema_data("notes")
