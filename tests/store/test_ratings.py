"""Ratings round-trip through a real workbook file; bad input saves nothing."""

from __future__ import annotations

from datetime import date

import pytest

from core.model import RATING_QUESTIONS
from store import InvalidInput, open_workbook
from store.ratings import (
    delete_rating,
    latest_ratings,
    list_ratings,
    save_rating,
)

pytestmark = pytest.mark.both_engines

TODAY = date(2026, 3, 1)
ALL_YES = dict.fromkeys(RATING_QUESTIONS, True)


def test_a_saved_rating_keeps_its_answers_score_notes_and_date(workbook):
    answers = {**ALL_YES, "challenge": False, "future": False}
    rating_id = save_rating(
        workbook,
        answers,
        date(2026, 2, 14),
        today=TODAY,
        strengths=" Loyal friends ",
        weaknesses="Stuck in my old field",
        opportunities="Join the guild",
    )
    [rating] = list_ratings(workbook)
    assert rating.id == rating_id
    assert rating.score == 3
    assert rating.answers == answers
    assert rating.taken_on == date(2026, 2, 14)
    assert (rating.strengths, rating.weaknesses, rating.opportunities) == (
        "Loyal friends",
        "Stuck in my old field",
        "Join the guild",
    )


def test_a_rating_survives_closing_and_reopening_the_file(tmp_path):
    path = tmp_path / "book.duckdb"
    book = open_workbook(path)
    save_rating(book, ALL_YES, TODAY, today=TODAY)
    book.close()
    book = open_workbook(path)
    assert [r.score for r in list_ratings(book)] == [5]
    book.close()


def test_history_is_oldest_first_and_latest_is_newest_first(workbook):
    for day, yes in [(3, 1), (1, 5), (2, 2)]:
        answers = {k: i < yes for i, k in enumerate(RATING_QUESTIONS)}
        save_rating(workbook, answers, date(2026, 1, day), today=TODAY)
    assert [r.score for r in list_ratings(workbook)] == [5, 2, 1]
    assert [r.score for r in latest_ratings(workbook)] == [1, 2]


def test_retaking_on_the_same_day_keeps_both_in_saved_order(workbook):
    save_rating(workbook, ALL_YES, TODAY, today=TODAY)
    save_rating(workbook, dict.fromkeys(RATING_QUESTIONS, False), TODAY, today=TODAY)
    assert [r.score for r in latest_ratings(workbook)] == [0, 5]


def test_the_history_limit_keeps_the_latest(workbook):
    for day in range(1, 6):
        save_rating(workbook, ALL_YES, date(2026, 1, day), today=TODAY)
    assert [r.taken_on.day for r in list_ratings(workbook, limit=2)] == [4, 5]


@pytest.mark.parametrize(
    ("answers", "taken_on", "notes", "message"),
    [
        ({**ALL_YES, "truth": None}, TODAY, {}, "1 of the 5 questions is not answered"),
        ({"truth": True}, TODAY, {}, "4 of the 5 questions are not answered"),
        (ALL_YES, date(2026, 3, 2), {}, "in the future"),
        (ALL_YES, TODAY, {"strengths": "x" * 2001}, "shorten it"),
    ],
)
def test_bad_input_is_refused_in_one_line_and_saves_nothing(workbook, answers, taken_on, notes, message):
    with pytest.raises(InvalidInput, match=message) as caught:
        save_rating(workbook, answers, taken_on, today=TODAY, **notes)
    assert "\n" not in str(caught.value)
    assert list_ratings(workbook) == []


def test_a_rating_taken_by_mistake_can_be_deleted(workbook):
    keep = save_rating(workbook, ALL_YES, TODAY, today=TODAY)
    drop = save_rating(workbook, ALL_YES, TODAY, today=TODAY)
    delete_rating(workbook, drop)
    assert [r.id for r in list_ratings(workbook)] == [keep]
