"""Home: the next few actions (one click each), this week against its goal, progress through the six tips,
and the headline charts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from core.circles import count_circles, describe_coverage
from core.followthrough import HelpLoop, describe_loop, describe_loops
from core.priority import Suggestion
from core.progress import TipStatus
from core.rating import describe_history
from core.reciprocity import describe_balances
from core.schedule import describe_schedule
from services import followthrough, plan, progress
from services.workbooks import Workbook
from store import contacts, maintenance, ratings
from store.interactions import log_interaction

ACTIONS = 5
LOOPS_SHOWN = 3  # open loops first, leaving room for people to contact (of progress.OPEN_SHOWN read for the week)
WEEKS = 4  # home shows the first weeks of the plan
BALANCE_PEOPLE = 5
NO_RATING = "No ratings yet: take tip 4's five-question rating to see your score here."


@dataclass(frozen=True)
class NextAction:
    """One thing to do next: thank someone for their help, or get in touch with them."""

    kind: str  # "loop" (thank them, tell them how it went) or "contact"
    contact_id: int
    name: str
    why: str
    loop: HelpLoop | None = None  # the help a "loop" action follows


@dataclass(frozen=True)
class Glance:
    """One headline chart: the values it draws (None when there is nothing to draw) and its reading."""

    data: Any
    reading: str


@dataclass(frozen=True)
class HomeOverview:
    """Everything the home page shows."""

    started: bool  # somebody is listed
    progress: tuple[TipStatus, ...]
    actions: tuple[NextAction, ...]
    loops: str  # the follow-through loops in one line ("" before any help is logged)
    circles: Glance
    rating: Glance
    balance: Glance
    schedule: Glance
    week: progress.ThisWeek

    @property
    def tips_done(self) -> int:
        """How many of the six tips are done."""
        return sum(s.done for s in self.progress)


def overview(workbook: Workbook, today: date) -> HomeOverview:
    """The home page's progress, next actions and charts, ranking who to contact next once."""
    ranked = plan.ranked_list(workbook, today)
    counts = contacts.count_by_circle(workbook)
    week = progress.this_week(workbook, today)
    loops = followthrough.loop_summary(workbook)  # the same question the week asked: answered once
    return HomeOverview(
        started=sum(counts.values()) > 0,
        progress=tuple(progress.tip_progress(workbook, today)),
        actions=tuple(next_actions(week.owed.newest[:LOOPS_SHOWN], ranked)),
        loops=describe_loops(loops.total, loops.open),
        circles=Glance(count_circles(counts) if sum(counts.values()) else None, describe_coverage(counts)),
        rating=_rating_glance(workbook),
        balance=_balance_glance(workbook),
        schedule=_schedule_glance(workbook, today, ranked),
        week=week,
    )


def next_actions(open_loops: Sequence[HelpLoop], ranked: list[Suggestion]) -> list[NextAction]:
    """Up to five actions: help still owed a thank-you or a report first (from the day it is logged), then who
    to contact next (nobody twice, nobody met today)."""
    actions = [
        NextAction(
            "loop",
            loop.contact_id,
            loop.name,
            f"{loop.help.capitalize()} on {loop.happened_on:%d %b %Y}: {describe_loop(loop)}.",
            loop,
        )
        for loop in open_loops
    ]
    seen = {a.contact_id for a in actions}
    for s in ranked:
        if len(actions) >= ACTIONS:
            break
        if s.contact_id not in seen and not s.contacted_today:
            seen.add(s.contact_id)
            actions.append(NextAction("contact", s.contact_id, s.name, s.reasons[0].text if s.reasons else s.summary))
    return actions


def mark_action_done(workbook: Workbook, action: NextAction, today: date) -> None:
    """One click: log a catch-up today (a loop's steps have their own buttons: services.followthrough)."""
    log_interaction(workbook, action.contact_id, today, "catch_up", today=today)


def _rating_glance(workbook: Workbook) -> Glance:
    history = [(r.taken_on, r.score) for r in ratings.list_ratings(workbook)]
    return Glance(history or None, describe_history(history) if history else NO_RATING)


def _balance_glance(workbook: Workbook) -> Glance:
    extremes = maintenance.balance_extremes(workbook, BALANCE_PEOPLE)
    return Glance(extremes or None, describe_balances(maintenance.tally_everyone(workbook), extremes))


def _schedule_glance(workbook: Workbook, today: date, ranked: list[Suggestion]) -> Glance:
    schedule = plan.plan_from_ranking(workbook, ranked, today, WEEKS)
    this_week = ", ".join(f"{s.name} ({s.on:%a})" for s in schedule.weeks[0].slots)
    reading = describe_schedule(schedule) + (f" This week: {this_week}." if this_week else "")
    return Glance(schedule if schedule.slots else None, reading)
