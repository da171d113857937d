"""Backups on real workbook files: the bytes reopen as the workbook; restores are checked; snapshots go back."""

from __future__ import annotations

from datetime import datetime

import pytest

from core.errors import InvalidInput, NotAWorkbook
from core.model import ContactDraft
from services import backups
from store import open_private_workbook, open_workbook
from store.contacts import add_contact, count_contacts

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
