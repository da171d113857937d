"""Queries for progress over weeks and tip 4's upgrade plan: each an aggregate, so a large workbook stays fast."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

from core.model import TIES
from core.upgrade import Destination, NetworkAge
from store.sql import TEXTS
from store.workbook import Workbook

_LIVE = "JOIN contacts c ON c.id = i.contact_id AND c.deleted_at IS NULL"


def count_kept_in_touch(workbook: Workbook, span_days: int, at_most: int) -> int:
    """How many live people you have been in touch with on dates more than ``span_days`` apart, counted
    up to ``at_most``: tip 3 needs to know only whether there are that many, and the count stops there
    (on PostgreSQL, counting all of 30,000 people took 125 ms; stopping at three, 1 ms)."""
    row = workbook.read_one(
        "SELECT count(*) FROM (SELECT i.contact_id FROM interactions i "
        f"{_LIVE} GROUP BY i.contact_id HAVING max(i.happened_on) > min(i.happened_on) + ? LIMIT ?) AS kept",
        [span_days, at_most],
    )
    return int(row[0])


def tie_kinds_reached(workbook: Workbook) -> frozenset[str]:
    """The kinds of tie (strong, weak) among the live people with at least one logged interaction.

    One look per kind that stops at the first such person, not a pass over every interaction.
    """
    rows = workbook.read(
        " UNION ALL ".join(
            f"SELECT '{tie}' WHERE EXISTS (SELECT 1 FROM interactions i {_LIVE} WHERE c.tie = '{tie}')" for tie in TIES
        )
    )
    return frozenset(tie for (tie,) in rows)


def key_contact_dates(workbook: Workbook, today: date, window_days: int) -> dict[int, tuple[int, list[date]]]:
    """Each live key contact's cadence and the days you were in touch that matter for the last ``window_days``.

    Only days from one cadence before the window onwards are read: an older contact cannot cover it.
    """
    start = today - timedelta(days=window_days)
    rows = workbook.read(
        "SELECT c.id, c.cadence_days, i.happened_on FROM contacts c "
        "LEFT JOIN interactions i ON i.contact_id = c.id AND i.happened_on <= ? "
        "AND i.happened_on >= CAST(? AS DATE) - c.cadence_days "
        "WHERE c.deleted_at IS NULL AND c.is_key AND c.cadence_days IS NOT NULL "
        "GROUP BY c.id, c.cadence_days, i.happened_on ORDER BY c.id, i.happened_on",
        [today, start],
    )
    found: dict[int, tuple[int, list[date]]] = {}
    for contact_id, cadence, day in rows:
        entry = found.setdefault(int(contact_id), (int(cadence), []))
        if day is not None:
            entry[1].append(day)
    return found


# On the stored time itself, not its day, so that an index can range over it.
NEW_BY_HAND_SINCE = (
    "SELECT CAST(created_at AS DATE) AS day, count(*) FROM contacts "
    "WHERE deleted_at IS NULL AND source = '' AND created_at >= ? GROUP BY 1 ORDER BY 1"
)


def new_people_by_day(workbook: Workbook, since: date) -> list[tuple[date, int]]:
    """People added by hand (not imported) per day since ``since``, by the day they were added."""
    rows = workbook.read(NEW_BY_HAND_SINCE, [datetime.combine(since, time.min)])
    return [(d, int(n)) for d, n in rows]


def interviews_by_day(
    workbook: Workbook, since: date, kinds: Iterable[str], requests: Iterable[str], channels: Iterable[str]
) -> list[tuple[date, int]]:
    """Informational interviews per day since ``since``: conversations of these kinds, requests and channels."""
    rows = workbook.read(
        f"SELECT i.happened_on, count(*) FROM interactions i {_LIVE} "
        f"WHERE i.happened_on >= ? AND i.kind IN {TEXTS} AND i.request_kind IN {TEXTS} AND i.channel IN {TEXTS} "
        "GROUP BY 1 ORDER BY 1",
        [since, list(kinds), list(requests), list(channels)],
    )
    return [(d, int(n)) for d, n in rows]


def network_age(workbook: Workbook, today: date, past_circles: Iterable[str], silent_days: int) -> NetworkAge:
    """The live people; those linked to any goal; those from past circles; those silent for over ``silent_days``."""
    row = workbook.read_one(
        "SELECT count(*), "
        "count(*) FILTER (WHERE EXISTS (SELECT 1 FROM contact_goals g WHERE g.contact_id = c.id)), "
        f"count(*) FILTER (WHERE c.circle IN {TEXTS}), "
        "count(*) FILTER (WHERE c.last_contacted_on < ?) "
        "FROM contacts c WHERE c.deleted_at IS NULL",
        [list(past_circles), today - timedelta(days=silent_days)],
    )
    people, forward, past, silent = (int(n or 0) for n in row)
    return NetworkAge(people, forward, past, silent)


def destinations_with_links(workbook: Workbook, kinds: Iterable[str]) -> list[Destination]:
    """Tip 5's destinations, by priority, with their status and how many live people are linked to each."""
    rows = workbook.read(
        "SELECT g.id, g.kind, g.title, coalesce(g.status, ''), count(c.id) FROM goals g "
        "LEFT JOIN contact_goals l ON l.goal_id = g.id "
        "LEFT JOIN contacts c ON c.id = l.contact_id AND c.deleted_at IS NULL "
        f"WHERE g.kind IN {TEXTS} GROUP BY g.id, g.kind, g.title, g.status, g.priority ORDER BY g.priority, g.id",
        [list(kinds)],
    )
    return [Destination(int(i), k, t, s, int(n)) for i, k, t, s, n in rows]
