"""Two tabs on one workbook stay in sync: a save in one shows in the other's next run."""

from __future__ import annotations

import pyarrow as pa


def people_listed(at) -> str:
    return next(m.value for m in at.metric if m.label == "People listed")


def test_a_person_saved_in_one_tab_is_counted_in_the_other_on_its_next_run(app_on, tmp_path):
    path = tmp_path / "shared.duckdb"
    first = app_on(path, "know_your_network.py")
    second = app_on(path, "know_your_network.py")
    assert people_listed(second) == "0"
    first.text_input(key="new_name").set_value("Ana Costa")
    next(b for b in first.button if b.label == "Add person").click().run()
    assert people_listed(first) == "1"
    second.run()
    assert people_listed(second) == "1"


def test_a_chart_in_the_other_tab_redraws_with_the_new_person(app_on, tmp_path):
    path = tmp_path / "shared.duckdb"
    first = app_on(path, "know_your_network.py")
    second = app_on(path, "know_your_network.py")
    first.text_input(key="new_name").set_value("Ana Costa")
    next(b for b in first.button if b.label == "Add person").click().run()
    second.run()
    chart = second.get("vega_lite_chart")[0]
    assert "People per circle" in chart.proto.spec
    (dataset,) = chart.proto.datasets
    rows = pa.ipc.open_stream(dataset.data.data).read_all().to_pylist()
    assert sum(row["people"] for row in rows) == 1
