"""The question schema the browser form is generated from.

Field ids, types and allowed values come from the same constants the validator uses, and which
regimes ask a question is found by running the rules, so the form and the engine cannot disagree.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

from checker.engine import evaluate
from checker.law.s54_192h import RULESETS
from checker.lawdata import REGIMES
from checker.messages import catalogue
from checker.model import BOOLEAN_FACTS, CONVICTION_CLASSES, CUSTODIANS, WARRANTS, Scenario
from checker.validation import FIELDS, MAX_CONVICTIONS, STATUTE_PATTERN

__all__ = ["asked_in", "questions"]


@lru_cache(maxsize=1)
def asked_in() -> dict[str, list[str]]:
    """For each field, the ids of the regimes whose rules read it."""
    asked: dict[str, list[str]] = {name: [] for name in FIELDS}
    for regime in REGIMES:
        start = regime.effective_from or dt.date(2000, 1, 1)
        unknown = evaluate(Scenario(as_of=start), regime)
        read = {"as_of", *unknown.missing}
        if RULESETS[regime.id].hold_hours is not None:
            read.add("release_at")
        for name in FIELDS:
            if name in read:
                asked[name].append(regime.id)
    return asked


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
            assert name in BOOLEAN_FACTS
            field.update(
                type="boolean",
                values=[{"value": True, "label": words["q.yes"]}, {"value": False, "label": words["q.no"]}],
            )
        fields.append(field)
    return {"fields": fields, "unknown_label": words["q.unknown"], "regimes": [r.to_json(lang) for r in REGIMES]}
