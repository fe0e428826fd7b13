"""Where prep-pack's template folders are: the built-in one and an agency's override folder."""

from __future__ import annotations

from pathlib import Path


def builtin_templates() -> Path:
    """The templates folder shipped with prep-pack (installed copy first, then the source tree)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "templates", here.parent / "templates"):
        if (candidate / "pack.html.j2").is_file():
            return candidate
    raise RuntimeError(f"prep-pack's templates are missing (looked in {here})")


def template_dirs(override: Path | None = None) -> list[Path]:
    """Folders to search for templates, the user's own first."""
    dirs = [builtin_templates()]
    return [override, *dirs] if override else dirs


def resolve_inside(folder: Path, name: str) -> Path | None:
    """The file `name` names, resolved, when it lies in `folder` (which is resolved too); None for
    an absolute path, a `..` or a link that leads out. For files an untrusted input names: a
    brand's logo, a spreadsheet row's profile or notes."""
    target = (folder.resolve() / name).resolve()
    if Path(name).is_absolute() or not target.is_relative_to(folder.resolve()):
        return None
    return target
