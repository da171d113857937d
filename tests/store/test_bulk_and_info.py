"""Loading whole demo tables into a workbook, and the summary of what a workbook holds."""

from __future__ import annotations

from datetime import date

import pytest

from core.demo import make_demo
from core.model import ContactDraft
from store import InvalidInput
from store.bulk import load_tables
from store.contacts import add_contact, count_contacts, get_contact, trash_contacts
from store.goals import add_goal, list_goals
from store.info import TABLES, count_rows
from store.interactions import count_interactions, log_interaction
from store.maintenance import add_ledger_entry
from store.ratings import save_rating

TODAY = date(2026, 3, 10)
ALL_YES = {"truth": True, "challenge": True, "vibrant": True, "future": True, "strong_links": True}


@pytest.fixture(scope="module")
def demo():
    return make_demo(200, seed=3, today=TODAY)


@pytest.fixture
def loaded(workbook, demo):
    load_tables(workbook, demo.tables)
    return workbook


def test_a_demo_loads_into_an_empty_workbook_with_every_row_of_every_table(loaded, demo):
    for table in demo.tables:
        assert loaded.read_one(f"SELECT count(*) FROM {table}")[0] == demo.rows(table), table
    assert count_contacts(loaded) == 200
    assert count_interactions(loaded) == demo.rows("interactions")
    first = get_contact(loaded, 1)
    assert first.name == demo.tables["contacts"]["name"][0]
    assert first.circle == demo.tables["contacts"]["circle"][0]


def test_after_a_load_each_persons_last_spoke_date_is_their_latest_interaction(loaded, demo):
    latest: dict[int, date] = {}
    it = demo.tables["interactions"]
    for person, day in zip(it["contact_id"], it["happened_on"]):
        latest[person] = max(day, latest.get(person, day))
    stored = dict(loaded.read("SELECT id, last_contacted_on FROM contacts"))
    assert stored == {person: latest.get(person) for person in demo.tables["contacts"]["id"]}


def test_a_load_bumps_the_data_version_once(workbook, demo):
    before = workbook.data_version
    load_tables(workbook, demo.tables)
    assert workbook.data_version == before + 1


def test_loading_into_a_workbook_that_has_people_is_refused_and_changes_nothing(workbook, demo):
    mine = add_contact(workbook, ContactDraft(name="My own friend"))
    before = workbook.data_version
    with pytest.raises(InvalidInput) as caught:
        load_tables(workbook, demo.tables)
    assert "already has data" in str(caught.value)
    assert str(workbook.path) in str(caught.value)
    assert count_contacts(workbook) == 1
    assert get_contact(workbook, mine).name == "My own friend"
    assert (count_interactions(workbook), list_goals(workbook)) == (0, [])
    assert workbook.data_version == before


def test_a_workbook_whose_only_person_is_in_the_trash_is_still_refused(workbook, demo):
    trash_contacts(workbook, [add_contact(workbook, ContactDraft(name="Binned"))])
    with pytest.raises(InvalidInput):
        load_tables(workbook, demo.tables)
    assert count_interactions(workbook) == 0


def test_a_load_that_fails_half_way_leaves_the_workbook_empty(workbook, demo):
    tables = dict(demo.tables)
    ledger = {column: list(values) for column, values in demo.tables["ledger"].items()}
    ledger["weight"][-1] = 99  # breaks the ledger's check, after contacts and interactions went in
    tables["ledger"] = ledger
    with pytest.raises(InvalidInput):
        load_tables(workbook, tables)
    assert {table: workbook.read_one(f"SELECT count(*) FROM {table}")[0] for table in demo.tables} == dict.fromkeys(
        demo.tables, 0
    )


def test_a_tiny_demo_with_some_empty_tables_loads(workbook):
    tiny = make_demo(3, seed=1, today=TODAY)
    load_tables(workbook, tiny.tables)
    assert count_contacts(workbook) == 3
    assert count_rows(workbook)["reference_steps"] == tiny.rows("reference_steps")


def test_after_a_load_new_records_get_fresh_ids_after_the_loaded_ones(loaded, demo):
    def top(table):
        return max(demo.tables[table]["id"])

    person = add_contact(loaded, ContactDraft(name="Someone new"))
    assert person > top("contacts")
    assert get_contact(loaded, person).name == "Someone new"
    assert count_contacts(loaded) == 201

    interaction = log_interaction(loaded, person, TODAY, "catch_up", today=TODAY)
    goal = add_goal(loaded, "field", "Clinical informatics")
    rating = save_rating(loaded, ALL_YES, TODAY, today=TODAY)
    entry = add_ledger_entry(loaded, person, TODAY, "gave", "advice", 2, today=TODAY)
    assert interaction > top("interactions")
    assert goal > top("goals")
    assert rating > top("ratings")
    assert entry > top("ledger")
    assert count_interactions(loaded) == demo.rows("interactions") + 1


# --- count_rows ------------------------------------------------------------------------


def test_an_empty_workbook_counts_no_row_in_any_table(workbook):
    assert count_rows(workbook) == {**dict.fromkeys(TABLES, 0), "contacts in trash": 0}


def test_the_rows_of_every_table_and_the_trash_are_counted(loaded, demo):
    trash_contacts(loaded, [1, 2, 3])
    assert count_rows(loaded) == {**{table: demo.rows(table) for table in TABLES}, "contacts in trash": 3}


def test_the_counts_follow_new_records(workbook):
    ana = add_contact(workbook, ContactDraft(name="Ana"))
    log_interaction(workbook, ana, TODAY, "ask", today=TODAY)
    add_goal(workbook, "role", "Data analyst")
    counts = count_rows(workbook)
    assert (counts["contacts"], counts["interactions"], counts["goals"], counts["ratings"]) == (1, 1, 1, 0)
