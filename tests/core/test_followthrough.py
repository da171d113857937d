"""The follow-through loop's rule: thank and report back, in either order, close it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.followthrough import (
    CLOSED,
    REPORT,
    THANK,
    HelpLoop,
    check_report,
    describe_loop,
    describe_loops,
    loop_state,
    loops_by_week,
    steps_left,
)

DAY = date(2026, 3, 18)  # a Wednesday


@pytest.mark.parametrize(
    ("thanked", "reported", "state", "left"),
    [
        (None, None, THANK, (THANK, REPORT)),
        (DAY, None, REPORT, (REPORT,)),
        (None, DAY, THANK, (THANK,)),
        (DAY, DAY, CLOSED, ()),
    ],
)
def test_the_loop_closes_only_when_both_steps_are_done(thanked, reported, state, left):
    assert loop_state(thanked, reported) == state
    assert steps_left(thanked, reported) == left


def loop(thanked=None, reported=None, outcome="", on=DAY) -> HelpLoop:
    return HelpLoop(1, 1, "Ana", on, "helped you", thanked_on=thanked, reported_on=reported, outcome=outcome)


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (loop(), "not yet thanked, nor told how it went"),
        (loop(thanked=DAY), "thanked; not yet told how it went"),
        (loop(reported=DAY), "not yet thanked"),
        (loop(DAY, DAY, "job"), "thanked and told how it went (got the job)"),
    ],
)
def test_each_state_reads_as_a_sentence(value, words):
    assert describe_loop(value) == words


def test_a_report_needs_an_outcome_from_the_list_and_a_short_note():
    assert check_report("interview", "") is None
    assert "Choose how it went" in check_report("", "")
    assert "Choose how it went" in check_report("hired!", "")
    assert "keep it under" in check_report("job", "x" * 1001)


def test_the_home_line_says_when_every_helper_was_thanked_and_told():
    assert describe_loops(0, 0) == ""
    assert describe_loops(2, 0) == "Every helper thanked and told how it went: 2 of 2 loops closed."
    assert describe_loops(3, 1).startswith("2 of 3 loops closed; 1 still owes a")


days = st.one_of(st.none(), st.integers(0, 120).map(lambda n: DAY - timedelta(days=n)))


@given(st.lists(st.tuples(st.integers(0, 120), days, days), max_size=30), st.integers(1, 20))
def test_weekly_counts_never_lose_a_loop_in_the_window_and_closed_never_exceeds_both_steps(rows, weeks):
    loops = [loop(t, r, on=DAY - timedelta(days=n)) for n, t, r in rows]
    counted = loops_by_week(loops, weeks, DAY)
    assert len(counted) == weeks and all(monday.weekday() == 0 for monday, _, _ in counted)
    first = counted[0][0]
    assert sum(o for _, o, _ in counted) == sum(1 for x in loops if x.happened_on >= first)
    assert sum(c for _, _, c in counted) == sum(1 for x in loops if x.closed_on and x.closed_on >= first)
