"""Facts, findings and outcomes: the vocabulary the rules and the engine share."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = [
    "BOOLEAN_FACTS",
    "CONVICTION_CLASSES",
    "CUSTODIANS",
    "DUTIES",
    "DUTY_FACTS",
    "FELONY_CLASSES",
    "WARRANTS",
    "Answer",
    "Conviction",
    "DutyOutcome",
    "Finding",
    "Outcome",
    "Scenario",
    "Tri",
]

CUSTODIANS: tuple[str, ...] = (
    "municipal_police",
    "state_police",
    "correction",
    "parole_officer",
    "judicial_marshal",
    "state_marshal",
    "adult_probation",
    "bail_commissioner",
    "school_police",
    "prosecutor",
    "juvenile_probation",
    "pardons_and_paroles",
    "other",
    "federal",
)
WARRANTS: tuple[str, ...] = ("none", "administrative", "judicial")
CONVICTION_CLASSES: tuple[str, ...] = (
    "A",
    "B",
    "C",
    "D",
    "E",
    "unclassified_felony",
    "misdemeanor",
)
FELONY_CLASSES: frozenset[str] = frozenset(CONVICTION_CLASSES) - {"misdemeanor"}
# What ICE may ask of an official, in the order the decision lists them. ``hold`` is the question the
# top-level outcome answers; the others are the other acts the law governs.
DUTIES: tuple[str, ...] = (
    "hold",
    "notify_release",
    "interview",
    "share_information",
    "arrest_administrative_warrant",
    "immigration_functions",
    "courthouse_arrest",
    "notice_to_person",
)
# Yes-or-no facts that only some duties read (absent means "I don't know").
DUTY_FACTS: tuple[str, ...] = ("in_courthouse", "information_confidential", "written_consent")
BOOLEAN_FACTS: tuple[str, ...] = (
    "pending_charges_without_bond",
    "ct_arrest_warrant",
    "gang_database",
    "terrorist_screening_match",
    "final_removal_order",
    "public_safety_risk",
)


class Outcome(StrEnum):
    """What the law permits; the values are the JSON contract's."""

    MAY_HOLD = "may_hold"
    MAY_NOT_HOLD = "may_not_hold"
    DEPENDS = "depends"
    NOT_COVERED = "not_covered"
    NO_STATE_LIMIT = "no_state_limit"


class DutyOutcome(StrEnum):
    """What the law says of one duty; the values are the JSON contract's."""

    PERMITTED = "permitted"
    FORBIDDEN = "forbidden"
    REQUIRED = "required"
    DEPENDS = "depends"
    NOT_COVERED = "not_covered"
    NO_STATE_LIMIT = "no_state_limit"


class Tri(StrEnum):
    """Three-valued result of a condition: met, not met, or not known."""

    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"

    @staticmethod
    def any(results: list[Tri]) -> Tri:
        """Kleene disjunction: met if any is met, not met if all are not met."""
        if Tri.MET in results:
            return Tri.MET
        if Tri.UNKNOWN in results:
            return Tri.UNKNOWN
        return Tri.NOT_MET


@dataclass(frozen=True)
class Conviction:
    """One conviction; ``klass`` is ``None`` when the reader does not know the class."""

    klass: str | None
    statute: str | None = None


@dataclass(frozen=True)
class Scenario:
    """A validated scenario. ``None`` always means the reader does not know."""

    as_of: dt.date
    custodian: str | None = None
    asked: tuple[str, ...] | None = None
    warrant: str | None = None
    convictions: tuple[Conviction, ...] | None = None
    pending_charges_without_bond: bool | None = None
    ct_arrest_warrant: bool | None = None
    gang_database: bool | None = None
    terrorist_screening_match: bool | None = None
    final_removal_order: bool | None = None
    public_safety_risk: bool | None = None
    release_at: dt.datetime | None = None
    in_courthouse: bool | None = None
    information_confidential: bool | None = None
    written_consent: bool | None = None


@dataclass(frozen=True)
class Finding:
    """What one provision says about the facts, with the message that explains it.

    ``result`` is ``None`` for a finding that informs but decides nothing.
    ``missing`` names the facts whose absence made the result unknown;
    ``unverified`` names provisions whose unverified text made it unknown.
    ``headline`` marks a note the decision's summary must carry, so the headline is not misread.
    """

    provision: str
    message: str
    result: Tri | None
    params: dict[str, str] = field(default_factory=dict)
    missing: tuple[str, ...] = ()
    unverified: tuple[str, ...] = ()
    headline: bool = False


@dataclass(frozen=True)
class Answer:
    """What one version's rule says of one duty, and the findings that explain it."""

    outcome: DutyOutcome
    reasons: tuple[Finding, ...]
    missing: tuple[str, ...] = ()
    unverified: tuple[str, ...] = ()
