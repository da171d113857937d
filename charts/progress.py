"""The weekly goal's chart: new people and informational interviews in each of the last weeks, and the goal."""

from __future__ import annotations

import altair as alt
import pandas as pd

from charts import OKABE_ITO
from core.weekly import WeeklyGoal, WeekTally

NEW_PEOPLE = "New people"
INTERVIEWS = "Informational interviews"
MEASURE_COLOURS = {NEW_PEOPLE: OKABE_ITO[0], INTERVIEWS: OKABE_ITO[1]}
TITLE = "Your weeks against your goal"
HEIGHT = 300


def weeks_frame(weeks: tuple[WeekTally, ...], goal: WeeklyGoal) -> pd.DataFrame:
    """One row per week and measure: the count, the goal, and whether the goal was reached."""
    rows = []
    for week in weeks:
        label = f"{week.starts_on:%d %b}"
        for measure, count, target in (
            (NEW_PEOPLE, week.new_people, goal.new_people),
            (INTERVIEWS, week.interviews, goal.interviews),
        ):
            rows.append(
                {
                    "week": label,
                    "measure": measure,
                    "count": int(count),
                    "goal": int(target),
                    "reached": "goal reached" if count >= target else "below goal",
                }
            )
    return pd.DataFrame(rows, columns=["week", "measure", "count", "goal", "reached"])


def weekly_goal_chart(weeks: tuple[WeekTally, ...], goal: WeeklyGoal) -> alt.LayerChart:
    """Side-by-side bars per week (whole-number axis), with a black tick at each measure's goal."""
    data = weeks_frame(weeks, goal)
    top = max([goal.new_people, goal.interviews, *data["count"].tolist(), 1]) + 1
    order = list(dict.fromkeys(data["week"]))
    base = alt.Chart(data).encode(
        x=alt.X("week:O", sort=order, title="Week starting", axis=alt.Axis(labelAngle=0)),
        xOffset=alt.XOffset("measure:N", sort=list(MEASURE_COLOURS)),
        tooltip=[
            alt.Tooltip("week:O", title="Week of"),
            alt.Tooltip("measure:N", title="What"),
            alt.Tooltip("count:Q", title="This week", format="d"),
            alt.Tooltip("goal:Q", title="Goal", format="d"),
            alt.Tooltip("reached:N", title="Goal"),
        ],
    )
    scale = alt.Scale(domain=[0, top], nice=False)
    y = alt.Y(
        "count:Q", title="How many", scale=scale, axis=alt.Axis(format="d", tickMinStep=1, tickCount=min(top, 10))
    )
    bars = base.mark_bar().encode(
        y=y,
        color=alt.Color(
            "measure:N",
            scale=alt.Scale(domain=list(MEASURE_COLOURS), range=list(MEASURE_COLOURS.values())),
            legend=alt.Legend(title=None, orient="bottom"),
        ),
    )
    goals = base.mark_tick(color="#000000", thickness=2).encode(y=alt.Y("goal:Q", scale=scale))
    return (bars + goals).properties(title=TITLE, height=HEIGHT, width="container")
