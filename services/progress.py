"""Progress through the six tips: the facts gathered once, judged by core.progress, for home and the room."""

from __future__ import annotations

from datetime import date

from core.model import DESTINATION_KINDS
from core.progress import ProgressFacts, TipStatus, assess_tips
from core.progress import tips_done as done_by_rules
from core.schedule import count_overdue
from services import followthrough
from services.workbooks import Workbook
from store import contacts, maintenance, outreach, ratings
from store.goals import list_goals

THANKS_SHOWN = 2


def tip_progress(workbook: Workbook, today: date) -> list[TipStatus]:
    """Each of the six tips: done or not, what counts as done, and the next step."""
    return assess_tips(gather_facts(workbook, today), today)


def tips_done(workbook: Workbook, today: date) -> frozenset[int]:
    """The numbers of the tips done, by the same rules as :func:`tip_progress`."""
    return done_by_rules(gather_facts(workbook, today), today)


def thanks_owed(workbook: Workbook, today: date, limit: int = THANKS_SHOWN) -> list[dict]:
    """The most recent help still unthanked after tip 3's grace period, newest first."""
    return outreach.owed_follow_ups(workbook, today, outreach.get_follow_up_days(workbook), limit=limit)


def gather_facts(workbook: Workbook, today: date) -> ProgressFacts:
    """The few counts the six checks need (each an aggregate in SQL)."""
    latest = ratings.latest_ratings(workbook, 1)
    return ProgressFacts(
        circles=contacts.count_by_circle(workbook),
        targets=len(outreach.list_targets(workbook)),
        agreed=outreach.reference_step_counts(workbook).get("agreed", 0),
        asks=sum(n for _, _, n in outreach.asks_by_kind_and_outcome(workbook)),
        owed=followthrough.open_follow_throughs(workbook),  # every helper thanked and told how it went
        rated_on=latest[0].taken_on if latest else None,
        ties=frozenset(tie for _, tie, n in contacts.count_by_circle_and_tie(workbook) if n),
        destinations=len(list_goals(workbook, DESTINATION_KINDS)),
        keys=maintenance.count_key_contacts(workbook),
        overdue=count_overdue(maintenance.list_key_contacts(workbook), today),
    )
