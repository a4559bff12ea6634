"""The question schema the browser form is generated from.

Field ids, types and allowed values come from the same constants the validator uses, and which
regimes ask a question is found by running the rules, so the form and the engine cannot disagree.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

from checker.engine import answer_duty, evaluate
from checker.lawdata import CURRENT_AS_OF, REGIMES, Regime
from checker.messages import catalogue
from checker.model import BOOLEAN_FACTS, CONVICTION_CLASSES, CUSTODIANS, DUTIES, DUTY_FACTS, WARRANTS, Scenario
from checker.validation import FIELDS, MAX_CONVICTIONS, STATUTE_PATTERN

__all__ = ["asked_in", "needed_for", "questions"]


@lru_cache(maxsize=1)
def asked_in() -> dict[str, list[str]]:
    """For each field, the ids of the regimes whose rules read it."""
    asked: dict[str, list[str]] = {name: [] for name in FIELDS}
    for regime in REGIMES:
        start = regime.effective_from or dt.date(2000, 1, 1)
        unknown = evaluate(Scenario(as_of=start), regime)
        # The release time is read in every version: the federal limit and the form's apply throughout.
        read = {"as_of", "asked", "release_at", *unknown.missing}
        read |= {name for names in _duty_reads(regime.id).values() for name in names}
        for name in FIELDS:
            if name in read:
                asked[name].append(regime.id)
    return asked


def _probes(regime: Regime) -> list[Scenario]:
    """Scenarios that reach every branch a duty's rule may ask about: the first and last day of the
    version (or of our research), with and without the information being confidential."""
    start = regime.effective_from or dt.date(2000, 1, 1)
    end = regime.effective_to or max(CURRENT_AS_OF, start)
    return [
        Scenario(as_of=day, custodian="municipal_police", information_confidential=confidential)
        for day in (start, end)
        for confidential in (None, True)
    ]


@lru_cache(maxsize=8)
def _duty_reads(regime_id: str) -> dict[str, set[str]]:
    """For each duty other than the hold, the duty facts its rule reads under the regime."""
    regime = next(r for r in REGIMES if r.id == regime_id)
    reads: dict[str, set[str]] = {duty: set() for duty in DUTIES[1:]}
    for facts in _probes(regime):
        for duty in DUTIES[1:]:
            found = answer_duty(facts, duty, regime)
            reads[duty] |= {name for name in found.missing if name in DUTY_FACTS}
    return reads


@lru_cache(maxsize=1)
def needed_for() -> dict[str, list[str]]:
    """For each duty fact, the duties whose rules read it in some version."""
    needed: dict[str, list[str]] = {name: [] for name in DUTY_FACTS}
    for regime in REGIMES:
        for duty, names in _duty_reads(regime.id).items():
            for name in names:
                if duty not in needed[name]:
                    needed[name].append(duty)
    return {name: [d for d in DUTIES if d in duties] for name, duties in needed.items()}


def _options(values: tuple[str, ...], stem: str, words: dict[str, str]) -> list[dict[str, str]]:
    return [{"value": v, "label": words[stem + v]} for v in values]


def questions(lang: str = "en") -> dict[str, Any]:
    """The form: one entry per scenario field, in the contract's order, with words in ``lang``."""
    words = catalogue(lang)
    regimes = asked_in()
    fields: list[dict[str, Any]] = []
    for name in FIELDS:
        field: dict[str, Any] = {
            "id": name,
            "label": words[f"q.{name}.label"],
            "help": words[f"q.{name}.help"],
            "asked_in": regimes[name],
        }
        if name == "as_of":
            field.update(type="date", default="today")
        elif name == "release_at":
            field.update(type="datetime")
        elif name == "asked":
            field.update(type="set", values=_options(DUTIES, "ask.", words))
        elif name == "custodian":
            field.update(type="enum", values=_options(CUSTODIANS, "custodian.", words))
        elif name == "warrant":
            field.update(type="enum", values=_options(WARRANTS, "warrant.", words))
        elif name == "convictions":
            field.update(
                type="convictions",
                max_items=MAX_CONVICTIONS,
                item={
                    "class": {
                        "label": words["q.convictions.class.label"],
                        "type": "enum",
                        "values": _options(CONVICTION_CLASSES, "class.", words),
                        "nullable": True,
                    },
                    "statute": {
                        "label": words["q.convictions.statute.label"],
                        "type": "string",
                        "pattern": f"^{STATUTE_PATTERN}$",
                        "optional": True,
                    },
                },
            )
        else:
            assert name in (*BOOLEAN_FACTS, *DUTY_FACTS)
            if name in DUTY_FACTS:
                field["needed_for"] = needed_for()[name]
            field.update(
                type="boolean",
                values=[{"value": True, "label": words["q.yes"]}, {"value": False, "label": words["q.no"]}],
            )
        fields.append(field)
    return {"fields": fields, "unknown_label": words["q.unknown"], "regimes": [r.to_json(lang) for r in REGIMES]}
