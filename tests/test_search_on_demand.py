"""On the checker's pages the theme's search (its index and its worker) downloads only when the
reader opens search, and then finds pages as before; every other page loads search with the page.
If the theme changes how it asks for them, search loads with the page again and the checker-page
tests fail."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from tests.helpers import READY

SCRIPT = re.compile(r"/javascripts/search-on-demand\.[0-9a-f]{10}\.js$")
THEME_WORKER = re.compile(r"/assets/javascripts/workers/search\.[0-9a-f]{8}\.min\.js$")


def _index(base_url: str, folder: str) -> str:
    return f"{base_url}{folder}search/search_index.json"


@pytest.fixture
def tab(browser: Browser) -> Iterator[tuple[Page, list[str], list[str]]]:
    """A fresh page, its requests (its workers' included) and the workers it starts. The site's
    service worker is kept out: its own copies of files would be counted as the page's requests."""
    context = browser.new_context(service_workers="block")
    requests: list[str] = []
    workers: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.on("worker", lambda worker: workers.append(worker.url))
    yield page, requests, workers
    context.close()


def _search_requests(requests: list[str]) -> list[str]:
    return [u for u in requests if u.endswith("/search/search_index.json") or THEME_WORKER.search(u)]


def test_only_the_checker_pages_hold_search_back(pages: dict[str, Any]) -> None:
    """The checker's pages, English and Spanish, load the script before the theme's; no other page loads it."""
    holding = []
    for path, page in pages.items():
        scripts = [e.attrs["src"] for e in page.find("script") if "src" in e.attrs]
        if any(SCRIPT.search(s) for s in scripts):
            holding.append(path)
            first = next(i for i, s in enumerate(scripts) if SCRIPT.search(s))
            bundle = next(i for i, s in enumerate(scripts) if "/assets/javascripts/bundle." in s)
            assert first < bundle, f"{path}: the script runs after the theme's"
    assert sorted(holding) == ["checker/index.html", "es/checker/index.html"]


@pytest.mark.parametrize(
    ("folder", "opening", "query"),
    [("", "key", "detainer"), ("es/", "label", "orden"), ("", "field", "detainer")],
    ids=["en-slash-key", "es-phone-search-label", "en-search-field"],
)
def test_the_checker_page_loads_search_when_the_reader_opens_it(
    tab: tuple[Page, list[str], list[str]], base_url: str, folder: str, opening: str, query: str
) -> None:
    """Nothing of search downloads while the checker loads; opening search (the "/" key, the search
    label on a phone, a click in the search field) downloads this language's index once and starts
    the theme's worker, and results come."""
    page, requests, workers = tab
    if opening == "label":
        page.set_viewport_size({"width": 375, "height": 740})  # the label shows the field on a phone
    page.goto(f"{base_url}{folder}checker/", wait_until="load")
    page.wait_for_selector(READY, state="attached", timeout=90_000)
    assert any("/javascripts/checker/worker." in w for w in workers), "the checker's own worker did not start"
    page.wait_for_timeout(1500)
    assert _search_requests(requests) == [], "search downloaded before the reader opened it"
    assert not any(THEME_WORKER.search(w) for w in workers)
    assert any(SCRIPT.search(u) for u in requests), "the page did not load the script: is the check above blind?"

    if opening == "key":
        page.locator("body").press("/")
    elif opening == "label":
        page.click(".md-header label[for=__search]")
    else:
        page.click("input.md-search__input")
    page.locator("input.md-search__input").press_sequentially(query, delay=30)
    page.wait_for_selector(".md-search-result__item a", timeout=30_000)
    hrefs = [a.get_attribute("href") or "" for a in page.locator(".md-search-result__item a").all()]
    assert hrefs
    other = "" if folder else "es/"
    indexes = [u for u in requests if u.endswith("/search/search_index.json")]
    assert indexes == [_index(base_url, folder)], f"expected {folder or 'the English'} index once, got {indexes}"
    assert _index(base_url, other) not in requests
    assert any(THEME_WORKER.search(w) for w in workers), "results came without the theme's search worker"


def test_other_pages_load_search_with_the_page(tab: tuple[Page, list[str], list[str]], base_url: str) -> None:
    """The home page asks for its index and starts the search worker as it loads, as the theme does."""
    page, requests, workers = tab
    page.goto(base_url, wait_until="networkidle")
    page.wait_for_function("performance.getEntriesByType('resource').some(e => e.name.endsWith('search_index.json'))")
    assert [u for u in requests if u.endswith("/search/search_index.json")] == [_index(base_url, "")]
    assert any(THEME_WORKER.search(w) for w in workers)
    assert not any(SCRIPT.search(u) for u in requests)


def test_arriving_from_a_search_result_loads_search_at_once(
    tab: tuple[Page, list[str], list[str]], base_url: str
) -> None:
    """A search result opens the checker page with ``?h=`` (the words to highlight), which needs the
    index: then nothing is held back, and the theme marks the word on the page."""
    page, requests, _ = tab
    page.goto(f"{base_url}checker/?h=detainer", wait_until="load")
    page.wait_for_selector("mark[data-md-highlight]", state="attached", timeout=30_000)
    assert [u for u in requests if u.endswith("/search/search_index.json")] == [_index(base_url, "")]
