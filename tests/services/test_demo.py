"""The demo workbook: made on a new path, replaced only when asked."""

from __future__ import annotations

import pytest

from core.errors import InvalidInput
from services.demo import make_demo_workbook
from store import open_workbook
from store.contacts import count_contacts


def test_a_demo_is_written_with_the_people_and_interactions_it_says(tmp_path):
    made = make_demo_workbook(tmp_path / "demo.duckdb", 20, seed=3)
    book = open_workbook(made.path)
    try:
        assert count_contacts(book) == made.people == 20
        assert book.read_one("SELECT count(*) FROM interactions")[0] == made.interactions
    finally:
        book.close()


def test_an_existing_file_is_kept_unless_replacing_is_asked_for(tmp_path):
    path = tmp_path / "precious.duckdb"
    path.write_text("my notes")
    with pytest.raises(InvalidInput, match="already exists"):
        make_demo_workbook(path, 5)
    assert path.read_text() == "my notes"
    assert make_demo_workbook(path, 5, replace=True).people == 5
