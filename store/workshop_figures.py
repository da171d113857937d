"""A participant's workshop figures, counted in SQL over their own workbook: numbers only, no names."""

from __future__ import annotations

from core.model import CIRCLES, RATING_QUESTIONS
from core.workshop import ParticipantShare
from store.workbook import Workbook

_QUESTIONS = list(RATING_QUESTIONS)

# Each figure is a count; no column holding a name, an email or a note is ever selected.
_COUNTS = f"""
WITH live AS (SELECT id, circle, tie FROM contacts WHERE deleted_at IS NULL)
SELECT
    (SELECT count(*) FROM live WHERE tie = 'strong'),
    (SELECT count(*) FROM live WHERE tie = 'weak'),
    (SELECT count(DISTINCT circle) FROM live WHERE circle IN ({", ".join("?" * len(CIRCLES))})),
    (SELECT count(*) FROM interactions WHERE kind = 'ask' AND contact_id IN (SELECT id FROM live)),
    (SELECT count(*) FROM interactions
      WHERE kind IN ('thank_you', 'follow_up') AND contact_id IN (SELECT id FROM live))
"""
_LATEST_RATING = f"SELECT score, {', '.join(_QUESTIONS)} FROM ratings ORDER BY taken_on DESC, id DESC LIMIT 1"


def count_figures(workbook: Workbook) -> ParticipantShare:
    """The latest rating and the counts a participant could share; which tips are done is not counted here."""
    strong, weak, circles, asks, follow_ups = (int(v) for v in workbook.read_one(_COUNTS, list(CIRCLES)))
    rating = workbook.read_one(_LATEST_RATING)
    answers = tuple(value is True for value in rating[1:]) if rating else ()
    return ParticipantShare(
        score=sum(answers) if rating else None,
        answers=answers,
        strong_ties=strong,
        weak_ties=weak,
        circles_covered=circles,
        asks_made=asks,
        follow_ups_done=follow_ups,
    )
