"""Charts for tips 2 and 3: titled, colour-blind-safe, labelled beyond colour, built on the right data."""

from __future__ import annotations

from datetime import date

from charts import OKABE_ITO
from charts.outreach import (
    DIRECT,
    MAX_REFERENCES,
    VIA,
    asks_chart,
    follow_ups_chart,
    goal_coverage_chart,
    reference_progress_chart,
)
from core.model import Goal
from core.outreach import compute_coverage, reference_progress
from core.ties import Person as TiePerson


def coverage_of(goals, links):
    """Coverage from (goal, person, introducer or None) links, every introducer a strong tie."""
    introducers = {i for _, _, i in links if i is not None}
    people, goal_people = {}, {}
    for goal_id, contact_id, introducer in links:
        tie = "strong" if contact_id in introducers else "weak"
        people.setdefault(contact_id, TiePerson(contact_id, str(contact_id), tie, introducer))
        goal_people.setdefault(goal_id, []).append(contact_id)
    for introducer in introducers - set(people):
        people[introducer] = TiePerson(introducer, str(introducer), "strong")
    return compute_coverage(goals, list(people.values()), goal_people)


def layer_data(spec: dict, index: int) -> list[dict]:
    """The rows behind one layer of a layered chart spec."""
    name = spec["layer"][index]["data"]["name"] if "data" in spec["layer"][index] else spec["data"]["name"]
    return spec["datasets"][name]


def test_coverage_chart_shows_direct_and_introduced_helpers_and_spells_out_uncovered_targets() -> None:
    goals = [Goal(1, "role", "Data analyst"), Goal(2, "employer", "Acme Health")]
    coverage = coverage_of(goals, [(1, 10, None), (1, 11, None), (1, 12, 10)])
    spec = goal_coverage_chart(coverage).to_dict()
    assert spec["title"] == "Who can help with each target"
    bars = layer_data(spec, 0)
    assert {(r["target"], r["route"], r["people"]) for r in bars} >= {
        ("Data analyst", DIRECT, 2),
        ("Data analyst", VIA, 1),
        ("Acme Health", DIRECT, 0),
    }
    labels = {r["target"]: r["label"] for r in layer_data(spec, 1)}
    assert labels["Data analyst"] == "2 direct · 1 via intro"
    assert labels["Acme Health"] == "nobody yet"
    assert spec["layer"][0]["encoding"]["color"]["scale"]["range"] == OKABE_ITO[:2]
    # the longest bar leaves room for its label
    assert spec["layer"][0]["encoding"]["x"]["scale"]["domain"] == [0, 7]


def test_reference_chart_marks_done_steps_with_a_tick_and_the_next_with_an_arrow() -> None:
    progress = [reference_progress(1, {"agreed": date(2026, 2, 3)})]
    spec = reference_progress_chart(progress, {1: "Ana Ruiz"}).to_dict()
    rows = layer_data(spec, 0)
    assert len(rows) == 5
    by_step = {r["step"]: r for r in rows}
    assert (by_step["1 Agreed"]["mark"], by_step["1 Agreed"]["when"]) == ("✓", "03 Feb")
    assert by_step["2 Told goals"]["mark"] == "→"
    assert by_step["5 Told and thanked"]["state"] == "to do"
    assert "done" in spec["title"] and "next" in spec["title"]


def test_reference_chart_never_sends_more_than_5000_rows() -> None:
    progress = [reference_progress(i, {}) for i in range(MAX_REFERENCES + 50)]
    rows = layer_data(reference_progress_chart(progress, {}).to_dict(), 0)
    assert len(rows) <= 5000


def test_asks_chart_prints_each_count_in_its_cell_with_plain_labels() -> None:
    spec = asks_chart([("advice", "helped", 4), ("referral", "no_reply", 2), ("", "pending", 1)]).to_dict()
    rows = layer_data(spec, 0)
    assert {(r["request"], r["outcome"], r["asks"]) for r in rows} == {
        ("Advice", "Helped", 4),
        ("A referral", "No reply", 2),
        ("Unspecified", "Waiting", 1),
    }
    assert {r["outcome_full"] for r in rows} >= {"Waiting to hear"}  # the tooltip keeps the full words
    assert spec["layer"][1]["mark"]["type"] == "text"
    assert spec["title"] == "Asks by kind and outcome"


def test_asks_chart_renders_with_no_asks() -> None:
    assert asks_chart([]).to_dict()["title"] == "Asks by kind and outcome"


def test_follow_ups_chart_has_a_bar_and_a_number_for_each_status() -> None:
    spec = follow_ups_chart({"done": 7, "owed": 2}).to_dict()
    rows = layer_data(spec, 0)
    assert [(r["status"], r["help"]) for r in rows] == [
        ("Followed up", 7),
        ("Still time to thank", 0),
        ("Owed (overdue)", 2),
    ]
    assert spec["layer"][1]["encoding"]["text"]["field"] == "help"
    assert set(spec["layer"][0]["encoding"]["color"]["scale"]["range"]) <= set(OKABE_ITO)
