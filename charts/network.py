"""Charts for tip 1: people per circle (empty circles shown) and the growth of the list."""

from __future__ import annotations

import altair as alt
import pandas as pd

from charts import MUTED, OKABE_ITO, count_axis, count_scale
from core.circles import CircleCount


def people_per_circle(rows: list[CircleCount]) -> alt.LayerChart:
    """Horizontal bars per circle; an empty circle shows a hollow marker and the word 'empty'."""
    data = pd.DataFrame(
        {
            "circle": [r.label for r in rows],
            "people": [r.people for r in rows],
            "status": ["empty" if r.empty else "has people" for r in rows],
            "label": ["empty: who comes to mind?" if r.empty else f"{r.people:,}" for r in rows],
        }
    )
    order = [r.label for r in rows]
    base = alt.Chart(data).encode(
        y=alt.Y("circle:N", sort=order, title=None, axis=alt.Axis(labelLimit=200)),
        tooltip=[alt.Tooltip("circle:N", title="Circle"), alt.Tooltip("people:Q", title="People")],
    )
    bars = base.mark_bar(cornerRadiusEnd=3).encode(
        x=alt.X(
            "people:Q",
            title="People listed",
            axis=count_axis(),
            scale=count_scale(int(data["people"].max()) if len(data) else 0),
        ),
        color=alt.Color(
            "status:N",
            scale=alt.Scale(domain=["has people", "empty"], range=[OKABE_ITO[0], MUTED]),
            legend=alt.Legend(title=None, orient="bottom"),
        ),
    )
    markers = (
        base.mark_point(shape="circle", filled=False, size=60, color=MUTED)
        .encode(x=alt.datum(0))
        .transform_filter(alt.datum.status == "empty")
    )
    labels = base.mark_text(align="left", dx=6, fontSize=12).encode(x=alt.X("people:Q"), text="label:N")
    return (bars + markers + labels).properties(title="People per circle", height=alt.Step(26), width="container")


GROWTH_HEIGHT = 320  # pixels for the whole chart, title and axes included: pass it to the page


def list_growth(months: list[tuple[str, int]]) -> alt.Chart:
    """Cumulative people by the month they were added."""
    data = pd.DataFrame(months, columns=["month", "people"])
    data["label"] = [f"{pd.Timestamp(m + '-01'):%b %Y}" for m in data["month"]]
    return (
        alt.Chart(data)
        .mark_line(point=True, color=OKABE_ITO[2])
        .encode(
            # One tick per month added (a time axis repeated "Oct 2026" at every fortnight).
            x=alt.X("label:O", sort=None, title="Month added", axis=alt.Axis(labelAngle=0)),
            y=alt.Y(
                "people:Q",
                title="People listed (cumulative)",
                axis=count_axis(),
                scale=count_scale(int(data["people"].max()) if len(data) else 0),
            ),
            tooltip=[alt.Tooltip("label:O", title="Month"), alt.Tooltip("people:Q", title="People listed")],
        )
        .properties(title="How your list has grown", height=GROWTH_HEIGHT - 110, width="container")
    )
