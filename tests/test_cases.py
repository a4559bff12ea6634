"""The scenario tables: each case's decision matches what the table expects."""

from __future__ import annotations

import re

import pytest

from checker import decide_json
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


def test_tables_are_well_formed() -> None:
    """Names are unique sentences; every table is named after its regime; no case lacks a date."""
    names = [c.name for c in CASES]
    assert len(names) == len(set(names))
    for case in CASES:
        assert re.match(r"^[A-Z].*\.$", case.name), case.name
        assert case.file == f"{case.regime}.toml"
        assert "as_of" in case.facts, case.name
        assert set(case.expect) <= {"outcome", "provisions", "absent", "missing_facts", "unverified", "hold_until"}


def test_every_outcome_is_exercised() -> None:
    """The tables reach every outcome the contract defines."""
    outcomes = {c.expect["outcome"] for c in CASES}
    assert outcomes == {"may_hold", "may_not_hold", "depends", "not_covered", "no_state_limit"}
