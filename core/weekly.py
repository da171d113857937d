"""The weekly goal (new people and informational interviews a week) and the weeks it is counted over."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from core.schedule import week_start
from core.text import plural

GOAL_KEYS = {"new_people": "weekly_goal.new_people", "interviews": "weekly_goal.interviews"}
DEFAULT_GOAL = {"new_people": 3, "interviews": 1}
MAX_PER_WEEK = 50
CHART_WEEKS = 8
# An informational interview: a conversation (not an email) to ask for advice, information or an insider's view.
INTERVIEW_REQUESTS = ("advice", "information", "insider_view")
INTERVIEW_CHANNELS = ("in_person", "call", "video")
INTERVIEW_KINDS = ("ask", "help_received")


@dataclass(frozen=True)
class WeeklyGoal:
    """What you mean to do each week: new people added, informational interviews held."""

    new_people: int = DEFAULT_GOAL["new_people"]
    interviews: int = DEFAULT_GOAL["interviews"]


@dataclass(frozen=True)
class WeekTally:
    """What one week (Monday to Sunday) held."""

    starts_on: date
    new_people: int = 0
    interviews: int = 0

    def met(self, goal: WeeklyGoal) -> bool:
        """True when both parts of the goal were reached this week."""
        return self.new_people >= goal.new_people and self.interviews >= goal.interviews


def check_goal(new_people: object, interviews: object) -> WeeklyGoal:
    """The goal from what the user typed; raises ValueError with a sentence for the user when it is not one."""
    values = {}
    for name, value, what in (("new_people", new_people, "New people"), ("interviews", interviews, "Interviews")):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"{what} a week must be a whole number from 0 to {MAX_PER_WEEK}.")
        if not 0 <= value <= MAX_PER_WEEK:
            raise ValueError(f"{what} a week must be from 0 to {MAX_PER_WEEK}; {value} is outside that.")
        values[name] = value
    if not any(values.values()):
        raise ValueError("Set at least one part of the goal above 0: a week with no goal cannot be met or missed.")
    return WeeklyGoal(**values)


def read_goal(saved: Mapping[str, str]) -> WeeklyGoal:
    """The goal kept in settings (text); the default for a part missing or unreadable."""
    values = {}
    for name, default in DEFAULT_GOAL.items():
        text = saved.get(name, "")
        values[name] = int(text) if text.isdigit() and int(text) <= MAX_PER_WEEK else default
    return WeeklyGoal(**values)


def week_starts(today: date, weeks: int = CHART_WEEKS) -> list[date]:
    """The Mondays of the last ``weeks`` weeks, oldest first, ending with this one."""
    this = week_start(today)
    return [this - timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]


def tally_weeks(
    new_by_day: Iterable[tuple[date, int]], interviews_by_day: Iterable[tuple[date, int]], today: date, weeks: int
) -> tuple[WeekTally, ...]:
    """Per-day counts folded into the last ``weeks`` weeks (days outside them are left out)."""
    starts = week_starts(today, weeks)
    first = starts[0]
    new = dict.fromkeys(starts, 0)
    held = dict.fromkeys(starts, 0)
    for counts, into in ((new_by_day, new), (interviews_by_day, held)):
        for day, n in counts:
            if first <= day <= today:
                into[week_start(day)] += int(n)
    return tuple(WeekTally(s, new[s], held[s]) for s in starts)


def describe_week(tally: WeekTally, goal: WeeklyGoal) -> str:
    """This week's counts against the goal, in one sentence."""
    return (
        f"So far {plural(tally.new_people, 'new person', 'new people')} of {goal.new_people} and "
        f"{plural(tally.interviews, 'informational interview')} of {goal.interviews}."
    )


def describe_weeks(tallies: tuple[WeekTally, ...], goal: WeeklyGoal) -> str:
    """The reading beside the chart: how many of the weeks shown met the goal."""
    met = sum(t.met(goal) for t in tallies)
    if not any(t.new_people or t.interviews for t in tallies):
        weeks = len(tallies)
        return f"Nothing logged in the last {weeks} weeks yet: each week will show its new people and interviews."
    return f"The goal was met in {met} of the last {len(tallies)} weeks (this week included, still open)."
