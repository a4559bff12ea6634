"""Tables the checker computes at build time: what it decides in each simple case of one version,
and who each version binds. Every row is a real decision, so the tables cannot disagree with it."""

from __future__ import annotations

import json
from typing import Any

from mkdocs.exceptions import PluginError

from checker import REGIMES, decide_json, parse, questions
from checker.engine import answer_duty, evaluate
from checker.lawdata import CURRENT_AS_OF, Regime
from checker.model import CUSTODIANS, DUTIES, DUTY_FACTS, Outcome, Scenario
from overrides.sitegen.context import Context
from overrides.sitegen.parts import esc, first_day, period, table

__all__ = ["DUTY_TABLE_FACTS", "coverage", "covered", "decision_table", "duties_table"]

_ALWAYS = ("as_of", "custodian", "release_at", "asked", *DUTY_FACTS)  # not grounds of the hold


def covered(custodian: str, regime: Regime) -> bool:
    """Whether ``regime`` binds ``custodian`` (asked of the checker with a judge's warrant)."""
    facts = Scenario(as_of=first_day(regime), custodian=custodian, warrant="judicial")
    return evaluate(facts, regime).outcome not in (Outcome.NOT_COVERED, Outcome.NO_STATE_LIMIT)


def _row(ctx: Context, scenario: dict[str, Any], question: str, answer: str) -> str:
    decision = decide_json(scenario, ctx.lang.code)
    deciding = [
        r for r in decision["reasons"] if r["finding"] in ("met", "unknown") and not r["id"].startswith("covered.")
    ]
    if decision["outcome"] == "may_not_hold":
        deciding = [r for r in decision["reasons"] if r["id"].startswith("frame.")]
    if decision["outcome"] == "not_covered":
        deciding = decision["reasons"][:1]
    cites = "; ".join(dict.fromkeys(r["citation"] for r in deciding))
    data = esc(json.dumps(scenario, sort_keys=True))
    outcome = decision["outcome"]
    label = ctx.lang(f"label.outcome.{outcome}")
    return (
        f'<tr data-scenario="{data}" data-outcome="{outcome}"><td>{esc(question)}</td><td>{esc(answer)}</td>'
        f'<td class="outcome outcome--{outcome}">{esc(label)}</td><td>{esc(cites)}</td></tr>'
    )


def decision_table(ctx: Context, regime_id: str) -> str:
    """One version's table: no ground, then each ground alone, an unknown answer, each official not bound."""
    regime = next((r for r in REGIMES if r.id == regime_id), None)
    if regime is None:
        raise PluginError(f"unknown regime id {regime_id!r}")
    lang = ctx.lang
    day = first_day(regime).isoformat()
    schema = {f["id"]: f for f in questions(lang.code)["fields"]}
    bound = [c for c in CUSTODIANS if covered(c, regime)]
    others = [c for c in CUSTODIANS if c not in bound]
    head = [lang("site.head.question"), lang("site.head.answer"), lang("site.head.outcome"), lang("site.head.citation")]
    who = schema["custodian"]["label"]
    rows: list[str] = []
    if regime.effective_from is None:
        local = next(c for c in CUSTODIANS if c != "federal")
        rows.append(_row(ctx, {"as_of": day, "custodian": local}, who, lang("site.any_local")))
        rows.append(_row(ctx, {"as_of": day, "custodian": "federal"}, who, lang("custodian.federal")))
        caption = lang("site.table_caption_before", name=regime.name(lang.code), period=period(lang, regime))
        return table(head, rows, caption, "decision-table")
    asked = [name for name, f in schema.items() if regime_id in f["asked_in"] and name not in _ALWAYS]
    base: dict[str, Any] = {"as_of": day, "custodian": bound[0]}
    for name in asked:
        base[name] = {"warrant": "none", "convictions": []}.get(name, False)
    rows.append(_row(ctx, base, lang("site.no_ground"), lang("site.no_ground_answer")))
    for name in asked:
        field = schema[name]
        if name == "convictions":
            for option in field["item"]["class"]["values"]:
                rows.append(_row(ctx, {**base, name: [{"class": option["value"]}]}, field["label"], option["label"]))
        elif name == "warrant":
            for option in field["values"][1:]:
                rows.append(_row(ctx, {**base, name: option["value"]}, field["label"], option["label"]))
        else:
            rows.append(_row(ctx, {**base, name: True}, field["label"], lang("q.yes")))
    unknown = {k: v for k, v in base.items() if k != asked[0]}
    rows.append(_row(ctx, unknown, schema[asked[0]]["label"], lang("q.unknown")))
    for custodian in others:
        rows.append(_row(ctx, {**base, "custodian": custodian}, who, lang(f"custodian.{custodian}")))
    officials = ", ".join(lang(f"custodian.{c}") for c in bound)
    caption = lang("site.table_caption", name=regime.name(lang.code), period=period(lang, regime), officials=officials)
    return table(head, rows, caption, "decision-table")


def coverage(ctx: Context) -> str:
    """Who each version of the TRUST Act binds."""
    lang = ctx.lang
    head = [lang("site.head.official"), *[period(lang, r) for r in REGIMES[1:]]]
    rows = []
    for custodian in CUSTODIANS:
        cells = "".join(
            f'<td class="covered">{esc(lang("site.bound"))}</td>'
            if covered(custodian, r)
            else f'<td class="not-covered">{esc(lang("site.not_bound"))}</td>'
            for r in REGIMES[1:]
        )
        rows.append(f'<tr><th scope="row">{esc(lang(f"custodian.{custodian}"))}</th>{cells}</tr>')
    return table(head, rows, lang("site.coverage_caption"), "coverage-table")


# The case the officials' table answers: a covered town police officer, and no exception applies.
DUTY_TABLE_FACTS: dict[str, Any] = {
    "custodian": "municipal_police",
    "warrant": "none",
    "convictions": [],
    "terrorist_screening_match": False,
    "pending_charges_without_bond": False,
    "ct_arrest_warrant": False,
    "gang_database": False,
    "final_removal_order": False,
    "public_safety_risk": False,
    "in_courthouse": True,
    "information_confidential": True,
    "written_consent": False,
}


def duties_table(ctx: Context, arg: str = "") -> str:
    """Every duty under every version since 2014, for a covered officer when no exception applies.

    Each cell is the checker's answer on the version's last day (or the day our research was last
    checked, for the version in force), so that notes that start within a version are counted.
    ``today`` keeps only the version in force, for the one-page printout.
    """
    lang = ctx.lang
    regimes = [r for r in REGIMES if r.effective_from is not None]
    if arg.strip() == "today":
        regimes = regimes[-1:]
    schema = {f["id"]: f for f in questions(lang.code)["fields"]}
    labels = {v["value"]: v["label"] for v in schema["asked"]["values"]}
    cells: dict[str, list[tuple[Regime, str, str]]] = {}
    for duty in DUTIES:
        for regime in regimes:
            day = max(first_day(regime), min(regime.effective_to or CURRENT_AS_OF, CURRENT_AS_OF)).isoformat()
            facts = parse({**DUTY_TABLE_FACTS, "as_of": day})
            if duty == "hold":
                held = evaluate(facts, regime).outcome.value
                outcome = {"may_hold": "permitted", "may_not_hold": "forbidden"}.get(held, held)
            else:
                outcome = answer_duty(facts, duty, regime).outcome.value
            cells.setdefault(duty, []).append((regime, day, outcome))

    def cell(tag: str, duty: str, regime: Regime, day: str, outcome: str) -> str:
        return (
            f'<{tag} class="duty-answer duty-answer--{outcome}" data-duty="{duty}" data-regime="{regime.id}"'
            f' data-as-of="{day}" data-outcome="{outcome}">{esc(lang(f"label.duty.{outcome}"))}</{tag}>'
        )

    if arg.strip() == "today":  # one short run of text, for the one-page printout
        # The hold has its own paragraph on the printout; the list gives every other request.
        items = " · ".join(f"{esc(labels[duty])}: {cell('strong', duty, *cells[duty][0])}" for duty in DUTIES[1:])
        return f'<span class="duties-today">{items}.</span>'
    head = [lang("site.head.request"), *[period(lang, r) for r in regimes]]
    rows = [
        f'<tr data-duty="{duty}"><th scope="row">{esc(labels[duty])}</th>'
        f"{''.join(cell('td', duty, *c) for c in cells[duty])}</tr>"
        for duty in DUTIES
    ]
    return table(head, rows, lang("site.duties_caption"), "duties-table")
