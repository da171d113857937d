"""Progress judged on a real workbook: tips count networking done over weeks, and the week against its goal."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from core.errors import InvalidInput
from core.model import RATING_QUESTIONS, ContactDraft
from core.schedule import week_start
from core.weekly import WeeklyGoal
from services import followthrough, home, rating
from services.progress import (
    open_follow_throughs,
    set_weekly_goal,
    thanks_owed,
    this_week,
    tip_progress,
    tips_done,
    weekly_goal,
)
from services.workshop_figures import participant_figures
from store.contacts import add_contact
from store.goals import add_goal, link_contacts
from store.interactions import log_interaction
from store.maintenance import set_key_contact
from store.outreach import add_target, log_ask, log_outreach
from store.settings import get_setting

pytestmark = pytest.mark.both_engines

TODAY = date(2026, 3, 18)
ALL_YES = dict.fromkeys(RATING_QUESTIONS, True)
NO_NOTES = {"strengths": "", "weaknesses": "", "opportunities": ""}


def person(workbook, name, circle="friends", tie="weak"):
    return add_contact(workbook, ContactDraft(name=name, circle=circle, tie=tie))


def ten_minute_workbook(workbook):
    """Everything a form offers, filled in on one day: people, a target, asks, help thanked and told, full marks."""
    circles = ("family", "friends", "neighbours", "former_jobs", "school", "gym")
    ids = [person(workbook, f"Person {n}", c, "strong" if n % 2 else "weak") for n, c in enumerate(circles)]
    target = add_target(workbook, "employer", "Meridian Hospital")
    for contact in ids[:3]:
        log_ask(
            workbook,
            contact,
            message="Could you spare 20 minutes to tell me how Meridian Hospital hires data analysts?",
            request_kind="advice",
            channel="email",
            goal_id=target,
            happened_on=TODAY,
            today=TODAY,
        )
    helped = log_interaction(workbook, ids[0], TODAY, "help_received", today=TODAY)
    followthrough.thank(workbook, helped, TODAY)
    followthrough.report_back(workbook, helped, "interview", "An interview on Friday", TODAY)
    rating.save_rating(workbook, ALL_YES, TODAY, NO_NOTES, TODAY)
    guild = add_goal(workbook, "association", "Health Data Guild")
    link_contacts(workbook, guild, ids[:2])
    for contact in ids[:3]:
        set_key_contact(workbook, contact, 30)
        log_interaction(workbook, contact, TODAY, "catch_up", today=TODAY)
    return ids


def test_an_empty_workbook_has_six_tips_none_done(workbook):
    statuses = tip_progress(workbook, TODAY)
    assert [s.number for s in statuses] == [1, 2, 3, 4, 5, 6]
    assert tips_done(workbook, TODAY) == frozenset()


def test_a_workbook_filled_in_ten_minutes_is_not_six_of_six(workbook):
    ten_minute_workbook(workbook)
    done = tips_done(workbook, TODAY)
    assert len(done) < 6
    assert 3 not in done and 6 not in done  # nobody kept in touch across weeks; no cadence kept for four weeks
    assert done == {1, 2, 4, 5}
    assert home.overview(workbook, TODAY).tips_done == 4
    assert participant_figures(workbook, TODAY).tips_completed == done


def test_the_same_workbook_weeks_later_with_the_work_done_has_all_six(workbook):
    ids = ten_minute_workbook(workbook)
    later = TODAY + timedelta(days=35)
    for contact in ids[:3]:  # key contacts again within their monthly cadence, and kept in touch
        log_interaction(workbook, contact, TODAY + timedelta(days=25), "catch_up", today=later)
    assert tips_done(workbook, later) == {1, 2, 3, 4, 5, 6}


def test_help_not_yet_thanked_keeps_tip_two_open_from_the_day_it_came(workbook):
    ana = person(workbook, "Ana", tie="strong")
    add_target(workbook, "role", "Data analyst")
    log_outreach(workbook, ana, TODAY, "ask", channel="email", outcome="helped", request_kind="advice", today=TODAY)
    follow = open_follow_throughs(workbook, TODAY)
    assert follow.count == 1 and [r.name for r in follow.newest] == ["Ana"]
    assert 2 not in tips_done(workbook, TODAY)
    assert tip_progress(workbook, TODAY)[1].next_step == "thank the 1 person who helped, and tell them how it went"
    help_id = follow.newest[0].help_id
    followthrough.thank(workbook, help_id, TODAY)
    assert open_follow_throughs(workbook, TODAY).count == 1  # thanked, not yet told how it went
    assert 2 not in tips_done(workbook, TODAY)
    followthrough.report_back(workbook, help_id, "still_looking", "", TODAY)
    assert open_follow_throughs(workbook, TODAY).count == 0
    assert 2 in tips_done(workbook, TODAY)


def test_a_key_contact_past_their_cadence_keeps_tip_six_undone(workbook):
    ana = person(workbook, "Ana")
    set_key_contact(workbook, ana, 14)
    log_interaction(workbook, ana, TODAY - timedelta(days=20), "catch_up", today=TODAY)
    assert 6 not in tips_done(workbook, TODAY)
    assert tip_progress(workbook, TODAY)[5].next_step == "get in touch with the 1 overdue key contact"


def test_a_rating_retaken_higher_on_a_later_day_finishes_tip_four(workbook):
    no_two = {**ALL_YES, "future": False, "vibrant": False}
    rating.save_rating(workbook, no_two, TODAY - timedelta(days=21), NO_NOTES, TODAY)
    assert 4 not in tips_done(workbook, TODAY)
    rating.save_rating(workbook, {**ALL_YES, "future": False}, TODAY, NO_NOTES, TODAY)
    assert 4 in tips_done(workbook, TODAY)


def test_help_still_unthanked_after_the_grace_period_is_owed_newest_first(workbook):
    ana, bo = person(workbook, "Ana"), person(workbook, "Bo")
    log_interaction(workbook, ana, TODAY - timedelta(days=40), "help_received", today=TODAY)
    log_interaction(workbook, bo, TODAY - timedelta(days=20), "help_received", today=TODAY)
    log_interaction(workbook, bo, TODAY - timedelta(days=1), "help_received", today=TODAY)  # still in grace
    assert [r["name"] for r in thanks_owed(workbook, TODAY)] == ["Bo", "Ana"]
    assert open_follow_throughs(workbook, TODAY).count == 3


def test_the_weekly_goal_is_kept_in_settings_and_bad_input_changes_nothing(workbook):
    assert weekly_goal(workbook) == WeeklyGoal(3, 1)
    set_weekly_goal(workbook, 5, 2)
    assert (get_setting(workbook, "weekly_goal.new_people"), get_setting(workbook, "weekly_goal.interviews")) == (
        "5",
        "2",
    )
    with pytest.raises(InvalidInput, match="from 0 to 50"):
        set_weekly_goal(workbook, 80, 1)
    with pytest.raises(InvalidInput, match="at least one part"):
        set_weekly_goal(workbook, 0, 0)
    assert weekly_goal(workbook) == WeeklyGoal(5, 2)


def test_this_week_shows_who_is_due_thanks_owed_and_the_goal(workbook):
    # People count in the week they were added (the clock's day), so this test runs on the real today.
    today = date.today()
    monday = week_start(today)
    ana, bo, cy = person(workbook, "Ana"), person(workbook, "Bo"), person(workbook, "Cy")
    set_key_contact(workbook, ana, 30)
    log_interaction(workbook, ana, monday - timedelta(days=24), "catch_up", today=today)  # due on Sunday
    set_key_contact(workbook, bo, 30)
    log_interaction(workbook, bo, today - timedelta(days=2), "catch_up", today=today)  # not due for weeks
    log_outreach(workbook, cy, today, "ask", channel="call", request_kind="insider_view", today=today)
    log_outreach(workbook, cy, today, "ask", channel="email", request_kind="advice", today=today)  # no conversation
    log_interaction(workbook, cy, today, "help_received", today=today)
    week = this_week(workbook, today)
    assert week.starts_on == monday
    assert [(d.name, d.due_on) for d in week.due] == [("Ana", monday + timedelta(days=6))]
    assert week.owed.count == 1 and week.owed.newest[0].name == "Cy"
    assert len(week.weeks) == 8 and week.weeks[-1].starts_on == monday
    assert (week.weeks[-1].new_people, week.weeks[-1].interviews) == (3, 1)
    assert week.met
    assert week.reading == "So far 3 new people of 3 and 1 informational interview of 1."
    set_weekly_goal(workbook, 4, 1)
    assert not this_week(workbook, today).met
