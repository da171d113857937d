"""Queries for tip 5: set ties one by one or in bulk, count people per goal, gather introduction chains."""

from __future__ import annotations

from collections.abc import Iterable

from core.errors import InvalidInput
from core.model import CIRCLES, TIES
from core.ties import MAX_HOPS, Person
from store.contacts import people_filter
from store.sql import IDS
from store.workbook import Workbook


def _check_tie(tie: str) -> None:
    if tie not in TIES:
        raise InvalidInput(f"'{tie}' is not a kind of tie; choose strong or weak.")


def set_ties(workbook: Workbook, contact_ids: Iterable[int], tie: str) -> int:
    """Mark the chosen people strong or weak; returns how many changed."""
    _check_tie(tie)
    ids = sorted({int(i) for i in contact_ids})
    if not ids:
        return 0
    with workbook.write() as cursor:
        rows = cursor.execute(
            "UPDATE contacts SET tie = ?, updated_at = current_timestamp "
            f"WHERE id IN {IDS} AND deleted_at IS NULL AND tie <> ? RETURNING id",
            [tie, ids, tie],
        ).fetchall()
    return len(rows)


def count_matching(
    workbook: Workbook, search: str = "", circle: str | None = None, current_tie: str | None = None
) -> int:
    """How many people a bulk change with these filters would touch (before changing anything)."""
    where, params = people_filter(search, circle, current_tie)
    return int(workbook.read_one(f"SELECT count(*) FROM contacts WHERE {where}", params)[0])


def set_ties_matching(
    workbook: Workbook, tie: str, search: str = "", circle: str | None = None, current_tie: str | None = None
) -> int:
    """Mark everyone matching the filters (search, circle, current tie) strong or weak; returns how many changed."""
    _check_tie(tie)
    if circle and circle not in CIRCLES:
        raise InvalidInput(f"'{circle}' is not a circle; choose one from the list.")
    where, params = people_filter(search, circle, current_tie)
    with workbook.write() as cursor:
        rows = cursor.execute(
            f"UPDATE contacts SET tie = ?, updated_at = current_timestamp WHERE {where} AND tie <> ? RETURNING id",
            [tie, *params, tie],
        ).fetchall()
    return len(rows)


def count_people_per_goal(workbook: Workbook) -> dict[int, int]:
    """Goal id -> how many live people are linked to it (goals with nobody are absent)."""
    rows = workbook.read(
        "SELECT g.goal_id, count(*) FROM contact_goals g "
        "JOIN contacts c ON c.id = g.contact_id AND c.deleted_at IS NULL GROUP BY g.goal_id"
    )
    return {int(g): int(n) for g, n in rows}


def people_for_goal(workbook: Workbook, goal_id: int, limit: int = 50) -> list[tuple[int, str, str]]:
    """Up to ``limit`` live people linked to a goal, as (id, name, tie), by name."""
    rows = workbook.read(
        "SELECT c.id, c.name, c.tie FROM contact_goals g JOIN contacts c ON c.id = g.contact_id "
        "WHERE g.goal_id = ? AND c.deleted_at IS NULL ORDER BY lower(c.name), c.id LIMIT ?",
        [goal_id, limit],
    )
    return [(int(i), n, t) for i, n, t in rows]


def _up_the_chains(seed: str) -> str:
    """The live people a seed query names, and everyone up their introduction chains (a few hops at most)."""
    return f"""
WITH RECURSIVE up(id, depth) AS (
    {seed}
    UNION
    SELECT c.introduced_by, up.depth + 1 FROM up JOIN contacts c ON c.id = up.id
    WHERE c.introduced_by IS NOT NULL AND c.tie = 'weak' AND up.depth < ?
)
SELECT id, name, tie, introduced_by FROM contacts
WHERE deleted_at IS NULL AND id IN (SELECT id FROM up)
"""


# Weak ties with an introducer: the people worth an introduction.
_CHAINS = _up_the_chains(
    "SELECT id, 0 FROM contacts WHERE deleted_at IS NULL AND tie = 'weak' AND introduced_by IS NOT NULL"
)
# Everyone linked to a goal: what reach_goals needs.
_REACH = _up_the_chains(
    "SELECT c.id, 0 FROM contact_goals g JOIN contacts c ON c.id = g.contact_id WHERE c.deleted_at IS NULL"
)


def introduction_people(workbook: Workbook, max_hops: int = MAX_HOPS) -> list[Person]:
    """The people introduction paths can run through: weak ties with an introducer, and their introducers."""
    rows = workbook.read(_CHAINS, [max_hops])
    return [Person(int(i), n, t, None if b is None else int(b)) for i, n, t, b in rows]


def introduction_goal_links(workbook: Workbook) -> dict[int, list[int]]:
    """Goal id -> ids of the weak ties with an introducer who are linked to it (the people worth an introduction)."""
    rows = workbook.read(
        "SELECT g.goal_id, array_agg(g.contact_id ORDER BY g.contact_id) FROM contact_goals g "
        "JOIN contacts c ON c.id = g.contact_id AND c.deleted_at IS NULL "
        "AND c.tie = 'weak' AND c.introduced_by IS NOT NULL GROUP BY g.goal_id"
    )
    return {int(g): [int(c) for c in ids] for g, ids in rows}


def reach_people(workbook: Workbook, max_hops: int = MAX_HOPS) -> list[Person]:
    """Every live person linked to a goal, and the live people up their introduction chains."""
    rows = workbook.read(_REACH, [max_hops])
    return [Person(int(i), n, t, None if b is None else int(b)) for i, n, t, b in rows]


def goal_links(workbook: Workbook) -> dict[int, list[int]]:
    """Goal id -> ids of every live person linked to it."""
    rows = workbook.read(
        "SELECT g.goal_id, array_agg(g.contact_id ORDER BY g.contact_id) FROM contact_goals g "
        "JOIN contacts c ON c.id = g.contact_id AND c.deleted_at IS NULL GROUP BY g.goal_id"
    )
    return {int(g): [int(c) for c in ids] for g, ids in rows}
