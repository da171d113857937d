"""The workbook file: created at the latest version, upgraded when older, refused clearly when it is
newer, not a workbook, or held by another program, and never changed by a refusal."""

from __future__ import annotations

import hashlib
import os
import random
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

import store.workbook as workbook_module
from core.model import ContactDraft
from store import (
    LATEST_VERSION,
    InvalidInput,
    NotAWorkbook,
    WorkbookLocked,
    WorkbookTooNew,
    open_private_workbook,
    open_workbook,
)
from store.contacts import add_contact, count_contacts, get_contact, update_contact
from store.schema import APPLICATION_ID, MIGRATIONS
from store.settings import get_setting, set_setting


def fingerprint(path: Path) -> tuple[str, int, int]:
    """The file's content hash, size and modification time, to prove a refusal wrote nothing."""
    stat = path.stat()
    return hashlib.sha256(path.read_bytes()).hexdigest(), stat.st_size, stat.st_mtime_ns


def meta_of(path: Path) -> dict[str, str]:
    connection = duckdb.connect(str(path), read_only=True)
    try:
        return dict(connection.execute("SELECT key, value FROM meta").fetchall())
    finally:
        connection.close()


def assert_one_line(error: Exception) -> None:
    text = str(error)
    assert text.strip() and "\n" not in text
    assert "Traceback" not in text


# --- a new file -------------------------------------------------------------------------------


def test_a_new_workbook_records_the_latest_schema_version_and_the_application(tmp_path):
    path = tmp_path / "new.duckdb"
    book = open_workbook(path)
    assert book.schema_version() == LATEST_VERSION == len(MIGRATIONS)
    book.close()
    assert meta_of(path) == {"application": APPLICATION_ID, "schema_version": str(LATEST_VERSION)}


def test_a_new_workbook_has_every_table_the_tips_need(workbook):
    tables = {row[0] for row in workbook.read("SELECT table_name FROM information_schema.tables")}
    assert {
        "meta",
        "contacts",
        "interactions",
        "goals",
        "contact_goals",
        "ratings",
        "reference_steps",
        "ledger",
        "settings",
        "merges",
        "kept_apart",
    } <= tables


def test_a_workbook_in_a_folder_that_does_not_exist_yet_is_created_with_its_folder(tmp_path):
    path = tmp_path / "first" / "run" / "workbook.duckdb"
    book = open_workbook(path)
    add_contact(book, ContactDraft(name="Ana"))
    book.close()
    book = open_workbook(path)
    assert count_contacts(book) == 1
    book.close()


def test_reopening_a_current_workbook_keeps_its_data_and_version(tmp_path):
    path = tmp_path / "book.duckdb"
    book = open_workbook(path)
    person = add_contact(book, ContactDraft(name="Ana Ruiz", company="Acme"))
    set_setting(book, "pitch", "I analyse hospital data")
    book.close()
    book = open_workbook(path)
    assert book.schema_version() == LATEST_VERSION
    assert get_contact(book, person).company == "Acme"
    assert get_setting(book, "pitch") == "I analyse hospital data"
    book.close()


# --- upgrading an older file ------------------------------------------------------------------


def test_a_version_zero_file_with_only_its_meta_table_is_upgraded_to_the_latest(tmp_path):
    path = tmp_path / "old.duckdb"
    connection = duckdb.connect(str(path))
    connection.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)")
    connection.execute("INSERT INTO meta VALUES ('application', ?), ('schema_version', '0')", [APPLICATION_ID])
    connection.close()

    book = open_workbook(path)
    assert book.schema_version() == LATEST_VERSION
    person = add_contact(book, ContactDraft(name="Ana"))
    assert get_contact(book, person).name == "Ana"
    book.close()
    assert meta_of(path)["schema_version"] == str(LATEST_VERSION)


def test_a_version_one_file_is_upgraded_to_the_latest_version_and_keeps_its_people(tmp_path, monkeypatch):
    path = tmp_path / "v1.duckdb"
    # Make the file as the first release did: only migration 1 applied.
    monkeypatch.setattr(workbook_module, "LATEST_VERSION", 1)
    book = open_workbook(path)
    with book.write() as cursor:
        cursor.execute("INSERT INTO contacts (name, email, circle) VALUES ('Ana Ruiz', 'ana@example.org', 'family')")
    book.close()
    assert meta_of(path)["schema_version"] == "1"
    monkeypatch.undo()

    book = open_workbook(path)
    assert book.schema_version() == LATEST_VERSION == 4
    tables = {row[0] for row in book.read("SELECT table_name FROM information_schema.tables")}
    assert {"merges", "kept_apart"} <= tables
    columns = {row[0] for row in book.read("SELECT column_name FROM information_schema.columns")}
    assert {"help_id", "familiarity", "reconnect", "reconnect_priority", "status", "name_key"} <= columns
    kept = get_contact(book, 1)
    assert (kept.name, kept.email, kept.circle) == ("Ana Ruiz", "ana@example.org", "family")
    assert book.read("SELECT name_key FROM contacts") == [("ruiz",)]  # keyed on upgrade
    book.close()


def test_a_new_migration_runs_once_on_an_existing_file_and_keeps_its_data(tmp_path, monkeypatch):
    path = tmp_path / "book.duckdb"
    book = open_workbook(path)
    person = add_contact(book, ContactDraft(name="Bo Chen"))
    book.close()

    extra = "ALTER TABLE contacts ADD COLUMN pronouns VARCHAR NOT NULL DEFAULT 'they'"
    monkeypatch.setattr(workbook_module, "MIGRATIONS", [*MIGRATIONS, extra])
    monkeypatch.setattr(workbook_module, "LATEST_VERSION", len(MIGRATIONS) + 1)
    book = open_workbook(path)
    assert book.schema_version() == len(MIGRATIONS) + 1
    assert book.read("SELECT name, pronouns FROM contacts WHERE id = ?", [person]) == [("Bo Chen", "they")]
    book.close()
    # Opening again must not try to add the column a second time.
    book = open_workbook(path)
    assert book.schema_version() == len(MIGRATIONS) + 1
    book.close()


def test_a_migration_that_fails_leaves_the_file_at_its_previous_version_with_its_data(tmp_path, monkeypatch):
    path = tmp_path / "book.duckdb"
    book = open_workbook(path)
    person = add_contact(book, ContactDraft(name="Bo Chen"))
    book.close()

    broken = "ALTER TABLE contacts ADD COLUMN extra VARCHAR; SELECT * FROM no_such_table"
    monkeypatch.setattr(workbook_module, "MIGRATIONS", [*MIGRATIONS, broken])
    monkeypatch.setattr(workbook_module, "LATEST_VERSION", len(MIGRATIONS) + 1)
    with pytest.raises(duckdb.Error):
        open_workbook(path)
    monkeypatch.undo()

    book = open_workbook(path)
    assert book.schema_version() == LATEST_VERSION
    columns = {
        row[0] for row in book.read("SELECT column_name FROM information_schema.columns WHERE table_name = 'contacts'")
    }
    assert "extra" not in columns
    assert get_contact(book, person).name == "Bo Chen"
    book.close()


# --- refusals ---------------------------------------------------------------------------------


def test_a_file_from_a_newer_app_is_refused_with_advice_to_upgrade_and_left_unchanged(tmp_path):
    path = tmp_path / "future.duckdb"
    book = open_workbook(path)
    add_contact(book, ContactDraft(name="Ana"))
    with book.write() as cursor:
        cursor.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(LATEST_VERSION + 1)])
    book.close()
    before = fingerprint(path)

    with pytest.raises(WorkbookTooNew) as caught:
        open_workbook(path)
    assert "upgrade" in str(caught.value).lower()
    assert str(path) in str(caught.value)
    assert_one_line(caught.value)
    assert fingerprint(path) == before
    assert meta_of(path)["schema_version"] == str(LATEST_VERSION + 1)


@pytest.mark.parametrize(
    "content",
    [b"name,email\nAna,ana@example.org\n", bytes(range(256)) * 64, random.Random(5).randbytes(100)],
    ids=["a CSV text file", "bytes of every value", "100 random bytes"],
)
def test_a_file_that_is_not_a_duckdb_database_is_refused_and_left_unchanged(tmp_path, content):
    path = tmp_path / "contacts.duckdb"
    path.write_bytes(content)
    before = fingerprint(path)
    with pytest.raises(NotAWorkbook) as caught:
        open_workbook(path)
    assert_one_line(caught.value)
    assert "not a duckdb file" in str(caught.value).lower()
    assert fingerprint(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["contacts.duckdb"]


def test_an_empty_zero_byte_file_is_refused_rather_than_silently_overwritten(tmp_path):
    path = tmp_path / "empty.duckdb"
    path.touch()
    with pytest.raises(NotAWorkbook) as caught:
        open_workbook(path)
    assert_one_line(caught.value)
    assert path.stat().st_size == 0


def test_a_duckdb_database_made_by_another_program_is_refused_and_left_unchanged(tmp_path):
    path = tmp_path / "sales.duckdb"
    connection = duckdb.connect(str(path))
    connection.execute("CREATE TABLE customers (id INTEGER, name VARCHAR)")
    connection.execute("INSERT INTO customers VALUES (1, 'Acme'), (2, 'Globex')")
    connection.close()
    before = fingerprint(path)

    with pytest.raises(NotAWorkbook) as caught:
        open_workbook(path)
    assert "not a workbook of this app" in str(caught.value)
    assert_one_line(caught.value)
    assert fingerprint(path) == before
    connection = duckdb.connect(str(path), read_only=True)
    assert connection.execute("SELECT table_name FROM information_schema.tables").fetchall() == [("customers",)]
    assert connection.execute("SELECT count(*) FROM customers").fetchone() == (2,)
    connection.close()


def test_a_duckdb_database_of_another_app_with_its_own_key_value_meta_is_refused(tmp_path):
    path = tmp_path / "other.duckdb"
    connection = duckdb.connect(str(path))
    connection.execute("CREATE TABLE meta (key VARCHAR, value VARCHAR)")
    connection.execute("INSERT INTO meta VALUES ('application', 'some-other-app'), ('schema_version', '1')")
    connection.close()
    before = fingerprint(path)
    with pytest.raises(NotAWorkbook):
        open_workbook(path)
    assert fingerprint(path) == before


def test_a_file_held_open_by_another_program_is_refused_as_locked_with_a_clear_message(tmp_path):
    path = tmp_path / "busy.duckdb"
    open_workbook(path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('holding', flush=True); time.sleep(60)",
            str(path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "holding"
        with pytest.raises(WorkbookLocked) as caught:
            open_workbook(path)
        assert "another program" in str(caught.value)
        assert "try again" in str(caught.value)
        assert_one_line(caught.value)
        # The DuckDB error is not chained on: the user sees our sentence, not its traceback.
        assert caught.value.__suppress_context__
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()
    # Once the other program lets go, the workbook opens again.
    book = open_workbook(path)
    assert book.schema_version() == LATEST_VERSION
    book.close()


# --- transactions and the data version --------------------------------------------------------


def test_a_transaction_that_raises_leaves_nothing_behind(workbook):
    before = workbook.data_version
    with pytest.raises(RuntimeError), workbook.write() as cursor:
        cursor.execute("INSERT INTO contacts (name) VALUES ('Ana')")
        cursor.execute("INSERT INTO settings VALUES ('pitch', 'half done')")
        raise RuntimeError("the page crashed half-way")
    assert count_contacts(workbook) == 0
    assert get_setting(workbook, "pitch", "none") == "none"
    assert workbook.data_version == before


def test_a_transaction_that_raises_leaves_earlier_commits_in_place(workbook):
    kept = add_contact(workbook, ContactDraft(name="Kept"))
    with pytest.raises(ValueError), workbook.write() as cursor:
        cursor.execute("DELETE FROM contacts")
        raise ValueError("changed my mind")
    assert get_contact(workbook, kept).name == "Kept"


def test_the_data_version_rises_on_every_committed_write_and_not_on_a_read(workbook):
    start = workbook.data_version
    person = add_contact(workbook, ContactDraft(name="Ana"))
    assert workbook.data_version == start + 1
    set_setting(workbook, "capacity", "5")
    assert workbook.data_version == start + 2
    update_contact(workbook, person, company="Acme")
    assert workbook.data_version == start + 3
    count_contacts(workbook)
    get_contact(workbook, person)
    assert workbook.data_version == start + 3


def test_the_data_version_stays_put_when_a_write_is_refused(workbook):
    person = add_contact(workbook, ContactDraft(name="Ana"))
    before = workbook.data_version
    with pytest.raises(InvalidInput):
        update_contact(workbook, person, introduced_by=9999)
    with pytest.raises(InvalidInput), workbook.write() as cursor:
        cursor.execute("INSERT INTO contacts (name, tie) VALUES ('Bo', 'medium')")
    assert workbook.data_version == before
    assert count_contacts(workbook) == 1


# --- private (in-memory) workbooks ------------------------------------------------------------


def test_two_private_workbooks_never_see_each_others_people():
    first, second = open_private_workbook(), open_private_workbook()
    try:
        assert first.in_memory and second.in_memory
        assert first.key != second.key
        add_contact(first, ContactDraft(name="Only in the first"))
        set_setting(second, "pitch", "second's pitch")
        assert count_contacts(first) == 1
        assert count_contacts(second) == 0
        assert get_setting(first, "pitch") == ""
        assert second.schema_version() == LATEST_VERSION
    finally:
        first.close()
        second.close()


def test_a_private_workbook_writes_no_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    book = open_private_workbook()
    add_contact(book, ContactDraft(name="Ana"))
    book.close()
    assert list(tmp_path.iterdir()) == []
    assert os.fspath(book.path) == ":memory:"
