"""The follow-through loop over time: pieces of help that opened a loop, and loops closed, per week."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import altair as alt
import pandas as pd

from charts import OKABE_ITO

OPENED, CLOSED = "Help received (loop opened)", "Thanked and told (loop closed)"
INK = "#1E2A2B"


def loops_by_week_chart(weeks: Sequence[tuple[date, int, int]]) -> alt.LayerChart:
    """Side-by-side bars per week, each labelled with its count; whole numbers on the axis, even at zero."""
    rows = []
    for monday, opened, closed in weeks:
        label = f"{monday:%d %b}"
        rows.append({"week": label, "what": OPENED, "loops": int(opened), "order": 0})
        rows.append({"week": label, "what": CLOSED, "loops": int(closed), "order": 1})
    data = pd.DataFrame(rows, columns=["week", "what", "loops", "order"])
    top = max([int(r["loops"]) for r in rows] + [1])
    order = [f"{m:%d %b}" for m, _, _ in weeks]
    base = alt.Chart(data).encode(
        x=alt.X("week:N", sort=order, title="Week starting", axis=alt.Axis(labelAngle=-45)),
        xOffset=alt.XOffset("what:N", sort=[OPENED, CLOSED]),
        tooltip=[
            alt.Tooltip("week:N", title="Week starting"),
            alt.Tooltip("what:N", title="What"),
            alt.Tooltip("loops:Q", title="How many"),
        ],
    )
    bars = base.mark_bar().encode(
        y=alt.Y(
            "loops:Q",
            title="Loops",
            scale=alt.Scale(domain=[0, top + 1], nice=False),
            axis=alt.Axis(format="d", tickMinStep=1, values=list(range(0, top + 2, max(1, (top + 1) // 5)))),
        ),
        color=alt.Color(
            "what:N",
            scale=alt.Scale(domain=[OPENED, CLOSED], range=[OKABE_ITO[1], OKABE_ITO[2]]),
            legend=alt.Legend(title=None, orient="bottom", direction="vertical"),
        ),
    )
    labels = base.mark_text(dy=-6, fontSize=11, color=INK).encode(
        y="loops:Q",
        text=alt.Text("loops:Q", format="d"),
        opacity=alt.condition("datum.loops > 0", alt.value(1), alt.value(0)),
    )
    return (bars + labels).properties(
        title=alt.TitleParams("Follow-through loops opened and closed per week", anchor="start"),
        height=220,
        width="container",
    )
