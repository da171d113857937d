"""The weekly schedule: capacity, cadences that recur, nobody twice in one week."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.schedule import (
    DEFAULT_CAPACITY,
    KeyContact,
    Pick,
    check_cadence,
    check_capacity,
    count_overdue,
    days_overdue,
    describe_cadence,
    first_due,
    plan_weeks,
    week_start,
)

TODAY = date(2026, 3, 18)  # a Wednesday
MONDAY = date(2026, 3, 16)


def _picks(n: int, start: int = 100) -> list[Pick]:
    return [Pick(start + i, f"Person {i}", "No contact logged yet") for i in range(n)]


def test_weeks_start_on_the_monday_of_this_week():
    plan = plan_weeks([], _picks(3), TODAY, weeks=4)
    assert [w.starts_on for w in plan.weeks] == [MONDAY + timedelta(weeks=i) for i in range(4)]
    assert plan.weeks[0].ends_on == date(2026, 3, 22)


def test_the_ranked_list_fills_each_week_up_to_the_default_capacity_of_five():
    plan = plan_weeks([], _picks(12), TODAY, weeks=4)
    assert [len(w.slots) for w in plan.weeks] == [5, 5, 2, 0]
    assert plan.capacity == DEFAULT_CAPACITY == 5
    assert [s.name for s in plan.weeks[0].slots] == [f"Person {i}" for i in range(5)]


def test_no_slot_this_week_falls_before_today():
    plan = plan_weeks([], _picks(5), TODAY, weeks=1)
    assert all(TODAY <= s.on <= plan.weeks[0].ends_on for s in plan.weeks[0].slots)


def test_people_who_do_not_fit_are_listed_as_left_over():
    plan = plan_weeks([], _picks(7), TODAY, capacity=2, weeks=3)
    assert plan.left_over == ("Person 6",)


def test_a_key_contact_recurs_at_their_cadence():
    ana = KeyContact(1, "Ana", 14, last_contacted_on=TODAY - timedelta(days=4))
    plan = plan_weeks([ana], [], TODAY, weeks=8)
    days = [s.on for s in plan.slots]
    assert days == [TODAY + timedelta(days=10 + 14 * i) for i in range(4)]
    assert all(s.recurring and s.cadence_days == 14 for s in plan.slots)
    assert plan.slots[0].reason == "Key contact, every 2 weeks"


def test_an_overdue_or_never_contacted_key_contact_is_due_this_week():
    late = KeyContact(1, "Late", 30, last_contacted_on=TODAY - timedelta(days=90))
    new = KeyContact(2, "New", 91)
    plan = plan_weeks([late, new], [], TODAY, weeks=2)
    assert {s.name for s in plan.weeks[0].slots} == {"Late", "New"}
    assert all(s.on == TODAY for s in plan.weeks[0].slots)


def test_a_key_contact_with_a_short_cadence_still_appears_once_a_week():
    daily = KeyContact(1, "Dee", 2, last_contacted_on=TODAY)
    plan = plan_weeks([daily], [], TODAY, weeks=3)
    assert [len(w.slots) for w in plan.weeks] == [1, 1, 1]


def test_key_contacts_come_before_the_ranked_list_and_are_not_repeated_from_it():
    keys = [KeyContact(i, f"Key {i}", 7) for i in range(1, 4)]
    ranked = [Pick(2, "Key 2"), *_picks(5)]
    plan = plan_weeks(keys, ranked, TODAY, capacity=4, weeks=2)
    assert [s.name for s in plan.weeks[0].slots] == ["Key 2", "Key 1", "Key 3", "Person 0"]
    assert Counter(s.contact_id for s in plan.weeks[1].slots)[2] == 1


def test_key_contacts_due_the_same_day_follow_the_ranked_order():
    keys = [KeyContact(i, f"Key {i}", 30) for i in range(1, 4)]
    plan = plan_weeks(keys, [Pick(3, "Key 3"), Pick(1, "Key 1")], TODAY, capacity=2, weeks=1)
    assert [s.name for s in plan.slots] == ["Key 3", "Key 1"]
    assert plan.left_over == ("Key 2",)


def test_a_full_week_pushes_a_key_contact_to_the_next_week():
    keys = [KeyContact(i, f"Key {i}", 91) for i in range(1, 4)]
    plan = plan_weeks(keys, [], TODAY, capacity=2, weeks=2)
    assert [s.name for s in plan.weeks[0].slots] == ["Key 1", "Key 2"]
    assert [s.name for s in plan.weeks[1].slots] == ["Key 3"]
    assert plan.weeks[1].slots[0].on == MONDAY + timedelta(weeks=1)


def test_a_capacity_of_zero_is_refused_with_a_clear_message():
    assert "between 1 and 50" in check_capacity(0)
    with pytest.raises(ValueError, match="between 1 and 50"):
        plan_weeks([], [], TODAY, capacity=0)


def test_a_capacity_that_is_not_a_whole_number_is_refused():
    assert check_capacity(2.5) is not None
    assert check_capacity(True) is not None
    assert check_capacity(5) is None


@pytest.mark.parametrize("days", [0, -1, -30])
def test_a_cadence_of_zero_or_negative_days_is_refused(days):
    assert "at least 1 day" in check_cadence(days)
    with pytest.raises(ValueError, match="at least 1 day"):
        plan_weeks([KeyContact(1, "Ana", days)], [], TODAY)


def test_cadences_read_in_plain_words():
    assert [describe_cadence(d) for d in (14, 30, 91, 7, 21, 10, 1)] == [
        "every 2 weeks",
        "monthly",
        "quarterly",
        "weekly",
        "every 3 weeks",
        "every 10 days",
        "daily",
    ]


# --- properties ---------------------------------------------------------------------------------

_keys = st.lists(
    st.builds(
        KeyContact,
        contact_id=st.integers(1, 60),
        name=st.just("Key"),
        cadence_days=st.integers(1, 120),
        last_contacted_on=st.one_of(st.none(), st.integers(0, 200).map(lambda d: TODAY - timedelta(days=d))),
    ),
    max_size=15,
    unique_by=lambda k: k.contact_id,
)
_ranked = st.lists(st.builds(Pick, contact_id=st.integers(1, 120), name=st.just("Pick")), max_size=60)
_days = st.integers(0, 6).map(lambda d: MONDAY + timedelta(days=d))


@given(keys=_keys, ranked=_ranked, capacity=st.integers(1, 8), weeks=st.integers(1, 10), today=_days)
def test_no_week_is_over_capacity_and_nobody_is_there_twice(keys, ranked, capacity, weeks, today):
    plan = plan_weeks(keys, ranked, today, capacity=capacity, weeks=weeks)
    for week in plan.weeks:
        ids = [s.contact_id for s in week.slots]
        assert len(ids) <= capacity
        assert len(ids) == len(set(ids))
        assert all(week.starts_on <= s.on <= week.ends_on and s.on >= today for s in week.slots)


@given(keys=_keys, ranked=_ranked, capacity=st.integers(1, 8), today=_days)
def test_people_from_the_ranked_list_appear_at_most_once_in_the_whole_plan(keys, ranked, capacity, today):
    plan = plan_weeks(keys, ranked, today, capacity=capacity, weeks=6)
    one_offs = Counter(s.contact_id for s in plan.slots if not s.recurring)
    assert all(n == 1 for n in one_offs.values())


@given(ranked=_ranked, capacity=st.integers(1, 8), weeks=st.integers(1, 10))
def test_the_list_is_used_in_rank_order_and_nothing_is_lost(ranked, capacity, weeks):
    plan = plan_weeks([], ranked, TODAY, capacity=capacity, weeks=weeks)
    distinct = list(dict.fromkeys(p.contact_id for p in ranked))
    planned = [s.contact_id for s in plan.slots]
    assert planned == distinct[: len(planned)]
    assert len(planned) == min(len(distinct), capacity * weeks)


def test_week_start_is_a_monday():
    assert all(week_start(TODAY + timedelta(days=d)).weekday() == 0 for d in range(14))


def test_someone_is_first_due_a_cadence_after_the_last_contact_or_today_if_late():
    assert first_due(14, TODAY - timedelta(days=4), TODAY) == TODAY + timedelta(days=10)
    assert first_due(14, TODAY - timedelta(days=40), TODAY) == TODAY
    assert first_due(14, None, TODAY) == TODAY


def test_someone_is_overdue_only_once_a_whole_cadence_has_passed_since_the_last_contact():
    assert days_overdue(14, TODAY - timedelta(days=14), TODAY) == 0
    assert days_overdue(14, TODAY - timedelta(days=20), TODAY) == 6
    assert days_overdue(14, None, TODAY) == 0  # never contacted: due now, not late


def test_overdue_key_contacts_are_counted_and_the_rest_are_not():
    keys = [
        KeyContact(1, "Ana", 14, TODAY - timedelta(days=40)),
        KeyContact(2, "Bo", 30, TODAY - timedelta(days=3)),
        KeyContact(3, "Cy", 14),
    ]
    assert count_overdue(keys, TODAY) == 1
