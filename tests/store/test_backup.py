"""Backup and restore: the file itself out; a checked file back in, or nothing changes."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from core.model import ContactDraft
from store import NotAWorkbook, WorkbookTooNew, open_private_workbook, open_workbook
from store.backup import (
    backup_bytes,
    check_workbook_file,
    list_snapshots,
    restore_workbook,
    snapshot_if_due,
    write_backup,
)
from store.contacts import add_contact, count_contacts, search_contacts
from store.interactions import count_interactions, log_interaction
from store.schema import APPLICATION_ID, LATEST_VERSION, MIGRATIONS

NOW = datetime(2026, 3, 1, 9, 30)


def names(workbook) -> list[str]:
    return sorted(p.name for p in search_contacts(workbook, limit=100)[0])


@pytest.fixture
def other(tmp_path):
    """A second workbook with two people and one meeting, backed up to a file."""
    book = open_workbook(tmp_path / "other.duckdb")
    ann = add_contact(book, ContactDraft(name="Ann Lee"))
    add_contact(book, ContactDraft(name="Zoë D'Arcy"))
    log_interaction(book, ann, NOW.date(), "catch_up", today=NOW.date())
    path = write_backup(book, tmp_path / "other-backup.duckdb")
    book.close()
    return path


def test_a_backup_reopens_as_the_same_workbook(workbook, tmp_path):
    add_contact(workbook, ContactDraft(name="Seán O'Brien"))
    path = write_backup(workbook, tmp_path / "copy.duckdb")
    copy = open_workbook(path)
    assert names(copy) == ["Seán O'Brien"] and copy.schema_version() == LATEST_VERSION
    assert add_contact(copy, ContactDraft(name="Next")) == 2  # ids carry on where they were
    copy.close()


def test_a_private_in_memory_workbook_can_be_downloaded(tmp_path):
    book = open_private_workbook()
    add_contact(book, ContactDraft(name="山田 太郎"))
    (tmp_path / "dl.duckdb").write_bytes(backup_bytes(book))
    assert check_workbook_file(tmp_path / "dl.duckdb") == LATEST_VERSION
    book.close()


def test_restore_replaces_the_contents_and_keeps_the_previous_as_a_dated_backup(workbook, other, tmp_path):
    add_contact(workbook, ContactDraft(name="Before Restore"))
    previous = restore_workbook(workbook, other, tmp_path / "kept", NOW)
    assert names(workbook) == ["Ann Lee", "Zoë D'Arcy"] and count_interactions(workbook) == 1
    assert previous.name == "before-restore-2026-03-01-093000.duckdb"
    kept = open_workbook(previous)
    assert names(kept) == ["Before Restore"]
    kept.close()


def test_after_a_restore_new_people_get_fresh_ids(workbook, other, tmp_path):
    restore_workbook(workbook, other, None, NOW)
    assert add_contact(workbook, ContactDraft(name="New")) == 3


def test_a_file_that_is_not_duckdb_is_refused_and_nothing_changes(workbook, tmp_path):
    add_contact(workbook, ContactDraft(name="Stays"))
    bad = tmp_path / "notes.duckdb"
    bad.write_text("Name\nAnn\n")
    with pytest.raises(NotAWorkbook, match="not a workbook file"):
        restore_workbook(workbook, bad, tmp_path / "kept", NOW)
    assert names(workbook) == ["Stays"] and not (tmp_path / "kept").exists()


def test_a_duckdb_file_of_another_app_is_refused(workbook, tmp_path):
    foreign = tmp_path / "foreign.duckdb"
    duckdb.connect(str(foreign)).execute("CREATE TABLE t (x INT)").close()
    with pytest.raises(NotAWorkbook, match="not a workbook of this app"):
        restore_workbook(workbook, foreign, None, NOW)


def test_a_workbook_from_a_newer_app_is_refused(workbook, other):
    connection = duckdb.connect(str(other))
    connection.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    connection.close()
    with pytest.raises(WorkbookTooNew, match="upgrade the app"):
        restore_workbook(workbook, other, None, NOW)
    assert count_contacts(workbook) == 0


def test_a_damaged_file_is_refused(workbook, other):
    data = bytearray(other.read_bytes())
    for offset in range(4096 * 3, len(data), 97):
        data[offset] ^= 0xFF
    other.write_bytes(bytes(data))
    with pytest.raises(NotAWorkbook):
        restore_workbook(workbook, other, None, NOW)
    assert count_contacts(workbook) == 0


def test_a_backup_from_an_older_version_is_upgraded_on_restore(workbook, tmp_path):
    old = tmp_path / "v1.duckdb"
    connection = duckdb.connect(str(old))
    connection.execute(MIGRATIONS[0])
    connection.execute("INSERT INTO meta VALUES ('application', ?), ('schema_version', '1')", [APPLICATION_ID])
    connection.execute("INSERT INTO contacts (name) VALUES ('Old Friend')")
    connection.close()
    restore_workbook(workbook, old, None, NOW)
    assert names(workbook) == ["Old Friend"] and workbook.schema_version() == LATEST_VERSION
    assert workbook.read("SELECT name_key FROM contacts") == [("friend",)]  # keyed, so found when added again


def test_a_failure_during_restore_leaves_the_workbook_as_it_was(workbook, other, monkeypatch):
    import store.backup as backup

    add_contact(workbook, ContactDraft(name="Stays"))
    monkeypatch.setattr(backup, "_move_sequences_past_ids", lambda cursor: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        restore_workbook(workbook, other, None, NOW)
    assert names(workbook) == ["Stays"]


def test_one_snapshot_a_day_and_only_the_last_seven_are_kept(workbook, tmp_path):
    folder = tmp_path / "backups"
    assert snapshot_if_due(workbook, folder, NOW) is not None
    assert snapshot_if_due(workbook, folder, NOW + timedelta(hours=3)) is None
    for day in range(1, 10):
        snapshot_if_due(workbook, folder, NOW + timedelta(days=day))
    snapshots = list_snapshots(folder)
    assert [s.day for s in snapshots] == [f"2026-03-{d:02d}" for d in range(10, 3, -1)]
    assert all(check_workbook_file(s.path) == LATEST_VERSION for s in snapshots)


def test_a_snapshot_can_be_restored(workbook, tmp_path):
    add_contact(workbook, ContactDraft(name="In The Snapshot"))
    snapshot = snapshot_if_due(workbook, tmp_path / "backups", NOW)
    add_contact(workbook, ContactDraft(name="After It"))
    restore_workbook(workbook, snapshot.path, tmp_path / "backups", NOW + timedelta(minutes=5))
    assert names(workbook) == ["In The Snapshot"]


def test_no_snapshots_means_an_empty_list():
    assert list_snapshots(None) == [] and list_snapshots(Path("/nonexistent/folder")) == []


def test_the_export_zip_holds_every_table_and_neutralised_cells(workbook):
    import io
    import json
    import zipfile

    from services.exports import export_zip

    add_contact(workbook, ContactDraft(name="=cmd|' /C calc'!A0", notes="@SUM(1)"))
    archive = zipfile.ZipFile(io.BytesIO(export_zip(workbook, NOW)))
    manifest = json.loads(archive.read("workbook.json"))
    assert manifest["schema_version"] == LATEST_VERSION and manifest["tables"]["contacts"]["rows"] == 1
    assert {"contacts.csv", "interactions.csv", "ledger.csv", "goals.csv"} <= set(archive.namelist())
    contacts = archive.read("contacts.csv").decode("utf-8-sig")
    assert "'=cmd" in contacts and "'@SUM(1)" in contacts


def test_exported_vcards_import_back_as_the_same_people_without_adding_anyone(workbook):
    from fileio.reader import read_contacts
    from fileio.vcard import write_vcards
    from store.backup import contacts_for_export
    from store.imports import import_contacts

    add_contact(workbook, ContactDraft(name="Seán O'Brien", company="Dublin Data, Ltd.", circle="school", tie="strong"))
    add_contact(workbook, ContactDraft(name="山田 太郎", email="taro@example.jp", notes="line one\nline two"))
    people = contacts_for_export(workbook)
    result = read_contacts(write_vcards(people).encode())
    assert list(result.drafts) == people
    summary = import_contacts(workbook, result)
    assert (summary.added, count_contacts(workbook)) == (0, 2)


@pytest.mark.parametrize("keep", [0.1, 0.3, 0.5, 0.7, 0.9])
def test_a_backup_cut_short_is_refused_in_one_line_and_nothing_changes(workbook, other, keep):
    data = other.read_bytes()
    other.write_bytes(data[: int(len(data) * keep)])
    add_contact(workbook, ContactDraft(name="Stays"))
    try:
        restore_workbook(workbook, other, None, NOW)
    except NotAWorkbook as error:
        assert "\n" not in str(error) and "choose another backup" in str(error)
        assert names(workbook) == ["Stays"]
    else:  # the cut missed every block in use: then the backup must come back whole
        assert names(workbook) == ["Ann Lee", "Zoë D'Arcy"]


@pytest.mark.parametrize(
    "trap",
    [
        "CREATE VIEW peek AS SELECT * FROM read_text('/etc/hostname')",
        "CREATE MACRO nudge(x) AS x + 1",
        "CREATE TABLE sly (a INT, b INT GENERATED ALWAYS AS (a * 2) VIRTUAL)",
    ],
)
def test_a_backup_carrying_code_is_refused_before_anything_runs(workbook, other, trap):
    connection = duckdb.connect(str(other))
    connection.execute(trap)
    connection.close()
    add_contact(workbook, ContactDraft(name="Stays"))
    with pytest.raises(NotAWorkbook, match="views, macros or computed columns"):
        restore_workbook(workbook, other, None, NOW)
    assert names(workbook) == ["Stays"]


def test_the_copy_kept_before_a_restore_is_offered_to_go_back_to(workbook, other, tmp_path):
    from store.backup import list_restore_points

    folder = tmp_path / "backups"
    add_contact(workbook, ContactDraft(name="Before Restore"))
    snapshot_if_due(workbook, folder, NOW)
    restore_workbook(workbook, other, folder, NOW + timedelta(minutes=1))
    points = list_restore_points(folder)
    assert [p.before_restore for p in points] == [True, False]
    assert [s.day for s in list_snapshots(folder)] == ["2026-03-01"]
    restore_workbook(workbook, points[0].path, folder, NOW + timedelta(minutes=2))
    assert names(workbook) == ["Before Restore"]


@pytest.mark.parametrize("recorded, shown", [("'abc'", "'abc'"), ("NULL", "missing"), ("'-1'", "'-1'")])
def test_a_backup_with_an_unreadable_schema_version_is_refused_in_one_line(workbook, tmp_path, recorded, shown):
    odd = tmp_path / "odd.duckdb"
    connection = duckdb.connect(str(odd))
    connection.execute(MIGRATIONS[0])
    connection.execute("DROP TABLE meta; CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")  # NULL allowed
    connection.execute(f"INSERT INTO meta VALUES ('application', ?), ('schema_version', {recorded})", [APPLICATION_ID])
    connection.close()
    add_contact(workbook, ContactDraft(name="Stays"))
    with pytest.raises(NotAWorkbook, match=f"records its schema version as {shown}, so it is damaged"):
        restore_workbook(workbook, odd, None, NOW)
    assert names(workbook) == ["Stays"]


def test_a_half_written_backup_left_by_a_crash_is_cleared_at_the_next_snapshot(workbook, tmp_path):
    import os

    from store.backup import PARTIAL_STALE_SECONDS, snapshot_if_due

    folder = tmp_path / "backups"
    folder.mkdir()
    crashed = folder / "workbook-2026-01-01.duckdb.0123456789ab.partial"
    crashed.write_bytes(b"half a database")
    old = NOW.timestamp() - PARTIAL_STALE_SECONDS - 60
    os.utime(crashed, (old, old))
    in_progress = folder / "workbook-2026-01-02.duckdb.ba9876543210.partial"
    in_progress.write_bytes(b"being written right now")
    os.utime(in_progress, (NOW.timestamp(), NOW.timestamp()))
    snapshot_if_due(workbook, folder, NOW)
    assert not crashed.exists() and in_progress.exists()
