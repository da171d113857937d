"""Rules of tip 4's rating: the score, the bands, an action for every no, the comparison."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.model import RATING_QUESTIONS
from core.rating import (
    ACTIONS,
    MAX_NOTE_CHARS,
    actions_for,
    band_for,
    check_answers,
    check_notes,
    check_taken_on,
    compare_ratings,
    describe_history,
    score_answers,
    short_question,
)
from core.ties import SECTIONS

KEYS = list(RATING_QUESTIONS)
ALL_COMBINATIONS = [dict(zip(KEYS, values)) for values in itertools.product([True, False], repeat=len(KEYS))]
answers_strategy = st.fixed_dictionaries({key: st.booleans() for key in KEYS})


def expected_band(yes: int) -> str:
    return "great" if yes == 5 else "enhance" if yes >= 3 else "makeover"


@pytest.mark.parametrize("answers", ALL_COMBINATIONS, ids=lambda a: "".join("Y" if a[k] else "n" for k in KEYS))
def test_every_answer_combination_scores_its_yes_count_lands_in_its_band_and_gets_an_action_per_no(answers):
    yes = [k for k in KEYS if answers[k]]
    no = [k for k in KEYS if not answers[k]]
    score = score_answers(answers)
    assert score == len(yes)
    assert band_for(score).key == expected_band(len(yes))
    assert [a.question for a in actions_for(answers)] == no
    assert check_answers(answers) == []


def test_there_are_exactly_32_answer_combinations_and_they_are_all_different():
    assert len({tuple(a.values()) for a in ALL_COMBINATIONS}) == 32


@pytest.mark.parametrize(
    ("score", "label"),
    [
        (0, "Needs a makeover"),
        (1, "Needs a makeover"),
        (2, "Needs a makeover"),
        (3, "Needs enhancing"),
        (4, "Needs enhancing"),
        (5, "In great shape"),
    ],
)
def test_the_article_bands_are_0_to_2_makeover_3_to_4_enhance_5_great(score, label):
    assert band_for(score).label == label


@pytest.mark.parametrize("score", [-1, 6, 50])
def test_a_score_outside_0_to_5_is_refused_with_a_message(score):
    with pytest.raises(ValueError, match="between 0 and 5"):
        band_for(score)


def test_every_action_names_a_tip_that_helps_and_at_most_one_part_of_its_page():
    assert set(ACTIONS) == set(RATING_QUESTIONS)
    for action in ACTIONS.values():
        assert 1 <= action.tip <= 6
        assert action.label and action.text.endswith(".")
        assert action.part is None or (action.tip == 5 and action.part in SECTIONS)


def test_future_goals_no_leads_to_tip_5_where_you_want_to_go():
    action = actions_for({**dict.fromkeys(KEYS, True), "future": False})[0]
    assert action.tip == 5
    assert action.part == SECTIONS[2] == "Where you want to go"
    assert "where you want to go" in action.label


def test_unanswered_questions_are_reported_in_one_line_and_count_as_no():
    answers = {"truth": True, "challenge": None}
    problems = check_answers(answers)
    assert len(problems) == 1
    assert "4 of the 5 questions are not answered" in problems[0].message
    assert score_answers(answers) == 1
    assert len(actions_for(answers)) == 4


def test_an_unknown_question_is_refused():
    answers = {**dict.fromkeys(KEYS, True), "looks": True}
    assert [p.field for p in check_answers(answers)] == ["looks"]


def test_a_note_longer_than_the_limit_is_refused_with_its_length():
    problems = check_notes({"strengths": "x" * (MAX_NOTE_CHARS + 1), "weaknesses": "", "opportunities": "ok"})
    assert [p.field for p in problems] == ["strengths"]
    assert "2,001 characters" in problems[0].message


def test_notes_within_the_limit_are_fine():
    assert check_notes({"strengths": "x" * MAX_NOTE_CHARS, "opportunities": "join the guild"}) == []


def test_a_rating_dated_in_the_future_is_refused():
    assert check_taken_on(date(2026, 1, 2), today=date(2026, 1, 1))[0].field == "taken_on"
    assert check_taken_on(date(2026, 1, 1), today=date(2026, 1, 1)) == []


@given(answers_strategy)
def test_the_score_plus_the_actions_is_always_five(answers):
    assert score_answers(answers) + len(actions_for(answers)) == 5


@given(answers_strategy, st.sampled_from(KEYS))
def test_turning_one_no_into_yes_never_lowers_the_score_or_the_band(answers, key):
    better = {**answers, key: True}
    assert score_answers(better) >= score_answers(answers)
    assert band_for(score_answers(better)).low >= band_for(score_answers(answers)).low


@given(answers_strategy, answers_strategy)
def test_the_comparison_explains_the_change_exactly(current, previous):
    comparison = compare_ratings(current, previous)
    assert comparison.change == score_answers(current) - score_answers(previous)
    assert len(comparison.gained) - len(comparison.lost) == comparison.change
    assert set(comparison.gained).isdisjoint(comparison.lost)


def test_the_first_rating_has_nothing_to_compare_with():
    comparison = compare_ratings(dict.fromkeys(KEYS, True), None)
    assert comparison.change == 0
    assert comparison.summary.startswith("First rating: 5 of 5")


def test_the_comparison_names_what_turned_yes_and_what_turned_no():
    previous = {**dict.fromkeys(KEYS, False), "truth": True}
    current = {**dict.fromkeys(KEYS, False), "future": True, "vibrant": True}
    comparison = compare_ratings(current, previous)
    assert comparison.summary == (
        "Up 1 since last time (1 to 2). Now yes: feels vibrant, reflects your future. Now no: tells you the truth."
    )


def test_every_question_has_a_short_name():
    assert all(short_question(key) for key in KEYS)


def test_history_reading_names_the_latest_score_band_and_trend():
    history = [(date(2026, 1, 1), 2), (date(2026, 2, 1), 5), (date(2026, 3, 1), 4)]
    text = describe_history(history)
    assert "Latest: 4 of 5 on 01 Mar 2026 (needs enhancing)" in text
    assert "up (2 to 4)" in text and "best was 5" in text


def test_history_reading_with_no_ratings_invites_taking_one():
    assert describe_history([]).startswith("No ratings yet")
    assert "Retake" in describe_history([(date(2026, 1, 1), 3)])
