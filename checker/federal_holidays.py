"""United States federal holidays (5 U.S.C. § 6103), with the days on which they are observed.

Small on purpose: the browser loads this package, so no third-party holiday library. The tests
check it against the ``holidays`` package for every year from 1990 to 2100.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

__all__ = ["is_federal_holiday", "observed_holidays"]

_MON, _THU = 0, 3


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th ``weekday`` of the month (n = -1 for the last)."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    last = nxt - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _observed(day: dt.date) -> dt.date:
    """A fixed-date holiday on a Saturday is observed on Friday, on a Sunday on Monday."""
    if day.weekday() == 5:
        return day - dt.timedelta(days=1)
    if day.weekday() == 6:
        return day + dt.timedelta(days=1)
    return day


def _holidays_of(year: int) -> list[dt.date]:
    """The legal public holidays dated in ``year`` (before moving to observed days)."""
    days = [
        dt.date(year, 1, 1),  # New Year's Day
        _nth_weekday(year, 1, _MON, 3),  # Birthday of Martin Luther King, Jr. (from 1986)
        _nth_weekday(year, 2, _MON, 3),  # Washington's Birthday
        _nth_weekday(year, 5, _MON, -1),  # Memorial Day
        dt.date(year, 7, 4),  # Independence Day
        _nth_weekday(year, 9, _MON, 1),  # Labor Day
        _nth_weekday(year, 10, _MON, 2),  # Columbus Day
        dt.date(year, 11, 11),  # Veterans Day
        _nth_weekday(year, 11, _THU, 4),  # Thanksgiving Day
        dt.date(year, 12, 25),  # Christmas Day
    ]
    if year < 1986:
        days.remove(_nth_weekday(year, 1, _MON, 3))
    if year >= 2021:
        days.append(dt.date(year, 6, 19))  # Juneteenth National Independence Day
    return days


@lru_cache(maxsize=256)
def observed_holidays(year: int) -> frozenset[dt.date]:
    """Every date in ``year`` that is a federal holiday or the day one is observed.

    New Year's Day of the next year falling on a Saturday is observed on 31 December of this year.
    """
    dates = {d for y in (year, year + 1) for d in map(_observed, _holidays_of(y)) if d.year == year}
    return frozenset(dates)


def is_federal_holiday(day: dt.date) -> bool:
    """True when ``day`` is a federal holiday or its observed day."""
    return day in observed_holidays(day.year)
