"""Goals and the outreach log in a real workbook file: bad input is refused and saves nothing;
logging keeps each person's 'last spoke' date right."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from core.model import CHANNELS, GOAL_KINDS, INTERACTION_KINDS, ContactDraft, Goal
from store import InvalidInput
from store.contacts import add_contact, get_contact, trash_contacts
from store.goals import add_goal, delete_goal, link_contacts, list_goals
from store.interactions import (
    count_interactions,
    log_interaction,
    recent_interactions,
)
from store.ties import people_for_goal

pytestmark = pytest.mark.both_engines

TODAY = date(2026, 3, 10)


def person(workbook, name="Ana") -> int:
    return add_contact(workbook, ContactDraft(name=name))


def last_spoke(workbook, contact_id: int) -> date | None:
    return get_contact(workbook, contact_id).last_contacted_on


# --- goals ------------------------------------------------------------------------------------


def test_a_goal_is_saved_trimmed_and_listed_by_priority_then_age(workbook):
    low = add_goal(workbook, "conference", "Open Health Summit", priority=3)
    high = add_goal(workbook, "role", "  Data analyst  ", priority=1)
    normal = add_goal(workbook, "employer", "Meridian Hospital")
    assert list_goals(workbook) == [
        Goal(high, "role", "Data analyst", 1),
        Goal(normal, "employer", "Meridian Hospital", 2),
        Goal(low, "conference", "Open Health Summit", 3),
    ]


def test_goals_can_be_listed_by_kind(workbook):
    add_goal(workbook, "role", "Data analyst")
    add_goal(workbook, "association", "Data Guild")
    add_goal(workbook, "journal", "Health Data Weekly")
    assert [g.title for g in list_goals(workbook, kinds=("association", "journal"))] == [
        "Data Guild",
        "Health Data Weekly",
    ]
    assert list_goals(workbook, kinds=()) == []


@pytest.mark.parametrize(
    ("kind", "title", "priority", "says"),
    [
        ("dream", "Data analyst", 2, "not a kind of goal"),
        ("", "Data analyst", 2, "not a kind of goal"),
        ("Role", "Data analyst", 2, "not a kind of goal"),
        ("role", "", 2, "needs a title"),
        ("role", "   \t ", 2, "needs a title"),
        ("role", "Data analyst", 0, "Priority must be"),
        ("role", "Data analyst", 4, "Priority must be"),
        ("role", "Data analyst", -1, "Priority must be"),
    ],
)
def test_a_goal_with_a_bad_kind_title_or_priority_is_refused_and_nothing_is_saved(
    workbook, kind, title, priority, says
):
    before = workbook.data_version
    with pytest.raises(InvalidInput) as caught:
        add_goal(workbook, kind, title, priority)
    assert says in str(caught.value)
    assert "\n" not in str(caught.value)
    assert list_goals(workbook) == []
    assert workbook.data_version == before


def test_every_kind_of_goal_is_accepted(workbook):
    for kind in GOAL_KINDS:
        add_goal(workbook, kind, f"A {kind}")
    assert sorted(g.kind for g in list_goals(workbook)) == sorted(GOAL_KINDS)


def linked(workbook, goal_id: int) -> list[int]:
    return [i for i, _, _ in people_for_goal(workbook, goal_id)]


def test_linked_people_are_listed_per_goal_once_each(workbook):
    ana, bo, cy = person(workbook, "Ana"), person(workbook, "Bo"), person(workbook, "Cy")
    role, employer = add_goal(workbook, "role", "Data analyst"), add_goal(workbook, "employer", "Acme")
    link_contacts(workbook, role, [cy, ana, ana])
    link_contacts(workbook, role, [ana])  # linking again adds nothing
    link_contacts(workbook, employer, [bo])
    link_contacts(workbook, employer, [])
    assert (linked(workbook, role), linked(workbook, employer)) == ([ana, cy], [bo])


def test_people_in_the_trash_drop_out_of_a_goals_links(workbook):
    ana, bo = person(workbook, "Ana"), person(workbook, "Bo")
    goal = add_goal(workbook, "role", "Data analyst")
    link_contacts(workbook, goal, [ana, bo])
    trash_contacts(workbook, [bo])
    assert linked(workbook, goal) == [ana]


def test_deleting_a_goal_unlinks_its_people_and_its_asks_but_keeps_them(workbook):
    ana = person(workbook)
    doomed, other = add_goal(workbook, "role", "Data analyst"), add_goal(workbook, "employer", "Acme")
    link_contacts(workbook, doomed, [ana])
    link_contacts(workbook, other, [ana])
    ask = log_interaction(workbook, ana, TODAY, "ask", goal_id=doomed, today=TODAY)
    delete_goal(workbook, doomed)
    assert [g.id for g in list_goals(workbook)] == [other]
    assert linked(workbook, other) == [ana]
    assert workbook.read("SELECT count(*) FROM contact_goals WHERE goal_id = ?", [doomed]) == [(0,)]
    [kept] = recent_interactions(workbook, ana)
    assert (kept.id, kept.goal_id) == (ask, None)
    assert get_contact(workbook, ana).name == "Ana"


# --- logging interactions ---------------------------------------------------------------------


def test_a_logged_interaction_keeps_every_detail(workbook):
    ana = person(workbook)
    goal = add_goal(workbook, "role", "Data analyst")
    logged = log_interaction(
        workbook,
        ana,
        date(2026, 3, 1),
        "ask",
        channel="video",
        outcome="pending",
        request_kind="advice",
        goal_id=goal,
        note="Asked about 'SQL' tests; she'll reply 😀",
        today=TODAY,
    )
    [saved] = recent_interactions(workbook, ana)
    assert (saved.id, saved.contact_id, saved.happened_on, saved.kind, saved.channel) == (
        logged,
        ana,
        date(2026, 3, 1),
        "ask",
        "video",
    )
    assert (saved.outcome, saved.request_kind, saved.goal_id, saved.note) == (
        "pending",
        "advice",
        goal,
        "Asked about 'SQL' tests; she'll reply 😀",
    )


def test_every_kind_and_channel_is_accepted_and_today_is_not_the_future(workbook):
    ana = person(workbook)
    for kind, channel in zip(INTERACTION_KINDS, CHANNELS):
        log_interaction(workbook, ana, TODAY, kind, channel=channel, today=TODAY)
    log_interaction(workbook, ana, TODAY, "catch_up", today=TODAY)  # no channel is fine
    assert count_interactions(workbook) == min(len(INTERACTION_KINDS), len(CHANNELS)) + 1


def saved_state(workbook, contact_id: int):
    return count_interactions(workbook), last_spoke(workbook, contact_id), workbook.data_version


@pytest.mark.parametrize(
    ("happened_on", "kind", "channel", "says"),
    [
        (TODAY + timedelta(days=1), "catch_up", "", "in the future"),
        (date(2030, 1, 1), "catch_up", "call", "in the future"),
        (TODAY, "gossip", "", "not a kind of interaction"),
        (TODAY, "", "", "not a kind of interaction"),
        (TODAY, "catch_up", "carrier_pigeon", "not a channel"),
    ],
)
def test_a_bad_interaction_is_refused_with_a_clear_line_and_saves_nothing(workbook, happened_on, kind, channel, says):
    ana = person(workbook)
    log_interaction(workbook, ana, date(2026, 2, 1), "catch_up", today=TODAY)
    before = saved_state(workbook, ana)
    with pytest.raises(InvalidInput) as caught:
        log_interaction(workbook, ana, happened_on, kind, channel=channel, today=TODAY)
    assert says in str(caught.value)
    assert "\n" not in str(caught.value)
    assert saved_state(workbook, ana) == before


def test_an_interaction_with_a_missing_or_trashed_person_is_refused_and_saves_nothing(workbook):
    ana, gone = person(workbook, "Ana"), person(workbook, "Gone")
    trash_contacts(workbook, [gone])
    before = saved_state(workbook, ana)
    for who in (999, gone):
        with pytest.raises(InvalidInput) as caught:
            log_interaction(workbook, who, TODAY, "catch_up", today=TODAY)
        assert f"#{who}" in str(caught.value)
    assert saved_state(workbook, ana) == before
    assert workbook.read("SELECT last_contacted_on FROM contacts WHERE id = ?", [gone]) == [(None,)]


def test_logging_moves_the_last_spoke_date_forward_but_never_back(workbook):
    ana = person(workbook)
    assert last_spoke(workbook, ana) is None
    log_interaction(workbook, ana, date(2026, 2, 1), "catch_up", today=TODAY)
    assert last_spoke(workbook, ana) == date(2026, 2, 1)
    log_interaction(workbook, ana, date(2026, 3, 5), "follow_up", today=TODAY)
    assert last_spoke(workbook, ana) == date(2026, 3, 5)
    log_interaction(workbook, ana, date(2025, 12, 24), "thank_you", today=TODAY)  # logged late
    assert last_spoke(workbook, ana) == date(2026, 3, 5)


def test_logging_for_one_person_leaves_everyone_elses_last_spoke_date_alone(workbook):
    ana, bo = person(workbook, "Ana"), person(workbook, "Bo")
    log_interaction(workbook, bo, date(2026, 1, 1), "catch_up", today=TODAY)
    log_interaction(workbook, ana, date(2026, 3, 1), "catch_up", today=TODAY)
    assert last_spoke(workbook, bo) == date(2026, 1, 1)


def test_recent_interactions_are_newest_first_and_limited(workbook):
    ana, bo = person(workbook, "Ana"), person(workbook, "Bo")
    days = [date(2026, 1, d) for d in (5, 20, 1, 20)]
    ids = [log_interaction(workbook, ana, d, "catch_up", today=TODAY) for d in days]
    log_interaction(workbook, bo, date(2026, 2, 1), "ask", today=TODAY)
    assert [i.id for i in recent_interactions(workbook, ana)] == [ids[3], ids[1], ids[0], ids[2]]
    assert [i.id for i in recent_interactions(workbook, ana, limit=2)] == [ids[3], ids[1]]
