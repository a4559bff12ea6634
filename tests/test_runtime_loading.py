"""How the checker page loads its runtime, in headless Chromium: the two large files are asked for as
the page opens and fetched once; the progress bar shows the share received, then the stages; a
browser that asks to save data downloads nothing until the reader asks, and is told how much."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser

from tests.helpers import READY, SCENARIOS, cli, fill, shown_words
from tools.browser import CHROMIUM_ARGS, chromium_path, serve

HEAVY = ("pyodide.asm.wasm", "python_stdlib.zip")
WORDS = shown_words("en")


@pytest.fixture(scope="module")
def logged(site: Path) -> Iterator[tuple[str, list[str]]]:
    """The built site on its own server, which records every request it answers."""
    log: list[str] = []
    with serve(site, log=log) as url:
        yield url, log


def _sizes(site: Path) -> dict[str, Any]:
    html = (site / "checker" / "index.html").read_text(encoding="utf-8")
    start = html.index('<script type="application/json" class="checker-data">')
    data = html[html.index(">", start) + 1 : html.index("</script>", start)]
    sizes: dict[str, Any] = json.loads(data)["sizes"]
    return sizes


@pytest.mark.parametrize("profile", ["private", "kept"])
def test_the_standard_library_is_preloaded_and_nothing_is_fetched_twice(
    browser: Browser, logged: tuple[str, list[str]], tmp_path: Path, profile: str
) -> None:
    """The page asks for the standard library itself (a preload, in the mode the worker fetches it),
    before its worker does, and the server sends each large file once: in a private window
    (Chromium's cache is then in memory, and did not keep a preloaded 9.6 MB WebAssembly file for
    the worker, which is why that one is not preloaded) and in a kept profile."""
    url, log = logged
    if profile == "private":
        context = browser.new_context()
    else:
        context = browser.browser_type.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True
        )
    context.add_init_script(
        "window.__csp = []; document.addEventListener('securitypolicyviolation',"
        " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    tab = context.new_page()
    log.clear()
    tab.goto(url + "checker/")
    preloads = tab.eval_on_selector_all("link[rel=preload]", "ls => ls.map(l => [l.as, l.crossOrigin, l.href])")
    assert [(kind, mode, href.rsplit("/", 1)[1]) for kind, mode, href in preloads] == [
        ("fetch", "anonymous", "python_stdlib.zip")
    ]
    tab.wait_for_selector(READY, state="attached", timeout=90_000)
    for name in HEAVY:
        sent = [line for line in log if line.startswith("GET ") and line.split()[1].endswith("/" + name)]
        assert len(sent) == 1, f"{name} was sent {len(sent)} times: {sent}"
    assert tab.evaluate("window.__csp") == []
    context.close()


def test_the_progress_bar_shows_the_share_received_then_the_stages(
    browser: Browser, site: Path, logged: tuple[str, list[str]]
) -> None:
    """While the runtime downloads, an accessible progress bar's maximum is the runtime's size from
    the build and its value grows; the decision tables are offered; once ready, the bar is gone,
    and the worker has counted exactly that size (Pyodide's scripts, which it imports, included)."""
    url, _ = logged
    context = browser.new_context()
    context.add_init_script(
        "window.__bars = []; setInterval(() => { const b = document.querySelector('.checker-progress progress');"
        " if (b) window.__bars.push([b.max, b.hasAttribute('value') ? b.value : null,"
        " b.getAttribute('aria-valuetext'), b.getAttribute('aria-label')]); }, 10);"
    )
    tab = context.new_page()
    tab.goto(url + "checker/")
    tab.wait_for_selector(".checker-progress progress", state="attached", timeout=30_000)
    tables = tab.get_attribute(".checker-status a.checker-meanwhile", "href")
    assert tables == "../trust-act/decision-tables/"
    assert tab.get_by_role("progressbar", name=WORDS["ui.progress"]).count() == 1
    tab.wait_for_selector(READY, state="attached", timeout=90_000)
    assert tab.query_selector(".checker-progress") is None
    assert tab.query_selector(".checker-meanwhile") is None
    bars = tab.evaluate("window.__bars")
    counted = _sizes(site)["counted"]
    folder = tab.get_attribute("trust-act-checker", "data-runtime")
    assert folder, "the element names no runtime folder"
    runtime = site / folder.removeprefix("../")
    assert (runtime / "pyodide.asm.mjs").is_file(), runtime
    assert counted >= sum(path.stat().st_size for path in runtime.glob("*") if path.suffix in {".wasm", ".mjs"})
    assert tab.evaluate("document.querySelector('trust-act-checker').runtime.received") == counted
    values = [value for top, value, _, _ in bars if value is not None]
    assert {top for top, value, _, _ in bars if value is not None} == {counted}
    assert values == sorted(values), "the share received went backwards"
    assert any(0 < value < counted for value in values), f"no partial progress was shown: {sorted(set(values))[:5]}"
    texts = {text for _, value, text, _ in bars if value is not None}
    assert all(text.endswith("% downloaded") for text in texts), texts
    # Then indeterminate, named by the stage (Python starting, the rules loading).
    stages = {text for _, value, text, _ in bars if value is None}
    assert stages & {WORDS["ui.stage.python"], WORDS["ui.stage.checker"]}, stages
    context.close()


SAVE_DATA = {
    "data saver": "{saveData: true, effectiveType: '4g'}",
    "2g": "{saveData: false, effectiveType: '2g'}",
    "slow 2g": "{saveData: false, effectiveType: 'slow-2g'}",
}


@pytest.mark.parametrize("connection", SAVE_DATA.values(), ids=SAVE_DATA.keys())
def test_saving_data_downloads_nothing_until_the_reader_asks(
    browser: Browser, site: Path, logged: tuple[str, list[str]], connection: str
) -> None:
    """With Data Saver or a 2G connection, no runtime file is requested; the page says how many MB
    the checker needs; its button (or Check) loads it, and the answer is the command line's."""
    url, _ = logged
    context = browser.new_context()
    context.add_init_script(f"Object.defineProperty(navigator, 'connection', {{ value: {connection} }})")
    tab = context.new_page()
    sent: list[str] = []
    context.on("request", lambda request: sent.append(request.url))
    tab.goto(url + "checker/", wait_until="networkidle")
    tab.wait_for_timeout(1500)
    assert tab.get_attribute("trust-act-checker", "data-state") == "waiting"
    assert [u for u in sent if "/assets/pyodide/" in u or "/assets/checker/" in u or "/checker/worker." in u] == []
    assert tab.query_selector("link[rel=preload]") is None
    sizes = _sizes(site)
    size = f"{sizes['gzip'] / 1e6:.1f}"
    status = tab.inner_text(".checker-status")
    assert f"{size} MB" in status, status
    assert f"{sizes['total'] / 1e6:.1f} MB" in status, status
    button = tab.get_by_role("button", name=WORDS["ui.load"].replace("{size}", size))
    if "saveData: true" in connection:
        button.click()
        tab.wait_for_selector(READY, state="attached", timeout=90_000)
        got = tab.evaluate("s => document.querySelector('trust-act-checker').decide(s)", SCENARIOS[2])
        assert got == cli(SCENARIOS[2])
    else:
        assert button.count() == 1
        fill(tab, SCENARIOS[2])
        tab.click("button.checker-submit")
        tab.wait_for_selector(".checker-answer", timeout=90_000)
        assert tab.get_attribute(".checker-answer", "data-outcome") == cli(SCENARIOS[2])["outcome"]
    assert any(u.endswith("pyodide.asm.wasm") for u in sent)
    context.close()
