"""The Python runtime files the site writes itself rather than copying from the npm ``pyodide``
package: a trimmed standard library, compiled ahead of time, and a lock file that lists no packages.

``python_stdlib.zip`` holds only the modules listed in ``stdlib-files.txt`` beside this module: the
ones the checker and Pyodide's own start-up import. The list is made by tracing ``sys.modules`` in
real Pyodide (its full standard library, with the stand-ins below) after running every scenario
case (see ``tests/test_pyodide.py``, which fails when the list no longer covers what the checker
imports, and prints how to refresh it).

The stock zip ships sources, and compiling them was most of Python's start-up in the browser (about
2.5 s of 4 s here). So ``stdlib.mjs`` compiles the listed modules once, at build time, in the same
Pyodide the browser runs (under Node), and the site serves bytecode (``.pyc``): no docstrings or
asserts (``optimize=2``), and line tables that give each instruction its function's first line.

Three modules are stand-ins written for the site (``stand_ins/`` beside this module), compiled in
place of the real ones: ``shutil``, ``tempfile`` and ``zipfile``. Pyodide's start-up imports them
(``pyodide._package_loader`` and ``pyodide.common``, for installing packages) but never calls them
on the checker's path, and the real ones pull in ``random``, ``bz2``, ``lzma``, ``compression.zstd``
and ``zipfile._path`` as well (85 kB of the zip). Each stand-in has just the names imported
from it at start-up: ``shutil``'s two registration calls do nothing, and using anything else raises
an error that says the module is not part of this site's Python. So ``pyodide.unpackArchive``,
``loadPackage`` and ``micropip`` do not work on the site; the checker uses none of them (its
worker puts the wheel itself on Python's path, ``docs/javascripts/checker/wheel.mjs``). The trace
runs with the stand-ins in place, so the list holds only what the site's Python really imports.

``pyodide-lock.json`` keeps the stock file's ``info`` (its ABI version is checked at start-up)
with ``"packages": {}``: the checker loads no Pyodide packages, so the stock list is dead weight.

Both are written once per set of inputs and kept under ``build/`` (compiling takes a few seconds);
the folder they are served from is named by their content.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import subprocess
import tempfile
import zipfile
from functools import lru_cache
from pathlib import Path

__all__ = [
    "COPIED",
    "FILES",
    "LOCK",
    "PYODIDE",
    "STAND_INS",
    "STOCK",
    "runtime_digest",
    "runtime_files",
    "runtime_lock",
    "sources",
    "trimmed_stdlib",
    "write_files",
]

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
FILES = HERE / "stdlib-files.txt"
COMPILER = HERE / "stdlib.mjs"
PYODIDE = ROOT / "node_modules" / "pyodide"
STOCK = PYODIDE / "python_stdlib.zip"
LOCK = PYODIDE / "pyodide-lock.json"
CACHE = ROOT / "build" / "stdlib"
# The stand-ins, by the member of the stock zip each replaces.
STAND_INS = {
    "shutil.py": HERE / "stand_ins" / "shutil.py",
    "tempfile.py": HERE / "stand_ins" / "tempfile.py",
    "zipfile/__init__.py": HERE / "stand_ins" / "zipfile.py",
}
# The runtime files the site copies from the npm package as they are; runtime_files() writes the rest.
COPIED = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")


def _listed() -> list[str]:
    lines = FILES.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


@lru_cache(maxsize=2)
def sources(stock: Path = STOCK) -> bytes:
    """The stock zip (sources, every module) with the stand-ins in place of the modules they replace."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(stock) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as out:
        missing = sorted(set(STAND_INS) - set(source.namelist()))
        if missing:
            raise RuntimeError(f"the stock standard library has no {missing} for the stand-ins to replace")
        for info in source.infolist():
            stand_in = STAND_INS.get(info.filename)
            data = stand_in.read_bytes() if stand_in else source.read(info)
            out.writestr(zipfile.ZipInfo(info.filename, info.date_time), data)
    return buffer.getvalue()


@lru_cache(maxsize=2)
def trimmed_stdlib(stock: Path = STOCK) -> bytes:
    """A zip of the listed modules only (the stand-ins in place of the real ones), as bytecode
    compiled by Pyodide's own Python."""
    names = _listed()
    key = hashlib.sha256()
    for part in (
        stock.read_bytes(),
        *(path.read_bytes() for path in STAND_INS.values()),
        json.dumps(names).encode(),
        COMPILER.read_bytes(),
        (PYODIDE / "package.json").read_bytes(),
    ):
        key.update(hashlib.sha256(part).digest())
    cached = CACHE / f"python_stdlib-{key.hexdigest()[:16]}.zip"
    if cached.exists():
        return cached.read_bytes()
    node = shutil.which("node")
    if not node:
        raise RuntimeError("node is required to compile the browser's standard library (make setup installs it)")
    with tempfile.TemporaryDirectory() as tmp:
        listed, out = Path(tmp) / "files.json", Path(tmp) / "python_stdlib.zip"
        listed.write_text(json.dumps(names), encoding="utf-8")
        (Path(tmp) / "sources.zip").write_bytes(sources(stock))
        result = subprocess.run(
            [node, str(COMPILER), str(Path(tmp) / "sources.zip"), str(listed), str(out)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
        if result.returncode != 0 or not out.exists():
            last = (result.stderr.strip().splitlines() or ["no output"])[-1]
            raise RuntimeError(f"compiling the browser's standard library failed: {last[:300]}")
        data = out.read_bytes()
    CACHE.mkdir(parents=True, exist_ok=True)
    for old in CACHE.glob("python_stdlib-*.zip"):
        old.unlink()
    cached.write_bytes(data)
    return data


def runtime_lock(stock: Path = LOCK) -> bytes:
    """The stock lock file's ``info`` with no packages, as compact JSON."""
    info = json.loads(stock.read_text(encoding="utf-8"))["info"]
    return json.dumps({"info": info, "packages": {}}, separators=(",", ":")).encode()


def runtime_files() -> dict[str, bytes]:
    """The runtime files the site writes itself, by name; the others are copied from the npm package."""
    return {"pyodide-lock.json": runtime_lock(), "python_stdlib.zip": trimmed_stdlib()}


def runtime_digest() -> str:
    """A short hash of every file :func:`runtime_files` writes, names included, to name their folder."""
    digest = hashlib.sha256()
    for name, data in sorted(runtime_files().items()):
        digest.update(f"{name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()[:8]


def write_files(names: list[str]) -> None:
    """Record the files to keep (sorted, with a header saying where they come from)."""
    header = "# Standard-library files the checker's browser runtime needs (from tracing; see stdlib.py)\n"
    FILES.write_text(header + "\n".join(sorted(set(names))) + "\n", encoding="utf-8")
