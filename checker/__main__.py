"""Command line: ``python -m checker [--compare] [--lang es] [FILE]`` reads one scenario, prints one decision.

Exit status 0 with JSON on stdout; 2 with one line on stderr for invalid input (never a traceback).
"""

from __future__ import annotations

import io
import json
import sys
from typing import Any, TextIO

from checker.engine import VERSION, compare, decide
from checker.messages import LANGUAGES
from checker.questions import questions
from checker.validation import ValidationError, loads, parse

USAGE = """usage: python -m checker [--compare] [--lang LANG] [FILE]
       python -m checker --questions [--lang LANG] | --version

Reads one scenario (a JSON object) from FILE, or from standard input when FILE is absent or "-",
and prints the decision as JSON. --compare prints the decision under every version of the law.
--questions prints the question schema the browser form is built from. --lang es words the
decision, the schema and the input errors in Spanish (default: en)."""


def _fail(stderr: TextIO, message: str) -> int:
    stderr.write(f"error: {message}\n")
    return 2


def _print(stdout: TextIO, data: Any) -> int:
    """Write JSON; where the output's encoding cannot hold a character (§, é), escape it as JSON does."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    try:
        text.encode(getattr(stdout, "encoding", None) or "utf-8")
    except (UnicodeEncodeError, LookupError):
        text = json.dumps(data, indent=2)
    stdout.write(text + "\n")
    return 0


def main(argv: list[str], stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    """Run the command line; returns the exit status."""
    lang = "en"
    rest: list[str] = []
    args = iter(argv)
    for arg in args:
        if arg == "--lang" or arg.startswith("--lang="):
            value = arg.partition("=")[2] if "=" in arg else next(args, "")
            if value not in LANGUAGES:
                return _fail(stderr, f"--lang: no messages for language {value[:20]!r} (use {' or '.join(LANGUAGES)})")
            lang = value
        else:
            rest.append(arg)
    argv = rest
    flags = [a for a in argv if a.startswith("--")]
    paths = [a for a in argv if not a.startswith("--")]
    known = {"--compare", "--questions", "--version", "--help"}
    for flag in flags:
        if flag not in known:
            return _fail(stderr, f"unknown option {flag[:40]!r} (try --help)")
    if "--help" in flags:
        stdout.write(USAGE + "\n")
        return 0
    if "--version" in flags:
        stdout.write(f"checker {VERSION}\n")
        return 0
    if "--questions" in flags:
        return _print(stdout, questions(lang))
    if len(paths) > 1:
        return _fail(stderr, "give at most one scenario file")
    source = paths[0] if paths and paths[0] != "-" else None
    try:
        if source is not None:
            with open(source, encoding="utf-8") as handle:
                text = handle.read()
        else:
            text = stdin.read()
    except OSError as exc:
        return _fail(stderr, f"cannot read {source or 'standard input'!r}: {exc.strerror or exc}")
    except UnicodeDecodeError:
        return _fail(stderr, "the scenario is not UTF-8 text")
    except ValueError:  # a path with a NUL character in it
        return _fail(stderr, f"cannot read {source!r}: not a usable file name")
    try:
        scenario = parse(loads(text))
    except ValidationError as exc:
        return _fail(stderr, exc.text(lang))
    if "--compare" in flags:
        return _print(stdout, compare(scenario, lang=lang))
    return _print(stdout, decide(scenario, lang=lang))


def _utf8(stdin: TextIO | None) -> TextIO:
    """Standard input read as UTF-8 (as JSON is, and as files are read), whatever the locale says."""
    if stdin is None:
        return io.StringIO("")
    buffer = getattr(stdin, "buffer", None)
    return stdin if buffer is None else io.TextIOWrapper(buffer, encoding="utf-8")


def run() -> None:
    """Entry point; a last guard so that no traceback ever reaches the reader."""
    try:
        status = main(sys.argv[1:], _utf8(sys.stdin), sys.stdout, sys.stderr)
    except KeyboardInterrupt:
        status = 130
    except Exception as exc:  # noqa: BLE001 - the contract forbids tracebacks; report and exit
        sys.stderr.write(f"error: internal error ({type(exc).__name__}); please report it\n")
        status = 70
    sys.exit(status)


if __name__ == "__main__":
    run()
