"""Parity: the wheel the site serves, put on real Pyodide's path under Node by the worker's own code
(``wheel.mjs``), answers exactly as CPython does, with the npm package's full standard library (the
site's stand-ins in place) and with the trimmed one the site serves."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from checker import handle
from tests.cases import CASES
from tests.helpers import wheel_path
from tools.stdlib import COPIED, FILES, LOCK, PYODIDE, STAND_INS, runtime_files, sources, write_files

ROOT = Path(__file__).resolve().parents[1]
WORKER = ROOT / "docs" / "javascripts" / "checker" / "worker.mjs"
# What Pyodide's unpackArchive says in the site's Python, whose shutil and zipfile are stand-ins.
NOT_HERE = "is not part of this site's Python: the checker does not need it"
REQUESTS = (
    [json.dumps({"scenario": c.facts}) for c in CASES]
    + [json.dumps({"scenario": c.facts, "lang": "es"}) for c in CASES]
    + ["not json", json.dumps({"scenario": {"as_of": "2019-02-29"}}), json.dumps({"scenario": []})]
)


def _runtime(tmp_path: Path, files: dict[str, bytes]) -> Path:
    """A folder with the npm package's scripts and WebAssembly, and ``files`` (the stdlib and lock)."""
    index = tmp_path / "runtime"
    index.mkdir()
    for name in (*COPIED, "package.json"):
        shutil.copyfile(PYODIDE / name, index / name)
    for name, data in files.items():
        (index / name).write_bytes(data)
    return index


def _run(tmp_path: Path, index: Path) -> dict[str, Any]:
    node = shutil.which("node")
    assert node, "node is required for the Pyodide parity test"
    assert (PYODIDE / "pyodide.mjs").exists(), "run `make setup` (npm ci) first"
    path = tmp_path / "requests.json"
    path.write_text(json.dumps(REQUESTS), encoding="utf-8")
    command = [node, str(ROOT / "tests" / "pyodide" / "run.mjs"), str(wheel_path()), str(path), str(index)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    out: dict[str, Any] = json.loads(result.stdout)
    return out


def _same_as_cpython(out: dict[str, Any]) -> None:
    assert out["platform"] == "emscripten"
    assert out["python"] != sys.version.split(" ")[0], "expected Pyodide's own Python, not the host's"
    assert out["checker_file"].endswith(f"/site-packages/{wheel_path().name}/checker/__init__.py")
    assert NOT_HERE in out["unpack"], f"unpackArchive did not meet the stand-ins: {out['unpack'][-300:]}"
    assert len(out["replies"]) == len(REQUESTS)
    for request, reply in zip(REQUESTS, out["replies"], strict=True):
        assert reply == handle(request), request


def test_pyodide_gives_the_same_replies_as_cpython(tmp_path: Path) -> None:
    """Every case (decision and comparison, in English and Spanish) and some bad requests, byte for
    byte, with every module of the stock standard library on hand (as sources) except the three the
    site stands in for; what that run imports is the list the site ships."""
    out = _run(tmp_path, _runtime(tmp_path, {"python_stdlib.zip": sources(), "pyodide-lock.json": LOCK.read_bytes()}))
    _same_as_cpython(out)
    if os.environ.get("REFRESH_STDLIB"):
        write_files(out["stdlib"])
    listed = {line for line in FILES.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")}
    missing = sorted(set(out["stdlib"]) - listed)
    assert missing == [], f"the trimmed stdlib lacks {missing}; refresh it with REFRESH_STDLIB=1 pytest {__file__}"
    # Modules frozen into the wasm run from it: their files in the zip would never be read.
    assert "os.py" in out["frozen"], "expected Pyodide to run os from the wasm's frozen modules"
    shipped = sorted(listed & set(out["frozen"]))
    assert shipped == [], f"the trimmed stdlib ships frozen modules {shipped}; refresh it with REFRESH_STDLIB=1"
    unused = sorted(listed - set(out["stdlib"]))
    assert unused == [], f"the trimmed stdlib ships {unused}, which nothing imports; refresh it with REFRESH_STDLIB=1"
    # The stand-ins were imported, and nothing of what only the real modules import.
    assert set(STAND_INS) <= set(out["stdlib"])
    only_theirs = ("random.", "bz2.", "lzma.", "compression/", "zipfile/_path/")
    real = sorted(n for n in out["stdlib"] if n.startswith(only_theirs))
    assert real == [], f"the real archive modules were imported: {real}"


def test_the_trimmed_stdlib_gives_the_same_replies(tmp_path: Path) -> None:
    """With the files the site writes (only the listed standard-library modules, as bytecode, the
    stand-ins among them, and a lock file without packages), Pyodide starts and answers every case
    the same, and a traceback through the standard library still names its files."""
    written = runtime_files()
    assert len(written["python_stdlib.zip"]) < (PYODIDE / "python_stdlib.zip").stat().st_size / 2
    assert json.loads(written["pyodide-lock.json"])["packages"] == {}
    out = _run(tmp_path, _runtime(tmp_path, written))
    _same_as_cpython(out)
    assert ".zip/json/decoder.py" in out["traceback"]
    assert "JSONDecodeError" in out["traceback"]


def test_the_worker_puts_the_wheel_on_the_path_itself() -> None:
    """The worker puts the checker in place with the code the tests above run (wheel.mjs), never
    with Pyodide's unpackArchive, which the site's Python cannot run."""
    source = WORKER.read_text(encoding="utf-8")
    assert 'import { installWheel } from "./wheel.mjs";' in source
    assert 'installWheel(pyodide, new Uint8Array(bytes), decodeURIComponent(wheel.split("/").pop()))' in source
    assert "unpackArchive" not in source
    assert "docs/javascripts/checker/wheel.mjs" in (ROOT / "tests" / "pyodide" / "run.mjs").read_text(encoding="utf-8")
