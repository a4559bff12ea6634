"""The 2025 amendments (HB 7259), in force from October 1, 2025.

The 2025 wording was not retrieved. What official and secondary summaries say: the 2019 rule is
kept, more officials are bound, and about 13 offences were added as exceptions. So the rules
below are the 2019 text where the summaries say it was kept, cited as paraphrase of the 2025 act,
and every answer that turns on the added offences is ``depends``, naming that provision.
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
)
from checker.law.s54_192h.notes import courthouse_arrests_hb_8004, parole_officers_work_for_correction
from checker.lawdata import NOTE_DATES
from checker.model import FELONY_CLASSES, Answer, DutyOutcome, Finding, Scenario, Tri

__all__ = ["RULES"]

_OTHER_FELONIES = FELONY_CLASSES - {"A", "B"}


def subsection_a(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h(a), as amended in 2025.

    Paraphrase (House Democrats; Division of Criminal Justice): the 2019 officials plus "juvenile
    probation officers and employees of the Division of Criminal Justice and the Board of Pardons
    and Paroles". The 2025 wording was not retrieved, so every covered official cites this one
    paraphrased provision.
    """
    listed = (
        "correction",
        "parole_officer",
        "municipal_police",
        "state_police",
        "judicial_marshal",
        "state_marshal",
        "adult_probation",
        "bail_commissioner",
        "school_police",
        "prosecutor",
        "juvenile_probation",
        "pardons_and_paroles",
    )
    return covered(facts, dict.fromkeys(listed, "pa25-a"), "pa25-a")


def subsection_b_1_A(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h(b)(1)(A), 2019 text kept in 2025 (paraphrase of the 2025 act)."""
    return Finding("pa25-b-1", "frame.permits", None)


def subsection_b_1_A_as_a_ban(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h(b)(1)(A), 2019 text kept in 2025: no exception, no hold."""
    return Finding("pa25-b-1", "frame.release", None)


def subsection_b_1_A_i(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h(b)(1)(A)(i), 2019 text kept in 2025: a judge's warrant."""
    return judicial_warrant(facts, "pa25-b-1-A-i")


def subsection_b_1_A_ii(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h(b)(1)(A)(ii), 2019 text kept in 2025: class A or B felony."""
    return convictions_matching(facts, frozenset({"A", "B"}), "pa25-b-1-A-ii", "class_ab")


def added_offences(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h as amended in 2025: the added offences (list NOT retrieved).

    Paraphrase (a legislator's newsletter): "Added a slew of Class C and Class D felonies
    including those related to domestic violence, sexual assault, and possession of child sexual
    abuse material". About 13 offences; their names and statute numbers were not retrieved, and
    the sources describe them loosely, so a felony of any class other than A or B may be on the
    list: such a conviction leaves the exception unknown, naming this provision (with the section
    number, when given, shown but not matched). Every source describes the additions as felonies,
    so a misdemeanor is not among them; that reason cites the sources' description.
    """
    if facts.convictions is None:
        return Finding("pa25-added-offences", "added.unknown", Tri.UNKNOWN, missing=("convictions",))
    for conviction in facts.convictions:
        if conviction.klass in _OTHER_FELONIES:
            stem = "added.unverified" if conviction.statute is None else "added.unverified_statute"
            params = {"klass": conviction.klass, **({"statute": conviction.statute} if conviction.statute else {})}
            return Finding("pa25-added-offences", stem, Tri.UNKNOWN, params, unverified=("pa25-added-offences",))
    if any(c.klass is None for c in facts.convictions):
        return Finding("pa25-added-offences", "added.unknown", Tri.UNKNOWN, missing=("convictions",))
    if not facts.convictions:
        return Finding("pa25-added-offences", "added.none", Tri.NOT_MET)
    return Finding("pa25-added-felonies", "added.not_felony", Tri.NOT_MET)


def subsection_b_1_A_iii(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h(b)(1)(A)(iii), 2019 text kept in 2025: terrorist-database match."""
    return boolean_ground(facts, "terrorist_screening_match", "pa25-b-1-A-iii")


def subsection_b_1_administrative_warrant_clause(facts: Scenario) -> Finding | None:
    """Conn. Gen. Stat. § 54-192h(b)(1), administrative-warrant clause, 2019 text kept in 2025."""
    if facts.warrant == "administrative":
        return Finding("pa25-admin-warrant", "admin_warrant.note", None)
    return None


def court_relief(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h as amended in 2025: relief in court.

    Paraphrase (Senate Democrats): relief "through avenues like court injunctions but can not seek
    monetary damages". That limits the remedy this provision creates; federal claims for an
    unlawful detention (42 U.S.C. § 1983) are untouched. Informs; decides nothing.
    """
    return Finding("pa25-remedy", "remedy.2025", None)


def time_limit(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h as amended in 2025: its own time limit is not verified."""
    return Finding("pa25-hold", "hold.state.unverified", None)


def _exceptions(facts: Scenario) -> list[Finding]:
    return [subsection_b_1_A_i(facts), subsection_b_1_A_ii(facts), added_offences(facts), subsection_b_1_A_iii(facts)]


def subsection_b_1_B(facts: Scenario) -> Answer:
    """Conn. Gen. Stat. § 54-192h(b)(1)(B), 2019 paraphrase kept in 2025: telling ICE of a release.

    The exceptions now include the unverified added offences, so those leave the answer open too.
    """
    return forbidden_unless("pa25-b-1-B", "duty.notify_release.rule", _exceptions(facts))


def subsection_b_1_C(facts: Scenario) -> Answer:
    """Conn. Gen. Stat. § 54-192h(b)(1), administrative-warrant clause, 2019 paraphrase kept in 2025."""
    return Answer(DutyOutcome.FORBIDDEN, (Finding("pa25-admin-warrant", "duty.admin_warrant.rule", None),))


def subsection_b_1_D(facts: Scenario) -> Answer:
    """Conn. Gen. Stat. § 54-192h(b)(1)(D), 2019 paraphrase kept in 2025: ICE interviews."""
    return forbidden_unless("pa25-b-1-D", "duty.interview.rule", _exceptions(facts))


def subsection_b_1_E(facts: Scenario) -> Answer:
    """Conn. Gen. Stat. § 54-192h(b)(1)(E), 2019 paraphrase kept in 2025: federal functions."""
    return Answer(DutyOutcome.FORBIDDEN, (Finding("pa25-b-1-E", "duty.immigration_functions.rule", None),))


def subsection_a_3_and_its_rule(facts: Scenario) -> Answer:
    """Conn. Gen. Stat. § 54-192h(a)(3) and the disclosure rule, 2019 text kept in 2025 (paraphrase)."""
    return confidential_information(facts, "pa25-a-3", "pa25-confidential")


def courthouse_arrests(facts: Scenario) -> Answer:
    """HB 8004 (November 2025): civil arrests in courthouses (text, act number and date not retrieved).

    Reported (news): most civil immigration arrests on courthouse grounds need a warrant signed by
    a judge. Before the day it is reported passed, the TRUST Act did not address courthouse arrests;
    from then, an arrest in a courthouse ``depends`` on that unverified act.
    """
    if facts.as_of < NOTE_DATES["hb-8004-courthouses"]:
        return Answer(DutyOutcome.NO_STATE_LIMIT, (Finding("pa25-b-1", "duty.silent.courthouse", None),))
    if facts.in_courthouse is None:
        unknown = Finding("hb-8004-courthouses", "duty.courthouse.unknown", Tri.UNKNOWN, missing=("in_courthouse",))
        return Answer(DutyOutcome.DEPENDS, (unknown,), ("in_courthouse",))
    if not facts.in_courthouse:
        return Answer(DutyOutcome.NO_STATE_LIMIT, (Finding("hb-8004-courthouses", "duty.courthouse.elsewhere", None),))
    found = Finding("hb-8004-courthouses", "duty.courthouse.unverified", None)
    return Answer(DutyOutcome.DEPENDS, (found,), (), ("hb-8004-courthouses",))


def notice_to_the_person(facts: Scenario) -> Answer:
    """Notice to the person, 2019 rule kept in 2025 (paraphrase)."""
    return notice_required(facts, "pa25-notice")


RULES = RuleSet(
    coverage=subsection_a,
    grounds=(subsection_b_1_A_i, subsection_b_1_A_ii, added_offences, subsection_b_1_A_iii),
    notes=(
        subsection_b_1_administrative_warrant_clause,
        parole_officers_work_for_correction,
        courthouse_arrests_hb_8004,
        court_relief,
    ),
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
        "courthouse_arrest": courthouse_arrests,
        "notice_to_person": notice_to_the_person,
    },
)
