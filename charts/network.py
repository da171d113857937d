"""Charts for tip 1: people per circle (empty circles shown) and the growth of the list."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import altair as alt

from charts import MUTED, OKABE_ITO, DesignedChart, count_axis, count_scale_of_any_rows
from core.circles import CircleCount


def people_per_circle(rows: list[CircleCount]) -> DesignedChart:
    """Horizontal bars per circle; an empty circle shows a hollow marker and the word 'empty'."""
    return DesignedChart(
        _people_per_circle_design(tuple(r.label for r in rows)),
        {
            "circles": [
                {
                    "circle": r.label,
                    "people": r.people,
                    "status": "empty" if r.empty else "has people",
                    "label": "empty: who comes to mind?" if r.empty else f"{r.people:,}",
                }
                for r in rows
            ]
        },
    )


@lru_cache(maxsize=16)  # one design per list of circles: the known ones, and any a file brought in
def _people_per_circle_design(order: tuple[str, ...]) -> dict:
    base = alt.Chart(alt.NamedData("circles")).encode(
        y=alt.Y("circle:N", sort=list(order), title=None, axis=alt.Axis(labelLimit=200)),
        tooltip=[alt.Tooltip("circle:N", title="Circle"), alt.Tooltip("people:Q", title="People")],
    )
    bars = base.mark_bar(cornerRadiusEnd=3).encode(
        x=alt.X("people:Q", title="People listed", axis=count_axis(), scale=count_scale_of_any_rows()),
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
    return alt.layer(bars, markers, labels, title="People per circle", height=alt.Step(26), width="container").to_dict(
        validate=False
    )


GROWTH_HEIGHT = 320  # pixels for the whole chart, title and axes included: pass it to the page


def list_growth(months: list[tuple[str, int]]) -> DesignedChart:
    """Cumulative people by the month they were added."""
    return DesignedChart(
        _list_growth_design(),
        {
            "months": [
                {"month": month, "people": int(people), "label": f"{date.fromisoformat(month + '-01'):%b %Y}"}
                for month, people in months
            ]
        },
    )


@lru_cache(maxsize=1)
def _list_growth_design() -> dict:
    return (
        alt.Chart(alt.NamedData("months"))
        .mark_line(point=True, color=OKABE_ITO[2])
        .encode(
            # One tick per month added (a time axis repeated "Oct 2026" at every fortnight).
            x=alt.X("label:O", sort=None, title="Month added", axis=alt.Axis(labelAngle=0)),
            y=alt.Y("people:Q", title="People listed (cumulative)", axis=count_axis(), scale=count_scale_of_any_rows()),
            tooltip=[alt.Tooltip("label:O", title="Month"), alt.Tooltip("people:Q", title="People listed")],
        )
        .properties(title="How your list has grown", height=GROWTH_HEIGHT - 110, width="container")
        .to_dict(validate=False)
    )
