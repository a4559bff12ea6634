"""The browser worker's one request per click: `handle` answers with the decision, the outcome under
every version of the law and the what-if changes, every sentence and period worded in Python."""

from __future__ import annotations

import json

import pytest

from checker import REGIMES, compare_json, decide_json, handle, questions
from tests.cases import CASES


@pytest.mark.parametrize("lang", ["en", "es"])
def test_one_reply_holds_the_decision_and_the_comparison(lang: str) -> None:
    """The decision is `decide_json`'s; the comparison has the outcome `compare_json` gives under each
    version, oldest first, with the version's period in words and no what-if."""
    for case in CASES:
        reply = json.loads(handle(json.dumps({"scenario": case.facts, "lang": lang})))
        assert reply["ok"] is True
        assert reply["decision"] == decide_json(case.facts, lang)
        compared = compare_json(case.facts, lang)
        assert [c["outcome"] for c in reply["comparison"]] == [d["outcome"] for d in compared], case.name
        assert [c["regime"] for c in reply["comparison"]] == [d["regime"] for d in compared]
        assert [c["regime"]["period"] for c in reply["comparison"]] == [r.to_json(lang)["period"] for r in REGIMES]
        assert all(set(c) == {"regime", "outcome", "duties"} for c in reply["comparison"])
        for row, full in zip(reply["comparison"], compared, strict=True):
            assert row["duties"] == {d["duty"]: d["outcome"] for d in full["duties"]}, case.name


def test_every_period_is_worded() -> None:
    """Each version's period reads as a phrase with its dates: the day after the last day before 2014."""
    periods = [r.to_json("en")["period"] for r in REGIMES]
    assert periods[0] == "before 2014-01-01"
    assert periods[1] == "in force 2014-01-01 to 2019-09-30"
    assert periods[-1] == "in force from 2025-10-01"
    assert REGIMES[0].to_json("es")["period"] == "antes del 2014-01-01"


def test_what_if_changes_carry_their_question_and_answer() -> None:
    """Each what-if change comes with the question's label and the answer as the form words it."""
    scenario = {"as_of": "2026-01-05", "custodian": "prosecutor", "warrant": "none", "convictions": [{"class": "C"}]}
    reply = json.loads(handle(json.dumps({"scenario": scenario, "lang": "es"})))
    fields = {f["id"]: f for f in questions("es")["fields"]}
    assert [{k: c[k] for k in ("field", "value", "outcome")} for c in reply["what_if"]] == reply["decision"]["what_if"]
    assert reply["what_if"], "expected some change to matter"
    for change in reply["what_if"]:
        field = fields[change["field"]]
        assert change["question"] == field["label"]
        if field["type"] == "convictions":
            labels = {o["value"]: o["label"] for o in field["item"]["class"]["values"]}
            expected = ", ".join(labels[c["class"]] for c in change["value"]) or "Ninguna"
        else:
            expected = next(o["label"] for o in field["values"] if o["value"] == change["value"])
        assert change["answer"] == expected


def test_invalid_input_still_names_the_field() -> None:
    """A bad scenario gives no decision and no comparison, only the field and the error."""
    reply = json.loads(handle(json.dumps({"scenario": {"custodian": "sheriff"}})))
    assert reply["ok"] is False
    assert reply["field"] == "custodian"
    assert "comparison" not in reply
