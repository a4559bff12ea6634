"""The speed page: the latest `make bench` figures (``docs/data/bench.json``), the checker page
against stock Pyodide and PyScript, the throttled run over a slow phone's link from a gzip and a
brotli host (first and later visit), each target met or missed, and Lighthouse on two content
pages, rendered into ``overrides/partials/bench.html``."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from mkdocs.exceptions import PluginError

from overrides.sitegen.context import Context
from overrides.sitegen.data import DATA
from overrides.sitegen.templates import render

__all__ = ["PAGES", "bench"]

PAGES = ("checker_page", "bare_pyodide", "pyscript")
# Each figure: its unit, the divisor from the report's unit, and the digits shown.
FIGURES: dict[str, tuple[str, float, int]] = {
    "bytes_gzip": ("MB", 1e6, 2),
    "bytes_raw": ("MB", 1e6, 2),
    "ready_ms": ("s", 1000, 2),
    "click_to_result_ms": ("ms", 1, 0),
    "blocking_while_loading_ms": ("ms", 1, 0),
}


# The throttled run's hosts (their Content-Encoding) and pages, in the order shown.
HOSTS = ("gzip", "br")
THROTTLED_PAGES = ("checker_page", "bare_pyodide")


def _throttled(report: dict[str, Any], ctx: Context) -> dict[str, Any] | None:
    """The throttled run's rows (one per host and page) and its introduction; None for a report
    from before the bench had that run."""
    throttled = report.get("throttled")
    if not throttled:
        return None
    lang = ctx.lang
    number = lang.number
    rows = []
    for host in HOSTS:
        for name in THROTTLED_PAGES:
            cold, repeat = throttled[host][name]["cold"], throttled[host][name]["repeat"]
            rows.append(
                {
                    "host": host,
                    "page": name,
                    "cells": [
                        f"{number(cold['bytes'] / 1e6, 2)} MB",
                        f"{number(cold['ready_ms'] / 1000, 1)} s",
                        f"{number(repeat['runtime_bytes'], 0)} B",
                        f"{number(repeat['ready_ms'] / 1000, 1)} s",
                    ],
                }
            )
    link = throttled["link"]
    intro = lang(
        "site.bench.throttled_intro",
        mbps=number(link["mbps"], 1),
        rtt=link["rtt_ms"],
        runs=throttled["runs"],
    )
    return {"rows": rows, "intro": intro}


def bench(ctx: Context) -> str:
    """The three tables of the speed page, in the language being built."""
    path = DATA / "bench.json"
    if not path.exists():
        raise PluginError("docs/data/bench.json is missing (run `make bench`)")
    report = json.loads(path.read_text(encoding="utf-8"))
    lang = ctx.lang
    number = lang.number
    figures = [
        {
            "key": key,
            "cells": [
                f"{number(report[name][key] / divisor, digits)} {unit}" if key in report[name] else "—"
                for name in PAGES
            ],
        }
        for key, (unit, divisor, digits) in FIGURES.items()
    ]

    def target(row: dict[str, Any]) -> dict[str, str]:
        value, name = row["value"], row["figure"]
        op, limit = row["target"].split()
        return {
            "figure": name,
            "shown": number(value, 2 if name.startswith(("bytes_", "ready_", "throttled_")) else 0),
            "goal": {"<=": "≤", ">=": "≥"}[op] + " " + number(float(limit), 0 if float(limit).is_integer() else 2),
            "met": lang("site.bench.met" if row["met"] else "site.bench.missed"),
        }

    scores = report.get("lighthouse_performance_scores", {})

    def spread(name: str) -> str:
        runs = scores.get(name, [])
        return f" ({min(runs)}\u2013{max(runs)})" if len(runs) > 1 and min(runs) != max(runs) else ""

    lighthouse = [
        {
            "name": name,
            "performance": f"{page['performance']}{spread(name)}",
            "accessibility": page["accessibility"],
            "tbt": f"{number(page['tbt_ms'], 0)} ms",
            "lcp": f"{number(page['lcp_ms'] / 1000, 1)} s",
        }
        for name, page in report["lighthouse"].items()
    ]
    env = report["environment"]
    intro = lang(
        "site.bench.intro",
        date=lang.long_date(dt.date.fromisoformat(report["measured"])),
        runs=report["runs"],
        chromium=env["chromium"],
        cpus=env["cpus"],
        pyodide=env["pyodide"],
        pyscript=env["pyscript"],
    )
    return render(
        "bench.html",
        words=lang.words,
        pages=PAGES,
        intro=intro,
        figures=figures,
        throttled=_throttled(report, ctx),
        targets=[target(row) for row in report["targets"]],
        lighthouse=lighthouse,
        lighthouse_intro=lang("site.bench.lighthouse_intro", runs=report["lighthouse_runs"], version=env["lighthouse"]),
    )
