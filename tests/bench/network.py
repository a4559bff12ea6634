"""The bench's slow network: a static host that sends compressed files over a link as slow as a
cheap phone's, done by the server itself, so that every request is slowed the same way, the Web
Worker's included (a browser's own network emulation does not reliably slow a worker's fetches).

- **The link:** one downlink of ``rate`` bytes per second shared by every connection, a round trip
  (``rtt``) before each response starts and one more for each new connection, HTTP/1.1 with
  keep-alive, no TLS. Off (``link.slow = False``) the server answers at full speed;
  ``link.idle()`` waits until no answer is being sent.
- **The host** compresses with one encoding, "gzip" or "br", as hosts do: it sends the copy
  ``FILE.gz`` or ``FILE.br`` beside a file when there is one (``make build`` writes them for the
  runtime), and otherwise compresses text and WebAssembly on the fly (gzip level 6, brotli quality 5,
  the usual on-the-fly settings; kept in memory, so only the first request pays for it). Zips go as
  they are (they are compressed already).
- **Caching** as a static host sends it: a year, immutable, for content-addressed paths, ten
  minutes for everything else.
- **The log:** each answer is recorded as (path, status, body bytes sent), so the bench counts
  what crossed the link and how many times each file was sent.
"""

from __future__ import annotations

import functools
import gzip
import re
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tools.browser import running

__all__ = ["Link", "Sent", "serve_slow"]

# What a host compresses on the fly (text, and WebAssembly as the hosting guide asks).
ON_THE_FLY = {".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".map", ".wasm"}
IMMUTABLE = re.compile(r"/assets/(pyodide|checker)/")
CHUNK = 8192
SUFFIX = {"gzip": ".gz", "br": ".br"}
BROTLI_ON_THE_FLY = """
const { brotliCompressSync, constants } = require("node:zlib");
const chunks = [];
process.stdin.on("data", (c) => chunks.push(c));
process.stdin.on("end", () => process.stdout.write(brotliCompressSync(Buffer.concat(chunks),
  { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })));
"""


@dataclass
class Link:
    """A shared downlink: ``rate`` bytes a second, ``rtt`` seconds a round trip."""

    rate: float = 1.6e6 / 8
    rtt: float = 0.150
    slow: bool = True
    busy: int = 0  # answers being sent right now
    _free_at: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def idle(self, quiet: float = 1.0, limit: float = 120.0) -> None:
        """Wait until nothing has been sent for ``quiet`` seconds (at most ``limit`` seconds)."""
        end = time.monotonic() + limit
        since = time.monotonic()
        while time.monotonic() < end:
            if self.busy:
                since = time.monotonic()
            elif time.monotonic() - since >= quiet:
                return
            time.sleep(0.05)

    def wait(self) -> None:
        if self.slow:
            time.sleep(self.rtt)

    def send(self, out: object, data: bytes) -> None:
        """Write ``data`` to ``out`` no faster than the link's share allows: each chunk takes its
        turn on the one downlink, so parallel downloads share it."""
        write = out.write  # type: ignore[attr-defined]
        for start in range(0, len(data), CHUNK):
            chunk = data[start : start + CHUNK]
            if self.slow:
                with self._lock:
                    now = time.monotonic()
                    self._free_at = max(now, self._free_at) + len(chunk) / self.rate
                    done = self._free_at
                time.sleep(max(0.0, done - time.monotonic()))
            write(chunk)


@dataclass(frozen=True)
class Sent:
    path: str
    status: int
    body: int


@functools.lru_cache(maxsize=512)
def _compressed(path: str, encoding: str, mtime: float) -> bytes:
    data = Path(path).read_bytes()
    if encoding == "gzip":
        return gzip.compress(data, 6, mtime=0)
    node = shutil.which("node")
    if not node:
        raise SystemExit("node is required for the brotli host (make setup installs it)")
    return subprocess.run([node, "-e", BROTLI_ON_THE_FLY], input=data, capture_output=True, check=True).stdout


class _SlowHandler(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    link: Link
    encoding: str
    log: list[Sent]

    def setup(self) -> None:
        super().setup()
        self.link.wait()  # the new connection's handshake

    def _body(self, path: Path) -> tuple[bytes, str | None]:
        """The bytes to send for ``path`` and their encoding, as the host sends them."""
        if self.encoding in self.headers.get("Accept-Encoding", ""):
            copy = path.with_name(path.name + SUFFIX[self.encoding])
            if copy.is_file():
                return copy.read_bytes(), self.encoding
            if path.suffix in ON_THE_FLY:
                return _compressed(str(path), self.encoding, path.stat().st_mtime), self.encoding
        return path.read_bytes(), None

    def _answer(self, with_body: bool) -> None:
        self.link.wait()  # the request's round trip
        local = self.path.split("?")[0].split("#")[0]
        path = Path(self.translate_path(local))
        if path.is_dir():
            if not local.endswith("/"):
                self.send_response(301)
                self.send_header("Location", local + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                self.log.append(Sent(local, 301, 0))
                return
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            self.log.append(Sent(local, 404, 0))
            return
        body, encoding = self._body(path)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        immutable = IMMUTABLE.match(local)
        self.send_header("Cache-Control", "public, max-age=31536000, immutable" if immutable else "max-age=600")
        self.end_headers()
        if with_body:
            self.link.send(self.wfile, body)
        self.log.append(Sent(local, 200, len(body) if with_body else 0))

    def _counted(self, with_body: bool) -> None:
        with self.link._lock:
            self.link.busy += 1
        try:
            self._answer(with_body)
        finally:
            with self.link._lock:
                self.link.busy -= 1

    def do_GET(self) -> None:
        self._counted(with_body=True)

    def do_HEAD(self) -> None:
        self._counted(with_body=False)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve_slow(folder: Path, encoding: str, link: Link, log: list[Sent]) -> Iterator[str]:
    """Serve ``folder`` at a free port of 127.0.0.1 as a host compressing with ``encoding`` ("gzip"
    or "br"), over ``link``; each answer is appended to ``log``. Yields the base URL."""
    handler_class = type("SlowHandler", (_SlowHandler,), {"link": link, "encoding": encoding, "log": log})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler_class, directory=str(folder)))
    server.daemon_threads = True
    with running(server) as url:
        yield url
