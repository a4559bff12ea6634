"""Federal holidays against the ``holidays`` library, and the 48-hour count against brute force."""

from __future__ import annotations

import datetime as dt

import holidays
from hypothesis import given
from hypothesis import strategies as st

from checker.federal_holidays import is_federal_holiday, observed_holidays
from checker.hold_limit import counts, hold_until


def test_federal_holidays_match_the_holidays_library_1990_2100() -> None:
    """Every weekday the library calls a US holiday (observed days included) is ours, and no other."""
    for year in range(1990, 2101):
        library = {d for d in holidays.country_holidays("US", years=year) if d.weekday() < 5 and d.year == year}
        assert set(observed_holidays(year)) == library, year


def test_observed_days() -> None:
    """Holidays on weekends move to the nearest weekday, across a year end too."""
    assert is_federal_holiday(dt.date(2021, 12, 31))  # New Year's Day 2022 was a Saturday
    assert is_federal_holiday(dt.date(2021, 6, 18))  # Juneteenth 2021 was a Saturday
    assert not is_federal_holiday(dt.date(2020, 6, 19))  # Juneteenth became a holiday in 2021
    assert is_federal_holiday(dt.date(2023, 1, 2))  # New Year's Day 2023 was a Sunday
    assert not is_federal_holiday(dt.date(2023, 1, 3))


def _brute_force(start: dt.datetime, hours: int) -> dt.datetime:
    """Step minute by minute, counting only minutes on counted days."""
    minutes, cursor = 0, start
    step = dt.timedelta(minutes=1)
    while minutes < hours * 60:
        if counts(cursor.date()):
            minutes += 1
        cursor += step
    return cursor


@given(
    st.datetimes(min_value=dt.datetime(1995, 1, 1), max_value=dt.datetime(2095, 12, 31)).map(
        lambda d: d.replace(second=0, microsecond=0)
    )
)
def test_hold_until_equals_a_minute_by_minute_count(start: dt.datetime) -> None:
    """The fast computation agrees with counting every minute."""
    assert hold_until(start) == _brute_force(start, 48)


def test_hold_until_examples() -> None:
    """Worked examples: a weekday, a weekend, a Monday holiday."""
    assert hold_until(dt.datetime(2015, 3, 4, 12, 0)) == dt.datetime(2015, 3, 6, 12, 0)  # Wed to Fri
    assert hold_until(dt.datetime(2015, 3, 6, 17, 0)) == dt.datetime(2015, 3, 10, 17, 0)  # Fri to Tue
    assert hold_until(dt.datetime(2024, 1, 12, 8, 0)) == dt.datetime(2024, 1, 17, 8, 0)  # MLK Day skipped
