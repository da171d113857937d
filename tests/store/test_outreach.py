"""Tips 2 and 3 in the workbook file: targets, pitch, references, the log, asks and follow-ups."""

from __future__ import annotations

import shutil
from datetime import date, timedelta

import pytest

from core.model import ContactDraft
from core.outreach import (
    FOLLOW_UP_DONE,
    FOLLOW_UP_DUE,
    FOLLOW_UP_OWED,
    compute_coverage,
    count_follow_ups,
)
from store import InvalidInput, open_workbook
from store.contacts import add_contact, get_contact, trash_contacts
from store.goals import add_goal, link_contacts
from store.outreach import (
    add_target,
    asks_by_kind_and_outcome,
    count_asks,
    follow_up_counts,
    get_follow_up_days,
    get_pitch,
    help_events,
    list_log,
    list_references,
    list_targets,
    log_ask,
    log_outreach,
    log_thank_you,
    owed_follow_ups,
    record_outcome,
    record_reference_step,
    reference_step_counts,
    reference_steps,
    save_pitch,
    set_follow_up_days,
    set_reference,
)
from store.ties import goal_links, reach_people

pytestmark = pytest.mark.both_engines

TODAY = date(2026, 3, 1)


def person(workbook, name, introduced_by=None):
    return add_contact(workbook, ContactDraft(name=name, introduced_by=introduced_by))


def count_rows(workbook, table):
    return workbook.read_one(f"SELECT count(*) FROM {table}")[0]


def test_a_specific_target_is_saved_and_listed(workbook):
    goal_id = add_target(workbook, "role", "  Data analyst ")
    assert [(g.id, g.title) for g in list_targets(workbook)] == [(goal_id, "Data analyst")]


@pytest.mark.parametrize("title", ["   ", "anything", "Any job"])
def test_a_blank_or_vague_target_saves_nothing(workbook, title):
    with pytest.raises(InvalidInput):
        add_target(workbook, "role", title)
    assert count_rows(workbook, "goals") == 0


def test_destinations_are_not_listed_as_targets(workbook):
    add_goal(workbook, "conference", "Open Health Data Summit")
    add_target(workbook, "employer", "Acme Health")
    assert [g.title for g in list_targets(workbook)] == ["Acme Health"]


def test_the_pitch_survives_reopening_the_workbook(tmp_path):
    path = tmp_path / "pitch.duckdb"
    book = open_workbook(path)
    save_pitch(book, " a data analyst role ", "finished a SQL course")
    book.close()
    book = open_workbook(path)
    assert get_pitch(book) == ("a data analyst role", "finished a SQL course")
    book.close()


def test_an_empty_or_overlong_pitch_is_refused_and_the_old_one_kept(workbook):
    save_pitch(workbook, "a data analyst role", "")
    with pytest.raises(InvalidInput, match="empty"):
        save_pitch(workbook, "  ", " ")
    with pytest.raises(InvalidInput, match="under"):
        save_pitch(workbook, "x" * 401, "")
    assert get_pitch(workbook) == ("a data analyst role", "")


def test_the_follow_up_grace_period_defaults_to_14_days_and_can_change(workbook):
    assert get_follow_up_days(workbook) == 14
    set_follow_up_days(workbook, 7)
    assert get_follow_up_days(workbook) == 7
    with pytest.raises(InvalidInput):
        set_follow_up_days(workbook, 0)
    assert get_follow_up_days(workbook) == 7


def test_coverage_follows_introductions_from_a_strong_tie_and_drops_trashed_people(workbook):
    goal = add_target(workbook, "employer", "Acme Health")
    sister = add_contact(workbook, ContactDraft(name="Sister", tie="strong"))
    coworker = person(workbook, "Sister's co-worker", introduced_by=sister)
    gone = person(workbook, "Gone")
    link_contacts(workbook, goal, [sister, coworker, gone])
    trash_contacts(workbook, [gone])
    assert goal_links(workbook) == {goal: [sister, coworker]}
    [entry] = compute_coverage(list_targets(workbook), reach_people(workbook), goal_links(workbook))
    assert entry.direct == (sister,)
    assert [(p.introducer_id, p.helper_id) for p in entry.via] == [(sister, coworker)]


def test_a_trashed_introducer_leaves_the_helper_reachable_directly(workbook):
    goal = add_target(workbook, "employer", "Acme Health")
    sister = person(workbook, "Sister")
    coworker = person(workbook, "Co-worker", introduced_by=sister)
    link_contacts(workbook, goal, [coworker])
    trash_contacts(workbook, [sister])
    [entry] = compute_coverage(list_targets(workbook), reach_people(workbook), goal_links(workbook))
    assert entry.direct == (coworker,)


def test_reference_steps_are_recorded_for_references_only(workbook):
    ref, other = person(workbook, "Ref"), person(workbook, "Other")
    assert set_reference(workbook, [ref]) == 1
    record_reference_step(workbook, ref, "agreed", TODAY, TODAY)
    record_reference_step(workbook, ref, "agreed", TODAY - timedelta(days=2), TODAY)
    with pytest.raises(InvalidInput, match="not one of your references"):
        record_reference_step(workbook, other, "agreed", TODAY, TODAY)
    assert [r["name"] for r in list_references(workbook)] == ["Ref"]
    assert reference_steps(workbook) == {ref: {"agreed": TODAY - timedelta(days=2)}}
    assert reference_step_counts(workbook)["agreed"] == 1


def test_a_reference_step_in_the_future_saves_nothing(workbook):
    ref = person(workbook, "Ref")
    set_reference(workbook, [ref])
    with pytest.raises(InvalidInput, match="future"):
        record_reference_step(workbook, ref, "told_goals", TODAY + timedelta(days=3), TODAY)
    assert count_rows(workbook, "reference_steps") == 0


def test_logging_outreach_moves_last_spoke_forward_and_shows_in_the_log(workbook):
    sam = person(workbook, "Sam")
    log_outreach(workbook, sam, TODAY - timedelta(days=10), "catch_up", channel="call", today=TODAY)
    log_outreach(workbook, sam, TODAY - timedelta(days=20), "update", channel="email", today=TODAY)
    assert get_contact(workbook, sam).last_contacted_on == TODAY - timedelta(days=10)
    assert [r["kind"] for r in list_log(workbook)] == ["catch_up", "update"]
    assert [r["name"] for r in list_log(workbook, kinds=["update"])] == ["Sam"]


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"happened_on": TODAY + timedelta(days=1)}, "future"),
        ({"channel": ""}, "how you were in touch"),
        ({"outcome": "hired"}, "not an outcome"),
        ({"goal_id": 999}, "no longer exists"),
        ({"note": "x" * 4001}, "under"),
    ],
)
def test_bad_outreach_is_refused_with_a_clear_line_and_saves_nothing(workbook, changes, message):
    sam = person(workbook, "Sam")
    values = {"happened_on": TODAY, "channel": "call", **changes}
    happened_on = values.pop("happened_on")
    with pytest.raises(InvalidInput, match=message):
        log_outreach(workbook, sam, happened_on, "catch_up", today=TODAY, **values)
    assert count_rows(workbook, "interactions") == 0
    assert get_contact(workbook, sam).last_contacted_on is None


def test_an_ask_is_logged_pending_with_its_message_and_target(workbook):
    sam = person(workbook, "Sam")
    goal = add_target(workbook, "employer", "Acme Health")
    log_ask(
        workbook,
        sam,
        message="Could you introduce me to someone at Acme Health?",
        request_kind="introduction",
        channel="email",
        goal_id=goal,
        happened_on=TODAY,
        today=TODAY,
    )
    [row] = list_log(workbook, kinds=["ask"])
    assert (row["outcome"], row["target"], row["request_kind"]) == ("pending", "Acme Health", "introduction")
    assert "Acme Health" in row["note"]
    assert asks_by_kind_and_outcome(workbook) == [("introduction", "pending", 1)]


def test_asks_are_counted_for_live_people_up_to_the_number_asked_for(workbook):
    sam, ana = person(workbook, "Sam"), person(workbook, "Ana")
    assert count_asks(workbook, at_most=1) == 0
    for who in (sam, sam, ana):
        log_ask(
            workbook,
            who,
            message="Could we talk about Acme?",
            request_kind="advice",
            channel="email",
            goal_id=None,
            happened_on=TODAY,
            today=TODAY,
        )
    assert count_asks(workbook, at_most=5) == 3
    assert count_asks(workbook, at_most=1) == 1
    trash_contacts(workbook, [sam])
    assert count_asks(workbook, at_most=5) == 1


def test_an_empty_ask_saves_nothing(workbook):
    sam = person(workbook, "Sam")
    with pytest.raises(InvalidInput, match="empty"):
        log_ask(
            workbook,
            sam,
            message="  \n",
            request_kind="advice",
            channel="email",
            goal_id=None,
            happened_on=TODAY,
            today=TODAY,
        )
    assert count_rows(workbook, "interactions") == 0


def test_help_without_thanks_is_owed_and_one_thank_you_settles_it(workbook):
    sam, kim = person(workbook, "Sam"), person(workbook, "Kim")
    log_outreach(workbook, sam, TODAY - timedelta(days=30), "help_received", channel="call", today=TODAY)
    log_outreach(workbook, kim, TODAY - timedelta(days=3), "help_received", channel="call", today=TODAY)
    assert follow_up_counts(workbook, TODAY, 14) == {FOLLOW_UP_DONE: 0, FOLLOW_UP_DUE: 1, FOLLOW_UP_OWED: 1}
    assert [r["name"] for r in owed_follow_ups(workbook, TODAY, 14)] == ["Sam"]
    log_thank_you(workbook, sam, TODAY)
    assert owed_follow_ups(workbook, TODAY, 14) == []
    assert follow_up_counts(workbook, TODAY, 14)[FOLLOW_UP_DONE] == 1


def test_a_thank_you_before_the_help_does_not_count_for_it(workbook):
    sam = person(workbook, "Sam")
    log_outreach(workbook, sam, TODAY - timedelta(days=40), "thank_you", channel="email", today=TODAY)
    log_outreach(
        workbook,
        sam,
        TODAY - timedelta(days=30),
        "ask",
        channel="email",
        outcome="helped",
        request_kind="referral",
        today=TODAY,
    )
    [owed] = owed_follow_ups(workbook, TODAY, 14)
    assert (owed["kind"], owed["request_kind"]) == ("ask", "referral")


def test_sql_follow_up_counts_agree_with_the_core_on_the_demo_workbook(demo_path, tmp_path):
    copy = tmp_path / "demo.duckdb"
    shutil.copy(demo_path, copy)
    book = open_workbook(copy)
    try:
        today = date.today()
        events = help_events(book)
        assert events, "the demo workbook should hold some help received"
        for days in (1, 14, 90):
            assert follow_up_counts(book, today, days) == count_follow_ups(events, today, days)
        owed = owed_follow_ups(book, today, 14, limit=5000)
        assert len(owed) == count_follow_ups(events, today, 14)[FOLLOW_UP_OWED]
    finally:
        book.close()


def test_an_asks_outcome_can_be_recorded_but_only_for_asks_and_known_outcomes(workbook):
    sam = person(workbook, "Sam")
    ask = log_ask(
        workbook,
        sam,
        message="Could you introduce me to someone at Acme Health?",
        request_kind="introduction",
        channel="email",
        goal_id=None,
        happened_on=TODAY,
        today=TODAY,
    )
    chat = log_outreach(workbook, sam, TODAY, "catch_up", channel="call", today=TODAY)
    record_outcome(workbook, ask, "helped")
    assert asks_by_kind_and_outcome(workbook) == [("introduction", "helped", 1)]
    with pytest.raises(InvalidInput, match="not an outcome"):
        record_outcome(workbook, ask, "hired")
    with pytest.raises(InvalidInput, match="not in the log"):
        record_outcome(workbook, chat, "helped")
    assert follow_up_counts(workbook, TODAY, 14)[FOLLOW_UP_DUE] == 1  # an ask that helped is help received
