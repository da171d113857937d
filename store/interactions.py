"""Queries on the outreach log: every logged contact with a person."""

from __future__ import annotations

from datetime import date

from core.errors import InvalidInput
from core.model import CHANNELS, INTERACTION_KINDS, Interaction
from store.workbook import Workbook

_COLUMNS = "id, contact_id, happened_on, kind, channel, outcome, request_kind, goal_id, note, help_id"


def _interaction(row: tuple) -> Interaction:
    i, c, h, k, ch, o, r, g, n, helped = row
    return Interaction(int(i), int(c), h, k, ch or "", o or "", r or "", g, n or "", helped)


def log_interaction(
    workbook: Workbook,
    contact_id: int,
    happened_on: date,
    kind: str,
    *,
    channel: str = "",
    outcome: str = "",
    request_kind: str = "",
    goal_id: int | None = None,
    note: str = "",
    today: date | None = None,
    help_id: int | None = None,
) -> int:
    """Log a contact with a person and move their 'last spoke' date forward; returns the id."""
    today = today or date.today()
    if kind not in INTERACTION_KINDS:
        raise InvalidInput(f"'{kind}' is not a kind of interaction; choose one from the list.")
    if channel and channel not in CHANNELS:
        raise InvalidInput(f"'{channel}' is not a channel; choose one from the list.")
    if happened_on > today:
        raise InvalidInput(f"{happened_on:%d %b %Y} is in the future; log a meeting once it has happened.")
    with workbook.write() as cursor:
        if (
            cursor.execute("SELECT 1 FROM contacts WHERE id = ? AND deleted_at IS NULL", [contact_id]).fetchone()
            is None
        ):
            raise InvalidInput(f"Person #{contact_id} is not in the workbook; choose someone listed.")
        row = cursor.execute(
            "INSERT INTO interactions (contact_id, happened_on, kind, channel, outcome, request_kind, "
            "goal_id, note, help_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            [contact_id, happened_on, kind, channel, outcome, request_kind, goal_id, note, help_id],
        ).fetchone()
        cursor.execute(
            "UPDATE contacts SET last_contacted_on = greatest(coalesce(last_contacted_on, ?), ?), "
            "updated_at = current_timestamp WHERE id = ?",
            [happened_on, happened_on, contact_id],
        )
    return int(row[0])


def recent_interactions(workbook: Workbook, contact_id: int, limit: int = 50) -> list[Interaction]:
    """A person's latest interactions, newest first."""
    rows = workbook.read(
        f"SELECT {_COLUMNS} FROM interactions WHERE contact_id = ? ORDER BY happened_on DESC, id DESC LIMIT ?",
        [contact_id, limit],
    )
    return [_interaction(r) for r in rows]


def count_interactions(workbook: Workbook) -> int:
    return int(workbook.read_one("SELECT count(*) FROM interactions")[0])
