"""Notes that inform a decision without deciding it, and that are not words of § 54-192h.

Each is shown only where it matters (one custodian, a span of dates) and cites its own source: a
job posting or a statute for who parole officers work for, a reported agency policy, a later act
whose text we have not retrieved. None of them changes an outcome; the engine treats them as
notes. Every date a note starts on is law data from ``checker/data/regimes.json``.
"""

from __future__ import annotations

from checker.lawdata import NOTE_DATES
from checker.model import Finding, Scenario

__all__ = ["correction_policy_2014", "courthouse_arrests_hb_8004", "parole_officers_work_for_correction"]


def parole_officers_work_for_correction(facts: Scenario) -> Finding | None:
    """Parole officers are employees of the Department of Correction.

    Paraphrase (Department of Correction job posting): the Department "is seeking … the Parole
    and Community Services Division as a Parole Officer 1". So the clause binding anyone "paid by
    or acting as an agent of the Department of Correction" binds them in every version.
    """
    if facts.custodian == "parole_officer":
        return Finding("ct-doc-parole-officers", "covered.parole_officer", None)
    return None


def correction_policy_2014(facts: Scenario) -> Finding | None:
    """The Department of Correction's detainer policy from December 15, 2014 (a policy, not law).

    Paraphrase (news, quoting the Commissioner's letter to ICE): Correction would no longer act on
    detainers based on "administrative warrants solely on the basis of (a) a final order of
    deportation or removal, unless accompanied by a judicial warrant, or (b) past criminal
    conviction, unless the conviction is for a violent felony." Shown to Correction from that day;
    it decides nothing, because the checker describes the law.
    """
    if facts.custodian == "correction" and facts.as_of >= NOTE_DATES["doc-policy-2014"]:
        return Finding("doc-policy-2014", "policy.correction_2014", None)
    return None


def courthouse_arrests_hb_8004(facts: Scenario) -> Finding | None:
    """HB 8004 (November 2025 special session): civil arrests in courthouses (text not retrieved).

    Reported (news): no civil immigration arrests on courthouse grounds without a warrant signed
    by a judge; no masks in or around courts; limits on sharing personal information. Shown to
    judicial marshals from the date it is reported to apply, marked unverified.
    """
    if facts.custodian == "judicial_marshal" and facts.as_of >= NOTE_DATES["hb-8004-courthouses"]:
        return Finding("hb-8004-courthouses", "courthouse.2025", None)
    return None
