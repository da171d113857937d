"""Who to contact next and the weekly plan (tip 6), once, for home, tip 6, the exports and the CLI."""

from __future__ import annotations

from datetime import date, datetime

from core.priority import Suggestion, rank_contacts
from core.schedule import DEFAULT_WEEKS, Pick, Schedule, plan_weeks
from fileio.ical import FILE_NAME as CALENDAR_FILE_NAME
from fileio.ical import MEDIA_TYPE as CALENDAR_MEDIA_TYPE
from fileio.ical import export_schedule
from services.workbooks import Workbook
from store import maintenance

__all__ = [
    "CALENDAR_FILE_NAME",
    "CALENDAR_MEDIA_TYPE",
    "calendar_file",
    "plan_from_ranking",
    "ranked_list",
    "weekly_plan",
]


def ranked_list(workbook: Workbook, today: date) -> list[Suggestion]:
    """Everyone who needs your attention, best first, each with the reasons in plain words."""
    return rank_contacts(maintenance.load_candidates(workbook, today), today)


def weekly_plan(workbook: Workbook, today: date, weeks: int = DEFAULT_WEEKS) -> Schedule:
    """The plan for the next ``weeks`` weeks: key contacts at their cadence, the ranked list in the free places."""
    return plan_from_ranking(workbook, ranked_list(workbook, today), today, weeks)


def plan_from_ranking(workbook: Workbook, ranked: list[Suggestion], today: date, weeks: int) -> Schedule:
    """The weekly plan from a ranking already made (for a view that shows both, so it ranks once)."""
    capacity = maintenance.get_capacity(workbook)
    keys = maintenance.list_key_contacts(workbook)
    picks = [Pick(s.contact_id, s.name, s.summary) for s in ranked[: capacity * weeks + len(keys)]]
    return plan_weeks(keys, picks, today, capacity=capacity, weeks=weeks)


def calendar_file(workbook: Workbook, now: datetime, weeks: int = DEFAULT_WEEKS) -> bytes:
    """The weekly plan from ``now``'s day as an iCalendar file (key contacts recur at their cadence)."""
    return export_schedule(weekly_plan(workbook, now.date(), weeks), now)
