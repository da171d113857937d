"""Progress and upgrade-plan aggregates on both engines: the counts a user sees on home and tip 4."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from core.errors import InvalidInput
from core.model import DESTINATION_KINDS, ContactDraft
from store import progress
from store.contacts import add_contact, trash_contacts
from store.goals import add_goal, link_contacts, set_goal_status
from store.interactions import log_interaction
from store.maintenance import set_key_contact

pytestmark = pytest.mark.both_engines

TODAY = date(2026, 3, 18)


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def test_people_added_by_hand_count_from_the_first_moment_of_the_first_day(workbook):
    # Home's weekly chart: a person added at midnight on its first day counts, one a second before does not.
    added = {
        "Late the day before": (datetime(2026, 3, 15, 23, 59, 59), ""),
        "At midnight": (datetime(2026, 3, 16, 0, 0), ""),
        "Late that day": (datetime(2026, 3, 16, 23, 59, 59), ""),
        "Imported that day": (datetime(2026, 3, 16, 9, 0), "linkedin"),
        "Trashed that day": (datetime(2026, 3, 16, 10, 0), ""),
        "Two days on": (datetime(2026, 3, 18, 8, 30), ""),
    }
    ids = {name: add_contact(workbook, ContactDraft(name=name, source=source)) for name, (_, source) in added.items()}
    with workbook.write() as cursor:
        for name, (when, _) in added.items():
            cursor.execute("UPDATE contacts SET created_at = ? WHERE id = ?", [when, ids[name]])
    trash_contacts(workbook, [ids["Trashed that day"]])
    assert progress.new_people_by_day(workbook, date(2026, 3, 16)) == [(date(2026, 3, 16), 2), (date(2026, 3, 18), 1)]


def test_people_kept_in_touch_are_those_seen_on_dates_more_than_a_week_apart(workbook):
    ana, bo, cy = (add_contact(workbook, ContactDraft(name=n)) for n in ("Ana", "Bo", "Cy"))
    for contact, days in ((ana, 0), (ana, 8), (bo, 0), (bo, 7), (cy, 20), (cy, 0)):
        log_interaction(workbook, contact, ago(days), "catch_up", today=TODAY)
    assert progress.count_kept_in_touch(workbook, 7, at_most=3) == 2  # Bo's two dates are exactly a week apart
    assert progress.count_kept_in_touch(workbook, 7, at_most=1) == 1
    trash_contacts(workbook, [cy])
    assert progress.count_kept_in_touch(workbook, 7, at_most=3) == 1


def test_the_ties_reached_are_those_of_people_with_a_logged_interaction(workbook):
    ana = add_contact(workbook, ContactDraft(name="Ana", tie="strong"))
    add_contact(workbook, ContactDraft(name="Bo", tie="weak"))
    assert progress.tie_kinds_reached(workbook) == frozenset()
    log_interaction(workbook, ana, TODAY, "catch_up", today=TODAY)
    assert progress.tie_kinds_reached(workbook) == {"strong"}
    bo = add_contact(workbook, ContactDraft(name="Bo Weak", tie="weak"))
    log_interaction(workbook, bo, TODAY, "catch_up", today=TODAY)
    assert progress.tie_kinds_reached(workbook) == {"strong", "weak"}
    trash_contacts(workbook, [ana])
    assert progress.tie_kinds_reached(workbook) == {"weak"}


def test_key_contact_dates_reach_back_one_cadence_before_the_window(workbook):
    ana, bo = (add_contact(workbook, ContactDraft(name=n)) for n in ("Ana", "Bo"))
    set_key_contact(workbook, ana, 14)
    set_key_contact(workbook, bo, 30)
    for days in (60, 40, 10, 10):
        log_interaction(workbook, ana, ago(days), "catch_up", today=TODAY)
    assert progress.key_contact_dates(workbook, TODAY, 28) == {ana: (14, [ago(40), ago(10)]), bo: (30, [])}


def test_network_age_counts_forward_past_and_silent_people(workbook):
    old = add_contact(workbook, ContactDraft(name="Old boss", circle="former_jobs"))
    mate = add_contact(workbook, ContactDraft(name="Classmate", circle="school"))
    add_contact(workbook, ContactDraft(name="Neighbour", circle="neighbours"))
    guild = add_goal(workbook, "association", "Data Guild")
    add_goal(workbook, "conference", "PyData")
    link_contacts(workbook, guild, [mate])
    log_interaction(workbook, old, ago(400), "catch_up", today=TODAY)
    age = progress.network_age(workbook, TODAY, ("former_jobs", "school"), 365)
    assert (age.people, age.forward, age.past, age.silent) == (3, 1, 2, 1)
    listed = progress.destinations_with_links(workbook, DESTINATION_KINDS)
    assert [(d.title, d.status, d.linked) for d in listed] == [("Data Guild", "", 1), ("PyData", "", 0)]


def test_a_destination_status_is_saved_and_a_target_or_missing_goal_is_refused(workbook):
    guild = add_goal(workbook, "association", "Data Guild")
    role = add_goal(workbook, "role", "Data analyst")
    set_goal_status(workbook, guild, "joined", DESTINATION_KINDS)
    assert [d.status for d in progress.destinations_with_links(workbook, DESTINATION_KINDS)] == ["joined"]
    for goal in (role, guild + role + 100):
        with pytest.raises(InvalidInput, match="no longer in the workbook"):
            set_goal_status(workbook, goal, "reading", DESTINATION_KINDS)
    assert workbook.read("SELECT status FROM goals ORDER BY id") == [("joined",), ("",)]
