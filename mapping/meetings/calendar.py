"""The panel calendar: English working days and the MARVE panel's dates and service levels.

Pure date arithmetic, no store. The rules (reference, "Operational Process") and how each is
read here:

- **Working day**: Monday to Friday, not an England and Wales bank holiday (`BANK_HOLIDAYS`,
  kept as data for 2025–2028; a date outside those years raises `OutsideCalendar` rather
  than silently ignoring holidays). "N working days before/after D" steps over N working
  days and does not count D itself.
- **Panel date**: normally the last Thursday of the month; when that Thursday is a bank
  holiday (25 December 2025) the suggested date is the working day before it. The panel can
  always choose another date; the deadlines follow whatever date is chosen.
- **Referral cut-off**: "2pm (Monday) 9 working days before the Panel meets". Counting the
  panel day as the first of the nine (the only reading that puts a Thursday panel's cut-off
  on a Monday: Monday 16 to Thursday 26 November 2026 is nine working days) gives the day 8
  working days before the panel; the cut-off is 14:00 on the Monday of that week (on that
  day if it is a Monday), or on the working day before that Monday when it is a bank holiday.
- **Agenda**: sent 5 working days before the panel (by 23:59 that day).
- **Actions**: distributed within 48 hours of the meeting — clock hours, weekends included
  (the reference says hours, not working days), counted from when the meeting closed or, if
  it has not been closed, from 17:00 on the meeting day.
- **Minutes**: within 7 working days of the meeting (by 23:59 on the seventh working day).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

# England and Wales bank holidays (GOV.UK list), including substitute days.
BANK_HOLIDAYS: frozenset[date] = frozenset(
    date.fromisoformat(d)
    for d in (
        # 2025
        "2025-01-01",
        "2025-04-18",  # Good Friday
        "2025-04-21",  # Easter Monday
        "2025-05-05",
        "2025-05-26",
        "2025-08-25",
        "2025-12-25",
        "2025-12-26",
        # 2026
        "2026-01-01",
        "2026-04-03",  # Good Friday
        "2026-04-06",  # Easter Monday
        "2026-05-04",
        "2026-05-25",
        "2026-08-31",
        "2026-12-25",
        "2026-12-28",  # Boxing Day (substitute day)
        # 2027
        "2027-01-01",
        "2027-03-26",  # Good Friday
        "2027-03-29",  # Easter Monday
        "2027-05-03",
        "2027-05-31",
        "2027-08-30",
        "2027-12-27",  # Christmas Day (substitute day)
        "2027-12-28",  # Boxing Day (substitute day)
        # 2028
        "2028-01-03",  # New Year's Day (substitute day)
        "2028-04-14",  # Good Friday
        "2028-04-17",  # Easter Monday
        "2028-05-01",
        "2028-05-29",
        "2028-08-28",
        "2028-12-25",
        "2028-12-26",
    )
)
FIRST_YEAR, LAST_YEAR = 2025, 2028

THURSDAY, MONDAY = 3, 0
REFERRAL_CUTOFF_TIME = time(14, 0)
END_OF_DAY = time(23, 59)
MEETING_END = time(17, 0)
ACTIONS_WITHIN = timedelta(hours=48)
AGENDA_WORKING_DAYS = 5
MINUTES_WORKING_DAYS = 7
CUTOFF_WORKING_DAYS = 9


LONDON = ZoneInfo("Europe/London")


def local(moment: datetime) -> datetime:
    """A naive London wall-clock time (the deadlines are stated in local time)."""
    return moment.astimezone(LONDON).replace(tzinfo=None) if moment.tzinfo else moment


class OutsideCalendar(ValueError):
    """A date outside the years whose bank holidays are known."""


class DeadlineState(StrEnum):
    MET = "met"
    MISSED = "missed"
    DUE = "due"


def _covered(day: date) -> None:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise OutsideCalendar(
            f"date: {day.isoformat()} is outside {FIRST_YEAR}–{LAST_YEAR}, the years whose "
            "bank holidays are known (add them to mapping/meetings/calendar.py)"
        )


def is_working_day(day: date) -> bool:
    """Monday to Friday and not an England and Wales bank holiday.

    >>> is_working_day(date(2026, 12, 25)), is_working_day(date(2026, 12, 29))
    (False, True)
    """
    _covered(day)
    return day.weekday() < 5 and day not in BANK_HOLIDAYS


def add_working_days(day: date, n: int) -> date:
    """The date `n` working days after `day` (before it when `n` is negative); `day` not counted.

    >>> add_working_days(date(2026, 12, 24), 1)  # Christmas and the Boxing Day substitute
    datetime.date(2026, 12, 29)
    """
    step = timedelta(days=1 if n >= 0 else -1)
    remaining = abs(n)
    current = day
    while remaining:
        current += step
        if is_working_day(current):
            remaining -= 1
    return current


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end` (0 when `end` <= `start`)."""
    count, current = 0, start
    while current < end:
        current += timedelta(days=1)
        count += is_working_day(current)
    return count


def last_thursday(year: int, month: int) -> date:
    """The last Thursday of a month.

    >>> last_thursday(2026, 12)
    datetime.date(2026, 12, 31)
    """
    first_next = date(year + month // 12, month % 12 + 1, 1)
    last = first_next - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - THURSDAY) % 7)


def panel_date(year: int, month: int) -> date:
    """The suggested MARVE panel date: the last Thursday, or the working day before it."""
    day = last_thursday(year, month)
    return day if is_working_day(day) else add_working_days(day, -1)


def next_panel_date(today: date) -> date:
    """The first suggested panel date on or after `today`."""
    day = panel_date(today.year, today.month)
    if day >= today:
        return day
    month = today.month % 12 + 1
    return panel_date(today.year + (today.month == 12), month)


def referral_cutoff(panel: date) -> datetime:
    """14:00 on the Monday of the week of the ninth working day before the panel (see above).

    >>> referral_cutoff(date(2026, 11, 26))
    datetime.datetime(2026, 11, 16, 14, 0)
    """
    ninth = add_working_days(panel, -(CUTOFF_WORKING_DAYS - 1))
    monday = ninth - timedelta(days=(ninth.weekday() - MONDAY) % 7)
    if not is_working_day(monday):
        monday = add_working_days(monday, -1)
    return datetime.combine(monday, REFERRAL_CUTOFF_TIME)


def agenda_due(panel: date) -> datetime:
    """The end of the day 5 working days before the panel."""
    return datetime.combine(add_working_days(panel, -AGENDA_WORKING_DAYS), END_OF_DAY)


def actions_due(held_on: date, closed_at: datetime | None = None) -> datetime:
    """48 clock hours after the meeting closed (or after 17:00 on the day if still open)."""
    start = local(closed_at) if closed_at else datetime.combine(held_on, MEETING_END)
    return start + ACTIONS_WITHIN


def minutes_due(held_on: date) -> datetime:
    """The end of the seventh working day after the meeting."""
    return datetime.combine(add_working_days(held_on, MINUTES_WORKING_DAYS), END_OF_DAY)


@dataclass(frozen=True, slots=True)
class Deadline:
    """One service level: what, by when, when it was done (if it was) and whether it was met."""

    name: str
    due: datetime
    done_at: datetime | None
    state: DeadlineState

    @property
    def text(self) -> str:
        when = f"{self.due:%a %d %b %Y %H:%M}"
        if self.state is DeadlineState.MET and self.done_at:
            return f"{self.name}: met (due {when}, done {self.done_at:%a %d %b %H:%M})"
        if self.state is DeadlineState.MISSED:
            late = f", done {self.done_at:%a %d %b %H:%M}" if self.done_at else ", not done"
            return f"{self.name}: missed (due {when}{late})"
        return f"{self.name}: due {when}"


def deadline(name: str, due: datetime, done_at: datetime | None, now: datetime) -> Deadline:
    """Met when done by `due`; missed when done late or still not done after `due`."""
    done = local(done_at) if done_at else None
    if done is not None:
        state = DeadlineState.MET if done <= due else DeadlineState.MISSED
    else:
        state = DeadlineState.MISSED if local(now) > due else DeadlineState.DUE
    return Deadline(name, due, done, state)
