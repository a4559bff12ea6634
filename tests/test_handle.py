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
    assert REGIMES[0].to_json("es")["period"] == "antes del 1 de enero de 2014"


def test_what_if_changes_carry_their_question_and_answer() -> None:
    """Each what-if line comes with the question's label and each answer as the form words it."""
    scenario = {"as_of": "2026-01-05", "custodian": "prosecutor", "warrant": "none", "convictions": [{"class": "C"}]}
    reply = json.loads(handle(json.dumps({"scenario": scenario, "lang": "es"})))
    fields = {f["id"]: f for f in questions("es")["fields"]}
    assert reply["what_if"], "expected some change to matter"
    for line in reply["what_if"]:
        field = fields[line["field"]]
        assert line["question"] == field["label"]
        expected = []
        for value in line["values"]:
            if field["type"] == "convictions":
                labels = {o["value"]: o["label"] for o in field["item"]["class"]["values"]}
                expected.append(", ".join(labels[c["class"]] for c in value) or "Ninguna")
            else:
                expected.append(next(o["label"] for o in field["values"] if o["value"] == value))
        assert line["answers"] == expected
        assert line["answer"] == "; ".join(expected)


@pytest.mark.parametrize(
    "scenario",
    [
        {"as_of": "2018-05-01", "custodian": "state_police"},
        {"as_of": "2026-01-05", "custodian": "prosecutor", "warrant": "none", "convictions": [{"class": "C"}]},
        {"as_of": "2021-03-03", "custodian": "municipal_police"},
    ],
)
def test_what_if_groups_the_changes_with_the_same_outcome(scenario: dict[str, object]) -> None:
    """The page's what-if list has one line per question and new outcome, holding every change of
    the decision's own list (which stays one entry per change) exactly once."""
    reply = json.loads(handle(json.dumps({"scenario": scenario})))
    lines = reply["what_if"]
    keys = [(c["field"], c["outcome"]) for c in lines]
    assert len(keys) == len(set(keys))
    flat = [{"field": c["field"], "value": v, "outcome": c["outcome"]} for c in lines for v in c["values"]]
    own = reply["decision"]["what_if"]
    assert sorted(flat, key=json.dumps) == sorted(own, key=json.dumps)
    assert all(set(c) == {"field", "value", "outcome"} for c in own), "the decision's what-if is unchanged"


def test_custodians_the_act_does_not_govern_are_one_line() -> None:
    """A State Police 'May not hold' in 2018: the custodians the act does not govern are one line."""
    reply = json.loads(handle(json.dumps({"scenario": {"as_of": "2018-05-01", "custodian": "state_police"}})))
    not_governed = [c for c in reply["what_if"] if c["field"] == "custodian" and c["outcome"] == "not_covered"]
    assert len(not_governed) == 1
    assert len(not_governed[0]["values"]) == sum(
        1 for c in reply["decision"]["what_if"] if c["field"] == "custodian" and c["outcome"] == "not_covered"
    )
    assert len(not_governed[0]["values"]) > 1


def test_invalid_input_still_names_the_field() -> None:
    """A bad scenario gives no decision and no comparison, only the field and the error."""
    reply = json.loads(handle(json.dumps({"scenario": {"custodian": "sheriff"}})))
    assert reply["ok"] is False
    assert reply["field"] == "custodian"
    assert "comparison" not in reply
