"""Before January 1, 2014: no Connecticut statute on civil immigration detainers.

Read top to bottom: the section that did not yet exist, then the one policy that bound two
agencies. Nothing here decides a hold; the engine answers ``no_state_limit`` for every state or
local official and ``not_covered`` for federal officers.
"""

from __future__ import annotations

from checker.law.s54_192h._common import RuleSet
from checker.model import Finding, Scenario

__all__ = ["RULES"]


def pa_13_155_section_1(facts: Scenario) -> Finding:
    """PA 13-155 § 1 (effective January 1, 2014), the act that created § 54-192h.

    Verbatim: "Section 1. (NEW) (Effective January 1, 2014) (a) For the purposes of this section:"

    A new section, so before 2014-01-01 no Connecticut statute limited holds on detainers. The
    federal regulation, the detainer form and the Fourth Amendment still applied.
    """
    return Finding("pa-13-155-s1", "before.none", None)


def executive_checklist_2012(facts: Scenario) -> Finding | None:
    """Connecticut's 2012 executive detainer checklist, as reported (a policy, not a law).

    Paraphrase (Connecticut Public, 2014): the Governor ordered the Department of Correction and
    the State Police to follow the protocol. Shown only for those two custodians (and parole
    officers, who work for Correction); it decides nothing, because a policy is not the law the
    checker describes.
    """
    if facts.custodian in ("correction", "parole_officer", "state_police"):
        return Finding("ct-2012-checklist", "before.checklist", None)
    return None


RULES = RuleSet(
    coverage=None,
    grounds=(),
    notes=(executive_checklist_2012,),
    permits=None,
    release=None,
    hold=None,
    limit=None,
    preamble=(pa_13_155_section_1,),
)
