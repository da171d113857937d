"""Saving imported people: one transaction, idempotent, updates what changed, merges undoably."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from core.import_result import apply_defaults
from core.model import ContactDraft
from fileio.reader import read_contacts
from fileio.sample import make_linkedin_export
from store import InvalidInput
from store.contacts import add_contact, count_contacts, search_contacts, trash_contacts, update_contact
from store.imports import (
    import_contacts,
    keep_apart,
    likely_duplicates,
    list_merges,
    merge_contacts,
    undo_merge,
)
from store.interactions import log_interaction, recent_interactions

pytestmark = pytest.mark.both_engines

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "import"


def read_fixture(name: str):
    return read_contacts((FIXTURES / name).read_bytes())


def names_in(workbook) -> list[str]:
    people, _ = search_contacts(workbook, limit=500)
    return sorted(p.name for p in people)


def test_a_linkedin_file_adds_everyone_with_a_name_as_online_weak_ties(workbook):
    summary = import_contacts(workbook, read_fixture("linkedin_connections.csv"))
    assert summary.added == 5 and summary.updated == 0
    assert [s.line for s in summary.skipped] == [10]
    people, _ = search_contacts(workbook)
    assert {(p.circle, p.tie) for p in people} == {("online", "weak")}
    assert "José Núñez" in names_in(workbook) and "Дмитрий Иванов" in names_in(workbook)


def test_importing_the_same_file_twice_adds_nobody(workbook):
    import_contacts(workbook, read_fixture("google_contacts.csv"))
    again = import_contacts(workbook, read_fixture("google_contacts.csv"))
    assert (again.added, again.updated, again.unchanged) == (0, 0, 3)
    assert count_contacts(workbook) == 3


def test_a_changed_row_updates_the_person_instead_of_adding_one(workbook):
    import_contacts(workbook, read_fixture("linkedin_connections.csv"))
    data = (FIXTURES / "linkedin_connections.csv").read_bytes().replace(b"Engineering Manager", b"Director")
    summary = import_contacts(workbook, read_contacts(data))
    assert (summary.added, summary.updated) == (0, 1)
    people, _ = search_contacts(workbook, "Bill Smith")
    assert people[0].role == "Director"


def test_an_import_never_overwrites_the_users_circle_tie_or_notes(workbook):
    import_contacts(workbook, read_fixture("linkedin_connections.csv"))
    bill = search_contacts(workbook, "Bill Smith")[0][0]
    update_contact(workbook, bill.id, circle="former_jobs", tie="strong", notes="Mentor")
    import_contacts(workbook, read_fixture("linkedin_connections.csv"))
    bill = search_contacts(workbook, "Bill Smith")[0][0]
    assert (bill.circle, bill.tie, bill.notes) == ("former_jobs", "strong", "Mentor")


def test_a_person_typed_by_hand_is_matched_by_email_then_by_name_and_company(workbook):
    add_contact(workbook, ContactDraft(name="Someone Else", email="JOSE@example.es"))
    add_contact(workbook, ContactDraft(name="seán o'brien", company="dublin data, ltd."))
    summary = import_contacts(workbook, read_fixture("linkedin_connections.csv"))
    assert summary.added == 3 and summary.updated == 2
    assert count_contacts(workbook) == 5


def test_a_person_in_the_trash_is_skipped_with_a_reason_not_added_again(workbook):
    import_contacts(workbook, read_fixture("linkedin_no_url.csv"))
    zoe = search_contacts(workbook, "Zoë")[0][0]
    trash_contacts(workbook, [zoe.id])
    summary = import_contacts(workbook, read_fixture("linkedin_no_url.csv"))
    assert summary.added == 0
    assert any("trash" in s.reason for s in summary.skipped)


def test_a_person_listed_twice_in_one_file_is_imported_once(workbook):
    result = read_fixture("linkedin_no_url.csv")
    doubled = replace(result, drafts=result.drafts * 2, lines=result.lines + (90, 91))
    summary = import_contacts(workbook, doubled)
    assert summary.added == 2
    assert {s.reason for s in summary.skipped} == {"the same person as line 5", "the same person as line 6"}


def test_an_invalid_circle_saves_nobody(workbook):
    result = read_fixture("linkedin_connections.csv")
    bad = replace(result, drafts=result.drafts[:-1] + (replace(result.drafts[-1], circle="martians"),))
    with pytest.raises(InvalidInput, match="not a circle"):
        import_contacts(workbook, bad)
    assert count_contacts(workbook) == 0


def test_a_failure_midway_leaves_the_workbook_unchanged(workbook, monkeypatch):
    import store.imports as imports

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(imports, "_decide", explode)
    with pytest.raises(RuntimeError):
        import_contacts(workbook, read_fixture("linkedin_connections.csv"))
    assert count_contacts(workbook) == 0


def test_defaults_chosen_in_the_preview_are_saved(workbook):
    result = apply_defaults(read_fixture("linkedin_connections.csv"), "former_jobs", "strong")
    import_contacts(workbook, result)
    people, _ = search_contacts(workbook)
    assert {(p.circle, p.tie) for p in people} == {("former_jobs", "strong")}


def test_progress_is_reported_from_start_to_finish(workbook):
    seen = []
    import_contacts(workbook, read_fixture("other.csv"), progress=lambda f, text: seen.append(f))
    assert seen[-1] == 1.0 and seen == sorted(seen)


def test_thirty_thousand_linkedin_rows_import_in_one_go(workbook):
    summary = import_contacts(workbook, read_contacts(make_linkedin_export(30_000)))
    assert summary.added == 30_000 and count_contacts(workbook) == 30_000


# --- duplicates ---


def test_bill_smith_from_linkedin_and_william_smith_from_google_are_suggested(workbook):
    import_contacts(workbook, read_fixture("linkedin_connections.csv"))
    import_contacts(workbook, read_fixture("google_contacts.csv"))
    pairs = likely_duplicates(workbook)
    names = {
        tuple(
            sorted(
                workbook.read_one("SELECT name FROM contacts WHERE id = ?", [i])[0] for i in (p.first_id, p.second_id)
            )
        )
        for p in pairs
    }
    assert ("Bill Smith", "William Smith") in names


def test_a_pair_kept_apart_is_not_suggested_again(workbook):
    a = add_contact(workbook, ContactDraft(name="Bill Smith", company="Acme"))
    b = add_contact(workbook, ContactDraft(name="William Smith", company="Acme Inc."))
    assert len(likely_duplicates(workbook)) == 1
    keep_apart(workbook, b, a)
    assert likely_duplicates(workbook) == []


def test_a_merge_keeps_every_interaction_and_can_be_undone(workbook):
    today = date(2026, 1, 10)
    a = add_contact(workbook, ContactDraft(name="Bill Smith", company="Acme"))
    b = add_contact(workbook, ContactDraft(name="William Smith", email="bill@acme.example", tie="strong"))
    log_interaction(workbook, a, date(2026, 1, 1), "catch_up", today=today)
    log_interaction(workbook, b, date(2026, 1, 5), "ask", today=today)
    with workbook.write() as cursor:
        cursor.execute(
            "INSERT INTO reference_steps (contact_id, step, done_on) VALUES (?, 'agreed', ?)", [b, date(2026, 1, 2)]
        )
    merge_id = merge_contacts(workbook, a, b)
    kept = search_contacts(workbook, "smith")[0]
    assert [p.id for p in kept] == [a]
    assert kept[0].email == "bill@acme.example" and kept[0].tie == "strong"
    assert kept[0].last_contacted_on == date(2026, 1, 5)
    assert len(recent_interactions(workbook, a)) == 2
    assert workbook.read("SELECT contact_id FROM reference_steps") == [(a,)]
    assert list_merges(workbook)[0].merged_name == "William Smith"

    undo_merge(workbook, merge_id)
    assert sorted(p.id for p in search_contacts(workbook, "smith")[0]) == [a, b]
    assert len(recent_interactions(workbook, a)) == 1 and len(recent_interactions(workbook, b)) == 1
    bill = search_contacts(workbook, "Bill")[0][0]
    assert (bill.email, bill.tie) == ("", "weak")
    assert workbook.read("SELECT contact_id FROM reference_steps") == [(b,)]
    assert list_merges(workbook)[0].undone


def test_undoing_a_merge_twice_is_refused_clearly(workbook):
    a = add_contact(workbook, ContactDraft(name="Ann Lee"))
    b = add_contact(workbook, ContactDraft(name="Ann Lee"))
    merge_id = merge_contacts(workbook, a, b)
    undo_merge(workbook, merge_id)
    with pytest.raises(InvalidInput, match="already undone"):
        undo_merge(workbook, merge_id)


def test_merging_someone_with_themselves_is_refused(workbook):
    a = add_contact(workbook, ContactDraft(name="Ann Lee"))
    with pytest.raises(InvalidInput, match="two different people"):
        merge_contacts(workbook, a, a)
