"""The README's example runs: its scenario gives exactly the decision excerpt it shows."""

from __future__ import annotations

import json
import re
from pathlib import Path

from checker import decide_json

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_readme_example_is_what_the_checker_prints() -> None:
    """Every value the README shows for its example is the value the checker returns."""
    command = re.search(r"echo '(\{.*?\})' \\\n", README, re.S)
    assert command, "the README's example command was not found"
    scenario = json.loads(command.group(1))
    decision = decide_json(scenario)
    shown = re.search(r"prints \(shortened\):\n\n```json\n(.*?)\n```", README, re.S)
    assert shown, "the README's example output was not found"
    text = shown.group(1)
    for key in ("outcome", "summary", "hold_until"):
        assert f'"{key}": {json.dumps(decision[key], ensure_ascii=False)}' in text, key
    felony = next(r for r in decision["reasons"] if r["provision"] == "pa13-b-1")
    assert json.dumps(felony["text"]) in text
    assert json.dumps(felony["citation"], ensure_ascii=False) in text
    assert f'"effective_to": "{decision["regime"]["effective_to"]}"' in text
    first = decision["what_if"][0]
    assert f'{{"field": "{first["field"]}", "value": "{first["value"]}", "outcome": "{first["outcome"]}"}}' in text
