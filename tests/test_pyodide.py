"""Parity: the built wheel, loaded in real Pyodide under Node, answers exactly as CPython does, with
the npm package's full standard library and with the trimmed one the site serves."""

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
from tools.stdlib import COPIED, FILES, PYODIDE, runtime_files, write_files

ROOT = Path(__file__).resolve().parents[1]
REQUESTS = (
    [json.dumps({"scenario": c.facts}) for c in CASES]
    + [json.dumps({"scenario": c.facts, "lang": "es"}) for c in CASES]
    + ["not json", json.dumps({"scenario": {"as_of": "2019-02-29"}}), json.dumps({"scenario": []})]
)


def _run(tmp_path: Path, index: Path | None = None) -> dict[str, Any]:
    node = shutil.which("node")
    assert node, "node is required for the Pyodide parity test"
    assert (PYODIDE / "pyodide.mjs").exists(), "run `make setup` (npm ci) first"
    path = tmp_path / "requests.json"
    path.write_text(json.dumps(REQUESTS), encoding="utf-8")
    command = [node, str(ROOT / "tests" / "pyodide" / "run.mjs"), str(wheel_path()), str(path)]
    result = subprocess.run(
        [*command, *([str(index)] if index else [])], capture_output=True, text=True, cwd=ROOT, check=False, timeout=300
    )
    assert result.returncode == 0, result.stderr[-2000:]
    out: dict[str, Any] = json.loads(result.stdout)
    return out


def _same_as_cpython(out: dict[str, Any]) -> None:
    assert out["platform"] == "emscripten"
    assert out["python"] != sys.version.split(" ")[0], "expected Pyodide's own Python, not the host's"
    assert "/site-packages/checker/" in out["checker_file"]
    assert len(out["replies"]) == len(REQUESTS)
    for request, reply in zip(REQUESTS, out["replies"], strict=True):
        assert reply == handle(request), request


def test_pyodide_gives_the_same_replies_as_cpython(tmp_path: Path) -> None:
    """Every case (decision and comparison, in English and Spanish) and some bad requests, byte for byte."""
    out = _run(tmp_path)
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


def test_the_trimmed_stdlib_gives_the_same_replies(tmp_path: Path) -> None:
    """With the files the site writes (only the listed standard-library modules, as bytecode, and a
    lock file without packages), Pyodide starts and answers every case the same, and a traceback
    through the standard library still names its files."""
    index = tmp_path / "runtime"
    index.mkdir()
    for name in (*COPIED, "package.json"):
        shutil.copyfile(PYODIDE / name, index / name)
    written = runtime_files()
    for name, data in written.items():
        (index / name).write_bytes(data)
    assert len(written["python_stdlib.zip"]) < (PYODIDE / "python_stdlib.zip").stat().st_size / 2
    assert json.loads(written["pyodide-lock.json"])["packages"] == {}
    out = _run(tmp_path, index)
    _same_as_cpython(out)
    assert ".zip/json/decoder.py" in out["traceback"]
    assert "JSONDecodeError" in out["traceback"]
