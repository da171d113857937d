"""The follow-through loop: every piece of help opens a loop of two steps, thank and report back.

The loop closes once both are done, in either order. A thank-you or a report linked to the help
(``interactions.help_id``) counts; so does an older, unlinked one to the same person on or after the
day of the help, so workbooks kept before the link existed do not suddenly owe everyone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from core.model import REPORT_OUTCOMES
from core.text import plural

THANK = "thank"
REPORT = "report"
CLOSED = "closed"
STEP_LABELS: dict[str, str] = {THANK: "Thank them", REPORT: "Tell them how it went"}
THANK_KINDS = ("thank_you",)
REPORT_KINDS = ("update", "follow_up")
MAX_NOTE_CHARS = 1000


@dataclass(frozen=True)
class HelpLoop:
    """One piece of help and how far its loop has come."""

    help_id: int
    contact_id: int
    name: str
    happened_on: date
    help: str  # what they did, after their name ("helped you with an introduction")
    channel: str = ""
    thanked_on: date | None = None
    reported_on: date | None = None
    outcome: str = ""  # a key of REPORT_OUTCOMES once reported through the loop

    @property
    def steps_left(self) -> tuple[str, ...]:
        return steps_left(self.thanked_on, self.reported_on)

    @property
    def state(self) -> str:
        return loop_state(self.thanked_on, self.reported_on)

    @property
    def closed_on(self) -> date | None:
        return closed_on(self.thanked_on, self.reported_on)


def steps_left(thanked_on: date | None, reported_on: date | None) -> tuple[str, ...]:
    """The steps still to do, thank first."""
    return tuple(step for step, done in ((THANK, thanked_on), (REPORT, reported_on)) if done is None)


def loop_state(thanked_on: date | None, reported_on: date | None) -> str:
    """THANK or REPORT (the next step still to do), or CLOSED once both are done."""
    left = steps_left(thanked_on, reported_on)
    return left[0] if left else CLOSED


def closed_on(thanked_on: date | None, reported_on: date | None) -> date | None:
    """The day the second step was done, or None while the loop is open."""
    return max(thanked_on, reported_on) if thanked_on and reported_on else None


def describe_loop(loop: HelpLoop) -> str:
    """Where the loop stands, after the person's name, in one line."""
    state = loop.state
    if state == CLOSED:
        how = REPORT_OUTCOMES.get(loop.outcome, "")
        return f"thanked and told how it went{f' ({how.lower()})' if how else ''}"
    if state == THANK and loop.reported_on is None:
        return "not yet thanked, nor told how it went"
    return "not yet thanked" if state == THANK else "thanked; not yet told how it went"


def describe_loops(total: int, still_open: int) -> str:
    """The follow-through loops in one line; empty before any help is logged."""
    if not total:
        return ""
    closed = total - still_open
    if not still_open:
        return f"Every helper thanked and told how it went: {closed:,} of {plural(total, 'loop')} closed."
    owe = "still owes" if still_open == 1 else "still owe"
    return f"{closed:,} of {plural(total, 'loop')} closed; {still_open:,} {owe} a thank-you or news of how it went."


def check_report(outcome: str, note: str) -> str | None:
    """The one problem with a report-back, or None."""
    if outcome not in REPORT_OUTCOMES:
        choices = ", ".join(v.lower() for v in REPORT_OUTCOMES.values())
        return f"Choose how it went ({choices})."
    if len(note) > MAX_NOTE_CHARS:
        return f"The note is {len(note):,} characters; keep it under {MAX_NOTE_CHARS:,}."
    return None


def week_of(day: date) -> date:
    """The Monday of the week a day falls in."""
    return day - timedelta(days=day.weekday())


def loops_by_week(loops: Iterable[HelpLoop], weeks: int, today: date) -> list[tuple[date, int, int]]:
    """(Monday, loops opened, loops closed) for each of the last ``weeks`` weeks, oldest first."""
    first = week_of(today) - timedelta(weeks=weeks - 1)
    opened = dict.fromkeys((first + timedelta(weeks=n) for n in range(weeks)), 0)
    closed = dict(opened)
    for loop in loops:
        if week_of(loop.happened_on) in opened:
            opened[week_of(loop.happened_on)] += 1
        done = loop.closed_on
        if done and week_of(done) in closed:
            closed[week_of(done)] += 1
    return [(week, opened[week], closed[week]) for week in opened]
