"""The precompressed copies `make build` writes beside the runtime's large files: each decodes to
its file exactly (gzip in Python, brotli in Node), and a copy that is hardly smaller is not kept."""

from __future__ import annotations

import base64
import gzip
import os
import shutil
import subprocess
from pathlib import Path

from tools.precompress import LARGE, precompress

DECODE = (
    "const z = require('node:zlib'), fs = require('node:fs');"
    "process.stdout.write(z.brotliDecompressSync(fs.readFileSync(process.argv[1])).toString('base64'))"
)


def test_each_copy_decodes_to_its_file_and_only_smaller_copies_are_kept(tmp_path: Path) -> None:
    runtime = tmp_path / "assets" / "pyodide" / "1.0-abc"
    runtime.mkdir(parents=True)
    wasm = runtime / "pyodide.asm.wasm"
    wasm.write_bytes(b"\0asm" + b"".join(i.to_bytes(4, "little") for i in range(LARGE // 2)))
    packed = runtime / "python_stdlib.zip"
    packed.write_bytes(os.urandom(LARGE))  # already compressed: no copy is worth it
    small = runtime / "pyodide-lock.json"
    small.write_text("{}", encoding="utf-8")
    page = tmp_path / "index.html"
    page.write_text("<p>" * LARGE, encoding="utf-8")

    kept = precompress(tmp_path)

    assert sorted(p.name for p in kept) == ["pyodide.asm.wasm.br", "pyodide.asm.wasm.gz"]
    assert gzip.decompress((runtime / "pyodide.asm.wasm.gz").read_bytes()) == wasm.read_bytes()
    node = shutil.which("node")
    assert node, "node is required"
    decoded = subprocess.run(
        [node, "-e", DECODE, str(runtime / "pyodide.asm.wasm.br")], capture_output=True, text=True, check=True
    ).stdout
    assert base64.b64decode(decoded) == wasm.read_bytes()
    assert sorted(p.name for p in tmp_path.rglob("*") if p.suffix in (".gz", ".br")) == sorted(p.name for p in kept)
