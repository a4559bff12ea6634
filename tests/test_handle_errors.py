"""``checker.handle()`` under bad input: every request gets one JSON reply naming the field, never an exception."""

from __future__ import annotations

import json
from typing import Any

import pytest

import checker
from checker import MAX_CONVICTIONS, decide_json, handle
from checker.messages import catalogue
from tests.cases import CASES


def _reply(request: Any) -> dict[str, Any]:
    reply: dict[str, Any] = json.loads(handle(request))
    return reply


@pytest.mark.parametrize(
    ("request_text", "field"),
    [
        ('{"scenario": {"as_of": ' + "1" * 4301 + "}}", "request"),
        ("[" * 100_000, "request"),
        ("{", "request"),
        ("[]", "request"),
        ('{"scenario": {}, "lang": ["es"]}', "lang"),
        ('{"scenario": {}, "lang": "fr"}', "lang"),
        ('{"scenario": {"as_of\\n": 1}}', '"as_of\\n"'),
        ('{"scenario": {"convictions": [{"statute": "53a-70\\n"}]}}', "convictions[0].statute"),
    ],
)
def test_bad_requests_get_an_error_naming_the_field(request_text: str, field: str) -> None:
    """Unreadable JSON, over-long numbers, a wrong language and a trailing newline: an error reply."""
    reply = _reply(request_text)
    assert reply["ok"] is False
    assert reply["field"] == field
    assert reply["error"].startswith(f"{field}: ")
    assert "\n" not in reply["error"]


@pytest.mark.parametrize("request_value", [None, 42, b"{}", ["scenario"]])
def test_a_request_that_is_not_text_gets_an_error(request_value: Any) -> None:
    """Whatever the caller passes, the reply is JSON saying what was wrong."""
    reply = _reply(request_value)
    assert reply == {
        "ok": False,
        "field": "request",
        "error": f"request: {type(request_value).__name__} is not JSON text",
    }


def test_a_byte_order_mark_is_accepted() -> None:
    """A request that starts with a UTF-8 byte-order mark is read as if it did not."""
    facts = CASES[0].facts
    assert _reply("\ufeff" + json.dumps({"scenario": facts}))["decision"] == decide_json(facts)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_too_many_convictions_is_said_in_the_page_language(lang: str) -> None:
    """One conviction over the cap gets the catalogue's message in the language of the request."""
    count = MAX_CONVICTIONS + 1
    reply = _reply(json.dumps({"scenario": {"convictions": [{"class": "B"}] * count}, "lang": lang}))
    words = catalogue(lang)["q.convictions.too_many"].format(count=count, max=MAX_CONVICTIONS)
    assert reply == {"ok": False, "field": "convictions", "error": f"convictions: {words}", "problem": words}


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize(
    ("scenario", "field", "message"),
    [
        ({"convictions": [{"statute": "Sec. 53a-70"}]}, "convictions[0].statute", "q.statute.bad"),
        ({"as_of": "2020-01-01", "release_at": "2019-12-31T10:00"}, "release_at", "q.release_at.before"),
        ({"as_of": "2020-01-01", "release_at": "2020-01-20T10:00"}, "release_at", "q.release_at.after"),
        ({"as_of": "2019-09-29", "release_at": "2019-10-02T10:00"}, "release_at", "q.release_at.other_version"),
    ],
)
def test_errors_the_form_can_meet_are_in_the_page_language(
    lang: str, scenario: dict[str, Any], field: str, message: str
) -> None:
    """The errors a reader of the form can cause come in the request's language, and also without the
    field's name (the page names the field by its question); English stays the command line's."""
    reply = _reply(json.dumps({"scenario": scenario, "lang": lang}))
    assert reply["field"] == field
    template = catalogue(lang)[message]
    fixed = template.split("{")[0] if not template.startswith("{") else template.split("}", 1)[1].split("{")[0]
    assert fixed.strip() in reply["problem"]
    assert reply["error"] == f"{field}: {reply['problem']}"
    assert field not in reply["problem"]
    english = _reply(json.dumps({"scenario": scenario}))
    assert english["error"].startswith(f"{field}: ")


def test_a_failure_inside_the_checker_is_a_reply_not_an_exception(monkeypatch: pytest.MonkeyPatch) -> None:
    """Should the engine itself fail, the reply names the checker, which the page shows with the tables' link."""

    def broken(*args: Any, **kwargs: Any) -> dict[str, Any]:
        raise KeyError("boom")

    monkeypatch.setattr(checker, "decide", broken)
    assert _reply(json.dumps({"scenario": {}})) == {
        "ok": False,
        "field": "checker",
        "error": "internal error (KeyError)",
    }
