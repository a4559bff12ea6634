"""No page tells another site where the reader came from, every page (the 404 pages too) carries the
strict policy, and each 404 page is in its own language with language links that work."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import Browser, Page, Request

from tests.site_html import Page as Parsed
from tools.browser import AXE

NEUTRAL = "https://www.weather.gov/"
NOT_FOUND = {"404.html": "en", "es/404.html": "es"}
# Elements that make the browser fetch something as the page is parsed.
_FETCHES = {"script", "img", "iframe", "link"}
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>(.*?)</script>", re.S)


def _policy(page: Parsed) -> str:
    metas = [e for e in page.find("meta") if e.attrs.get("http-equiv") == "Content-Security-Policy"]
    assert len(metas) == 1, page.path
    return metas[0].attrs["content"]


def test_every_page_sends_no_referrer(pages: dict[str, Parsed]) -> None:
    """Every built page, the 404 pages and the embed page included, sets referrer policy no-referrer
    before anything is fetched, and no element loosens it."""
    assert set(NOT_FOUND) <= set(pages)
    for path, page in pages.items():
        metas = [e for e in page.find("meta") if e.attrs.get("name") == "referrer"]
        assert [m.attrs.get("content") for m in metas] == ["no-referrer"], path
        first_fetch = next(
            i for i, e in enumerate(page.elements) if e.tag in _FETCHES and e.attrs.get("rel") != "alternate"
        )
        assert page.elements.index(metas[0]) < first_fetch, path
        loosened = [e.tag for e in page.elements if e.attrs.get("referrerpolicy", "no-referrer") != "no-referrer"]
        assert loosened == [], path


def test_every_page_has_the_strict_policy_first(pages: dict[str, Parsed]) -> None:
    """Every page, the 404 pages included, starts its head with the policy, which allows its own
    inline scripts by hash and nothing from elsewhere (and leaves the charset in the first 1024 bytes)."""
    for path, page in pages.items():
        head = next(i for i, e in enumerate(page.elements) if e.tag == "head")
        assert page.elements[head + 1].attrs.get("http-equiv") == "Content-Security-Policy", path
        policy = _policy(page)
        for directive in ("default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"):
            assert directive in policy.split("; "), (path, directive)
        text = page.path.read_text(encoding="utf-8")
        assert 0 < text.encode("utf-8").find(b"<meta charset") < 1024 - 40, f"{path}: charset pushed too far"
        for script in _INLINE_SCRIPT.findall(text):
            digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
            assert f"'sha256-{digest}'" in policy, path


@pytest.mark.parametrize(("path", "lang"), NOT_FOUND.items())
def test_each_404_page_is_in_its_language_and_links_to_each_home(
    site: Path, pages: dict[str, Parsed], path: str, lang: str
) -> None:
    """The root 404 page is English and es/404.html Spanish; their language links go to the home
    page of each language (the page the reader asked for does not exist in either)."""
    page = pages[path]
    assert page.find("html")[0].attrs.get("lang") == lang
    homes = {e.attrs["hreflang"]: e.attrs["href"] for e in page.find("a", "md-select__link")}
    alternates = {e.attrs["hreflang"]: e.attrs["href"] for e in page.find("link") if e.attrs.get("rel") == "alternate"}
    assert homes == alternates
    assert set(homes) == set(NOT_FOUND.values())
    for hreflang, href in homes.items():
        home = "index.html" if hreflang == "en" else f"{hreflang}/index.html"
        assert (site / home).exists()
        assert href == urlsplit(urljoin("http://host/", href)).path
        assert pages[home].find("html")[0].attrs.get("lang") == hreflang, href
        assert href.rstrip("/").rsplit("/", 1)[-1] in ("", hreflang), href


# --- In the browser ------------------------------------------------------------------------------


def _tab(browser: Browser, service_workers: str) -> Iterator[Page]:
    context = browser.new_context(service_workers=service_workers)  # type: ignore[arg-type]
    context.add_init_script(
        "window.__csp = []; document.addEventListener('securitypolicyviolation',"
        " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    context.route(
        f"{NEUTRAL}**", lambda route: route.fulfill(status=200, content_type="text/html", body="<title>w</title>")
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def tab(browser: Browser) -> Iterator[Page]:
    """A fresh page that records policy violations; the neutral site is answered locally, never reached."""
    yield from _tab(browser, "allow")


@pytest.fixture
def host_tab(browser: Browser) -> Iterator[Page]:
    """The same, without the site's service worker, so that every request goes to the (faked) host."""
    yield from _tab(browser, "block")


@pytest.mark.parametrize(("path", "lang"), NOT_FOUND.items())
def test_a_missing_page_shows_the_404_page_working(
    host_tab: Page, site: Path, base_url: str, path: str, lang: str
) -> None:
    """Served for a missing address deep in the site (as a static host does), the 404 page runs its
    scripts within the policy, passes axe, and its language links open each language's home page."""
    tab = host_tab
    prefix = "" if lang == "en" else f"{lang}/"
    missing = f"{base_url}{prefix}no/such/page/"
    tab.route(missing, lambda route: route.fulfill(status=404, content_type="text/html", path=site / path))
    tab.context.add_init_script(path=str(AXE))
    response = tab.goto(missing, wait_until="networkidle")
    assert response is not None
    assert response.status == 404
    assert tab.evaluate("document.documentElement.lang") == lang
    assert tab.evaluate("typeof __md_scope") == "object", "the theme's inline script was blocked"
    assert tab.evaluate("window.__csp") == []
    violations = tab.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations'],"
        " rules: {'target-size': {enabled: true}}})).violations.map(v => v.id)"
    )
    assert violations == []
    for hreflang in NOT_FOUND.values():
        tab.goto(missing, wait_until="domcontentloaded")
        link = tab.locator(f"a.md-select__link[hreflang={hreflang}]")
        with tab.expect_navigation():
            link.evaluate("a => a.click()")
        assert tab.url == base_url + ("" if hreflang == "en" else f"{hreflang}/")
        assert tab.evaluate("document.documentElement.lang") == hreflang


def _referred(tab: Page, base_url: str) -> list[str]:
    """Collect, from now on, every request that names a page of the site (or anything at all, when
    it leaves the site) in its Referer.

    A worker's own requests name the worker's script: its policy comes from the script's HTTP
    headers, which a static host does not let the site set. They stay on the site and name no page.
    """
    sent: list[str] = []

    def record(request: Request) -> None:
        referer = request.headers.get("referer", "")
        worker = urlsplit(referer).path.endswith((".js", ".mjs")) and referer.startswith(base_url)
        if referer and (not worker or not request.url.startswith(base_url)):
            sent.append(f"{request.url} <- {referer}")

    tab.on("request", record)
    return sent


def test_no_request_from_any_page_carries_a_referrer(tab: Page, base_url: str, pages: dict[str, Parsed]) -> None:
    """Loading every page, and following a link from one page to another, names no page in a Referer."""
    seen: list[str] = []
    tab.on("request", lambda request: seen.append(request.url))
    sent = _referred(tab, base_url)
    for path in sorted(p.removesuffix("index.html") for p in pages):
        tab.goto(base_url + path, wait_until="load")
    tab.goto(base_url, wait_until="networkidle")
    with tab.expect_navigation():
        tab.locator("a[href='detainers/']").first.click()
    assert len(seen) > 2 * len(pages), "too few requests seen: is the check blind?"
    assert sent == []


def test_the_quick_exit_tells_the_neutral_site_nothing(tab: Page, base_url: str) -> None:
    """Leaving by the button or by Escape, the neutral site gets no Referer naming this site."""
    sent = _referred(tab, base_url)
    arrived: list[str] = []
    tab.on("request", lambda request: arrived.append(request.url) if request.url.startswith(NEUTRAL) else None)
    tab.goto(base_url + "detainers/", wait_until="networkidle")
    tab.locator("a.quick-exit").click()
    tab.wait_for_url(NEUTRAL)
    tab.goto(base_url + "glossary/", wait_until="networkidle")
    tab.keyboard.press("Escape")
    tab.wait_for_url(NEUTRAL)
    assert len(arrived) == 2
    assert sent == []
