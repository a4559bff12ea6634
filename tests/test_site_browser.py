"""The built site in headless Chromium: axe and HTML_CodeSniffer (WCAG2AA) find no violations,
nothing leaves the origin, the quick exit leaves without a history entry, print hides the chrome and
shows link addresses, and on a phone wide tables are cards whose captions stay in view."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, ViewportSize

from tools.browser import AXE, HTMLCS

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


# HTML_CodeSniffer's errors (its warnings and notices ask for a human's judgement), as "code: element".
HTMLCS_ERRORS = """() => new Promise((done, failed) => HTMLCS.process('WCAG2AA', document, () => done(
  HTMLCS.getMessages().filter(m => m.type === 1)
    .map(m => m.code.split('.').slice(-2).join('.') + ': ' + (m.element.outerHTML || '').slice(0, 120))
), failed, 'en'))"""


def test_axe_and_htmlcs_find_no_violations_and_nothing_leaves_the_origin(
    page: Page, base_url: str, pages: dict[str, Any]
) -> None:
    """Every page: zero axe-core violations, zero HTML_CodeSniffer errors (WCAG2AA), and every request
    goes to the site's own origin. Pages without the checker fetch none of its runtime (Python or the
    wheel); the checker's pages do."""
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.context.add_init_script(path=str(AXE))  # injected by the browser itself, so the page's CSP allows it
    page.context.add_init_script(path=str(HTMLCS))
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
            "async () => (await axe.run(document, {resultTypes: ['violations'],"
            " rules: {'target-size': {enabled: true}}})).violations"
            ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))"
        )
        problems += [f"/{path}: {v}" for v in violations]
        problems += [f"/{path}: HTML_CodeSniffer {e}" for e in page.evaluate(HTMLCS_ERRORS)]
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


def _phone(browser: Browser) -> Page:
    """A 360x740 touch phone."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
    return context.new_page()


@pytest.mark.parametrize("path", ["", "es/", "checker/", "es/checker/"])
def test_on_a_phone_the_quick_exit_covers_no_text_and_names_no_key(browser: Browser, base_url: str, path: str) -> None:
    """On a touch screen the quick exit says no "(Esc)", and at the page's end it covers no text."""
    phone = _phone(browser)
    phone.goto(base_url + path, wait_until="networkidle")
    assert phone.evaluate("matchMedia('(hover: none), (pointer: coarse)').matches")
    assert phone.is_visible(".quick-exit")
    assert phone.is_hidden(".quick-exit__key")
    phone.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    covered = phone.evaluate(
        """() => {
          const exit = document.querySelector('.quick-exit').getBoundingClientRect();
          const hit = (r) => r.width > 0 && r.height > 0 && r.left < exit.right && r.right > exit.left
            && r.top < exit.bottom && r.bottom > exit.top;
          const out = [];
          const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          while (walk.nextNode()) {
            const node = walk.currentNode;
            if (!node.textContent.trim() || node.parentElement.closest('.quick-exit')) continue;
            const range = document.createRange();
            range.selectNodeContents(node);
            if ([...range.getClientRects()].some(hit)) out.push(node.textContent.trim().slice(0, 40));
          }
          return out;
        }"""
    )
    assert covered == []
    phone.context.close()


def test_with_a_mouse_the_quick_exit_names_its_key(page: Page, base_url: str) -> None:
    """Where there is a keyboard and a mouse, the quick exit says it answers to Esc."""
    page.goto(base_url, wait_until="networkidle")
    assert page.is_visible(".quick-exit__key")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_on_a_phone_every_tab_stop_before_the_form_is_on_screen(browser: Browser, base_url: str, lang: str) -> None:
    """At 360x740 the keyboard reaches the first field through visible controls only (no closed menu,
    no closed search, no title permalink), and a focused radio button shows a focus ring."""
    phone = _phone(browser)
    phone.goto(base_url + ("es/" if lang == "es" else "") + "checker/", wait_until="networkidle")
    stops = []
    for _ in range(30):
        phone.keyboard.press("Tab")
        stop = phone.evaluate(
            """() => { const a = document.activeElement; const r = a.getBoundingClientRect();
              return {name: a.name || '', cls: String(a.className), text: (a.textContent || '').trim().slice(0, 30),
                      seen: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth
                        && getComputedStyle(a).visibility === 'visible'}; }"""
        )
        if stop["name"] == "as_of":
            break
        stops.append(stop)
    else:
        pytest.fail(f"30 Tabs did not reach the first field: {stops}")
    assert [s for s in stops if not s["seen"] or "headerlink" in s["cls"]] == []
    assert len(stops) <= 8, stops
    for _ in range(10):
        phone.keyboard.press("Tab")
        if phone.evaluate("document.activeElement.type === 'radio'"):
            break
    ring = phone.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]; })()"
    )
    assert ring[0] != "none"
    assert float(ring[1].removesuffix("px")) >= 2
    # The menu and the search still open, and are then in reach.
    phone.click(".md-header label[for=__drawer]")
    phone.wait_for_timeout(400)
    assert phone.locator(".md-sidebar--primary a.md-nav__link").first.is_visible()
    phone.reload(wait_until="networkidle")
    phone.click(".md-header label[for=__search]")
    phone.wait_for_timeout(400)
    assert phone.is_visible("input.md-search__input")
    phone.context.close()


PHONE: ViewportSize = {"width": 360, "height": 740}


@pytest.mark.parametrize(
    "path", ["trust-act/", "es/trust-act/", "trust-act/decision-tables/", "trust-act/for-officials/"]
)
def test_wide_tables_are_cards_on_a_phone_and_stay_tables(browser: Browser, base_url: str, path: str) -> None:
    """At 360 px no table is wider than the screen: each wide one is one card per row, its cells
    labelled by their column; captions stay outside the sideways-scrolling box; and a screen reader
    still finds tables with rows and cells."""
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    tab.goto(base_url + path, wait_until="networkidle")
    cards = tab.locator("table[data-cards]")
    assert cards.count() >= 1
    too_wide = tab.evaluate(
        "() => [...document.querySelectorAll('.md-typeset table')]"
        ".filter(t => t.getBoundingClientRect().right > innerWidth + 1).map(t => t.outerHTML.slice(0, 80))"
    )
    assert too_wide == []
    inside = ".md-typeset__scrollwrap figcaption, .md-typeset__scrollwrap caption"
    assert tab.evaluate(f"() => document.querySelectorAll('{inside}').length") == 0
    first = cards.first.locator("tbody td[data-label]").first
    label = tab.evaluate("(td) => getComputedStyle(td, '::before').content", first.element_handle())
    assert label.strip('"') == first.get_attribute("data-label") != ""
    assert tab.get_by_role("table").count() == tab.locator(".md-typeset table").count()
    assert tab.get_by_role("table").first.get_by_role("cell").count() > 0
    context.close()


def test_the_header_names_the_other_language(page: Page, base_url: str) -> None:
    """Besides the language icon, the header shows "Español" on English pages and "English" on
    Spanish ones, linking the page's twin."""
    page.goto(base_url + "rights/", wait_until="networkidle")
    link = page.locator(".md-header a.md-header__language")
    assert link.inner_text().strip() == "Español"
    assert link.is_visible()
    assert link.evaluate("a => a.href") == base_url + "es/rights/"
    # The theme sends a language link through its sitemap, which names the real address (not this
    # test server's port), so it lands on the Spanish home page here; on the real site, the twin.
    link.click()
    page.wait_for_url(re.compile(re.escape(base_url) + "es/"))
    back = page.locator(".md-header a.md-header__language")
    assert back.inner_text().strip() == "English"
    assert back.is_visible()


@pytest.mark.parametrize(("path", "query", "other"), [("", "detainer", "es/"), ("es/", "orden", None)])
def test_search_finds_pages_in_the_page_language_only(
    page: Page, base_url: str, path: str, query: str, other: str | None
) -> None:
    """A search on an English page lists no Spanish page, and one on a Spanish page only Spanish pages."""
    page.goto(base_url + path, wait_until="networkidle")
    page.locator("input.md-search__input").click()
    page.keyboard.type(query, delay=30)  # the theme searches as keys are typed
    page.wait_for_selector(".md-search-result__item a")
    hrefs = [a.get_attribute("href") or "" for a in page.locator(".md-search-result__item a").all()]
    assert hrefs
    spanish = [h for h in hrefs if "/es/" in h]
    assert (spanish == []) if other else (spanish == hrefs), hrefs
