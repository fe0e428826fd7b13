"""`prep-pack preview`: the HTML pack in the browser, made again each time an input is saved.

One process, three parts:
- `Preview` renders: the profile (and notes, brand, templates) through the normal pipeline into
  HTML in memory, keeping the last good page; a validation error becomes a banner over it.
- a small HTTP server on 127.0.0.1 only (port chosen by the system) serves that page, plus a
  version number the page polls to reload itself when a new render is ready;
- watchfiles watches the inputs' folders and asks for a new render on every save.
Ctrl-C stops the server and the watcher and returns cleanly.
"""

from __future__ import annotations

import html
import json
import threading
import time
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import click
from jinja2 import TemplateError

from generator.options import RunOptions

HOST = "127.0.0.1"  # never beyond this machine
EMPTY = "<!DOCTYPE html><html><head><meta charset='utf-8'><title>prep-pack</title></head><body></body></html>"
# Polls the version every half second and reloads the page when a new render is ready.
RELOAD = ("<script>(function(){var v=%d;setInterval(function(){fetch('/__version').then(function(r)"
          "{return r.json()}).then(function(d){if(d.version!==v){location.reload()}}).catch(function(){})},500)})()"
          "</script>")
BANNER = ('<div id="prep-pack-preview-error" role="alert" style="position:sticky;top:0;z-index:9;margin:0;'
          'padding:12pt 16pt;background:#fff4e5;color:#7a2e00;border-bottom:3px solid #c2410c;'
          'font:11pt/1.45 system-ui,sans-serif;white-space:pre-wrap">%s</div>')


@dataclass
class Preview:
    """The page being served: the last good render, the current problem, and a version number."""

    profile: Path
    notes: Path | None
    options: RunOptions
    brand_file: Path | None = None
    pdf_dir: Path | None = None          # also write the PDF here on each render (--pdf)
    page: str = ""                       # the last good HTML
    error: str = ""                      # the problem with the inputs as saved now
    version: int = 0
    seconds: float = 0.0                 # how long the last render took
    lock: threading.Lock = field(default_factory=threading.Lock)

    def render(self) -> None:
        """Make the pack again from the files as they are now; keep the last good page on an error."""
        from generator.content.build import build_pack
        from generator.errors import PrepPackError
        from generator.language import forget_files
        from generator.render.assets import Assets
        from generator.render.html import pack_html
        from generator.validate import load_inputs

        started = time.perf_counter()
        forget_files()  # texts and templates may have been edited
        try:
            options = self._options()
            inputs = load_inputs(self.profile, self.notes, options.language)
            pack = build_pack(inputs, options=options)
            assets = Assets(options)  # read afresh: the templates may have been edited
            page = pack_html(pack, assets)
            if self.pdf_dir:
                from generator.pipeline import Result
                from generator.pipeline import render as render_formats

                render_formats(pack, out_dir=self.pdf_dir, options=replace(options, formats=("pdf",)),
                               result=Result(), assets=assets, profile=self.profile)
            error = ""
        except PrepPackError as exc:
            page, error = self.page, exc.format_message()
        except TemplateError as exc:  # an agency's template being edited: show it, keep watching
            page, error = self.page, f"{getattr(exc, 'name', None) or 'template'}:{getattr(exc, 'lineno', '')}: {exc}"
        except OSError as exc:  # a file saved half-way, or the PDF folder not writable
            page, error = self.page, f"{exc.filename or ''}: {exc.strerror or exc}"
        with self.lock:
            self.page, self.error = page, error
            self.version += 1
            self.seconds = time.perf_counter() - started

    def _options(self) -> RunOptions:
        """The run's options with the brand file read again (its colours may have changed)."""
        if self.brand_file is None:
            return self.options
        from generator.brand import load_brand

        return replace(self.options, brand=load_brand(self.brand_file))

    def html(self) -> str:
        """The page as served: the problem on top, the last good pack below, the reload script."""
        with self.lock:
            page, error, version = self.page, self.error, self.version
        banner = BANNER % html.escape(error) if error else ""
        page = page or EMPTY
        head, _, tail = page.partition("<body")
        opening, _, rest = tail.partition(">")
        body = f"{head}<body{opening}>{banner}{rest}" if tail else page
        return body.replace("</body>", RELOAD % version + "</body>")

    def relevant(self, changed: str) -> bool:
        """True for a saved file that changes the pack: the profile, the notes (or notes found beside
        the profile), the brand's folder, the templates. Never the PDF this preview writes itself,
        or a half-written file, so a render cannot set off the next one."""
        path = Path(changed).resolve()
        if path.suffix in (".pdf", ".part") or (self.pdf_dir and path.is_relative_to(self.pdf_dir.resolve())):
            return False
        if path in (self.profile.resolve(), self.notes.resolve() if self.notes else None):
            return True
        if self.options.templates and path.is_relative_to(self.options.templates.resolve()):
            return True
        if self.brand_file and path.parent == self.brand_file.resolve().parent:
            return True
        return path.parent == self.profile.resolve().parent and path.suffix in (".yaml", ".yml", ".md", ".txt")

    def watched(self) -> list[Path]:
        """The folders to watch: of the profile, the notes, the brand, and the templates."""
        folders = [self.profile.parent, self.notes.parent if self.notes else None,
                   self.brand_file.parent if self.brand_file else None, self.options.templates]
        return list(dict.fromkeys(f.resolve() for f in folders if f is not None))


def _handler(preview: Preview) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
            port = self.server.server_address[1]  # type: ignore[index]  # (address, port) for TCP
            if self.headers.get("Host") not in (f"{HOST}:{port}", f"localhost:{port}"):
                self.send_error(403)  # another site's name pointed at 127.0.0.1 (DNS rebinding)
                return
            if self.path == "/__version":
                body, kind = json.dumps({"version": preview.version}).encode(), "application/json"
            elif self.path in ("/", "/index.html"):
                body, kind = preview.html().encode("utf-8"), "text/html; charset=utf-8"
            else:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet: no line per request
            return

    return Handler


def _watch(preview: Preview, stop: threading.Event, say: Callable[[str], None]) -> None:
    """Render again after every save to a watched folder, until `stop` is set."""
    from watchfiles import watch

    try:
        for _changes in watch(*preview.watched(), watch_filter=lambda _change, path: preview.relevant(path),
                              stop_event=stop, debounce=150, step=50, rust_timeout=500,
                              yield_on_timeout=False):
            preview.render()
            say(f"made again in {preview.seconds:.2f} s" + (" (with a problem, shown in the page)" if preview.error
                                                             else ""))
    except (OSError, RuntimeError) as exc:  # a watched folder was removed or renamed
        say(f"stopped watching for changes ({exc}); the page stays as it was. Press Ctrl-C and start again.")


def serve(preview: Preview, *, port: int = 0, open_browser: bool = True,
          say: Callable[[str], None] = lambda _text: None) -> None:
    """Render once, serve on loopback, watch the inputs; return when Ctrl-C is pressed."""
    preview.render()
    server = ThreadingHTTPServer((HOST, port), _handler(preview))
    url = f"http://{HOST}:{server.server_address[1]}/"
    stop = threading.Event()
    watcher = threading.Thread(target=_watch, args=(preview, stop, say), daemon=True)
    watcher.start()
    time.sleep(0.3)  # let the watcher settle before anyone is told to start editing
    click.echo(f"Preview: {url}  (Ctrl-C stops it)")
    say(f"made in {preview.seconds:.2f} s; watching {', '.join(map(str, preview.watched()))}")
    if open_browser:
        webbrowser.open(url)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.server_close()
        watcher.join(timeout=2)
