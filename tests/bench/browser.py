"""Benchmark the checker page in headless Chromium against (a) a bare page that only calls
`loadPyodide()` from the stock runtime and (b) the same checker run through PyScript (from npm,
self-hosted, pointed at the same stock Pyodide). Cold runs (a new browser context each), medians,
ratios against the targets, Lighthouse on two content pages, and a JSON report.

Run with `make bench` (about 13 minutes on 2 cores; it prints how long each part took). Figures
per page, from a server on this machine with no network in between:

- bytes transferred (raw, and as gzip -6 would send them: the test server does not compress);
- time from navigation to "checker ready" (the `checker-ready` performance mark);
- time from a click to the result once ready;
- main-thread blocking time: the part of each long task over 50 ms, for the whole page, and for the
  time Python is loading (from the `checker-start` mark to ready; for the bare and PyScript pages,
  from navigation to ready, since they start Python at once).

Then the throttled run: the checker page and bare Pyodide over a slow phone's link (1.6 Mbps, 150
ms round trip, slowed by the server itself, `network.py`, so the Web Worker's downloads are slowed
too), from a host that compresses with gzip and from one that uses brotli (each sends the `.gz` or
`.br` copies `make build` writes, and compresses the rest on the fly; stock Pyodide gets the same
copies, so both runtimes are compressed alike), each cold (a new private context) and then
repeated in the same context: the bytes that crossed the link, the runtime's share of them, the
time until ready, and any file sent twice.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench.network import Link, Sent, serve_slow  # noqa: E402 - after the path set-up
from tools.browser import CHROMIUM_ARGS, chromium, chromium_path, serve  # noqa: E402
from tools.precompress import LARGE, precompress, write_copies  # noqa: E402
from tools.stdlib import PYODIDE as PYODIDE_PACKAGE  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
LIGHTHOUSE_RUNS = int(os.environ.get("BENCH_LIGHTHOUSE_RUNS", "5"))
THROTTLED_RUNS = int(os.environ.get("BENCH_THROTTLED_RUNS", "3"))
NODE_MODULES = ROOT / "node_modules"
PYODIDE = PYODIDE_PACKAGE  # the one path to the npm package, shared with the build
PYSCRIPT = NODE_MODULES / "@pyscript" / "core"
# The five files of the stock runtime that loadPyodide() fetches.
STOCK = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
CONTENT_PAGES = {"home": "", "law": "trust-act/provisions/"}
# The throttled run's link, and the hosts it is served from (their Content-Encoding).
LINK = Link(rate=1.6e6 / 8, rtt=0.150)
HOSTS = ("gzip", "br")
# Where each page's runtime lives (the bytes a repeat visit should not fetch again).
RUNTIME = {"checker_page": ("/assets/pyodide/", "/assets/checker/"), "bare_pyodide": ("/bench-bare/pyodide/",)}
# The targets: (figure, comparison, limit). Bytes are what the gzip and brotli hosts sent on
# a cold throttled visit; ready_vs_bare is from the runs with no network in between.
TARGETS = [
    ("bytes_gzip_vs_bare", "<=", 0.67),
    ("bytes_brotli_vs_bare", "<=", 0.60),
    ("ready_vs_bare", "<=", 0.60),
    ("throttled_ready_gzip_s", "<=", 23.0),
    ("throttled_ready_brotli_s", "<=", 18.0),
    ("repeat_runtime_bytes", "<=", 0),
    ("ready_vs_pyscript", "<=", 0.70),
    ("checker_blocking_while_loading_ms", "<=", 0.0),
    ("checker_click_to_result_ms", "<=", 100.0),
    ("content_pages_runtime_requests", "<=", 0),
    ("lighthouse_performance_min", ">=", 95),
    ("lighthouse_accessibility_min", ">=", 100),
]

OBSERVE = """
window.__longtasks = [];
new PerformanceObserver(list => {
  for (const e of list.getEntries()) window.__longtasks.push([e.startTime, e.duration]);
}).observe({type: "longtask", buffered: true});
"""
BLOCKING = """() => {
  const mark = name => (performance.getEntriesByName(name)[0] || {startTime: 0}).startTime;
  const from = mark("checker-start"), to = mark("checker-ready");
  const over = ([start, duration]) => Math.max(0, duration - 50);
  return {
    blocking_ms: window.__longtasks.reduce((sum, t) => sum + over(t), 0),
    blocking_while_loading_ms: window.__longtasks
      .filter(([start, duration]) => start + duration > from && start < to)
      .reduce((sum, t) => sum + over(t), 0),
  };
}"""
BARE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bare</title></head><body>
<script type="module">
import { loadPyodide } from "./pyodide/pyodide.mjs";
await loadPyodide({ indexURL: new URL("./pyodide/", location).href });
performance.mark("checker-ready");
document.body.dataset.state = "ready";
</script></body></html>"""
# PyScript's recommended set-up for a page that must not freeze: the code runs in a worker, which
# needs cross-origin isolation (the server sends COOP and COEP for this folder). The wheel is
# fetched through PyScript's `files` and put on the path. A click makes the same one request as the
# site's checker (the decision, the comparison across versions, the worded what-if), but only
# writes text.
PYSCRIPT_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>PyScript</title>
<link rel="stylesheet" href="./pyscript/core.css">
<script type="module" src="./pyscript/core.js"></script>
</head><body>
<button id="go" type="button">Check</button><output id="out"></output>
<script type="py" worker config='{"interpreter": "./pyodide/pyodide.mjs", "files": {"./checker.whl": "./checker.whl"}}'>
import sys, zipfile
zipfile.ZipFile("checker.whl").extractall("/tmp/checker-wheel")
sys.path.insert(0, "/tmp/checker-wheel")
import checker
from pyscript import document, window

def go(event):
    answer = checker.handle(window.benchRequest)
    document.getElementById("out").textContent = answer

document.getElementById("go").onclick = go
window.performance.mark("checker-ready")
document.body.dataset.state = "ready"
</script></body></html>"""
SCENARIO = {"custodian": "municipal_police", "warrant": "judicial"}
REQUEST = {"scenario": SCENARIO, "lang": "en"}
READY_CHECKER = "trust-act-checker[data-state=ready]"
READY_BARE = "body[data-state=ready]"
FAILED = "trust-act-checker[data-state=error]"
CLICK_CHECKER = """async () => {
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
CLICK_PYSCRIPT = """async (request) => {
  window.benchRequest = request;
  const out = document.getElementById("out");
  const start = performance.now();
  document.getElementById("go").click();
  await new Promise(resolve => {
    const seen = () => out.textContent && resolve();
    new MutationObserver(seen).observe(out, {childList: true, characterData: true, subtree: true}); seen();
  });
  if (!JSON.parse(out.textContent).ok) throw new Error(out.textContent);
  return performance.now() - start;
}"""


def _build(out: Path) -> Path:
    site = out / "site"
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},  # PATH too: the build runs node
    )
    precompress(site)  # the .gz and .br copies of the runtime, as `make build` writes them
    for folder, page in (("bench-bare", BARE), ("bench-pyscript", PYSCRIPT_PAGE)):
        (site / folder / "pyodide").mkdir(parents=True)
        for name in STOCK:
            shutil.copyfile(PYODIDE / name, site / folder / "pyodide" / name)
        (site / folder / "index.html").write_text(page, encoding="utf-8")
    # Stock Pyodide's large files get the same copies, so the two runtimes are compressed alike; the
    # files the site copies unchanged (the WebAssembly, the scripts) share the site's copies.
    (runtime,) = (site / "assets" / "pyodide").iterdir()
    fresh = []
    for name in STOCK:
        stock = site / "bench-bare" / "pyodide" / name
        if stock.stat().st_size <= LARGE:
            continue
        if (runtime / name).is_file() and (runtime / name).read_bytes() == stock.read_bytes():
            for suffix in (".gz", ".br"):
                if (runtime / (name + suffix)).is_file():
                    shutil.copyfile(runtime / (name + suffix), stock.with_name(name + suffix))
        else:
            fresh.append(stock)
    write_copies(fresh)
    # PyScript as its npm package ships it, without the source maps.
    shutil.copytree(PYSCRIPT / "dist", site / "bench-pyscript" / "pyscript", ignore=shutil.ignore_patterns("*.map"))
    wheel = next((ROOT / "dist").glob("*-py3-none-any.whl"))
    shutil.copyfile(wheel, site / "bench-pyscript" / "checker.whl")
    return site


def _run(browser: Any, url: str, ready: str, click: str | None) -> dict[str, float]:
    context = browser.new_context()
    context.add_init_script(OBSERVE)
    # Each URL once: a preloaded file is reported again when the worker's request gets it from the
    # cache (whether anything crossed the network twice is the throttled run's server-side count).
    bodies: dict[str, bytes] = {}
    page = context.new_page()
    page.on(
        "response",
        lambda r: bodies.setdefault(r.url, r.body()) if r.request.method == "GET" and r.status == 200 else None,
    )
    page.goto(url)
    page.wait_for_selector(ready, state="attached", timeout=120_000)
    figures = {"ready_ms": page.evaluate("performance.getEntriesByName('checker-ready')[0].startTime")}
    figures.update(page.evaluate(BLOCKING))
    if click == "checker":
        figures["click_to_result_ms"] = page.evaluate(CLICK_CHECKER)
    elif click == "pyscript":
        figures["click_to_result_ms"] = page.evaluate(CLICK_PYSCRIPT, json.dumps(REQUEST))
    page.wait_for_timeout(300)
    figures["bytes_raw"] = sum(len(b) for b in bodies.values())
    figures["bytes_gzip"] = sum(len(gzip.compress(b, 6)) for b in bodies.values())
    context.close()
    return figures


def _version(package: Path) -> str:
    version: str = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
    return version


def _median(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: round(statistics.median(r[key] for r in runs), 1) for key in runs[0]}


def _lighthouse(url: str) -> dict[str, float]:
    """One Lighthouse run, mobile preset (the default), performance and accessibility scores."""
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    result = subprocess.run(
        [
            str(NODE_MODULES / ".bin" / "lighthouse"),
            url,
            "--quiet",
            "--output=json",
            "--output-path=stdout",
            "--only-categories=performance,accessibility",
            f"--chrome-flags={flags}",
        ],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "CHROME_PATH": chromium_path()},
        timeout=300,
    )
    report = json.loads(result.stdout)
    audits = report["audits"]
    return {
        "performance": round(report["categories"]["performance"]["score"] * 100),
        "accessibility": round(report["categories"]["accessibility"]["score"] * 100),
        "fcp_ms": round(audits["first-contentful-paint"]["numericValue"]),
        "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
        "bytes": round(audits["total-byte-weight"]["numericValue"]),
    }


def _content_page(browser: Any, url: str) -> list[str]:
    """The runtime files (Pyodide or the checker wheel) a page without the checker requests: none."""
    context = browser.new_context()
    page = context.new_page()
    urls: list[str] = []
    page.on("request", lambda r: urls.append(r.url))
    page.goto(url)
    page.wait_for_load_state("load")
    page.wait_for_timeout(1500)
    context.close()
    return [u for u in urls if "/assets/pyodide/" in u or "/assets/checker/" in u or "pyodide" in u]


# A browser that does not ask to save data (else the checker page waits for the reader).
NO_SAVE_DATA = "Object.defineProperty(navigator, 'connection', { value: { saveData: false, effectiveType: '4g' } })"


def _visit(page: Any, url: str, ready: str, log: list[Sent], prefixes: tuple[str, ...]) -> dict[str, Any]:
    """One visit over the slow link: time until ready, and what the server sent for it."""
    log.clear()
    page.goto(url, timeout=120_000)
    page.wait_for_selector(f"{ready}, {FAILED}", state="attached", timeout=180_000)
    if page.query_selector(FAILED):
        raise SystemExit(f"{url} failed to load over the slow link: {page.inner_text('.checker-status')}")
    ready_ms = page.evaluate("performance.getEntriesByName('checker-ready')[0].startTime")
    LINK.idle()  # what the page still asks for once ready (the service worker's copies) counts too
    sent = list(log)
    bodies = Counter(s.path for s in sent if s.status == 200 and s.body)
    return {
        "ready_ms": round(ready_ms, 1),
        "bytes": sum(s.body for s in sent),
        "runtime_bytes": sum(s.body for s in sent if s.path.startswith(prefixes)),
        "requests": len(sent),
        "sent_twice": sorted(path for path, n in bodies.items() if n > 1),
    }


def _throttled(browser: Any, base: str, log: list[Sent], name: str) -> dict[str, dict[str, Any]]:
    """A cold visit in a new private context, then a repeat visit in the same context."""
    path, ready = {"checker_page": ("checker/", READY_CHECKER), "bare_pyodide": ("bench-bare/", READY_BARE)}[name]
    context = browser.new_context()
    context.add_init_script(NO_SAVE_DATA)
    page = context.new_page()
    try:
        cold = _visit(page, base + path, ready, log, RUNTIME[name])
        repeat = _visit(page, base + path, ready, log, RUNTIME[name])
    finally:
        context.close()
    return {"cold": cold, "repeat": repeat}


def _throttled_median(runs: list[dict[str, dict[str, Any]]]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for visit in ("cold", "repeat"):
        visits = [r[visit] for r in runs]
        out[visit] = {
            key: round(statistics.median(v[key] for v in visits), 1)
            for key in ("ready_ms", "bytes", "runtime_bytes", "requests")
        }
        out[visit]["sent_twice"] = sorted({p for v in visits for p in v["sent_twice"]})
        out[visit]["ready_ms_runs"] = [v["ready_ms"] for v in visits]
    return out


def _throttled_runs(browser: Any, site: Path) -> dict[str, Any]:
    """THROTTLED_RUNS rounds; each visits both pages from both hosts, interleaved so that the
    machine's own noise falls on all of them alike."""
    logs: dict[str, list[Sent]] = {host: [] for host in HOSTS}
    results: dict[str, dict[str, list[dict[str, dict[str, Any]]]]] = {
        host: {name: [] for name in RUNTIME} for host in HOSTS
    }
    with serve_slow(site, "gzip", LINK, logs["gzip"]) as gzip_base, serve_slow(site, "br", LINK, logs["br"]) as br_base:
        bases = {"gzip": gzip_base, "br": br_base}
        LINK.slow = False  # one fast visit each first: the hosts compress what they compress on the fly
        for host in HOSTS:
            for name in RUNTIME:
                _throttled(browser, bases[host], logs[host], name)
        LINK.slow = True
        for run in range(THROTTLED_RUNS):
            for host in HOSTS:
                for name in RUNTIME:
                    result = _throttled(browser, bases[host], logs[host], name)
                    results[host][name].append(result)
                    cold, repeat = result["cold"], result["repeat"]
                    print(
                        f"  throttled {run + 1}/{THROTTLED_RUNS} {host:4} {name}: cold"
                        f" {cold['ready_ms'] / 1000:.1f} s {cold['bytes']:,} B, repeat"
                        f" {repeat['ready_ms'] / 1000:.1f} s {repeat['runtime_bytes']:,} B of runtime",
                        flush=True,
                    )
    report: dict[str, Any] = {
        "link": {"mbps": LINK.rate * 8 / 1e6, "rtt_ms": round(LINK.rtt * 1000), "protocol": "HTTP/1.1, no TLS"},
        "runs": THROTTLED_RUNS,
    }
    for host in HOSTS:
        report[host] = {name: _throttled_median(runs) for name, runs in results[host].items()}
    return report


def _check(report: dict[str, Any]) -> list[dict[str, Any]]:
    figures = {**report["ratios"]}
    throttled = report["throttled"]
    figures["throttled_ready_gzip_s"] = round(throttled["gzip"]["checker_page"]["cold"]["ready_ms"] / 1000, 2)
    figures["throttled_ready_brotli_s"] = round(throttled["br"]["checker_page"]["cold"]["ready_ms"] / 1000, 2)
    figures["repeat_runtime_bytes"] = max(throttled[host]["checker_page"]["repeat"]["runtime_bytes"] for host in HOSTS)
    figures["checker_blocking_while_loading_ms"] = report["checker_page"]["blocking_while_loading_ms"]
    figures["checker_click_to_result_ms"] = report["checker_page"]["click_to_result_ms"]
    figures["content_pages_runtime_requests"] = sum(
        len(urls) for urls in report["runtime_requests_on_content_pages"].values()
    )
    lighthouse = report["lighthouse"]
    figures["lighthouse_performance_min"] = min(p["performance"] for p in lighthouse.values())
    figures["lighthouse_accessibility_min"] = min(p["accessibility"] for p in lighthouse.values())
    rows = []
    for name, op, limit in TARGETS:
        value = figures[name]
        met = value <= limit if op == "<=" else value >= limit
        rows.append({"figure": name, "value": value, "target": f"{op} {limit}", "met": met})
    return rows


def main() -> None:
    """Build, serve, measure each page RUNS times cold, run Lighthouse, then the throttled run; print
    and save the report."""
    began = time.monotonic()
    print(
        f"make bench: about 13 minutes on 2 cores ({RUNS} cold loads of 3 pages, {LIGHTHOUSE_RUNS} Lighthouse runs"
        f" of 2 pages, {THROTTLED_RUNS} throttled rounds of about 2.5 minutes each; more on a busy machine)",
        flush=True,
    )

    def took(part: str) -> None:
        print(f"{part}: done at {(time.monotonic() - began) / 60:.1f} min", flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        site = _build(Path(tmp))
        took("site built")
        with serve(site, isolated=("/bench-pyscript/",), compress=True) as base, chromium() as browser:
            pages = {
                "checker_page": [_run(browser, base + "checker/", READY_CHECKER, "checker") for _ in range(RUNS)],
                "bare_pyodide": [_run(browser, base + "bench-bare/", READY_BARE, None) for _ in range(RUNS)],
                "pyscript": [_run(browser, base + "bench-pyscript/", READY_BARE, "pyscript") for _ in range(RUNS)],
            }
            took(f"{RUNS} cold loads of each page")
            runtime_on_content_pages = {
                name: _content_page(browser, base + path) for name, path in CONTENT_PAGES.items()
            }
            environment = {
                "chromium": browser.version,
                "cpus": os.cpu_count(),
                "pyodide": _version(PYODIDE),
                "pyscript": _version(PYSCRIPT),
                "lighthouse": _version(NODE_MODULES / "lighthouse"),
                "server": "localhost, text files gzip-encoded; throttled run: network.py",
            }
            lighthouse_runs = {
                name: [_lighthouse(base + path) for _ in range(LIGHTHOUSE_RUNS)] for name, path in CONTENT_PAGES.items()
            }
            took("Lighthouse")
            throttled = _throttled_runs(browser, site)
            took("throttled runs")
    report: dict[str, Any] = {
        "measured": date.today().isoformat(),
        "environment": environment,
        "runs": RUNS,
        **{name: _median(runs) for name, runs in pages.items()},
    }
    c, b, p = report["checker_page"], report["bare_pyodide"], report["pyscript"]
    cold = {host: {name: throttled[host][name]["cold"] for name in RUNTIME} for host in HOSTS}
    report["ratios"] = {
        "bytes_gzip_vs_bare": round(cold["gzip"]["checker_page"]["bytes"] / cold["gzip"]["bare_pyodide"]["bytes"], 3),
        "bytes_brotli_vs_bare": round(cold["br"]["checker_page"]["bytes"] / cold["br"]["bare_pyodide"]["bytes"], 3),
        "bytes_gzip6_vs_bare": round(c["bytes_gzip"] / b["bytes_gzip"], 3),
        "bytes_gzip_vs_pyscript": round(c["bytes_gzip"] / p["bytes_gzip"], 3),
        "ready_vs_bare": round(c["ready_ms"] / b["ready_ms"], 3),
        "ready_vs_pyscript": round(c["ready_ms"] / p["ready_ms"], 3),
    }
    report["lighthouse_runs"] = LIGHTHOUSE_RUNS
    report["lighthouse"] = {name: _median(runs) for name, runs in lighthouse_runs.items()}
    # Lighthouse's simulated slow phone multiplies the machine's own noise: keep every score.
    report["lighthouse_performance_scores"] = {
        name: [run["performance"] for run in runs] for name, runs in lighthouse_runs.items()
    }
    report["runtime_requests_on_content_pages"] = runtime_on_content_pages
    report["throttled"] = throttled
    report["targets"] = _check(report)
    text = json.dumps(report, indent=2) + "\n"
    print(text)
    for row in report["targets"]:
        print(f"{'met ' if row['met'] else 'MISSED'}  {row['figure']}: {row['value']} (target {row['target']})")
    # The full report, and the copy the site's "Speed and size" page shows (committed with the site).
    for out in (ROOT / "dist" / "bench-report.json", ROOT / "docs" / "data" / "bench.json"):
        out.parent.mkdir(exist_ok=True)
        out.write_text(text, encoding="utf-8")
        print(f"report written to {out.relative_to(ROOT)}")
    took("make bench")


if __name__ == "__main__":
    main()
