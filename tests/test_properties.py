"""Property-based tests: any input gives a decision or a validation error, and unknowns are honest."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import itertools
import json
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import CITATIONS, REGIMES, ValidationError, decide, handle, parse, regime_for
from checker.__main__ import main
from checker.engine import evaluate
from checker.model import (
    BOOLEAN_FACTS,
    CONVICTION_CLASSES,
    CUSTODIANS,
    DUTIES,
    DUTY_FACTS,
    WARRANTS,
    Conviction,
    DutyOutcome,
    Outcome,
    Scenario,
)
from checker.validation import FIELDS, RELEASE_WINDOW_DAYS

SUBSECTION = re.compile(r"§ 54-192h\([a-z]\)")

dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31))
convictions = st.lists(
    st.fixed_dictionaries(
        {},
        optional={
            "class": st.sampled_from([*CONVICTION_CLASSES, None]),
            "statute": st.sampled_from(["53a-70", "53-21", "21a-278", "53a-64bb"]),
        },
    ),
    max_size=3,
)


def _release(as_of: str) -> st.SearchStrategy[str | None]:
    """A release time the contract accepts: on the decision's date or within a week, same version."""
    day = dt.date.fromisoformat(as_of)
    start = dt.datetime.combine(day, dt.time())

    def shown(minutes: int) -> str | None:
        moment = start + dt.timedelta(minutes=minutes)
        return moment.strftime("%Y-%m-%dT%H:%M") if regime_for(moment.date()) == regime_for(day) else None

    return st.one_of(st.none(), st.integers(0, (RELEASE_WINDOW_DAYS + 1) * 24 * 60 - 1).map(shown))


scenario_facts = st.fixed_dictionaries(
    {"as_of": dates.map(dt.date.isoformat)},
    optional={
        "custodian": st.sampled_from([*CUSTODIANS, None]),
        "warrant": st.sampled_from([*WARRANTS, None]),
        "convictions": st.one_of(st.none(), convictions),
        **{name: st.sampled_from([True, False, None]) for name in (*BOOLEAN_FACTS, *DUTY_FACTS)},
        "asked": st.one_of(st.none(), st.lists(st.sampled_from(DUTIES), unique=True, max_size=3)),
    },
)
valid_scenarios = scenario_facts.flatmap(
    lambda facts: _release(str(facts["as_of"])).map(
        lambda release: facts if release is None else {**facts, "release_at": release}
    )
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
malformed = st.one_of(
    json_values,
    st.dictionaries(st.sampled_from([*FIELDS, "class", "extra"]), json_values, max_size=4),
    valid_scenarios.flatmap(
        lambda s: st.sampled_from(sorted(s)).flatmap(lambda key: json_values.map(lambda v: {**s, key: v}))
    ),
)


# Texts that broke the command line once: integers past Python's 4,300-digit limit, names and
# values ending in a newline, a byte-order mark before a valid scenario, and far too many convictions.
pathological_texts = st.one_of(
    st.integers(min_value=4290, max_value=4400).map(lambda n: '{"as_of": ' + "7" * n + "}"),
    st.integers(min_value=4301, max_value=4400).map(lambda n: '{"convictions": [{"class": ' + "1" * n + "}]}"),
    st.sampled_from([*FIELDS, "class"]).map(lambda k: json.dumps({k + "\n": None})),
    st.sampled_from(["53a-70\n", "53a-70\r\n", "\n53a-70", "53a-70\u2028"]).map(
        lambda v: json.dumps({"convictions": [{"statute": v}]})
    ),
    valid_scenarios.map(lambda s: "\ufeff" + json.dumps(s)),
    st.integers(min_value=51, max_value=5000).map(lambda n: json.dumps({"convictions": [{}] * n})),
)


@settings(max_examples=1500)
@given(valid_scenarios)
def test_valid_scenarios_always_get_a_sound_decision(data: dict[str, Any]) -> None:
    """Every valid scenario gets a decision whose reasons are cited and whose 'depends' says why."""
    decision = decide(parse(data))
    assert decision["outcome"] in {o.value for o in Outcome}
    assert decision["reasons"]
    for reason in decision["reasons"]:
        assert reason["provision"] in CITATIONS
        assert reason["text"]
    if decision["outcome"] == "depends":
        assert decision["missing_facts"] or decision["unverified"]
        unknown = {k for k in FIELDS if data.get(k) is None} | {"convictions"}
        if data.get("custodian") == "other":
            unknown.add("custodian")  # which agency it is, against the law's list, is what is missing
        assert set(decision["missing_facts"]) <= unknown
    else:
        assert decision["missing_facts"] == []
        assert decision["unverified"] == []
    if decision["outcome"] in ("may_hold", "may_not_hold"):
        assert any(SUBSECTION.search(r["citation"]) for r in decision["reasons"])
    if decision["hold_until"] is not None:
        assert decision["outcome"] in ("may_hold", "no_state_limit", "not_covered")
        assert decision["hold_until"] > data["release_at"]
    if decision["outcome"] in ("may_not_hold", "depends"):
        assert decision["hold_until"] is None
        assert not any("48" in r["text"] for r in decision["reasons"]), "a 48-hour sentence where no hold is permitted"
    for change in decision["what_if"]:
        assert change["outcome"] != decision["outcome"]
    duties = decision["duties"]
    assert [d["duty"] for d in duties] == list(DUTIES)
    assert duties[0]["outcome"] == {"may_hold": "permitted", "may_not_hold": "forbidden"}.get(
        decision["outcome"], decision["outcome"]
    )
    for duty in duties:
        assert duty["outcome"] in {o.value for o in DutyOutcome}
        assert duty["reasons"], duty["duty"]
        assert all(r["provision"] in CITATIONS and r["text"] for r in duty["reasons"])
        if duty["outcome"] == "depends":
            assert duty["missing_facts"] or duty["unverified"], duty["duty"]
        else:
            assert duty["missing_facts"] == [], duty["duty"]
            assert duty["unverified"] == [], duty["duty"]
        if duty["duty"] != "hold" and duty["outcome"] == "permitted":
            raise AssertionError(f"{duty['duty']}: no paraphrase may answer 'permitted' for a duty")
    steps = {s["fact"] for s in decision["next_steps"]}
    assert all(s["text"] for s in decision["next_steps"])
    for duty in duties:
        if duty["duty"] in decision["asked"]:
            assert set(duty["missing_facts"]) <= steps, duty["duty"]  # every unknown becomes an action
            if duty["unverified"]:
                assert None in steps, duty["duty"]


@settings(max_examples=1500)
@given(malformed)
def test_malformed_input_gives_a_decision_or_a_validation_error(data: Any) -> None:
    """Anything decoded from JSON either validates or raises ValidationError naming a field."""
    try:
        scenario = parse(data)
    except ValidationError as exc:
        error = exc
    else:
        assert decide(scenario, with_what_if=False)["outcome"]
        return
    assert error.field
    assert "\n" not in str(error)


@settings(max_examples=500)
@given(st.one_of(st.text(max_size=60), malformed.map(json.dumps), valid_scenarios.map(json.dumps), pathological_texts))
def test_the_cli_never_prints_a_traceback(text: str) -> None:
    """Whatever arrives on stdin, the command exits 0 with JSON or 2 with one line, never a traceback."""
    out, err = io.StringIO(), io.StringIO()
    status = main([], io.StringIO(text), out, err)
    assert status in (0, 2)
    if status == 0:
        assert json.loads(out.getvalue())["outcome"]
        assert err.getvalue() == ""
    else:
        assert out.getvalue() == ""
        assert err.getvalue().count("\n") == 1
        assert "Traceback" not in err.getvalue()


@settings(max_examples=300)
@given(
    st.one_of(
        st.text(max_size=60),
        json_values.map(lambda v: json.dumps({"scenario": v})),
        pathological_texts.map(lambda t: '{"lang": "es", "scenario": ' + t.removeprefix("\ufeff") + "}"),
        pathological_texts,
    )
)
def test_the_worker_interface_always_answers_json(text: str) -> None:
    """The browser's entry point answers every request with JSON, ok or not, and never raises."""
    reply = json.loads(handle(text))
    assert reply["ok"] in (True, False)
    if not reply["ok"]:
        assert reply["field"]
        assert reply["error"]
        assert "\n" not in reply["error"]


# --- 'depends' is exact: it appears when, and only when, an unknown fact could change the answer ---

_DOMAINS: dict[str, list[Any]] = {
    "custodian": list(CUSTODIANS),
    "warrant": list(WARRANTS),
    "convictions": [(), *[(Conviction(k),) for k in CONVICTION_CLASSES]],
    **{name: [True, False] for name in BOOLEAN_FACTS},
}


def _completions(facts: Scenario) -> list[Scenario]:
    unknown = [name for name in _DOMAINS if getattr(facts, name) is None]
    return [
        dataclasses.replace(facts, **dict(zip(unknown, values, strict=True)))
        for values in itertools.product(*(_DOMAINS[name] for name in unknown))
    ]


def _hide(known: dict[str, Any], hidden: set[str]) -> Scenario:
    values: dict[str, Any] = {k: (None if k in hidden else v) for k, v in known.items()}
    return Scenario(**values)


few_unknowns = st.fixed_dictionaries(
    {
        "as_of": dates,
        "custodian": st.sampled_from(CUSTODIANS),
        "warrant": st.sampled_from(WARRANTS),
        "convictions": st.sampled_from(_DOMAINS["convictions"]),
        **{name: st.booleans() for name in BOOLEAN_FACTS},
    }
).flatmap(lambda known: st.sets(st.sampled_from(sorted(_DOMAINS)), max_size=3).map(lambda hidden: _hide(known, hidden)))


@settings(max_examples=400)
@given(few_unknowns)
def test_depends_exactly_when_an_unknown_fact_could_change_the_outcome(facts: Scenario) -> None:
    """If every way of filling in the unknowns gives one outcome, that is the answer; else 'depends'."""
    result = evaluate(facts)
    outcomes = {evaluate(c).outcome for c in _completions(facts)}
    if result.unverified:
        assert result.outcome is Outcome.DEPENDS
    elif len(outcomes) == 1:
        assert result.outcome in outcomes
    else:
        assert result.outcome is Outcome.DEPENDS
        assert result.missing
    for name in result.missing:
        assert getattr(facts, name) is None or (name == "custodian" and facts.custodian == "other")


def test_unknown_class_is_not_a_guess() -> None:
    """A conviction of unknown class under the 2019 law leaves the answer open, never a guess."""
    facts = Scenario(
        as_of=dt.date(2022, 1, 3),
        custodian="correction",
        warrant="none",
        convictions=(Conviction(None),),
        terrorist_screening_match=False,
    )
    assert evaluate(facts).outcome is Outcome.DEPENDS
    assert evaluate(facts).missing == ("convictions",)


@settings(max_examples=1500)
@given(valid_scenarios)
def test_the_outer_limit_is_never_later_than_any_limit_that_applies(data: dict[str, Any]) -> None:
    """From 2017-04-02 no hold ends later than 48 hours after release, and none outlives the law."""
    facts = parse(data)
    result = evaluate(facts)
    if result.hold_until is None:
        return
    assert facts.release_at is not None
    if facts.as_of >= dt.date(2017, 4, 2):
        assert result.hold_until <= facts.release_at + dt.timedelta(hours=48)
    assert result.hold_until <= facts.release_at + dt.timedelta(days=6)  # 48 weekday hours, at the most
    for later in REGIMES:
        start = later.effective_from
        if start is None or start <= facts.as_of:
            continue
        midnight = dt.datetime.combine(start, dt.time())
        then = evaluate(dataclasses.replace(facts, as_of=start, release_at=None), later).outcome
        if then in (Outcome.MAY_NOT_HOLD, Outcome.DEPENDS):
            assert result.hold_until <= midnight, later.id
            break


@pytest.mark.parametrize(
    ("as_of", "release", "words"),
    [
        ("2024-01-10", "2024-01-09T23:59", "before the date of the decision"),
        ("2024-01-10", "2024-01-18T00:00", "more than 7 days after"),
        ("2019-09-30", "2019-10-01T08:00", "in force from 2019-10-01"),
    ],
)
def test_release_far_from_the_decision_is_refused(as_of: str, release: str, words: str) -> None:
    """A release before the decision's date, more than a week after, or under another version is an error."""
    with pytest.raises(ValidationError, match=words) as caught:
        parse({"as_of": as_of, "release_at": release})
    assert caught.value.field == "release_at"


def test_release_within_the_week_is_accepted() -> None:
    """The last minute of the seventh day after the decision is still a valid release time."""
    assert parse({"as_of": "2024-01-10", "release_at": "2024-01-17T23:59"}).release_at is not None
