"""What every version of § 54-192h shares: the shape of a version's rules and the readings of facts.

A version's module lists its rules as plain functions and ends with one :class:`RuleSet`. The
helpers here read a fact the same way in every version (a conviction class, a yes-or-no ground,
the list of officials bound) so that no version re-implements them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from checker.lawdata import Limit
from checker.model import Finding, Scenario, Tri

__all__ = [
    "Note",
    "Rule",
    "RuleSet",
    "boolean_ground",
    "convictions_matching",
    "covered",
    "judicial_warrant",
]

Rule = Callable[[Scenario], Finding]
Note = Callable[[Scenario], Finding | None]


@dataclass(frozen=True)
class RuleSet:
    """The rules of one version: who is bound, the grounds, and what to say around them.

    ``coverage`` is ``None`` when no state law applied at all (before 2014). ``grounds`` are ORed;
    ``notes`` inform without deciding; ``permits`` and ``release`` frame a yes or a no; ``hold``
    describes the version's own time limit, and ``limit`` is set only where that limit is known.
    """

    coverage: Rule | None
    grounds: tuple[Rule, ...]
    notes: tuple[Note, ...]
    permits: Rule | None
    release: Rule | None
    hold: Rule | None
    limit: Limit | None
    preamble: tuple[Rule, ...] = ()


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
