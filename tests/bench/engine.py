"""Benchmark the rules engine in CPython: decisions per second, with and without what-if.

Run with `make bench`. Prints medians of several runs; speed targets live here, not in the tests.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from checker import compare, decide, parse
from tests.cases import CASES


def _time(fn: object, runs: int = 7) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    """Time every case: a decision, a decision with what-if, and a comparison."""
    scenarios = [parse(c.facts) for c in CASES]
    n = len(scenarios)
    bare = _time(lambda: [decide(s, with_what_if=False) for s in scenarios])
    full = _time(lambda: [decide(s) for s in scenarios])
    both = _time(lambda: [compare(s) for s in scenarios])
    report = {
        "cases": n,
        "decision_ms": round(bare / n * 1000, 3),
        "decision_with_what_if_ms": round(full / n * 1000, 3),
        "comparison_ms": round(both / n * 1000, 3),
        "python": sys.version.split(" ")[0],
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
