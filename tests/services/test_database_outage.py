"""A database that goes away mid-session: the save in flight is refused whole, and the app recovers by itself.

The server here is a real PostgreSQL, stopped (its sessions cut, as when a host restarts or fails over)
and started again on the same port with the same data; the app's objects live on throughout.
"""

from __future__ import annotations

import time

import pytest

from core.errors import WorkbookUnavailable
from core.import_result import ImportResult
from core.model import ContactDraft
from services.accounts import DatabaseAccounts, account_id
from services.imports import import_people
from store.contacts import add_contact, search_contacts
from tests import pg_support

ALICE = account_id("https://idp.example", "alice")
server = pg_support.stoppable_postgres  # a server of this module's own, stopped and started by its tests


@pytest.fixture
def accounts(server):
    server.create_database("outage")
    kept = DatabaseAccounts(server.url("outage"))
    yield kept
    kept.close()
    if not pg_support.is_up(server):
        server.come_back()
    server.drop_database("outage")


def names(book) -> list[str]:
    return sorted(c.name for c in search_contacts(book)[0])


def people(*names: str) -> ImportResult:
    drafts = tuple(ContactDraft(name=n, source="linkedin", source_key=n.lower()) for n in names)
    return ImportResult("linkedin", drafts, tuple(range(2, len(drafts) + 2)))


def test_a_save_while_the_database_is_away_is_refused_at_once_and_one_after_it_is_back_is_kept(server, accounts):
    book = accounts.workbook(ALICE)
    add_contact(book, ContactDraft(name="Ana Costa"))
    server.go_away()
    started = time.monotonic()
    with pytest.raises(WorkbookUnavailable, match="cannot be reached"):
        add_contact(book, ContactDraft(name="Bo Lindqvist"))
    assert time.monotonic() - started < 3, "the visitor is told at once, not after the pool's timeout"
    with pytest.raises(WorkbookUnavailable):
        names(book)  # reading fails the same clear way
    server.come_back()
    add_contact(accounts.workbook(ALICE), ContactDraft(name="Cy Okafor"))  # the same objects, no restart
    assert names(book) == ["Ana Costa", "Cy Okafor"]


def test_an_import_cut_off_in_the_middle_leaves_nothing_of_itself(server, accounts):
    book = accounts.workbook(ALICE)
    import_people(book, people("Ana Costa"))
    stages = []

    def server_fails_halfway(fraction: float, text: str) -> None:
        stages.append(text)
        if fraction == 0.6:  # inside the transaction: the people are loaded and matched, not yet saved
            server.go_away()

    with pytest.raises(WorkbookUnavailable):
        import_people(book, people(*(f"Person {n}" for n in range(200))), progress=server_fails_halfway)
    assert any(text.startswith("Saving") for text in stages), "the server went away in the middle of the save"
    server.come_back()
    assert names(book) == ["Ana Costa"]
    summary = import_people(book, people(*(f"Person {n}" for n in range(200))))
    assert summary.added == 200  # trying again once the database is back saves all of it


def test_a_server_restarted_between_two_page_runs_goes_unnoticed(server, accounts):
    book = accounts.workbook(ALICE)
    add_contact(book, ContactDraft(name="Ana Costa"))
    server.go_away()
    server.come_back()  # every connection the app held is now dead
    add_contact(book, ContactDraft(name="Bo Lindqvist"))
    assert names(book) == ["Ana Costa", "Bo Lindqvist"]
