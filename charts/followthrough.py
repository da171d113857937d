"""The follow-through loop over time: pieces of help that opened a loop, and loops closed, per week."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import altair as alt
import pandas as pd

from charts import OKABE_ITO

OPENED, CLOSED = "Help received (loop opened)", "Thanked and told (loop closed)"


def loops_by_week_chart(weeks: Sequence[tuple[date, int, int]]) -> alt.LayerChart:
    """Two lines over the weeks, opened and closed (dashed, square points); whole numbers on the axis, even at zero."""
    rows = []
    for monday, opened, closed in weeks:
        label = f"{monday:%d %b}"
        rows.append({"week": label, "what": OPENED, "loops": int(opened), "order": 0})
        rows.append({"week": label, "what": CLOSED, "loops": int(closed), "order": 1})
    data = pd.DataFrame(rows, columns=["week", "what", "loops", "order"])
    top = max([int(r["loops"]) for r in rows] + [1])
    order = [f"{m:%d %b}" for m, _, _ in weeks]
    step = max(1, -(-top // 5))
    series = alt.Scale(domain=[OPENED, CLOSED], range=[OKABE_ITO[1], OKABE_ITO[2]])
    legend = alt.Legend(title=None, orient="top", direction="vertical", labelLimit=320)
    base = alt.Chart(data).encode(
        x=alt.X("week:O", sort=order, title="Week starting", axis=alt.Axis(labelAngle=-45)),
        y=alt.Y(
            "loops:Q",
            title="Loops",
            scale=alt.Scale(domain=[0, top + step], nice=False),
            axis=alt.Axis(format="d", values=list(range(0, top + step + 1, step)), labelOverlap=False),
        ),
        color=alt.Color("what:N", scale=series, legend=legend),
        tooltip=[
            alt.Tooltip("week:O", title="Week starting"),
            alt.Tooltip("what:N", title="What"),
            alt.Tooltip("loops:Q", title="How many", format="d"),
        ],
    )
    # Colour is never the only signal: the two series differ in dash and in the shape of their points.
    lines = base.mark_line().encode(
        strokeDash=alt.StrokeDash(
            "what:N", scale=alt.Scale(domain=[OPENED, CLOSED], range=[[1, 0], [6, 3]]), legend=None
        )
    )
    points = base.mark_point(filled=True, size=60).encode(
        shape=alt.Shape("what:N", scale=alt.Scale(domain=[OPENED, CLOSED], range=["circle", "square"]), legend=legend)
    )
    return (lines + points).properties(
        title="Follow-through loops opened and closed per week", height=240, width="container"
    )
