"""The codebase stays easy to change: small modules, no function too tangled to read."""

from __future__ import annotations

from pathlib import Path

from radon.complexity import cc_rank, cc_visit

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
MAX_LINES = 320  # "about 300": a module past this is doing two jobs; split it by job


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_no_function_is_above_grade_c():
    """radon's cyclomatic complexity: A-C is fine, D and worse needs splitting."""
    tangled = [f"{path.relative_to(PACKAGE)}:{block.lineno} {block.name} ({cc_rank(block.complexity)}, "
               f"{block.complexity})"
               for path in modules() for block in cc_visit(path.read_text(encoding="utf-8"))
               if cc_rank(block.complexity) > "C"]
    assert tangled == []


def test_no_module_is_much_over_300_lines():
    long = {str(path.relative_to(PACKAGE)): n for path in modules()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_the_checks_can_fail():
    """A made-up tangled function is caught, so the test above is not empty by accident."""
    source = "def f(x):\n" + "".join(f"    if x == {i}:\n        return {i}\n" for i in range(25)) + "    return -1\n"
    assert [cc_rank(b.complexity) for b in cc_visit(source)] == ["D"]
