"""The law as data: regimes, citations and sources, loaded once from ``checker/data``.

Everything here is read from the JSON files; nothing about the law is written in this module.
Inconsistent data (overlapping or unsorted regimes, a citation whose source is missing) raises at
import time, so a bad edit fails every test at once instead of one answer quietly.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from checker.messages import catalogue, render
from checker.package_data import read_text

__all__ = [
    "CITATIONS",
    "CURRENT_AS_OF",
    "DETAINER_FORMS",
    "FEDERAL_LIMIT",
    "NOTE_DATES",
    "REGIMES",
    "SOURCES",
    "SOURCE_TYPES",
    "STATUSES",
    "DataError",
    "DetainerForm",
    "Limit",
    "Regime",
    "regime_for",
]

# How far a provision's wording is verified, from the statute's own words down to none at all.
# An official paraphrase is OLR's, an agency's or a court's; a secondary one is a newspaper's, a
# caucus's, a legislator's or a bill tracker's.
STATUSES = ("verbatim", "official_paraphrase", "secondary_paraphrase", "unverified")
SOURCE_TYPES = (
    "statute",
    "public_act",
    "regulation",
    "legislative_analysis",
    "agency_document",
    "court_opinion",
    "secondary",
)


class DataError(Exception):
    """The law data files contradict themselves."""


def _load(name: str) -> dict[str, Any]:
    text = read_text("data", name)
    data: dict[str, Any] = json.loads(text)
    return data


@dataclass(frozen=True)
class Regime:
    """One version of § 54-192h and the dates it was in force (``effective_to`` inclusive)."""

    id: str
    effective_from: dt.date | None
    effective_to: dt.date | None
    acts: tuple[dict[str, Any], ...]
    provisions: tuple[str, ...]

    def name(self, lang: str = "en") -> str:
        """The regime's name in ``lang`` (words live in the message catalogues)."""
        return catalogue(lang)[f"regime.{self.id}.name"]

    def summary(self, lang: str = "en") -> str:
        """The regime in one sentence, in ``lang``."""
        return catalogue(lang)[f"regime.{self.id}.summary"]

    def period(self, lang: str = "en") -> str:
        """When the regime was in force, in words: "in force 2014-01-01 to 2019-09-30"."""
        if self.effective_from is None:
            assert self.effective_to is not None
            end = self.effective_to + dt.timedelta(days=1)
            return render("period.before", {"end": end.isoformat()}, lang)
        if self.effective_to is None:
            return render("period.open", {"start": self.effective_from.isoformat()}, lang)
        days = {"start": self.effective_from.isoformat(), "end": self.effective_to.isoformat()}
        return render("period.range", days, lang)

    def to_json(self, lang: str = "en") -> dict[str, Any]:
        """The regime as the decision JSON shows it."""
        return {
            "id": self.id,
            "name": self.name(lang),
            "effective_from": _iso(self.effective_from),
            "effective_to": _iso(self.effective_to),
            "period": self.period(lang),
            "acts": [dict(a) for a in self.acts],
        }


@dataclass(frozen=True)
class Limit:
    """How long a hold may last from the time of release: ``hours``, counting every hour or only
    the hours of weekdays that are not federal holidays (``weekdays_only``), set by ``provision``."""

    hours: int
    weekdays_only: bool
    provision: str


@dataclass(frozen=True)
class DetainerForm:
    """One of ICE's detainer forms: the days it was issued and the hold it asks for, if known."""

    id: str
    provision: str
    issued_from: dt.date
    issued_to: dt.date | None
    limit: Limit | None

    def in_use(self, day: dt.date) -> bool:
        """True when ``day`` falls between the form's first and last day of issue."""
        return self.issued_from <= day and (self.issued_to is None or day <= self.issued_to)


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


SOURCES: dict[str, dict[str, Any]] = _load("sources.json")["sources"]
_REGIME_DATA = _load("regimes.json")
CURRENT_AS_OF: dt.date = dt.date.fromisoformat(_REGIME_DATA["current_as_of"])
CITATIONS: dict[str, dict[str, Any]] = _load("citations.json")["citations"]
NOTE_DATES: dict[str, dt.date] = {k: dt.date.fromisoformat(v) for k, v in _REGIME_DATA["note_dates"].items()}
FEDERAL_LIMIT = Limit(**_REGIME_DATA["federal_limit"])


def _form(raw: dict[str, Any]) -> DetainerForm:
    limit = raw["limit"]
    return DetainerForm(
        id=raw["id"],
        provision=raw["provision"],
        issued_from=dt.date.fromisoformat(raw["issued_from"]),
        issued_to=None if raw["issued_to"] is None else dt.date.fromisoformat(raw["issued_to"]),
        limit=None if limit is None else Limit(limit["hours"], limit["weekdays_only"], raw["provision"]),
    )


DETAINER_FORMS: tuple[DetainerForm, ...] = tuple(_form(raw) for raw in _REGIME_DATA["detainer_forms"])


def _build_regimes() -> tuple[Regime, ...]:
    raw = _REGIME_DATA["regimes"]
    starts = [None if r["effective_from"] is None else dt.date.fromisoformat(r["effective_from"]) for r in raw]
    if not starts or starts[0] is not None:
        raise DataError("the first regime must have no start date")
    dated = [s for s in starts[1:] if s is not None]
    if len(dated) != len(starts) - 1 or dated != sorted(set(dated)):
        raise DataError("regime start dates must be given, distinct and in order")
    regimes = []
    for i, r in enumerate(raw):
        end = None if i + 1 == len(raw) else starts[i + 1]
        regimes.append(
            Regime(
                id=r["id"],
                effective_from=starts[i],
                effective_to=None if end is None else end - dt.timedelta(days=1),
                acts=tuple(r["acts"]),
                provisions=tuple(cid for cid, c in CITATIONS.items() if c["regime"] == r["id"]),
            )
        )
    return tuple(regimes)


def _check() -> None:
    ids = [r.id for r in REGIMES]
    if len(set(ids)) != len(ids):
        raise DataError("regime ids must be unique")
    for sid, source in SOURCES.items():
        if source["type"] not in SOURCE_TYPES:
            raise DataError(f"source {sid}: unknown type {source['type']!r}")
    for cid, c in CITATIONS.items():
        if c["status"] not in STATUSES:
            raise DataError(f"citation {cid}: unknown status {c['status']!r}")
        if c["source"] not in SOURCES:
            raise DataError(f"citation {cid}: unknown source {c['source']!r}")
        if c["regime"] is not None and c["regime"] not in ids:
            raise DataError(f"citation {cid}: unknown regime {c['regime']!r}")
        if c["status"] == "unverified" and f"note.{cid}" not in catalogue("en"):
            raise DataError(f"citation {cid}: an unverified provision needs a note saying what is missing")
        if c["status"] != "unverified" and not c["quote"]:
            raise DataError(f"citation {cid}: a verified provision needs its words")
    for cid in [*NOTE_DATES, FEDERAL_LIMIT.provision, *(f.provision for f in DETAINER_FORMS)]:
        if cid not in CITATIONS:
            raise DataError(f"law data names {cid!r}, which is not in the citation table")
    for r in REGIMES:
        r.name()
        r.summary()
        for act in r.acts:
            if act["source"] not in SOURCES:
                raise DataError(f"regime {r.id}: unknown source {act['source']!r}")


REGIMES: tuple[Regime, ...] = _build_regimes()
_check()


def regime_for(day: dt.date) -> Regime:
    """The regime in force on ``day``: the last one starting on or before it."""
    chosen = REGIMES[0]
    for regime in REGIMES[1:]:
        assert regime.effective_from is not None
        if regime.effective_from <= day:
            chosen = regime
    return chosen
