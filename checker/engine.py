"""Combine the findings of one regime's rules into a decision, and explain it from the trace.

The engine knows no law: it asks :data:`checker.law.s54_192h.RULESETS` for the regime's rules,
combines their three-valued findings (bound? any ground met?), and renders every reason from a
finding and its citation. Compare mode and what-if re-run the same function.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from checker import hold_limit
from checker.law.s54_192h import RULESETS, RuleSet
from checker.lawdata import CITATIONS, REGIMES, Regime, regime_for
from checker.messages import note, render
from checker.model import (
    BOOLEAN_FACTS,
    CONVICTION_CLASSES,
    CUSTODIANS,
    WARRANTS,
    Conviction,
    Finding,
    Outcome,
    Scenario,
    Tri,
)

__all__ = ["VERSION", "Evaluation", "compare", "decide", "evaluate", "what_if"]

VERSION = "0.1.0"

_CFR = Finding("cfr-287.7-d", "cfr.48_hours", None)
_REQUEST = Finding("cfr-287.7-a", "cfr.request", None)


@dataclass(frozen=True)
class Evaluation:
    """The bare result of one regime's rules: the outcome and the findings that explain it."""

    regime: Regime
    outcome: Outcome
    reasons: tuple[Finding, ...]
    missing: tuple[str, ...]
    unverified: tuple[str, ...]
    hold_until: dt.datetime | None


def _union(findings: list[Finding], attr: str) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for finding in findings:
        seen.update(dict.fromkeys(getattr(finding, attr)))
    return tuple(seen)


def _before_statute(facts: Scenario, rules: RuleSet, regime: Regime) -> Evaluation:
    preamble = [rule(facts) for rule in rules.preamble]
    notes = [n for n in (note(facts) for note in rules.notes) if n is not None]
    statute = preamble[0].provision
    if facts.custodian is None:
        unknown = Finding(statute, "covered.unknown", Tri.UNKNOWN, missing=("custodian",))
        return Evaluation(regime, Outcome.DEPENDS, (*preamble, unknown, _CFR), ("custodian",), (), None)
    if facts.custodian == "federal":
        federal = Finding(statute, "covered.federal", Tri.NOT_MET, {"custodian": "federal"})
        return Evaluation(regime, Outcome.NOT_COVERED, (federal,), (), (), None)
    return Evaluation(regime, Outcome.NO_STATE_LIMIT, (*preamble, *notes, _CFR), (), (), None)


def evaluate(facts: Scenario, regime: Regime | None = None) -> Evaluation:
    """Apply the rules of ``regime`` (by default the one in force on ``facts.as_of``)."""
    regime = regime or regime_for(facts.as_of)
    rules = RULESETS[regime.id]
    if rules.coverage is None:
        return _before_statute(facts, rules, regime)

    covered = rules.coverage(facts)
    grounds = [ground(facts) for ground in rules.grounds]
    permitted = Tri.any([g.result for g in grounds if g.result is not None])
    notes = [n for n in (note(facts) for note in rules.notes) if n is not None]
    met = [g for g in grounds if g.result is Tri.MET]
    unknown = [g for g in grounds if g.result is Tri.UNKNOWN]

    if covered.result is Tri.NOT_MET:
        return Evaluation(regime, Outcome.NOT_COVERED, (covered,), (), (), None)

    hold: list[Finding] = [] if rules.hold is None else [rules.hold(facts)]
    until = None
    if covered.result is Tri.MET and permitted is Tri.MET:
        if rules.hold_hours is not None and facts.release_at is not None:
            until = hold_limit.hold_until(facts.release_at, rules.hold_hours)
            hold = [_hold_finding(hold[0].provision, facts.release_at, until)]
        frame = [] if rules.permits is None else [rules.permits(facts)]
        reasons = (covered, *met, *frame, _REQUEST, *notes, *hold, _CFR)
        return Evaluation(regime, Outcome.MAY_HOLD, reasons, (), (), until)

    if covered.result is Tri.MET and permitted is Tri.NOT_MET:
        release = [] if rules.release is None else [rules.release(facts)]
        reasons = (covered, *grounds, *notes, *release, _CFR)
        return Evaluation(regime, Outcome.MAY_NOT_HOLD, reasons, (), (), None)

    # Not known whether the official is bound, or whether any ground is met: it depends.
    deciding = met if permitted is Tri.MET else unknown
    missing = _union([covered, *deciding], "missing")
    unverified = _union(deciding, "unverified")
    reasons = (covered, *deciding, *notes, *hold, _CFR)
    return Evaluation(regime, Outcome.DEPENDS, reasons, missing, unverified, None)


def _hold_finding(provision: str, release_at: dt.datetime, until: dt.datetime) -> Finding:
    return Finding(provision, "hold.until", None, {"release_at": _local(release_at), "hold_until": _local(until)})


def _local(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


# --- What-if -----------------------------------------------------------------------------------


def _alternatives(facts: Scenario) -> list[tuple[str, Any, Scenario]]:
    """Every single change of one fact: (field, its JSON value, the changed scenario)."""
    out: list[tuple[str, Any, Scenario]] = []
    for custodian in CUSTODIANS:
        if custodian != facts.custodian:
            out.append(("custodian", custodian, dataclasses.replace(facts, custodian=custodian)))
    for warrant in WARRANTS:
        if warrant != facts.warrant:
            out.append(("warrant", warrant, dataclasses.replace(facts, warrant=warrant)))
    options: list[tuple[Conviction, ...]] = [(), *(((Conviction(k),)) for k in CONVICTION_CLASSES)]
    for option in options:
        if option != facts.convictions:
            value = [{"class": c.klass} for c in option]
            out.append(("convictions", value, dataclasses.replace(facts, convictions=option)))
    for name in BOOLEAN_FACTS:
        for flag in (True, False):
            if getattr(facts, name) is not flag:
                change: dict[str, Any] = {name: flag}
                out.append((name, flag, dataclasses.replace(facts, **change)))
    return out


def what_if(facts: Scenario, regime: Regime | None = None) -> list[dict[str, Any]]:
    """The single changes of fact that would change the outcome, with the outcome each gives."""
    regime = regime or regime_for(facts.as_of)
    base = evaluate(facts, regime).outcome
    changes = []
    for name, value, changed in _alternatives(facts):
        outcome = evaluate(changed, regime).outcome
        if outcome is not base:
            changes.append({"field": name, "value": value, "outcome": outcome.value})
    return changes


# --- The decision as JSON ----------------------------------------------------------------------


def _reason(finding: Finding, lang: str) -> dict[str, Any]:
    citation = CITATIONS[finding.provision]
    return {
        "id": finding.message,
        "text": render(finding.message, finding.params, lang),
        "citation": citation["citation"],
        "provision": finding.provision,
        "status": citation["status"],
        "finding": "note" if finding.result is None else finding.result.value,
    }


def _hold_limit(regime: Regime) -> dict[str, Any] | None:
    rules = RULESETS[regime.id]
    if rules.hold is None:
        return None
    provision = rules.hold(Scenario(as_of=dt.date.min)).provision
    return {
        "hours": rules.hold_hours,
        "excluding": ["saturday", "sunday", "federal_holiday"] if rules.hold_hours else [],
        "status": CITATIONS[provision]["status"],
        "citation": CITATIONS[provision]["citation"],
    }


def decide(
    facts: Scenario,
    regime: Regime | None = None,
    *,
    lang: str = "en",
    with_what_if: bool = True,
) -> dict[str, Any]:
    """The decision for ``facts`` under ``regime`` (by default the one in force on ``as_of``)."""
    result = evaluate(facts, regime)
    if regime is None or regime == regime_for(facts.as_of):
        when = render("when.date", {"date": facts.as_of.isoformat()}, lang)
    else:
        start = result.regime.effective_from
        if start is None:
            assert result.regime.effective_to is not None
            end = result.regime.effective_to + dt.timedelta(days=1)
            when = render("when.before", {"end": end.isoformat()}, lang)
        else:
            when = render("when.regime", {"start": start.isoformat()}, lang)
    params = {"when": when}
    decision: dict[str, Any] = {
        "outcome": result.outcome.value,
        "summary": render(f"outcome.{result.outcome.value}", params, lang),
        "as_of": facts.as_of.isoformat(),
        "regime": result.regime.to_json(lang),
        "reasons": [_reason(f, lang) for f in result.reasons],
        "missing_facts": list(result.missing),
        "unverified": [
            {"provision": p, "citation": CITATIONS[p]["citation"], "note": note(p, lang)} for p in result.unverified
        ],
        "hold_until": None if result.hold_until is None else result.hold_until.strftime("%Y-%m-%dT%H:%M"),
        "hold_limit": _hold_limit(result.regime),
        "disclaimer": render("disclaimer", None, lang),
        "checker_version": VERSION,
    }
    if with_what_if:
        decision["what_if"] = what_if(facts, result.regime)
    return decision


def compare(facts: Scenario, *, lang: str = "en") -> list[dict[str, Any]]:
    """The decision under every regime, oldest first, as if each were in force."""
    return [decide(facts, regime, lang=lang) for regime in REGIMES]
