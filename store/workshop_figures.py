"""A participant's workshop figures, counted in SQL over their own workbook: numbers only, no names."""

from __future__ import annotations

from core.model import CIRCLES, DESTINATION_KINDS, RATING_QUESTIONS, TARGET_KINDS
from core.workshop import ParticipantShare
from store.workbook import Workbook

TIP1_MIN_CIRCLES = 5
_QUESTIONS = list(RATING_QUESTIONS)


def _marks(values) -> str:
    return ", ".join("?" * len(values))


# Each figure is a count; no column holding a name, an email or a note is ever selected.
_COUNTS = f"""
WITH live AS (SELECT id, circle, tie, is_key, cadence_days FROM contacts WHERE deleted_at IS NULL)
SELECT
    (SELECT count(*) FROM live WHERE tie = 'strong'),
    (SELECT count(*) FROM live WHERE tie = 'weak'),
    (SELECT count(DISTINCT circle) FROM live WHERE circle IN ({_marks(CIRCLES)})),
    (SELECT count(*) FROM interactions WHERE kind = 'ask' AND contact_id IN (SELECT id FROM live)),
    (SELECT count(*) FROM interactions
      WHERE kind IN ('thank_you', 'follow_up') AND contact_id IN (SELECT id FROM live)),
    (SELECT count(*) FROM goals WHERE kind IN ({_marks(TARGET_KINDS)})),
    (SELECT count(*) FROM goals WHERE kind IN ({_marks(DESTINATION_KINDS)})),
    (SELECT count(*) FROM live WHERE is_key AND cadence_days IS NOT NULL)
"""
_LATEST_RATING = f"SELECT score, {', '.join(_QUESTIONS)} FROM ratings ORDER BY taken_on DESC, id DESC LIMIT 1"


def participant_figures(workbook: Workbook) -> ParticipantShare:
    """What this participant could share with a room: the latest rating and counts, nothing else."""
    counts = workbook.read_one(_COUNTS, [*CIRCLES, *TARGET_KINDS, *DESTINATION_KINDS])
    strong, weak, circles, asks, follow_ups, targets, destinations, keys = (int(v) for v in counts)
    rating = workbook.read_one(_LATEST_RATING)
    answers = tuple(value is True for value in rating[1:]) if rating else ()
    done = {
        1: circles >= TIP1_MIN_CIRCLES,
        2: targets >= 1,
        3: asks >= 1,
        4: rating is not None,
        5: destinations >= 1 or (strong >= 1 and weak >= 1),
        6: keys >= 1,
    }
    return ParticipantShare(
        score=sum(answers) if rating else None,
        answers=answers,
        strong_ties=strong,
        weak_ties=weak,
        circles_covered=circles,
        asks_made=asks,
        follow_ups_done=follow_ups,
        tips_completed=frozenset(tip for tip, ok in done.items() if ok),
    )
