"""The checker page in headless Chromium: the same answers as `python -m checker`, computed in a
worker, with nothing leaving the page; share links, failure states, accessibility and phones."""

from __future__ import annotations

import base64
import datetime
import json
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page

from checker import decide_json, handle, questions, regime_for
from checker.messages import catalogue, render, written_date
from tests.conftest import SITE_URL
from tests.helpers import READY, ROOT, SCENARIOS, answer_form, cli, fill, hooks, shown_words
from tools.browser import AXE, serve

WORDS = shown_words("en")


@pytest.fixture
def requests_seen() -> list[str]:
    """The URL of every request the test's page makes, its worker's included."""
    return []


@pytest.fixture
def page(browser: Browser, requests_seen: list[str]) -> Iterator[Page]:
    """A fresh page that records CSP violations and every request it makes (workers included)."""
    context = browser.new_context()
    context.add_init_script(
        "window.__csp = []; document.addEventListener('securitypolicyviolation',"
        " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    tab = context.new_page()
    context.on("request", lambda request: requests_seen.append(request.url))
    yield tab
    context.close()


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[f"{s['as_of']}-{s['custodian']}" for s in SCENARIOS])
def test_the_form_shows_what_the_command_line_decides(page: Page, base_url: str, scenario: dict[str, Any]) -> None:
    """Filled through the form, each scenario shows the CLI's outcome, reasons, citations and comparison.

    The form asks only what the law of the scenario's date asks, so it is filled with those answers;
    the answers it does not ask change nothing under that law."""
    shown = asked_on(scenario)
    page.goto(base_url + "checker/")
    fill(page, shown)
    page.wait_for_selector(READY, state="attached", timeout=90_000)
    page.click("button.checker-submit")
    answer = page.wait_for_selector(".checker-answer")
    assert answer is not None
    expected = cli(shown)
    whole = cli(scenario)
    assert (whole["outcome"], whole["reasons"], whole["duties"]) == (
        expected["outcome"],
        expected["reasons"],
        expected["duties"],
    )
    assert answer.get_attribute("data-outcome") == expected["outcome"]
    assert page.inner_text(".checker-summary") == expected["summary"]
    page.click(".checker-open-all")
    reasons = page.query_selector_all(".checker-reasons > li")
    assert [r.query_selector("p").inner_text() for r in reasons] == [r["text"] for r in expected["reasons"]]  # type: ignore[union-attr]
    assert [r.query_selector(".checker-citation a").inner_text() for r in reasons] == [  # type: ignore[union-attr]
        r["citation"] for r in expected["reasons"]
    ]
    versions = cli(shown, "--compare")
    compared = [row.get_attribute("data-outcome") for row in page.query_selector_all("tr[data-regime]")]
    assert compared == [d["outcome"] for d in versions]
    cells = [
        [c.get_attribute("data-outcome") for c in row.query_selector_all("td[data-duty]")]
        for row in page.query_selector_all("tr[data-regime]")
    ]
    others = [duty for duty in expected["asked"] if duty != "hold"]
    assert cells == [
        [next(x["outcome"] for x in d["duties"] if x["duty"] == duty) for duty in others] for d in versions
    ]
    duties = page.query_selector_all(".checker-duties > li")
    assert [d.get_attribute("data-duty") for d in duties] == expected["asked"]
    assert [d.get_attribute("data-outcome") for d in duties] == [
        d["outcome"] for d in expected["duties"] if d["duty"] in expected["asked"]
    ]
    lines = json.loads(handle(json.dumps({"scenario": shown})))["what_if"]
    assert [
        (li.get_attribute("data-field"), li.get_attribute("data-outcome"))
        for li in page.query_selector_all(".checker-what-if > li")
    ] == [(c["field"], c["outcome"]) for c in lines]
    assert [li.inner_text() for li in page.query_selector_all(".checker-what-if > li")] == [
        what_if_line(c, WORDS) for c in lines
    ]
    steps = [s.inner_text() for s in page.query_selector_all(".checker-next-steps > li")]
    assert steps == [s["text"] for s in expected["next_steps"]]
    assert page.query_selector_all(".checker-contacts a[href^='tel:']")
    if expected["hold_until"]:
        assert expected["hold_until"].replace("T", " ") in page.inner_text(".checker-hold")
    assert page.evaluate("window.__csp") == []


def what_if_line(line: dict[str, Any], words: dict[str, str]) -> str:
    """A what-if line as the page words it: one answer, or several with the same outcome."""
    template = words["ui.what_if_group" if len(line["answers"]) > 1 else "ui.what_if_item"]
    return template.format(
        question=line["question"], answer=line["answer"], outcome=words[f"label.outcome.{line['outcome']}"]
    )


def asked_on(scenario: dict[str, Any]) -> dict[str, Any]:
    """The part of ``scenario`` that the law of its date asks (the schema's asked_in)."""
    regime = regime_for(datetime.date.fromisoformat(scenario["as_of"])).id
    asked = {f["id"] for f in questions()["fields"] if regime in f["asked_in"]}
    return {k: v for k, v in scenario.items() if k in asked}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_form_asks_only_what_the_law_of_the_date_asks(page: Page, base_url: str, lang: str) -> None:
    """Changing the date shows the questions that version's rules read and hides the others, keeping
    their answers but not sending them, and says which version applies, from the checker's regimes."""
    schema = questions(lang)
    regimes = {r["id"]: r for r in schema["regimes"]}
    words = shown_words(lang)
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(base_url + ("es/" if lang == "es" else "") + "checker/")
    page.wait_for_selector("trust-act-checker:not([data-state=static])", state="attached")

    def shown_on(date: str) -> set[str]:
        page.fill("input[name=as_of]", date)
        return {
            f["id"]
            for f in schema["fields"]
            if f["type"] != "date" and page.locator(f".checker-field:has([name='{f['id']}'])").first.is_visible()
        }

    for date, regime in (("2013-05-01", "before_2014"), ("2016-05-27", "pa_13_155"), ("2026-01-05", "hb_7259_2025")):
        expected = {
            f["id"]
            for f in schema["fields"]
            if f["type"] != "date" and regime in f["asked_in"] and not f.get("needed_for")
        }
        assert shown_on(date) == expected | {"release_at"}, date
        line = page.inner_text(".checker-applies")
        assert line == words["ui.applies"].format(name=regimes[regime]["name"], period=regimes[regime]["period"])
    assert "gang_database" not in shown_on("2026-01-05")
    assert "warrant" not in shown_on("2016-05-27")
    page.check("input[name=gang_database][value='true']")
    page.fill("input[name=as_of]", "2026-01-05")
    page.check("input[name=warrant][value=judicial]")
    sent = page.evaluate("document.querySelector('trust-act-checker').scenario()")
    assert sent.get("warrant") == "judicial"
    assert "gang_database" not in sent
    page.fill("input[name=as_of]", "2016-05-27")
    assert page.is_checked("input[name=gang_database][value='true']"), "a hidden answer is kept"
    sent = page.evaluate("document.querySelector('trust-act-checker').scenario()")
    assert sent.get("gang_database") is True
    assert "warrant" not in sent
    page.fill("input[name=as_of]", "")
    today = regime_for(datetime.date.today()).id
    assert page.inner_text(".checker-applies").startswith(words["ui.applies"].split("{")[0])
    assert regimes[today]["name"] in page.inner_text(".checker-applies")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_on_a_phone_check_is_within_two_screens_after_2019(page: Page, base_url: str, lang: str) -> None:
    """At 360x740, for a date after 2019, the Check button ends within two screens of the form's top."""
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(base_url + ("es/" if lang == "es" else "") + "checker/")
    page.wait_for_selector("trust-act-checker:not([data-state=static])", state="attached")
    page.fill("input[name=as_of]", "2021-03-03")
    top = page.evaluate("document.querySelector('form.checker-form').getBoundingClientRect().top + scrollY")
    bottom = page.evaluate("document.querySelector('button.checker-submit').getBoundingClientRect().bottom + scrollY")
    assert bottom - top <= 2 * 740, f"Check ends {bottom - top:.0f} px below the form's top"


def test_questions_for_one_request_appear_when_it_is_ticked(page: Page, base_url: str) -> None:
    """The courthouse and consent questions stay hidden until a request that needs them is ticked."""
    page.goto(base_url + "checker/")
    page.wait_for_selector("trust-act-checker:not([data-state=static])", state="attached")
    courthouse = page.locator("fieldset.checker-field:has(input[name='in_courthouse'])")
    consent = page.locator("fieldset.checker-field:has(input[name='written_consent'])")
    assert courthouse.is_hidden()
    assert consent.is_hidden()
    requests = page.locator("fieldset.checker-field:has(input[name='asked']) details")
    assert requests.get_attribute("open") is None, "the requests are folded: unchecked means every request"
    requests.locator("summary").click()
    page.check("input[name='asked'][value='courthouse_arrest']")
    assert courthouse.is_visible()
    assert consent.is_hidden()
    page.check("input[name='asked'][value='share_information']")
    assert consent.is_visible()


def test_decide_api_equals_the_command_line(page: Page, base_url: str) -> None:
    """`await el.decide(scenario)` resolves to exactly what `python -m checker` prints."""
    page.goto(base_url + "checker/")
    page.wait_for_selector(READY, state="attached", timeout=90_000)
    for scenario in SCENARIOS:
        got = page.evaluate("s => document.querySelector('trust-act-checker').decide(s)", scenario)
        assert got == cli(scenario)
    error = page.evaluate(
        "() => document.querySelector('trust-act-checker')"
        ".decide({custodian: 'sheriff'}).then(() => '', e => e.message)"
    )
    assert error.startswith("custodian:")


def test_decide_api_answers_in_the_elements_language(page: Page, base_url: str) -> None:
    """On the Spanish page `el.decide(scenario)` is what `python -m checker --lang es` prints."""
    page.goto(base_url + "es/checker/")
    page.wait_for_selector(READY, state="attached", timeout=90_000)
    for scenario in SCENARIOS[1:3]:
        got = page.evaluate("s => document.querySelector('trust-act-checker').decide(s)", scenario)
        assert got == cli(scenario, "--lang", "es")
        assert got != cli(scenario)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_an_invalid_answer_is_named_by_its_question_in_the_page_language(page: Page, base_url: str, lang: str) -> None:
    """A statute the checker cannot read, or a release time outside the week, is named by its
    question in the page's language, never by the contract's field name."""
    fields = {f["id"]: f for f in questions(lang)["fields"]}
    messages = catalogue(lang)
    words = shown_words(lang)
    page.goto(base_url + ("es/" if lang == "es" else "") + "checker/")
    fill(page, {"as_of": "2021-03-03", "convictions": [{"class": "D", "statute": "Sec. 53a-70"}]})
    page.wait_for_selector(READY, state="attached", timeout=90_000)
    page.click("button.checker-submit")
    error = page.wait_for_selector(".checker-result .checker-failed")
    assert error is not None
    text = error.inner_text()
    label = fields["convictions"]["item"]["statute"]["label"]
    assert text.startswith(f"{words['ui.invalid']} {words['ui.conviction'].format(n=1)}, {label}: ")
    assert text.endswith(messages["q.statute.bad"].format(value="'Sec. 53a-70'"))
    assert "convictions[" not in text
    assert "statute" not in text
    page.fill("input[name=release_at]", "2021-03-20T10:00")
    page.check("input[name=convictions][value=none]")
    page.click("button.checker-submit")
    error = page.wait_for_selector(".checker-result .checker-failed")
    assert error is not None
    text = error.inner_text()
    assert text.startswith(f"{words['ui.invalid']} {fields['release_at']['label']}: ")
    # The dates as the message writes them in the page's language ("20 de marzo de 2021 a las 10:00").
    assert render("q.release_at.after", {"moment": "2021-03-20T10:00", "days": "7", "date": "2021-03-03"}, lang) in text
    assert "release_at" not in text


def test_python_runs_in_a_worker_and_nothing_leaves_the_origin(
    page: Page, base_url: str, requests_seen: list[str]
) -> None:
    """The runtime loads in a module worker from this site; no request goes anywhere else; no storage."""
    workers: list[str] = []
    page.on("worker", lambda worker: workers.append(worker.url))
    gaps = []
    page.goto(base_url + "checker/")
    page.evaluate(
        "() => { window.__gap = 0; let last = performance.now();"
        " window.__tick = setInterval(() => { const now = performance.now();"
        " window.__gap = Math.max(window.__gap, now - last); last = now; }, 20); }"
    )
    started = time.monotonic()
    page.wait_for_selector(READY, state="attached", timeout=90_000)
    gaps.append(page.evaluate("window.__gap"))
    assert time.monotonic() - started > 0.2, "the runtime was ready too fast to measure"
    assert any(re.search(r"/javascripts/checker/worker\.[0-9a-f]{10}\.mjs", url) for url in workers)
    assert any(url.endswith("pyodide.asm.wasm") for url in requests_seen)
    assert gaps[0] < 500, f"the page was unresponsive for {gaps[0]:.0f} ms while Python loaded"
    fill(page, SCENARIOS[2])
    page.click("button.checker-submit")
    page.wait_for_selector(".checker-answer")
    origin = urlsplit(base_url).netloc
    assert [u for u in requests_seen if urlsplit(u).netloc not in ("", origin)] == []
    assert page.evaluate("[localStorage.length, sessionStorage.length, document.cookie]") == [0, 0, ""]
    assert page.evaluate("window.__csp") == []


def test_a_shared_link_restores_the_answers(page: Page, base_url: str, browser: Browser) -> None:
    """ "Copy a link" puts the answers after # only; opening that link fills the form and answers again."""
    answer_form(page, SCENARIOS[1], base_url=base_url)
    page.click("button.checker-share")
    page.wait_for_selector(".checker-share-box")
    link = page.input_value(".checker-share-box input")
    assert "#answers=" in link
    assert "#" not in page.url, "the answers must not enter the address bar or the history"
    assert WORDS["ui.share_warning"] in page.inner_text(".checker-share-box")
    other = browser.new_context().new_page()
    other.goto(link)
    answer = other.wait_for_selector(".checker-answer", timeout=90_000)
    assert answer is not None
    assert "#" not in other.url, "a link that fills the form leaves the address bar at once"
    assert answer.get_attribute("data-outcome") == cli(SCENARIOS[1])["outcome"]
    assert other.input_value("select[name=custodian]") == "correction"
    assert other.input_value("input[name='convictions[0].statute']") == "53a-125b"
    other.context.close()


def _link(value: object) -> str:
    return "answers=" + base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    "fragment",
    [
        "answers=%7Bnot-base64",
        "answers=%ZZ",
        "%answers=",
        "answers=bnVsbA",
        _link({"convictions": [None]}),
        _link({"convictions": [{"class": "B"}] * 5000}),
    ],
)
def test_a_malformed_link_says_so(page: Page, base_url: str, fragment: str) -> None:
    """A link whose answers cannot be read gives a clear message and an empty form, never a stuck page."""
    page.goto(base_url + "checker/#" + fragment)
    page.wait_for_selector("trust-act-checker:not([data-state=static])", state="attached")
    if fragment.startswith("answers="):
        assert WORDS["ui.fragment_bad"] in page.inner_text(".checker-result")
    assert page.input_value("select[name=custodian]") == ""
    assert page.is_enabled("button.checker-submit")


def test_before_the_script_runs_the_form_sends_nothing(browser: Browser, base_url: str) -> None:
    """With JavaScript off the Check button is disabled, Enter submits nothing, and the page says why."""
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    sent: list[str] = []
    tab.on("request", lambda request: sent.append(request.url))
    tab.goto(base_url + "checker/", wait_until="networkidle")
    assert tab.is_disabled("button.checker-submit")
    assert tab.get_attribute("form.checker-form", "autocomplete") == "off"
    tab.select_option("select[name=custodian]", "correction")
    tab.focus("input[name=as_of]")
    tab.keyboard.press("Enter")
    tab.wait_for_timeout(500)
    assert "?" not in tab.url
    assert not [u for u in sent if "custodian" in u]
    assert WORDS["ui.failed_link"] in tab.inner_text("trust-act-checker")
    context.close()


def test_leaving_the_page_forgets_the_answers(page: Page, base_url: str) -> None:
    """Answer, go to another page, come Back: the form is empty and no result is shown."""
    answer_form(page, SCENARIOS[1], base_url=base_url)
    page.goto(base_url + "about/", wait_until="networkidle")
    page.go_back(wait_until="load")
    page.wait_for_selector("trust-act-checker:not([data-state=static])", state="attached")
    assert page.input_value("select[name=custodian]") == ""
    assert page.query_selector(".checker-answer") is None


def test_without_webassembly_the_reader_gets_the_tables(browser: Browser, base_url: str) -> None:
    """With WebAssembly unavailable the element reports an error and links to the decision tables."""
    context = browser.new_context()
    context.add_init_script("delete window.WebAssembly")
    tab = context.new_page()
    tab.goto(base_url + "checker/")
    tab.wait_for_selector("trust-act-checker[data-state=error]", state="attached", timeout=30_000)
    status = tab.inner_text(".checker-status")
    assert WORDS["ui.failed"] in status
    assert tab.get_attribute(".checker-status a", "href") == "../trust-act/decision-tables/"
    context.close()


def test_a_download_that_stops_ends_in_a_message_within_30_seconds(browser: Browser, base_url: str) -> None:
    """A WebAssembly download that starts and then never finishes shows the failure, not a spinner."""
    context = browser.new_context()
    tab = context.new_page()
    context.route("**/pyodide.asm.wasm", lambda route: None)  # the request is never answered
    tab.goto(base_url + "checker/")
    started = time.monotonic()
    tab.wait_for_selector("trust-act-checker[data-state=error]", state="attached", timeout=45_000)
    assert time.monotonic() - started < 30 + 5  # the stall limit, and the page's own start-up
    assert WORDS["ui.failed"] in tab.inner_text(".checker-status")
    assert tab.get_attribute(".checker-status a", "href") == "../trust-act/decision-tables/"
    context.close()


def test_without_the_element_s_script_the_status_offers_the_tables(browser: Browser, base_url: str) -> None:
    """If element.js never arrives, the page still says what it is doing and links to the tables."""
    context = browser.new_context()
    tab = context.new_page()
    context.route("**/element.js", lambda route: route.abort())
    context.route("**/element.*.js", lambda route: route.abort())
    tab.goto(base_url + "checker/", wait_until="load")
    assert tab.get_attribute("trust-act-checker", "data-state") == "static"
    assert tab.get_attribute(".checker-status a", "href") == "../trust-act/decision-tables/"
    assert tab.is_disabled("button.checker-submit")
    context.close()


def test_a_runtime_that_fails_to_load_is_never_a_blank_widget(browser: Browser, base_url: str) -> None:
    """If the runtime's files cannot be fetched, the worker's failure reaches the reader."""
    context = browser.new_context()
    tab = context.new_page()
    context.route("**/pyodide.asm.wasm", lambda route: route.fulfill(status=404, body="gone"))
    tab.goto(base_url + "checker/")
    tab.wait_for_selector("trust-act-checker[data-state=error]", state="attached", timeout=90_000)
    assert WORDS["ui.failed"] in tab.inner_text(".checker-status")
    context.close()


def test_axe_before_and_after_a_result_and_a_phone_screen(page: Page, base_url: str) -> None:
    """No axe violations on the checker page before or after a result; nothing overflows 360 px."""

    def violations() -> list[str]:
        found: list[str] = page.evaluate(
            "async () => (await axe.run(document, {resultTypes: ['violations'],"
            " rules: {'target-size': {enabled: true}}})).violations"
            ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))"
        )
        return found

    page.context.add_init_script(path=str(AXE))  # injected by the browser itself, so the page's CSP allows it
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(base_url + "checker/")
    assert violations() == []
    fill(page, SCENARIOS[3])
    page.wait_for_selector(READY, state="attached", timeout=90_000)
    page.click("button.checker-submit")
    page.wait_for_selector(".checker-answer")
    assert violations() == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert page.evaluate("document.activeElement.closest('.checker-answer') !== null")


def test_keyboard_alone_reaches_an_answer(page: Page, base_url: str) -> None:
    """A reader using only the keyboard can answer and submit; focus moves to the result."""
    page.goto(base_url + "checker/")
    page.wait_for_selector(READY, state="attached", timeout=90_000)
    page.focus("select[name=custodian]")
    page.keyboard.press("ArrowDown")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('checker-submit')"):
            break
    page.keyboard.press("Enter")
    page.wait_for_selector(".checker-answer")
    assert page.evaluate("document.activeElement.tagName") == "H2"


def test_print_this_result_is_one_page(page: Page, base_url: str) -> None:
    """ "Print this result" prints only the result sheet: one page with the date, law, reasons and help."""
    answer_form(page, SCENARIOS[1], base_url=base_url)
    page.evaluate("document.documentElement.classList.add('checker-printing')")
    page.emulate_media(media="print")
    assert page.is_hidden("form.checker-form")
    assert page.is_hidden(".checker-what-if")
    assert page.is_visible(".checker-printed")
    assert page.is_visible(".checker-reasons")
    pdf = page.pdf(format="Letter")
    assert pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page>>") + pdf.count(b"/Type /Page ") == 1


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_depends_result_prints_on_one_page_with_the_site_s_name_and_next_steps(
    page: Page, base_url: str, lang: str
) -> None:
    """The mother's "Depends" (city police, everything else unknown) prints on one letter page, in
    either language, with the site's name and address, the date and what to do now."""
    folder = "es/" if lang == "es" else ""
    answer_form(page, {"custodian": "municipal_police"}, path=folder + "checker/", base_url=base_url)
    assert page.get_attribute(".checker-answer", "data-outcome") == "depends"
    page.evaluate("document.documentElement.classList.add('checker-printing')")
    page.emulate_media(media="print")
    assert page.is_visible(".checker-next-steps")
    printed = page.inner_text(".checker-printed")
    site = json.loads(page.text_content("script.checker-data") or "{}")["site"]
    assert site["name"]
    assert site["url"] == SITE_URL + folder
    assert site["name"] in printed
    assert site["url"] in printed
    assert shown_words(lang)["ui.printed"] in printed
    pdf = page.pdf(format="Letter")
    assert pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page>>") + pdf.count(b"/Type /Page ") == 1


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_result_folds_its_details_on_a_phone(page: Page, base_url: str, lang: str) -> None:
    """At 360x740 a "Depends" result shows its headline, the answers and the next steps; the reasons,
    the versions and the what-if list are closed folds that one control opens and closes, and print
    opens them all."""
    words = shown_words(lang)
    page.set_viewport_size({"width": 360, "height": 740})
    path = ("es/" if lang == "es" else "") + "checker/"
    answer_form(page, {"custodian": "municipal_police"}, path=path, base_url=base_url)
    assert page.get_attribute(".checker-answer", "data-outcome") == "depends"
    folds = page.locator("details.checker-fold")
    titles = [t.strip() for t in folds.locator("summary").all_inner_texts()]
    assert titles == [words["ui.reasons"], words["ui.duty_why"], words["ui.compare"], words["ui.what_if"]]
    assert page.evaluate("[...document.querySelectorAll('details.checker-fold')].every(d => !d.open)")
    for hidden in (".checker-reasons", ".checker-duty-why .checker-duty", ".checker-compare table", ".checker-what-if"):
        assert page.locator(hidden).first.is_hidden(), hidden
    assert page.is_visible(".checker-next-steps")
    assert page.is_visible(".checker-duties")
    toggle = page.locator("button.checker-open-all")
    assert toggle.inner_text() == words["ui.open_all"]
    toggle.click()
    assert page.evaluate("[...document.querySelectorAll('details.checker-fold')].every(d => d.open)")
    assert page.is_visible(".checker-reasons")
    assert page.is_visible(".checker-what-if")
    assert toggle.inner_text() == words["ui.close_all"]
    toggle.click()
    assert page.evaluate("[...document.querySelectorAll('details.checker-fold')].every(d => !d.open)")
    # One fold by keyboard: its summary is a button that Enter opens.
    page.focus(".checker-why > summary")
    page.keyboard.press("Enter")
    assert page.is_visible(".checker-reasons")
    # Printing (the browser's own or the result's button) opens every fold, and afterwards closes the
    # ones that were closed.
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.evaluate("[...document.querySelectorAll('details.checker-fold')].every(d => d.open)")
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    opened = page.evaluate("[...document.querySelectorAll('details.checker-fold')].map(d => d.open)")
    assert opened == [True, False, False, False]


def test_works_with_instant_navigation(browser: Browser, tmp_path: Path) -> None:
    """With Material's instant navigation on, reaching the checker by a link still starts and answers."""
    config = tmp_path / "mkdocs-instant.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\n"
        f"docs_dir: {ROOT / 'docs'}\n"
        f"hooks: [{', '.join(str(h) for h in hooks())}]\n"
        "plugins: [search]\n"  # the i18n plugin refuses instant navigation; English alone is enough here
        "theme:\n"
        f"  custom_dir: {ROOT / 'overrides'}\n"
        "  features: [navigation.instant, navigation.sections]\n",
        encoding="utf-8",
    )
    out = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "--site-dir", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    with serve(out) as url:
        context = browser.new_context()
        tab = context.new_page()
        tab.goto(url, wait_until="networkidle")
        loads = tab.evaluate("performance.getEntriesByType('navigation').length")
        tab.click(".md-content a.md-button--primary")
        tab.wait_for_selector(READY, state="attached", timeout=90_000)
        assert tab.evaluate("performance.getEntriesByType('navigation').length") == loads
        assert tab.evaluate("location.pathname").endswith("/checker/")
        got = tab.evaluate("s => document.querySelector('trust-act-checker').decide(s)", SCENARIOS[2])
        assert got == cli(SCENARIOS[2])
        tab.click(".md-nav a[href$='glossary/']")
        tab.wait_for_url("**/glossary/")
        tab.go_back()
        tab.wait_for_selector(READY, state="attached", timeout=90_000)
        fill(tab, SCENARIOS[2])
        tab.click("button.checker-submit")
        assert tab.wait_for_selector(".checker-answer") is not None
        context.close()


def test_the_spanish_checker_answers_in_spanish(page: Page, base_url: str) -> None:
    """On the Spanish page, the form and the answer are in Spanish, with the same outcome and citations."""
    scenario = SCENARIOS[3]
    page.goto(base_url + "es/checker/")
    assert page.inner_text("button.checker-submit") == shown_words("es")["ui.check"]
    fill(page, scenario)
    page.wait_for_selector(READY, state="attached", timeout=90_000)
    page.click("button.checker-submit")
    answer = page.wait_for_selector(".checker-answer")
    assert answer is not None
    expected = decide_json(scenario, "es")
    assert answer.get_attribute("data-outcome") == expected["outcome"]
    assert page.inner_text(".checker-summary") == expected["summary"]
    page.click(".checker-open-all")
    texts = [r.inner_text() for r in page.query_selector_all(".checker-reasons > li > p:first-child")]
    assert texts == [r["text"] for r in expected["reasons"]]
    lines = json.loads(handle(json.dumps({"scenario": scenario, "lang": "es"})))["what_if"]
    assert lines, "expected some change to matter"
    words = shown_words("es")
    assert [li.inner_text() for li in page.query_selector_all(".checker-what-if > li")] == [
        what_if_line(c, words) for c in lines
    ]
    assert page.evaluate("window.__csp") == []


def test_the_spanish_hold_line_writes_the_date_in_words(page: Page, base_url: str) -> None:
    """The "must be released by" line on the Spanish page writes the day as Spanish does, not ISO."""
    scenario = next(s for s in SCENARIOS if decide_json(s, "es")["hold_until"])
    moment = decide_json(scenario, "es")["hold_until"]
    answer_form(page, scenario, "es/checker/", base_url)
    line = page.wait_for_selector(".checker-hold")
    assert line is not None
    text = line.inner_text()
    assert written_date(moment[:10], "es") in text
    assert moment[11:] in text
    assert moment[:10] not in text


def test_repeat_visits_reuse_the_runtime_and_work_offline(browser: Browser, base_url: str) -> None:
    """After one visit the runtime comes from the service worker's cache, and the checker works offline."""
    context = browser.new_context()
    first = context.new_page()
    first.goto(base_url + "checker/")
    first.wait_for_selector(READY, state="attached", timeout=90_000)
    assert first.evaluate("navigator.serviceWorker.controller !== null")
    first.wait_for_timeout(1000)

    again = context.new_page()
    runtime: list[tuple[str, bool]] = []
    again.on(
        "response",
        lambda r: (
            runtime.append((r.url, r.from_service_worker))
            if "/assets/" in r.url and r.request.method == "GET"  # the worker's HEAD checks carry no body
            else None
        ),
    )
    again.goto(base_url + "checker/")
    again.wait_for_selector(READY, state="attached", timeout=90_000)
    heavy = [served for url, served in runtime if url.endswith((".wasm", ".zip", ".whl"))]
    assert heavy, "the runtime was not requested"
    assert all(heavy), f"runtime files came from the network again: {runtime}"

    context.set_offline(True)
    offline = context.new_page()
    offline.goto(base_url + "checker/")
    offline.wait_for_selector(READY, state="attached", timeout=90_000)
    got = offline.evaluate("s => document.querySelector('trust-act-checker').decide(s)", SCENARIOS[2])
    assert got == cli(SCENARIOS[2])
    context.close()
