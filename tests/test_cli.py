"""The JSON contract of ``python -m checker``: decisions on stdout, one clear line on stderr for bad input."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from checker import REGIMES, decide_json
from checker.__main__ import main
from tests.cases import CASES

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "checker", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


def _main(*args: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(args), io.StringIO(stdin), out, err)
    return status, out.getvalue(), err.getvalue()


def test_stdin_and_file_give_the_same_decision(tmp_path: Path) -> None:
    """A scenario read from stdin or from a file path gives the same decision, exit status 0."""
    facts = CASES[0].facts
    path = tmp_path / "scenario.json"
    path.write_text(json.dumps(facts), encoding="utf-8")
    from_stdin = _run(stdin=json.dumps(facts))
    from_file = _run(str(path))
    assert from_stdin.returncode == from_file.returncode == 0
    assert from_stdin.stderr == ""
    assert json.loads(from_stdin.stdout) == json.loads(from_file.stdout) == decide_json(facts)


def test_compare_prints_every_regime_in_order() -> None:
    """--compare prints a list with the decision under each regime, oldest first."""
    result = _run("--compare", stdin=json.dumps({"custodian": "municipal_police", "convictions": [{"class": "C"}]}))
    assert result.returncode == 0
    decisions = json.loads(result.stdout)
    assert [d["regime"]["id"] for d in decisions] == [r.id for r in REGIMES]
    assert [d["outcome"] for d in decisions] == ["no_state_limit", "may_hold", "depends", "depends"]


@pytest.mark.parametrize(
    ("stdin", "field"),
    [
        ("{", "scenario"),
        ("[]", "scenario"),
        ('{"colour": "red"}', "colour"),
        ('{"as_of": "2024-02-30"}', "as_of"),
        ('{"as_of": "24-01-01"}', "as_of"),
        ('{"as_of": 20240101}', "as_of"),
        ('{"custodian": "sheriff"}', "custodian"),
        ('{"warrant": true}', "warrant"),
        ('{"convictions": "B"}', "convictions"),
        ('{"convictions": [{"class": "F"}]}', "convictions[0].class"),
        ('{"convictions": [{"class": "B", "year": 2001}]}', "convictions[0].year"),
        ('{"convictions": [{"class": "B", "statute": "murder"}]}', "convictions[0].statute"),
        ('{"gang_database": "yes"}', "gang_database"),
        ('{"public_safety_risk": 1}', "public_safety_risk"),
        ('{"release_at": "2024-01-01 10:00"}', "release_at"),
        ('{"release_at": "2024-01-01T25:00"}', "release_at"),
        ('{"release_at": "9999-12-31T23:00", "custodian": "correction", "gang_database": true}', "release_at"),
    ],
)
def test_invalid_input_exits_2_with_one_line_naming_the_field(stdin: str, field: str) -> None:
    """Bad JSON, unknown fields, wrong types, impossible dates and unknown values: status 2, one line."""
    status, out, err = _main(stdin=stdin)
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"error: {field}:")


def test_invalid_input_through_the_real_process() -> None:
    """The same holds for the real command: no traceback, nothing on stdout."""
    result = _run(stdin='{"as_of": "2019-02-29"}')
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == "error: as_of: '2019-02-29' is not a real calendar date\n"


def test_missing_file_and_unknown_option() -> None:
    """A missing file and an unknown option are errors of their own, with status 2."""
    assert _run("no-such-file.json").returncode == 2
    assert "Traceback" not in _run("no-such-file.json").stderr
    assert _run("--frobnicate").returncode == 2


def test_questions_and_version() -> None:
    """--questions prints the schema; --version prints the version."""
    result = _run("--questions")
    assert result.returncode == 0
    assert next(f["id"] for f in json.loads(result.stdout)["fields"]) == "as_of"
    assert _run("--version").stdout.startswith("checker ")
