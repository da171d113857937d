"""The weekly goal: what can be set, and how days fold into the last eight weeks."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.weekly import WeeklyGoal, WeekTally, check_goal, describe_week, read_goal, tally_weeks, week_starts

TODAY = date(2026, 11, 25)  # a Wednesday
MONDAY = date(2026, 11, 23)


def test_the_default_goal_is_three_new_people_and_one_interview():
    assert read_goal({}) == WeeklyGoal(3, 1)
    assert read_goal({"new_people": "5", "interviews": "junk"}) == WeeklyGoal(5, 1)


@pytest.mark.parametrize(
    "new, interviews, message",
    [
        (-1, 1, "from 0 to 50"),
        (3, 51, "from 0 to 50"),
        (0, 0, "at least one part"),
        ("three", 1, "whole number"),
        (2.5, 1, "whole number"),
        (True, 1, "whole number"),
    ],
)
def test_a_goal_that_is_not_two_whole_numbers_is_refused_with_the_reason(new, interviews, message):
    with pytest.raises(ValueError, match=message):
        check_goal(new, interviews)


def test_weeks_start_on_monday_and_end_with_this_one():
    starts = week_starts(TODAY, 8)
    assert starts[-1] == MONDAY and starts[0] == MONDAY - timedelta(weeks=7)
    assert all(s.weekday() == 0 for s in starts)


def test_days_fold_into_their_week_and_days_outside_are_left_out():
    weeks = tally_weeks(
        [(MONDAY, 2), (TODAY, 1), (MONDAY - timedelta(days=1), 4), (MONDAY - timedelta(weeks=9), 7)],
        [(TODAY, 1)],
        TODAY,
        8,
    )
    assert weeks[-1] == WeekTally(MONDAY, 3, 1)
    assert weeks[-2].new_people == 4
    assert sum(w.new_people for w in weeks) == 7


@given(st.lists(st.tuples(st.integers(0, 120), st.integers(0, 9)), max_size=40))
def test_every_day_in_the_weeks_shown_is_counted_once(days):
    counts = [(TODAY - timedelta(days=d), n) for d, n in days]
    first = week_starts(TODAY, 8)[0]
    weeks = tally_weeks(counts, [], TODAY, 8)
    assert sum(w.new_people for w in weeks) == sum(n for day, n in counts if day >= first)


@pytest.mark.parametrize(
    "tally, met, words",
    [
        (WeekTally(MONDAY, 3, 1), True, "So far 3 new people of 3 and 1 informational interview of 1."),
        (WeekTally(MONDAY, 1, 0), False, "So far 1 new person of 3 and 0 informational interviews of 1."),
    ],
)
def test_this_week_reads_against_the_goal(tally, met, words):
    assert tally.met(WeeklyGoal(3, 1)) is met
    assert describe_week(tally, WeeklyGoal(3, 1)) == words
