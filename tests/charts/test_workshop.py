"""The dashboard charts: titled, Okabe-Ito colours, every bar labelled in text, data from aggregates only."""

from __future__ import annotations

from charts import OKABE_ITO, STRONG_COLOUR, WEAK_COLOUR
from charts.workshop import (
    bands_frame,
    common_no_answers,
    no_answers_frame,
    score_distribution,
    scores_frame,
    tie_mix,
    tie_mix_frame,
    tip_progress,
    tip_progress_frame,
)
from core.model import RATING_QUESTIONS
from core.workshop import ParticipantShare, summarise_room

QUESTIONS = list(RATING_QUESTIONS)


def share(noes: tuple[str, ...], **counts) -> ParticipantShare:
    answers = tuple(q not in noes for q in QUESTIONS)
    return ParticipantShare(score=sum(answers), answers=answers, **counts)


ROOM = summarise_room(
    5,
    [
        share(("truth", "future", "vibrant"), strong_ties=3, weak_ties=9, tips_completed=frozenset({1, 4})),
        share(("future",), strong_ties=1, weak_ties=1, tips_completed=frozenset({4})),
        share(("future", "challenge"), strong_ties=2, weak_ties=4, tips_completed=frozenset({4, 6})),
        share((), strong_ties=4, weak_ties=6, tips_completed=frozenset({1, 2, 3, 4, 5, 6})),
    ],
)


def layers(chart) -> list[dict]:
    return chart.to_dict()["layer"]


def marks(chart) -> list[str]:
    return [layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"] for layer in layers(chart)]


def colours(chart) -> set[str]:
    found = set()
    for layer in layers(chart):
        colour = (layer.get("encoding", {}).get("color", {}).get("scale") or {}).get("range", [])
        found |= set(colour)
        if isinstance(layer["mark"], dict) and "color" in layer["mark"]:
            found.add(layer["mark"]["color"])
    return found


def test_every_dashboard_chart_has_a_title_and_text_labels():
    for chart, title in [
        (score_distribution(ROOM), "Rating scores in the room"),
        (common_no_answers(ROOM), "Most common “no” answers"),
        (tie_mix(ROOM), "Strong and weak ties in the room"),
        (tip_progress(ROOM), "Progress through the six tips"),
    ]:
        assert chart.to_dict()["title"] == title
        assert "text" in marks(chart), f"{title} has no text labels"


def test_the_charts_use_the_colour_blind_safe_palette():
    allowed = set(OKABE_ITO) | {"#FFFFFF", "#000000", "#333333"}  # plus white and grey ink for text
    for chart in (score_distribution(ROOM), common_no_answers(ROOM), tie_mix(ROOM), tip_progress(ROOM)):
        assert colours(chart) <= allowed
    assert {STRONG_COLOUR, WEAK_COLOUR} <= colours(tie_mix(ROOM))


def test_the_score_chart_counts_every_score_and_names_the_three_bands():
    scores = scores_frame(ROOM)
    assert list(scores["score"]) == [0, 1, 2, 3, 4, 5]
    assert list(scores["participants"]) == [0, 0, 1, 1, 1, 1]
    assert list(scores["band"]) == ["Makeover", "Makeover", "Makeover", "Enhance", "Enhance", "Great"]
    assert list(bands_frame(ROOM)["text"]) == ["Makeover: 1", "Enhance: 2", "Great: 1"]


def test_the_no_answers_come_most_common_first_with_their_counts():
    frame = no_answers_frame(ROOM)
    assert frame["question"].iloc[0] == "reflects your future"
    assert list(frame["participants"]) == [3, 1, 1, 1, 0]
    assert frame["label"].iloc[0] == "3"


def test_the_tie_mix_labels_each_part_with_its_count_and_share():
    frame = tie_mix_frame(ROOM)
    assert list(frame["label"]) == ["Strong 10 (33%)", "Weak 20 (67%)"]
    assert list(frame["ink"]) == ["#FFFFFF", "#000000"]  # readable on the blue and on the orange
    assert list(frame["end"]) == [10, 30]


def test_tip_progress_reads_as_n_of_those_who_shared():
    frame = tip_progress_frame(ROOM)
    assert list(frame["label"]) == ["2 of 4", "1 of 4", "1 of 4", "4 of 4", "1 of 4", "2 of 4"]
    assert frame["tip"].iloc[0] == "1 · Know your network"


def test_a_hidden_room_gives_empty_charts_not_errors():
    hidden = summarise_room(2, [ParticipantShare()] * 2)
    for chart in (score_distribution(hidden), common_no_answers(hidden), tie_mix(hidden), tip_progress(hidden)):
        chart.to_dict()
    assert scores_frame(hidden).empty and tip_progress_frame(hidden).empty


def test_the_charts_carry_aggregates_only_never_a_row_per_person():
    for frame in (scores_frame(ROOM), no_answers_frame(ROOM), tie_mix_frame(ROOM), tip_progress_frame(ROOM)):
        assert len(frame) <= 6
