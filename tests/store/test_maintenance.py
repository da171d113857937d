"""Tip 6's store: key contacts, notes, the ledger, the capacity and the ranking's inputs, on a real file."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.model import ContactDraft
from core.priority import Candidate, list_reasons, rank_contacts
from core.reciprocity import Tally
from store import InvalidInput, open_private_workbook
from store.contacts import add_contact, get_contact, trash_contacts
from store.goals import add_goal, link_contacts
from store.interactions import log_interaction
from store.maintenance import (
    add_ledger_entry,
    balance_extremes,
    count_key_contacts,
    delete_ledger_entry,
    get_capacity,
    list_key_contacts,
    list_ledger,
    load_candidates,
    save_person_notes,
    set_capacity,
    set_key_contact,
    tally_everyone,
    tally_person,
    unset_key_contact,
)
from store.outreach import record_reference_step

pytestmark = pytest.mark.both_engines

TODAY = date(2026, 3, 18)


def _person(workbook, name: str, **fields) -> int:
    contact_id = add_contact(workbook, ContactDraft(name=name))
    if fields:
        from store.contacts import update_contact

        update_contact(workbook, contact_id, **fields)
    return contact_id


def _log(workbook, contact_id: int, days_ago: int, kind: str = "catch_up", **extra) -> None:
    log_interaction(workbook, contact_id, TODAY - timedelta(days=days_ago), kind, today=TODAY, **extra)


def test_marking_a_key_contact_saves_the_cadence(workbook):
    ana = _person(workbook, "Ana")
    set_key_contact(workbook, ana, 30)
    saved = get_contact(workbook, ana)
    assert saved.is_key and saved.cadence_days == 30
    assert [k.name for k in list_key_contacts(workbook)] == ["Ana"]
    assert count_key_contacts(workbook) == 1


@pytest.mark.parametrize("cadence", [0, -7])
def test_a_cadence_of_zero_or_negative_is_refused_and_nothing_changes(workbook, cadence):
    ana = _person(workbook, "Ana")
    with pytest.raises(InvalidInput, match="at least 1 day"):
        set_key_contact(workbook, ana, cadence)
    saved = get_contact(workbook, ana)
    assert not saved.is_key and saved.cadence_days is None


def test_unmarking_a_key_contact_clears_the_cadence_but_keeps_the_notes(workbook):
    ana = _person(workbook, "Ana")
    set_key_contact(workbook, ana, 14)
    save_person_notes(workbook, ana, interests="jazz")
    unset_key_contact(workbook, ana)
    saved = get_contact(workbook, ana)
    assert (saved.is_key, saved.cadence_days, saved.interests) == (False, None, "jazz")


def test_a_deleted_person_cannot_become_a_key_contact(workbook):
    ana = _person(workbook, "Ana")
    trash_contacts(workbook, [ana])
    with pytest.raises(InvalidInput, match="not in the workbook"):
        set_key_contact(workbook, ana, 30)


def test_person_notes_round_trip_trimmed(workbook):
    ana = _person(workbook, "Ana")
    save_person_notes(
        workbook, ana, family=" Two kids ", job_notes="Lead at Acme", interests="jazz", needs="a designer"
    )
    saved = get_contact(workbook, ana)
    assert (saved.family, saved.job_notes, saved.interests, saved.needs) == (
        "Two kids",
        "Lead at Acme",
        "jazz",
        "a designer",
    )


def test_an_unknown_or_overlong_note_is_refused_and_nothing_is_saved(workbook):
    ana = _person(workbook, "Ana")
    with pytest.raises(InvalidInput, match="the notes are"):
        save_person_notes(workbook, ana, hobbies="jazz")
    with pytest.raises(InvalidInput, match="over 1000 characters"):
        save_person_notes(workbook, ana, interests="jazz", needs="x" * 1001)
    assert get_contact(workbook, ana).interests == ""


def test_ledger_entries_add_up_to_a_balance_per_person_and_overall(workbook):
    ana, bo = _person(workbook, "Ana"), _person(workbook, "Bo")
    add_ledger_entry(workbook, ana, TODAY, "received", "referral", 5, today=TODAY)
    add_ledger_entry(workbook, ana, TODAY, "gave", "thank_you", 1, today=TODAY, note="card")
    add_ledger_entry(workbook, bo, TODAY, "gave", "article", 2, today=TODAY)
    assert tally_person(workbook, ana) == Tally(gave=1, received=5)
    assert tally_everyone(workbook) == Tally(gave=3, received=5)
    assert [(e.kind, e.note) for e in list_ledger(workbook, ana)] == [("thank_you", "card"), ("referral", "")]


@pytest.mark.parametrize("weight", [0, 6, -1])
def test_a_ledger_weight_out_of_range_is_refused_and_nothing_is_saved(workbook, weight):
    ana = _person(workbook, "Ana")
    with pytest.raises(InvalidInput, match="from 1 \\(small\\) to 5 \\(large\\)"):
        add_ledger_entry(workbook, ana, TODAY, "gave", "advice", weight, today=TODAY)
    assert list_ledger(workbook, ana) == []


def test_a_ledger_entry_in_the_future_or_for_nobody_is_refused(workbook):
    ana = _person(workbook, "Ana")
    with pytest.raises(InvalidInput, match="in the future"):
        add_ledger_entry(workbook, ana, TODAY + timedelta(days=1), "gave", "advice", 3, today=TODAY)
    with pytest.raises(InvalidInput, match="not in the workbook"):
        add_ledger_entry(workbook, 999, TODAY, "gave", "advice", 3, today=TODAY)
    assert tally_everyone(workbook) == Tally()


def test_a_deleted_ledger_entry_no_longer_counts(workbook):
    ana = _person(workbook, "Ana")
    entry = add_ledger_entry(workbook, ana, TODAY, "gave", "advice", 3, today=TODAY)
    delete_ledger_entry(workbook, entry)
    assert tally_person(workbook, ana) == Tally()


def test_balance_extremes_name_who_you_owe_and_who_owes_you(workbook):
    people = {name: _person(workbook, name) for name in ("Owe", "Owed", "Even")}
    add_ledger_entry(workbook, people["Owe"], TODAY, "received", "lead", 4, today=TODAY)
    add_ledger_entry(workbook, people["Owed"], TODAY, "gave", "advice", 3, today=TODAY)
    add_ledger_entry(workbook, people["Even"], TODAY, "gave", "advice", 2, today=TODAY)
    add_ledger_entry(workbook, people["Even"], TODAY, "received", "advice", 2, today=TODAY)
    assert [(b.name, b.balance) for b in balance_extremes(workbook)] == [("Owe", -4), ("Owed", 3)]


def test_the_weekly_capacity_defaults_to_five_and_can_change(workbook):
    assert get_capacity(workbook) == 5
    set_capacity(workbook, 8)
    assert get_capacity(workbook) == 8


@pytest.mark.parametrize("capacity", [0, -2, 51])
def test_a_capacity_out_of_range_is_refused_and_the_old_one_stays(workbook, capacity):
    set_capacity(workbook, 3)
    with pytest.raises(InvalidInput, match="between 1 and 50"):
        set_capacity(workbook, capacity)
    assert get_capacity(workbook) == 3


def test_candidates_carry_every_reason_the_ranking_needs(workbook):
    ana = _person(workbook, "Ana", is_reference=True)
    set_key_contact(workbook, ana, 14)
    _log(workbook, ana, 40, "ask", outcome="helped")
    goal = add_goal(workbook, "role", "Data analyst", priority=1)
    link_contacts(workbook, goal, [ana])
    add_ledger_entry(workbook, ana, TODAY, "received", "referral", 5, today=TODAY)
    workbook_steps(workbook, ana, ["agreed", "told_goals"])
    (candidate,) = load_candidates(workbook, TODAY)
    assert candidate.is_key and candidate.cadence_days == 14
    assert candidate.last_contacted_on == TODAY - timedelta(days=40)
    assert candidate.reference_steps_done == frozenset({"agreed", "told_goals"})
    assert candidate.high_priority_goals == ("Data analyst",)
    assert candidate.thanks_owed_since == TODAY - timedelta(days=40)
    assert candidate.balance == -5


def test_a_thank_you_and_a_report_after_the_help_settle_it(workbook):
    ana = _person(workbook, "Ana")
    _log(workbook, ana, 30, "help_received")
    _log(workbook, ana, 20, "thank_you")
    _log(workbook, ana, 15, "update")
    _log(workbook, ana, 10, "help_received")
    (candidate,) = load_candidates(workbook, TODAY)
    assert candidate.thanks_owed_since == TODAY - timedelta(days=10)
    _log(workbook, ana, 5, "thank_you")
    (candidate,) = load_candidates(workbook, TODAY)  # thanked, but not yet told how it went
    assert candidate.thanks_owed_since == TODAY - timedelta(days=10)
    _log(workbook, ana, 5, "update")
    assert load_candidates(workbook, TODAY) == []


def test_people_with_nothing_pressing_are_not_candidates(workbook):
    recent = _person(workbook, "Recent")
    _log(workbook, recent, 3)
    silent = _person(workbook, "Silent")
    _log(workbook, silent, 400)
    assert [c.name for c in load_candidates(workbook, TODAY)] == ["Silent"]


def test_only_the_most_pressing_others_are_loaded_but_every_key_contact_is(workbook):
    for n in range(5):
        _log(workbook, _person(workbook, f"Silent {n}"), 200 + 100 * n)
    key = _person(workbook, "Key")
    set_key_contact(workbook, key, 30)
    _log(workbook, key, 1)
    names = [c.name for c in load_candidates(workbook, TODAY, others=2)]
    assert names == ["Key", "Silent 4", "Silent 3"]


def test_logging_a_meeting_moves_a_key_contact_down_the_ranking(workbook):
    ana, bo = _person(workbook, "Ana"), _person(workbook, "Bo")
    set_key_contact(workbook, ana, 14)
    set_key_contact(workbook, bo, 14)
    _log(workbook, ana, 60)
    _log(workbook, bo, 30)
    assert rank_contacts(load_candidates(workbook, TODAY), TODAY)[0].name == "Ana"
    _log(workbook, ana, 0)
    assert [s.name for s in rank_contacts(load_candidates(workbook, TODAY), TODAY)] == ["Bo", "Ana"]


def test_deleted_people_are_never_candidates(workbook):
    ana = _person(workbook, "Ana")
    set_key_contact(workbook, ana, 14)
    trash_contacts(workbook, [ana])
    assert load_candidates(workbook, TODAY) == []
    assert list_key_contacts(workbook) == []


def workbook_steps(workbook, contact_id: int, steps: list[str]) -> None:
    for step in steps:
        record_reference_step(workbook, contact_id, step, TODAY, TODAY)


# --- the SQL pre-filter agrees with the pure ranking ----------------------------------------------

_person_facts = st.tuples(
    st.one_of(st.none(), st.integers(0, 900)),  # days since a catch-up
    st.one_of(st.none(), st.integers(0, 400)),  # days since help received
    st.booleans(),  # thanked and told how it went on the day of the help
    st.integers(-5, 5),  # ledger balance
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_person_facts, min_size=1, max_size=6))
def test_everyone_with_a_reason_and_only_they_reach_the_ranking(facts):
    book = open_private_workbook()
    expected = {}
    for n, (met, helped, thanked, balance) in enumerate(facts):
        person = add_contact(book, ContactDraft(name=f"P{n}"))
        dates = []
        if met is not None:
            _log(book, person, met)
            dates.append(TODAY - timedelta(days=met))
        if helped is not None:
            _log(book, person, helped, "help_received")
            dates.append(TODAY - timedelta(days=helped))
            if thanked:
                _log(book, person, helped, "thank_you")
                _log(book, person, helped, "update")
        if balance:
            direction = "gave" if balance > 0 else "received"
            add_ledger_entry(book, person, TODAY, direction, "advice", abs(balance), today=TODAY)
        owed = TODAY - timedelta(days=helped) if helped is not None and not thanked else None
        expected[person] = Candidate(
            person, f"P{n}", last_contacted_on=max(dates, default=None), thanks_owed_since=owed, balance=balance
        )
    loaded = {c.contact_id: c for c in load_candidates(book, TODAY, others=1000)}
    book.close()
    assert set(loaded) == {i for i, c in expected.items() if list_reasons(c, TODAY)}
    assert all(loaded[i] == expected[i] for i in loaded)


def test_people_on_your_reconnect_list_are_candidates_even_when_just_in_touch(workbook):
    from store.contacts import update_contact
    from store.maintenance import list_reconnect

    ana, bo = _person(workbook, "Ana"), _person(workbook, "Bo")
    _log(workbook, ana, 1)
    _log(workbook, bo, 1)
    update_contact(workbook, ana, reconnect="know_better", reconnect_priority=1)
    (candidate,) = load_candidates(workbook, TODAY)
    assert (candidate.name, candidate.reconnect, candidate.reconnect_priority) == ("Ana", "know_better", 1)
    assert [c.name for c in list_reconnect(workbook)] == ["Ana"]
    assert get_contact(workbook, ana).reconnect == "know_better"
