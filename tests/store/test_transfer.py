"""Copying a whole workbook keeps every row and every link, between any two engines."""

from __future__ import annotations

from datetime import date

import pytest

from core.demo import make_demo
from core.errors import InvalidInput
from core.model import ContactDraft
from store import open_private_workbook, open_workbook
from store.bulk import load_tables
from store.contacts import add_contact
from store.schema import DATA_TABLES
from store.transfer import copy_workbook, read_contents

TODAY = date(2026, 6, 1)


def demo_book(tmp_path):
    book = open_workbook(tmp_path / "demo.duckdb")
    load_tables(book, make_demo(60, seed=3, today=TODAY).tables)
    return book


def rows_of(book) -> dict[str, list[tuple]]:
    return {table: sorted(rows, key=repr) for table, (_, rows) in read_contents(book).items()}


@pytest.mark.parametrize("target_kind", ["duckdb", "postgres"])
def test_a_copy_holds_exactly_the_same_rows(tmp_path, target_kind, request):
    source = demo_book(tmp_path)
    if target_kind == "duckdb":
        target = open_private_workbook()
    else:
        target = request.getfixturevalue("postgres_database").workbook("alice")
    counts = copy_workbook(source, target)
    assert counts["contacts"] == 60 and set(counts) == set(DATA_TABLES)
    assert rows_of(target) == rows_of(source)
    # New rows after the copy get ids past the copied ones.
    new_id = add_contact(target, ContactDraft(name="After the copy"))
    assert new_id > max(r[0] for r in read_contents(source)["contacts"][1])


def test_a_copy_replaces_what_the_target_held(tmp_path):
    source = demo_book(tmp_path)
    target = open_private_workbook()
    add_contact(target, ContactDraft(name="Overwritten"))
    copy_workbook(source, target)
    names = [r[1] for r in read_contents(target)["contacts"][1]]
    assert "Overwritten" not in names and len(names) == 60


def test_a_copy_that_fails_halfway_leaves_the_target_as_it_was(tmp_path):
    source = demo_book(tmp_path)
    target = open_private_workbook()
    add_contact(target, ContactDraft(name="Still here"))
    contents = read_contents(source)
    columns, rows = contents["contacts"]
    contents["contacts"] = (columns, [*rows, rows[0]])  # a duplicate id: the insert is refused
    from store.transfer import replace_contents

    with pytest.raises(InvalidInput):
        replace_contents(target, contents)
    assert [r[1] for r in read_contents(target)["contacts"][1]] == ["Still here"]


def test_two_accounts_can_each_restore_the_same_backup(tmp_path, postgres_database):
    source = demo_book(tmp_path)
    alice, bob = postgres_database.workbook("alice"), postgres_database.workbook("bob")
    copy_workbook(source, alice)
    copy_workbook(source, bob)
    assert rows_of(alice) == rows_of(bob) == rows_of(source)
