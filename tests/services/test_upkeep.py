"""Tip 6's use cases on a real workbook: what they save, what they refuse, and what a card shows."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from core.errors import InvalidInput
from core.model import ContactDraft
from services import upkeep
from store.contacts import add_contact, get_contact, trash_contacts
from store.interactions import log_interaction
from store.maintenance import add_ledger_entry, list_ledger, set_key_contact

pytestmark = pytest.mark.both_engines

TODAY = date(2026, 3, 18)


def person(workbook, name: str = "Ana Costa", **fields) -> int:
    return add_contact(workbook, ContactDraft(name=name, **fields))


def test_the_overview_counts_overdue_key_contacts_as_the_ranking_flags_them(workbook):
    ana, bo, cy = (person(workbook, n) for n in ("Ana", "Bo", "Cy"))
    for who, days_ago in ((ana, 40), (bo, 3)):
        set_key_contact(workbook, who, 14)
        log_interaction(workbook, who, TODAY - timedelta(days=days_ago), "catch_up", today=TODAY)
    set_key_contact(workbook, cy, 30)
    view, line = upkeep.overview(workbook, TODAY, 4), upkeep.counts(workbook, TODAY)
    flagged = [s.name for s in view.ranked if any(r.code == "overdue" for r in s.reasons)]
    assert (line.people, line.key_contacts, line.overdue, flagged) == (3, 3, 1, ["Ana"])
    assert len(view.schedule.weeks) == 4


def test_a_whole_number_capacity_is_kept_and_zero_is_refused_without_saving(workbook):
    assert upkeep.save_capacity(workbook, 7.0) == 7
    with pytest.raises(InvalidInput, match="between 1 and 50"):
        upkeep.save_capacity(workbook, 0)
    assert upkeep.capacity(workbook) == 7


def test_a_key_contact_is_saved_at_a_cadence_and_unmarked_with_none(workbook):
    ana = person(workbook)
    assert upkeep.save_key_contact(workbook, ana, 30.0) == 30
    assert (get_contact(workbook, ana).is_key, get_contact(workbook, ana).cadence_days) == (True, 30)
    with pytest.raises(InvalidInput, match="at least 1 day"):
        upkeep.save_key_contact(workbook, ana, 0)
    assert get_contact(workbook, ana).cadence_days == 30
    assert upkeep.save_key_contact(workbook, ana, None) is None
    assert (get_contact(workbook, ana).is_key, get_contact(workbook, ana).cadence_days) == (False, None)


def test_removing_a_ledger_entry_needs_one_chosen(workbook):
    ana = person(workbook)
    entry = upkeep.record_give_take(workbook, ana, TODAY, "received", "referral", 5.0, "Referred me", TODAY)
    with pytest.raises(InvalidInput, match="Choose the entry to remove first") as caught:
        upkeep.remove_give_take(workbook, None)
    assert "nothing was" not in str(caught.value).lower()  # run_save says it, once
    assert len(list_ledger(workbook, ana)) == 1
    upkeep.remove_give_take(workbook, entry)
    assert list_ledger(workbook, ana) == []


def test_a_card_shows_who_they_are_when_you_spoke_and_the_give_and_take(workbook):
    ana = person(workbook, company="Acme", role="Nurse", circle="school", tie="strong")
    set_key_contact(workbook, ana, 30)
    upkeep.save_notes(workbook, ana, {"needs": "hiring a designer"})
    upkeep.log_contact(workbook, ana, TODAY - timedelta(days=21), "catch_up", "call", TODAY)
    add_ledger_entry(workbook, ana, TODAY, "received", "advice", 3, today=TODAY)
    card = upkeep.person_card(workbook, ana, TODAY)
    assert card.where == "Nurse · Acme · School and college · Strong tie"
    assert card.timing == "Last in touch 25 Feb 2026 (3 weeks ago); next due 27 Mar 2026 (monthly)."
    assert [i.kind for i in card.recent] == ["catch_up"]
    assert (card.tally.balance, len(card.ledger)) == (-3, 1)
    assert card.give_backs[0].text == "Refer someone good for it: hiring a designer"


def test_a_person_in_the_trash_has_no_card(workbook):
    ana = person(workbook)
    trash_contacts(workbook, [ana])
    assert upkeep.person_card(workbook, ana, TODAY) is None


def test_the_person_opened_from_the_list_stays_among_the_matches(workbook):
    ids = [person(workbook, "Ana Costa") for _ in range(upkeep.SEARCH_LIMIT + 1)]
    matches, total = upkeep.find_people(workbook, "Ana Costa")
    assert total == len(ids) and ids[-1] not in {c.id for c in matches}
    matches, _ = upkeep.find_people(workbook, "Ana Costa", ids[-1])
    assert matches[0].id == ids[-1]


def test_the_key_contact_table_is_soonest_due_first(workbook):
    ana, bo = person(workbook, "Ana"), person(workbook, "Bo")
    set_key_contact(workbook, ana, 30)
    set_key_contact(workbook, bo, 14)
    log_interaction(workbook, ana, TODAY - timedelta(days=3), "catch_up", today=TODAY)
    table = upkeep.key_contact_table(workbook, TODAY, 50)
    assert [(r.name, r.next_due, r.how_often, r.last_in_touch) for r in table.rows] == [
        ("Bo", "today", "every 2 weeks", "never"),
        ("Ana", "14 Apr 2026", "monthly", "15 Mar 2026"),
    ]
    assert table.total == 2


def test_the_balance_overview_names_who_you_owe_most(workbook):
    ana = person(workbook)
    add_ledger_entry(workbook, ana, TODAY, "received", "referral", 5, today=TODAY)
    balance = upkeep.balance_overview(workbook)
    assert [b.name for b in balance.extremes] == ["Ana Costa"]
    assert "You owe most to Ana Costa (-5)" in balance.reading
