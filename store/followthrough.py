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

# Help received: logged as such, or an ask whose outcome was that they helped.
HELP = "(kind = 'help_received' OR (kind = 'ask' AND outcome = 'helped'))"


def _kinds(kinds: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{k}'" for k in kinds) + ")"


# A thank-you or report linked to its help, and one logged before links existed. With HELP these are the
# rows the loop reads; PostgreSQL keeps a partial index on each (store.schema_postgres.READ_INDEXES).
LINKED_STEP = "(help_id IS NOT NULL)"
LOOSE_STEP = f"(help_id IS NULL AND kind IN {_kinds(THANK_KINDS + REPORT_KINDS)})"


def _earliest(a: str, b: str) -> str:
    """The earlier of two dates, either of which may be NULL (the same on both engines)."""
    return f"CASE WHEN {a} IS NULL THEN {b} WHEN {b} IS NULL THEN {a} ELSE least({a}, {b}) END"


def loops_cte(people: str = "") -> str:
    """Common table expressions ending in ``loops`` (id, contact_id, happened_on, thanked_on, reported_on).

    A step linked to the help by help_id counts, and so does an older unlinked one to the same person on
    or after the day of the help. Joins and aggregates, not a subquery per help: 30,000 people stay fast.
    ``people``, a condition on ``contact_id``, keeps only their help and steps, before anything is joined:
    filtered after, one person's loops took 18 ms on 30,000 people, working out everyone's.
    """
    mine = f" AND {people}" if people else ""
    help_rows = f"SELECT id, contact_id, happened_on FROM interactions WHERE {HELP}{mine}"
    return f"""
help AS ({help_rows}),
linked AS (
    SELECT help_id,
        min(CASE WHEN kind IN {_kinds(THANK_KINDS)} THEN happened_on END) AS thanked_on,
        min(CASE WHEN kind IN {_kinds(REPORT_KINDS)} THEN happened_on END) AS reported_on
    FROM interactions WHERE {LINKED_STEP}{" AND help_id IN (SELECT id FROM help)" if people else ""} GROUP BY help_id),
loose AS (
    SELECT contact_id, happened_on, CASE WHEN kind IN {_kinds(THANK_KINDS)} THEN 1 ELSE 0 END AS is_thanks
    FROM interactions WHERE {LOOSE_STEP}{mine}),
legacy AS (
    SELECT h.id,
        min(CASE WHEN l.is_thanks = 1 THEN l.happened_on END) AS thanked_on,
        min(CASE WHEN l.is_thanks = 0 THEN l.happened_on END) AS reported_on
    -- help read again rather than from the CTE: PostgreSQL then walks its index in person order, unsorted
    FROM ({help_rows}) AS h
    JOIN loose l ON l.contact_id = h.contact_id AND l.happened_on >= h.happened_on GROUP BY h.id),
loops AS (
    SELECT h.id, h.contact_id, h.happened_on,
        {_earliest("k.thanked_on", "g.thanked_on")} AS thanked_on,
        {_earliest("k.reported_on", "g.reported_on")} AS reported_on
    FROM help h LEFT JOIN linked k ON k.help_id = h.id LEFT JOIN legacy g ON g.id = h.id)
"""


LOOPS_CTE = loops_cte()
# True while loop ``l`` still owes a thank-you or a report.
OPEN = "(l.thanked_on IS NULL OR l.reported_on IS NULL)"


# The people a query is about, named once so that one parameter serves every place the loops read them.
_WANTED = f"wanted(id) AS {IDS}"
_IS_WANTED = "contact_id IN (SELECT id FROM wanted)"
_LIVE_LOOPS = "SELECT l.*, c.name FROM loops l JOIN contacts c ON c.id = l.contact_id AND c.deleted_at IS NULL"
_NEWEST_FIRST = "ORDER BY l.happened_on DESC, l.id DESC"
# With ``picked`` (loops and names), each one's help and latest outcome: the rows list_loops gives.
_DETAILED = (
    "outcomes AS (SELECT help_id, outcome FROM interactions WHERE id IN (SELECT max(id) FROM interactions "
    f"WHERE {LINKED_STEP} AND help_id IN (SELECT id FROM picked) AND kind = 'update' GROUP BY help_id)), "
    "detailed AS (SELECT p.id, p.contact_id, p.name, p.happened_on, h.kind, h.request_kind, h.channel, h.note, "
    "p.thanked_on, p.reported_on, coalesce(o.outcome, '') AS outcome "
    "FROM picked p JOIN interactions h ON h.id = p.id LEFT JOIN outcomes o ON o.help_id = p.id)"
)
_DETAIL_COLUMNS = (
    "d.id, d.contact_id, d.name, d.happened_on, d.kind, d.request_kind, d.channel, d.note, "
    "d.thanked_on, d.reported_on, d.outcome"
)


def _select_loops(conditions: list[str], of_people: bool = False) -> str:
    """Live people's loops meeting ``conditions`` (on ``l``), newest first, as many as the last ``?``;
    with ``of_people``, only the loops of the people whose ids are the first ``?`` (a list).

    They are cut to that number before the help's details and outcome are joined, so showing the five
    newest joins five, not every loop (on PostgreSQL, looking up 10,000 of them took 100 ms).
    """
    where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
    loops = f"{_WANTED}, {loops_cte(_IS_WANTED)}" if of_people else LOOPS_CTE
    return (
        f"WITH {loops}, picked AS ({_LIVE_LOOPS}{where} {_NEWEST_FIRST} LIMIT ?), {_DETAILED} "
        f"SELECT {_DETAIL_COLUMNS} FROM detailed d ORDER BY d.happened_on DESC, d.id DESC"
    )


def list_loops(
    workbook: Workbook, open_only: bool = False, limit: int = 5000, contact_ids: Iterable[int] | None = None
) -> list[dict]:
    """Help received with the day it was thanked for and reported on, newest help first."""
    where = [OPEN] if open_only else []
    if contact_ids is None:
        return workbook.read_dicts(_select_loops(where), [limit])
    return workbook.read_dicts(_select_loops(where, of_people=True), [sorted({int(i) for i in contact_ids}), limit])


_COUNTED = (
    f"counted AS (SELECT count(*) AS total, coalesce(sum(CASE WHEN {OPEN} THEN 1 ELSE 0 END), 0) AS still_open "
    "FROM live l)"
)
_PICKED = f"picked AS (SELECT * FROM live l WHERE {OPEN} {_NEWEST_FIRST} LIMIT ?)"
# (Monday, loops opened, loops closed) from the live loops, for the weeks from the ``?`` (a Monday) on.
_WEEKLY = (
    "weekly AS (SELECT CAST(date_trunc('week', day) AS DATE) AS week, sum(opened) AS opened, "
    "sum(closed) AS closed FROM (SELECT happened_on AS day, 1 AS opened, 0 AS closed FROM live "
    "UNION ALL SELECT greatest(thanked_on, reported_on), 0, 1 FROM live "  # closed by the later step
    "WHERE thanked_on IS NOT NULL AND reported_on IS NOT NULL) AS events WHERE day >= ? GROUP BY 1)"
)


def _summary(rows: list[dict]) -> tuple[int, int, list[dict]]:
    counts = ("total", "still_open")
    loops = [{k: v for k, v in row.items() if k not in counts} for row in rows if row["id"] is not None]
    return int(rows[0]["total"]), int(rows[0]["still_open"]), loops


def summarize_loops(workbook: Workbook, newest: int) -> tuple[int, int, list[dict]]:
    """(Loops in all, loops still open, the ``newest`` open ones as list_loops gives them), in one statement:
    working the loops out reads every piece of help (20 ms on 30,000 people), so it is done once."""
    rows = workbook.read_dicts(
        f"WITH {LOOPS_CTE}, live AS ({_LIVE_LOOPS}), {_COUNTED}, {_PICKED}, {_DETAILED} "
        f"SELECT k.total, k.still_open, {_DETAIL_COLUMNS} FROM counted k LEFT JOIN detailed d ON TRUE "
        "ORDER BY d.happened_on DESC, d.id DESC",
        [newest],
    )
    return _summary(rows)


def loops_overview(
    workbook: Workbook, newest: int, since: date
) -> tuple[int, int, list[dict], list[tuple[date, int, int]]]:
    """What summarize_loops gives, and (Monday, loops opened, loops closed) for the weeks from ``since`` (a
    Monday) with any of either: one statement, so the loops are worked out once, not twice (12 ms each)."""
    nulls = ", ".join(f"NULL AS {column.removeprefix('d.')}" for column in _DETAIL_COLUMNS.split(", "))
    rows = workbook.read_dicts(
        f"WITH {LOOPS_CTE}, live AS ({_LIVE_LOOPS}), {_COUNTED}, {_PICKED}, {_DETAILED}, {_WEEKLY} "
        f"SELECT 0 AS part, k.total, k.still_open, {_DETAIL_COLUMNS}, NULL AS week, NULL AS opened, NULL AS closed "
        "FROM counted k LEFT JOIN detailed d ON TRUE "
        f"UNION ALL SELECT 1, NULL, NULL, {nulls}, w.week, w.opened, w.closed FROM weekly w "
        "ORDER BY part, happened_on DESC, id DESC, week",
        [newest, since],
    )
    extra = ("part", "week", "opened", "closed")
    summary = [{k: v for k, v in row.items() if k not in extra} for row in rows if row["part"] == 0]
    weeks = [(row["week"], int(row["opened"]), int(row["closed"])) for row in rows if row["part"] == 1]
    return (*_summary(summary), weeks)


def get_help(workbook: Workbook, help_id: int) -> dict | None:
    """One piece of help (a live person's): its id, contact_id and channel; or None.

    Read from its own row, not from the loops: working out every loop to find one took 10 ms on 30,000
    people, and a step needs only whose help it was and how it came."""
    rows = workbook.read_dicts(
        f"SELECT h.id, h.contact_id, h.channel FROM (SELECT * FROM interactions WHERE id = ? AND {HELP}) h "
        "WHERE EXISTS (SELECT 1 FROM contacts c WHERE c.id = h.contact_id AND c.deleted_at IS NULL)",
        [help_id],
    )
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
        workbook,
        int(help_row["contact_id"]),
        today,
        kind,
        channel=channel,
        outcome=outcome,
        note=note,
        today=today,
        help_id=help_id,
    )
