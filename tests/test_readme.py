"""The README's example runs: its scenario gives exactly the decision excerpt it shows."""

from __future__ import annotations

import json
import re
from pathlib import Path

from checker import MAX_CONVICTIONS, decide_json

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


def test_readme_shows_the_latest_bench_report() -> None:
    """The figures the README quotes from `make bench` are those of the committed report."""
    report = json.loads((Path(__file__).resolve().parents[1] / "docs" / "data" / "bench.json").read_text("utf-8"))
    text = " ".join(README.split())
    checker, ratios = report["checker_page"], report["ratios"]
    shown = re.search(r"Latest run \((\d{4}-\d\d-\d\d), (\d+) cores\)", text)
    assert shown, "the README's bench paragraph was not found"
    assert shown.group(1) == report["measured"]
    assert int(shown.group(2)) == report["environment"]["cpus"]
    assert f"downloads {checker['bytes_gzip'] / 1e6:.2f} MB" in text
    throttled = report.get("throttled")
    if throttled:  # the slow link's run: what each host sent, and when the checker was ready
        for host, name in (("gzip", "gzip"), ("br", "brotli")):
            cold = throttled[host]["checker_page"]["cold"]
            ratio = ratios[f"bytes_{name}_vs_bare"]
            assert f"a {name} host sends {cold['bytes'] / 1e6:.2f} MB ({ratio:g} times stock Pyodide)" in text
            assert f"ready after {cold['ready_ms'] / 1000:.1f} s from the {name} host" in text
        again = max(throttled[host]["checker_page"]["repeat"]["runtime_bytes"] for host in ("gzip", "br"))
        assert f"a later visit downloads {again:,.0f} bytes of the runtime" in text
    else:
        assert f"{ratios['bytes_gzip_vs_bare']:g} times stock Pyodide" in text
    assert f"ready in {checker['ready_ms'] / 1000:.2f} s, {ratios['ready_vs_bare']:.2f} times stock" in text
    assert f"{ratios['ready_vs_pyscript']:.2f} times PyScript" in text
    assert f"answered in {checker['click_to_result_ms']:.0f} ms" in text
    lighthouse = report["lighthouse"]
    assert f"home page {lighthouse['home']['performance']} and the law page {lighthouse['law']['performance']}" in text


def test_readme_states_the_cap_on_convictions() -> None:
    """The contract table gives the same cap on convictions as the checker enforces."""
    row = next(line for line in README.splitlines() if line.startswith("| `convictions` |"))
    assert f"a list (`[]` for none) of at most {MAX_CONVICTIONS} " in row
    assert f"({MAX_CONVICTIONS}); …" in row
