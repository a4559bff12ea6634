"""The widget on a hostile host page: aggressive global CSS, a strict CSP that allows only the
widget's origin, and conflicting globals. The widget renders, answers, resizes; the host is unchanged."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Browser, BrowserContext, Frame, Page, Route

from overrides.sitegen.checker_page import EMBED_SANDBOX
from tests.helpers import READY, SCENARIOS, answer_form, cli, fill, shown_words
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


def _host(folder: Path, site: str, with_widget: bool, name: str = "", attributes: str = "", lang: str = "en") -> None:
    origin = site.rstrip("/")
    widget = (
        f'<script src="{site}embed.js" async></script>\n<script src="{site}embed.js" type="module"></script>\n'
        f'<trust-act-embed lang="{lang}" theme="dark"{attributes}>'
        f'<a href="{site}checker/">{FALLBACK}</a></trust-act-embed>'
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
    """The page the frame shows has the checker and no site navigation, header or footer; its quick
    exit sits in the page's flow, first and last, never over the checker."""
    page = browser.new_page()
    page.goto(base_url + "embed/", wait_until="networkidle")
    assert page.query_selector("trust-act-checker") is not None
    for chrome in (".md-header", ".md-sidebar", ".md-footer"):
        assert page.query_selector(chrome) is None, chrome
    exits = page.eval_on_selector_all(".quick-exit", "all => all.map(e => getComputedStyle(e).position)")
    assert exits == ["static", "static"]
    stops = []
    for _ in range(2):  # the theme's "Skip to content" link, then the quick exit, before any field
        page.keyboard.press("Tab")
        stops.append(page.evaluate("document.activeElement.className"))
    assert any("quick-exit" in stop for stop in stops), stops
    page.close()


def test_the_docs_give_working_snippets(pages: dict[str, Any]) -> None:
    """The embed page of the docs shows the loader, the plain iframe and the CSP to allow."""
    text = json.dumps([e.text for e in pages["embed-the-checker/index.html"].find("code")])
    assert "embed.js" in text
    assert "trust-act-embed" in text
    assert "sandbox=" in text
    assert "frame-src" in text


@pytest.mark.parametrize("folder", ["", "es/"])
def test_the_docs_show_the_contact_attributes_the_quick_exit_and_links(pages: dict[str, Any], folder: str) -> None:
    """Both embed pages show an element with the three contact attributes and explain the quick exit
    and links to answers, each in its own section."""
    page = pages[f"{folder}embed-the-checker/index.html"]
    # The text of the page, code blocks included, without its tags.
    text = html.unescape(re.sub(r"<[^>]+>", "", page.path.read_text(encoding="utf-8")))
    examples = re.findall(r"<trust-act-embed[^>]*data-contact-[^>]*>", text)
    assert examples, "no example of the contact attributes"
    for key in ("name", "phone", "url"):
        assert f"data-contact-{key}=" in examples[0], key
    ids = {h.attrs.get("id") for h in page.find("h2")}
    expected = (
        {"your-contact-first", "the-quick-exit", "links-to-answers"}
        if not folder
        else {"su-contacto-primero", "la-salida-rapida", "enlaces-a-las-respuestas"}
    )
    assert expected <= ids, ids


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


# --- The law firm's widget: its contact, its address for links, and the quick exit ---------------

NEUTRAL = "https://www.weather.gov/"
FIRM = {"name": "Rivera & Ruiz, LLP «Abogados»", "phone": "+1 (860) 555-0100", "url": "https://rivera.example/contact"}


def _contact_attributes(values: dict[str, str]) -> str:
    return "".join(f' data-contact-{key}="{html.escape(value)}"' for key, value in values.items())


def _answer_in_widget(page: Page, scenario: dict[str, Any]) -> Frame:
    frame = _widget_frame(page)
    frame.wait_for_selector(READY, state="attached", timeout=90_000)
    fill(frame, scenario)
    frame.click("button.checker-submit")
    frame.wait_for_selector(".checker-answer")
    return frame


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_firm_s_contact_comes_first_with_a_tel_link(
    browser: Browser, site: Path, tmp_path: Path, lang: str
) -> None:
    """A host's data-contact-* put its contact first under "What you can do now", labelled as the host's,
    the phone as a tel: link, the name as text; they travel after # and reach no server."""
    log: list[str] = []
    with serve(site, log=log) as ours:
        _host(tmp_path, ours, with_widget=True, name="firm.html", attributes=_contact_attributes(FIRM), lang=lang)
        with serve(tmp_path) as host:
            context = browser.new_context()
            page = context.new_page()
            page.goto(host + "firm.html")
            frame = _answer_in_widget(page, SCENARIOS[2])
            words = shown_words(lang)
            first = frame.eval_on_selector(".checker-next h3 + *", "e => e.className")
            assert first == "checker-host-contact", "the firm's contact is the first thing under the heading"
            box = frame.locator(".checker-host-contact")
            assert box.inner_text().startswith(words["ui.host_contact"] + ":")
            assert words["ui.host_contact_note"] in box.inner_text()
            assert frame.inner_text(".checker-host-contact-name") == FIRM["name"], "the name is shown as text"
            assert frame.eval_on_selector(".checker-host-contact-name", "e => e.children.length") == 0
            links = frame.eval_on_selector_all(
                ".checker-host-contact a", "all => all.map(a => [a.getAttribute('href'), a.textContent])"
            )
            assert links == [["tel:+18605550100", FIRM["phone"]], [FIRM["url"], "rivera.example"]]
            # The site's own contacts follow, after the next steps.
            order = frame.evaluate(
                "() => [...document.querySelectorAll('.checker-next > *')].map(e => e.className || e.tagName)"
            )
            assert order.index("checker-host-contact") < order.index("checker-contacts")
            context.close()
    assert log, "the site's server log is empty: is the check blind?"
    assert not [line for line in log if "555-0100" in line or "5550100" in line or "rivera" in line.lower()]


@pytest.mark.parametrize(
    ("values", "shown"),
    [
        (
            {"name": "<img src=x onerror=alert(1)>", "phone": "860-555-0100", "url": "javascript:alert(1)"},
            [["tel:8605550100", "860-555-0100"]],
        ),
        (
            {"name": "Rivera\u202eLaw", "phone": "860-555-0100; ext=2", "url": "https://rivera.example/"},
            [["https://rivera.example/", "rivera.example"]],
        ),
        ({"name": "Rivera Law", "phone": "tel:12", "url": "//rivera.example/"}, []),
    ],
    ids=["html-name-and-script-url", "bidi-name-and-phone-with-text", "nothing-valid"],
)
def test_bad_contact_values_are_left_out_with_a_warning(
    browser: Browser, base_url: str, tmp_path: Path, values: dict[str, str], shown: list[list[str]]
) -> None:
    """A name with markup or control characters, a phone with letters, a URL that is not http(s): each is
    dropped with a console warning naming the attribute; the rest shows and the widget still answers."""
    _host(tmp_path, base_url, with_widget=True, name="bad.html", attributes=_contact_attributes(values))
    with serve(tmp_path) as host:
        context = browser.new_context()
        page = context.new_page()
        warnings: list[str] = []
        page.on("console", lambda message: warnings.append(message.text) if message.type == "warning" else None)
        page.goto(host + "bad.html")
        frame = _answer_in_widget(page, SCENARIOS[2])
        assert frame.get_attribute(".checker-answer", "data-outcome") == cli(SCENARIOS[2])["outcome"]
        links = frame.eval_on_selector_all(
            ".checker-host-contact a", "all => all.map(a => [a.getAttribute('href'), a.textContent])"
        )
        assert links == shown
        assert frame.query_selector(".checker-host-contact-name") is None
        assert frame.query_selector(".checker-host-contact img") is None
        ignored = [w for w in warnings if "is ignored" in w]
        texts = [text for link in shown for text in link]
        dropped = [key for key in ("name", "phone", "url") if not any(values[key] in text for text in texts)]
        for key in dropped:
            assert any(f"data-contact-{key}=" in w for w in ignored), (key, warnings)
        assert frame.query_selector_all(".checker-contacts a[href^='tel:']"), "the site's own contacts remain"
        context.close()


def test_the_embed_page_opened_on_its_own_shows_no_planted_contact(browser: Browser, base_url: str) -> None:
    """A crafted link to the embed page itself (not framed) carrying a contact and a host: no contact is
    shown on this site's address, and "Copy a link" offers this site's page, not the planted host."""
    planted = {"host": "https://evil.example/post", **{f"contact-{k}": v for k, v in FIRM.items()}}
    context = browser.new_context()
    page = context.new_page()
    answer_form(page, SCENARIOS[2], "embed/#" + urlencode(planted), base_url)
    assert page.query_selector(".checker-next") is not None, "the next steps are there"
    assert page.query_selector(".checker-host-contact") is None
    assert "555-0100" not in page.inner_text(".checker-answer")
    assert page.get_attribute("trust-act-checker", "data-share-page") is None
    context.close()


def test_share_offers_the_host_page_and_the_link_fills_the_widget_there(
    browser: Browser, site: Path, tmp_path: Path
) -> None:
    """The widget's "Copy a link" gives the host page's address (its query kept, its own fragment not),
    with the answers after #; opening it fills the widget on that page, the answers leave the host's
    address bar at once, and no server ever receives them."""
    ours_log: list[str] = []
    host_log: list[str] = []
    with serve(site, log=ours_log) as ours:
        _host(tmp_path, ours, with_widget=True, name="post.html")
        with serve(tmp_path, log=host_log) as host:
            context = browser.new_context()
            page = context.new_page()
            page.goto(host + "post.html?p=7#comments")
            frame = _answer_in_widget(page, SCENARIOS[1])
            frame.click("button.checker-share")
            frame.wait_for_selector(".checker-share-box")
            link = frame.input_value(".checker-share-box input")
            assert link.startswith(host + "post.html?p=7#answers="), link
            assert "comments" not in link
            assert "?" not in link.split("#")[0].replace("?p=7", ""), "no answers in any query"
            text = frame.inner_text(".checker-share-box")
            assert shown_words("en")["ui.share_host"].format(host=host.split("/")[2]) in text
            context.close()

            other = browser.new_context().new_page()
            other.goto(link)
            widget = _widget_frame(other)
            answer = widget.wait_for_selector(".checker-answer", timeout=90_000)
            assert answer is not None
            assert answer.get_attribute("data-outcome") == cli(SCENARIOS[1])["outcome"]
            assert widget.input_value("input[name='convictions[0].statute']") == "53a-125b"
            assert other.url == host + "post.html?p=7", "the answers leave the host's address bar"
            assert "#" not in widget.url, "and the frame's"
            other.context.close()
    answers = link.split("#answers=")[1]
    assert host_log, "the host's server log is empty: is the check blind?"
    assert ours_log, "the site's server log is empty: is the check blind?"
    assert not [line for line in host_log + ours_log if answers[:12] in line or "answers" in line]


def _neutral(context: BrowserContext, arrived: list[dict[str, str]]) -> None:
    """Requests to the neutral site are answered locally, never sent, and their headers kept."""

    def answer(route: Route) -> None:
        arrived.append(route.request.headers)
        route.fulfill(status=200, content_type="text/html", body="<title>w</title>")

    context.route(f"{NEUTRAL}**", answer)


@pytest.mark.parametrize("how", ["button", "escape"])
def test_the_quick_exit_inside_the_widget_leaves_the_host_page(
    browser: Browser, base_url: str, tmp_path: Path, how: str
) -> None:
    """The widget's quick exit (its button, or Escape on a choice) replaces the host page with the
    neutral site, adds no history entry, and names no page in a Referer."""
    _host(tmp_path, base_url, with_widget=True, name="exit.html")
    (tmp_path / "before.html").write_text("<!doctype html><title>before</title><p>before</p>", encoding="utf-8")
    with serve(tmp_path) as host:
        context = browser.new_context()
        arrived: list[dict[str, str]] = []
        _neutral(context, arrived)
        page = context.new_page()
        page.goto(host + "before.html")
        page.goto(host + "exit.html")
        frame = _widget_frame(page)
        frame.wait_for_selector(READY, state="attached", timeout=90_000)
        length = page.evaluate("history.length")
        if how == "button":
            frame.click(".quick-exit-nav--top .quick-exit")
        else:
            frame.focus("input[type=radio]")
            page.keyboard.press("Escape")
        page.wait_for_url(NEUTRAL)
        assert page.evaluate("history.length") == length, "the host page is replaced, not followed"
        page.go_back(wait_until="load")
        assert page.url == host + "before.html"
        assert arrived, "the neutral site was reached"
        assert all("referer" not in headers for headers in arrived), arrived
        context.close()


def test_framed_without_the_loader_the_quick_exit_still_empties_the_frame(
    browser: Browser, base_url: str, tmp_path: Path
) -> None:
    """In a plain iframe (no loader to ask), the frame cannot move the page around it: it leaves itself,
    so the checker and its answers are gone from the screen."""
    (tmp_path / "plain.html").write_text(
        f'<!doctype html><title>plain</title><iframe src="{base_url}embed/" sandbox="{EMBED_SANDBOX}"'
        ' style="width:100%;height:900px"></iframe>',
        encoding="utf-8",
    )
    with serve(tmp_path) as host:
        context = browser.new_context()
        _neutral(context, [])
        page = context.new_page()
        page.goto(host + "plain.html")
        frame = next(f for f in page.frames if "/embed/" in f.url)
        frame.wait_for_selector(READY, state="attached", timeout=90_000)
        frame.click(".quick-exit-nav--top .quick-exit")
        for _ in range(50):
            if frame.url.startswith(NEUTRAL):
                break
            page.wait_for_timeout(100)
        assert frame.url.startswith(NEUTRAL)
        assert page.url == host + "plain.html"
        context.close()


def test_on_a_phone_the_widget_s_quick_exit_names_no_key_and_covers_nothing(
    browser: Browser, base_url: str, tmp_path: Path
) -> None:
    """At 360x740 on a touch screen the widget's quick exit shows, says no "(Esc)" and overlaps no text."""
    _host(tmp_path, base_url, with_widget=True, name="phone.html", lang="es")
    with serve(tmp_path) as host:
        context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
        page = context.new_page()
        page.goto(host + "phone.html")
        frame = _widget_frame(page)
        frame.wait_for_selector(READY, state="attached", timeout=90_000)
        assert frame.is_visible(".quick-exit-nav--top .quick-exit")
        assert frame.inner_text(".quick-exit-nav--top .quick-exit").strip() == shown_words("es")["site.quick_exit"]
        assert frame.is_hidden(".quick-exit__key")
        covered = frame.evaluate(
            """() => {
              const boxes = [...document.querySelectorAll('.quick-exit')].map(e => e.getBoundingClientRect());
              const out = [];
              const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              while (walk.nextNode()) {
                const node = walk.currentNode;
                if (!node.textContent.trim() || node.parentElement.closest('.quick-exit, script, style')) continue;
                const range = document.createRange();
                range.selectNodeContents(node);
                for (const r of range.getClientRects()) for (const b of boxes)
                  if (r.width && r.height && r.left < b.right && r.right > b.left
                      && r.top < b.bottom && r.bottom > b.top) out.push(node.textContent.trim());
              }
              return out;
            }"""
        )
        assert covered == []
        context.close()
