"""Charts for tips 2 and 3: goal coverage, reference progress, asks by outcome, follow-ups."""

from __future__ import annotations

from collections.abc import Mapping

import altair as alt
import pandas as pd

from charts import MAX_CHART_ROWS, OKABE_ITO, count_axis, count_scale
from core.model import OUTCOMES, REFERENCE_STEPS, REQUEST_KINDS
from core.outreach import FOLLOW_UP_LABELS, GoalCoverage, ReferenceProgress

INK = "#1E2A2B"
DIRECT, VIA = "Can help directly", "Through an introduction"
DONE, NEXT, TODO = "done", "next step", "to do"
MAX_REFERENCES = MAX_CHART_ROWS // len(REFERENCE_STEPS)
SHORT_STEPS = {
    "agreed": "1 Agreed",
    "told_goals": "2 Told goals",
    "kept_informed": "3 Kept informed",
    "prepared": "4 Prepared",
    "thanked": "5 Told and thanked",
}
SHORT_OUTCOMES = {"pending": "Waiting", "helped": "Helped", "declined": "Declined", "no_reply": "No reply"}
FOLLOW_UP_COLOURS = {"done": OKABE_ITO[2], "due": OKABE_ITO[4], "owed": OKABE_ITO[5]}


def goal_coverage_chart(coverage: list[GoalCoverage]) -> alt.LayerChart:
    """Per target, people who can help directly and through an introduction; 'nobody yet' spelled out."""
    rows = []
    for entry in coverage:
        label = entry.goal.title
        rows.append({"target": label, "route": DIRECT, "people": len(entry.direct), "order": 0})
        rows.append({"target": label, "route": VIA, "people": len(entry.via), "order": 1})
    data = pd.DataFrame(rows, columns=["target", "route", "people", "order"])
    totals = pd.DataFrame(
        {
            "target": [c.goal.title for c in coverage],
            "total": [len(c.direct) + len(c.via) for c in coverage],
            "label": [_coverage_label(c) for c in coverage],
        }
    )
    order = [c.goal.title for c in coverage]
    y = alt.Y("target:N", sort=order, title=None, axis=alt.Axis(labelLimit=160))
    # Room to the right of the longest bar, so its label fits even at phone width.
    top = max([int(t) for t in totals["total"]] + [1])
    x_scale = alt.Scale(domain=[0, top * 2 + 1], nice=False)
    bars = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=y,
            x=alt.X("sum(people):Q", title="People linked to the target", scale=x_scale, axis=count_axis()),
            color=alt.Color(
                "route:N",
                scale=alt.Scale(domain=[DIRECT, VIA], range=[OKABE_ITO[0], OKABE_ITO[1]]),
                legend=alt.Legend(title=None, orient="bottom", direction="vertical"),
            ),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("target:N", title="Target"),
                alt.Tooltip("route:N", title="How"),
                alt.Tooltip("people:Q", title="People"),
            ],
        )
    )
    labels = (
        alt.Chart(totals)
        .mark_text(align="left", dx=6, fontSize=12)
        .encode(y=y, x=alt.X("total:Q", scale=x_scale), text="label:N")
    )
    return (bars + labels).properties(title="Who can help with each target", height=alt.Step(30), width="container")


def _coverage_label(entry: GoalCoverage) -> str:
    if not entry.direct and not entry.via:
        return "nobody yet"
    return f"{len(entry.direct)} direct · {len(entry.via)} via intro"


def reference_progress_chart(progress: list[ReferenceProgress], names: Mapping[int, str]) -> alt.LayerChart:
    """A checklist grid: one row per reference, one column per step; ✓ done, → the next step."""
    rows = []
    for entry in progress[:MAX_REFERENCES]:
        name = names.get(entry.contact_id, f"#{entry.contact_id}")
        for step in REFERENCE_STEPS:
            state = DONE if step in entry.done else NEXT if step == entry.next_step else TODO
            mark = {DONE: "✓", NEXT: "→", TODO: ""}[state]
            when = entry.done[step].strftime("%d %b") if step in entry.done else ""
            rows.append(
                {
                    "reference": name,
                    "step": SHORT_STEPS[step],
                    "state": state,
                    "mark": mark,
                    "when": when,
                    "ref_order": len(rows) // len(REFERENCE_STEPS),
                }
            )
    data = pd.DataFrame(rows, columns=["reference", "step", "state", "mark", "when", "ref_order"])
    base = alt.Chart(data).encode(
        x=alt.X("step:N", sort=list(SHORT_STEPS.values()), title=None, axis=alt.Axis(orient="top", labelAngle=0)),
        y=alt.Y("reference:N", sort=alt.EncodingSortField("ref_order"), title=None, axis=alt.Axis(labelLimit=160)),
        tooltip=[
            alt.Tooltip("reference:N", title="Reference"),
            alt.Tooltip("step:N", title="Step"),
            alt.Tooltip("state:N", title="State"),
            alt.Tooltip("when:N", title="Done on"),
        ],
    )
    squares = base.mark_square(size=420).encode(
        color=alt.Color(
            "state:N",
            scale=alt.Scale(domain=[DONE, NEXT, TODO], range=[OKABE_ITO[2], OKABE_ITO[1], "#E3E8E6"]),
            legend=alt.Legend(title=None, orient="bottom"),
        ),
    )
    marks = base.mark_text(fontSize=13, fontWeight="bold", color="white").encode(text="mark:N")
    return (squares + marks).properties(
        title="Reference checklist: ✓ done, → next step", height=alt.Step(28), width="container"
    )


def asks_chart(rows: list[tuple[str, str, int]]) -> alt.LayerChart:
    """Asks by request kind (rows) and outcome (columns); each cell shows its count as a number."""
    labelled = [
        (REQUEST_KINDS.get(k, k or "Unspecified"), SHORT_OUTCOMES.get(o, o), OUTCOMES.get(o, o), n) for k, o, n in rows
    ]
    data = pd.DataFrame(labelled, columns=["request", "outcome", "outcome_full", "asks"])
    base = alt.Chart(data).encode(
        x=alt.X(
            "outcome:N",
            sort=list(SHORT_OUTCOMES.values()),
            title=None,
            axis=alt.Axis(orient="top", labelAngle=0, labelOverlap=False),
        ),
        y=alt.Y("request:N", sort=list(REQUEST_KINDS.values()), title=None, axis=alt.Axis(labelLimit=150)),
        tooltip=[
            alt.Tooltip("request:N", title="Asked for"),
            alt.Tooltip("outcome_full:N", title="Outcome"),
            alt.Tooltip("asks:Q", title="Asks"),
        ],
    )
    cells = base.mark_rect(stroke="white").encode(
        color=alt.Color("asks:Q", scale=alt.Scale(scheme="blues"), legend=alt.Legend(title="Asks")),
    )
    threshold = float(data["asks"].max()) / 2 if len(data) else 0.0
    counts = base.mark_text(fontSize=13).encode(
        text=alt.Text("asks:Q", format=","),
        # Dark cells get white numbers so the count stays readable on every shade.
        color=alt.condition(alt.datum.asks > threshold, alt.value("white"), alt.value(INK)),
    )
    return (cells + counts).properties(title="Asks by kind and outcome", height=alt.Step(30), width="container")


def follow_ups_chart(counts: Mapping[str, int]) -> alt.LayerChart:
    """Help received: followed up, still time to thank, or owed; each bar labelled with its count."""
    data = pd.DataFrame(
        [{"status": FOLLOW_UP_LABELS[s], "key": s, "help": int(counts.get(s, 0))} for s in FOLLOW_UP_LABELS]
    )
    order = list(FOLLOW_UP_LABELS.values())
    base = alt.Chart(data).encode(
        y=alt.Y("status:N", sort=order, title=None, axis=alt.Axis(labelLimit=200)),
        tooltip=[alt.Tooltip("status:N", title="Status"), alt.Tooltip("help:Q", title="Help received")],
    )
    bars = base.mark_bar(cornerRadiusEnd=3).encode(
        x=alt.X(
            "help:Q", title="Times you received help", axis=count_axis(), scale=count_scale(int(data["help"].max()))
        ),
        color=alt.Color(
            "key:N",
            scale=alt.Scale(domain=list(FOLLOW_UP_COLOURS), range=list(FOLLOW_UP_COLOURS.values())),
            legend=None,
        ),
    )
    labels = base.mark_text(align="left", dx=6, fontSize=12, color=INK).encode(
        x="help:Q", text=alt.Text("help:Q", format=",")
    )
    return (bars + labels).properties(title="Follow-ups: done versus owed", height=alt.Step(34), width="container")
