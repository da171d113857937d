"""The demo workbook: the same for the same seed and day, internally consistent, and big enough for
the benchmark (30,000 people, 100,000 interactions)."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta

import pytest

from core.demo import make_demo
from core.model import (
    CHANNELS,
    CIRCLES,
    GOAL_KINDS,
    INTERACTION_KINDS,
    LEDGER_KINDS,
    OUTCOMES,
    RATING_QUESTIONS,
    REFERENCE_STEPS,
    REQUEST_KINDS,
    TIES,
)

TODAY = date(2026, 3, 10)


@pytest.fixture(scope="module")
def demo():
    return make_demo(2000, seed=7, today=TODAY)


@pytest.fixture(scope="module")
def big():
    return make_demo(30_000, seed=7, today=TODAY)


def rows(data, table: str) -> list[dict]:
    columns = data.tables[table]
    return [dict(zip(columns, values)) for values in zip(*columns.values())]


def test_the_same_seed_and_day_give_identical_tables():
    assert make_demo(300, seed=5, today=TODAY).tables == make_demo(300, seed=5, today=TODAY).tables


def test_a_different_seed_gives_different_people():
    first, second = make_demo(300, seed=5, today=TODAY), make_demo(300, seed=6, today=TODAY)
    assert first.tables["contacts"]["name"] != second.tables["contacts"]["name"]
    assert first.tables["interactions"] != second.tables["interactions"]


def test_every_table_has_consistent_column_lengths(demo):
    for table, columns in demo.tables.items():
        assert len({len(values) for values in columns.values()}) == 1, table
        assert demo.rows(table) == len(next(iter(columns.values())))


def test_every_person_has_a_known_circle_and_tie_and_a_name(demo):
    people = rows(demo, "contacts")
    assert [p["id"] for p in people] == list(range(1, 2001))
    assert all(p["circle"] in CIRCLES for p in people)
    assert all(p["tie"] in TIES for p in people)
    assert all(p["name"].strip() for p in people)


def test_an_introducer_is_always_an_earlier_strong_tie(demo):
    tie = {p["id"]: p["tie"] for p in rows(demo, "contacts")}
    introductions = [(p["id"], p["introduced_by"]) for p in rows(demo, "contacts") if p["introduced_by"] is not None]
    assert len(introductions) > 100  # enough for tip 5's introduction paths to show something
    for person, introducer in introductions:
        assert introducer < person
        assert tie[introducer] == "strong"


def test_the_demo_fills_every_circle_with_both_kinds_of_tie(big):
    people = rows(big, "contacts")
    assert set(Counter(p["circle"] for p in people)) == set(CIRCLES)
    ties = Counter(p["tie"] for p in people)
    assert ties["strong"] > 0 and ties["weak"] > ties["strong"]


def test_key_people_have_a_cadence_and_nobody_else_does(demo):
    people = rows(demo, "contacts")
    assert any(p["is_key"] for p in people)
    for p in people:
        assert (p["cadence_days"] is not None) == p["is_key"]
        if p["is_key"]:
            assert p["cadence_days"] > 0 and p["tie"] == "strong"


def test_no_date_in_the_demo_is_in_the_future_or_more_than_two_years_back(demo):
    start = TODAY - timedelta(days=730)
    dated = [
        *(r["happened_on"] for r in rows(demo, "interactions")),
        *(r["happened_on"] for r in rows(demo, "ledger")),
        *(r["done_on"] for r in rows(demo, "reference_steps")),
        *(r["taken_on"] for r in rows(demo, "ratings")),
        *(r["created_at"].date() for r in rows(demo, "contacts")),
    ]
    assert all(start <= day <= TODAY for day in dated)
    assert all(isinstance(r["created_at"], datetime) for r in rows(demo, "contacts"))


def test_interactions_use_the_apps_vocabulary_and_point_at_real_people_and_goals(demo):
    people = set(demo.tables["contacts"]["id"])
    goals = set(demo.tables["goals"]["id"])
    interactions = rows(demo, "interactions")
    assert [r["id"] for r in interactions] == list(range(1, len(interactions) + 1))
    for r in interactions:
        assert r["contact_id"] in people
        assert r["kind"] in INTERACTION_KINDS and r["channel"] in CHANNELS
        if r["kind"] == "ask":
            assert r["outcome"] in OUTCOMES and r["request_kind"] in REQUEST_KINDS
            assert r["goal_id"] is None or r["goal_id"] in goals
        else:
            assert (r["outcome"], r["request_kind"], r["goal_id"]) == ("", "", None)
    assert {r["kind"] for r in interactions} == set(INTERACTION_KINDS)


def test_goals_links_ledger_references_and_ratings_are_consistent(demo):
    people = {p["id"]: p for p in rows(demo, "contacts")}
    goals = rows(demo, "goals")
    assert all(g["kind"] in GOAL_KINDS and g["title"].strip() and g["priority"] in (1, 2, 3) for g in goals)
    goal_ids = {g["id"] for g in goals}
    links = [(r["contact_id"], r["goal_id"]) for r in rows(demo, "contact_goals")]
    assert len(links) == len(set(links)) > 0
    assert all(person in people and goal in goal_ids for person, goal in links)

    for entry in rows(demo, "ledger"):
        assert people[entry["contact_id"]]["tie"] == "strong"
        assert entry["direction"] in ("gave", "received") and entry["kind"] in LEDGER_KINDS
        assert 1 <= entry["weight"] <= 5

    steps = [(r["contact_id"], r["step"]) for r in rows(demo, "reference_steps")]
    assert len(steps) == len(set(steps)) > 0
    for person, step in steps:
        assert people[person]["is_reference"] and step in REFERENCE_STEPS

    for rating in rows(demo, "ratings"):
        assert rating["score"] == sum(rating[q] for q in RATING_QUESTIONS)
        assert 0 <= rating["score"] <= 5


def test_a_heavy_linkedin_users_workbook_has_30000_people_and_100000_interactions(big):
    assert big.rows("contacts") == 30_000
    assert big.rows("interactions") == 100_000
    assert len(set(big.tables["contacts"]["id"])) == 30_000
    emails = [e for e in big.tables["contacts"]["email"] if e]
    assert len(emails) == len(set(emails))


def test_the_number_of_interactions_can_be_chosen():
    assert make_demo(50, seed=1, today=TODAY, interactions=7).rows("interactions") == 7
    assert make_demo(50, seed=1, today=TODAY, interactions=0).rows("interactions") == 0
