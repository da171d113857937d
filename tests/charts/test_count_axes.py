"""Every axis that counts something shows whole numbers (never "0.2" or "0.000000"), on an empty
workbook too, and no legend sits at the top, over the chart's title."""

from __future__ import annotations

from datetime import date

import pytest

from charts.maintenance import reconnect_schedule
from charts.network import list_growth, people_per_circle
from charts.outreach import follow_ups_chart, goal_coverage_chart
from charts.ties import tie_mix
from charts.workshop import common_no_answers, score_distribution, tip_progress
from charts.workshop import tie_mix as room_tie_mix
from core.circles import count_circles
from core.model import RATING_QUESTIONS, Goal
from core.outreach import GoalCoverage, IntroPath
from core.schedule import KeyContact, Pick, plan_weeks
from core.ties import summarise_mix
from core.workshop import ParticipantShare, summarise_room

TODAY = date(2026, 3, 18)
QUESTIONS = list(RATING_QUESTIONS)
ROOM = summarise_room(
    3,
    [
        ParticipantShare(score=3, answers=tuple(q != "future" for q in QUESTIONS), strong_ties=2, weak_ties=3),
        ParticipantShare(score=1, answers=tuple(q == "truth" for q in QUESTIONS), strong_ties=1, weak_ties=1),
        ParticipantShare(score=2, answers=tuple(q in ("truth", "vibrant") for q in QUESTIONS), strong_ties=0),
    ],
)
EMPTY_ROOM = summarise_room(0, [])
GOALS = [Goal(1, "role", "Data analyst"), Goal(2, "employer", "Acme Health")]

# (chart, the encodings that count people, help or participants)
CHARTS = {
    "people per circle": (lambda: people_per_circle(count_circles({"family": 2, "friends": 1})), {"x"}),
    "people per circle, empty": (lambda: people_per_circle(count_circles({})), {"x"}),
    "list growth": (lambda: list_growth([("2026-01", 1), ("2026-02", 3)]), {"y"}),
    "list growth, one month": (lambda: list_growth([("2026-01", 0)]), {"y"}),
    "goal coverage": (
        lambda: goal_coverage_chart(
            [GoalCoverage(GOALS[0], (10,), (IntroPath(10, 11),)), GoalCoverage(GOALS[1], (), ())]
        ),
        {"x"},
    ),
    "goal coverage, nobody linked": (lambda: goal_coverage_chart([GoalCoverage(GOALS[0], (), ())]), {"x"}),
    "follow-ups": (lambda: follow_ups_chart({"done": 2, "owed": 1}), {"x"}),
    "follow-ups, empty": (lambda: follow_ups_chart({}), {"x"}),
    "reconnect schedule": (
        lambda: reconnect_schedule(plan_weeks([KeyContact(1, "Ana", 14)], [Pick(2, "Bo")], TODAY, weeks=3)),
        {"y"},
    ),
    "reconnect schedule, empty": (lambda: reconnect_schedule(plan_weeks([], [], TODAY, weeks=2)), {"y"}),
    "tie mix": (lambda: tie_mix(summarise_mix([("family", "strong", 2), ("friends", "weak", 1)]).rows), {"x"}),
    "tie mix, empty": (lambda: tie_mix(summarise_mix([]).rows), {"x"}),
    "room scores": (lambda: score_distribution(ROOM), {"y"}),
    "room no answers": (lambda: common_no_answers(ROOM), {"x"}),
    "room tie mix": (lambda: room_tie_mix(ROOM), {"x"}),
    "room tips": (lambda: tip_progress(ROOM), {"x"}),
    "room tips, empty": (lambda: tip_progress(EMPTY_ROOM), {"x"}),
}


def encodings(spec: dict):
    """Every encoding of a chart and its layers."""
    for part in [spec, *spec.get("layer", [])]:
        yield from part.get("encoding", {}).items()


def legends(spec: dict):
    for _, encoding in encodings(spec):
        if isinstance(encoding, dict) and encoding.get("legend"):
            yield encoding["legend"]


@pytest.mark.parametrize("name", list(CHARTS))
def test_every_count_axis_shows_whole_numbers(name):
    build, channels = CHARTS[name]
    spec = build().to_dict()
    axes = [e["axis"] for channel, e in encodings(spec) if channel in channels and isinstance(e, dict) and "axis" in e]
    assert axes, f"{name}: no axis found on {channels}"
    for axis in axes:
        assert axis.get("format") in ("d", ",d"), f"{name}: the count axis is formatted {axis.get('format')!r}"
        assert axis.get("tickMinStep") == 1, f"{name}: ticks could fall between whole numbers"


@pytest.mark.parametrize("name", [n for n in CHARTS if "empty" in n or "nobody" in n or "one month" in n])
def test_an_empty_chart_still_spans_at_least_zero_to_one(name):
    build, channels = CHARTS[name]
    spec = build().to_dict()
    domains = [
        e["scale"]["domain"]
        for channel, e in encodings(spec)
        if channel in channels and isinstance(e, dict) and "domain" in e.get("scale", {})
    ]
    # A fixed domain from zero, or (for a chart designed once) the rows' range joined to 0-1.
    assert domains and all(d == {"unionWith": [0, 1]} or (d[0] == 0 and d[1] >= 1) for d in domains), domains


@pytest.mark.parametrize("name", list(CHARTS))
def test_no_legend_sits_over_the_title(name):
    spec = CHARTS[name][0]().to_dict()
    assert spec.get("title"), f"{name} has no title"
    for legend in legends(spec):
        assert legend.get("orient") == "bottom", f"{name}: a legend at {legend.get('orient')!r} can cover the title"
