"""Releases and the service worker, in headless Chromium: a returning reader gets a new release's
pages and scripts at once (never one release's element.js with another's worker), the pages kept
for offline survive the release, and a runtime file that neither the network nor the cache has is
reported at once.

Release A is the built site. Release B is a copy of it with one page changed and two of the
checker's scripts changed (runtime.js and worker.mjs; not element.js, whose new name must come from
its import of runtime.js alone), renamed and re-referenced by the build's own step
(``overrides/sitegen/release.py``), which also writes B's service worker. Both are served at one
address as GitHub Pages serves them: ``Cache-Control: max-age=600`` on everything, so the browser's
HTTP cache would hand back A's pages for ten minutes to a worker that let it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Error, Page, Worker

from overrides.sitegen.release import release
from tests.helpers import READY, SCENARIOS, cli

MAX_AGE = 600
# Visited on release A; detainers/ and es/ are not opened again on B before going offline.
VISITED = ["", "detainers/", "glossary/", "es/", "checker/"]
MARK = '<p id="release-b">Release B</p>'


class Host:
    """One address whose files are one release or another, and which can stop answering."""

    def __init__(self) -> None:
        self.folder = Path()
        self.down = False


@contextmanager
def serving() -> Iterator[tuple[Host, str]]:
    """A local server for a Host, sending every file with GitHub Pages' caching."""
    state = Host()

    class Handler(SimpleHTTPRequestHandler):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(state.folder), **kwargs)

        def handle_one_request(self) -> None:
            if state.down:  # no answer at all: the browser sees a network error
                self.close_connection = True
                return
            super().handle_one_request()

        def end_headers(self) -> None:
            self.send_header("Cache-Control", f"max-age={MAX_AGE}")
            super().end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield state, f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def host() -> Iterator[tuple[Host, str]]:
    with serving() as served:
        yield served


def _release_b(site: Path, folder: Path) -> None:
    """Release B: A with the glossary changed, and runtime.js and worker.mjs changed."""
    shutil.copytree(site, folder)
    glossary = folder / "glossary" / "index.html"
    html = glossary.read_text(encoding="utf-8")
    assert "</h1>" in html
    glossary.write_text(html.replace("</h1>", "</h1>" + MARK, 1), encoding="utf-8")
    for pattern, line in (
        ("javascripts/checker/runtime.*.js", 'document.documentElement.dataset.release = "B";'),
        ("javascripts/checker/worker.*.mjs", 'self.release = "B";'),
    ):
        [path] = folder.glob(pattern)
        path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    release(folder)
    # The server's Last-Modified counts whole seconds: date what B changed later than all of A.
    later = time.time() + 10
    for path in folder.rglob("*"):
        before = site / path.relative_to(folder)
        if path.is_file() and not (before.is_file() and before.read_bytes() == path.read_bytes()):
            os.utime(path, (later, later))


def _element(tab: Page) -> str:
    """The name of element.js that an open page loaded."""
    src: str = tab.eval_on_selector("script[src*='/checker/element.']", "s => s.getAttribute('src')")
    return src.rsplit("/", 1)[1]


def _kept(tab: Page) -> list[str]:
    """The service worker's caches, and the pages each keeps (paths of URLs ending in /)."""
    found: list[str] = tab.evaluate(
        """async () => {
          const out = [];
          for (const name of await caches.keys()) {
            const keys = await (await caches.open(name)).keys();
            out.push(name + ' ' + keys.map(r => new URL(r.url).pathname).filter(p => p.endsWith('/')).sort().join(','));
          }
          return out;
        }"""
    )
    return found


def _registration(tab: Page) -> Any:
    """The states of the service worker registration's installing, waiting and active workers."""
    return tab.evaluate(
        "navigator.serviceWorker.getRegistration().then((r) => [r.installing, r.waiting, r.active]"
        ".map((w) => w && w.state))"
    )


def _runtime(tab: Page) -> Any:
    """The checker element's state, and its runtime's stage and reason for failing, if any."""
    return tab.evaluate(
        "(() => { const e = document.querySelector('trust-act-checker');"
        " return [e.dataset.state, e.runtime && e.runtime.stage, e.runtime && e.runtime.reason]; })()"
    )


def _has_visited(cache: str) -> bool:
    """Whether a cache (as ``_kept`` lists it) keeps every page in VISITED."""
    return all(f"/{p}" in cache.split(" ")[1].split(",") for p in VISITED)


def _wait(tab: Page, test: Any, what: str, seconds: float = 60) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = test()
        if value:
            return value
        tab.wait_for_timeout(250)
    raise AssertionError(f"waited {seconds} s for {what}")


def test_a_redeploy_shows_the_new_release_at_once_and_keeps_the_offline_pages(
    browser: Browser, site: Path, tmp_path: Path, host: tuple[Host, str]
) -> None:
    """Visit five pages and the checker on A; deploy B; the changed page and B's scripts and worker
    show at once; B's service worker takes over with every page kept; offline, all five open as B's
    pages and the checker answers. Against the previous service worker this fails: the HTTP cache
    hands back A's glossary, and A's checker page with A's element.js."""
    state, url = host
    b = tmp_path / "b"
    _release_b(site, b)
    element_a = _element_page(site / "checker" / "index.html")
    element_b = _element_page(b / "checker" / "index.html")
    assert element_a != element_b, "a changed import must rename element.js"

    # Release A: visit five pages and use the checker.
    state.folder = site
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(url)
    _wait(tab, lambda: tab.evaluate("navigator.serviceWorker.controller !== null"), "the service worker", 30)
    for path in VISITED:
        tab.goto(url + path)
    tab.wait_for_selector(READY, state="attached", timeout=90_000)
    assert tab.evaluate("s => document.querySelector('trust-act-checker').decide(s)", SCENARIOS[2]) == cli(SCENARIOS[2])
    [cache_a] = _wait(tab, lambda: [c.split(" ")[0] for c in _kept(tab) if _has_visited(c)], "A's pages kept")

    # Release B at the same address: the reader comes back.
    state.folder = b
    tab.goto(url + "glossary/")
    assert tab.query_selector("#release-b") is not None, "the glossary is still release A's"
    workers: list[Worker] = []
    tab.on("worker", lambda worker: workers.append(worker))
    tab.goto(url + "checker/", wait_until="domcontentloaded")
    assert _element(tab) == element_b
    tab.wait_for_selector(READY, state="attached", timeout=90_000)
    assert tab.evaluate("document.documentElement.dataset.release") == "B", "release A's runtime.js ran"
    checkers = [w for w in workers if "/checker/worker." in w.url]  # not the theme's search worker
    assert [w.evaluate("self.release") for w in checkers] == ["B"], "release A's worker ran"
    assert tab.evaluate("s => document.querySelector('trust-act-checker').decide(s)", SCENARIOS[2]) == cli(SCENARIOS[2])

    # B's service worker takes over, at the latest when the reader next opens the site (Chromium
    # lets it wait while a page of the old release is busy): one cache, not A's, with every page
    # the reader had kept. Browsers look for a new sw.js as pages open but may put it off: ask now.
    tab.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.update())")
    tab.close()
    tab = context.new_page()
    tab.goto(url)
    try:
        kept = _wait(
            tab, lambda: (now := _kept(tab)) and not any(c.startswith(cache_a + " ") for c in now) and now, "B"
        )
    except AssertionError as error:
        raise AssertionError(f"{error}: {_registration(tab)}, caches {_kept(tab)}") from None
    assert len(kept) == 1, kept
    assert _has_visited(kept[0]), kept

    # Offline: every page visited on A opens, as release B, and the checker answers.
    state.down = True
    context.set_offline(True)
    failed = []
    for path in VISITED:
        offline = context.new_page()
        try:
            offline.goto(url + path)
        except Error as error:
            failed.append(f"{path}: {error.message.splitlines()[0]}")
            continue
        if _element(offline) != element_b:
            failed.append(f"{path}: release A's page")
        offline.close()
    assert failed == [], failed
    offline = context.new_page()
    offline.goto(url + "glossary/")
    assert offline.query_selector("#release-b") is not None
    offline.goto(url + "checker/")
    _wait(offline, lambda: offline.get_attribute("trust-act-checker", "data-state") in ("ready", "error"), "ready", 90)
    assert offline.get_attribute("trust-act-checker", "data-state") == "ready", _runtime(offline)
    got = offline.evaluate("s => document.querySelector('trust-act-checker').decide(s)", SCENARIOS[2])
    assert got == cli(SCENARIOS[2])
    context.close()


def _element_page(page: Path) -> str:
    """The name of element.js that a built page loads."""
    html = page.read_text(encoding="utf-8")
    start = html.index("/checker/element.")
    return html[start + len("/checker/") : html.index('"', start)]


@pytest.mark.parametrize("service_workers", ["allow", "block"])
def test_a_runtime_file_neither_online_nor_kept_is_reported_at_once(
    browser: Browser, site: Path, host: tuple[Host, str], service_workers: str
) -> None:
    """The WebAssembly file cannot be fetched (the connection drops) and no copy is kept: the
    checker fails at once, naming the file, before Python starts loading (the worker used to take
    a network error for "maybe kept" and leave the failure to Pyodide: "Failed to fetch")."""
    state, url = host
    state.folder = site
    context = browser.new_context(service_workers=service_workers)  # type: ignore[arg-type]
    context.route("**/pyodide.asm.wasm", lambda route: route.abort("internetdisconnected"))
    tab = context.new_page()
    tab.goto(url + "checker/")
    tab.wait_for_selector("trust-act-checker[data-state=error]", state="attached", timeout=45_000)
    reason = tab.evaluate("document.querySelector('trust-act-checker').runtime.reason")
    assert "pyodide.asm.wasm" in reason, reason
    assert tab.get_attribute(".checker-status a", "href") == "../trust-act/decision-tables/"
    context.close()


def test_every_own_script_and_style_is_named_by_its_content(site: Path, pages: dict[str, Any]) -> None:
    """Each page loads the site's own scripts and styles by NAME.HASH.EXT, HASH from the file's
    content (imports included); no unhashed copy is published but embed.js, whose address other
    sites' snippets use; the service worker lists every file it keeps first, and each exists."""
    own = [p for folder in ("javascripts", "stylesheets") for p in (site / folder).rglob("*") if p.is_file()]
    assert own
    for path in own:
        digest = path.name.rsplit(".", 2)[1]
        assert re.fullmatch(r"[0-9a-f]{10}", digest), path
        assert hashlib.sha256(path.read_bytes()).hexdigest()[:10] == digest, path
    assert (site / "embed.js").is_file()
    referenced = set()
    for name, page in pages.items():
        for tag, attribute in (("script", "src"), ("link", "href"), ("trust-act-checker", "data-worker")):
            for element in page.find(tag):
                value = element.attrs.get(attribute, "").split("?")[0]
                if re.match(r"^(\.\./)*/?(javascripts|stylesheets)/", value):
                    target = site / value[1:] if value.startswith("/") else (site / name).parent / value
                    assert target.is_file(), f"{name}: {value}"
                    referenced.add(target.resolve())
    # runtime.js is imported by element.js, wheel.mjs by the worker, not by a page.
    imported = {p.resolve() for p in own if p.name.startswith(("runtime.", "wheel."))}
    assert referenced | imported == {p.resolve() for p in own}
    sw = (site / "sw.js").read_text(encoding="utf-8")
    files = json.loads(re.search(r"const FILES = (\{.*?\});", sw)[1])  # type: ignore[index]
    assert files["shell"]
    assert files["runtime"]
    assert all((site / f).is_file() for f in files["shell"] + files["runtime"])
