"""The weekly schedule (tip 6): key contacts recur at their cadence, the ranked list fills the rest.

Weeks start on Monday. Each week holds at most ``capacity`` people and nobody twice. Key contacts
go in first, each occurrence in the week it falls due or the first later week with room; then the
ranked list fills the free places, one week at a time, each person once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

DEFAULT_CAPACITY = 5
DEFAULT_WEEKS = 8
MAX_CAPACITY = 50
MAX_WEEKS = 26
WORKDAYS = 5
MAX_CADENCE_DAYS = 730
# The cadences offered by name; any other whole number of days from 1 to 730 is allowed too.
CADENCE_CHOICES: dict[str, int] = {"Every 2 weeks": 14, "Monthly": 30, "Quarterly": 91}


@dataclass(frozen=True)
class KeyContact:
    """A person you mean to keep in touch with every ``cadence_days`` days."""

    contact_id: int
    name: str
    cadence_days: int
    last_contacted_on: date | None = None


@dataclass(frozen=True)
class Pick:
    """A person from the ranked list, with the reason shown in the calendar."""

    contact_id: int
    name: str
    reason: str = ""


@dataclass(frozen=True)
class Slot:
    """One planned contact: who, on which day, and whether it recurs at a cadence."""

    contact_id: int
    name: str
    on: date
    reason: str
    cadence_days: int | None = None

    @property
    def recurring(self) -> bool:
        """True for a key contact's slot, which repeats at their cadence."""
        return self.cadence_days is not None


@dataclass(frozen=True)
class Week:
    """One week of the schedule, Monday to Sunday."""

    starts_on: date
    slots: tuple[Slot, ...]

    @property
    def ends_on(self) -> date:
        """The Sunday that closes the week."""
        return self.starts_on + timedelta(days=6)


@dataclass(frozen=True)
class Schedule:
    """The planned weeks, and the people who did not fit inside them."""

    weeks: tuple[Week, ...]
    capacity: int
    left_over: tuple[str, ...] = ()

    @property
    def slots(self) -> tuple[Slot, ...]:
        """Every planned slot, week by week."""
        return tuple(slot for week in self.weeks for slot in week.slots)


def check_capacity(capacity: object) -> str | None:
    """A one-line message if ``capacity`` is not a whole number of people from 1 to 50, else None."""
    if isinstance(capacity, bool) or not isinstance(capacity, int):
        return "The weekly capacity must be a whole number of people, e.g. 5."
    if not 1 <= capacity <= MAX_CAPACITY:
        return f"The weekly capacity must be between 1 and {MAX_CAPACITY} people a week; you gave {capacity}."
    return None


def check_cadence(days: object) -> str | None:
    """A one-line message if ``days`` is not a cadence from 1 to 730 days, else None."""
    if isinstance(days, bool) or not isinstance(days, int):
        return "A cadence is a whole number of days, e.g. 30 for monthly."
    if days <= 0:
        return f"A cadence must be at least 1 day (you gave {days}); choose e.g. 14, 30 or 91 days."
    if days > MAX_CADENCE_DAYS:
        return f"A cadence can be at most {MAX_CADENCE_DAYS} days (two years); you gave {days}."
    return None


def describe_cadence(days: int) -> str:
    """A cadence in plain words: 'every 2 weeks', 'monthly', 'every 10 days'."""
    for label, value in CADENCE_CHOICES.items():
        if value == days:
            return label.lower()
    if days % 7 == 0:
        weeks = days // 7
        return "weekly" if weeks == 1 else f"every {weeks} weeks"
    return "daily" if days == 1 else f"every {days} days"


def first_due(cadence_days: int, last_contacted_on: date | None, today: date) -> date:
    """When someone with this cadence is next due: today if overdue or never contacted."""
    if last_contacted_on is None:
        return today
    return max(today, last_contacted_on + timedelta(days=cadence_days))


def days_overdue(cadence_days: int, last_contacted_on: date | None, today: date) -> int:
    """How many days past their cadence someone is; 0 when on time, or never contacted (due, not late)."""
    if last_contacted_on is None:
        return 0
    return max(0, (today - last_contacted_on).days - cadence_days)


def count_overdue(key_contacts: list[KeyContact], today: date) -> int:
    """How many key contacts are past their cadence."""
    return sum(1 for k in key_contacts if days_overdue(k.cadence_days, k.last_contacted_on, today) > 0)


def week_start(day: date) -> date:
    """The Monday of the week holding ``day``."""
    return day - timedelta(days=day.weekday())


def plan_weeks(
    key_contacts: list[KeyContact],
    ranked: list[Pick],
    today: date,
    capacity: int = DEFAULT_CAPACITY,
    weeks: int = DEFAULT_WEEKS,
) -> Schedule:
    """Spread key contacts (recurring) and the ranked list over the next ``weeks`` weeks."""
    problem = check_capacity(capacity)
    if problem:
        raise ValueError(problem)
    if not 1 <= weeks <= MAX_WEEKS:
        raise ValueError(f"Plan between 1 and {MAX_WEEKS} weeks ahead; you asked for {weeks}.")
    first = week_start(today)
    buckets: list[list[Slot]] = [[] for _ in range(weeks)]
    order = {pick.contact_id: place for place, pick in reversed(list(enumerate(ranked)))}
    left_over = _place_key_contacts(buckets, key_contacts, today, first, capacity, order)
    keyed = {k.contact_id for k in key_contacts}
    left_over += _place_ranked(buckets, [p for p in ranked if p.contact_id not in keyed], today, first, capacity)
    return Schedule(
        weeks=tuple(Week(first + timedelta(weeks=i), tuple(b)) for i, b in enumerate(buckets)),
        capacity=capacity,
        left_over=tuple(dict.fromkeys(left_over)),
    )


def _occurrences(key: KeyContact, today: date, horizon: date) -> list[date]:
    problem = check_cadence(key.cadence_days)
    if problem:
        raise ValueError(f"{key.name}: {problem}")
    due = first_due(key.cadence_days, key.last_contacted_on, today)
    found = []
    while due < horizon:
        found.append(due)
        due += timedelta(days=key.cadence_days)
    return found


def _place_key_contacts(
    buckets: list[list[Slot]], keys: list[KeyContact], today: date, first: date, capacity: int, order: dict[int, int]
) -> list[str]:
    horizon = first + timedelta(weeks=len(buckets))
    # Same due day: the one ranked higher in "who to contact next" goes first.
    wanted = sorted(
        (
            (due, order.get(key.contact_id, len(order)), key.contact_id, key)
            for key in keys
            for due in _occurrences(key, today, horizon)
        ),
        key=lambda item: item[:3],
    )
    left_over = []
    for due, _, _, key in wanted:
        index = _free_week(buckets, key.contact_id, (due - first).days // 7, capacity)
        if index is None:
            left_over.append(key.name)
            continue
        day = due if index == (due - first).days // 7 else _spread_day(first, index, len(buckets[index]), today)
        reason = f"Key contact, {describe_cadence(key.cadence_days)}"
        buckets[index].append(Slot(key.contact_id, key.name, day, reason, key.cadence_days))
    return left_over


def _place_ranked(buckets: list[list[Slot]], picks: list[Pick], today: date, first: date, capacity: int) -> list[str]:
    seen: set[int] = set()
    left_over = []
    for pick in picks:
        if pick.contact_id in seen:
            continue
        seen.add(pick.contact_id)
        index = _free_week(buckets, pick.contact_id, 0, capacity)
        if index is None:
            left_over.append(pick.name)
            continue
        day = _spread_day(first, index, len(buckets[index]), today)
        buckets[index].append(Slot(pick.contact_id, pick.name, day, pick.reason))
    return left_over


def _free_week(buckets: list[list[Slot]], contact_id: int, start: int, capacity: int) -> int | None:
    for index in range(max(0, start), len(buckets)):
        bucket = buckets[index]
        if len(bucket) < capacity and all(s.contact_id != contact_id for s in bucket):
            return index
    return None


def _spread_day(first: date, index: int, position: int, today: date) -> date:
    """A weekday for the n-th person of a week, never before today."""
    monday = first + timedelta(weeks=index)
    day = monday + timedelta(days=position % WORKDAYS)
    return max(day, today) if index == 0 else day


def describe_schedule(schedule: Schedule) -> str:
    """The schedule in plain words: this week, the whole plan, and who did not fit."""
    if not schedule.slots:
        return "Nothing planned yet: mark key contacts or log who you know, and the plan fills itself."
    this_week = schedule.weeks[0].slots
    keys = sum(1 for s in this_week if s.recurring)
    text = (
        f"This week: {_people(len(this_week))}"
        + (f" ({keys} key {'contact' if keys == 1 else 'contacts'})" if keys else "")
        + f" of a capacity of {schedule.capacity}."
        + f" Over {len(schedule.weeks)} weeks: {_people(len(schedule.slots))} planned."
    )
    if schedule.left_over:
        text += f" {_people(len(schedule.left_over))} did not fit; raise the weekly capacity or plan more weeks."
    return text


def _people(n: int) -> str:
    return f"{n:,} {'person' if n == 1 else 'people'}"
