"""The latest time a person may be held: 48 hours that count only on weekdays that are not holidays.

Connecticut local time throughout. Daylight-saving time changes in the United States happen on
Sundays (at 2 a.m.), and Sundays never count, so every counted hour is a wall-clock hour and naive
local times are exact here.
"""

from __future__ import annotations

import datetime as dt

from checker.federal_holidays import is_federal_holiday

__all__ = ["counts", "hold_until"]

_DAY = dt.timedelta(days=1)


def counts(day: dt.date) -> bool:
    """True when the hours of ``day`` count toward the limit (a weekday, not a federal holiday)."""
    return day.weekday() < 5 and not is_federal_holiday(day)


def hold_until(release_at: dt.datetime, hours: int = 48) -> dt.datetime:
    """The moment ``hours`` counted hours have passed since ``release_at``."""
    remaining = dt.timedelta(hours=hours)
    cursor = release_at
    while True:
        midnight = dt.datetime.combine(cursor.date() + _DAY, dt.time())
        if counts(cursor.date()):
            available = midnight - cursor
            if remaining <= available:
                return cursor + remaining
            remaining -= available
        cursor = midnight
