"""The Connecticut TRUST Act (Conn. Gen. Stat. § 54-192h) as code.

``decide`` answers: on this date, may this Connecticut official hold this person on an ICE
detainer, and why? Every reason carries the citation it comes from. Standard library only, so the
same code runs in CPython and, through Pyodide, in the browser.

>>> from checker import decide_json
>>> decide_json({"as_of": "2020-01-15", "custodian": "municipal_police", "warrant": "judicial"})["outcome"]
'may_hold'
"""

from __future__ import annotations

import json
from typing import Any

from checker.engine import VERSION, answer_duty, compare, decide, evaluate, what_if
from checker.lawdata import CITATIONS, REGIMES, SOURCES, Regime, regime_for
from checker.messages import LANGUAGES, catalogue
from checker.model import DUTIES, Outcome, Scenario
from checker.questions import questions
from checker.validation import FIELDS, MAX_CONVICTIONS, ValidationError, describe, loads, parse

__all__ = [
    "CITATIONS",
    "FIELDS",
    "MAX_CONVICTIONS",
    "REGIMES",
    "SOURCES",
    "VERSION",
    "Outcome",
    "Scenario",
    "ValidationError",
    "compare",
    "compare_json",
    "decide",
    "decide_json",
    "evaluate",
    "handle",
    "parse",
    "questions",
    "regime_for",
    "what_if",
]

__version__ = VERSION


def decide_json(data: Any, lang: str = "en") -> dict[str, Any]:
    """Validate a scenario (decoded JSON) and return its decision; raises :class:`ValidationError`."""
    return decide(parse(data), lang=lang)


def compare_json(data: Any, lang: str = "en") -> list[dict[str, Any]]:
    """Validate a scenario (decoded JSON) and return its decision under every regime."""
    return compare(parse(data), lang=lang)


def _error(field: str, error: str, problem: str | None = None) -> str:
    reply = {"ok": False, "field": field, "error": error}
    if problem is not None:
        reply["problem"] = problem
    return json.dumps(reply)


def handle(request: str) -> str:
    """One JSON request in, one JSON reply out: the browser worker's whole interface.

    The request is ``{"scenario": {...}, "lang": "en"}``. The reply is everything the checker page
    shows for one click, worded in ``lang``: ``{"ok": true, "decision": ..., "comparison": [...],
    "what_if": [...]}``. ``decision`` is exactly what ``decide_json`` returns; ``comparison`` is
    ``[{"regime": ..., "outcome": ...}]``, the outcome under every version of the law, oldest
    first (each regime with its ``period`` in words, and no what-if); ``what_if`` is the decision's
    what-if list as the page shows it, one line per question and new outcome, with the question
    and the answers in words (see ``_worded``). Invalid input gives
    ``{"ok": false, "field": ..., "error": ..., "problem": ...}``, the error in the request's
    language where the catalogue has its words (``problem`` is the same without the field's name,
    for a page that names the field by its question). It never raises: a failure of the checker
    itself is ``{"ok": false, "field": "checker", ...}``, which the page shows with the link to
    the decision tables. Strings cross the boundary, never live objects.
    """
    try:
        return _handle(request)
    except Exception as exc:  # noqa: BLE001 - the worker must always get a reply, never an exception
        return _error("checker", f"internal error ({type(exc).__name__})")


def _handle(request: str) -> str:
    if not isinstance(request, str):
        return _error("request", f"request: {type(request).__name__} is not JSON text")
    try:
        message = loads(request, "request")
    except ValidationError as exc:
        return _error(exc.field, str(exc))
    if not isinstance(message, dict):
        return _error("request", "request: not a JSON object")
    lang = message.get("lang", "en")
    if not isinstance(lang, str) or lang not in LANGUAGES:
        shown = repr(lang[:20]) if isinstance(lang, str) else describe(lang)
        return _error("lang", f"lang: no messages for language {shown}")
    try:
        facts = parse(message.get("scenario"))
    except ValidationError as exc:
        return _error(exc.field, exc.text(lang), exc.problem_text(lang))
    decision = decide(facts, lang=lang)
    comparison = [_compared(facts, r, lang) for r in REGIMES]
    return json.dumps(
        {"ok": True, "decision": decision, "comparison": comparison, "what_if": _worded(decision["what_if"], lang)}
    )


def _compared(facts: Scenario, regime: Regime, lang: str) -> dict[str, Any]:
    """One version's answers, as if it were in force: the hold's outcome and every duty's."""
    outcome = evaluate(facts, regime).outcome
    duties = {"hold": {"may_hold": "permitted", "may_not_hold": "forbidden"}.get(outcome.value, outcome.value)}
    duties.update({duty: answer_duty(facts, duty, regime).outcome.value for duty in DUTIES[1:]})
    return {"regime": regime.to_json(lang), "outcome": outcome.value, "duties": duties}


def _worded(changes: list[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
    """The what-if changes as the page lists them: one line per question and new outcome.

    The changes to one question that give the same outcome (seven custodians the act does not
    govern, say) are one line: ``{"field", "outcome", "question", "values", "answers", "answer"}``,
    with each value's answer as the form words it and ``answer`` the answers joined by "; ". The
    decision's own ``what_if`` (the command line's) stays one entry per change.
    """
    fields = {f["id"]: f for f in questions(lang)["fields"]}
    words = catalogue(lang)
    lines: dict[tuple[str, str], dict[str, Any]] = {}
    for change in changes:
        field, value = fields[change["field"]], change["value"]
        if field["type"] == "convictions":
            classes = field["item"]["class"]["values"]
            labels = {o["value"]: o["label"] for o in classes}
            answer = ", ".join(labels.get(c.get("class"), words["class.unknown"]) for c in value)
            answer = answer or words["q.convictions.none"]
        else:
            answer = next((o["label"] for o in field.get("values", []) if o["value"] == value), str(value))
        line = lines.setdefault(
            (change["field"], change["outcome"]),
            {
                "field": change["field"],
                "outcome": change["outcome"],
                "question": field["label"],
                "values": [],
                "answers": [],
            },
        )
        line["values"].append(value)
        line["answers"].append(answer)
    return [{**line, "answer": "; ".join(line["answers"])} for line in lines.values()]
