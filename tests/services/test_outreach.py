"""Tip 2's use cases on a real workbook: targets, the pitch, coverage, references and the log."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from core.errors import InvalidInput
from core.model import ContactDraft
from core.outreach import COVERED_DIRECT, COVERED_VIA_INTRO, UNCOVERED
from services import outreach
from store.contacts import add_contact, get_contact
from store.goals import add_goal

pytestmark = pytest.mark.both_engines

TODAY = date(2026, 3, 1)


def person(workbook, name, **fields):
    return add_contact(workbook, ContactDraft(name=name, **fields))


def count(workbook, table):
    return workbook.read_one(f"SELECT count(*) FROM {table}")[0]


def test_a_specific_target_is_saved_trimmed_and_listed_with_its_label(workbook):
    assert outreach.add_target(workbook, "employer", "  Meridian Hospital ", 1) == "Meridian Hospital"
    targets = outreach.list_targets(workbook)
    [goal] = targets.goals
    assert (goal.title, goal.priority) == ("Meridian Hospital", 1)
    assert targets.labels == {goal.id: "Meridian Hospital (employer)"}
    assert targets.vague == ()


@pytest.mark.parametrize("title, reason", [("anything", "too open"), ("Any job", "too open"), ("   ", "blank")])
def test_a_vague_or_blank_target_is_refused_with_an_example_and_saves_nothing(workbook, title, reason):
    with pytest.raises(InvalidInput, match=reason) as refused:
        outreach.add_target(workbook, "role", title)
    assert "e.g." in str(refused.value)
    assert "nothing was saved" not in str(refused.value).lower()  # run_save says that, once
    assert count(workbook, "goals") == 0


def test_a_vague_target_saved_before_the_rule_is_flagged_with_a_specific_example(workbook):
    add_goal(workbook, "industry", "anything")
    assert outreach.list_targets(workbook).vague == (("anything", "Renewable energy"),)


def test_places_to_go_are_not_targets(workbook):
    add_goal(workbook, "conference", "Health Data Summit")
    assert outreach.list_targets(workbook).goals == ()


def test_removing_a_target_keeps_the_people_linked_to_it(workbook):
    ana = person(workbook, "Ana Ruiz")
    outreach.add_target(workbook, "role", "Data analyst")
    [goal] = outreach.list_targets(workbook).goals
    outreach.link_person(workbook, goal.id, ana)
    outreach.remove_target(workbook, goal.id)
    assert outreach.list_targets(workbook).goals == ()
    assert count(workbook, "contact_goals") == 0
    assert get_contact(workbook, ana).name == "Ana Ruiz"


def test_linking_nobody_is_refused_with_what_to_do(workbook):
    outreach.add_target(workbook, "role", "Data analyst")
    [goal] = outreach.list_targets(workbook).goals
    with pytest.raises(InvalidInput, match="Search for a person first"):
        outreach.link_person(workbook, goal.id, None)


def test_the_pitch_is_kept_trimmed_and_an_empty_one_refused(workbook):
    assert outreach.get_pitch(workbook) == outreach.Pitch("", "")
    outreach.save_pitch(workbook, " a data analyst role ", "finished a SQL course")
    with pytest.raises(InvalidInput, match="empty"):
        outreach.save_pitch(workbook, " ", "")
    assert outreach.get_pitch(workbook) == outreach.Pitch("a data analyst role", "finished a SQL course")


def test_coverage_says_who_helps_directly_or_through_an_introducer_and_names_only_them(workbook):
    sister = person(workbook, "Sister")
    coworker = person(workbook, "Co-worker", introduced_by=sister)
    friend = person(workbook, "Friend")
    person(workbook, "Nobody in particular")
    for title in ("Data analyst", "Meridian Hospital", "Renewable energy"):
        outreach.add_target(workbook, "role", title)
    analyst, meridian, energy = outreach.list_targets(workbook).goals
    outreach.link_person(workbook, analyst.id, friend)
    outreach.link_person(workbook, meridian.id, coworker)
    coverage = outreach.goal_coverage(workbook)
    assert [c.status for c in coverage.targets] == [COVERED_DIRECT, COVERED_VIA_INTRO, UNCOVERED]
    assert coverage.names == {friend: "Friend", sister: "Sister", coworker: "Co-worker"}


def test_coverage_names_at_most_three_helpers_per_target(workbook):
    ids = [person(workbook, f"Helper {i}") for i in range(5)]
    outreach.add_target(workbook, "role", "Data analyst")
    [goal] = outreach.list_targets(workbook).goals
    for contact_id in ids:
        outreach.link_person(workbook, goal.id, contact_id)
    coverage = outreach.goal_coverage(workbook)
    assert coverage.targets[0].direct == tuple(ids)
    assert set(coverage.names) == set(ids[:3])


def test_a_reference_is_marked_walked_through_a_step_and_shown_with_the_next_one(workbook):
    rosa = person(workbook, "Rosa Mensah")
    assert outreach.references_overview(workbook).progress == ()
    outreach.mark_reference(workbook, rosa)
    outreach.record_step(workbook, rosa, "agreed", TODAY - timedelta(days=1), TODAY)
    refs = outreach.references_overview(workbook)
    [progress] = refs.progress
    assert (progress.contact_id, progress.steps_done, progress.next_step) == (rosa, 1, "told_goals")
    assert refs.names == {rosa: "Rosa Mensah"}
    assert refs.reading.startswith("0 of 1 reference has")


def test_no_reference_yet_reads_as_where_to_start(workbook):
    assert "No references marked yet" in outreach.references_overview(workbook).reading


def test_marking_nobody_as_a_reference_or_a_step_to_come_is_refused(workbook):
    rosa = person(workbook, "Rosa Mensah")
    with pytest.raises(InvalidInput, match="Search for a person first"):
        outreach.mark_reference(workbook, None)
    outreach.mark_reference(workbook, rosa)
    with pytest.raises(InvalidInput, match="future"):
        outreach.record_step(workbook, rosa, "agreed", TODAY + timedelta(days=2), TODAY)
    assert count(workbook, "reference_steps") == 0


def test_a_logged_contact_moves_last_spoke_forward_and_tops_the_recent_log(workbook):
    kofi = person(workbook, "Kofi Mensah")
    outreach.log_contact(
        workbook, kofi, happened_on=TODAY - timedelta(days=5), kind="update", channel="email", today=TODAY
    )
    outreach.log_contact(
        workbook,
        kofi,
        happened_on=TODAY - timedelta(days=2),
        kind="catch_up",
        channel="call",
        note=" coffee ",
        today=TODAY,
    )
    assert get_contact(workbook, kofi).last_contacted_on == TODAY - timedelta(days=2)
    rows = outreach.recent_log(workbook)
    assert [(r["kind"], r["name"], r["note"]) for r in rows] == [
        ("catch_up", "Kofi Mensah", "coffee"),
        ("update", "Kofi Mensah", ""),
    ]
    assert len(outreach.recent_log(workbook, 1)) == 1


def test_only_an_ask_keeps_an_outcome_and_only_asks_and_help_keep_what_was_asked(workbook):
    kofi = person(workbook, "Kofi Mensah")
    choices = {"channel": "call", "outcome": "helped", "request_kind": "referral", "today": TODAY}
    for kind in ("ask", "help_received", "catch_up"):
        outreach.log_contact(workbook, kofi, happened_on=TODAY, kind=kind, **choices)
    rows = workbook.read("SELECT kind, outcome, request_kind FROM interactions ORDER BY id")
    assert rows == [("ask", "helped", "referral"), ("help_received", "", "referral"), ("catch_up", "", "")]


def test_logging_a_contact_with_nobody_or_in_the_future_saves_nothing(workbook):
    kofi = person(workbook, "Kofi Mensah")
    with pytest.raises(InvalidInput, match="Search for the person you contacted"):
        outreach.log_contact(workbook, None, happened_on=TODAY, kind="catch_up", channel="call", today=TODAY)
    with pytest.raises(InvalidInput, match="future"):
        outreach.log_contact(
            workbook, kofi, happened_on=TODAY + timedelta(days=1), kind="catch_up", channel="call", today=TODAY
        )
    assert count(workbook, "interactions") == 0
    assert get_contact(workbook, kofi).last_contacted_on is None
