"""Tip 5 charts: the mix by circle and the introduction-paths graph, checked through their specs."""

from __future__ import annotations

import random

from charts import MAX_CHART_ROWS
from charts.ties import graph_frames, introduction_paths, mix_frame, tie_mix
from core.model import CIRCLES, Goal
from core.ties import Person, find_paths, layout_paths, summarise_mix

GOALS = [Goal(1, "association", "Data Guild", 1), Goal(2, "conference", "PyCon", 2)]


def rows_sent(spec: dict) -> int:
    return sum(len(rows) for rows in spec.get("datasets", {}).values())


def mark_types(spec: dict) -> list[str]:
    return [layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"] for layer in spec["layer"]]


def big_network(size: int = 30_000, seed: int = 3) -> tuple[list[Person], dict[int, list[int]]]:
    rng = random.Random(seed)
    people = [
        Person(
            i,
            f"Person {i}",
            "strong" if rng.random() < 0.1 else "weak",
            rng.randint(1, size) if rng.random() < 0.4 else None,
        )
        for i in range(1, size + 1)
    ]
    links = {1: rng.sample(range(1, size + 1), 3000), 2: rng.sample(range(1, size + 1), 3000)}
    return people, links


def test_the_mix_chart_shows_each_circle_with_a_strong_and_a_weak_bar_labelled_in_words():
    mix = summarise_mix([("family", "strong", 3), ("family", "weak", 1), ("online", "weak", 40)])
    spec = tie_mix(mix.rows).to_dict()
    assert spec["title"] == "Strong and weak ties by circle"
    [data] = spec["datasets"].values()
    assert [(r["circle"], r["tie"], r["people"], r["label"]) for r in data] == [
        ("Family", "Strong ties", 3, "Strong 3"),
        ("Family", "Weak ties", 1, "Weak 1"),
        ("Online and social media", "Strong ties", 0, "Strong 0"),
        ("Online and social media", "Weak ties", 40, "Weak 40"),
    ]
    assert mark_types(spec) == ["bar", "text"]


def test_the_mix_chart_uses_the_colour_blind_safe_strong_and_weak_colours():
    spec = tie_mix(summarise_mix([("family", "strong", 1)]).rows).to_dict()
    scale = spec["layer"][0]["encoding"]["color"]["scale"]
    assert scale == {"domain": ["Strong ties", "Weak ties"], "range": ["#0072B2", "#E69F00"]}


def test_at_30000_contacts_the_mix_chart_sends_two_rows_per_circle_at_most():
    rng = random.Random(1)
    counts = [(c, t, rng.randint(0, 6000)) for c in CIRCLES for t in ("strong", "weak")]
    spec = tie_mix(summarise_mix(counts).rows).to_dict()
    assert rows_sent(spec) == 2 * len(CIRCLES) <= MAX_CHART_ROWS
    assert sum(r["people"] for r in next(iter(spec["datasets"].values()))) == sum(n for *_, n in counts)


def test_the_paths_graph_draws_edges_as_rules_and_nodes_as_shaped_labelled_points():
    people = [Person(1, "Sam", "strong"), Person(2, "Ana", "weak", 1), Person(3, "Bo", "weak", 2)]
    layout = layout_paths(find_paths(people, {1: [3]}, GOALS))
    spec = introduction_paths(layout).to_dict()
    assert spec["title"] == "Introduction paths"
    assert mark_types(spec) == ["rule", "point", "text", "text"]
    assert "datum.side == 'left' ? 'right'" in spec["layer"][2]["mark"]["align"]["expr"]  # left labels sit left
    point = spec["layer"][1]["encoding"]
    assert point["shape"]["scale"]["range"] == ["circle", "triangle-up", "diamond"]
    assert point["shape"]["field"] == point["color"]["field"] == "role"
    nodes, edges = graph_frames(layout)
    assert sorted(nodes["label"]) == ["Ana", "Bo", "Data Guild", "Sam"]
    assert sorted(edges["kind"]) == ["introduces", "introduces", "relates to goal"]
    assert dict(zip(nodes["label"], nodes["side"])) == {
        "Sam": "left",
        "Ana": "middle",
        "Bo": "middle",
        "Data Guild": "right",
    }
    headers = next(rows for rows in spec["datasets"].values() if rows and "header" in rows[0])
    assert [h["header"] for h in headers] == ["People you know", "1 step away", "2 steps away", "Goals"]


def test_an_empty_paths_graph_still_renders_with_its_title():
    spec = introduction_paths(layout_paths([])).to_dict()
    assert spec["title"].startswith("Introduction paths")
    assert rows_sent(spec) == 0


def test_at_30000_contacts_the_paths_graph_shows_only_the_top_paths():
    people, links = big_network()
    paths = find_paths(people, links, GOALS, limit=12)
    assert len(paths) == 12
    spec = introduction_paths(layout_paths(paths)).to_dict()
    nodes, _ = graph_frames(layout_paths(paths))
    assert len(nodes) <= 12 * 5
    assert rows_sent(spec) <= MAX_CHART_ROWS


def test_the_frames_never_exceed_the_chart_row_limit():
    people, links = big_network(size=12_000)
    layout = layout_paths(find_paths(people, links, GOALS, limit=10_000))
    nodes, edges = graph_frames(layout)
    assert len(nodes) <= MAX_CHART_ROWS and len(edges) <= MAX_CHART_ROWS
    mix = mix_frame(summarise_mix([("family", "weak", 30_000)]).rows)
    assert len(mix) == 2
