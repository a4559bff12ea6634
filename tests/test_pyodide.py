"""Parity: the built wheel, loaded in real Pyodide under Node, answers exactly as CPython does."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from checker import handle
from tests.cases import CASES
from tests.test_wheel import wheel_path

ROOT = Path(__file__).resolve().parents[1]


def test_pyodide_gives_the_same_replies_as_cpython(tmp_path: Path) -> None:
    """Every case (decision and comparison) and some bad requests, byte for byte, in Pyodide."""
    node = shutil.which("node")
    assert node, "node is required for the Pyodide parity test"
    assert (ROOT / "node_modules" / "pyodide" / "pyodide.mjs").exists(), "run `make setup` (npm ci) first"
    requests = [json.dumps({"scenario": c.facts}) for c in CASES]
    requests += [json.dumps({"scenario": c.facts, "compare": True}) for c in CASES]
    requests += ["not json", json.dumps({"scenario": {"as_of": "2019-02-29"}}), json.dumps({"scenario": []})]
    path = tmp_path / "requests.json"
    path.write_text(json.dumps(requests), encoding="utf-8")
    result = subprocess.run(
        [node, str(ROOT / "tests" / "pyodide" / "run.mjs"), str(wheel_path()), str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    out = json.loads(result.stdout)
    assert out["platform"] == "emscripten"
    assert out["python"] != sys.version.split(" ")[0], "expected Pyodide's own Python, not the host's"
    assert "/site-packages/checker/" in out["checker_file"]
    assert len(out["replies"]) == len(requests)
    for request, reply in zip(requests, out["replies"], strict=True):
        assert reply == handle(request), request
