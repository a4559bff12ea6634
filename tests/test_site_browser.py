"""The built site in headless Chromium: axe finds no violations, nothing leaves the origin, the quick
exit leaves without a history entry, and print hides the chrome and shows link addresses."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page

from tools.browser import AXE

NEUTRAL = "https://www.weather.gov/"


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh page; requests to the neutral quick-exit site are answered locally, never sent."""
    context = browser.new_context()
    tab = context.new_page()
    tab.route(
        f"{NEUTRAL}**", lambda route: route.fulfill(status=200, content_type="text/html", body="<title>w</title>")
    )
    yield tab
    context.close()


def _page_urls(pages: dict[str, object]) -> list[str]:
    return sorted(p.removesuffix("index.html") for p in pages if not p.endswith("404.html"))


def _runtime(url: str) -> bool:
    return "/assets/pyodide/" in url or "/assets/checker/" in url


def test_axe_finds_no_violations_and_nothing_leaves_the_origin(
    page: Page, base_url: str, pages: dict[str, Any]
) -> None:
    """Every page: zero axe-core violations, and every request goes to the site's own origin. Pages
    without the checker fetch none of its runtime (Python or the wheel); the checker's pages do."""
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.context.add_init_script(path=str(AXE))  # injected by the browser itself, so the page's CSP allows it
    problems = []
    for path in _page_urls(pages):
        start = len(requests)
        page.goto(base_url + path, wait_until="networkidle")
        has_checker = bool(
            pages[path + "index.html" if not path or path.endswith("/") else path].find("trust-act-checker")
        )
        if not has_checker:
            problems += [f"/{path} fetched the checker's runtime: {u}" for u in requests[start:] if _runtime(u)]
        violations = page.evaluate(
            "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
            ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))"
        )
        problems += [f"/{path}: {v}" for v in violations]
    assert problems == []
    origin = urlsplit(base_url).netloc
    foreign = [u for u in requests if urlsplit(u).scheme in ("http", "https") and urlsplit(u).netloc != origin]
    assert foreign == []
    assert len(requests) >= len(_page_urls(pages))
    assert any(_runtime(u) for u in requests), "the checker's page fetched no runtime: is the check above blind?"


@pytest.mark.parametrize("control", ["input[type=radio]", "select[name=custodian]", "input[name=as_of]"])
def test_escape_leaves_from_a_choice_but_not_from_a_text_field(page: Page, base_url: str, control: str) -> None:
    """On the checker, Escape leaves while a radio button, a select or a date is focused; a text field keeps it."""
    page.goto(base_url + "checker/", wait_until="networkidle")
    page.focus(control)
    page.keyboard.press("Escape")
    page.wait_for_url(NEUTRAL)


def test_a_text_field_keeps_escape(page: Page, base_url: str) -> None:
    """While the reader types in a text field, Escape stays with the field and the page stays."""
    page.goto(base_url + "checker/", wait_until="networkidle")
    page.check("input[name=convictions][value=some]")
    page.focus("input[name='convictions[0].statute']")
    page.keyboard.press("Escape")
    page.wait_for_timeout(300)
    assert page.url.startswith(base_url)


def test_quick_exit_by_button_and_by_escape_replaces_the_page(page: Page, base_url: str) -> None:
    """The button and the Escape key leave for the neutral site; Back does not return to the page left."""
    page.goto(base_url, wait_until="networkidle")
    page.goto(base_url + "detainers/", wait_until="networkidle")
    length = page.evaluate("history.length")
    page.keyboard.press("Escape")
    page.wait_for_url(NEUTRAL)
    assert page.evaluate("history.length") == length
    page.go_back(wait_until="networkidle")
    assert page.url == base_url

    page.locator("a.quick-exit").click()
    page.wait_for_url(NEUTRAL)
    page.go_back(wait_until="networkidle")
    assert page.url != base_url


def test_escape_in_the_search_box_does_not_leave(page: Page, base_url: str) -> None:
    """While the reader types in the search box, Escape closes the search instead of leaving."""
    page.goto(base_url, wait_until="networkidle")
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").fill("detainer")
    assert page.evaluate("document.getElementById('__search').checked")
    page.keyboard.press("Escape")
    page.wait_for_timeout(300)
    assert page.url == base_url


def test_print_hides_navigation_and_shows_link_addresses(page: Page, base_url: str) -> None:
    """In print, the header, sidebars and quick exit are hidden, and external links show their URL."""
    page.goto(base_url + "detainers/", wait_until="networkidle")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".quick-exit", ".md-footer"):
        assert page.eval_on_selector(selector, "e => getComputedStyle(e).display") == "none", selector
    after = page.eval_on_selector(".md-typeset a[href^='http']", "e => getComputedStyle(e, '::after').content")
    assert "http" in after
