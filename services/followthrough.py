"""The follow-through loop's use cases: the loops still open, thank, report back, and the weekly chart.

Home, tip 3, tip 6 and a person's card all call these, so a thank-you or report-back logged in one
place closes the loop everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from core.followthrough import REPORT, THANK, HelpLoop, week_of
from core.outreach import describe_help
from services.workbooks import Workbook
from store import followthrough as store

SHOWN = 10
CHART_WEEKS = 12


@dataclass(frozen=True)
class LoopOverview:
    """How many loops there are, how many are open, the newest open ones, and the weekly counts."""

    total: int
    open: int
    loops: tuple[HelpLoop, ...]
    weeks: tuple[tuple[date, int, int], ...]

    @property
    def closed(self) -> int:
        return self.total - self.open


def _loop(row: dict) -> HelpLoop:
    return HelpLoop(
        help_id=int(row["id"]),
        contact_id=int(row["contact_id"]),
        name=row["name"],
        happened_on=row["happened_on"],
        help=describe_help(row["kind"], row["request_kind"], row["note"]),
        channel=row["channel"] or "",
        thanked_on=row["thanked_on"],
        reported_on=row["reported_on"],
        outcome=row["outcome"] or "",
    )


def open_loops(workbook: Workbook, limit: int = SHOWN, contact_ids: Iterable[int] | None = None) -> list[HelpLoop]:
    """The newest help still owed a thank-you or a report (from the day it was logged), newest first."""
    return [_loop(r) for r in store.list_loops(workbook, open_only=True, limit=limit, contact_ids=contact_ids)]


def open_loop_by_person(workbook: Workbook, contact_ids: Iterable[int]) -> dict[int, HelpLoop]:
    """For each of these people with help still to follow through, their newest open loop."""
    found: dict[int, HelpLoop] = {}
    for loop in open_loops(workbook, limit=5000, contact_ids=contact_ids):
        found.setdefault(loop.contact_id, loop)
    return found


def person_loops(workbook: Workbook, contact_id: int, limit: int = SHOWN) -> list[HelpLoop]:
    """Every loop on help from this person, open or closed, newest first."""
    return [_loop(r) for r in store.list_loops(workbook, limit=limit, contact_ids=[contact_id])]


@dataclass(frozen=True)
class LoopSummary:
    """How many loops there are, how many are open, and the newest open ones."""

    total: int
    open: int
    newest: tuple[HelpLoop, ...]


def loop_summary(workbook: Workbook, shown: int = SHOWN) -> LoopSummary:
    """The loops in all and still open, with the ``shown`` newest open ones, from one query: home, its week
    and the progress checks ask it alike, so within one cached result the database is asked once."""
    total, still_open, newest = store.summarize_loops(workbook, shown)
    return LoopSummary(total, still_open, tuple(_loop(r) for r in newest))


def overview(workbook: Workbook, today: date, shown: int = SHOWN, weeks: int = CHART_WEEKS) -> LoopOverview:
    """The counts, the ``shown`` newest open loops and loops opened and closed per week."""
    first = week_of(today) - timedelta(weeks=weeks - 1)
    total, still_open, newest, by_week = store.loops_overview(workbook, shown, first)
    counted = {week: (opened, closed) for week, opened, closed in by_week}
    mondays = [first + timedelta(weeks=n) for n in range(weeks)]
    return LoopOverview(
        total=total,
        open=still_open,
        loops=tuple(_loop(r) for r in newest),
        weeks=tuple((m, *counted.get(m, (0, 0))) for m in mondays),
    )


def thank(workbook: Workbook, help_id: int, today: date, channel: str = "", note: str = "") -> int:
    """Log a thank-you for this help today (the way they helped, or by email); returns its id."""
    return store.log_step(workbook, help_id, THANK, today=today, channel=channel, note=note)


def report_back(workbook: Workbook, help_id: int, outcome: str, note: str, today: date, channel: str = "") -> int:
    """Log that you told them how their help turned out (an outcome from the list, a short note)."""
    return store.log_step(workbook, help_id, REPORT, today=today, channel=channel, outcome=outcome, note=note)
