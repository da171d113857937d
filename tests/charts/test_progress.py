"""The weekly goal's chart: counts on a whole-number axis, the goal drawn, readable with nothing logged."""

from __future__ import annotations

from datetime import date

from charts.progress import INTERVIEWS, NEW_PEOPLE, TITLE, weekly_goal_chart, weeks_frame
from core.weekly import WeeklyGoal, WeekTally, tally_weeks

TODAY = date(2026, 11, 25)
GOAL = WeeklyGoal(3, 1)


def test_each_week_has_a_bar_per_measure_and_says_whether_the_goal_was_reached():
    weeks = (WeekTally(date(2026, 11, 16), 4, 0), WeekTally(date(2026, 11, 23), 1, 1))
    frame = weeks_frame(weeks, GOAL)
    assert frame[["week", "measure", "count", "reached"]].values.tolist() == [
        ["16 Nov", NEW_PEOPLE, 4, "goal reached"],
        ["16 Nov", INTERVIEWS, 0, "below goal"],
        ["23 Nov", NEW_PEOPLE, 1, "below goal"],
        ["23 Nov", INTERVIEWS, 1, "goal reached"],
    ]


def test_an_empty_workbook_draws_eight_weeks_on_a_whole_number_axis_with_the_legend_below_the_title():
    spec = weekly_goal_chart(tally_weeks([], [], TODAY, 8), GOAL).to_dict()
    assert spec["title"] == TITLE
    bars, ticks = spec["layer"]
    assert (bars["mark"]["type"], ticks["mark"]["type"]) == ("bar", "tick")
    y = bars["encoding"]["y"]
    assert y["axis"]["format"] == "d" and y["axis"]["tickMinStep"] == 1
    assert y["scale"]["domain"] == [0, 4]  # room above the goal of 3, even with nothing logged
    assert bars["encoding"]["color"]["legend"]["orient"] == "bottom"
    rows = next(iter(spec["datasets"].values()))
    assert len(rows) == 16 and all(r["count"] == 0 for r in rows)
