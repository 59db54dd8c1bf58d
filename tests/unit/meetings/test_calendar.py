"""The panel calendar: English working days, panel dates, cut-offs and service levels."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from mapping.meetings import calendar as cal


def easter(year: int) -> date:
    """Anonymous Gregorian algorithm (Meeus/Jones/Butcher), independent of the data."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month = (h + m - 7 * n + 114) // 31
    return date(year, month, (h + m - 7 * n + 114) % 31 + 1)


def monday_on_or_after(day: date) -> date:
    return day + timedelta(days=(7 - day.weekday()) % 7)


def substitute(day: date, taken: set[date]) -> date:
    while day.weekday() >= 5 or day in taken:
        day += timedelta(days=1)
    return day


def rule_holidays(year: int) -> set[date]:
    """England and Wales bank holidays derived from the rules (no special one-offs 2025-28)."""
    found: set[date] = set()
    found.add(substitute(date(year, 1, 1), found))
    found |= {easter(year) - timedelta(days=2), easter(year) + timedelta(days=1)}
    found.add(monday_on_or_after(date(year, 5, 1)))
    found.add(monday_on_or_after(date(year, 5, 25)))
    found.add(monday_on_or_after(date(year, 8, 25)))
    found.add(substitute(date(year, 12, 25), found))
    found.add(substitute(date(year, 12, 26), found))
    return found


@pytest.mark.parametrize("year", range(cal.FIRST_YEAR, cal.LAST_YEAR + 1))
def test_bank_holiday_data_matches_the_rules(year: int) -> None:
    listed = {d for d in cal.BANK_HOLIDAYS if d.year == year}
    assert listed == rule_holidays(year)


def test_christmas_and_easter_2026_are_not_working_days() -> None:
    for day in ("2026-04-03", "2026-04-06", "2026-12-25", "2026-12-28"):
        assert not cal.is_working_day(date.fromisoformat(day)), day
    assert cal.is_working_day(date(2026, 12, 29))
    assert not cal.is_working_day(date(2026, 12, 26))  # a Saturday


def test_working_days_step_over_easter_and_christmas() -> None:
    assert cal.add_working_days(date(2026, 4, 2), 1) == date(2026, 4, 7)
    assert cal.add_working_days(date(2026, 4, 7), -1) == date(2026, 4, 2)
    assert cal.add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 29)
    assert cal.add_working_days(date(2026, 12, 24), 0) == date(2026, 12, 24)
    assert cal.working_days_between(date(2026, 12, 24), date(2026, 12, 31)) == 3


def test_last_thursday_of_the_month() -> None:
    assert cal.last_thursday(2026, 12) == date(2026, 12, 31)
    assert cal.last_thursday(2026, 11) == date(2026, 11, 26)
    assert cal.last_thursday(2027, 2) == date(2027, 2, 25)


def test_panel_on_christmas_day_moves_to_the_working_day_before() -> None:
    assert cal.last_thursday(2025, 12) == date(2025, 12, 25)
    assert cal.panel_date(2025, 12) == date(2025, 12, 24)


def test_next_panel_date_rolls_into_the_next_month_and_year() -> None:
    assert cal.next_panel_date(date(2026, 11, 26)) == date(2026, 11, 26)
    assert cal.next_panel_date(date(2026, 11, 27)) == date(2026, 12, 31)
    assert cal.next_panel_date(date(2027, 1, 1)) == date(2027, 1, 28)


def test_referral_cutoff_is_2pm_on_the_monday_nine_working_days_before() -> None:
    # Monday 16 to Thursday 26 November 2026 is nine working days, both counted.
    assert cal.referral_cutoff(date(2026, 11, 26)) == datetime(2026, 11, 16, 14, 0)
    # The spring bank holiday (25 May) pushes the ninth working day back into the week before.
    assert cal.referral_cutoff(date(2026, 5, 28)) == datetime(2026, 5, 11, 14, 0)


def test_referral_cutoff_on_easter_monday_moves_to_the_working_day_before() -> None:
    assert cal.referral_cutoff(date(2026, 4, 17)) == datetime(2026, 4, 2, 14, 0)


def test_agenda_goes_out_five_working_days_before() -> None:
    assert cal.agenda_due(date(2026, 11, 26)) == datetime(2026, 11, 19, 23, 59)
    assert cal.agenda_due(date(2026, 12, 31)) == datetime(2026, 12, 22, 23, 59)


def test_actions_within_48_clock_hours_of_closing_in_london_time() -> None:
    winter = datetime(2026, 11, 26, 15, 30, tzinfo=UTC)
    assert cal.actions_due(date(2026, 11, 26), winter) == datetime(2026, 11, 28, 15, 30)
    summer = datetime(2026, 7, 30, 14, 0, tzinfo=UTC)  # 15:00 BST
    assert cal.actions_due(date(2026, 7, 30), summer) == datetime(2026, 8, 1, 15, 0)
    assert cal.actions_due(date(2026, 11, 26)) == datetime(2026, 11, 28, 17, 0)


def test_minutes_within_seven_working_days_across_new_year() -> None:
    assert cal.minutes_due(date(2026, 12, 24)) == datetime(2027, 1, 7, 23, 59)
    assert cal.minutes_due(date(2026, 11, 26)) == datetime(2026, 12, 7, 23, 59)


def test_deadline_met_missed_or_due() -> None:
    due = datetime(2026, 11, 28, 17, 0)
    before, after = datetime(2026, 11, 28, 9, 0), datetime(2026, 11, 30, 9, 0)
    assert cal.deadline("x", due, before, after).state is cal.DeadlineState.MET
    assert cal.deadline("x", due, after, after).state is cal.DeadlineState.MISSED
    assert cal.deadline("x", due, None, after).state is cal.DeadlineState.MISSED
    assert cal.deadline("x", due, None, before).state is cal.DeadlineState.DUE
    assert "missed" in cal.deadline("Minutes", due, None, after).text


def test_dates_outside_the_known_years_are_refused() -> None:
    with pytest.raises(cal.OutsideCalendar, match="2029"):
        cal.is_working_day(date(2029, 1, 2))
