"""PA 19-20 and PA 19-23, in force from October 1, 2019 to September 30, 2025.

Read top to bottom like the amended section: (a)(9) to (a)(11) say who is bound, (b)(1) forbids
arresting or detaining on a detainer unless (A)(i), (ii) or (iii) applies, and (a)(1) defines an
administrative warrant. Each function is named after the address it implements; its docstring
quotes the words (verbatim or paraphrase, as ``checker/data/citations.json`` marks them).
"""

from __future__ import annotations

from checker.law.s54_192h._common import (
    RuleSet,
    boolean_ground,
    confidential_information,
    convictions_matching,
    covered,
    forbidden_unless,
    judicial_warrant,
    notice_required,
    silent,
)
from checker.law.s54_192h.notes import parole_officers_work_for_correction
from checker.model import Answer, DutyOutcome, Finding, Scenario

__all__ = ["RULES"]


def subsection_a_9_to_11(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h(a)(9) to (a)(11), read with (b)(1).

    Verbatim (a)(9): "(9) "Law enforcement officer" means: (A) Each officer, employee or other
    person otherwise paid by or acting as an agent of the Department of Correction; … (D) Each
    judicial marshal, state marshal [, bail commissioner] and adult probation officer;"

    Verbatim (b)(1): "No law enforcement officer, bail commissioner or intake, assessment or
    referral specialist, or employee of a school police or security department shall:"

    So (a)(9) lists Correction (A), municipal police (B) and State Police (C) with (D), and (b)(1)
    adds bail commissioners and specialists ((a)(10)) and school police or security ((a)(11)).

    Parole officers are Correction staff, so (a)(9)(A) binds them; whether it reaches members of
    the Board of Pardons and Paroles is an open question: ``depends``.
    """
    where = {
        "correction": "pa19-a-9-A",
        "parole_officer": "pa19-a-9-A",
        "municipal_police": "pa19-a-9-B",
        "state_police": "pa19-a-9-C",
        "judicial_marshal": "pa19-a-9-D",
        "state_marshal": "pa19-a-9-D",
        "adult_probation": "pa19-a-9-D",
        "bail_commissioner": "pa19-a-10",
        "school_police": "pa19-a-11",
    }
    return covered(facts, where, "pa19-a-9", board="pa19-board")


def subsection_b_1_A(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h(b)(1)(A).

    Verbatim: "(b) (1) No law enforcement officer, … shall: (A) Arrest or detain an individual
    pursuant to a civil immigration detainer unless"
    """
    return Finding("pa19-b-1", "frame.permits", None)


def subsection_b_1_A_as_a_ban(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h(b)(1)(A): no exception applies, so no arrest or hold."""
    return Finding("pa19-b-1", "frame.release", None)


def subsection_b_1_A_i(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h(b)(1)(A)(i).

    Verbatim: "(i) the detainer is accompanied by a warrant issued or signed by a judicial officer,"

    An ICE warrant (Form I-200 or I-205) and an immigration judge's removal order are
    "administrative warrants" under (a)(1) and do not meet this exception.
    """
    return judicial_warrant(facts, "pa19-b-1-A-i")


def subsection_b_1_A_ii(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h(b)(1)(A)(ii).

    The retrieved text stops at "(ii) the individual ha"; several sources paraphrase the rest as a
    conviction of a class A or B felony.

    An unclassified felony is not a class A or B felony, so it does not meet this exception.
    """
    return convictions_matching(facts, frozenset({"A", "B"}), "pa19-b-1-A-ii", "class_ab")


def subsection_b_1_A_iii(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h(b)(1)(A)(iii).

    Paraphrase: the individual "has been identified as a possible match in the federal Terrorist
    Screening Database".
    """
    return boolean_ground(facts, "terrorist_screening_match", "pa19-b-1-A-iii")


def subsection_a_1(facts: Scenario) -> Finding | None:
    """Conn. Gen. Stat. § 54-192h(a)(1), as amended by PA 19-20 § 1.

    Verbatim: ""Administrative warrant" means a warrant, notice to appear, removal order or
    warrant of deportation issued by an agent of a federal agency charged with the enforcement of
    immigration laws or the security of the borders, including ICE and the United States Customs
    and Border Protection, but does not include a warrant issued or signed by a judicial officer."

    Shown when the reader says ICE sent its own warrant; it decides nothing beyond (b)(1)(A)(i).
    """
    if facts.warrant == "administrative":
        return Finding("pa19-a-1", "admin_warrant.definition", None)
    return None


def subsection_b_1_administrative_warrant_clause(facts: Scenario) -> Finding | None:
    """Conn. Gen. Stat. § 54-192h(b)(1), administrative-warrant clause (its letter not retrieved).

    Paraphrase (CT Centinal, of the 2019 text carried into a 2025 bill): no arresting or detaining
    "an individual based on an administrative warrant".
    """
    if facts.warrant == "administrative":
        return Finding("pa19-admin-warrant", "admin_warrant.note", None)
    return None


def time_limit(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h as amended in 2019: its own time limit is not verified.

    No retrieved text says how long a permitted hold may last; the detainer form's limit applies.
    """
    return Finding("pa19-hold", "hold.state.unverified", None)


def _exceptions(facts: Scenario) -> list[Finding]:
    return [subsection_b_1_A_i(facts), subsection_b_1_A_ii(facts), subsection_b_1_A_iii(facts)]


def subsection_b_1_B(facts: Scenario) -> Answer:
    """Conn. Gen. Stat. § 54-192h(b)(1)(B) (its letter not retrieved): telling ICE of a release.

    Paraphrase (CT Centinal, of the 2019 text carried into a 2025 bill): no "Expending any time,
    money, facilities, property, equipment, personnel or other resources to communicate with federal
    immigration authorities regarding the custody status or release of an individual targeted by a
    detainer except as provided". News summaries give the same exceptions as the hold's.
    """
    return forbidden_unless("pa19-b-1-B", "duty.notify_release.rule", _exceptions(facts))


def subsection_b_1_C(facts: Scenario) -> Answer:
    """Conn. Gen. Stat. § 54-192h(b)(1), administrative-warrant clause (its letter not retrieved).

    Paraphrase (CT Centinal): no "Arresting or detaining an individual based on an administrative
    warrant". No exception is described.
    """
    return Answer(DutyOutcome.FORBIDDEN, (Finding("pa19-admin-warrant", "duty.admin_warrant.rule", None),))


def subsection_b_1_D(facts: Scenario) -> Answer:
    """Conn. Gen. Stat. § 54-192h(b)(1)(D) (its letter not retrieved): ICE interviews.

    Paraphrase (CT Centinal): no "Giving a federal immigration authority access to interview an
    individual who is in the custody of a law enforcement agency unless" a class A or B felony
    conviction or a Terrorist Screening Database match; another news report says a judge's warrant.
    The exceptions disagree, so each of the three leaves the answer open.
    """
    return forbidden_unless("pa19-b-1-D", "duty.interview.rule", _exceptions(facts))


def subsection_b_1_E(facts: Scenario) -> Answer:
    """Conn. Gen. Stat. § 54-192h(b)(1)(E) (its letter not retrieved): federal immigration functions.

    Paraphrase (CT Centinal), cut off in the stored copy: no "Performing any function of a feder[al
    immigration authority]". A ban; any exception was not retrieved, and a wrong "forbidden" costs
    no one their liberty.
    """
    return Answer(DutyOutcome.FORBIDDEN, (Finding("pa19-b-1-E", "duty.immigration_functions.rule", None),))


def subsection_a_3_and_its_rule(facts: Scenario) -> Answer:
    """Conn. Gen. Stat. § 54-192h(a)(3) and the rule on disclosing confidential information.

    Verbatim (a)(3): ""Confidential information" means any information obtained and maintained by a
    law enforcement agency relating to (A) an individual's (i) sexual orientation, or (ii) status as
    a victim of domestic violence or sexual assault,"

    Paraphrase (Vote Smart) of the rule: disclosure to a federal immigration authority only if
    authorized in writing by the individual (the rest not retrieved).
    """
    return confidential_information(facts, "pa19-a-3", "pa19-confidential")


def notice_to_the_person(facts: Scenario) -> Answer:
    """Conn. Gen. Stat. § 54-192h as amended in 2019: notice to the person (its letter not retrieved).

    Paraphrase (the Governor's office): the law "requires law enforcement to inform an individual
    when ICE has requested their detention."
    """
    return notice_required(facts, "pa19-notice")


RULES = RuleSet(
    coverage=subsection_a_9_to_11,
    grounds=(subsection_b_1_A_i, subsection_b_1_A_ii, subsection_b_1_A_iii),
    notes=(subsection_b_1_administrative_warrant_clause, subsection_a_1, parole_officers_work_for_correction),
    permits=subsection_b_1_A,
    release=subsection_b_1_A_as_a_ban,
    hold=time_limit,
    limit=None,
    duties={
        "notify_release": subsection_b_1_B,
        "interview": subsection_b_1_D,
        "share_information": subsection_a_3_and_its_rule,
        "arrest_administrative_warrant": subsection_b_1_C,
        "immigration_functions": subsection_b_1_E,
        "courthouse_arrest": silent("pa19-b-1", "duty.silent.courthouse"),
        "notice_to_person": notice_to_the_person,
    },
)
