"""What every version of § 54-192h shares: the shape of a version's rules and the readings of facts.

A version's module lists its rules as plain functions and ends with one :class:`RuleSet`. The
helpers here read a fact the same way in every version (a conviction class, a yes-or-no ground,
the list of officials bound) so that no version re-implements them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from checker.lawdata import Limit
from checker.model import Answer, DutyOutcome, Finding, Scenario, Tri

__all__ = [
    "DutyRule",
    "Note",
    "Rule",
    "RuleSet",
    "boolean_ground",
    "confidential_information",
    "convictions_matching",
    "covered",
    "forbidden_unless",
    "judicial_warrant",
    "notice_required",
    "silent",
]

Rule = Callable[[Scenario], Finding]
Note = Callable[[Scenario], Finding | None]
DutyRule = Callable[[Scenario], Answer]


@dataclass(frozen=True)
class RuleSet:
    """The rules of one version: who is bound, the grounds, and what to say around them.

    ``coverage`` is ``None`` when no state law applied at all (before 2014). ``grounds`` are ORed;
    ``notes`` inform without deciding; ``permits`` and ``release`` frame a yes or a no; ``hold``
    describes the version's own time limit, and ``limit`` is set only where that limit is known.
    ``duties`` holds one rule for each duty other than the hold (ids of ``checker.model.DUTIES``).
    """

    coverage: Rule | None
    grounds: tuple[Rule, ...]
    notes: tuple[Note, ...]
    permits: Rule | None
    release: Rule | None
    hold: Rule | None
    limit: Limit | None
    preamble: tuple[Rule, ...] = ()
    duties: dict[str, DutyRule] = field(default_factory=dict)


def convictions_matching(facts: Scenario, classes: frozenset[str], provision: str, stem: str) -> Finding:
    """Met when a conviction's class is in ``classes``; unknown when the list or a class is unknown."""
    if facts.convictions is None:
        return Finding(provision, f"{stem}.unknown", Tri.UNKNOWN, missing=("convictions",))
    for conviction in facts.convictions:
        if conviction.klass in classes:
            return Finding(provision, f"{stem}.met", Tri.MET, {"klass": conviction.klass})
    if any(c.klass is None for c in facts.convictions):
        return Finding(provision, f"{stem}.unknown", Tri.UNKNOWN, missing=("convictions",))
    if not facts.convictions:
        return Finding(provision, f"{stem}.none", Tri.NOT_MET)
    return Finding(provision, f"{stem}.not_met", Tri.NOT_MET)


def boolean_ground(facts: Scenario, name: str, provision: str) -> Finding:
    """A ground that is one yes-or-no fact of the scenario."""
    value = getattr(facts, name)
    if value is None:
        return Finding(provision, f"ground.{name}.unknown", Tri.UNKNOWN, missing=(name,))
    result = Tri.MET if value else Tri.NOT_MET
    return Finding(provision, f"ground.{name}.{result.value}", result)


def covered(facts: Scenario, where: dict[str, str], listing: str, board: str | None = None) -> Finding:
    """Whether the custodian is one of the officials listed (``where`` maps each to its citation).

    ``board`` names the citation that explains why the Board of Pardons and Paroles is an open
    question for a version that does not list it by name; ``None`` where the version does list it
    or where it is simply not listed.
    """
    if facts.custodian is None:
        return Finding(listing, "covered.unknown", Tri.UNKNOWN, missing=("custodian",))
    if facts.custodian == "federal":
        return Finding(listing, "covered.federal", Tri.NOT_MET, {"custodian": "federal"})
    if facts.custodian in where:
        return Finding(where[facts.custodian], "covered.yes", Tri.MET, {"custodian": facts.custodian})
    if facts.custodian == "other":
        return Finding(listing, "covered.other", Tri.UNKNOWN, missing=("custodian",))
    if facts.custodian == "pardons_and_paroles" and board is not None:
        return Finding(board, "covered.board", Tri.UNKNOWN, unverified=(board,))
    return Finding(listing, "covered.no", Tri.NOT_MET, {"custodian": facts.custodian})


def judicial_warrant(facts: Scenario, provision: str) -> Finding:
    """Met when the detainer comes with a warrant issued or signed by a judge (not an immigration judge)."""
    if facts.warrant is None:
        return Finding(provision, "judicial_warrant.unknown", Tri.UNKNOWN, missing=("warrant",))
    if facts.warrant == "judicial":
        return Finding(provision, "judicial_warrant.met", Tri.MET)
    return Finding(provision, f"judicial_warrant.{facts.warrant}", Tri.NOT_MET)


def _union(findings: list[Finding], attr: str) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for finding in findings:
        seen.update(dict.fromkeys(getattr(finding, attr)))
    return tuple(seen)


def forbidden_unless(provision: str, message: str, exceptions: list[Finding]) -> Answer:
    """A ban with exceptions whose wording we have only in paraphrase.

    No exception met, and none unknown: ``forbidden`` (a wrong "forbidden" cannot cost anyone
    their liberty). An exception met: ``depends``, naming the provision, because the exceptions'
    own words were not retrieved and the checker never answers "permitted" on a paraphrase of them.
    An exception unknown: ``depends`` on that fact.
    """
    rule = Finding(provision, message, None)
    met = [e for e in exceptions if e.result is Tri.MET]
    unknown = [e for e in exceptions if e.result is Tri.UNKNOWN]
    if met:
        caveat = Finding(provision, "duty.exception_unverified", None)
        unverified = tuple(dict.fromkeys((*_union(met, "unverified"), provision)))
        return Answer(DutyOutcome.DEPENDS, (rule, *met, caveat), unverified=unverified)
    if unknown:
        missing, unverified = _union(unknown, "missing"), _union(unknown, "unverified")
        return Answer(DutyOutcome.DEPENDS, (rule, *unknown), missing, unverified)
    return Answer(DutyOutcome.FORBIDDEN, (rule, *exceptions))


def silent(provision: str, message: str) -> DutyRule:
    """A duty this version does not address: no state limit, with the reason why we say so."""

    def rule(facts: Scenario) -> Answer:
        return Answer(DutyOutcome.NO_STATE_LIMIT, (Finding(provision, message, None),))

    return rule


def confidential_information(facts: Scenario, definition: str, rule: str) -> Answer:
    """Sharing confidential information ((a)(3)) with ICE: only with the person's written consent.

    ``definition`` cites (a)(3); ``rule`` the disclosure rule, known only from a summary whose text
    stops after "authorized in writing by the individual … or by th". Confidential and no consent:
    ``forbidden``. Consent given: ``depends``, since the rule's own words were not retrieved.
    Information that is not confidential: ``depends``, since whether other clauses limit sharing it
    was not verified in full.
    """
    defined = Finding(definition, "duty.share.definition", None)
    if facts.information_confidential is None:
        unknown = Finding(rule, "duty.share.unknown", Tri.UNKNOWN, missing=("information_confidential",))
        return Answer(DutyOutcome.DEPENDS, (defined, unknown), ("information_confidential",))
    if not facts.information_confidential:
        other = Finding(rule, "duty.share.not_confidential", None)
        return Answer(DutyOutcome.DEPENDS, (defined, other), (), (rule,))
    if facts.written_consent is None:
        unknown = Finding(rule, "duty.share.consent_unknown", Tri.UNKNOWN, missing=("written_consent",))
        return Answer(DutyOutcome.DEPENDS, (defined, unknown), ("written_consent",))
    if facts.written_consent:
        return Answer(DutyOutcome.DEPENDS, (defined, Finding(rule, "duty.share.consent", None)), (), (rule,))
    return Answer(DutyOutcome.FORBIDDEN, (defined, Finding(rule, "duty.share.forbidden", None)))


def notice_required(facts: Scenario, provision: str) -> Answer:
    """Telling the person that ICE has asked to hold them: required (official summary)."""
    notes = [Finding(provision, "duty.notice_to_person.required", None)]
    notes.append(Finding("ice-i247a-service", "duty.notice_to_person.federal_service", None))
    return Answer(DutyOutcome.REQUIRED, tuple(notes))
