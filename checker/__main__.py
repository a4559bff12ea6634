"""Command line: ``python -m checker [--compare] [FILE]`` reads one scenario, prints one decision.

Exit status 0 with JSON on stdout; 2 with one line on stderr for invalid input (never a traceback).
"""

from __future__ import annotations

import json
import sys
from typing import Any, TextIO

from checker.engine import VERSION, compare, decide
from checker.questions import questions
from checker.validation import ValidationError, parse

USAGE = """usage: python -m checker [--compare] [FILE]
       python -m checker --questions | --version

Reads one scenario (a JSON object) from FILE, or from standard input when FILE is absent or "-",
and prints the decision as JSON. --compare prints the decision under every version of the law.
--questions prints the question schema the browser form is built from."""


def _fail(stderr: TextIO, message: str) -> int:
    stderr.write(f"error: {message}\n")
    return 2


def _print(stdout: TextIO, data: Any) -> int:
    stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return 0


def main(argv: list[str], stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    """Run the command line; returns the exit status."""
    flags = [a for a in argv if a.startswith("--")]
    paths = [a for a in argv if not a.startswith("--")]
    known = {"--compare", "--questions", "--version", "--help"}
    for flag in flags:
        if flag not in known:
            return _fail(stderr, f"unknown option {flag[:40]} (try --help)")
    if "--help" in flags:
        stdout.write(USAGE + "\n")
        return 0
    if "--version" in flags:
        stdout.write(f"checker {VERSION}\n")
        return 0
    if "--questions" in flags:
        return _print(stdout, questions())
    if len(paths) > 1:
        return _fail(stderr, "give at most one scenario file")
    try:
        if paths and paths[0] != "-":
            with open(paths[0], encoding="utf-8") as handle:
                text = handle.read()
        else:
            text = stdin.read()
    except OSError as exc:
        return _fail(stderr, f"cannot read {paths[0]!r}: {exc.strerror or exc}")
    except UnicodeDecodeError:
        return _fail(stderr, "the scenario is not UTF-8 text")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return _fail(stderr, f"scenario: not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})")
    except RecursionError:
        return _fail(stderr, "scenario: nested too deeply to be a scenario")
    try:
        scenario = parse(data)
    except ValidationError as exc:
        return _fail(stderr, str(exc))
    if "--compare" in flags:
        return _print(stdout, compare(scenario))
    return _print(stdout, decide(scenario))


def run() -> None:
    """Entry point; a last guard so that no traceback ever reaches the reader."""
    try:
        status = main(sys.argv[1:], sys.stdin, sys.stdout, sys.stderr)
    except KeyboardInterrupt:
        status = 130
    except Exception as exc:  # noqa: BLE001 - the contract forbids tracebacks; report and exit
        sys.stderr.write(f"error: internal error ({type(exc).__name__}); please report it\n")
        status = 70
    sys.exit(status)


if __name__ == "__main__":
    run()
