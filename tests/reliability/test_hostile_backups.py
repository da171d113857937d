"""A damaged backup (cut short, or with flipped bits) is refused in one line; the workbook stays as it was."""

from __future__ import annotations

import random
from datetime import date, datetime

import pytest

from core.demo import make_demo
from core.model import ContactDraft
from store import WorkbookError, open_private_workbook, open_workbook
from store.backup import export_tables, restore_workbook, write_backup
from store.bulk import load_tables
from store.contacts import add_contact
from tests.reliability.test_hostile_input import assert_one_line

CUTS = 8
FLIPS = 12


@pytest.fixture(scope="module")
def good_backup(tmp_path_factory):
    folder = tmp_path_factory.mktemp("good-backup")
    book = open_workbook(folder / "source.duckdb")
    load_tables(book, make_demo(60, seed=3, today=date(2026, 1, 1)).tables)
    backup = write_backup(book, folder / "backup.duckdb")
    contents = export_tables(book)
    book.close()
    return backup.read_bytes(), contents


def damaged_copies(data: bytes, soak: int) -> list[tuple[str, bytes]]:
    rng = random.Random(5)
    copies = [(f"cut at {cut:,}", data[:cut]) for cut in sorted(rng.sample(range(1, len(data)), CUTS * soak))]
    for n in range(FLIPS * soak):
        flipped = bytearray(data)
        for _ in range(rng.randrange(1, 16)):
            at = rng.randrange(len(flipped))
            flipped[at] ^= 1 << rng.randrange(8)
        copies.append((f"bits flipped #{n}", bytes(flipped)))
    return copies


def test_a_cut_short_or_bit_flipped_backup_is_refused_in_one_line_or_restored_whole(
    good_backup, tmp_path, soak, record
):
    data, contents = good_backup
    escaped = []
    for label, damaged in damaged_copies(data, soak):
        upload = tmp_path / "damaged.duckdb"
        upload.write_bytes(damaged)
        target = open_private_workbook()
        add_contact(target, ContactDraft(name="Keep Me"))
        before = export_tables(target)
        try:
            restore_workbook(target, upload, None, datetime(2026, 1, 1))
        except WorkbookError as error:
            assert_one_line(error)
            if export_tables(target) != before:
                escaped.append(f"{label}: refused, but the workbook changed")
        except Exception as error:
            escaped.append(f"{label}: {type(error).__name__}: {str(error)[:100]}")
        else:  # the damage missed every block in use: then it must restore whole
            if export_tables(target) != contents:
                escaped.append(f"{label}: restored with different contents")
        finally:
            target.close()
    record(
        "Hostile input",
        "restore check: backups cut short or with flipped bits",
        inputs=(CUTS + FLIPS) * soak,
        lost=len(escaped),
    )
    assert escaped == []
