"""Citation integrity: every citation used exists, every provision has cases, quotes are marked."""

from __future__ import annotations

import inspect
import re

from checker import CITATIONS, REGIMES, SOURCES, decide_json
from checker.law.s54_192h import RULESETS, before_2014, hb_7259_2025, notes, pa_13_155, pa_19_20_23
from checker.lawdata import SOURCE_TYPES, STATUSES
from tests.cases import CASES

SUBSECTION = re.compile(r"§ 54-192h\([a-z]\)")


# Reasons that speak of a later version of the law: where a hold would run into it, they cite it.
LATER_VERSION = ("hold.law_change.", "hold.state.until", "hold.until")


def _decisions() -> list[dict[str, object]]:
    return [decide_json(c.facts) for c in CASES]


def _reasons(decision: dict[str, object]) -> list[dict[str, str]]:
    """Every reason of a decision: the hold's and every other duty's."""
    duties: list[dict[str, list[dict[str, str]]]] = decision["duties"]  # type: ignore[assignment]
    return [r for d in duties for r in d["reasons"]]


def _own(reason: dict[str, str]) -> bool:
    return not reason["id"].startswith(LATER_VERSION)


def test_every_cited_provision_is_in_the_table_and_its_regime() -> None:
    """Reasons cite only provisions of the citation table, with the table's own citation text."""
    for decision in _decisions():
        regime = decision["regime"]["id"]  # type: ignore[index]
        for reason in _reasons(decision):
            entry = CITATIONS[reason["provision"]]
            assert reason["citation"] == entry["citation"]
            assert reason["status"] == entry["status"]
            if _own(reason) or entry["regime"] is None:
                assert entry["regime"] in (None, regime)
            else:
                later = [r.id for r in REGIMES]
                assert later.index(entry["regime"]) >= later.index(regime), reason


def test_every_provision_has_cases() -> None:
    """Each provision in the table is cited by at least one case's decision."""
    cited = {r["provision"] for d in _decisions() for r in _reasons(d)}
    assert set(CITATIONS) - cited == set()


def test_every_regime_lists_the_provisions_its_rules_cite() -> None:
    """What a regime's rules cite in the cases is listed in that regime's provisions, and nothing more."""
    by_regime: dict[str, set[str]] = {r.id: set() for r in REGIMES}
    for decision in _decisions():
        for reason in _reasons(decision):
            if CITATIONS[reason["provision"]]["regime"] is not None and _own(reason):
                by_regime[decision["regime"]["id"]].add(reason["provision"])  # type: ignore[index]
    for regime in REGIMES:
        assert by_regime[regime.id] == set(regime.provisions), regime.id


def test_decisions_name_the_subsection() -> None:
    """Every may_hold and may_not_hold decision has a reason citing § 54-192h and a subsection."""
    for decision in _decisions():
        if decision["outcome"] in ("may_hold", "may_not_hold"):
            assert any(SUBSECTION.search(r["citation"]) for r in decision["reasons"])  # type: ignore[attr-defined]


def test_every_firm_duty_answer_cites_the_act() -> None:
    """Each permitted, forbidden or required duty cites § 54-192h or the act it comes from."""
    act = re.compile(r"§ 54-192h|PA 13-155")
    for decision in _decisions():
        for duty in decision["duties"]:  # type: ignore[attr-defined]
            if duty["outcome"] in ("permitted", "forbidden", "required"):
                assert any(act.search(r["citation"]) for r in duty["reasons"]), duty["duty"]


def test_table_entries_are_complete() -> None:
    """Each entry has a known status and source; verified entries carry their words."""
    assert set(RULESETS) == {r.id for r in REGIMES}
    for cid, entry in CITATIONS.items():
        assert entry["status"] in STATUSES, cid
        assert entry["source"] in SOURCES, cid
        assert entry["citation"].strip(), cid
        if entry["status"] != "unverified":
            assert entry["quote"], cid
    for sid, source in SOURCES.items():
        assert source["url"].startswith(("https://", "http://")), sid
        assert source["type"] in SOURCE_TYPES, sid


def test_unverified_provisions_are_never_quoted_as_law() -> None:
    """A provision whose text was not retrieved is marked unverified or paraphrase, never verbatim."""
    for cid in ("pa25-added-offences", "pa19-hold", "pa25-hold", "hb-8004-courthouses", "ice-i247-2012"):
        assert CITATIONS[cid]["status"] == "unverified"
    for cid in ("pa13-b-2", "pa13-b-7", "pa13-hold", "ice-i247a-2017"):
        assert CITATIONS[cid]["status"] == "official_paraphrase"
    for cid in ("pa19-b-1-A-ii", "pa25-a", "pa25-remedy", "pa19-admin-warrant"):
        assert CITATIONS[cid]["status"] == "secondary_paraphrase"


def test_official_means_official() -> None:
    """An official paraphrase rests on OLR, an agency or a court; news and caucus releases are secondary."""
    official = ("legislative_analysis", "agency_document", "court_opinion", "statute", "public_act", "regulation")
    for cid, entry in CITATIONS.items():
        kind = SOURCES[entry["source"]]["type"]
        if entry["status"] == "official_paraphrase":
            assert kind in official, cid
        if entry["status"] == "verbatim":
            assert kind in ("statute", "public_act", "regulation", "court_opinion"), cid


VERBATIM = re.compile(r"Verbatim[^:\n]*:\s*(.+?)(?:\n\s*\n|$)", re.DOTALL)
MODULES = {
    before_2014: "before_2014",
    pa_13_155: "pa_13_155",
    pa_19_20_23: "pa_19_20_23",
    hb_7259_2025: "hb_7259_2025",
    notes: None,
}


def _plain(text: str) -> str:
    return " ".join(text.replace('"', " ").split())


def test_verbatim_words_in_the_rules_are_the_citations_words() -> None:
    """Each piece of a "Verbatim:" quotation in a rule's docstring occurs in a quote of its version."""
    checked = 0
    for module, regime in MODULES.items():
        quotes = " | ".join(
            _plain(c["quote"]) for c in CITATIONS.values() if c["quote"] and c["regime"] in (None, regime)
        )
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ != module.__name__:
                continue
            for paragraph in VERBATIM.findall(inspect.getdoc(function) or ""):
                paragraph = paragraph.strip()
                assert paragraph.startswith('"'), (name, paragraph)
                assert paragraph.endswith('"'), (name, paragraph)
                for piece in paragraph[1:-1].split("…"):
                    words = _plain(piece).strip(" ,;")
                    if words:
                        assert words in quotes, f"{module.__name__}.{name}: {words!r} is not in its citations"
                        checked += 1
    assert checked >= 10
