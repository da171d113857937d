"""The follow-through chart: whole numbers on its count axis, readable on an empty workbook, two distinct series."""

from __future__ import annotations

from datetime import date

from charts.followthrough import CLOSED, OPENED, loops_by_week_chart
from core.followthrough import loops_by_week

MONDAY = date(2026, 3, 16)


def _y_axis(spec: dict) -> dict:
    return spec["layer"][0]["encoding"]["y"]


def test_an_empty_workbook_draws_zero_to_two_in_whole_numbers():
    spec = loops_by_week_chart(loops_by_week([], 12, MONDAY)).to_dict()
    y = _y_axis(spec)
    assert y["axis"]["format"] == "d" and y["axis"]["values"] == [0, 1, 2]
    assert spec["title"] == "Follow-through loops opened and closed per week"


def test_ticks_are_whole_numbers_at_any_height_and_the_series_differ_in_shape_and_dash():
    spec = loops_by_week_chart([(MONDAY, 132, 19)]).to_dict()
    values = _y_axis(spec)["axis"]["values"]
    assert all(isinstance(v, int) for v in values) and values[0] == 0 and values[-1] >= 132 and len(values) <= 7
    shapes = spec["layer"][1]["encoding"]["shape"]["scale"]
    assert shapes["domain"] == [OPENED, CLOSED] and shapes["range"][0] != shapes["range"][1]
    dashes = spec["layer"][0]["encoding"]["strokeDash"]["scale"]["range"]
    assert dashes[0] != dashes[1]
