"""Progress through the six tips and week by week: the facts gathered once, judged by core.

Home, the workshop's shared figures and the exports all read progress from here, so they agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from core.errors import InvalidInput
from core.followthrough import HelpLoop
from core.model import DESTINATION_KINDS
from core.progress import (
    ASKS_MIN,
    CADENCE_WINDOW_DAYS,
    KEPT_MIN_PEOPLE,
    KEPT_SPAN_DAYS,
    ProgressFacts,
    TipStatus,
    assess_tips,
    kept_on_cadence,
)
from core.progress import tips_done as done_by_rules
from core.schedule import count_overdue, first_due, week_start
from core.weekly import (
    CHART_WEEKS,
    GOAL_KEYS,
    INTERVIEW_CHANNELS,
    INTERVIEW_KINDS,
    INTERVIEW_REQUESTS,
    WeeklyGoal,
    WeekTally,
    check_goal,
    describe_week,
    describe_weeks,
    read_goal,
    tally_weeks,
)
from services import followthrough
from services.workbooks import Workbook
from store import contacts, maintenance, outreach, ratings
from store import progress as store_progress
from store.goals import list_goals
from store.settings import get_setting, set_setting

THANKS_SHOWN = 2
OPEN_SHOWN = 5
DUE_SHOWN = 8


@dataclass(frozen=True)
class FollowThroughs:
    """Help received whose loop is still open (not yet thanked, or not yet told how it went): how many, the newest."""

    count: int
    newest: tuple[HelpLoop, ...] = ()


@dataclass(frozen=True)
class DueContact:
    """A key contact due this week: who, and the day they fall due."""

    contact_id: int
    name: str
    due_on: date


@dataclass(frozen=True)
class ThisWeek:
    """Home's "this week": who is due, thanks owed, the goal and its weeks."""

    starts_on: date
    due: tuple[DueContact, ...]
    due_count: int
    owed: FollowThroughs
    goal: WeeklyGoal
    weeks: tuple[WeekTally, ...]  # the last eight, this one last
    reading: str  # this week against the goal
    weeks_reading: str  # the chart's reading

    @property
    def met(self) -> bool:
        """True when this week's goal is met."""
        return self.weeks[-1].met(self.goal)


def tip_progress(workbook: Workbook, today: date) -> list[TipStatus]:
    """Each of the six tips: done or not, what counts as done, and the next step."""
    return assess_tips(gather_facts(workbook, today), today)


def tips_done(workbook: Workbook, today: date) -> frozenset[int]:
    """The numbers of the tips done, by the same rules as :func:`tip_progress`."""
    return done_by_rules(gather_facts(workbook, today), today)


def thanks_owed(workbook: Workbook, today: date, limit: int = THANKS_SHOWN) -> list[dict]:
    """The most recent help still unthanked after tip 3's grace period, newest first."""
    return outreach.owed_follow_ups(workbook, today, outreach.get_follow_up_days(workbook), limit=limit)


def open_follow_throughs(workbook: Workbook, today: date, limit: int = OPEN_SHOWN) -> FollowThroughs:
    """Help received whose loop is open, from the day it was received (no grace period).

    The one place progress, home's week and the exports ask "is every helper thanked and told how it went?".
    """
    summary = followthrough.loop_summary(workbook, max(limit, followthrough.SHOWN))
    return FollowThroughs(summary.open, summary.newest[:limit])


def gather_facts(workbook: Workbook, today: date) -> ProgressFacts:
    """The few counts the six checks need (each an aggregate in SQL)."""
    keys = store_progress.key_contact_dates(workbook, today, CADENCE_WINDOW_DAYS)
    return ProgressFacts(
        circles=contacts.count_by_circle(workbook),
        ties=frozenset(tie for _, tie, n in contacts.count_by_circle_and_tie(workbook) if n),
        targets=len(outreach.list_targets(workbook)),
        asks=outreach.count_asks(workbook, ASKS_MIN),
        unthanked=open_follow_throughs(workbook, today, limit=0).count,
        kept=store_progress.count_kept_in_touch(workbook, KEPT_SPAN_DAYS, KEPT_MIN_PEOPLE),
        ratings=tuple((r.taken_on, r.score) for r in ratings.list_ratings(workbook)),
        reached=store_progress.tie_kinds_reached(workbook),
        destinations=len(list_goals(workbook, DESTINATION_KINDS)),
        keys=len(keys),
        keys_kept=sum(kept_on_cadence(days, cadence, today) for cadence, days in keys.values()),
        overdue=count_overdue(maintenance.list_key_contacts(workbook), today),
    )


def weekly_goal(workbook: Workbook) -> WeeklyGoal:
    """The weekly goal the user set (3 new people and 1 informational interview until they do)."""
    return read_goal({name: get_setting(workbook, key) for name, key in GOAL_KEYS.items()})


def set_weekly_goal(workbook: Workbook, new_people: object, interviews: object) -> WeeklyGoal:
    """Keep a new weekly goal; refuses anything but whole numbers from 0 to 50, not both 0."""
    try:
        goal = check_goal(new_people, interviews)
    except ValueError as problem:
        raise InvalidInput(str(problem)) from None
    for name, key in GOAL_KEYS.items():
        set_setting(workbook, key, str(getattr(goal, name)))
    return goal


def week_history(workbook: Workbook, today: date, weeks: int = CHART_WEEKS) -> tuple[WeekTally, ...]:
    """New people and informational interviews in each of the last ``weeks`` weeks, this one last."""
    since = week_start(today) - timedelta(weeks=weeks - 1)
    return tally_weeks(
        store_progress.new_people_by_day(workbook, since),
        store_progress.interviews_by_day(workbook, since, INTERVIEW_KINDS, INTERVIEW_REQUESTS, INTERVIEW_CHANNELS),
        today,
        weeks,
    )


def this_week(workbook: Workbook, today: date) -> ThisWeek:
    """Who is due this week, the thanks owed, the goal met or not, and the last eight weeks."""
    monday = week_start(today)
    sunday = monday + timedelta(days=6)
    due = sorted(
        (
            DueContact(k.contact_id, k.name, first_due(k.cadence_days, k.last_contacted_on, today))
            for k in maintenance.list_key_contacts(workbook)
        ),
        key=lambda d: (d.due_on, d.name),
    )
    due = [d for d in due if d.due_on <= sunday]
    goal = weekly_goal(workbook)
    weeks = week_history(workbook, today)
    return ThisWeek(
        monday,
        tuple(due[:DUE_SHOWN]),
        len(due),
        open_follow_throughs(workbook, today),
        goal,
        weeks,
        describe_week(weeks[-1], goal),
        describe_weeks(weeks, goal),
    )
