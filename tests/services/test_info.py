"""What a workbook holds, and the first DuckDB session shown on "About your data"."""

from __future__ import annotations

from core.model import ContactDraft
from services import info
from store import LATEST_VERSION, open_private_workbook
from store.contacts import add_contact, trash_contacts
from store.info import TABLES


def test_an_empty_workbook_is_the_latest_version_with_nothing_in_it(workbook):
    held = info.describe_workbook(workbook)
    assert held.schema_version == LATEST_VERSION
    assert held.counts == {**dict.fromkeys(TABLES, 0), "contacts in trash": 0}


def test_people_in_the_trash_are_counted_apart(workbook):
    trash_contacts(workbook, [add_contact(workbook, ContactDraft(name="Gone"))])
    assert info.describe_workbook(workbook).counts["contacts in trash"] == 1


def test_a_workbook_file_comes_with_the_command_that_opens_it_and_a_first_query(workbook):
    session = info.example_session(workbook)
    assert session.splitlines()[0] == f"duckdb '{workbook.path}'"
    assert session.splitlines()[1].startswith("SELECT name, circle, tie FROM contacts")


def test_a_workbook_in_memory_has_no_file_to_open():
    private = open_private_workbook()
    try:
        assert info.example_session(private) is None
    finally:
        private.close()
