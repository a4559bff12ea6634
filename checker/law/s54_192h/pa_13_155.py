"""PA 13-155, in force from January 1, 2014 to September 30, 2019: Conn. Gen. Stat. § 54-192h.

Read top to bottom like the act: (a)(4) says who is bound, (b) forbids holding on a detainer
unless one of (b)(1) to (b)(7) applies, and the act limits a permitted hold to 48 hours. Each
function is named after the address it implements; its docstring quotes the words (verbatim or
paraphrase, as ``checker/data/citations.json`` marks them) and says how the code reads them.
"""

from __future__ import annotations

from checker.law.s54_192h._common import (
    RuleSet,
    boolean_ground,
    convictions_matching,
    covered,
    silent,
)
from checker.law.s54_192h.notes import correction_policy_2014, parole_officers_work_for_correction
from checker.lawdata import Limit
from checker.model import FELONY_CLASSES, Answer, DutyOutcome, Finding, Scenario, Tri

__all__ = ["RULES"]


def subsection_a_4(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h(a)(4).

    Verbatim: "(4) "Law enforcement officer" means: (A) … the Department of Correction; (B) … a
    municipal police department; (C) … the Division of State Police …; and (D) Each judicial marshal
    and state marshal."

    Only these officials are bound. Parole officers are Department of Correction staff, so (A)
    binds them. Whether (A) reaches members of the Board of Pardons and Paroles, which sits within
    Correction for administrative purposes only, is an open question: ``depends``.
    """
    where = {
        "correction": "pa13-a-4-A",
        "parole_officer": "pa13-a-4-A",
        "municipal_police": "pa13-a-4-B",
        "state_police": "pa13-a-4-C",
        "judicial_marshal": "pa13-a-4-D",
        "state_marshal": "pa13-a-4-D",
    }
    return covered(facts, where, "pa13-a-4", board="pa13-board")


def subsection_b(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h(b).

    Verbatim: "(b) No law enforcement officer who receives a civil immigration detainer … shall
    detain such individual pursuant to such civil immigration detainer unless the law enforcement
    official determines that the individual:"

    A ban with exceptions: the grounds below permit a hold and never require one.
    """
    return Finding("pa13-b", "frame.permits", None)


def subsection_b_as_a_duty_to_release(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h(b), read with the OLR summary.

    Paraphrase (OLR): "to release the person unless they determine that he or she: …"
    """
    return Finding("pa13-b", "frame.release_2014", None)


def subsection_b_1(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h(b)(1), with the definition in (a)(2).

    Verbatim: "(1) Has been convicted of a felony;"

    Any felony class, including an unclassified felony, counts; a misdemeanor does not. A conviction
    whose class the reader does not know leaves the ground unknown.
    """
    return convictions_matching(facts, FELONY_CLASSES, "pa13-b-1", "felony")


def subsection_a_2(facts: Scenario) -> Finding | None:
    """Conn. Gen. Stat. § 54-192h(a)(2), the definition (b)(1) relies on.

    Verbatim: ""Convicted of a felony" means that a person has been convicted of a felony, as
    defined in section 53a-25, pursuant to a final judgment of guilt entered by a court in this
    state or in a court of competent jurisdiction within the United States"

    Shown when a felony conviction is what permits the hold, so the reader knows what counts.
    """
    if subsection_b_1(facts).result is Tri.MET:
        return Finding("pa13-a-2", "felony.definition", None)
    return None


def subsection_b_2(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h(b)(2).

    Paraphrase (OLR): "is subject to pending criminal charges in Connecticut where bond has not
    been posted". The statute's own words were not retrieved.
    """
    return boolean_ground(facts, "pending_charges_without_bond", "pa13-b-2")


def subsection_b_3(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h(b)(3).

    Paraphrase (OLR): "has an outstanding arrest warrant in Connecticut".
    """
    return boolean_ground(facts, "ct_arrest_warrant", "pa13-b-3")


def subsection_b_4(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h(b)(4).

    Paraphrase (OLR bill analysis): "is identified as a known gang member in the National Crime
    Information Center's database, or any similar database, or is designated as a Security Risk
    Group member or a Security Risk Group Safety Threat member by the Department of Correction".
    """
    return boolean_ground(facts, "gang_database", "pa13-b-4")


def subsection_b_5(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h(b)(5).

    Paraphrase (OLR): "is identified as a possible match in the federal Terrorist Screening
    Database or similar database".
    """
    return boolean_ground(facts, "terrorist_screening_match", "pa13-b-5")


def subsection_b_6(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h(b)(6).

    Paraphrase (OLR): "is subject to a final order of deportation or removal issued by a federal
    immigration authority".
    """
    return boolean_ground(facts, "final_removal_order", "pa13-b-6")


def subsection_b_7(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h(b)(7).

    Paraphrase (OLR): "presents an unacceptable risk to public safety".

    The ground turns on the official's own determination, so the fact asked is whether the
    official has made it.
    """
    return boolean_ground(facts, "public_safety_risk", "pa13-b-7")


def subsection_b_and_a_judges_warrant(facts: Scenario) -> Finding | None:
    """Conn. Gen. Stat. § 54-192h(b): the ban reaches only detention "pursuant to such … detainer".

    A warrant signed by a judge is authority of its own, which this version does not limit: the
    official may act on the warrant whatever the answer about the detainer. Shown in the headline,
    so that "does not permit a hold on the detainer" is not read as "may not hold at all".
    """
    if facts.warrant == "judicial":
        return Finding("pa13-b", "judicial_warrant.2014_note", None, headline=True)
    return None


def the_48_hour_limit(facts: Scenario) -> Finding:
    """PA 13-155, notice and 48-hour provision (its letter not retrieved).

    Paraphrase (OLR): "the officer must inform ICE that he or she will be held for up to 48 hours
    (excluding Saturdays, Sundays, and federal holidays). If ICE fails to take custody of the person
    within 48 hours, the officer must release the individual."

    Described when the time of release is not known; the engine computes the deadline otherwise.
    """
    return Finding("pa13-hold", "hold.state.no_release_at", None)


def notice_to_ice(facts: Scenario) -> Answer:
    """PA 13-155: notice to ICE of the decision (its letter not retrieved).

    Paraphrase (OLR): "It also requires law enforcement officers, upon determining whether to detain
    or release the person, to immediately notify U. S. Immigration and Customs Enforcement (ICE)."

    So telling ICE of the decision, and so of a release, is required, not merely permitted.
    """
    return Answer(DutyOutcome.REQUIRED, (Finding("pa13-notify", "duty.notify_release.2014", None),))


# The 2014 act governs only the hold and the notice to ICE: every other duty is one it does not limit.
_SILENT = silent("pa13-b", "duty.silent.2014")

RULES = RuleSet(
    coverage=subsection_a_4,
    grounds=(
        subsection_b_1,
        subsection_b_2,
        subsection_b_3,
        subsection_b_4,
        subsection_b_5,
        subsection_b_6,
        subsection_b_7,
    ),
    notes=(
        subsection_a_2,
        subsection_b_and_a_judges_warrant,
        parole_officers_work_for_correction,
        correction_policy_2014,
    ),
    permits=subsection_b,
    release=subsection_b_as_a_duty_to_release,
    hold=the_48_hour_limit,
    limit=Limit(hours=48, weekdays_only=True, provision="pa13-hold"),
    duties={
        "notify_release": notice_to_ice,
        "interview": _SILENT,
        "share_information": _SILENT,
        "arrest_administrative_warrant": _SILENT,
        "immigration_functions": _SILENT,
        "courthouse_arrest": _SILENT,
        "notice_to_person": _SILENT,
    },
)
