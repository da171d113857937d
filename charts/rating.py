"""Charts for tip 4: the rating score over time, on the article's three bands."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import altair as alt
import pandas as pd

from charts import MAX_CHART_ROWS, OKABE_ITO, DesignedChart
from core.rating import BANDS, MAX_SCORE

# Light tints of Okabe-Ito vermillion, orange and bluish green; each band also carries its name as text.
HISTORY_HEIGHT = 320  # pixels; pass it to the page, which otherwise squeezes the chart
BAND_TINTS = {"makeover": "#F6D5C2", "enhance": "#FCEBC7", "great": "#CBEBDD"}
# Half a point of room above 5 and below 0 so the end points and the top band are not squeezed.
BAND_EDGES = {"makeover": (-0.5, 2.5), "enhance": (2.5, 4.5), "great": (4.5, MAX_SCORE + 0.5)}


def _bands_frame() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "band": band.label,
                "key": band.key,
                "low": BAND_EDGES[band.key][0],
                "high": BAND_EDGES[band.key][1],
                "text": f"{band.label} ({band.low}–{band.high})"
                if band.low != band.high
                else f"{band.label} ({band.low})",
            }
            for band in BANDS
        ]
    )


def history_rows(history: list[tuple[date, int]]) -> list[dict]:
    """The rows behind the chart: one per rating (the latest few thousand at most), oldest first."""
    kept = history[-MAX_CHART_ROWS:]
    first = len(history) - len(kept) + 1
    return [
        {"taken_on": pd.Timestamp(taken_on).isoformat(), "score": int(score), "rating": first + n}
        for n, (taken_on, score) in enumerate(kept)
    ]


def score_history(history: list[tuple[date, int]]) -> DesignedChart:
    """The score of each rating over time, with the three bands shaded and named."""
    return DesignedChart(_score_history_design(), {"ratings": history_rows(history)})


@lru_cache(maxsize=1)
def _score_history_design() -> dict:
    scale = alt.Scale(domain=[-0.5, MAX_SCORE + 0.5], nice=False)
    axis = alt.Axis(values=list(range(MAX_SCORE + 1)), format="d", title="Score (yes answers)", labelOverlap=False)
    bands = alt.Chart(_bands_frame())
    shading = bands.mark_rect(opacity=0.9).encode(
        y=alt.Y("low:Q", scale=scale, axis=axis),
        y2="high:Q",
        color=alt.Color(
            "key:N", scale=alt.Scale(domain=list(BAND_TINTS), range=list(BAND_TINTS.values())), legend=None
        ),
        tooltip=[alt.Tooltip("text:N", title="Band")],
    )
    # Band names sit in each band's bottom-right corner, half a point away from any score.
    names = bands.mark_text(align="right", baseline="bottom", dx=-6, dy=-3, fontSize=11, color="#333333").encode(
        x=alt.value("width"), y="low:Q", text="text:N"
    )
    points = alt.Chart(alt.NamedData("ratings")).encode(
        x=alt.X(
            "taken_on:T",
            title="Date taken",
            scale=alt.Scale(padding=24),
            axis=alt.Axis(format="%d %b %Y", labelAngle=0, tickCount=5),
        ),
        y=alt.Y("score:Q", scale=scale, axis=axis),
        tooltip=[
            alt.Tooltip("rating:Q", title="Rating #"),
            alt.Tooltip("taken_on:T", title="Taken", format="%d %b %Y"),
            alt.Tooltip("score:Q", title="Score"),
        ],
    )
    line = points.mark_line(color=OKABE_ITO[0], strokeWidth=2)
    dots = points.mark_point(filled=True, size=70, shape="circle", color=OKABE_ITO[0])
    labels = points.mark_text(dy=-11, fontSize=12, fontWeight="bold", color="#000000").encode(text="score:Q")
    # One alt.layer call: chaining "+" copies every layer again at each step.
    return alt.layer(
        shading, names, line, dots, labels, title="Your rating over time", height=HISTORY_HEIGHT - 90, width="container"
    ).to_dict(validate=False)
