"""Tip 3's use cases on a real workbook: drafts, saved asks, thanks owed and outcomes."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from core.errors import InvalidInput
from core.model import ContactDraft
from core.outreach import FOLLOW_UP_DONE, FOLLOW_UP_DUE, FOLLOW_UP_OWED
from services import asks, outreach
from store.contacts import add_contact, get_contact

pytestmark = pytest.mark.both_engines

TODAY = date(2026, 3, 1)


def person(workbook, name, **fields):
    return get_contact(workbook, add_contact(workbook, ContactDraft(name=name, **fields)))


def target(workbook, kind="employer", title="Meridian Hospital"):
    outreach.add_target(workbook, kind, title)
    return outreach.list_targets(workbook).goals[-1]


def helped(workbook, contact_id, days_ago, **fields):
    fields = {"kind": "help_received", "channel": "call", **fields}
    outreach.log_contact(workbook, contact_id, happened_on=TODAY - timedelta(days=days_ago), today=TODAY, **fields)


def ask(workbook, contact_id, message="Could you introduce me to someone at Meridian Hospital?", **fields):
    # send_anyway: with no target chosen the checker flags "no goal"; the second look is tested below
    fields = {"request_kind": "introduction", "channel": "email", "goal_id": None, "happened_on": TODAY, **fields}
    fields.setdefault("send_anyway", True)
    asks.save_ask(workbook, contact_id, message=message, today=TODAY, **fields)


def test_the_choices_offer_no_target_then_every_target_and_the_pitch(workbook):
    goal = target(workbook)
    outreach.save_pitch(workbook, "a data analyst role", "finished a SQL course")
    choices = asks.ask_choices(workbook)
    assert choices.labels == {None: "No target chosen", goal.id: "Meridian Hospital (employer)"}
    assert (choices.looking_for, choices.done_lately) == ("a data analyst role", "finished a SQL course")
    assert choices.target(goal.id) == goal and choices.target(None) is None


def test_a_draft_names_the_person_the_target_and_the_pitch(workbook):
    sam = person(workbook, "Sam Costa")
    goal = target(workbook)
    outreach.save_pitch(workbook, "a data analyst role", "")
    draft = asks.compose_draft(
        workbook, sam, asks.Draft("introduction", goal.id, "email", "direct", "built a dashboard")
    )
    assert draft.startswith("Hi Sam,")
    assert "I am looking for a data analyst role." in draft
    assert "Meridian Hospital" in draft and "built a dashboard" in draft


def test_a_short_draft_with_no_target_still_reads_well(workbook):
    jo = person(workbook, "Jo")
    draft = asks.compose_draft(workbook, jo, asks.Draft("advice", None, "social", "catch_up", ""))
    assert draft.startswith("Hi Jo, great to catch up the other day!") and "the field I am aiming for" in draft
    assert "aiming for the field I am aiming for" not in draft


def test_a_saved_ask_waits_to_hear_back_with_its_message_and_target(workbook):
    sam = person(workbook, "Sam Costa")
    goal = target(workbook)
    ask(workbook, sam.id, goal_id=goal.id)
    found = asks.asks_overview(workbook)
    assert found.rows == (("introduction", "pending", 1),)
    assert (found.total, found.helped) == (1, 0)
    [row] = found.recent
    assert (row["target"], row["outcome"]) == ("Meridian Hospital", "pending")
    assert found.labels == {row["id"]: "01 Mar · Sam Costa · An introduction"}
    assert get_contact(workbook, sam.id).last_contacted_on == TODAY


def test_an_empty_ask_saves_nothing(workbook):
    sam = person(workbook, "Sam Costa")
    with pytest.raises(InvalidInput, match="empty"):
        ask(workbook, sam.id, message="  ")
    assert asks.asks_overview(workbook).rows == ()


def test_an_outcome_is_recorded_and_counted_as_help(workbook):
    sam = person(workbook, "Sam Costa")
    ask(workbook, sam.id)
    [row] = asks.asks_overview(workbook).recent
    asks.record_outcome(workbook, row["id"], "helped")
    found = asks.asks_overview(workbook)
    assert (found.total, found.helped) == (1, 1)
    assert asks.follow_ups_overview(workbook, TODAY).counts[FOLLOW_UP_DUE] == 1  # an ask that helped is help


def test_an_outcome_for_no_ask_or_an_unknown_outcome_is_refused(workbook):
    sam = person(workbook, "Sam Costa")
    ask(workbook, sam.id)
    [row] = asks.asks_overview(workbook).recent
    with pytest.raises(InvalidInput, match="Choose the ask"):
        asks.record_outcome(workbook, None, "helped")
    with pytest.raises(InvalidInput, match="not an outcome"):
        asks.record_outcome(workbook, row["id"], "hired")
    assert asks.asks_overview(workbook).rows == (("introduction", "pending", 1),)


def test_help_past_the_grace_period_is_owed_with_who_helped_and_how(workbook):
    sam, kim = person(workbook, "Sam Costa"), person(workbook, "Kim Lee")
    helped(workbook, sam.id, 30, request_kind="introduction", note="met Jo")
    helped(workbook, kim.id, 3)
    follow_ups = asks.follow_ups_overview(workbook, TODAY)
    assert follow_ups.days == 14
    assert follow_ups.counts == {FOLLOW_UP_DONE: 0, FOLLOW_UP_DUE: 1, FOLLOW_UP_OWED: 1}
    [owed] = follow_ups.owed
    assert (owed.contact_id, owed.name, owed.days_ago, owed.channel) == (sam.id, "Sam Costa", 30, "call")
    assert owed.help == "helped you with an introduction (met Jo)"
    assert "1 went more than 14 days" in follow_ups.reading


def test_a_thank_you_settles_what_is_owed_in_the_channel_they_helped_in(workbook):
    sam = person(workbook, "Sam Costa")
    helped(workbook, sam.id, 30)
    asks.log_thank_you(workbook, sam.id, "call", TODAY)
    follow_ups = asks.follow_ups_overview(workbook, TODAY)
    assert follow_ups.owed == () and follow_ups.counts[FOLLOW_UP_DONE] == 1
    assert workbook.read("SELECT channel FROM interactions WHERE kind = 'thank_you'") == [("call",)]


def test_a_thank_you_for_help_with_no_channel_goes_by_email(workbook):
    sam = person(workbook, "Sam Costa")
    asks.log_thank_you(workbook, sam.id, "", TODAY)
    assert workbook.read("SELECT channel FROM interactions WHERE kind = 'thank_you'") == [("email",)]


def test_a_shorter_grace_period_makes_fresh_help_owed_and_a_bad_one_is_refused(workbook):
    sam = person(workbook, "Sam Costa")
    helped(workbook, sam.id, 3)
    asks.set_follow_up_days(workbook, 2)
    assert [o.name for o in asks.follow_ups_overview(workbook, TODAY).owed] == ["Sam Costa"]
    with pytest.raises(InvalidInput, match="between 1 and 365"):
        asks.set_follow_up_days(workbook, 0)
    assert asks.follow_ups_overview(workbook, TODAY).days == 2


def test_only_the_latest_owed_are_listed_but_all_are_counted(workbook):
    sam = person(workbook, "Sam Costa")
    for days_ago in range(20, 25):
        helped(workbook, sam.id, days_ago)
    follow_ups = asks.follow_ups_overview(workbook, TODAY, shown=2)
    assert [o.days_ago for o in follow_ups.owed] == [20, 21]
    assert follow_ups.counts[FOLLOW_UP_OWED] == 5


def test_a_flagged_ask_is_refused_until_the_user_chooses_to_send_it_anyway(workbook):
    sam = person(workbook, "Sam Costa")
    goal = target(workbook)
    with pytest.raises(InvalidInput, match="Send anyway"):
        ask(
            workbook,
            sam.id,
            message="Hi Sam, anything would do at Meridian Hospital.",
            goal_id=goal.id,
            send_anyway=False,
        )
    assert asks.asks_overview(workbook).total == 0
    ask(workbook, sam.id, message="Hi Sam, anything would do at Meridian Hospital.", goal_id=goal.id, send_anyway=True)
    ask(workbook, sam.id, goal_id=goal.id, send_anyway=False)  # clean and aimed: no second look needed
    assert asks.asks_overview(workbook).total == 2


def test_the_opening_follows_familiarity_saved_on_the_person_and_a_logged_catch_up(workbook):
    sam = person(workbook, "Sam Costa", tie="weak", circle="former_jobs")
    opening = asks.opening(workbook, sam, TODAY)
    assert (opening.familiarity, opening.guessed, opening.approach) == ("old_colleague", True, "catch_up")
    assert opening.catch_up_first
    asks.log_catch_up(workbook, sam.id, "call", TODAY - timedelta(days=3))
    assert not asks.opening(workbook, sam, TODAY).catch_up_first  # the ask can follow now
    asks.set_familiarity(workbook, sam.id, "professional")
    saved = get_contact(workbook, sam.id)
    assert saved.familiarity == "professional"
    assert asks.opening(workbook, saved, TODAY) == asks.Opening("professional", False, "direct", False)
    with pytest.raises(InvalidInput, match="not a way of knowing someone"):
        asks.set_familiarity(workbook, sam.id, "stranger")
    assert get_contact(workbook, sam.id).familiarity == "professional"


def test_the_catch_up_draft_carries_news_and_no_request(workbook):
    sam = person(workbook, "Sam Costa", circle="family")
    message = asks.compose_catch_up_draft(workbook, sam, "email", "finished a SQL course")
    assert message.startswith("Hi Sam,") and "finished a SQL course" in message
    assert "advice" not in message.lower() and "introduce" not in message.lower()
