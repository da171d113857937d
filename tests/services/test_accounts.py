"""Accounts: keyed by who signed in, kept in a folder or a database, deleted entirely on request."""

from __future__ import annotations

import pytest

from core.model import ContactDraft
from services.accounts import FolderAccounts, account_id, describe_removed, keep_anonymous_work
from store import open_private_workbook
from store.contacts import add_contact, count_contacts, search_contacts


def test_an_account_is_keyed_by_issuer_and_subject_not_by_email():
    google = account_id("https://accounts.google.com", "1234")
    assert google == account_id("https://accounts.google.com", "1234")
    assert google != account_id("https://login.microsoftonline.com/x/v2.0", "1234")
    assert google != account_id("https://accounts.google.com", "1235")


@pytest.fixture(params=["folder", "database"])
def accounts(request, tmp_path):
    if request.param == "folder":
        kept = FolderAccounts(tmp_path / "accounts")
    else:
        from services.accounts import DatabaseAccounts

        kept = DatabaseAccounts(request.getfixturevalue("postgres_url"))
    yield kept
    kept.close()


def test_each_account_keeps_its_own_workbook(accounts):
    alice, bob = account_id("idp", "alice"), account_id("idp", "bob")
    add_contact(accounts.workbook(alice), ContactDraft(name="Ana Costa"))
    assert count_contacts(accounts.workbook(alice)) == 1
    assert count_contacts(accounts.workbook(bob)) == 0


def test_deleting_an_account_removes_everything_and_says_what(accounts):
    alice = account_id("idp", "alice")
    for name in ("Ana Costa", "Bo Lindqvist"):
        add_contact(accounts.workbook(alice), ContactDraft(name=name))
    removed = accounts.delete(alice)
    assert removed["contacts"] == 2
    assert describe_removed(removed).startswith("Removed 2 people, 0 logged contacts")
    assert count_contacts(accounts.workbook(alice)) == 0


def test_signing_in_keeps_an_anonymous_visit_whole_in_an_empty_account(accounts):
    private = open_private_workbook()
    add_contact(private, ContactDraft(name="Met before signing in"))
    kept = keep_anonymous_work(private, accounts.workbook(account_id("idp", "alice")))
    assert kept.copied and kept.people == 1
    assert count_contacts(accounts.workbook(account_id("idp", "alice"))) == 1


def test_signing_in_adds_the_visits_people_to_an_account_that_has_some(accounts):
    account = accounts.workbook(account_id("idp", "alice"))
    add_contact(account, ContactDraft(name="Already there", email="ana@example.org"))
    private = open_private_workbook()
    add_contact(private, ContactDraft(name="Ana Costa", email="ana@example.org"))
    add_contact(private, ContactDraft(name="New Friend"))
    kept = keep_anonymous_work(private, account)
    assert not kept.copied and kept.people == 1
    names = sorted(c.name for c in search_contacts(account)[0])
    assert names == ["Already there", "New Friend"]
