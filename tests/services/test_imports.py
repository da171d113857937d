"""Address books in, on a real workbook: read without saving, import all or nothing, then tidy duplicates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from core.errors import ImportFileError, InvalidInput
from core.model import ContactDraft
from services import imports
from store.contacts import add_contact, count_contacts, search_contacts
from store.interactions import log_interaction, recent_interactions

pytestmark = pytest.mark.both_engines

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "import"
DAY = date(2026, 1, 5)


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def test_reading_a_file_saves_nobody_and_says_what_it_read(workbook):
    result = imports.read_file(fixture("linkedin_connections.csv"))
    assert (result.format, len(result.drafts), result.default_circle) == ("linkedin", 5, "online")
    assert count_contacts(workbook) == 0


def test_a_file_that_cannot_be_read_says_why_in_one_line():
    with pytest.raises(ImportFileError, match="name column"):
        imports.read_file(fixture("no_name.csv"))


def test_any_csv_offers_its_columns_with_a_first_guess():
    choices = imports.column_choices(fixture("other.csv"))
    assert choices.columns == ("Who", "Mail", "Works at", "Notes")
    assert choices.guess["name"] == "Who"


def test_any_csv_is_read_through_the_columns_chosen():
    result = imports.read_file(fixture("other.csv"), "csv", {"name": "Who", "company": "Works at"})
    assert [(d.name, d.company) for d in result.drafts] == [("Olu Adeyemi", "Lagos Tech"), ("Ana Lúcia Souza", "")]


def test_the_people_read_are_saved_with_the_circle_and_tie_chosen_and_a_second_run_adds_nobody(workbook):
    result = imports.read_file(fixture("linkedin_no_url.csv"))
    first = imports.import_people(workbook, result, "former_jobs", "strong")
    assert first.added == 2
    assert {(c.circle, c.tie) for c in search_contacts(workbook)[0]} == {("former_jobs", "strong")}
    again = imports.import_people(workbook, result)
    assert (again.added, again.unchanged) == (0, 2)


def test_without_a_choice_the_formats_own_circle_and_tie_are_kept(workbook):
    imports.import_people(workbook, imports.read_file(fixture("linkedin_no_url.csv")))
    assert {(c.circle, c.tie) for c in search_contacts(workbook)[0]} == {("online", "weak")}


def test_likely_duplicates_come_with_both_people_and_the_reason(workbook):
    bill = add_contact(workbook, ContactDraft(name="Bill Smith", company="Acme"))
    william = add_contact(workbook, ContactDraft(name="William Smith", company="Acme Inc."))
    [pair] = imports.likely_duplicates(workbook)
    assert {pair.first.id, pair.second.id} == {bill, william}
    assert pair.first.name in ("Bill Smith", "William Smith") and pair.reason


def test_a_merge_keeps_every_interaction_and_is_listed_until_undone(workbook):
    bill = add_contact(workbook, ContactDraft(name="Bill Smith", company="Acme"))
    william = add_contact(workbook, ContactDraft(name="William Smith", company="Acme Inc."))
    log_interaction(workbook, william, DAY, "catch_up", today=DAY)
    merge_id = imports.merge(workbook, bill, william)
    assert len(recent_interactions(workbook, bill)) == 1 and imports.likely_duplicates(workbook) == ()
    [record] = imports.recent_merges(workbook)
    assert (record.id, record.kept_name, record.merged_name) == (merge_id, "Bill Smith", "William Smith")
    imports.undo_merge(workbook, merge_id)
    assert imports.recent_merges(workbook) == ()
    assert len(recent_interactions(workbook, william)) == 1


def test_undoing_a_merge_twice_is_refused(workbook):
    a, b = add_contact(workbook, ContactDraft(name="Ann Lee")), add_contact(workbook, ContactDraft(name="Ann Lee"))
    merge_id = imports.merge(workbook, a, b)
    imports.undo_merge(workbook, merge_id)
    with pytest.raises(InvalidInput, match="already undone"):
        imports.undo_merge(workbook, merge_id)


def test_a_pair_kept_apart_is_not_suggested_again(workbook):
    a, b = add_contact(workbook, ContactDraft(name="Ann Lee")), add_contact(workbook, ContactDraft(name="Ann Lee"))
    imports.keep_apart(workbook, b, a)
    assert imports.likely_duplicates(workbook) == ()


def test_a_shared_servers_budget_refuses_a_file_too_big_or_too_full_before_reading_it():
    from core.budget import Budget

    data = fixture("linkedin_no_url.csv")
    with pytest.raises(ImportFileError, match="this shared server takes files up to"):
        imports.read_file(data, budget=Budget(upload_bytes=10))
    with pytest.raises(ImportFileError, match="holds up to 1 people"):
        imports.read_file(data, budget=Budget(contacts=1))
    assert len(imports.read_file(data, budget=Budget()).drafts) == 2
