"""Queries on goals (tip 2's targets and tip 5's destinations) and the people linked to them."""

from __future__ import annotations

from collections.abc import Iterable

from core.errors import InvalidInput
from core.model import GOAL_KINDS, Goal
from store.sql import IDS, TEXTS
from store.workbook import Workbook


def add_goal(workbook: Workbook, kind: str, title: str, priority: int = 2) -> int:
    """Save a goal and return its id; refuses an unknown kind, a blank title or a bad priority."""
    if kind not in GOAL_KINDS:
        raise InvalidInput(f"'{kind}' is not a kind of goal; choose one of {', '.join(GOAL_KINDS)}.")
    if not title.strip():
        raise InvalidInput("A goal needs a title: write what you are aiming for, e.g. 'Data analyst'.")
    if priority not in (1, 2, 3):
        raise InvalidInput("Priority must be 1 (high), 2 (normal) or 3 (low).")
    with workbook.write() as cursor:
        row = cursor.execute(
            "INSERT INTO goals (kind, title, priority) VALUES (?, ?, ?) RETURNING id",
            [kind, title.strip(), priority],
        ).fetchone()
    return int(row[0])


def list_goals(workbook: Workbook, kinds: Iterable[str] | None = None) -> list[Goal]:
    """Every goal (or those of the given kinds), by priority, then oldest first."""
    rows = workbook.read("SELECT id, kind, title, priority FROM goals ORDER BY priority, id")
    wanted = set(kinds) if kinds is not None else None
    return [Goal(int(i), k, t, int(p)) for i, k, t, p in rows if wanted is None or k in wanted]


def delete_goal(workbook: Workbook, goal_id: int) -> None:
    """Delete a goal; the people and asks linked to it stay, unlinked."""
    with workbook.write() as cursor:
        cursor.execute("DELETE FROM contact_goals WHERE goal_id = ?", [goal_id])
        cursor.execute("UPDATE interactions SET goal_id = NULL WHERE goal_id = ?", [goal_id])
        cursor.execute("DELETE FROM goals WHERE id = ?", [goal_id])


def link_contacts(workbook: Workbook, goal_id: int, contact_ids: Iterable[int]) -> None:
    """Record that these people can help with this goal."""
    ids = sorted({int(i) for i in contact_ids})
    if not ids:
        return
    with workbook.write() as cursor:
        cursor.execute(
            f"INSERT INTO contact_goals (contact_id, goal_id) SELECT id, ? FROM {IDS} AS chosen(id) "
            "ON CONFLICT DO NOTHING",
            [goal_id, ids],
        )


def set_goal_status(workbook: Workbook, goal_id: int, status: str, kinds: Iterable[str]) -> None:
    """Record where you stand with a destination (joined, attended, reading, or '' for not yet)."""
    with workbook.write() as cursor:
        done = cursor.execute(
            f"UPDATE goals SET status = ? WHERE id = ? AND kind IN {TEXTS} RETURNING id", [status, goal_id, list(kinds)]
        ).fetchall()
        if not done:
            raise InvalidInput("That place is no longer in the workbook (deleted?); reload the page.")
