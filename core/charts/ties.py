"""Charts for tip 5: strong and weak ties by circle, and the introduction-paths graph."""

from __future__ import annotations

import altair as alt
import pandas as pd

from core.charts import MAX_CHART_ROWS, OKABE_ITO, STRONG_COLOUR, WEAK_COLOUR
from core.ties import GraphLayout, MixRow

TIE_NAMES = {"strong": "Strong ties", "weak": "Weak ties"}
ROLE_NAMES = {"strong": "Strong tie (asks for you)", "weak": "Weak tie (to meet)", "goal": "Goal"}
ROLE_SHAPES = {"strong": "circle", "weak": "triangle-up", "goal": "diamond"}
ROLE_COLOURS = {"strong": STRONG_COLOUR, "weak": WEAK_COLOUR, "goal": OKABE_ITO[2]}
EDGE_NAMES = {"introduces": "introduces", "goal": "relates to goal"}


def mix_frame(rows: tuple[MixRow, ...] | list[MixRow]) -> pd.DataFrame:
    """The rows behind the mix chart: one per circle and tie (two per circle at most)."""
    records = [
        {"circle": row.label, "tie": TIE_NAMES[tie], "people": count, "label": f"{TIE_NAMES[tie].split()[0]} {count:,}"}
        for row in rows
        for tie, count in (("strong", row.strong), ("weak", row.weak))
    ]
    return pd.DataFrame(records, columns=["circle", "tie", "people", "label"])[:MAX_CHART_ROWS]


def tie_mix(rows: tuple[MixRow, ...] | list[MixRow]) -> alt.LayerChart:
    """Strong and weak ties side by side for each circle, each bar labelled with its tie and count."""
    order = [row.label for row in rows]
    base = alt.Chart(mix_frame(rows)).encode(
        y=alt.Y("circle:N", sort=order, title=None, axis=alt.Axis(labelLimit=180)),
        yOffset=alt.YOffset("tie:N", sort=list(TIE_NAMES.values())),
        tooltip=[alt.Tooltip("circle:N", title="Circle"), alt.Tooltip("tie:N", title="Tie"),
                 alt.Tooltip("people:Q", title="People", format=",")],
    )  # fmt: skip
    bars = base.mark_bar(cornerRadiusEnd=2).encode(
        x=alt.X("people:Q", title="People"),
        color=alt.Color(
            "tie:N",
            scale=alt.Scale(domain=list(TIE_NAMES.values()), range=[STRONG_COLOUR, WEAK_COLOUR]),
            legend=alt.Legend(title=None, orient="bottom"),
        ),
    )
    labels = base.mark_text(align="left", dx=4, fontSize=11).encode(x="people:Q", text="label:N")
    return (bars + labels).properties(
        title="Strong and weak ties by circle", height=alt.Step(14), width="container"
    )


def graph_frames(layout: GraphLayout) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The nodes and edges behind the paths graph, as data frames."""
    nodes = pd.DataFrame(
        [{"key": n.key, "label": n.label, "role": ROLE_NAMES[n.role], "x": n.x, "y": n.y} for n in layout.nodes],
        columns=["key", "label", "role", "x", "y"],
    )
    edges = pd.DataFrame(
        [{"kind": EDGE_NAMES[e.kind], "x": e.x, "y": e.y, "x2": e.x2, "y2": e.y2} for e in layout.edges],
        columns=["kind", "x", "y", "x2", "y2"],
    )
    return nodes[:MAX_CHART_ROWS], edges[:MAX_CHART_ROWS]


def introduction_paths(layout: GraphLayout) -> alt.LayerChart:
    """Who can introduce you to whom: strong ties (circles) on the left, weak ties (triangles), goals (diamonds)."""
    nodes, edges = graph_frames(layout)
    rows = max([1, *(nodes.groupby("x").size().tolist() if len(nodes) else [])])
    x_scale = alt.Scale(domain=[-0.3, max(1.0, float(nodes["x"].max()) + 0.6) if len(nodes) else 1.0])
    hidden = alt.Axis(labels=False, ticks=False, grid=False, domain=False, title=None)
    lines = alt.Chart(edges).mark_rule(color="#6B6B6B", strokeWidth=1.5).encode(
        x=alt.X("x:Q", scale=x_scale, axis=hidden),
        y=alt.Y("y:Q", axis=hidden),
        x2="x2:Q",
        y2="y2:Q",
        strokeDash=alt.StrokeDash(
            "kind:N",
            scale=alt.Scale(domain=list(EDGE_NAMES.values()), range=[[1, 0], [5, 4]]),
            legend=alt.Legend(title=None, orient="bottom"),
        ),
    )
    base = alt.Chart(nodes).encode(
        x=alt.X("x:Q", scale=x_scale, axis=hidden),
        y=alt.Y("y:Q", axis=hidden),
        tooltip=[alt.Tooltip("label:N", title="Name"), alt.Tooltip("role:N", title="Role")],
    )
    points = base.mark_point(filled=True, size=160, opacity=1).encode(
        shape=alt.Shape(
            "role:N",
            scale=alt.Scale(domain=list(ROLE_NAMES.values()), range=list(ROLE_SHAPES.values())),
            legend=alt.Legend(title=None, orient="bottom"),
        ),
        color=alt.Color(
            "role:N",
            scale=alt.Scale(domain=list(ROLE_NAMES.values()), range=list(ROLE_COLOURS.values())),
            legend=alt.Legend(title=None, orient="bottom"),
        ),
    )
    labels = base.mark_text(align="left", dx=10, dy=-10, fontSize=11, color="#222222").encode(text="label:N")
    return (lines + points + labels).properties(
        title="Introduction paths: who can introduce you to whom", height=max(160, 44 * rows), width="container"
    )
