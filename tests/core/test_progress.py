"""Progress through the six tips: each rule counts networking done over time, and a next step that fits."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.model import CIRCLES
from core.progress import (
    CADENCE_WINDOW_DAYS,
    KEPT_MIN_PEOPLE,
    RATING_FRESH_DAYS,
    ProgressFacts,
    assess_tips,
    kept_on_cadence,
    rating_done,
    tips_done,
)

TODAY = date(2026, 11, 25)
NOTHING = ProgressFacts()
BOTH = frozenset({"strong", "weak"})
FIVE_CIRCLES = dict.fromkeys(list(CIRCLES)[:5], 2)


def status(tip: int, **facts):
    return assess_tips(replace(NOTHING, **facts), TODAY)[tip - 1]


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def test_an_empty_workbook_has_no_tip_done_and_a_first_step_for_each():
    statuses = assess_tips(NOTHING, TODAY)
    assert [s.number for s in statuses] == [1, 2, 3, 4, 5, 6]
    assert not any(s.done for s in statuses)
    assert statuses[0].next_step == "add someone from family"
    assert statuses[3].next_step == "answer the five questions"


@pytest.mark.parametrize(
    "circles, ties, done",
    [
        (dict.fromkeys(list(CIRCLES)[:4], 2), BOTH, False),
        (FIVE_CIRCLES, frozenset({"strong"}), False),
        (FIVE_CIRCLES, BOTH, True),
    ],
)
def test_tip_one_needs_five_circles_and_both_kinds_of_tie(circles, ties, done):
    assert status(1, circles=circles, ties=ties).done is done


def test_tip_one_asks_for_the_missing_kind_of_tie_once_the_circles_are_covered():
    assert status(1, circles=FIVE_CIRCLES, ties=frozenset({"strong"})).next_step.startswith("add a weak tie")


@pytest.mark.parametrize(
    "targets, asks, unthanked, done",
    [(0, 3, 0, False), (1, 0, 0, False), (1, 2, 1, False), (1, 2, 0, True)],
)
def test_tip_two_needs_a_target_asks_sent_and_every_helper_thanked(targets, asks, unthanked, done):
    assert status(2, targets=targets, asks=asks, unthanked=unthanked).done is done


def test_tip_two_says_who_is_still_to_thank():
    step = status(2, targets=1, asks=2, unthanked=2).next_step
    assert step == "thank the 2 people who helped, and tell them how it went"


@pytest.mark.parametrize("kept, done", [(0, False), (KEPT_MIN_PEOPLE - 1, False), (KEPT_MIN_PEOPLE, True)])
def test_tip_three_counts_relationships_kept_across_weeks(kept, done):
    assert status(3, kept=kept).done is done


@pytest.mark.parametrize(
    "ratings, done",
    [
        ((), False),
        (((days_ago(0), 3),), False),  # taken once, under 5
        (((days_ago(0), 5),), True),  # full marks
        (((days_ago(30), 2), (days_ago(0), 4)), True),  # retaken after improving
        (((days_ago(30), 4), (days_ago(0), 4)), False),  # retaken, no better
        (((days_ago(0), 2), (days_ago(0), 4)), False),  # retaken the same day: not a retake after work
        (((days_ago(200), 2), (days_ago(RATING_FRESH_DAYS + 1), 5)), False),  # too old
    ],
)
def test_tip_four_needs_full_marks_or_a_better_retake(ratings, done):
    assert rating_done(ratings, TODAY) is done
    assert status(4, ratings=ratings).done is done


def test_tip_four_after_a_low_score_points_to_the_upgrade_plan():
    assert "upgrade plan" in status(4, ratings=((TODAY, 2),)).next_step


def test_tip_five_needs_weak_ties_reached_as_well_as_strong_and_a_destination():
    assert not status(5, reached=frozenset({"strong"}), destinations=1).done
    assert not status(5, reached=BOTH).done
    assert status(5, reached=BOTH, destinations=1).done
    assert status(5, reached=frozenset({"strong"})).next_step == "get in touch with a weak tie and log it"


def test_tip_six_needs_every_key_contact_kept_on_cadence():
    assert not status(6, keys=3, keys_kept=2).done
    assert status(6, keys=3, keys_kept=3).done
    late = status(6, keys=3, keys_kept=1, overdue=2)
    assert late.next_step == "get in touch with the 2 overdue key contacts"
    assert status(6, keys=1, keys_kept=0, overdue=1).next_step == "get in touch with the 1 overdue key contact"


@pytest.mark.parametrize(
    "dates, cadence, kept",
    [
        ([], 30, False),
        ([days_ago(0)], 30, False),  # first in touch today: not kept across four weeks
        ([days_ago(40), days_ago(15)], 30, True),
        ([days_ago(40), days_ago(5)], 30, False),  # 35 days without contact inside the window
        ([days_ago(29)], 30, True),  # still within a monthly cadence today
        ([days_ago(31)], 30, False),  # overdue by a day today
        ([days_ago(CADENCE_WINDOW_DAYS)], 7, False),
    ],
)
def test_a_key_contact_is_kept_on_cadence_when_no_day_of_four_weeks_was_overdue(dates, cadence, kept):
    assert kept_on_cadence(dates, cadence, TODAY) is kept


@given(st.lists(st.integers(0, CADENCE_WINDOW_DAYS - 1), max_size=20), st.integers(1, 730))
def test_nobody_first_contacted_inside_the_window_counts_as_kept(offsets, cadence):
    assert not kept_on_cadence([days_ago(n) for n in offsets], cadence, TODAY)


@given(st.integers(1, 60), st.integers(0, 10))
def test_contacts_spaced_by_the_cadence_from_before_the_window_are_kept(cadence, extra):
    start = days_ago(CADENCE_WINDOW_DAYS + extra % cadence)
    dates = [start + timedelta(days=cadence * n) for n in range(CADENCE_WINDOW_DAYS // cadence + 2)]
    assert kept_on_cadence(dates, cadence, TODAY)


@given(
    st.dictionaries(st.sampled_from(list(CIRCLES)), st.integers(0, 50)),
    st.sets(st.sampled_from(["strong", "weak"])),
    st.integers(0, 5),
    st.integers(0, 20),
    st.integers(0, 5),
    st.lists(st.integers(0, 5), max_size=4),
    st.integers(0, 5),
    st.integers(0, 10),
)
def test_a_workbook_filled_in_on_one_day_never_has_six_tips_done(
    circles, ties, targets, asks, unthanked, scores, destinations, keys
):
    # On one day nobody is in touch across a week (kept = 0), and no key contact can have been kept
    # on cadence for four weeks: whatever else is filled in, tips 3 and 6 stay open.
    facts = ProgressFacts(
        circles=circles,
        ties=frozenset(ties),
        targets=targets,
        asks=asks,
        unthanked=unthanked,
        kept=0,
        ratings=tuple((TODAY, s) for s in scores),
        reached=frozenset(ties),
        destinations=destinations,
        keys=keys,
        keys_kept=sum(kept_on_cadence([TODAY], 30, TODAY) for _ in range(keys)),
    )
    done = tips_done(facts, TODAY)
    assert len(done) < 6 and 3 not in done


def test_the_tips_done_are_the_statuses_marked_done():
    facts = ProgressFacts(targets=1, asks=1, keys=2, keys_kept=1, overdue=1, ratings=((TODAY, 5),))
    assert tips_done(facts, TODAY) == frozenset({2, 4})
    assert {s.number for s in assess_tips(facts, TODAY) if s.done} == tips_done(facts, TODAY)
