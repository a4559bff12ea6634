"""The trimmed Python standard library the browser loads: only the files the checker (and Pyodide's
own start-up) actually import, taken from the npm package's ``python_stdlib.zip``.

The list of files, ``stdlib-files.txt`` beside this module, is made by tracing ``sys.modules`` in
real Pyodide after running every scenario case (see ``tests/test_pyodide.py``, which fails when the
list no longer covers what the checker imports, and prints how to refresh it).
"""

from __future__ import annotations

import io
import zipfile
from functools import lru_cache
from pathlib import Path

__all__ = ["FILES", "STOCK", "trimmed_stdlib", "write_files"]

HERE = Path(__file__).resolve().parent
FILES = HERE / "stdlib-files.txt"
STOCK = HERE.parents[1] / "node_modules" / "pyodide" / "python_stdlib.zip"


def _listed() -> list[str]:
    lines = FILES.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


@lru_cache(maxsize=2)
def trimmed_stdlib(stock: Path = STOCK) -> bytes:
    """A zip of the listed files only, compressed as tightly as deflate allows, byte-for-byte stable."""
    source = zipfile.ZipFile(stock)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for name in _listed():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(info, source.read(name), compresslevel=9)
    return buffer.getvalue()


def write_files(names: list[str]) -> None:
    """Record the files to keep (sorted, with a header saying where they come from)."""
    header = "# Standard-library files the checker's browser runtime needs (from tracing; see stdlib.py)\n"
    FILES.write_text(header + "\n".join(sorted(set(names))) + "\n", encoding="utf-8")
