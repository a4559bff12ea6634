"""The artefact we ship: the wheel in dist/ holds the package and its data, and decides like the source."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from checker import decide_json
from tests.cases import CASES
from tests.helpers import wheel_path

ROOT = Path(__file__).resolve().parents[1]


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


def test_wheel_carries_only_the_checkers_words() -> None:
    """The wheel's catalogues hold no site words (editing a caption leaves the wheel unchanged), and
    its metadata carries no README."""
    with zipfile.ZipFile(wheel_path()) as wheel:
        for lang in ("en", "es"):
            words = json.loads(wheel.read(f"checker/messages/{lang}.json"))
            assert [k for k in words if k.startswith(("site.", "ui.", "label."))] == [], lang
        metadata = next(wheel.read(n).decode() for n in wheel.namelist() if n.endswith(".dist-info/METADATA"))
    assert "Description-Content-Type" not in metadata
    assert "## How it is built" not in metadata


@pytest.mark.parametrize("unpacked", [True, False], ids=["unpacked", "archive"])
def test_the_wheel_decides_like_the_source(tmp_path: Path, unpacked: bool) -> None:
    """Every case, run in a fresh interpreter through the wheel unpacked and through the wheel itself
    on ``sys.path`` (as the site's worker runs it: its data read from the archive), equals the
    source's decision."""
    if unpacked:
        zipfile.ZipFile(wheel_path()).extractall(tmp_path)
        where = str(tmp_path)
    else:
        where = str(wheel_path())
    scenarios = [c.facts for c in CASES]
    script = (
        "import json, sys, checker\n"
        "assert checker.__file__.startswith(sys.argv[1]), checker.__file__\n"
        "print(json.dumps([checker.decide_json(s) for s in json.load(sys.stdin)]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {where!r})\n" + script, where],
        input=json.dumps(scenarios),
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    assert json.loads(result.stdout) == [decide_json(s) for s in scenarios]
