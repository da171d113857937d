"""Who to contact next and the weekly plan: one ranking, one plan, the same on every page and in every file."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from icalendar import Calendar

from core.model import ContactDraft
from services import plan
from store.contacts import add_contact
from store.interactions import log_interaction
from store.maintenance import set_capacity, set_key_contact
from tests.services.sample_books import demo_copy

pytestmark = pytest.mark.both_engines

TODAY = date(2026, 3, 18)


def test_the_ranked_list_puts_an_overdue_key_contact_before_a_quiet_acquaintance(workbook):
    ana, bo = (add_contact(workbook, ContactDraft(name=n)) for n in ("Ana", "Bo"))
    set_key_contact(workbook, bo, 14)
    log_interaction(workbook, bo, TODAY - timedelta(days=40), "catch_up", today=TODAY)
    log_interaction(workbook, ana, TODAY - timedelta(days=200), "catch_up", today=TODAY)
    assert [s.name for s in plan.ranked_list(workbook, TODAY)] == ["Bo", "Ana"]


def test_the_plan_holds_the_capacity_a_week_and_each_key_contact_at_their_cadence(workbook):
    ids = [add_contact(workbook, ContactDraft(name=f"P{n}")) for n in range(6)]
    set_key_contact(workbook, ids[0], 14)
    set_capacity(workbook, 2)
    schedule = plan.weekly_plan(workbook, TODAY, 4)
    assert len(schedule.weeks) == 4 and schedule.capacity == 2
    assert all(len(w.slots) <= 2 for w in schedule.weeks)
    assert [s.on for s in schedule.slots if s.contact_id == ids[0]] == [TODAY, TODAY + timedelta(days=14)]


def test_a_plan_from_a_ranking_already_made_is_the_weekly_plan(demo_path, tmp_path):
    today = date.today()
    with demo_copy(demo_path, tmp_path) as demo:
        ranked = plan.ranked_list(demo, today)
        assert plan.plan_from_ranking(demo, ranked, today, 6) == plan.weekly_plan(demo, today, 6)


def test_the_calendar_file_holds_the_weekly_plan(workbook):
    ana = add_contact(workbook, ContactDraft(name="Ana Costa"))
    set_key_contact(workbook, ana, 14)
    calendar = Calendar.from_ical(plan.calendar_file(workbook, datetime(2026, 3, 18, 9, tzinfo=UTC), 4))
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Keep in touch with Ana Costa (every 2 weeks)"
    assert event["DTSTART"].dt == TODAY
