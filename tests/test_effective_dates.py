"""Temporal coverage: every day has exactly one regime, and every boundary has cases on both sides."""

from __future__ import annotations

import datetime as dt

import pytest

from checker import REGIMES, decide, regime_for
from checker.model import Scenario
from tests.cases import CASES

FIRST, LAST = dt.date(2013, 1, 1), dt.date(2027, 12, 31)


def _days() -> list[dt.date]:
    return [FIRST + dt.timedelta(days=n) for n in range((LAST - FIRST).days + 1)]


def test_exactly_one_regime_every_day() -> None:
    """From 2013-01-01 to 2027-12-31 each day falls in exactly one regime's window, the one chosen."""
    for day in _days():
        holding = [
            r
            for r in REGIMES
            if (r.effective_from is None or r.effective_from <= day)
            and (r.effective_to is None or day <= r.effective_to)
        ]
        assert len(holding) == 1, day
        assert regime_for(day) is holding[0]


def test_engine_never_raises_on_any_day() -> None:
    """An all-unknown and a fully known scenario get a decision on every day."""
    for day in _days():
        for facts in (
            Scenario(as_of=day),
            Scenario(as_of=day, custodian="municipal_police", warrant="none", convictions=()),
        ):
            assert decide(facts, with_what_if=False)["outcome"]


@pytest.mark.parametrize(
    ("day", "regime"),
    [
        ("2013-12-31", "before_2014"),
        ("2014-01-01", "pa_13_155"),
        ("2019-09-30", "pa_13_155"),
        ("2019-10-01", "pa_19_20_23"),
        ("2025-09-30", "pa_19_20_23"),
        ("2025-10-01", "hb_7259_2025"),
    ],
)
def test_boundaries_are_exact_to_the_day(day: str, regime: str) -> None:
    """Each act takes effect on its own date, not a day earlier or later."""
    assert regime_for(dt.date.fromisoformat(day)).id == regime


def test_cases_on_both_sides_of_every_effective_date() -> None:
    """The tables hold a case on the last day before and on the first day of every regime."""
    dates = {c.facts["as_of"] for c in CASES}
    for regime in REGIMES[1:]:
        assert regime.effective_from is not None
        assert regime.effective_from.isoformat() in dates, regime.id
        assert (regime.effective_from - dt.timedelta(days=1)).isoformat() in dates, regime.id
