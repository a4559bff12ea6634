"""The widget on a hostile host page: aggressive global CSS, a strict CSP that allows only the
widget's origin, and conflicting globals. The widget renders, answers, resizes; the host is unchanged."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Frame, Page

from tests.helpers import READY, SCENARIOS, cli, fill
from tools.browser import serve

HOSTILE_CSS = """
* { margin: 13px !important; padding: 7px !important; font: 31px/1.9 "Comic Sans MS", serif !important;
    color: lime !important; background: purple !important; box-sizing: content-box !important; }
iframe { display: none !important; height: 1px !important; width: 1px !important; }
div, section, form { border: 9px dashed red !important; }
#masthead { height: 80px; }
"""
HOSTILE_JS = """
window.define = function () { throw new Error("AMD loader"); }; window.define.amd = true;
window.$ = window.jQuery = "not jquery"; window.TrustActChecker = "the host's own value";
window.process = { env: {} }; Array.prototype.last = function () { return this[this.length - 1]; };
window.__keys = Object.keys(window);
"""


FALLBACK = "Open the TRUST Act checker"


def _host(folder: Path, site: str, with_widget: bool, name: str = "") -> None:
    origin = site.rstrip("/")
    widget = (
        f'<script src="{site}embed.js" async></script>\n<script src="{site}embed.js" type="module"></script>\n'
        f'<trust-act-embed lang="en" theme="dark"><a href="{site}checker/">{FALLBACK}</a></trust-act-embed>'
        if with_widget
        else ""
    )
    policy = f"default-src 'none'; script-src 'self' {origin}; frame-src {origin}; style-src 'self'; img-src 'self'"
    (folder / "host.css").write_text(HOSTILE_CSS, encoding="utf-8")
    (folder / "host.js").write_text(HOSTILE_JS, encoding="utf-8")
    (folder / (name or ("with.html" if with_widget else "without.html"))).write_text(
        f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<title>A law firm's blog</title><link rel="stylesheet" href="host.css"><script src="host.js"></script></head>
<body><header id="masthead">Our blog</header><main><p id="before">Before the widget.</p>
{widget}
</main></body></html>""",
        encoding="utf-8",
    )


def _layout(page: Page) -> dict[str, Any]:
    result: dict[str, Any] = page.evaluate(
        """() => ({
        masthead: document.getElementById('masthead').getBoundingClientRect().toJSON(),
        before: document.getElementById('before').getBoundingClientRect().toJSON(),
        font: getComputedStyle(document.body).font,
        color: getComputedStyle(document.body).color,
        globals: Object.keys(window).filter(k => k !== '__keys' && !window.__keys.includes(k)),
        hostValue: window.TrustActChecker, jquery: window.$,
    })"""
    )
    return result


def _widget_frame(page: Page) -> Frame:
    page.wait_for_function("() => document.querySelector('trust-act-embed') && window.TrustActEmbed")
    for _ in range(100):
        frames = [f for f in page.frames if "/embed/" in f.url]
        if frames:
            return frames[0]
        page.wait_for_timeout(100)
    raise AssertionError("the widget's frame never appeared")


def test_the_widget_survives_a_hostile_host_and_leaves_it_alone(
    browser: Browser, base_url: str, tmp_path: Path
) -> None:
    """Rendered, answering and resizing inside a hostile page, with the host's layout and globals intact."""
    _host(tmp_path, base_url, with_widget=False)
    _host(tmp_path, base_url, with_widget=True)
    with serve(tmp_path) as host:
        assert host.split(":")[2] != base_url.split(":")[2], "host and widget must be different origins"
        context = browser.new_context(viewport={"width": 1000, "height": 900})
        context.add_init_script(
            "window.__csp = []; document.addEventListener('securitypolicyviolation',"
            " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
            " window.__heights = []; window.addEventListener('message', e => window.__heights.push(e.data.height));"
        )
        page = context.new_page()
        page.goto(host + "without.html", wait_until="networkidle")
        alone = _layout(page)
        page.goto(host + "with.html", wait_until="networkidle")
        frame = _widget_frame(page)
        frame.wait_for_selector(READY, state="attached", timeout=90_000)
        embedded = _layout(page)
        for key in ("masthead", "before", "font", "color", "hostValue", "jquery"):
            assert embedded[key] == alone[key], key
        assert embedded["globals"] == []
        assert page.evaluate("window.TrustActEmbed.origin") == base_url.rstrip("/")

        height_before = page.evaluate("document.querySelector('trust-act-embed').getBoundingClientRect().height")
        assert height_before > 600, "the frame was hidden or collapsed by the host's CSS"
        scenario = SCENARIOS[3]
        fill(frame, scenario)
        frame.click("button.checker-submit")
        answer = frame.wait_for_selector(".checker-answer")
        assert answer is not None
        assert answer.get_attribute("data-outcome") == cli(scenario)["outcome"]
        content = frame.evaluate("() => document.querySelector('article').getBoundingClientRect().bottom + 32")
        page.wait_for_function(
            "h => { const got = document.querySelector('trust-act-embed').getBoundingClientRect().height;"
            " return got >= h && got - h < 240; }",
            arg=content,
        )
        heights = page.evaluate("window.__heights")
        assert heights, "the frame told the host its height"
        assert all(h % 240 == 0 for h in heights), "heights go to the host in coarse steps only"
        assert not page.is_visible(f"text={FALLBACK}"), "the fallback link hides once the frame is there"
        assert page.evaluate("document.querySelector('trust-act-embed').getBoundingClientRect().height") > height_before
        assert frame.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        assert page.evaluate("window.__csp") == []
        assert frame.evaluate("window.__csp") == []
        assert frame.evaluate("[localStorage.length, document.cookie]") == [0, ""]
        context.close()


def test_the_embed_page_is_the_checker_alone(base_url: str, browser: Browser) -> None:
    """The page the frame shows has the checker and no site navigation, header or footer."""
    page = browser.new_page()
    page.goto(base_url + "embed/", wait_until="networkidle")
    assert page.query_selector("trust-act-checker") is not None
    for chrome in (".md-header", ".md-sidebar", ".md-footer", ".quick-exit"):
        assert page.query_selector(chrome) is None, chrome
    page.close()


def test_the_docs_give_working_snippets(pages: dict[str, Any]) -> None:
    """The embed page of the docs shows the loader, the plain iframe and the CSP to allow."""
    text = json.dumps([e.text for e in pages["embed-the-checker/index.html"].find("code")])
    assert "embed.js" in text
    assert "trust-act-embed" in text
    assert "sandbox=" in text
    assert "frame-src" in text


def test_a_blocked_loader_or_an_unreachable_site_leaves_a_link(browser: Browser, base_url: str, tmp_path: Path) -> None:
    """With embed.js blocked, or the embed page unreachable, the reader sees the link to the checker."""
    _host(tmp_path, base_url, with_widget=True)
    with serve(tmp_path) as host:
        for blocked in ("**/embed.js", "**/embed/**"):
            context = browser.new_context()
            page = context.new_page()
            page.route(blocked, lambda route: route.abort())
            page.goto(host + "with.html", wait_until="load")
            page.wait_for_timeout(1500)
            assert page.is_visible(f"text={FALLBACK}"), blocked
            context.close()
