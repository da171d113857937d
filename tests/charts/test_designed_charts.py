"""Charts designed once and filled with rows at each draw (charts.DesignedChart): every draw shows
its own rows, points at data that is there, and leaves the design as it was for the next one."""

from __future__ import annotations

from datetime import date

import altair as alt
import pytest

from charts import MAX_CHART_ROWS, DesignedChart
from charts.network import list_growth, people_per_circle
from charts.rating import score_history
from core.circles import count_circles

DRAWS = {
    "score history": (
        lambda: score_history([(date(2026, 1, 5), 2)]),
        lambda: score_history([(date(2026, 1, 5), 2), (date(2026, 2, 9), 5)]),
    ),
    "people per circle": (
        lambda: people_per_circle(count_circles({"friends": 1})),
        lambda: people_per_circle(count_circles({"friends": 2, "work": 7})),
    ),
    "list growth": (lambda: list_growth([("2026-01", 1)]), lambda: list_growth([("2026-01", 1), ("2026-02", 4)])),
}


def data_names(node) -> set[str]:
    if isinstance(node, dict):
        names = {node["data"]["name"]} if isinstance(node.get("data"), dict) and "name" in node["data"] else set()
        return names.union(*(data_names(v) for k, v in node.items() if k != "datasets"))
    if isinstance(node, list):
        return set().union(*(data_names(v) for v in node))
    return set()


@pytest.mark.parametrize("name", list(DRAWS))
def test_each_draw_shows_its_own_rows_and_every_mark_finds_its_data(name):
    before, after = (draw().to_dict() for draw in DRAWS[name])  # to_dict() checks the Vega-Lite schema too
    for spec in (before, after):
        assert data_names(spec) and data_names(spec) <= set(spec["datasets"])
    # New rows get a new dataset name, so the browser redraws the chart, as it does for any Altair chart.
    assert set(after["datasets"]) != set(before["datasets"])
    assert sum(map(len, after["datasets"].values())) > sum(map(len, before["datasets"].values()))


def wipe(node) -> None:
    """Empty every dict and list in ``node``, the way a careless caller could."""
    children = list(node.values()) if isinstance(node, dict) else list(node) if isinstance(node, list) else []
    for child in children:
        wipe(child)
    if isinstance(node, (dict, list)):
        node.clear()


@pytest.mark.parametrize("name", list(DRAWS))
def test_changing_one_drawn_spec_leaves_the_design_for_the_next_draw(name):
    # ui.cache.chart_spec edits each spec it is given (it drops Altair's default view size).
    draw = DRAWS[name][0]
    untouched = draw().to_dict(validate=False)
    wipe(draw().to_dict(validate=False))
    assert draw().to_dict(validate=False) == untouched


def test_more_rows_than_the_chart_limit_are_refused_as_altair_refuses_them():
    chart = DesignedChart(
        {"mark": "bar", "data": {"name": "rows"}}, {"rows": [{"n": i} for i in range(MAX_CHART_ROWS + 1)]}
    )
    with pytest.raises(alt.MaxRowsError):
        chart.to_dict()
