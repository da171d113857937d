"""Tip 4's use cases: take the rating, see the latest result and how it has changed, remove a mistake."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date

from core.errors import InvalidInput
from core.model import DESTINATION_KINDS, Rating
from core.rating import (
    NOTE_FIELDS,
    Action,
    Band,
    Comparison,
    actions_for,
    band_for,
    compare_ratings,
    describe_history,
    score_answers,
)
from core.upgrade import PAST_CIRCLES, SILENT_DAYS, Destination, UpgradePlan, check_status, plan_upgrade
from services.workbooks import Workbook
from store import progress as store_progress
from store import ratings
from store.goals import set_goal_status


@dataclass(frozen=True)
class Result:
    """The latest rating: its score's band, the change since the one before, an action per "no", its notes."""

    rating: Rating
    band: Band
    comparison: Comparison
    actions: tuple[Action, ...]
    notes: tuple[tuple[str, str], ...]  # (label, text) of each note written


@dataclass(frozen=True)
class History:
    """Every rating kept, oldest first; their (date, score) points; and a plain reading of the trend."""

    ratings: tuple[Rating, ...]
    points: tuple[tuple[date, int], ...]
    reading: str


def save_rating(
    workbook: Workbook,
    answers: Mapping[str, bool | None],
    taken_on: date,
    notes: Mapping[str, str],
    today: date,
) -> int:
    """Save a taking of the quiz with its notes and return its score; an unanswered question is refused."""
    ratings.save_rating(workbook, answers, taken_on, today=today, **notes)
    return score_answers(answers)


def latest_result(workbook: Workbook) -> Result | None:
    """The latest rating's result, compared with the one before it; None before the first rating."""
    latest = ratings.latest_ratings(workbook, 2)
    if not latest:
        return None
    current = latest[0]
    previous = latest[1].answers if len(latest) > 1 else None
    notes = tuple((label, getattr(current, key)) for key, label in NOTE_FIELDS.items() if getattr(current, key))
    return Result(
        current,
        band_for(current.score),
        compare_ratings(current.answers, previous),
        tuple(actions_for(current.answers)),
        notes,
    )


def rating_history(workbook: Workbook) -> History:
    """Every rating kept (the latest thousand), oldest first, with the points of the chart and its reading."""
    kept = tuple(ratings.list_ratings(workbook))
    points = tuple((r.taken_on, r.score) for r in kept)
    return History(kept, points, describe_history(list(points)))


def remove_rating(workbook: Workbook, rating_id: int | None) -> None:
    """Remove a rating taken by mistake."""
    if rating_id is None:
        raise InvalidInput("Choose the rating to remove first.")
    ratings.delete_rating(workbook, rating_id)


@dataclass(frozen=True)
class Upgrade:
    """Tip 4's upgrade plan and the places you want to go whose status the user can set."""

    plan: UpgradePlan
    destinations: tuple[Destination, ...]


def upgrade_plan(workbook: Workbook, today: date) -> Upgrade:
    """How out of date the network is and the next steps (aggregated in SQL), with the destinations."""
    destinations = tuple(store_progress.destinations_with_links(workbook, DESTINATION_KINDS))
    age = store_progress.network_age(workbook, today, PAST_CIRCLES, SILENT_DAYS)
    return Upgrade(plan_upgrade(replace(age, destinations=destinations)), destinations)


def set_destination_status(workbook: Workbook, goal_id: int | None, status: str | None) -> None:
    """Record where you stand with a place you want to go: joined, attended, reading, or not yet ('')."""
    if goal_id is None:
        raise InvalidInput("Choose the place first.")
    problem = check_status(status)
    if problem:
        raise InvalidInput(problem)
    set_goal_status(workbook, goal_id, status, DESTINATION_KINDS)
