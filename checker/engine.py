"""Combine the findings of one regime's rules into a decision, and explain it from the trace.

The engine knows no law: it asks :data:`checker.law.s54_192h.RULESETS` for the regime's rules,
combines their three-valued findings (bound? any ground met?), and renders every reason from a
finding and its citation. Compare mode and what-if re-run the same function.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from checker import hold_limit
from checker.law.s54_192h import RULESETS, RuleSet
from checker.lawdata import CITATIONS, CURRENT_AS_OF, DETAINER_FORMS, FEDERAL_LIMIT, REGIMES, Limit, Regime, regime_for
from checker.messages import citation, note, render
from checker.model import (
    BOOLEAN_FACTS,
    CONVICTION_CLASSES,
    CUSTODIANS,
    DUTIES,
    WARRANTS,
    Answer,
    Conviction,
    DutyOutcome,
    Finding,
    Outcome,
    Scenario,
    Tri,
)

__all__ = ["VERSION", "Evaluation", "answer_duty", "compare", "decide", "evaluate", "what_if"]

VERSION = "0.2.0"

_REQUEST = Finding("cfr-287.7-a", "cfr.request", None)


@dataclass(frozen=True)
class Evaluation:
    """The bare result of one regime's rules: the outcome and the findings that explain it.

    ``hold_until`` is the moment by which the person must be released at the latest: the earliest
    of every limit that applies (the state's, the detainer form's, the federal regulation's, and
    the first day of a later version that does not permit the hold).
    """

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


def _notes(facts: Scenario, rules: RuleSet) -> list[Finding]:
    return [n for n in (rule(facts) for rule in rules.notes) if n is not None]


def _core(facts: Scenario, rules: RuleSet) -> tuple[Outcome, tuple[Finding, ...], tuple[str, ...], tuple[str, ...]]:
    """The outcome of one version's rules and the findings that explain it, before any time limit."""
    notes = _notes(facts, rules)
    if rules.coverage is None:
        preamble = [rule(facts) for rule in rules.preamble]
        statute = preamble[0].provision
        if facts.custodian is None:
            unknown = Finding(statute, "covered.unknown", Tri.UNKNOWN, missing=("custodian",))
            return Outcome.DEPENDS, (*preamble, unknown), ("custodian",), ()
        if facts.custodian == "federal":
            federal = Finding(statute, "covered.federal", Tri.NOT_MET, {"custodian": "federal"})
            return Outcome.NOT_COVERED, (federal,), (), ()
        return Outcome.NO_STATE_LIMIT, (*preamble, *notes), (), ()

    covered = rules.coverage(facts)
    if covered.result is Tri.NOT_MET:
        return Outcome.NOT_COVERED, (covered,), (), ()
    grounds = [ground(facts) for ground in rules.grounds]
    permitted = Tri.any([g.result for g in grounds if g.result is not None])
    met = [g for g in grounds if g.result is Tri.MET]
    if covered.result is Tri.MET and permitted is Tri.MET:
        frame = [] if rules.permits is None else [rules.permits(facts)]
        return Outcome.MAY_HOLD, (covered, *met, *frame, _REQUEST, *notes), (), ()
    if covered.result is Tri.MET and permitted is Tri.NOT_MET:
        release = [] if rules.release is None else [rules.release(facts)]
        return Outcome.MAY_NOT_HOLD, (covered, *grounds, *notes, *release), (), ()
    # Not known whether the official is bound, or whether any ground is met: it depends.
    deciding = met if permitted is Tri.MET else [g for g in grounds if g.result is Tri.UNKNOWN]
    missing = _union([covered, *deciding], "missing")
    unverified = _union([covered, *deciding], "unverified")
    return Outcome.DEPENDS, (covered, *deciding, *notes), missing, unverified


def evaluate(facts: Scenario, regime: Regime | None = None) -> Evaluation:
    """Apply the rules of ``regime`` (by default the one in force on ``facts.as_of``)."""
    regime = regime or regime_for(facts.as_of)
    outcome, reasons, missing, unverified = _core(facts, RULESETS[regime.id])
    limits, until = _limits(facts, regime, outcome)
    if facts.as_of > CURRENT_AS_OF:
        reviewed = {"reviewed": CURRENT_AS_OF.isoformat()}
        limits = (*limits, Finding("cgs-54-192h-current", "reviewed.later", None, reviewed))
    return Evaluation(regime, outcome, (*reasons, *limits), missing, unverified, until)


# --- Time limits ---------------------------------------------------------------------------------

# Outcomes under which a hold may happen, so that its limits matter: permitted, or not limited by
# the state (before 2014, or an official the TRUST Act does not bind). Federal officers are left out.
_HOLDING = (Outcome.MAY_HOLD, Outcome.NO_STATE_LIMIT, Outcome.NOT_COVERED)


def _moment(limit: Limit, release_at: dt.datetime) -> dt.datetime:
    if limit.weekdays_only:
        return hold_limit.hold_until(release_at, limit.hours)
    return release_at + dt.timedelta(hours=limit.hours)


def _limits(facts: Scenario, regime: Regime, outcome: Outcome) -> tuple[tuple[Finding, ...], dt.datetime | None]:
    """Every limit on a hold that may happen, and the earliest of them (the outer limit)."""
    if outcome not in _HOLDING or facts.custodian in (None, "federal"):
        return (), None
    rules = RULESETS[regime.id]
    release_at = facts.release_at
    forms = [f for f in DETAINER_FORMS if f.in_use(facts.as_of)]
    if release_at is None:
        state = [] if rules.hold is None or outcome is not Outcome.MAY_HOLD else [rules.hold(facts)]
        described = [Finding(f.provision, "hold.form.no_release_at", None) for f in forms if f.limit is not None]
        return (*state, *described, Finding(FEDERAL_LIMIT.provision, "cfr.48_hours", None)), None

    shown = {"release_at": _local(release_at)}
    findings: list[Finding] = []
    moments: list[tuple[dt.datetime, str]] = []

    def limit(found: Limit, message: str) -> None:
        moment = _moment(found, release_at)
        moments.append((moment, found.provision))
        findings.append(Finding(found.provision, message, None, {**shown, "moment": _local(moment)}))

    if outcome is Outcome.MAY_HOLD:
        if rules.limit is not None:
            limit(rules.limit, "hold.state.until")
        elif rules.hold is not None:
            findings.append(rules.hold(facts))
    for form in forms:
        if form.limit is None:
            findings.append(Finding(form.provision, "hold.form.unverified", None))
        else:
            limit(form.limit, "hold.form.until")
    limit(FEDERAL_LIMIT, "cfr.until")
    _law_changes(facts, regime, outcome, limit, findings, moments)
    until, provision = min(moments, key=lambda m: m[0])  # on a tie, the first named: the law's own
    findings.append(Finding(provision, "hold.until", None, {"hold_until": _local(until)}))
    return tuple(findings), until


def _law_changes(
    facts: Scenario,
    regime: Regime,
    outcome: Outcome,
    limit: Callable[[Limit, str], None],
    findings: list[Finding],
    moments: list[tuple[dt.datetime, str]],
) -> None:
    """Cut the hold at 00:00 on the first day of a later version that does not permit it.

    A later version that does permit it adds its own limit; one that does not bind the official
    changes nothing. A version under which the answer depends cuts the hold too: no one may be
    held on a guess.
    """
    for later in REGIMES:
        start = later.effective_from
        if start is None or start <= facts.as_of:
            continue
        midnight = dt.datetime.combine(start, dt.time())
        if midnight >= min(m[0] for m in moments):
            return
        rules = RULESETS[later.id]
        then, reasons, _, _ = _core(dataclasses.replace(facts, as_of=start), rules)
        if then is Outcome.MAY_HOLD:
            if rules.limit is not None:
                limit(rules.limit, "hold.state.until")
            continue
        if then is Outcome.NOT_COVERED:
            continue
        frame = rules.permits(facts).provision if rules.permits is not None else reasons[0].provision
        moments.append((midnight, frame))
        findings.append(Finding(frame, f"hold.law_change.{then.value}", None, {"date": start.isoformat()}))
        return


def _local(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


# --- The other duties ------------------------------------------------------------------------

_AS_DUTY = {
    Outcome.MAY_HOLD: DutyOutcome.PERMITTED,
    Outcome.MAY_NOT_HOLD: DutyOutcome.FORBIDDEN,
    Outcome.DEPENDS: DutyOutcome.DEPENDS,
    Outcome.NOT_COVERED: DutyOutcome.NOT_COVERED,
    Outcome.NO_STATE_LIMIT: DutyOutcome.NO_STATE_LIMIT,
}


def answer_duty(facts: Scenario, duty: str, regime: Regime | None = None) -> Answer:
    """What the version in force says of one duty other than the hold, for this official.

    The official must be one the version binds, as for the hold. Where that is not known, a duty the
    version does not limit stays unlimited, and any other answer depends on who the official is.
    """
    regime = regime or regime_for(facts.as_of)
    rules = RULESETS[regime.id]
    if rules.coverage is None:
        statute = rules.preamble[0](facts).provision
        if facts.custodian is None:
            unknown = Finding(statute, "covered.unknown", Tri.UNKNOWN, missing=("custodian",))
            return Answer(DutyOutcome.DEPENDS, (unknown,), ("custodian",))
        if facts.custodian == "federal":
            federal = Finding(statute, "covered.federal", Tri.NOT_MET, {"custodian": "federal"})
            return Answer(DutyOutcome.NOT_COVERED, (federal,))
        return Answer(DutyOutcome.NO_STATE_LIMIT, (Finding(statute, "duty.before", None),))
    covered = rules.coverage(facts)
    if covered.result is Tri.NOT_MET:
        return Answer(DutyOutcome.NOT_COVERED, (covered,))
    found = rules.duties[duty](facts)
    reasons = (covered, *found.reasons)
    if covered.result is Tri.MET or found.outcome is DutyOutcome.NO_STATE_LIMIT:
        return Answer(found.outcome, reasons, found.missing, found.unverified)
    missing = tuple(dict.fromkeys((*covered.missing, *found.missing)))
    unverified = tuple(dict.fromkeys((*covered.unverified, *found.unverified)))
    return Answer(DutyOutcome.DEPENDS, reasons, missing, unverified)


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


def _unverified(provisions: tuple[str, ...], lang: str) -> list[dict[str, Any]]:
    return [
        {"provision": p, "citation": citation(CITATIONS[p]["citation"], lang), "note": note(p, lang)}
        for p in provisions
    ]


def _next_steps(facts: Scenario, result: Evaluation, answers: dict[str, Answer], lang: str) -> list[dict[str, Any]]:
    """What a reader can do now: one step per unknown fact the asked-about answers turn on.

    A fact becomes an action (whom to ask, what to ask), never the question again; an answer that
    turns on unverified law adds the step of talking to a lawyer.
    """
    asked = facts.asked or DUTIES
    missing: list[str] = []
    unverified = False
    if "hold" in asked:
        missing += result.missing
        unverified = bool(result.unverified)
        if result.outcome in _HOLDING and facts.release_at is None and facts.custodian not in (None, "federal"):
            missing.append("release_at")
    for duty, found in answers.items():
        if duty in asked:
            missing += found.missing
            unverified = unverified or bool(found.unverified)
    steps: list[dict[str, Any]] = [
        {"fact": name, "text": render(f"step.{name}", None, lang)} for name in dict.fromkeys(missing)
    ]
    if unverified:
        steps.append({"fact": None, "text": render("step.unverified", None, lang)})
    return steps


def _duties(
    facts: Scenario, result: Evaluation, answers: dict[str, Answer], summary: str, when: str, lang: str
) -> list[dict[str, Any]]:
    """One entry per duty, the hold first (agreeing with the top-level outcome)."""
    entries = [
        {
            "duty": "hold",
            "outcome": _AS_DUTY[result.outcome].value,
            "summary": summary,
            "reasons": [_reason(f, lang) for f in result.reasons],
            "missing_facts": list(result.missing),
            "unverified": _unverified(result.unverified, lang),
        }
    ]
    for duty, found in answers.items():
        words = {"when": when, "duty": duty}
        entries.append(
            {
                "duty": duty,
                "outcome": found.outcome.value,
                "summary": render(f"duty.summary.{found.outcome.value}", words, lang),
                "reasons": [_reason(f, lang) for f in found.reasons],
                "missing_facts": list(found.missing),
                "unverified": _unverified(found.unverified, lang),
            }
        )
    return entries


def _reason(finding: Finding, lang: str) -> dict[str, Any]:
    entry = CITATIONS[finding.provision]
    return {
        "id": finding.message,
        "text": render(finding.message, finding.params, lang),
        "citation": citation(entry["citation"], lang),
        "provision": finding.provision,
        "status": entry["status"],
        "finding": "note" if finding.result is None else finding.result.value,
    }


def _hold_limit(regime: Regime, lang: str) -> dict[str, Any] | None:
    """The version's own limit on a permitted hold, as the decision tables show it."""
    rules = RULESETS[regime.id]
    if rules.hold is None:
        return None
    provision = rules.limit.provision if rules.limit else rules.hold(Scenario(as_of=dt.date.min)).provision
    return {
        "hours": rules.limit.hours if rules.limit else None,
        "excluding": ["saturday", "sunday", "federal_holiday"] if rules.limit and rules.limit.weekdays_only else [],
        "status": CITATIONS[provision]["status"],
        "citation": citation(CITATIONS[provision]["citation"], lang),
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
    answers = {duty: answer_duty(facts, duty, result.regime) for duty in DUTIES[1:]}
    headline = [render(f.message, f.params, lang) for f in result.reasons if f.headline]
    summary = " ".join([render(f"outcome.{result.outcome.value}", {"when": when}, lang), *headline])
    decision: dict[str, Any] = {
        "outcome": result.outcome.value,
        "summary": summary,
        "as_of": facts.as_of.isoformat(),
        "regime": result.regime.to_json(lang),
        "reasons": [_reason(f, lang) for f in result.reasons],
        "missing_facts": list(result.missing),
        "unverified": _unverified(result.unverified, lang),
        "hold_until": None if result.hold_until is None else result.hold_until.strftime("%Y-%m-%dT%H:%M"),
        "hold_limit": _hold_limit(result.regime, lang),
        "asked": list(facts.asked or DUTIES),
        "duties": _duties(facts, result, answers, summary, when, lang),
        "next_steps": _next_steps(facts, result, answers, lang),
        "law_reviewed": CURRENT_AS_OF.isoformat(),
        "disclaimer": render("disclaimer", None, lang),
        "checker_version": VERSION,
    }
    if with_what_if:
        decision["what_if"] = what_if(facts, result.regime)
    return decision


def compare(facts: Scenario, *, lang: str = "en") -> list[dict[str, Any]]:
    """The decision under every regime, oldest first, as if each were in force."""
    return [decide(facts, regime, lang=lang) for regime in REGIMES]
