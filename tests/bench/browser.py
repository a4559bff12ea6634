"""Benchmark the checker page in headless Chromium against a bare page that only loads the stock
Pyodide runtime. Cold runs (a new browser context each), medians, ratios, and a JSON report.

Run with `make bench`. Figures: bytes transferred (raw, and as gzip would send them), time from
navigation to "checker ready" (or to loadPyodide() resolving, for the bare page), time from a
click to the result once ready, and main-thread blocking time (long tasks over 50 ms).
"""

from __future__ import annotations

import gzip
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from overrides.build.browser import chromium, serve  # noqa: E402 - after the path set-up above

RUNS = 5
PYODIDE = ROOT / "node_modules" / "pyodide"
STOCK = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
OBSERVE = """
window.__blocking = 0;
new PerformanceObserver(list => {
  for (const e of list.getEntries()) window.__blocking += Math.max(0, e.duration - 50);
}).observe({type: "longtask", buffered: true});
"""
BARE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bare</title></head><body>
<script type="module">
import { loadPyodide } from "./pyodide/pyodide.mjs";
await loadPyodide({ indexURL: new URL("./pyodide/", location).href });
performance.mark("checker-ready");
document.body.dataset.state = "ready";
</script></body></html>"""
CLICK = """async () => {
  const el = document.querySelector("trust-act-checker");
  el.querySelector("select[name=custodian]").value = "municipal_police";
  el.querySelector("input[name=warrant][value=judicial]").checked = true;
  const start = performance.now();
  el.querySelector("button.checker-submit").click();
  await new Promise(resolve => {
    const seen = () => el.querySelector(".checker-answer") && resolve();
    new MutationObserver(seen).observe(el, {childList: true, subtree: true}); seen();
  });
  return performance.now() - start;
}"""


def _build(out: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "--strict", "--site-dir", str(out / "site")],
        cwd=ROOT,
        check=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    bare = out / "site" / "bench-bare"
    (bare / "pyodide").mkdir(parents=True)
    for name in STOCK:
        shutil.copyfile(PYODIDE / name, bare / "pyodide" / name)
    (bare / "index.html").write_text(BARE, encoding="utf-8")


def _run(browser: Any, url: str, ready: str, click: bool) -> dict[str, float]:
    context = browser.new_context()
    context.add_init_script(OBSERVE)
    bodies: list[bytes] = []
    page = context.new_page()
    page.on("response", lambda r: bodies.append(r.body()) if r.request.method == "GET" and r.status == 200 else None)
    page.goto(url)
    page.wait_for_selector(ready, state="attached", timeout=120_000)
    figures = {
        "ready_ms": page.evaluate("performance.getEntriesByName('checker-ready')[0].startTime"),
        "blocking_ms": page.evaluate("window.__blocking"),
    }
    if click:
        figures["click_to_result_ms"] = page.evaluate(CLICK)
    page.wait_for_timeout(300)
    figures["bytes_raw"] = sum(len(b) for b in bodies)
    figures["bytes_gzip"] = sum(len(gzip.compress(b, 6)) for b in bodies)
    context.close()
    return figures


def _median(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: round(statistics.median(r[key] for r in runs), 1) for key in runs[0]}


def main() -> None:
    """Build, serve, measure both pages RUNS times cold, and print and save the medians and ratios."""
    with tempfile.TemporaryDirectory() as tmp:
        _build(Path(tmp))
        with serve(Path(tmp) / "site") as base, chromium() as browser:
            checker = [
                _run(browser, base + "checker/", "trust-act-checker[data-state=ready]", True) for _ in range(RUNS)
            ]
            bare = [_run(browser, base + "bench-bare/", "body[data-state=ready]", False) for _ in range(RUNS)]
    report: dict[str, Any] = {"runs": RUNS, "checker_page": _median(checker), "bare_pyodide": _median(bare)}
    c, b = report["checker_page"], report["bare_pyodide"]
    report["ratios"] = {
        "bytes_gzip_vs_bare": round(c["bytes_gzip"] / b["bytes_gzip"], 3),
        "ready_vs_bare": round(c["ready_ms"] / b["ready_ms"], 3),
    }
    report["not_measured"] = ["PyScript comparison (not built yet)"]
    out = ROOT / "dist" / "bench-report.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))
    print(f"report written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
