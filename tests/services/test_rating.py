"""Tip 4's use cases on a real workbook: save a rating, its result, the history, removing a mistake."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from core.errors import InvalidInput
from core.model import RATING_QUESTIONS
from core.ties import SECTIONS
from services import rating

pytestmark = pytest.mark.both_engines

TODAY = date(2026, 3, 1)
KEYS = list(RATING_QUESTIONS)
NO_NOTES = {"strengths": "", "weaknesses": "", "opportunities": ""}


def answers(*noes: str) -> dict[str, bool]:
    return {key: key not in noes for key in KEYS}


def save(workbook, *noes, days_ago=0, **notes):
    return rating.save_rating(workbook, answers(*noes), TODAY - timedelta(days=days_ago), {**NO_NOTES, **notes}, TODAY)


def test_saving_returns_the_score_of_the_yes_answers(workbook):
    assert save(workbook, "future", "vibrant") == 3
    assert save(workbook) == 5


def test_an_unanswered_question_is_refused_and_saves_nothing(workbook):
    with pytest.raises(InvalidInput, match="4 of the 5 questions are not answered") as refused:
        rating.save_rating(workbook, {"truth": True}, TODAY, NO_NOTES, TODAY)
    assert "nothing was saved" not in str(refused.value).lower()  # run_save says that, once
    assert rating.latest_result(workbook) is None


def test_there_is_no_result_before_the_first_rating(workbook):
    assert rating.latest_result(workbook) is None
    history = rating.rating_history(workbook)
    assert (history.ratings, history.points) == ((), ())
    assert history.reading.startswith("No ratings yet")


def test_the_result_has_the_band_an_action_per_no_in_question_order_and_the_notes(workbook):
    save(workbook, "vibrant", "future", weaknesses="Nobody in health tech")
    result = rating.latest_result(workbook)
    assert (result.rating.score, result.band.key) == (3, "enhance")
    assert [(a.question, a.tip, a.part) for a in result.actions] == [("vibrant", 6, None), ("future", 5, SECTIONS[2])]
    assert result.notes == (("Weaknesses", "Nobody in health tech"),)
    assert result.comparison.change == 0 and result.comparison.summary.startswith("First rating")


def test_the_latest_result_is_compared_with_the_rating_before_it(workbook):
    save(workbook, "challenge", "vibrant", "future", "strong_links", days_ago=10)
    save(workbook, "strong_links")
    result = rating.latest_result(workbook)
    assert result.comparison.change == 3
    assert "Up 3 since last time (1 to 4)" in result.comparison.summary


def test_the_history_is_oldest_first_with_a_reading_of_the_trend(workbook):
    save(workbook, "truth", "challenge", "vibrant", days_ago=30)
    save(workbook)
    history = rating.rating_history(workbook)
    assert history.points == ((TODAY - timedelta(days=30), 2), (TODAY, 5))
    assert [r.score for r in history.ratings] == [2, 5]
    assert "up (2 to 5)" in history.reading


def test_a_rating_taken_by_mistake_is_removed_from_the_result_and_the_history(workbook):
    save(workbook, days_ago=1)
    save(workbook, *KEYS)
    mistake = rating.latest_result(workbook).rating.id
    rating.remove_rating(workbook, mistake)
    assert rating.latest_result(workbook).rating.score == 5
    assert [r.score for r in rating.rating_history(workbook).ratings] == [5]


def test_removing_without_choosing_a_rating_is_refused(workbook):
    save(workbook)
    with pytest.raises(InvalidInput, match="Choose the rating to remove first"):
        rating.remove_rating(workbook, None)
    assert len(rating.rating_history(workbook).ratings) == 1
