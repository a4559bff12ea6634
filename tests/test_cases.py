"""The scenario tables: each case's decision matches what the table expects."""

from __future__ import annotations

import re

import pytest

from checker import decide_json
from checker.model import DUTIES, DutyOutcome
from tests.cases import CASES, Case


def _id(case: Case) -> str:
    return case.name


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_case(case: Case) -> None:
    """The decision has the expected outcome, regime, citations, missing facts and deadline."""
    decision = decide_json(case.facts)
    expect = case.expect
    assert decision["outcome"] == expect["outcome"]
    assert decision["regime"]["id"] == case.regime
    cited = [r["provision"] for r in decision["reasons"]]
    for provision in expect.get("provisions", []):
        assert provision in cited, f"{provision} not among {cited}"
    for provision in expect.get("absent", []):
        assert provision not in cited, f"{provision} cited, but must not be"
    if "missing_facts" in expect:
        assert decision["missing_facts"] == expect["missing_facts"]
    if "unverified" in expect:
        assert [u["provision"] for u in decision["unverified"]] == expect["unverified"]
    if "hold_until" in expect:
        assert decision["hold_until"] == (expect["hold_until"] or None)
    duties = {d["duty"]: d for d in decision["duties"]}
    for duty, outcome in expect.get("duties", {}).items():
        assert duties[duty]["outcome"] == outcome, f"{duty}: {duties[duty]['outcome']} != {outcome}"
    for duty, provisions in expect.get("duty_provisions", {}).items():
        cited = [r["provision"] for r in duties[duty]["reasons"]]
        for provision in provisions:
            assert provision in cited, f"{duty}: {provision} not among {cited}"


def test_tables_are_well_formed() -> None:
    """Names are unique sentences; every table is named after its regime; no case lacks a date."""
    names = [c.name for c in CASES]
    assert len(names) == len(set(names))
    for case in CASES:
        assert re.match(r"^[A-Z].*\.$", case.name), case.name
        assert case.file == f"{case.regime}.toml"
        assert "as_of" in case.facts, case.name
        assert set(case.expect) <= {
            "outcome",
            "provisions",
            "absent",
            "missing_facts",
            "unverified",
            "hold_until",
            "duties",
            "duty_provisions",
        }
        assert set(case.expect.get("duties", {})) <= set(DUTIES) - {"hold"}


def test_every_outcome_is_exercised() -> None:
    """The tables reach every outcome the contract defines."""
    outcomes = {c.expect["outcome"] for c in CASES}
    assert outcomes == {"may_hold", "may_not_hold", "depends", "not_covered", "no_state_limit"}


def test_every_duty_has_cases_in_every_version() -> None:
    """Each duty other than the hold is expected by name in a case of every version's table."""
    for regime in {c.regime for c in CASES}:
        named = {d for c in CASES if c.regime == regime for d in c.expect.get("duties", {})}
        assert named == set(DUTIES) - {"hold"}, regime


def test_every_duty_outcome_is_exercised() -> None:
    """The tables reach every duty outcome the contract defines."""
    as_duty = {"may_hold": "permitted", "may_not_hold": "forbidden"}
    outcomes = {o for c in CASES for o in c.expect.get("duties", {}).values()}
    outcomes |= {as_duty.get(c.expect["outcome"], c.expect["outcome"]) for c in CASES}  # the hold is a duty too
    assert outcomes == {o.value for o in DutyOutcome}
