"""Workshop rules: codes people can read off a screen, keys, expiry, shares of figures only,
the minimum group that keeps anyone from being singled out, and the agenda clock."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.model import CIRCLES, RATING_QUESTIONS
from core.workshop import (
    AGENDA,
    CODE_ALPHABET,
    ParticipantShare,
    agenda_minutes,
    agenda_position,
    check_code,
    check_expiry_hours,
    check_nickname,
    check_share,
    describe_share,
    describe_summary,
    format_left,
    hash_key,
    is_expired,
    key_matches,
    new_code,
    new_key,
    normalise_code,
    start_for_item,
    summarise_room,
    summary_rows,
)

START = datetime(2026, 5, 4, 9, 0)
QUESTIONS = list(RATING_QUESTIONS)


def rated(score_yes: tuple[bool, ...], **counts) -> ParticipantShare:
    return ParticipantShare(score=sum(score_yes), answers=score_yes, **counts)


def answers_with_no(*noes: str) -> tuple[bool, ...]:
    return tuple(q not in noes for q in QUESTIONS)


shares = st.builds(
    lambda answers, strong, weak, circles, asks, follow_ups, tips, is_rated: ParticipantShare(
        score=sum(answers) if is_rated else None,
        answers=answers if is_rated else (),
        strong_ties=strong,
        weak_ties=weak,
        circles_covered=circles,
        asks_made=asks,
        follow_ups_done=follow_ups,
        tips_completed=frozenset(tips),
    ),
    st.tuples(*[st.booleans()] * len(QUESTIONS)),
    st.integers(0, 500),
    st.integers(0, 500),
    st.integers(0, len(CIRCLES)),
    st.integers(0, 50),
    st.integers(0, 50),
    st.sets(st.integers(1, 6)),
    st.booleans(),
)


# Codes and keys


@given(st.randoms(use_true_random=False))
def test_a_room_code_is_six_characters_without_look_alikes(random):
    code = new_code(random.choice)
    assert len(code) == 6
    assert not set(code) & set("0O1IL")
    assert check_code(code) == []


def test_a_code_typed_in_lower_case_with_spaces_or_dashes_still_reads():
    assert normalise_code(" k7m 2qx ") == "K7M2QX"
    assert normalise_code("k7m-2qx") == "K7M2QX"
    assert check_code("k7m-2qx") == []


def test_a_code_that_cannot_be_a_room_code_gets_a_clear_message():
    [problem] = check_code("HELLO1")
    assert "“HELLO1” is not a room code" in problem.message and "6 letters and digits" in problem.message
    assert "Type the room code" in check_code("   ")[0].message
    assert check_code("ABCDEFG")  # seven characters


def test_the_alphabet_has_no_zero_oh_one_or_eye():
    assert not set(CODE_ALPHABET) & set("0O1I")


def test_a_facilitator_key_opens_its_room_and_nothing_else():
    key = new_key()
    assert len(key) >= 30
    assert key_matches(key, hash_key(key))
    assert not key_matches(new_key(), hash_key(key))
    assert not key_matches("", hash_key(key))
    assert not key_matches(None, hash_key(key))
    assert hash_key(key) != key


# Expiry


def test_a_room_closes_at_its_expiry_time():
    closes = START + timedelta(hours=3)
    assert not is_expired(closes, closes - timedelta(seconds=1))
    assert is_expired(closes, closes)


def test_a_room_stays_open_between_an_hour_and_a_day():
    assert check_expiry_hours(3) == []
    assert "between 1 and 24 hours" in check_expiry_hours(0)[0].message
    assert check_expiry_hours(25)


# Nicknames and shares


def test_a_nickname_is_optional_trimmed_and_short():
    assert check_nickname("  Sam   K ") == ("Sam K", [])
    assert check_nickname("") == ("", [])
    assert "at most 30 characters" in check_nickname("x" * 31)[1][0].message


@given(shares)
def test_any_share_of_figures_in_range_is_accepted(share):
    assert check_share(share) == []


def test_a_share_smuggling_text_into_a_count_is_refused():
    share = replace(ParticipantShare(), strong_ties="Rosa Mensah")
    assert [p.field for p in check_share(share)] == ["strong_ties"]


def test_a_score_that_does_not_match_the_answers_is_refused():
    share = ParticipantShare(score=5, answers=answers_with_no("truth"))
    assert "number of yes answers" in check_share(share)[0].message
    assert check_share(ParticipantShare(score=None, answers=(True,) * 5))


def test_more_circles_than_there_are_or_an_unknown_tip_is_refused():
    assert check_share(ParticipantShare(circles_covered=11))
    assert check_share(ParticipantShare(tips_completed=frozenset({7})))
    assert check_share(ParticipantShare(asks_made=-1))


def test_the_preview_names_every_figure_that_would_be_shared():
    share = rated(
        answers_with_no("future"),
        strong_ties=4,
        weak_ties=9,
        circles_covered=6,
        asks_made=2,
        follow_ups_done=1,
        tips_completed=frozenset({1, 4}),
    )
    preview = dict(describe_share(share))
    assert preview["Your rating score (0–5) and your five yes/no answers"].startswith("4 of 5")
    assert "reflects your future: no" in preview["Your rating score (0–5) and your five yes/no answers"]
    assert preview["How many of the ten circles have someone in them"] == "6 of 10"
    assert preview["Which of the six tips you have completed"] == "1, 4"
    assert (
        dict(describe_share(ParticipantShare()))["Your rating score (0–5) and your five yes/no answers"]
        == "not taken yet"
    )


# The room summary and the minimum group


def test_with_two_shares_nothing_item_level_is_shown():
    summary = summarise_room(5, [rated(answers_with_no("truth")), rated(answers_with_no())])
    assert (summary.joined, summary.shared, summary.visible) == (5, 2, False)
    hidden = (
        summary.score_counts,
        summary.band_counts,
        summary.no_counts,
        summary.strong_ties,
        summary.weak_ties,
        summary.tip_counts,
        summary.asks_made,
        summary.median_circles,
    )
    assert hidden == (None,) * len(hidden)
    assert "Figures appear once 3 have shared (1 more to go)" in describe_summary(summary)


def test_with_three_shares_the_distributions_appear():
    room = [
        rated(
            answers_with_no("truth", "future", "vibrant"), strong_ties=2, weak_ties=8, tips_completed=frozenset({1, 4})
        ),
        rated(answers_with_no("future"), strong_ties=5, weak_ties=5, tips_completed=frozenset({4})),
        rated(answers_with_no(), strong_ties=1, weak_ties=0, asks_made=3, tips_completed=frozenset({4, 6})),
    ]
    summary = summarise_room(4, room)
    assert summary.visible and summary.ratings_visible
    assert dict(summary.score_counts) == {0: 0, 1: 0, 2: 1, 3: 0, 4: 1, 5: 1}
    assert dict(summary.band_counts) == {"makeover": 1, "enhance": 1, "great": 1}
    assert summary.no_counts[0] == ("future", 2)
    assert (summary.strong_ties, summary.weak_ties, summary.asks_made) == (8, 13, 3)
    assert dict(summary.tip_counts) == {1: 1, 2: 0, 3: 0, 4: 3, 5: 0, 6: 1}
    assert "Most common “no”: reflects your future (2)" in describe_summary(summary)


def test_the_minimum_group_is_a_setting():
    room = [rated(answers_with_no())] * 4
    assert not summarise_room(4, room, min_group=5).visible
    assert summarise_room(5, room * 2, min_group=5).visible


def test_ratings_stay_hidden_until_enough_people_have_rated_even_when_enough_have_shared():
    room = [rated(answers_with_no("truth")), ParticipantShare(strong_ties=3), ParticipantShare(weak_ties=2)]
    summary = summarise_room(3, room)
    assert summary.visible and not summary.ratings_visible
    assert summary.score_counts is None and summary.no_counts is None
    assert "Ratings appear once 3 have taken the quiz (1 so far)" in describe_summary(summary)


@given(st.lists(shares, min_size=3, max_size=30))
def test_the_summary_adds_up_to_the_shares(room):
    summary = summarise_room(len(room) + 2, room)
    assert summary.strong_ties == sum(s.strong_ties for s in room)
    assert summary.weak_ties == sum(s.weak_ties for s in room)
    assert all(0 <= count <= len(room) for _, count in summary.tip_counts)
    if summary.ratings_visible:
        assert sum(count for _, count in summary.score_counts) == summary.rated
        assert sum(count for _, count in summary.band_counts) == summary.rated
        counts = [count for _, count in summary.no_counts]
        assert counts == sorted(counts, reverse=True)


# The results, row by row (services.workshop writes them as CSV)


def test_a_hidden_room_has_head_counts_only():
    rows = summary_rows(summarise_room(6, [ParticipantShare()] * 2))
    assert [r[:2] for r in rows[:3]] == [("room", "joined"), ("room", "shared"), ("room", "minimum group")]
    assert rows[3][:2] == ("note", "hidden")
    assert len(rows) == 4


def test_a_visible_room_has_every_figure_of_the_dashboard():
    room = [rated(answers_with_no("truth"), strong_ties=2, weak_ties=3)] * 3
    rows = summary_rows(summarise_room(3, room))
    assert ("score", "4", "3") in rows
    assert ("band", "Needs enhancing", "3") in rows
    assert ("no answer", "tells you the truth", "3") in rows
    assert ("ties", "weak", "9") in rows


@given(st.lists(shares, max_size=12))
def test_no_row_holds_a_cell_a_spreadsheet_would_run_as_a_formula(room):
    for row in summary_rows(summarise_room(len(room), room)):
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row)


# The agenda


def test_the_agenda_walks_the_six_tips_in_an_hour_each_with_a_question():
    assert [item.tip for item in AGENDA] == [1, 2, 3, 4, 5, 6]
    assert agenda_minutes() == 60
    assert all(item.prompt.endswith("?") for item in AGENDA)


def test_the_agenda_clock_gives_the_current_tip_and_the_time_left():
    at_start = agenda_position(START, START)
    assert (at_start.index, at_start.seconds_left, at_start.finished) == (0, 600, False)
    later = agenda_position(START, START + timedelta(minutes=12, seconds=30))
    assert (later.item.tip, later.seconds_left) == (2, 450)
    last_second = agenda_position(START, START + timedelta(minutes=59, seconds=59))
    assert (last_second.item.tip, last_second.seconds_left) == (6, 1)
    done = agenda_position(START, START + timedelta(minutes=60))
    assert done.finished and done.item is None


def test_a_clock_slightly_behind_the_start_still_shows_the_first_tip():
    assert agenda_position(START, START - timedelta(seconds=5)).index == 0


@given(st.integers(0, len(AGENDA) - 1), st.integers(0, 3600))
def test_skipping_to_a_tip_starts_it_with_its_full_time(index, offset):
    now = START + timedelta(seconds=offset)
    position = agenda_position(start_for_item(index, now), now)
    assert position.index == index
    assert position.seconds_left == AGENDA[index].minutes * 60


def test_time_left_reads_as_minutes_and_seconds():
    assert format_left(450) == "7:30"
    assert format_left(5) == "0:05"


@pytest.mark.parametrize(
    "nickname",
    ["Ana\u202eLOOC", "\u2067Bo\u2069", "Cy\u200bd", "Di\x00", "Ed\x1b[31m", "x" * 31, "y" * 1_000_000],
)
def test_a_nickname_that_is_not_short_plain_text_is_refused(nickname):
    _, problems = check_nickname(nickname)
    assert len(problems) == 1 and problems[0].message.startswith("A nickname ")


@pytest.mark.parametrize("nickname", ["Ana", "Zoë Ó Briain", "李雷", "אורי", "  spaced   out  ", ""])
def test_short_plain_nicknames_in_any_script_are_taken(nickname):
    clean, problems = check_nickname(nickname)
    assert problems == [] and clean == " ".join(nickname.split())
