"""Files that look like databases but are not workbooks are refused clearly, and stay unchanged."""

import hashlib
import sqlite3
from datetime import date

import duckdb
import pytest

from core.demo import make_demo
from store import InvalidInput, NotAWorkbook, open_workbook
from store.bulk import load_tables
from store.goals import add_goal


def test_a_sqlite_database_is_refused_as_not_a_workbook_without_reaching_the_network(tmp_path):
    path = tmp_path / "addressbook.duckdb"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE people (name TEXT)")
    connection.commit()
    connection.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(NotAWorkbook) as caught:
        open_workbook(path)
    assert "extension" not in str(caught.value)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_a_duckdb_database_whose_meta_table_has_other_columns_is_refused_as_not_a_workbook(tmp_path):
    path = tmp_path / "other.duckdb"
    connection = duckdb.connect(str(path))
    connection.execute("CREATE TABLE meta (id INTEGER, label VARCHAR)")
    connection.execute("INSERT INTO meta VALUES (1, 'build 7')")
    connection.close()
    with pytest.raises(NotAWorkbook):
        open_workbook(path)


def test_loading_demo_tables_into_a_workbook_with_goals_but_no_people_is_refused_clearly(workbook):
    add_goal(workbook, "role", "Data analyst")
    with pytest.raises(InvalidInput):
        load_tables(workbook, make_demo(20, today=date(2026, 3, 10)).tables)
