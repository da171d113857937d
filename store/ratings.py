"""Queries on tip 4's ratings: save a taking of the quiz with its notes, list the history."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from core.errors import InvalidInput
from core.model import RATING_QUESTIONS, Rating
from core.rating import check_answers, check_notes, check_taken_on, score_answers
from store.workbook import Workbook

_QUESTIONS = list(RATING_QUESTIONS)
_COLUMNS = "id, taken_on, score, " + ", ".join(_QUESTIONS) + ", strengths, weaknesses, opportunities"
HISTORY_LIMIT = 1000


def _rating(row: tuple) -> Rating:
    rating_id, taken_on, score, *rest = row
    answers = {key: bool(value) for key, value in zip(_QUESTIONS, rest[: len(_QUESTIONS)]) if value is not None}
    strengths, weaknesses, opportunities = (text or "" for text in rest[len(_QUESTIONS) :])
    return Rating(int(rating_id), taken_on, int(score), answers, strengths, weaknesses, opportunities)


def save_rating(
    workbook: Workbook,
    answers: Mapping[str, bool | None],
    taken_on: date,
    *,
    today: date,
    strengths: str = "",
    weaknesses: str = "",
    opportunities: str = "",
) -> int:
    """Save a taking of the quiz (all five answers, notes, date) and return its id; refuses bad input."""
    notes = {"strengths": strengths, "weaknesses": weaknesses, "opportunities": opportunities}
    problems = check_answers(answers) + check_notes(notes) + check_taken_on(taken_on, today)
    if problems:
        raise InvalidInput(problems[0].message)
    values = [taken_on, score_answers(answers), *(answers[k] for k in _QUESTIONS)]
    values += [text.strip() for text in notes.values()]
    with workbook.write() as cursor:
        row = cursor.execute(
            f"INSERT INTO ratings ({_COLUMNS.removeprefix('id, ')}) "
            f"VALUES ({', '.join('?' * len(values))}) RETURNING id",
            values,
        ).fetchone()
    return int(row[0])


def list_ratings(workbook: Workbook, limit: int = HISTORY_LIMIT) -> list[Rating]:
    """The latest ``limit`` ratings, oldest first (ties on a date in the order they were saved)."""
    rows = workbook.read(
        f"SELECT * FROM (SELECT {_COLUMNS} FROM ratings ORDER BY taken_on DESC, id DESC LIMIT ?) AS latest "
        "ORDER BY taken_on, id",
        [limit],
    )
    return [_rating(r) for r in rows]


def latest_ratings(workbook: Workbook, count: int = 2) -> list[Rating]:
    """The newest ``count`` ratings, newest first (the current one and the one to compare it with)."""
    rows = workbook.read(f"SELECT {_COLUMNS} FROM ratings ORDER BY taken_on DESC, id DESC LIMIT ?", [count])
    return [_rating(r) for r in rows]


def delete_rating(workbook: Workbook, rating_id: int) -> None:
    """Remove one rating (one taken by mistake)."""
    with workbook.write() as cursor:
        cursor.execute("DELETE FROM ratings WHERE id = ?", [rating_id])
