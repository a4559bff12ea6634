"""Headless Chromium (Debian's chromium driven by Playwright) and a local server, for the PDFs and the tests."""

from __future__ import annotations

import functools
import gzip
import os
import re
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
HTMLCS = ROOT / "node_modules" / "html_codesniffer" / "build" / "HTMLCS.js"  # HTML_CodeSniffer
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def chromium_path() -> str:
    """Debian's chromium, which `make setup` installs (or another Chromium-family browser)."""
    path = os.environ.get("CHROME_PATH") or next(
        (found for name in ("chromium", "chromium-browser", "google-chrome") if (found := shutil.which(name))), None
    )
    assert path, "chromium is required for the browser tests (make setup installs it)"
    return path


# What a static host sends compressed (text); WebAssembly and zips go as they are.
COMPRESSED = {".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".map"}


# Paths named by their content (the runtime, the wheel) never change: sent with long-lived caching,
# as the how-it-works page tells hosts to serve them.
IMMUTABLE = re.compile(r"/assets/(pyodide|checker)/")


@functools.lru_cache(maxsize=256)
def _gzipped(path: str, mtime: float) -> bytes:
    return gzip.compress(Path(path).read_bytes(), 6)


class _QuietHandler(SimpleHTTPRequestHandler):
    isolated: tuple[str, ...] = ()
    compress = False
    log: list[str] | None = None

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                super().do_GET()  # redirects to the folder's URL with its slash
                return
            path = path / "index.html"
        wants = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.compress and wants and path.suffix in COMPRESSED and path.is_file()):
            super().do_GET()
            return
        body = _gzipped(str(path), path.stat().st_mtime)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def end_headers(self) -> None:
        if IMMUTABLE.match(self.path):
            self.send_header("Cache-Control", "public, max-age=31536000, immutable")
        if self.path.startswith(self.isolated):
            self.send_header("Cross-Origin-Opener-Policy", "same-origin")
            self.send_header("Cross-Origin-Embedder-Policy", "require-corp")
        super().end_headers()

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        if self.log is not None:
            self.log.append(f"{self.command} {self.path} {code}")

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(
    folder: Path, isolated: tuple[str, ...] = (), compress: bool = False, log: list[str] | None = None
) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 at a free port; yields the base URL. Paths starting with one of
    ``isolated`` (for example "/bench-pyscript/") are sent cross-origin isolated (COOP and COEP).
    With ``compress``, text files go gzip-encoded, as a static host sends them. With ``log``, each
    request the server answers is appended to it as "METHOD PATH STATUS"."""
    handler_class = type("Handler", (_QuietHandler,), {"isolated": isolated, "compress": compress, "log": log})
    with running(ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler_class, directory=str(folder)))) as url:
        yield url


@contextmanager
def running(server: ThreadingHTTPServer) -> Iterator[str]:
    """Run ``server`` (bound to a port of 127.0.0.1) in a background thread; yields its base URL and
    stops it on exit."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chromium() -> Iterator[Browser]:
    """A headless Chromium that makes no background connections of its own."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
