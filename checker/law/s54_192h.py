"""Conn. Gen. Stat. § 54-192h, Civil immigration detainers (the TRUST Act), version by version.

Each function implements one subsection or condition and is named after its address, with a dated
sibling where a later act changed it (``subsection_b_1`` is PA 13-155; ``..._from_2019_10_01`` is
PA 19-20 and PA 19-23; ``..._from_2025_10_01`` is HB 7259). Its docstring gives the citation, then
the words (marked verbatim or paraphrase, as in ``checker/data/citations.json``), then how the code
reads them. Each returns a :class:`~checker.model.Finding`; the engine combines them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from checker.model import FELONY_CLASSES, Finding, Scenario, Tri

__all__ = ["RULESETS", "RuleSet"]

Rule = Callable[[Scenario], Finding]


# --- Shared readings of the facts -------------------------------------------------------------


def _convictions_matching(facts: Scenario, classes: frozenset[str], provision: str, stem: str) -> Finding:
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


def _boolean_ground(facts: Scenario, name: str, provision: str) -> Finding:
    """A ground that is one yes-or-no fact of the scenario."""
    value = getattr(facts, name)
    if value is None:
        return Finding(provision, f"ground.{name}.unknown", Tri.UNKNOWN, missing=(name,))
    result = Tri.MET if value else Tri.NOT_MET
    return Finding(provision, f"ground.{name}.{result.value}", result)


def _covered(facts: Scenario, where: dict[str, str], listing: str) -> Finding:
    """Whether the custodian is one of the officials listed (``where`` maps each to its citation)."""
    if facts.custodian is None:
        return Finding(listing, "covered.unknown", Tri.UNKNOWN, missing=("custodian",))
    if facts.custodian == "federal":
        return Finding(listing, "covered.federal", Tri.NOT_MET, {"custodian": "federal"})
    if facts.custodian in where:
        return Finding(where[facts.custodian], "covered.yes", Tri.MET, {"custodian": facts.custodian})
    return Finding(listing, "covered.no", Tri.NOT_MET, {"custodian": facts.custodian})


def _judicial_warrant(facts: Scenario, provision: str) -> Finding:
    if facts.warrant is None:
        return Finding(provision, "judicial_warrant.unknown", Tri.UNKNOWN, missing=("warrant",))
    if facts.warrant == "judicial":
        return Finding(provision, "judicial_warrant.met", Tri.MET)
    return Finding(provision, f"judicial_warrant.{facts.warrant}", Tri.NOT_MET)


# --- Before 2014-01-01 -------------------------------------------------------------------------


def no_statute_before_2014_01_01(facts: Scenario) -> Finding:
    """PA 13-155 § 1 (effective January 1, 2014).

    Verbatim: "Section 1. (NEW) (Effective January 1, 2014) (a) For the purposes of this section: …"

    § 54-192h is a new section created by PA 13-155, so before 2014-01-01 no Connecticut statute
    limited holds on detainers. Only the federal regulation applied.
    """
    return Finding("pa-13-155-s1", "before.none", None)


def executive_checklist_2012(facts: Scenario) -> Finding | None:
    """Connecticut's 2012 executive detainer checklist, as reported (a policy, not a law).

    Paraphrase (Connecticut Public, 2014): the Governor ordered the Department of Correction and
    the State Police to follow the protocol. Shown only for those two custodians; it decides
    nothing, because a policy is not the law the checker describes.
    """
    if facts.custodian in ("correction", "state_police"):
        return Finding("ct-2012-checklist", "before.checklist", None)
    return None


# --- PA 13-155, from 2014-01-01 ----------------------------------------------------------------


def subsection_a_4(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h(a)(4) (PA 13-155).

    Verbatim: "(4) "Law enforcement officer" means: (A) … the Department of Correction; (B) … a
    municipal police department; (C) … the Division of State Police …; and (D) Each judicial marshal
    and state marshal."

    Only these officials are bound. Adult probation, bail commissioners and school police came in
    2019; prosecutors, juvenile probation and the Board of Pardons and Paroles in 2025.
    """
    where = {
        "correction": "pa13-a-4-A",
        "municipal_police": "pa13-a-4-B",
        "state_police": "pa13-a-4-C",
        "judicial_marshal": "pa13-a-4-D",
        "state_marshal": "pa13-a-4-D",
    }
    return _covered(facts, where, "pa13-a-4")


def subsection_b(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h(b) (PA 13-155).

    Verbatim: "(b) No law enforcement officer who receives a civil immigration detainer … shall
    detain such individual pursuant to such civil immigration detainer unless the law enforcement
    official determines that the individual: …"

    A ban with exceptions: the grounds below permit a hold and never require one.
    """
    return Finding("pa13-b", "frame.permits", None)


def subsection_b_release(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h(b) (PA 13-155), read with the OLR summary.

    Paraphrase (OLR): "to release the person unless they determine that he or she: …"
    """
    return Finding("pa13-b", "frame.release_2014", None)


def subsection_b_1(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h(b)(1) (PA 13-155), with the definition in (a)(2).

    Verbatim: "(1) Has been convicted of a felony;" and (a)(2): "… convicted of a felony, as
    defined in section 53a-25, pursuant to a final judgment of guilt … notwithstanding any pending
    appeal or habeas corpus proceeding …".

    Any felony class, including an unclassified felony, counts; a misdemeanor does not. A conviction
    whose class the reader does not know leaves the ground unknown.
    """
    return _convictions_matching(facts, FELONY_CLASSES, "pa13-b-1", "felony")


def subsection_a_2(facts: Scenario) -> Finding | None:
    """Conn. Gen. Stat. § 54-192h(a)(2) (PA 13-155), the definition (b)(1) relies on.

    Verbatim: ""Convicted of a felony" means that a person has been convicted of a felony, as
    defined in section 53a-25, pursuant to a final judgment of guilt entered by a court in this
    state or in a court of competent jurisdiction within the United States … notwithstanding any
    pending appeal or habeas corpus proceeding arising from such judgment;"

    Shown when a felony conviction is what permits the hold, so the reader knows what counts.
    """
    if subsection_b_1(facts).result is Tri.MET:
        return Finding("pa13-a-2", "felony.definition", None)
    return None


def subsection_b_2(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h(b)(2) (PA 13-155).

    Paraphrase (OLR): "is subject to pending criminal charges in Connecticut where bond has not
    been posted". The statute's own words were not retrieved.
    """
    return _boolean_ground(facts, "pending_charges_without_bond", "pa13-b-2")


def subsection_b_3(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h(b)(3) (PA 13-155).

    Paraphrase (OLR): "has an outstanding arrest warrant in Connecticut".
    """
    return _boolean_ground(facts, "ct_arrest_warrant", "pa13-b-3")


def subsection_b_4(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h(b)(4) (PA 13-155).

    Paraphrase (OLR bill analysis): "is identified as a known gang member in the National Crime
    Information Center's database, or any similar database, or is designated as a Security Risk
    Group member or a Security Risk Group Safety Threat member by the Department of Correction".
    """
    return _boolean_ground(facts, "gang_database", "pa13-b-4")


def subsection_b_5(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h(b)(5) (PA 13-155).

    Paraphrase (OLR): "is identified as a possible match in the federal Terrorist Screening
    Database or similar database".
    """
    return _boolean_ground(facts, "terrorist_screening_match", "pa13-b-5")


def subsection_b_6(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h(b)(6) (PA 13-155).

    Paraphrase (OLR): "is subject to a final order of deportation or removal issued by a federal
    immigration authority".
    """
    return _boolean_ground(facts, "final_removal_order", "pa13-b-6")


def subsection_b_7(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h(b)(7) (PA 13-155).

    Paraphrase (OLR): "presents an unacceptable risk to public safety".

    The ground turns on the official's own determination, so the fact asked is whether the
    official has made it.
    """
    return _boolean_ground(facts, "public_safety_risk", "pa13-b-7")


def subsection_b_warrant_note(facts: Scenario) -> Finding | None:
    """Conn. Gen. Stat. § 54-192h(b) (PA 13-155): the grounds do not include a warrant.

    The 2014 list (OLR) has no warrant ground, so a warrant signed by a judge does not change the
    answer under this version. The checker does not assess a warrant as authority of its own.
    """
    if facts.warrant == "judicial":
        return Finding("pa13-b", "judicial_warrant.2014_note", None)
    return None


def hold_limit_48_hours(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h (PA 13-155), notice and 48-hour provision (letter not retrieved).

    Paraphrase (OLR): "the officer must inform ICE that he or she will be held for up to 48 hours
    (excluding Saturdays, Sundays, and federal holidays). If ICE fails to take custody of the person
    within 48 hours, the officer must release the individual."

    The engine computes the deadline from ``release_at`` (see :mod:`checker.hold_limit`).
    """
    return Finding("pa13-hold", "hold.no_release_at", None)


# --- PA 19-20 and PA 19-23, from 2019-10-01 ----------------------------------------------------


def subsection_a_9_to_11_from_2019_10_01(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h(a)(9)-(11), as amended by PA 19-23 § 1, read with (b)(1).

    Verbatim: (a)(9) lists the Department of Correction (A), municipal police (B), State Police (C)
    and "(D) Each judicial marshal, state marshal [, bail commissioner] and adult probation
    officer"; (b)(1) binds any "law enforcement officer, bail commissioner or intake, assessment or
    referral specialist, or employee of a school police or security department".
    """
    where = {
        "correction": "pa19-a-9-A",
        "municipal_police": "pa19-a-9-B",
        "state_police": "pa19-a-9-C",
        "judicial_marshal": "pa19-a-9-D",
        "state_marshal": "pa19-a-9-D",
        "adult_probation": "pa19-a-9-D",
        "bail_commissioner": "pa19-a-10",
        "school_police": "pa19-a-11",
    }
    return _covered(facts, where, "pa19-a-9")


def subsection_b_1_from_2019_10_01(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h(b)(1)(A), as amended by PA 19-23 § 2.

    Verbatim: "(b) (1) No law enforcement officer, … shall: (A) Arrest or detain an individual
    pursuant to a civil immigration detainer unless …"
    """
    return Finding("pa19-b-1", "frame.permits", None)


def subsection_b_1_release_from_2019_10_01(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h(b)(1)(A), as amended by PA 19-23 § 2: no ground, no hold."""
    return Finding("pa19-b-1", "frame.release", None)


def subsection_b_1_A_i_from_2019_10_01(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h(b)(1)(A)(i), as amended by PA 19-23 § 2.

    Verbatim: "(i) the detainer is accompanied by a warrant issued or signed by a judicial officer,"

    An ICE warrant (Form I-200 or I-205) is an "administrative warrant" under (a)(1) and does not
    meet this ground.
    """
    return _judicial_warrant(facts, "pa19-b-1-A-i")


def subsection_b_1_A_ii_from_2019_10_01(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h(b)(1)(A)(ii), as amended by PA 19-23 § 2.

    Verbatim start: "(ii) the individual ha…"; paraphrase (several sources): convicted of a class A
    or B felony.

    An unclassified felony is not a class A or B felony, so it does not meet this ground.
    """
    return _convictions_matching(facts, frozenset({"A", "B"}), "pa19-b-1-A-ii", "class_ab")


def subsection_b_1_A_iii_from_2019_10_01(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h(b)(1)(A)(iii), as amended by PA 19-23 § 2.

    Paraphrase: the individual "has been identified as a possible match in the federal Terrorist
    Screening Database".
    """
    return _boolean_ground(facts, "terrorist_screening_match", "pa19-b-1-A-iii")


def administrative_warrant_from_2019_10_01(facts: Scenario) -> Finding | None:
    """Conn. Gen. Stat. § 54-192h(a)(1), as amended by PA 19-20 § 1, with (b)(1).

    Verbatim (a)(1): ""Administrative warrant" means a warrant, notice to appear, removal order or
    warrant of deportation issued by an agent of a federal agency … but does not include a warrant
    issued or signed by a judicial officer." Paraphrase of (b)(1): no arrest or detention "based
    on an administrative warrant".

    Shown when the reader says ICE sent its own warrant; it decides nothing beyond (b)(1)(A)(i).
    """
    if facts.warrant == "administrative":
        return Finding("pa19-a-1", "admin_warrant.definition", None)
    return None


def administrative_warrant_clause_from_2019_10_01(facts: Scenario) -> Finding | None:
    """Conn. Gen. Stat. § 54-192h(b)(1), as amended by PA 19-23 § 2, administrative-warrant clause.

    Paraphrase (CT Centinal, of the 2019 text carried into a 2025 bill): no arresting or detaining
    "an individual based on an administrative warrant". Its letter within (b)(1) was not retrieved.
    """
    if facts.warrant == "administrative":
        return Finding("pa19-admin-warrant", "admin_warrant.note", None)
    return None


def time_limit_unverified_from_2019_10_01(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h as amended in 2019: time limit not verified.

    No retrieved text says how long a permitted hold may last, so no deadline is computed.
    """
    return Finding("pa19-hold", "hold.unverified", None)


# --- HB 7259, from 2025-10-01 ------------------------------------------------------------------


def subsection_a_from_2025_10_01(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h(a), as amended in 2025 (HB 7259).

    Paraphrase (House Democrats; Division of Criminal Justice): the 2019 officials plus "juvenile
    probation officers and employees of the Division of Criminal Justice and the Board of Pardons
    and Paroles". The 2025 wording was not retrieved, so every covered official cites this one
    paraphrased provision.
    """
    covered = (
        "correction",
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
    return _covered(facts, dict.fromkeys(covered, "pa25-a"), "pa25-a")


def subsection_b_1_from_2025_10_01(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h(b)(1)(A), 2019 text kept in 2025 (paraphrase of the 2025 act)."""
    return Finding("pa25-b-1", "frame.permits", None)


def subsection_b_1_release_from_2025_10_01(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h(b)(1)(A), 2019 text kept in 2025: no ground, no hold."""
    return Finding("pa25-b-1", "frame.release", None)


def subsection_b_1_A_i_from_2025_10_01(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h(b)(1)(A)(i), 2019 text kept in 2025: a judge's warrant."""
    return _judicial_warrant(facts, "pa25-b-1-A-i")


def subsection_b_1_A_ii_from_2025_10_01(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h(b)(1)(A)(ii), 2019 text kept in 2025: class A or B felony."""
    return _convictions_matching(facts, frozenset({"A", "B"}), "pa25-b-1-A-ii", "class_ab")


def added_offences_from_2025_10_01(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h as amended in 2025 (HB 7259): added class C and D felonies.

    Paraphrase (House Democrats): "Added a slew of Class C and Class D felonies including those
    related to domestic violence, sexual assault, and possession of child sexual abuse material".
    About 13 offences; their names and statute numbers were NOT retrieved.

    A class C or D conviction may or may not be on the list, so the ground is unknown and the reason
    says the list is unverified. Other classes are outside a list of class C and D felonies.
    """
    found = _convictions_matching(facts, frozenset({"C", "D"}), "pa25-added-offences", "added")
    if found.result is Tri.MET:
        return Finding(
            "pa25-added-offences",
            "added.unverified",
            Tri.UNKNOWN,
            found.params,
            unverified=("pa25-added-offences",),
        )
    return found


def subsection_b_1_A_iii_from_2025_10_01(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h(b)(1)(A)(iii), 2019 text kept in 2025: terrorist-database match."""
    return _boolean_ground(facts, "terrorist_screening_match", "pa25-b-1-A-iii")


def administrative_warrant_from_2025_10_01(facts: Scenario) -> Finding | None:
    """Conn. Gen. Stat. § 54-192h(b)(1), administrative-warrant clause, 2019 text kept in 2025."""
    if facts.warrant == "administrative":
        return Finding("pa25-admin-warrant", "admin_warrant.note", None)
    return None


def court_relief_from_2025_10_01(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h as amended in 2025 (HB 7259): court relief against towns.

    Paraphrase (Senate Democrats): relief "through avenues like court injunctions but can not seek
    monetary damages". Informs; decides nothing.
    """
    return Finding("pa25-remedy", "remedy.2025", None)


def time_limit_unverified_from_2025_10_01(facts: Scenario) -> Finding:
    """Conn. Gen. Stat. § 54-192h as amended in 2025: time limit not verified."""
    return Finding("pa25-hold", "hold.unverified", None)


# --- The versions, assembled -------------------------------------------------------------------


@dataclass(frozen=True)
class RuleSet:
    """The rules of one regime: who is bound, the grounds, and what to say around them.

    ``coverage`` is ``None`` when no state law applied at all (before 2014). ``grounds`` are ORed;
    ``notes`` inform without deciding; ``permits`` and ``release`` frame a yes or a no;
    ``hold`` describes the time limit and ``hold_hours`` is set only where the limit is known.
    """

    coverage: Rule | None
    grounds: tuple[Rule, ...]
    notes: tuple[Callable[[Scenario], Finding | None], ...]
    permits: Rule | None
    release: Rule | None
    hold: Rule | None
    hold_hours: int | None
    preamble: tuple[Rule, ...] = ()


RULESETS: dict[str, RuleSet] = {
    "before_2014": RuleSet(
        coverage=None,
        grounds=(),
        notes=(executive_checklist_2012,),
        permits=None,
        release=None,
        hold=None,
        hold_hours=None,
        preamble=(no_statute_before_2014_01_01,),
    ),
    "pa_13_155": RuleSet(
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
        notes=(subsection_a_2, subsection_b_warrant_note),
        permits=subsection_b,
        release=subsection_b_release,
        hold=hold_limit_48_hours,
        hold_hours=48,
    ),
    "pa_19_20_23": RuleSet(
        coverage=subsection_a_9_to_11_from_2019_10_01,
        grounds=(
            subsection_b_1_A_i_from_2019_10_01,
            subsection_b_1_A_ii_from_2019_10_01,
            subsection_b_1_A_iii_from_2019_10_01,
        ),
        notes=(administrative_warrant_clause_from_2019_10_01, administrative_warrant_from_2019_10_01),
        permits=subsection_b_1_from_2019_10_01,
        release=subsection_b_1_release_from_2019_10_01,
        hold=time_limit_unverified_from_2019_10_01,
        hold_hours=None,
    ),
    "hb_7259_2025": RuleSet(
        coverage=subsection_a_from_2025_10_01,
        grounds=(
            subsection_b_1_A_i_from_2025_10_01,
            subsection_b_1_A_ii_from_2025_10_01,
            added_offences_from_2025_10_01,
            subsection_b_1_A_iii_from_2025_10_01,
        ),
        notes=(administrative_warrant_from_2025_10_01, court_relief_from_2025_10_01),
        permits=subsection_b_1_from_2025_10_01,
        release=subsection_b_1_release_from_2025_10_01,
        hold=time_limit_unverified_from_2025_10_01,
        hold_hours=None,
    ),
}
