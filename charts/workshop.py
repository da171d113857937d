"""Charts for the facilitator's dashboard: the room's scores on the three bands, the common "no"
answers, the strong/weak mix and progress through the tips. Aggregates only, never a person."""

from __future__ import annotations

import altair as alt
import pandas as pd

from charts import OKABE_ITO, STRONG_COLOUR, WEAK_COLOUR, count_axis, count_scale_of_any_rows
from core.rating import BANDS, MAX_SCORE, SHORT_QUESTIONS, band_for
from core.workshop import TIP_TITLES, RoomSummary

# Okabe-Ito vermillion, orange and bluish green; each band is also named in text above its bars.
BAND_COLOURS = {"makeover": OKABE_ITO[5], "enhance": OKABE_ITO[1], "great": OKABE_ITO[2]}
BAND_SHORT = {"makeover": "Makeover", "enhance": "Enhance", "great": "Great"}
_X_DOMAIN = [-0.5, MAX_SCORE + 0.5]
# Pixels each chart needs; pass them to the page (st.altair_chart(height=...)), which otherwise squeezes it.
SCORES_HEIGHT = 380
NO_ANSWERS_HEIGHT = 300
TIE_MIX_HEIGHT = 240  # the bar (70) plus room for the title above and the axis and legend below
TIPS_HEIGHT = 320
# Room above the longest bar for its count label, as a share of the bar. It goes in the rows, never in
# the spec: the wall's browser redraws a chart's rows in place when only they change, and builds the
# whole chart anew when its spec does, every 5 s refresh that moved the room's largest count.
SCORE_HEADROOM = 1.35
BAR_HEADROOM = 1.25


def headroom(frame: pd.DataFrame, channel: str, title: str) -> alt.Chart:
    """An invisible mark at each row's ``room``, so the count scale reaches past the longest bar."""
    encoding = alt.X if channel == "x" else alt.Y
    room = encoding("room:Q", title=title, axis=count_axis(), scale=count_scale_of_any_rows(nice=False))
    return alt.Chart(frame).mark_point(opacity=0, size=0).encode(**{channel: room})


def with_label_room(rows: list[dict], share: float) -> list[dict]:
    """Each row with its ``room``: the largest count (at least 1) times ``share``."""
    top = max([1, *(row["participants"] for row in rows)])
    return [{**row, "room": top * share} for row in rows]


def scores_frame(summary: RoomSummary) -> pd.DataFrame:
    """One row per score 0–5: how many participants have it and its band."""
    rows = [
        {
            "score": score,
            "participants": count,
            "band": BAND_SHORT[band_for(score).key],
            "left": score - 0.4,
            "right": score + 0.4,
            "label": str(count),
        }
        for score, count in summary.score_counts or ()
    ]
    return pd.DataFrame(
        with_label_room(rows, SCORE_HEADROOM),
        columns=["score", "participants", "band", "left", "right", "label", "room"],
    )


def bands_frame(summary: RoomSummary) -> pd.DataFrame:
    """One row per band: its score range, how many participants are in it, where its name goes."""
    counts = dict(summary.band_counts or ())
    rows = [
        {
            "band": BAND_SHORT[band.key],
            "middle": (band.low + band.high) / 2,
            "participants": counts.get(band.key, 0),
            "text": f"{BAND_SHORT[band.key]}: {counts.get(band.key, 0)}",
        }
        for band in BANDS
    ]
    return pd.DataFrame(rows, columns=["band", "middle", "participants", "text"])


def score_distribution(summary: RoomSummary) -> alt.LayerChart:
    """How many participants scored 0 to 5, coloured and named by band, each bar labelled with its count."""
    scores = scores_frame(summary)
    y_scale = count_scale_of_any_rows(nice=False)
    colour = alt.Color(
        "band:N",
        scale=alt.Scale(domain=list(BAND_SHORT.values()), range=list(BAND_COLOURS.values())),
        legend=alt.Legend(title="Band", orient="bottom"),
    )
    base = alt.Chart(scores).encode(
        x=alt.X(
            "left:Q",
            scale=alt.Scale(domain=_X_DOMAIN, nice=False),
            title="Score (yes answers)",
            axis=alt.Axis(values=list(range(MAX_SCORE + 1)), format="d"),
        ),
        tooltip=[
            alt.Tooltip("score:Q", title="Score"),
            alt.Tooltip("band:N", title="Band"),
            alt.Tooltip("participants:Q", title="Participants"),
        ],
    )
    bars = base.mark_bar().encode(
        x2="right:Q",
        y=alt.Y("participants:Q", scale=y_scale, title="Participants", axis=count_axis()),
        y2=alt.datum(0),
        color=colour,
    )
    counts = base.mark_text(dy=-8, fontSize=14, fontWeight="bold").encode(
        x=alt.X("score:Q", scale=alt.Scale(domain=_X_DOMAIN, nice=False)),
        y=alt.Y("participants:Q", scale=y_scale),
        text="label:N",
    )
    names = (
        alt.Chart(bands_frame(summary))
        .mark_text(fontSize=13, color="#333333")
        .encode(x=alt.X("middle:Q", scale=alt.Scale(domain=_X_DOMAIN, nice=False)), y=alt.value(12), text="text:N")
    )
    room = headroom(scores, "y", "Participants")
    return alt.layer(bars, counts, names, room).properties(
        title="Rating scores in the room", height=SCORES_HEIGHT - 130, width="container"
    )


def no_answers_frame(summary: RoomSummary) -> pd.DataFrame:
    """One row per question: how many participants answered no, most common first."""
    rows = [
        {"question": SHORT_QUESTIONS[key], "participants": count, "label": str(count), "rank": rank}
        for rank, (key, count) in enumerate(summary.no_counts or ())
    ]
    return pd.DataFrame(
        with_label_room(rows, BAR_HEADROOM), columns=["question", "participants", "label", "rank", "room"]
    )


def common_no_answers(summary: RoomSummary) -> alt.LayerChart:
    """The rating questions the room most often answered "no", each bar labelled with its count."""
    frame = no_answers_frame(summary)
    base = alt.Chart(frame).encode(
        y=alt.Y("question:N", sort=alt.EncodingSortField("rank"), title=None, axis=alt.Axis(labelLimit=220)),
        x=alt.X(
            "participants:Q",
            title="Participants who answered no",
            axis=count_axis(),
            scale=count_scale_of_any_rows(nice=False),
        ),
        tooltip=[alt.Tooltip("question:N", title="Network"), alt.Tooltip("participants:Q", title="Answered no")],
    )
    bars = base.mark_bar(color=OKABE_ITO[5], cornerRadiusEnd=2)
    labels = base.mark_text(align="left", dx=4, fontSize=13).encode(text="label:N")
    room = headroom(frame, "x", "Participants who answered no")
    return alt.layer(bars, labels, room).properties(
        title="Most common “no” answers", height=NO_ANSWERS_HEIGHT - 90, width="container"
    )


def tie_mix_frame(summary: RoomSummary) -> pd.DataFrame:
    """Two rows, strong and weak: the room's totals, their share, and where each segment starts and ends."""
    strong, weak = summary.strong_ties or 0, summary.weak_ties or 0
    total = strong + weak
    rows, start = [], 0
    for tie, count in (("Strong ties", strong), ("Weak ties", weak)):
        share = count / total if total else 0.0
        rows.append(
            {
                "tie": tie,
                "people": count,
                "start": start,
                "end": start + count,
                "middle": start + count / 2,
                "label": f"{tie.split()[0]} {count:,} ({share:.0%})",
                "share": share,
                "ink": "#FFFFFF" if tie == "Strong ties" else "#000000",
            }
        )
        start += count
    return pd.DataFrame(rows, columns=["tie", "people", "start", "end", "middle", "label", "share", "ink"])


def tie_mix(summary: RoomSummary) -> alt.LayerChart:
    """The room's strong and weak ties as one split bar, each part labelled with its count and share."""
    frame = tie_mix_frame(summary)
    base = alt.Chart(frame).encode(
        tooltip=[
            alt.Tooltip("tie:N", title="Tie"),
            alt.Tooltip("people:Q", title="People", format=","),
            alt.Tooltip("share:Q", title="Share", format=".0%"),
        ],
    )
    bars = base.mark_bar(height=46).encode(
        x=alt.X(
            "start:Q",
            title="People listed across the room",
            axis=count_axis(),
            scale=count_scale_of_any_rows(),
        ),
        x2="end:Q",
        color=alt.Color(
            "tie:N",
            scale=alt.Scale(domain=["Strong ties", "Weak ties"], range=[STRONG_COLOUR, WEAK_COLOUR]),
            legend=alt.Legend(title=None, orient="bottom"),
        ),
    )
    labels = (
        base.transform_filter("datum.people > 0")
        .mark_text(fontSize=14, fontWeight="bold")
        .encode(
            # White on the dark blue, black on the orange; a scale-free colour so it is not merged with the bars'.
            x="middle:Q",
            text="label:N",
            color=alt.Color("ink:N", scale=None),
        )
    )
    return alt.layer(bars, labels).properties(
        title="Strong and weak ties in the room", height=TIE_MIX_HEIGHT - 170, width="container"
    )


def tip_name(tip: int) -> str:
    return f"{tip} · {TIP_TITLES[tip]}"


def tip_progress_frame(summary: RoomSummary) -> pd.DataFrame:
    """One row per tip: how many of those who shared have completed it."""
    rows = [
        {
            "tip": tip_name(tip),
            "participants": count,
            "label": f"{count} of {summary.shared}",
            "room": max(1, summary.shared) * BAR_HEADROOM,
        }
        for tip, count in summary.tip_counts or ()
    ]
    return pd.DataFrame(rows, columns=["tip", "participants", "label", "room"])


def tip_progress(summary: RoomSummary) -> alt.LayerChart:
    """For each of the six tips, how many participants have completed it, labelled "n of shared"."""
    frame = tip_progress_frame(summary)
    base = alt.Chart(frame).encode(
        y=alt.Y(
            "tip:N",
            sort=[tip_name(tip) for tip in TIP_TITLES],
            title=None,
            axis=alt.Axis(labelLimit=220),
        ),
        x=alt.X(
            "participants:Q",
            title="Participants who completed the tip",
            scale=count_scale_of_any_rows(nice=False),
            axis=count_axis(),
        ),
        tooltip=[alt.Tooltip("tip:N", title="Tip"), alt.Tooltip("label:N", title="Completed")],
    )
    bars = base.mark_bar(color=OKABE_ITO[0], cornerRadiusEnd=2)
    labels = base.mark_text(align="left", dx=4, fontSize=13).encode(text="label:N")
    room = headroom(frame, "x", "Participants who completed the tip")
    return alt.layer(bars, labels, room).properties(
        title="Progress through the six tips", height=TIPS_HEIGHT - 90, width="container"
    )
