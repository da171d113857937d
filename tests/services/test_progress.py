"""Progress through the tips, judged on a real workbook: the facts are gathered once and read by core.progress."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from core.model import ContactDraft
from services.progress import thanks_owed, tip_progress, tips_done
from store.contacts import add_contact
from store.interactions import log_interaction
from store.maintenance import set_key_contact

pytestmark = pytest.mark.both_engines

TODAY = date(2026, 3, 18)


def test_an_empty_workbook_has_six_tips_none_done(workbook):
    statuses = tip_progress(workbook, TODAY)
    assert [s.number for s in statuses] == [1, 2, 3, 4, 5, 6]
    assert tips_done(workbook, TODAY) == frozenset()


def test_a_key_contact_past_their_cadence_keeps_tip_six_undone(workbook):
    ana = add_contact(workbook, ContactDraft(name="Ana"))
    set_key_contact(workbook, ana, 14)
    assert 6 in tips_done(workbook, TODAY)  # never contacted: due now, not late
    log_interaction(workbook, ana, TODAY - timedelta(days=20), "catch_up", today=TODAY)
    assert 6 not in tips_done(workbook, TODAY)
    assert tip_progress(workbook, TODAY)[5].next_step == "get in touch with the 1 overdue key contacts"


def test_help_still_unthanked_after_the_grace_period_is_owed_newest_first(workbook):
    ana, bo = (add_contact(workbook, ContactDraft(name=n)) for n in ("Ana", "Bo"))
    log_interaction(workbook, ana, TODAY - timedelta(days=40), "help_received", today=TODAY)
    log_interaction(workbook, bo, TODAY - timedelta(days=20), "help_received", today=TODAY)
    log_interaction(workbook, bo, TODAY - timedelta(days=1), "help_received", today=TODAY)  # still in grace
    assert [r["name"] for r in thanks_owed(workbook, TODAY)] == ["Bo", "Ana"]
    assert 3 not in tips_done(workbook, TODAY)


def test_tip_three_waits_until_every_helper_is_thanked_and_told(workbook):
    from services import followthrough
    from store.outreach import log_ask

    ana = add_contact(workbook, ContactDraft(name="Ana"))
    log_ask(workbook, ana, message="Could you tell me how your team hires analysts?", request_kind="advice",
            channel="email", goal_id=None, happened_on=TODAY, today=TODAY)  # fmt: skip
    assert 3 in tips_done(workbook, TODAY)
    helped = log_interaction(workbook, ana, TODAY, "help_received", today=TODAY)
    assert 3 not in tips_done(workbook, TODAY)  # from the day of the help, not after a grace period
    followthrough.thank(workbook, helped, TODAY)
    assert 3 not in tips_done(workbook, TODAY)
    followthrough.report_back(workbook, helped, "still_looking", "", TODAY)
    assert 3 in tips_done(workbook, TODAY)
