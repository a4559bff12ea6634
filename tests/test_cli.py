"""The JSON contract of ``python -m checker``: decisions on stdout, one clear line on stderr for bad input."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from checker import MAX_CONVICTIONS, REGIMES, compare_json, decide_json, questions
from checker.__main__ import main
from checker.messages import catalogue
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


# --- Pathological input: each still gives exit 2 and one line, or the same decision ---------------


def test_a_number_too_long_for_python_is_one_line_not_a_crash() -> None:
    """An integer of 4,301 digits (beyond Python's conversion limit) exits 2 with one line."""
    text = '{"as_of": ' + "1" * 4301 + "}"
    status, out, err = _main(stdin=text)
    assert (status, out) == (2, "")
    assert err == "error: scenario: not valid JSON (a number has too many digits)\n"
    result = _run(stdin=text)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", err)


@pytest.mark.parametrize(
    ("stdin", "field"),
    [
        ('{"as_of\\n": 1}', '"as_of\\n"'),
        ('{"as_of": "2020-01-01\\n"}', "as_of"),
        ('{"release_at": "2020-01-01T10:00\\n"}', "release_at"),
        ('{"convictions": [{"class": "B", "statute": "53a-70\\n"}]}', "convictions[0].statute"),
        ('{"convictions": [{"class": "B\\n"}]}', "convictions[0].class"),
    ],
)
def test_a_trailing_newline_is_refused_on_one_line(stdin: str, field: str) -> None:
    """A value or a field name ending in a newline is not taken for the plain one, and the error stays on one line."""
    status, out, err = _main(stdin=stdin)
    assert (status, out) == (2, "")
    assert err.startswith(f"error: {field}: ")
    assert err.count("\n") == 1


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    """A scenario saved with a UTF-8 byte-order mark, in a file or on stdin, gets its decision."""
    facts = CASES[0].facts
    path = tmp_path / "scenario.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(facts).encode())
    from_file = _run(str(path))
    from_stdin = subprocess.run(
        [sys.executable, "-m", "checker"], input=path.read_bytes(), capture_output=True, cwd=ROOT, check=False
    )
    assert from_file.returncode == from_stdin.returncode == 0, from_file.stderr
    assert json.loads(from_file.stdout) == json.loads(from_stdin.stdout) == decide_json(facts)


def test_input_is_read_as_utf8_and_output_fits_the_terminal() -> None:
    """Whatever the locale's encoding, input is UTF-8 and the output is JSON the terminal can show."""
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    facts = CASES[0].facts
    result = subprocess.run(
        [sys.executable, "-m", "checker"],
        input=json.dumps(facts),
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.isascii()
    assert json.loads(result.stdout) == decide_json(facts)
    latin = {**os.environ, "PYTHONIOENCODING": "latin-1"}
    bad = subprocess.run(
        [sys.executable, "-m", "checker"],
        input=b'{"as_of": "\xe9"}',
        capture_output=True,
        cwd=ROOT,
        env=latin,
        check=False,
    )
    assert (bad.returncode, bad.stdout, bad.stderr) == (2, b"", b"error: the scenario is not UTF-8 text\n")


def test_odd_arguments_stay_on_one_line() -> None:
    """An option or a file name with a newline or a NUL in it is quoted, on one line."""
    for args in (["--x\ny"], ["no\nsuch.json"], ["nul\x00.json"]):
        status, out, err = _main(*args)
        assert (status, out) == (2, "")
        assert err.count("\n") == 1, args


def test_the_number_of_convictions_is_capped() -> None:
    """The question schema states the cap; that many convictions are answered, one more is refused."""
    schema = next(f for f in questions()["fields"] if f["id"] == "convictions")
    cap = schema["max_items"]
    assert cap == MAX_CONVICTIONS
    assert decide_json({"convictions": [{"class": "misdemeanor"}] * cap})["outcome"]
    status, out, err = _main(stdin=json.dumps({"convictions": [{}] * (cap + 1)}))
    assert (status, out) == (2, "")
    words = catalogue("en")["q.convictions.too_many"].format(count=cap + 1, max=cap)
    assert err == f"error: convictions: {words}\n"
    assert words.startswith(f"{cap + 1} convictions are more than the checker takes ({cap})")
    huge = _main(stdin=json.dumps({"convictions": [None] * 100_000}))
    assert huge[0] == 2
    assert huge[2].startswith("error: convictions: 100000 convictions are more than")


@pytest.mark.parametrize("flag", [["--lang", "es"], ["--lang=es"]])
def test_lang_es_words_the_decision_the_schema_and_errors_in_spanish(flag: list[str]) -> None:
    """English unless asked: --lang es prints the Spanish decision, comparison, schema and input errors."""
    scenario = {"as_of": "2021-03-03", "custodian": "municipal_police", "warrant": "administrative"}
    english = _run(stdin=json.dumps(scenario))
    assert json.loads(english.stdout) == decide_json(scenario)
    spanish = _run(*flag, stdin=json.dumps(scenario))
    assert spanish.returncode == 0
    assert json.loads(spanish.stdout) == decide_json(scenario, "es")
    assert json.loads(spanish.stdout)["summary"] != json.loads(english.stdout)["summary"]
    compared = _run(*flag, "--compare", stdin=json.dumps(scenario))
    assert json.loads(compared.stdout) == compare_json(scenario, "es")
    assert json.loads(_run(*flag, "--questions").stdout) == questions("es")
    bad = _run(*flag, stdin=json.dumps({"convictions": [{"statute": "Sec. 53a-70"}]}))
    assert bad.returncode == 2
    assert (
        bad.stderr
        == "error: convictions[0].statute: 'Sec. 53a-70' "
        + catalogue("es")["q.statute.bad"].format(value="").lstrip()
        + "\n"
    )
    assert "no es" in bad.stderr


def test_an_unknown_lang_is_refused() -> None:
    """--lang with a language the checker has no words for exits 2 with one line naming it."""
    result = _run("--lang", "fr", stdin="{}")
    assert result.returncode == 2
    assert result.stderr == "error: --lang: no messages for language 'fr' (use en or es)\n"
    assert result.stdout == ""
