"""Private workbooks on a shared server: free until used, bounded by a budget, never on disk."""

from __future__ import annotations

import os

import pytest

from core.budget import Budget
from core.errors import WorkbookFull
from core.model import ContactDraft
from store import open_private_workbook
from store.contacts import add_contact, count_contacts


def test_a_visitor_who_only_looks_costs_no_database():
    workbook = open_private_workbook()
    assert count_contacts(workbook) == 0
    assert workbook.data_version == 0 and not workbook.materialized


def test_the_first_save_makes_the_visitors_own_database():
    first, second = open_private_workbook(), open_private_workbook()
    add_contact(first, ContactDraft(name="Ana Costa"))
    assert first.materialized and first.data_version > 0
    assert count_contacts(first) == 1 and count_contacts(second) == 0


def test_a_save_past_the_people_budget_is_refused_and_nothing_is_saved():
    workbook = open_private_workbook(Budget(contacts=3))
    for name in ("Ana", "Bo", "Cy"):
        add_contact(workbook, ContactDraft(name=name))
    with pytest.raises(WorkbookFull, match="holds up to 3 people; this change would make 4"):
        add_contact(workbook, ContactDraft(name="Di"))
    assert count_contacts(workbook) == 3


def test_a_change_needing_more_memory_than_the_budget_is_refused_without_touching_the_disk(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # DuckDB would spill into ./.tmp here if it were allowed to
    workbook = open_private_workbook(Budget(contacts=10_000_000, memory_mb=16))
    add_contact(workbook, ContactDraft(name="Kept"))
    with pytest.raises(WorkbookFull, match="more than the 16 MB of memory"), workbook.write() as tx:
        tx.execute("INSERT INTO contacts (name, notes) SELECT 'p' || i, repeat('n', 300) FROM range(400000) AS r(i)")
    assert count_contacts(workbook) == 1
    assert os.listdir(tmp_path) == []
