"""Queries on goals (tip 2's targets and tip 5's destinations) and the people linked to them."""

from __future__ import annotations

from collections.abc import Iterable

from core.errors import InvalidInput
from core.model import GOAL_KINDS, Goal
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
    rows = workbook.read("SELECT id, kind, title, priority FROM goals ORDER BY priority, id")
    wanted = set(kinds) if kinds is not None else None
    return [Goal(int(i), k, t, int(p)) for i, k, t, p in rows if wanted is None or k in wanted]


def update_goal(workbook: Workbook, goal_id: int, title: str | None = None, priority: int | None = None) -> None:
    if title is not None and not title.strip():
        raise InvalidInput("A goal needs a title; nothing was changed.")
    if priority is not None and priority not in (1, 2, 3):
        raise InvalidInput("Priority must be 1 (high), 2 (normal) or 3 (low); nothing was changed.")
    with workbook.write() as cursor:
        if title is not None:
            cursor.execute("UPDATE goals SET title = ? WHERE id = ?", [title.strip(), goal_id])
        if priority is not None:
            cursor.execute("UPDATE goals SET priority = ? WHERE id = ?", [priority, goal_id])


def delete_goal(workbook: Workbook, goal_id: int) -> None:
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
        cursor.execute("INSERT OR IGNORE INTO contact_goals SELECT unnest(?), ?", [ids, goal_id])


def unlink_contacts(workbook: Workbook, goal_id: int, contact_ids: Iterable[int]) -> None:
    ids = sorted({int(i) for i in contact_ids})
    with workbook.write() as cursor:
        cursor.execute(
            "DELETE FROM contact_goals WHERE goal_id = ? AND contact_id IN (SELECT unnest(?))",
            [goal_id, ids],
        )


def goal_links(workbook: Workbook) -> dict[int, list[int]]:
    """Goal id -> ids of the live people linked to it."""
    rows = workbook.read(
        "SELECT g.goal_id, list(g.contact_id ORDER BY g.contact_id) FROM contact_goals g "
        "JOIN contacts c ON c.id = g.contact_id AND c.deleted_at IS NULL GROUP BY g.goal_id"
    )
    return {int(g): [int(c) for c in ids] for g, ids in rows}
