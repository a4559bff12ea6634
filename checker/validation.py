"""Turn a scenario as JSON (a dict) into a :class:`~checker.model.Scenario`, or say exactly what is wrong."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from checker.lawdata import regime_for
from checker.messages import render
from checker.model import (
    BOOLEAN_FACTS,
    CONVICTION_CLASSES,
    CUSTODIANS,
    DUTIES,
    DUTY_FACTS,
    WARRANTS,
    Conviction,
    Scenario,
)

__all__ = [
    "FIELDS",
    "MAX_CONVICTIONS",
    "RELEASE_WINDOW_DAYS",
    "STATUTE_PATTERN",
    "ValidationError",
    "describe",
    "loads",
    "parse",
]

FIELDS: tuple[str, ...] = (
    "as_of",
    "custodian",
    "asked",
    "warrant",
    "convictions",
    *BOOLEAN_FACTS,
    "release_at",
    *DUTY_FACTS,
)
# How many days after the date of the decision the release may fall.
RELEASE_WINDOW_DAYS = 7
# The most convictions a scenario may list: more than any answer needs (list the most serious), few
# enough that a crafted share link stays cheap to check.
MAX_CONVICTIONS = 50
# A section of the General Statutes, such as 53a-70. Every pattern is matched whole (fullmatch), so
# a trailing newline never gets through, as it would with "$".
STATUTE_PATTERN = "[0-9]{1,3}[a-z]{0,2}-[0-9]{1,4}[a-z]{0,3}"
_PLAIN = re.compile(r"[A-Za-z0-9_]{1,40}")
_STATUTE = re.compile(STATUTE_PATTERN)
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATETIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}")


class ValidationError(ValueError):
    """The scenario is not valid; ``field`` names the offending field (with its path).

    A problem the reader of the form can meet (such as too many convictions) also carries its
    message id and values, so the browser can show it in the page's language: see :meth:`text`.
    """

    def __init__(
        self, field: str, problem: str, message_id: str | None = None, params: dict[str, str] | None = None
    ) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem
        self.message_id = message_id
        self.params = params or {}

    def text(self, lang: str = "en") -> str:
        """The error on one line, in ``lang`` where the catalogue has its words (else in English)."""
        if self.message_id is None:
            return str(self)
        return f"{self.field}: {render(self.message_id, self.params, lang)}"

    def problem_text(self, lang: str = "en") -> str:
        """The problem alone, without the field's name, in ``lang`` where the catalogue has its words."""
        if self.message_id is None:
            return self.problem
        return render(self.message_id, self.params, lang)

    @classmethod
    def from_catalogue(cls, field: str, message_id: str, **params: str) -> ValidationError:
        """An error whose words come from the message catalogues (English in ``str()``)."""
        return cls(field, render(message_id, params, "en"), message_id, params)


def describe(value: Any) -> str:
    """A value as an error message shows it: strings quoted and cut short, other values by kind."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return repr(shown)
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, (int, float)):
        return "a number"
    return type(value).__name__


def _name(key: str) -> str:
    """A field name fit to print on one line: as it is when plain, else quoted and cut short."""
    if _PLAIN.fullmatch(key):
        return key
    return json.dumps(key[:30])


def _one_of(field: str, value: Any, allowed: tuple[str, ...]) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or value not in allowed:
        raise ValidationError(field, f"{describe(value)} is not one of {', '.join(allowed)}")
    return value


def _date(field: str, value: Any) -> dt.date:
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise ValidationError(field, f"{describe(value)} is not a date written YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValidationError(field, f"{value!r} is not a real calendar date") from None


def _datetime(field: str, value: Any) -> dt.datetime | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _DATETIME.fullmatch(value):
        raise ValidationError(field, f"{describe(value)} is not a local time written YYYY-MM-DDTHH:MM")
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise ValidationError(field, f"{value!r} is not a real date and time") from None
    if not 1900 <= moment.year <= 2199:
        raise ValidationError.from_catalogue(field, "q.datetime.years", value=repr(value))
    return moment


def _boolean(field: str, value: Any) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise ValidationError(field, f"{describe(value)} is not true, false or null")


def _conviction(index: int, value: Any) -> Conviction:
    where = f"convictions[{index}]"
    if not isinstance(value, dict):
        raise ValidationError(where, f'{describe(value)} is not an object like {{"class": "B"}}')
    for key in value:
        if key not in ("class", "statute"):
            raise ValidationError(f"{where}.{_name(key)}", 'unknown field (expected "class" or "statute")')
    klass = _one_of(f"{where}.class", value.get("class"), CONVICTION_CLASSES)
    statute = value.get("statute")
    if statute is not None and (not isinstance(statute, str) or not _STATUTE.fullmatch(statute)):
        raise ValidationError.from_catalogue(f"{where}.statute", "q.statute.bad", value=describe(statute))
    return Conviction(klass=klass, statute=statute)


def _convictions(value: Any) -> tuple[Conviction, ...] | None:
    if value is None:
        return None
    if not isinstance(value, list):
        raise ValidationError("convictions", f"{describe(value)} is not a list (use [] for none, null if not known)")
    if len(value) > MAX_CONVICTIONS:
        raise ValidationError.from_catalogue(
            "convictions", "q.convictions.too_many", count=str(len(value)), max=str(MAX_CONVICTIONS)
        )
    return tuple(_conviction(i, item) for i, item in enumerate(value))


def loads(text: str, what: str = "scenario") -> Any:
    """Decode JSON text (a leading UTF-8 byte-order mark allowed); raises :class:`ValidationError`.

    Every failure of the decoder becomes one line naming ``what``: bad syntax, nesting too deep for
    the parser, and integers longer than Python converts (4,300 digits), which raise ``ValueError``.
    """
    text = text.removeprefix("\ufeff")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError(what, f"not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") from None
    except RecursionError:
        raise ValidationError(what, "nested too deeply to be a scenario") from None
    except ValueError:
        raise ValidationError(what, "not valid JSON (a number has too many digits)") from None


def _asked(value: Any) -> tuple[str, ...] | None:
    if value is None:
        return None
    if not isinstance(value, list):
        raise ValidationError("asked", f"{describe(value)} is not a list of what ICE asked for (null for everything)")
    if len(value) > len(DUTIES):
        raise ValidationError("asked", f"more than {len(DUTIES)} items; each of {', '.join(DUTIES)} at most once")
    asked = tuple(_one_of(f"asked[{i}]", item, DUTIES) or "" for i, item in enumerate(value))
    if "" in asked:
        raise ValidationError(f"asked[{asked.index('')}]", f"null is not one of {', '.join(DUTIES)}")
    if len(set(asked)) != len(asked):
        raise ValidationError("asked", "an item is given twice")
    return tuple(d for d in DUTIES if d in asked)


def parse(data: Any, today: dt.date | None = None) -> Scenario:
    """Validate ``data`` (decoded JSON) and return the scenario; absent or null means unknown."""
    if not isinstance(data, dict):
        raise ValidationError("scenario", f"{describe(data)} is not a JSON object")
    for key in data:
        if key not in FIELDS:
            raise ValidationError(_name(key), f"unknown field (known fields: {', '.join(FIELDS)})")
    as_of = data.get("as_of")
    day = (today or dt.date.today()) if as_of is None else _date("as_of", as_of)
    return Scenario(
        as_of=day,
        custodian=_one_of("custodian", data.get("custodian"), CUSTODIANS),
        asked=_asked(data.get("asked")),
        warrant=_one_of("warrant", data.get("warrant"), WARRANTS),
        convictions=_convictions(data.get("convictions")),
        pending_charges_without_bond=_boolean("pending_charges_without_bond", data.get("pending_charges_without_bond")),
        ct_arrest_warrant=_boolean("ct_arrest_warrant", data.get("ct_arrest_warrant")),
        gang_database=_boolean("gang_database", data.get("gang_database")),
        terrorist_screening_match=_boolean("terrorist_screening_match", data.get("terrorist_screening_match")),
        final_removal_order=_boolean("final_removal_order", data.get("final_removal_order")),
        public_safety_risk=_boolean("public_safety_risk", data.get("public_safety_risk")),
        release_at=_release(day, _datetime("release_at", data.get("release_at"))),
        in_courthouse=_boolean("in_courthouse", data.get("in_courthouse")),
        information_confidential=_boolean("information_confidential", data.get("information_confidential")),
        written_consent=_boolean("written_consent", data.get("written_consent")),
    )


def _release(as_of: dt.date, moment: dt.datetime | None) -> dt.datetime | None:
    """The release time must fall on the decision's date or up to a week later, under the same law.

    A hold is governed by the law in force when it happens; a release under another version than
    the date of the decision would answer the wrong question, so it is refused with the fix.
    """
    if moment is None:
        return None
    if moment.date() < as_of:
        raise ValidationError.from_catalogue(
            "release_at", "q.release_at.before", moment=_local(moment), date=as_of.isoformat()
        )
    if moment.date() > as_of + dt.timedelta(days=RELEASE_WINDOW_DAYS):
        raise ValidationError.from_catalogue(
            "release_at",
            "q.release_at.after",
            moment=_local(moment),
            days=str(RELEASE_WINDOW_DAYS),
            date=as_of.isoformat(),
        )
    later = regime_for(moment.date())
    if later != regime_for(as_of):
        raise ValidationError.from_catalogue(
            "release_at", "q.release_at.other_version", moment=_local(moment), date=str(later.effective_from)
        )
    return moment


def _local(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M")
