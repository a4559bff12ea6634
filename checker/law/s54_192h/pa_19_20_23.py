"""PA 19-20 and PA 19-23, in force from October 1, 2019 to September 30, 2025.

Read top to bottom like the amended section: (a)(9) to (a)(11) say who is bound, (b)(1) forbids
arresting or detaining on a detainer unless (A)(i), (ii) or (iii) applies, and (a)(1) defines an
administrative warrant. Each function is named after the address it implements; its docstring
quotes the words (verbatim or paraphrase, as ``checker/data/citations.json`` marks them).
"""

from __future__ import annotations

from checker.law.s54_192h._common import RuleSet, boolean_ground, convictions_matching, covered, judicial_warrant
from checker.law.s54_192h.notes import parole_officers_work_for_correction
from checker.model import Finding, Scenario

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


RULES = RuleSet(
    coverage=subsection_a_9_to_11,
    grounds=(subsection_b_1_A_i, subsection_b_1_A_ii, subsection_b_1_A_iii),
    notes=(subsection_b_1_administrative_warrant_clause, subsection_a_1, parole_officers_work_for_correction),
    permits=subsection_b_1_A,
    release=subsection_b_1_A_as_a_ban,
    hold=time_limit,
    limit=None,
)
