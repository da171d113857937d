"""Chart specs cached by the values they draw: built once per distinct data, the same chart as
Altair would draw, never more than 5,000 rows; and stale cached results are let go."""

from __future__ import annotations

import altair as alt
import pandas as pd
import pytest

from charts.network import people_per_circle
from core.circles import count_circles
from core.model import CIRCLES
from ui import cache
from ui.cache import chart_spec

builds: list[tuple] = []


def bars(values: tuple[int, ...]) -> alt.Chart:
    builds.append(values)
    data = pd.DataFrame({"n": list(range(len(values))), "value": list(values)})
    return alt.Chart(data).mark_bar().encode(x="n:O", y="value:Q").properties(title="Bars")


@pytest.fixture(autouse=True)
def fresh():
    builds.clear()
    yield
    builds.clear()


def dataset_rows(spec: dict) -> list[dict]:
    (rows,) = spec["datasets"].values()
    return rows


def test_the_same_data_draws_the_cached_spec_without_building_the_chart_again(workbook):
    first = chart_spec(workbook, bars, (1, 2, 3))
    again = chart_spec(workbook, bars, (1, 2, 3))
    assert again is first
    assert builds == [(1, 2, 3)]


def test_new_data_draws_a_new_chart_with_the_new_values(workbook):
    chart_spec(workbook, bars, (1, 2, 3))
    changed = chart_spec(workbook, bars, (1, 2, 4))
    assert [row["value"] for row in dataset_rows(changed)] == [1, 2, 4]
    assert len(builds) == 2


def test_the_spec_is_the_chart_altair_would_draw_with_its_title_and_data(workbook):
    rows = count_circles({circle: 3 for circle in CIRCLES})
    spec = chart_spec(workbook, people_per_circle, rows)
    altair_spec = people_per_circle(rows).to_dict()
    assert spec["title"] == altair_spec["title"] == "People per circle"
    assert spec["layer"] == altair_spec["layer"]
    assert dataset_rows(spec) == dataset_rows(altair_spec)
    # Streamlit sizes the chart: Altair's default view size is left out, as st.altair_chart does.
    assert "view" not in spec.get("config", {})


def test_a_chart_of_more_than_5000_rows_is_refused(workbook):
    with pytest.raises(alt.MaxRowsError):
        chart_spec(workbook, bars, tuple(range(5001)))


def test_the_spec_cache_keeps_a_bounded_number_of_charts(workbook):
    for n in range(cache._MAX_SPECS + 10):
        chart_spec(workbook, bars, (n,))
    assert len(cache._spec_caches[workbook]) <= cache._MAX_SPECS


def test_two_workbooks_never_share_a_chart_spec(tmp_path):
    from store import open_private_workbook

    first, second = open_private_workbook(), open_private_workbook()
    chart_spec(first, bars, (7, 8))
    chart_spec(second, bars, (7, 8))
    assert builds == [(7, 8), (7, 8)]


def test_a_released_workbook_takes_its_chart_specs_with_it():
    import gc
    import weakref

    from store import open_private_workbook

    book = open_private_workbook()
    chart_spec(book, bars, (1,))
    specs = weakref.ref(cache._spec_caches[book])  # what this workbook's charts drew
    book.close()
    del book
    gc.collect()
    assert specs() is None
