"""The score-history chart: titled, bands shaded and named, one point per rating, bounded rows."""

from __future__ import annotations

from datetime import date, timedelta

from charts import MAX_CHART_ROWS
from charts.rating import score_history

HISTORY = [(date(2026, 1, 1), 2), (date(2026, 2, 1), 4), (date(2026, 3, 1), 5)]


def datasets(spec: dict) -> list[list[dict]]:
    return list(spec["datasets"].values())


def test_the_history_chart_has_a_title_and_one_point_per_rating():
    spec = score_history(HISTORY).to_dict()
    assert spec["title"] == "Your rating over time"
    scores = [row["score"] for data in datasets(spec) for row in data if "score" in row]
    assert scores == [2, 4, 5]


def test_the_three_bands_are_shaded_and_named_in_text_not_only_colour():
    spec = score_history(HISTORY).to_dict()
    bands = next(data for data in datasets(spec) if data and "band" in data[0])
    assert [(b["text"], b["low"], b["high"]) for b in bands] == [
        ("Needs a makeover (0–2)", -0.5, 2.5),
        ("Needs enhancing (3–4)", 2.5, 4.5),
        ("In great shape (5)", 4.5, 5.5),
    ]
    marks = [layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"] for layer in spec["layer"]]
    assert marks.count("text") == 2 and "rect" in marks and "point" in marks


def test_each_point_is_labelled_with_its_score():
    spec = score_history(HISTORY).to_dict()
    text_layers = [layer for layer in spec["layer"] if layer["mark"]["type"] == "text"]
    assert {layer["encoding"]["text"]["field"] for layer in text_layers} == {"score", "text"}


def test_an_empty_history_still_draws_the_bands():
    spec = score_history([]).to_dict()
    assert any(data and "band" in data[0] for data in datasets(spec))
    assert [] in datasets(spec)  # no points, and no made-up ones


def test_a_huge_history_sends_at_most_the_chart_row_limit_keeping_the_latest():
    start = date(2000, 1, 1)
    history = [(start + timedelta(days=i), i % 6) for i in range(MAX_CHART_ROWS + 300)]
    points = next(data for data in datasets(score_history(history).to_dict()) if data and "score" in data[0])
    assert len(points) == MAX_CHART_ROWS
    assert points[-1]["taken_on"] == f"{history[-1][0].isoformat()}T00:00:00"
    assert points[-1]["rating"] == len(history)
