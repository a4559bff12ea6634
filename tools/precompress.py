"""Precompressed copies of the checker's runtime for hosts that serve them: ``make build`` runs
``python -m tools.precompress site`` after MkDocs, which writes ``FILE.gz`` (Python's gzip, level 9)
and ``FILE.br`` (Node's built-in brotli, quality 11, through ``brotli.mjs`` beside this module)
next to each large file of the runtime (the WebAssembly, Pyodide's scripts, the standard library),
where the copy is at least a tenth smaller. nginx (``gzip_static``, ``brotli_static``), Netlify
and Cloudflare send them to a browser that accepts them, instead of compressing on the fly (or,
for a host that does not compress, not at all).

Only under the content-addressed folders (``assets/pyodide/``, ``assets/checker/``), so a copy can
never go stale: a new runtime is a new folder.
"""

from __future__ import annotations

import gzip
import shutil
import subprocess
import sys
from pathlib import Path

__all__ = ["LARGE", "precompress", "write_copies"]

HERE = Path(__file__).resolve().parent
# Smaller files are not worth a second request path; the wheel is a zip of deflated files already.
LARGE = 100_000
SUFFIXES = (".wasm", ".mjs", ".zip", ".json")
FOLDERS = ("assets/pyodide", "assets/checker")


def _candidates(site: Path) -> list[Path]:
    found = []
    for folder in FOLDERS:
        for path in sorted((site / folder).rglob("*")):
            if path.is_file() and path.suffix in SUFFIXES and path.stat().st_size >= LARGE:
                found.append(path)
    return found


def write_copies(files: list[Path]) -> list[Path]:
    """Write ``FILE.gz`` and ``FILE.br`` beside each of ``files``; returns the copies kept (those at
    least a tenth smaller than the file)."""
    node = shutil.which("node")
    if not node:
        raise SystemExit("node is required to write the brotli copies (make setup installs it)")
    for path in files:
        path.with_name(path.name + ".gz").write_bytes(gzip.compress(path.read_bytes(), 9, mtime=0))
    subprocess.run([node, str(HERE / "brotli.mjs"), *map(str, files)], check=True, timeout=600)
    kept = []
    for path in files:
        for copy in (path.with_name(path.name + ".gz"), path.with_name(path.name + ".br")):
            if copy.stat().st_size > 0.9 * path.stat().st_size:
                copy.unlink()  # hardly smaller: the host may as well send the file itself
            else:
                kept.append(copy)
    return kept


def precompress(site: Path) -> list[Path]:
    """Write the ``.gz`` and ``.br`` copies under ``site``; returns the copies kept."""
    files = _candidates(site)
    if not files:
        raise SystemExit(f"no runtime files to compress under {site.name}/ (build the site first)")
    return write_copies(files)


def main(argv: list[str]) -> None:
    site = Path(argv[0] if argv else "site")
    for copy in precompress(site):
        original = copy.with_suffix("")
        print(f"{copy.relative_to(site)}: {copy.stat().st_size:,} of {original.stat().st_size:,} bytes")


if __name__ == "__main__":
    main(sys.argv[1:])
