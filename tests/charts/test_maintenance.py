"""Tip 6's charts: the schedule per week and the diverging give/take bars, checked on their data."""

from __future__ import annotations

from datetime import date

from charts import OKABE_ITO
from charts.maintenance import (
    KEY_KIND,
    LIST_KIND,
    OWE,
    OWED,
    balance_frame,
    give_take_balance,
    reconnect_schedule,
    schedule_frame,
)
from core.reciprocity import PersonBalance, Tally, describe_balances
from core.schedule import KeyContact, Pick, describe_schedule, plan_weeks

TODAY = date(2026, 3, 18)


def _plan(capacity: int = 3):
    keys = [KeyContact(1, "Ana", 14)]
    return plan_weeks(keys, [Pick(i, f"P{i}") for i in range(2, 9)], TODAY, capacity=capacity, weeks=4)


def _layers(chart) -> list[dict]:
    return chart.to_dict()["layer"]


def test_the_schedule_chart_counts_key_contacts_and_list_people_per_week():
    frame = schedule_frame(_plan())
    week_one = frame[frame["week"] == "16 Mar"].set_index("kind")["people"].to_dict()
    assert week_one == {KEY_KIND: 1, LIST_KIND: 2}
    assert list(dict.fromkeys(frame["week"])) == ["16 Mar", "23 Mar", "30 Mar", "06 Apr"]
    assert frame["people"].sum() == len(_plan().slots)


def test_the_schedule_chart_has_a_title_counts_as_text_and_the_capacity_line():
    spec = reconnect_schedule(_plan()).to_dict()
    assert spec["title"] == "Your reconnect schedule, week by week"
    marks = [layer["mark"]["type"] for layer in spec["layer"]]
    assert marks == ["bar", "text", "rule", "text"]
    colour = spec["layer"][0]["encoding"]["color"]["scale"]
    assert colour["range"] == [OKABE_ITO[0], OKABE_ITO[1]]
    assert any(d == [{"capacity": 3, "label": "capacity 3"}] for d in spec["datasets"].values())


def test_the_tooltip_names_who_is_planned_each_week():
    frame = schedule_frame(_plan())
    assert frame.iloc[1]["names"] == "P2, P3"


def test_the_balance_chart_puts_who_you_owe_left_of_zero_with_signed_labels():
    rows = [PersonBalance(1, "Ana", 0, 4), PersonBalance(2, "Bo", 3, 0)]
    frame = balance_frame(rows)
    assert frame[["person", "balance", "side", "label"]].values.tolist() == [
        ["Ana", -4, OWE, "-4"],
        ["Bo", 3, OWED, "+3"],
    ]
    spec = give_take_balance(rows).to_dict()
    assert spec["title"] == "Give and take: who you owe, who owes you"
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["bar", "text", "text", "rule"]
    scale = spec["layer"][0]["encoding"]["color"]["scale"]
    assert scale["domain"] == [OWE, OWED] and all(c in OKABE_ITO for c in scale["range"])


def test_two_people_with_the_same_name_get_separate_bars():
    frame = balance_frame([PersonBalance(1, "Ana", 0, 2), PersonBalance(7, "Ana", 5, 0)])
    assert list(frame["person"]) == ["Ana (#1)", "Ana (#7)"]


def test_the_bars_are_sorted_from_most_owed_by_you_to_most_owed_to_you():
    rows = [PersonBalance(1, "Mid", 2, 0), PersonBalance(2, "Top", 0, 9), PersonBalance(3, "End", 8, 0)]
    sort = _layers(give_take_balance(rows))[0]["encoding"]["y"]["sort"]
    assert sort == ["Top", "Mid", "End"]


def test_the_readings_beside_the_charts_say_the_same_in_words():
    assert describe_schedule(_plan()).startswith("This week: 3 people (1 key contact) of a capacity of 3.")
    assert "did not fit" in describe_schedule(_plan(capacity=1))
    reading = describe_balances(Tally(3, 7), [PersonBalance(1, "Ana", 0, 4), PersonBalance(2, "Bo", 3, 0)])
    assert "you owe your network (-4)" in reading
    assert "You owe most to Ana (-4)" in reading and "Bo owes you most (+3)" in reading


def test_empty_charts_still_render_with_their_titles():
    assert give_take_balance([]).to_dict()["title"].startswith("Give and take")
    empty = plan_weeks([], [], TODAY, weeks=2)
    assert reconnect_schedule(empty).to_dict()["title"].startswith("Your reconnect schedule")
    assert describe_schedule(empty).startswith("Nothing planned yet")
