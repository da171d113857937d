"""Tip 2's core: specific targets, goal coverage, reference progress and follow-ups owed."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.model import REFERENCE_STEPS, Goal
from core.outreach import (
    COVERED_DIRECT,
    COVERED_VIA_INTRO,
    FOLLOW_UP_DONE,
    FOLLOW_UP_DUE,
    FOLLOW_UP_OWED,
    UNCOVERED,
    HelpEvent,
    IntroPath,
    check_follow_up_days,
    check_step_date,
    check_target,
    compute_coverage,
    count_follow_ups,
    describe_coverage,
    describe_follow_ups,
    describe_help,
    describe_references,
    follow_up_status,
    is_vague_target,
    reference_progress,
    target_label,
)
from core.ties import Person as TiePerson

TODAY = date(2026, 3, 1)


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


@pytest.mark.parametrize(
    "title", ["anything", "Any job", "open to all", "  Whatever!  ", "any opportunities", "a good job", "Any industry"]
)
def test_a_target_that_names_nothing_is_vague(title: str) -> None:
    assert is_vague_target(title)


@pytest.mark.parametrize(
    "title", ["Data analyst", "Acme Health", "Any job in renewable energy", "Nurse", "UX research at a bank"]
)
def test_a_target_that_names_something_is_specific(title: str) -> None:
    assert not is_vague_target(title)
    assert check_target("role", title) == []


def test_a_vague_target_is_refused_with_why_and_a_specific_example() -> None:
    [problem] = check_target("employer", "anything")
    assert problem.blocking
    assert "nothing to act on" in problem.message
    assert "Riverside Community Hospital" in problem.message


def test_a_target_of_only_spaces_is_refused() -> None:
    [problem] = check_target("role", "    ")
    assert problem.field == "title" and "blank" in problem.message


def test_a_destination_kind_is_not_a_tip_two_target() -> None:
    [problem] = check_target("conference", "PyCon")
    assert problem.field == "kind"


ANALYST = Goal(1, "role", "Data analyst")
ACME = Goal(2, "employer", "Acme Health")
ENERGY = Goal(3, "industry", "Renewable energy")


def test_coverage_splits_people_you_know_from_people_reached_through_an_introducer() -> None:
    links = [(1, 10, None), (1, 11, 10), (2, 12, 7), (1, 10, None)]
    analyst, acme, energy = coverage_of([ANALYST, ACME, ENERGY], links)
    assert analyst.direct == (10,) and analyst.via == (IntroPath(10, 11),)
    assert analyst.status == COVERED_DIRECT
    assert acme.direct == () and acme.via == (IntroPath(7, 12),)
    assert acme.status == COVERED_VIA_INTRO
    assert energy.status == UNCOVERED


def test_a_target_is_labelled_with_its_kind() -> None:
    assert target_label(ANALYST) == "Data analyst (role)"
    assert target_label(ACME) == "Acme Health (employer)"


@given(st.lists(st.tuples(st.integers(1, 4), st.integers(1, 30), st.none() | st.integers(1, 30)), max_size=60))
def test_every_target_gets_exactly_one_coverage_entry_and_links_to_unknown_goals_are_ignored(links) -> None:
    goals = [ANALYST, ACME, ENERGY]
    coverage = coverage_of(goals, links)
    assert [c.goal for c in coverage] == goals
    for entry in coverage:
        linked = {c for g, c, _ in links if g == entry.goal.id}
        assert set(entry.direct) | {p.helper_id for p in entry.via} == linked
        assert (entry.status == UNCOVERED) == (not linked)


def test_a_reference_with_all_five_steps_is_complete() -> None:
    progress = reference_progress(5, {step: TODAY for step in REFERENCE_STEPS})
    assert progress.complete and progress.next_step is None and progress.steps_done == 5


def test_the_next_reference_step_is_the_first_undone_in_the_articles_order() -> None:
    progress = reference_progress(5, {"agreed": TODAY, "kept_informed": TODAY})
    assert progress.next_step == "told_goals"
    assert not progress.complete and progress.steps_done == 2
    assert reference_progress(5, {}).next_step == "agreed"


def test_unknown_reference_steps_are_ignored() -> None:
    assert reference_progress(5, {"bribed": TODAY}).steps_done == 0


def test_a_reference_step_dated_in_the_future_is_refused() -> None:
    [problem] = check_step_date("agreed", TODAY + timedelta(days=1), TODAY)
    assert "future" in problem.message
    assert check_step_date("agreed", TODAY, TODAY) == []
    assert check_step_date("nope", TODAY, TODAY)[0].field == "step"
    assert check_step_date("agreed", None, TODAY)[0].field == "done_on"


def test_help_without_thanks_is_owed_only_after_the_grace_period() -> None:
    fresh = HelpEvent(1, 10, TODAY - timedelta(days=14))
    stale = HelpEvent(2, 10, TODAY - timedelta(days=15))
    thanked_late = HelpEvent(3, 10, TODAY - timedelta(days=60), followed_up_on=TODAY)
    assert follow_up_status(fresh, TODAY) == FOLLOW_UP_DUE
    assert follow_up_status(stale, TODAY) == FOLLOW_UP_OWED
    assert follow_up_status(thanked_late, TODAY) == FOLLOW_UP_DONE
    assert follow_up_status(fresh, TODAY, days=7) == FOLLOW_UP_OWED


@given(st.lists(st.tuples(st.integers(0, 200), st.none() | st.integers(0, 200)), max_size=40), st.integers(1, 60))
def test_every_help_event_is_counted_once_as_done_due_or_owed(ages, days) -> None:
    events = [
        HelpEvent(i, 1, TODAY - timedelta(days=a), None if f is None else TODAY - timedelta(days=min(f, a)))
        for i, (a, f) in enumerate(ages)
    ]
    counts = count_follow_ups(events, TODAY, days)
    assert sum(counts.values()) == len(events)
    assert counts[FOLLOW_UP_OWED] == sum(1 for age, followed in ages if followed is None and age > days)


def test_the_grace_period_must_be_between_one_and_365_days() -> None:
    assert check_follow_up_days(14) == []
    assert check_follow_up_days(0) and check_follow_up_days(366)


def test_the_coverage_reading_names_who_to_ask_and_what_nobody_covers() -> None:
    coverage = coverage_of([ANALYST, ACME, ENERGY], [(1, 10, None), (2, 12, 7)])
    text = describe_coverage(coverage, {10: "Ana", 12: "Bo", 7: "Cy"})
    assert text.startswith("2 of 3 targets")
    assert "**Data analyst**: ask Ana." in text
    assert "ask Cy to introduce you to Bo" in text
    assert "**Renewable energy**: nobody yet" in text


def test_the_coverage_reading_escapes_titles_and_names_but_not_its_own_markdown() -> None:
    coverage = coverage_of([Goal(1, "role", "C# *lead*")], [(1, 10, None)])
    text = describe_coverage(coverage, {10: "Ana_B"}, escape=lambda t: f"<{t}>")
    assert "- **<C# *lead*>**: ask <Ana_B>." in text
    assert text.startswith("Every target")


def test_the_references_reading_counts_complete_ones_and_the_usual_next_step() -> None:
    progress = [
        reference_progress(1, {s: TODAY for s in REFERENCE_STEPS}),
        reference_progress(2, {"agreed": TODAY}),
        reference_progress(3, {"agreed": TODAY}),
    ]
    text = describe_references(progress)
    assert text.startswith("1 of 3 references")
    assert "told your goals" in text and "(2 waiting)" in text
    assert describe_references([]).startswith("No references marked yet")


def test_help_is_described_by_what_was_asked_or_given() -> None:
    assert describe_help("ask", "referral") == "helped with your ask for a referral"
    assert describe_help("help_received", "introduction", "met Jo") == "helped you with an introduction (met Jo)"
    assert describe_help("help_received", "", "x" * 80) == f"helped you ({'x' * 60})"


def test_the_follow_up_reading_says_how_many_thanks_are_overdue() -> None:
    text = describe_follow_ups({FOLLOW_UP_DONE: 3, FOLLOW_UP_DUE: 1, FOLLOW_UP_OWED: 2}, 14)
    assert "3 of 6" in text and "2 went more than 14 days" in text
    assert "Nothing is overdue" in describe_follow_ups({FOLLOW_UP_DONE: 1}, 14)
