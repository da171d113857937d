"""The home overview: progress, the next five actions (thank-yous first), and the four headline charts."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from core.model import ContactDraft
from services import followthrough, home, plan
from store.contacts import add_contact
from store.interactions import log_interaction
from store.maintenance import set_key_contact
from tests.services.sample_books import demo_copy

pytestmark = pytest.mark.both_engines

TODAY = date(2026, 3, 18)


def test_an_empty_workbook_has_no_action_and_nothing_to_draw(workbook):
    view = home.overview(workbook, TODAY)
    assert not view.started and view.tips_done == 0 and view.actions == ()
    assert [g.data for g in (view.circles, view.rating, view.balance, view.schedule)] == [None] * 4
    assert view.rating.reading == home.NO_RATING


def test_help_unthanked_comes_before_who_to_contact_and_nobody_appears_twice(workbook):
    tia, ana = (add_contact(workbook, ContactDraft(name=n)) for n in ("Tia", "Ana"))
    log_interaction(workbook, tia, TODAY - timedelta(days=30), "help_received", today=TODAY)
    set_key_contact(workbook, ana, 14)
    actions = home.overview(workbook, TODAY).actions
    assert [(a.kind, a.name) for a in actions] == [("loop", "Tia"), ("contact", "Ana")]
    assert actions[0].why == (
        f"Helped you on {TODAY - timedelta(days=30):%d %b %Y}: not yet thanked, nor told how it went."
    )


def test_help_logged_today_is_an_action_at_once_and_closes_after_thanks_and_report(workbook):
    tia = add_contact(workbook, ContactDraft(name="Tia"))
    help_id = log_interaction(workbook, tia, TODAY, "help_received", today=TODAY)
    (action,) = home.overview(workbook, TODAY).actions
    assert action.kind == "loop" and action.loop.help_id == help_id  # no grace period on home
    followthrough.thank(workbook, help_id, TODAY)
    (action,) = home.overview(workbook, TODAY).actions
    assert action.why.endswith("thanked; not yet told how it went.")
    followthrough.report_back(workbook, help_id, "interview", "second round on Friday", TODAY)
    view = home.overview(workbook, TODAY)
    assert view.actions == ()
    assert view.loops == "Every helper thanked and told how it went: 1 of 1 loop closed."


def test_at_most_five_actions_and_nobody_met_today(workbook):
    ids = [add_contact(workbook, ContactDraft(name=f"P{n}")) for n in range(8)]
    log_interaction(workbook, ids[0], TODAY, "catch_up", today=TODAY)
    actions = home.overview(workbook, TODAY).actions
    assert len(actions) == home.ACTIONS and ids[0] not in {a.contact_id for a in actions}


def test_marking_an_action_done_logs_the_catch_up(workbook):
    ana = add_contact(workbook, ContactDraft(name="Ana"))
    set_key_contact(workbook, ana, 14)
    for action in home.overview(workbook, TODAY).actions:
        home.mark_action_done(workbook, action, TODAY)
    assert workbook.read("SELECT contact_id, kind FROM interactions ORDER BY id") == [(ana, "catch_up")]
    assert home.overview(workbook, TODAY).actions == ()


def test_the_schedule_chart_is_the_first_weeks_of_the_one_weekly_plan(demo_path, tmp_path):
    today = date.today()
    with demo_copy(demo_path, tmp_path) as demo:
        view = home.overview(demo, today)
        assert view.schedule.data == plan.weekly_plan(demo, today, home.WEEKS)
    assert view.schedule.reading.startswith("This week:")
    assert all(g.data for g in (view.circles, view.rating, view.balance, view.schedule))
