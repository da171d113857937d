"""Queries for the follow-through loop: the help received, and the thank-you and report-back on each."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from core.errors import InvalidInput
from core.followthrough import REPORT, REPORT_KINDS, THANK, THANK_KINDS, check_report
from core.model import CHANNELS
from store.interactions import log_interaction
from store.sql import IDS
from store.workbook import Workbook

# Help received: logged as such, or an ask whose outcome was that they helped (``h`` is the help).
HELP = "(h.kind = 'help_received' OR (h.kind = 'ask' AND h.outcome = 'helped'))"


def _step_done(kinds: tuple[str, ...]) -> str:
    """The first day a step of the loop on help ``h`` was done: linked to it, or an older unlinked one."""
    listed = ", ".join(f"'{k}'" for k in kinds)
    return (
        f"(SELECT min(s.happened_on) FROM interactions s WHERE s.contact_id = h.contact_id AND s.kind IN ({listed}) "
        "AND (s.help_id = h.id OR (s.help_id IS NULL AND s.happened_on >= h.happened_on)))"
    )


THANKED_ON = _step_done(THANK_KINDS)
REPORTED_ON = _step_done(REPORT_KINDS)
# True while help ``h`` still owes a thank-you or a report (the ranking's "owed" uses it too).
LOOP_OPEN = f"({THANKED_ON} IS NULL OR {REPORTED_ON} IS NULL)"
_OUTCOME = (
    "(SELECT r.outcome FROM interactions r WHERE r.help_id = h.id AND r.kind = 'update' ORDER BY r.id DESC LIMIT 1)"
)
_LOOPS = (
    f"SELECT h.id, h.contact_id, c.name, h.happened_on, h.kind, h.request_kind, h.channel, h.note, "
    f"{THANKED_ON} AS thanked_on, {REPORTED_ON} AS reported_on, coalesce({_OUTCOME}, '') AS outcome "
    f"FROM interactions h JOIN contacts c ON c.id = h.contact_id AND c.deleted_at IS NULL WHERE {HELP}"
)


def list_loops(
    workbook: Workbook, open_only: bool = False, limit: int = 5000, contact_ids: Iterable[int] | None = None
) -> list[dict]:
    """Help received with the day it was thanked for and reported on, newest help first."""
    where, params = [], []
    if open_only:
        where.append("(thanked_on IS NULL OR reported_on IS NULL)")
    if contact_ids is not None:
        where.append(f"contact_id IN {IDS}")
        params.append(sorted({int(i) for i in contact_ids}))
    clause = f"WHERE {' AND '.join(where)} " if where else ""
    return workbook.read_dicts(
        f"SELECT * FROM ({_LOOPS}) AS loops {clause}ORDER BY happened_on DESC, id DESC LIMIT ?", [*params, limit]
    )


def count_loops(workbook: Workbook) -> tuple[int, int]:
    """(loops in all, loops still open)."""
    row = workbook.read_one(
        "SELECT count(*), coalesce(sum(CASE WHEN thanked_on IS NULL OR reported_on IS NULL THEN 1 ELSE 0 END), 0) "
        f"FROM ({_LOOPS}) AS loops"
    )
    return int(row[0]), int(row[1])


def get_help(workbook: Workbook, help_id: int) -> dict | None:
    """One piece of help (a live person's), or None."""
    rows = workbook.read_dicts(f"SELECT * FROM ({_LOOPS}) AS loops WHERE id = ?", [help_id])
    return rows[0] if rows else None


def log_step(
    workbook: Workbook,
    help_id: int,
    step: str,
    *,
    today: date,
    channel: str = "",
    outcome: str = "",
    note: str = "",
) -> int:
    """Log a thank-you (THANK) or a report-back (REPORT) on a piece of help, linked to it; returns its id."""
    help_row = get_help(workbook, help_id)
    if help_row is None:
        raise InvalidInput(f"Help #{help_id} is not in the workbook (deleted?); reload the page.")
    note = note.strip()
    if step == REPORT:
        problem = check_report(outcome, note)
        if problem:
            raise InvalidInput(problem)
        kind = "update"
    elif step == THANK:
        kind, outcome = "thank_you", ""
    else:
        raise InvalidInput(f"'{step}' is not a step of the loop; thank or report back.")
    channel = channel if channel in CHANNELS else (help_row["channel"] if help_row["channel"] in CHANNELS else "email")
    return log_interaction(
        workbook, int(help_row["contact_id"]), today, kind, channel=channel, outcome=outcome, note=note,
        today=today, help_id=help_id,
    )  # fmt: skip
