"""The only way WeasyPrint may load anything while it renders a pack.

A pack's HTML holds text from strangers, so WeasyPrint gets a fetcher that serves `data:` URLs
and files inside an allow-list of folders (prep-pack's templates), resolved
through symlinks. Everything else (http, https, ftp, file:///etc/passwd, `..`) stops the
render with an error instead of being fetched or silently skipped.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint.urls import FatalURLFetchingError, URLFetcher


class SafeFetcher(URLFetcher):
    """A WeasyPrint URL fetcher limited to `data:` URLs and files inside `allowed` folders."""

    def __init__(self, allowed: list[Path]) -> None:
        super().__init__(timeout=1, allowed_protocols={"data", "file"}, allow_redirects=False,
                         fail_on_errors=True)
        self.allowed = [folder.resolve() for folder in allowed]

    def fetch(self, url: str, headers: dict | None = None):
        """Serve the URL if it is allowed; otherwise stop the render loudly."""
        scheme = urlsplit(url).scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file":
            try:  # a NUL byte, an over-long name or a symlink loop is refused like any other stranger
                path = Path(unquote(urlsplit(url).path)).resolve()
                inside = path.is_file() and any(path.is_relative_to(folder) for folder in self.allowed)
            except (OSError, ValueError, RuntimeError):
                inside = False
            if inside:
                return super().fetch(path.as_uri(), headers)
        raise FatalURLFetchingError(f"refused to load {url[:200]!r}: a pack may only use its own templates")
