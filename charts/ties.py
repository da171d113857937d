"""Charts for tip 5: strong and weak ties by circle, and the introduction-paths graph."""

from __future__ import annotations

from collections import Counter

import altair as alt
import pandas as pd

from charts import MAX_CHART_ROWS, OKABE_ITO, STRONG_COLOUR, WEAK_COLOUR, count_axis, count_scale
from core.ties import GraphLayout, MixRow

TIE_NAMES = {"strong": "Strong ties", "weak": "Weak ties"}
ROLE_NAMES = {"strong": "Can introduce you", "weak": "Person to meet", "goal": "Goal"}
ROLE_SHAPES = {"strong": "circle", "weak": "triangle-up", "goal": "diamond"}
ROLE_COLOURS = {"strong": STRONG_COLOUR, "weak": WEAK_COLOUR, "goal": OKABE_ITO[2]}
EDGE_NAMES = {"introduces": "introduces", "goal": "relates to goal"}


def mix_height(rows: tuple[MixRow, ...] | list[MixRow]) -> int:
    """Pixels the mix chart needs (two bars per circle, plus title, axis and legend); pass it to the page."""
    return 120 + 36 * max(len(rows), 1)


def graph_height(layout: GraphLayout) -> int:
    """Pixels the paths graph needs for its tallest column; pass it to the page."""
    tallest = max(Counter(node.x for node in layout.nodes).values(), default=1)
    return 130 + 46 * tallest


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
        tooltip=[
            alt.Tooltip("circle:N", title="Circle"),
            alt.Tooltip("tie:N", title="Tie"),
            alt.Tooltip("people:Q", title="People", format=","),
        ],
    )
    bars = base.mark_bar(cornerRadiusEnd=2).encode(
        x=alt.X(
            "people:Q",
            title="People",
            axis=count_axis(),
            scale=count_scale(max((max(r.strong, r.weak) for r in rows), default=0)),
        ),
        color=alt.Color(
            "tie:N",
            scale=alt.Scale(domain=list(TIE_NAMES.values()), range=[STRONG_COLOUR, WEAK_COLOUR]),
            legend=alt.Legend(title=None, orient="bottom"),
        ),
    )
    labels = base.mark_text(align="left", dx=4, fontSize=11).encode(x="people:Q", text="label:N")
    return alt.layer(
        bars, labels, title="Strong and weak ties by circle", height=mix_height(rows) - 90, width="container"
    )


def column_header(column: int, goal_column: int) -> str:
    """What a column of the graph holds, in words."""
    if column == 0:
        return "People you know"
    if column == goal_column:
        return "Goals"
    return f"{column} step{'s' if column > 1 else ''} away"


def graph_frames(layout: GraphLayout) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The nodes and edges behind the paths graph, as data frames."""
    last = max((n.x for n in layout.nodes), default=0.0)
    nodes = pd.DataFrame(
        [
            {
                "key": n.key,
                "label": n.label,
                "role": ROLE_NAMES[n.role],
                "x": n.x,
                "y": n.y,
                "side": "left" if n.x == 0 else "right" if n.x == last else "middle",
            }
            for n in layout.nodes
        ],
        columns=["key", "label", "role", "x", "y", "side"],
    )
    edges = pd.DataFrame(
        [{"kind": EDGE_NAMES[e.kind], "x": e.x, "y": e.y, "x2": e.x2, "y2": e.y2} for e in layout.edges],
        columns=["kind", "x", "y", "x2", "y2"],
    )
    return nodes[:MAX_CHART_ROWS], edges[:MAX_CHART_ROWS]


def _headers(layout: GraphLayout) -> pd.DataFrame:
    goal_column = max((n.x for n in layout.nodes if n.role == "goal"), default=-1.0)
    top = max((n.y for n in layout.nodes), default=0.0) + 1
    columns = sorted({n.x for n in layout.nodes})
    return pd.DataFrame(
        [{"x": x, "y": top, "header": column_header(int(x), int(goal_column))} for x in columns],
        columns=["x", "y", "header"],
    )


def introduction_paths(layout: GraphLayout) -> alt.LayerChart:
    """Who can introduce you to whom: strong ties (circles) on the left, weak ties (triangles), goals (diamonds)."""
    nodes, edges = graph_frames(layout)
    headers = _headers(layout)
    last = float(nodes["x"].max()) if len(nodes) else 1.0
    low = float(nodes["y"].min()) if len(nodes) else 0.0
    hidden = alt.Axis(labels=False, ticks=False, grid=False, domain=False, title=None)
    # Room beside the outer columns for their labels, which sit outside them (left of the left, right of the right).
    x = alt.X("x:Q", scale=alt.Scale(domain=[-1.5, max(last, 1.0) + 1.5], nice=False, zero=False), axis=hidden)
    y = alt.Y(
        "y:Q",
        scale=alt.Scale(
            domain=[low - 0.6, float(headers["y"].max() if len(headers) else 1) + 0.4], nice=False, zero=False
        ),
        axis=hidden,
    )
    lines = (
        alt.Chart(edges)
        .mark_rule(color="#6B6B6B", strokeWidth=1.5)
        .encode(
            x=x,
            y=y,
            x2="x2:Q",
            y2="y2:Q",
            strokeDash=alt.StrokeDash(
                "kind:N", scale=alt.Scale(domain=list(EDGE_NAMES.values()), range=[[1, 0], [5, 4]]), legend=None
            ),
        )
    )
    base = alt.Chart(nodes).encode(
        x=x, y=y, tooltip=[alt.Tooltip("label:N", title="Name"), alt.Tooltip("role:N", title="Role")]
    )
    roles = alt.Scale(domain=list(ROLE_NAMES.values()))
    points = base.mark_point(filled=True, size=160, opacity=1).encode(
        shape=alt.Shape(
            "role:N",
            scale=alt.Scale(domain=roles.domain, range=list(ROLE_SHAPES.values())),
            legend=alt.Legend(title=None, orient="bottom", columns=3),
        ),
        color=alt.Color(
            "role:N",
            scale=alt.Scale(domain=roles.domain, range=list(ROLE_COLOURS.values())),
            legend=alt.Legend(title=None, orient="bottom", columns=3),
        ),
    )
    # One text layer for every label: placement follows the node's side (left of the left column,
    # right of the right one, above the ones in between), which keeps the spec small and fast.
    labels = base.mark_text(
        fontSize=11,
        color="#222222",
        align=alt.ExprRef("datum.side == 'left' ? 'right' : datum.side == 'right' ? 'left' : 'center'"),
        dx=alt.ExprRef("datum.side == 'left' ? -11 : datum.side == 'right' ? 11 : 0"),
        dy=alt.ExprRef("datum.side == 'middle' ? -14 : 0"),
    ).encode(text="label:N")
    tops = (
        alt.Chart(headers).mark_text(fontSize=11, fontWeight="bold", color="#444444").encode(x=x, y=y, text="header:N")
    )
    # One alt.layer call: chaining "+" copies every layer again at each step.
    return alt.layer(
        lines, points, labels, tops, title="Introduction paths", height=graph_height(layout) - 90, width="container"
    )
