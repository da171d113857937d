"""Backups on real workbook files: the bytes reopen as the workbook; restores are checked; snapshots go back."""

from __future__ import annotations

from datetime import datetime

import pytest

from core.errors import InvalidInput, NotAWorkbook, WorkbookError
from core.model import ContactDraft
from services import backups
from store import open_private_workbook, open_workbook
from store.contacts import add_contact, count_contacts, search_contacts

NOW = datetime(2026, 3, 10, 9, 30)


@pytest.fixture
def backup_of_two(tmp_path) -> bytes:
    other = open_workbook(tmp_path / "other.duckdb")
    add_contact(other, ContactDraft(name="Zoë"))
    add_contact(other, ContactDraft(name="Priya"))
    data = backups.backup_bytes(other)
    other.close()
    return data


def test_the_backup_bytes_reopen_as_the_same_workbook(tmp_path, backup_of_two):
    path = tmp_path / "copy.duckdb"
    path.write_bytes(backup_of_two)
    copy = open_workbook(path)
    assert count_contacts(copy) == 2
    copy.close()


def test_an_uploaded_backup_replaces_the_contents_and_the_previous_ones_are_kept(workbook, backup_of_two):
    add_contact(workbook, ContactDraft(name="Before"))
    restored = backups.restore_upload(workbook, backup_of_two, "backup.duckdb", NOW)
    assert restored.people == 2 and count_contacts(workbook) == 2
    assert restored.previous == "before-restore-2026-03-10-093000.duckdb"
    assert [p.path.name for p in backups.automatic_backups(workbook, NOW).points][-1] == restored.previous


def test_an_upload_that_is_not_a_workbook_is_refused_by_its_own_name_and_changes_nothing(workbook):
    add_contact(workbook, ContactDraft(name="Before"))
    with pytest.raises(NotAWorkbook, match=r"^notes\.duckdb is not a workbook file"):
        backups.restore_upload(workbook, b"Name\nAnn\n", "notes.duckdb", NOW)
    assert count_contacts(workbook) == 1


def test_an_upload_named_like_a_path_is_named_plainly_in_messages(workbook):
    with pytest.raises(NotAWorkbook, match=r"^upload\.duckdb is not"):
        backups.restore_upload(workbook, b"junk", "../../etc/passwd", NOW)


def test_restoring_with_no_file_chosen_is_refused(workbook):
    with pytest.raises(InvalidInput, match="Choose a backup file first"):
        backups.restore_upload(workbook, None, "", NOW)


def test_a_workbook_in_memory_has_no_automatic_backups_but_can_restore_an_upload(backup_of_two):
    private = open_private_workbook()
    try:
        kept = backups.automatic_backups(private, NOW)
        assert (kept.folder, kept.points) == (None, ())
        restored = backups.restore_upload(private, backup_of_two, "backup.duckdb", NOW)
        assert (restored.people, restored.previous) == (2, None)
    finally:
        private.close()


def test_todays_automatic_backup_is_taken_once_and_can_be_gone_back_to(workbook, tmp_path):
    add_contact(workbook, ContactDraft(name="Kept"))
    kept = backups.automatic_backups(workbook, NOW)
    assert kept.folder == tmp_path / "backups" and kept.failure is None
    assert [p.day for p in kept.points] == ["2026-03-10"]
    assert backups.automatic_backups(workbook, NOW).points == kept.points
    add_contact(workbook, ContactDraft(name="Added later"))
    restored = backups.restore_snapshot(workbook, kept.points[0].path, NOW)
    assert restored.people == 1


def test_only_a_listed_automatic_backup_can_be_restored(workbook, tmp_path, backup_of_two):
    stray = tmp_path / "elsewhere.duckdb"
    stray.write_bytes(backup_of_two)
    with pytest.raises(InvalidInput, match="no longer there"):
        backups.restore_snapshot(workbook, stray, NOW)
    assert count_contacts(workbook) == 0


# --- The same restore into a signed-in account on PostgreSQL (both_engines: each test runs on both). ---


def backup_with_links(tmp_path, schema_version: str | None = None) -> bytes:
    """A backup of two people, one introduced by the other, and a logged contact; optionally a later schema."""
    from datetime import date

    from store.schema import LATEST_VERSION

    book = open_workbook(tmp_path / "source.duckdb")
    ana_id = add_contact(book, ContactDraft(name="Ana Costa", email="ana@example.org"))
    add_contact(book, ContactDraft(name="Bo Lindqvist", introduced_by=ana_id))
    with book.write() as tx:
        tx.execute(
            "INSERT INTO interactions (contact_id, happened_on, kind, note) VALUES (?, ?, 'coffee', 'Met')",
            [ana_id, date(2026, 3, 1)],
        )
    data = backups.backup_bytes(book)
    book.close()
    if schema_version is not None:
        import duckdb

        path = tmp_path / "later.duckdb"
        path.write_bytes(data)
        with duckdb.connect(str(path)) as connection:
            connection.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [schema_version])
        data = path.read_bytes()
        assert int(schema_version) > LATEST_VERSION
    return data


def contents(workbook) -> dict:
    from store.backup import export_tables

    return {t: rows for t, (_, rows) in export_tables(workbook).items() if t != "meta"}


@pytest.mark.both_engines
def test_a_backup_restored_into_an_account_replaces_it_whole_with_every_link_kept(workbook, tmp_path):
    add_contact(workbook, ContactDraft(name="Before"))
    restored = backups.restore_upload(workbook, backup_with_links(tmp_path), "backup.duckdb", NOW)
    assert restored.people == 2
    people = {c.name: c for c in search_contacts(workbook)[0]}
    assert sorted(people) == ["Ana Costa", "Bo Lindqvist"]
    assert people["Bo Lindqvist"].introduced_by == people["Ana Costa"].id
    summaries = workbook.read("SELECT contact_id, note FROM interactions")
    assert summaries == [(people["Ana Costa"].id, "Met")]
    add_contact(workbook, ContactDraft(name="Added after"))  # the ids carry on past the restored ones
    assert count_contacts(workbook) == 3
    if workbook.engine == "postgres":
        assert restored.previous is None  # no file beside an account: the server's backups keep it
        assert backups.automatic_backups(workbook, NOW).kept_on_server


@pytest.mark.both_engines
@pytest.mark.parametrize(
    "bad, refusal",
    [
        ("not a duckdb file", r"^notes\.duckdb is not a workbook file"),
        ("a later schema", r"^notes\.duckdb was saved by a newer version of the app"),
        ("too big", r"^That file is 50\.1 MB; a backup restored here may be up to 50 MB"),
        ("cut short", r"^notes\.duckdb is damaged or cut short"),
    ],
)
def test_a_bad_backup_changes_nothing_in_the_account(workbook, tmp_path, bad, refusal):
    add_contact(workbook, ContactDraft(name="Keep Me"))
    before = contents(workbook)
    data = {
        "not a duckdb file": lambda: b"Name\nAnn\n",
        "a later schema": lambda: backup_with_links(tmp_path, schema_version="99"),
        "too big": lambda: b"\0" * (backups.MAX_BACKUP_BYTES + 100_000),
        "cut short": lambda: backup_with_links(tmp_path)[:20_000],
    }[bad]()
    with pytest.raises(WorkbookError, match=refusal):
        backups.restore_upload(workbook, data, "notes.duckdb", NOW)
    assert contents(workbook) == before


@pytest.mark.both_engines
def test_an_accounts_backup_downloads_as_a_workbook_file_that_restores_the_same(workbook, tmp_path):
    backups.restore_upload(workbook, backup_with_links(tmp_path), "backup.duckdb", NOW)
    before = contents(workbook)
    path = tmp_path / "download.duckdb"
    path.write_bytes(backups.backup_bytes(workbook))
    copy = open_workbook(path)
    try:
        assert sorted(c.name for c in search_contacts(copy)[0]) == ["Ana Costa", "Bo Lindqvist"]
    finally:
        copy.close()
    add_contact(workbook, ContactDraft(name="Changed since"))
    backups.restore_upload(workbook, path.read_bytes(), "download.duckdb", NOW)
    assert contents(workbook) == before
