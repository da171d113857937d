"""Charts for tip 6: the reconnect schedule week by week, and who you owe and who owes you."""

from __future__ import annotations

import altair as alt
import pandas as pd

from charts import MAX_CHART_ROWS, OKABE_ITO, count_axis
from core.reciprocity import PersonBalance
from core.schedule import Schedule

KEY_KIND = "Key contact (recurring)"
LIST_KIND = "From your list"
KIND_COLOURS = {KEY_KIND: OKABE_ITO[0], LIST_KIND: OKABE_ITO[1]}
OWE = "You owe them"
OWED = "They owe you"
SIDE_COLOURS = {OWE: OKABE_ITO[5], OWED: OKABE_ITO[0]}
MAX_NAMES_IN_TOOLTIP = 8


def schedule_frame(schedule: Schedule) -> pd.DataFrame:
    """One row per week and kind of slot: how many people, and who (for the tooltip)."""
    rows = []
    for week in schedule.weeks:
        label = f"{week.starts_on:%d %b}"
        for kind, recurring in ((KEY_KIND, True), (LIST_KIND, False)):
            names = [s.name for s in week.slots if s.recurring == recurring]
            shown = ", ".join(names[:MAX_NAMES_IN_TOOLTIP]) + (" …" if len(names) > MAX_NAMES_IN_TOOLTIP else "")
            rows.append({"week": label, "kind": kind, "people": len(names), "names": shown})
    return pd.DataFrame(rows, columns=["week", "kind", "people", "names"])


def reconnect_schedule(schedule: Schedule) -> alt.LayerChart:
    """Stacked bars of people planned per week, key contacts apart, with counts and the capacity line."""
    data = schedule_frame(schedule)
    order = list(dict.fromkeys(data["week"]))
    base = alt.Chart(data).encode(
        x=alt.X("week:O", sort=order, title="Week starting", axis=alt.Axis(labelAngle=0)),
        tooltip=[
            alt.Tooltip("week:O", title="Week of"),
            alt.Tooltip("kind:N", title="Kind"),
            alt.Tooltip("people:Q", title="People"),
            alt.Tooltip("names:N", title="Who"),
        ],
    )
    bars = base.mark_bar().encode(
        y=alt.Y(
            "people:Q",
            stack="zero",
            title="People to contact",
            scale=alt.Scale(domain=[0, schedule.capacity + 1], nice=False),
            axis=count_axis(tickCount=min(schedule.capacity + 1, 10)),
        ),
        color=alt.Color(
            "kind:N",
            scale=alt.Scale(domain=list(KIND_COLOURS), range=list(KIND_COLOURS.values())),
            legend=alt.Legend(title=None, orient="bottom"),  # below, never over the title
        ),
        order=alt.Order("kind:N", sort="descending"),
    )
    counts = (
        base.mark_text(baseline="middle", color="#FFFFFF", fontWeight="bold")
        .encode(y=alt.Y("middle:Q", stack=None), text="people:Q")
        .transform_filter(alt.datum.people > 0)
        .transform_stack(
            stack="people", as_=["low", "high"], groupby=["week"], sort=[alt.SortField("kind", order="descending")]
        )
        .transform_calculate(middle="(datum.low + datum.high) / 2")
    )
    capacity = alt.Chart(pd.DataFrame({"capacity": [schedule.capacity], "label": [f"capacity {schedule.capacity}"]}))
    line = capacity.mark_rule(strokeDash=[6, 4], color="#333333").encode(y="capacity:Q")
    line_label = capacity.mark_text(align="left", dx=4, dy=-7, color="#333333").encode(
        y="capacity:Q", x=alt.value(0), text="label:N"
    )
    return (bars + counts + line + line_label).properties(
        title="Your reconnect schedule, week by week", height=320, width="container"
    )


def balance_frame(balances: list[PersonBalance]) -> pd.DataFrame:
    """The rows behind the give/take chart: one per person, with a unique label and the side."""
    kept = balances[:MAX_CHART_ROWS]
    seen: dict[str, int] = {}
    for b in kept:
        seen[b.name] = seen.get(b.name, 0) + 1
    return pd.DataFrame(
        {
            "person": [b.name if seen[b.name] == 1 else f"{b.name} (#{b.contact_id})" for b in kept],
            "balance": [b.balance for b in kept],
            "gave": [b.gave for b in kept],
            "received": [b.received for b in kept],
            "side": [OWE if b.balance < 0 else OWED for b in kept],
            "label": [f"{b.balance:+d}" for b in kept],
        },
        columns=["person", "balance", "gave", "received", "side", "label"],
    )


def give_take_balance(balances: list[PersonBalance]) -> alt.LayerChart:
    """Diverging bars: left of zero the people you owe, right of zero those who owe you; signed labels."""
    data = balance_frame(balances)
    order = list(data.sort_values("balance", kind="stable")["person"])
    base = alt.Chart(data).encode(
        y=alt.Y("person:N", sort=order, title=None, axis=alt.Axis(labelLimit=180)),
        tooltip=[
            alt.Tooltip("person:N", title="Person"),
            alt.Tooltip("gave:Q", title="You gave (weighted)"),
            alt.Tooltip("received:Q", title="You received (weighted)"),
            alt.Tooltip("balance:Q", title="Balance"),
        ],
    )
    bars = base.mark_bar().encode(
        x=alt.X("balance:Q", title="← you owe them · balance · they owe you →"),
        color=alt.Color(
            "side:N",
            scale=alt.Scale(domain=list(SIDE_COLOURS), range=list(SIDE_COLOURS.values())),
            legend=alt.Legend(title=None, orient="bottom"),
        ),
    )
    left = base.mark_text(fontSize=11, align="right", dx=-4).encode(x="balance:Q", text="label:N")
    right = base.mark_text(fontSize=11, align="left", dx=4).encode(x="balance:Q", text="label:N")
    zero = alt.Chart(pd.DataFrame({"zero": [0]})).mark_rule(color="#333333").encode(x="zero:Q")
    return (
        bars + left.transform_filter(alt.datum.balance < 0) + right.transform_filter(alt.datum.balance > 0) + zero
    ).properties(title="Give and take: who you owe, who owes you", height=alt.Step(22), width="container")
