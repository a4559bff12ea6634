"""The artefact we ship: the wheel in dist/ holds the package and its data, and decides like the source."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

from checker import decide_json
from tests.cases import CASES

ROOT = Path(__file__).resolve().parents[1]


def wheel_path() -> Path:
    """The single wheel `make wheel` built."""
    wheels = sorted((ROOT / "dist").glob("*.whl"))
    assert len(wheels) == 1, f"expected one wheel in dist/, found {wheels} (run `make wheel`)"
    return wheels[0]


def test_wheel_is_pure_python_with_its_data() -> None:
    """py3-none-any, with the data, messages and py.typed, and nothing from tests or docs."""
    wheel = wheel_path()
    assert wheel.name.endswith("-py3-none-any.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for needed in (
        "checker/__init__.py",
        "checker/py.typed",
        "checker/data/citations.json",
        "checker/data/regimes.json",
        "checker/data/sources.json",
        "checker/messages/en.json",
        "checker/law/s54_192h/__init__.py",
        "checker/law/s54_192h/pa_13_155.py",
    ):
        assert needed in names
    assert not [n for n in names if n.startswith(("tests/", "docs/"))]


def test_unpacked_wheel_decides_like_the_source(tmp_path: Path) -> None:
    """Every case, run through the unpacked wheel in a fresh interpreter, equals the source's decision."""
    zipfile.ZipFile(wheel_path()).extractall(tmp_path)
    scenarios = [c.facts for c in CASES]
    script = (
        "import json, sys, checker\n"
        "assert checker.__file__.startswith(sys.argv[1]), checker.__file__\n"
        "print(json.dumps([checker.decide_json(s) for s in json.load(sys.stdin)]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(tmp_path)!r})\n" + script, str(tmp_path)],
        input=json.dumps(scenarios),
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout) == [decide_json(s) for s in scenarios]
