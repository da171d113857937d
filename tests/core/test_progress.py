"""Progress through the six tips: each rule, and a next step that fits where the user is."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from core.model import CIRCLES
from core.progress import RATING_FRESH_DAYS, ProgressFacts, assess_tips, tips_done

TODAY = date(2026, 11, 25)
NOTHING = ProgressFacts()


def status(tip: int, **facts):
    return assess_tips(replace(NOTHING, **facts), TODAY)[tip - 1]


def test_an_empty_workbook_has_no_tip_done_and_a_first_step_for_each():
    statuses = assess_tips(NOTHING, TODAY)
    assert [s.number for s in statuses] == [1, 2, 3, 4, 5, 6]
    assert not any(s.done for s in statuses)
    assert statuses[0].next_step == "add someone from family"
    assert statuses[3].next_step == "answer the five questions"


def test_tip_one_needs_people_in_five_circles():
    four = dict.fromkeys(list(CIRCLES)[:4], 2)
    assert not status(1, circles=four).done
    assert status(1, circles={**four, "gym": 1}).done
    assert status(1, circles=four).next_step == f"add someone from {CIRCLES[list(CIRCLES)[4]].lower()}"


def test_tip_two_needs_a_target_and_a_reference_who_agreed():
    assert not status(2, targets=1).done
    assert status(2, targets=1).next_step == "ask a reference to agree to speak for you"
    assert status(2, targets=1, agreed=1).done


def test_tip_three_is_not_done_while_a_follow_through_loop_is_open():
    assert status(3, asks=2).done
    owing = status(3, asks=2, owed=1)
    assert not owing.done and "tell them how it went" in owing.next_step


@pytest.mark.parametrize("days_ago, done", [(0, True), (RATING_FRESH_DAYS, True), (RATING_FRESH_DAYS + 1, False)])
def test_tip_four_needs_a_rating_in_the_last_ninety_days(days_ago, done):
    rated = TODAY - timedelta(days=days_ago)
    assert status(4, rated_on=rated).done is done
    assert status(4, rated_on=rated).next_step == f"retake the rating (last taken {rated:%d %b %Y})"


def test_tip_five_needs_both_kinds_of_tie_and_a_destination():
    assert not status(5, ties=frozenset({"strong"}), destinations=1).done
    assert not status(5, ties=frozenset({"strong", "weak"})).done
    assert status(5, ties=frozenset({"strong", "weak"}), destinations=1).done


def test_tip_six_is_not_done_while_a_key_contact_is_overdue():
    assert status(6, keys=3).done
    late = status(6, keys=3, overdue=2)
    assert not late.done and late.next_step == "get in touch with the 2 overdue key contacts"


def test_the_tips_done_are_the_statuses_marked_done():
    facts = ProgressFacts(targets=1, agreed=1, asks=1, keys=2, overdue=1, rated_on=TODAY)
    assert tips_done(facts, TODAY) == frozenset({2, 3, 4})
    assert {s.number for s in assess_tips(facts, TODAY) if s.done} == tips_done(facts, TODAY)
