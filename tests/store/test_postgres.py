"""The PostgreSQL store: each account's rows are its own, and the database itself enforces it."""

from __future__ import annotations

import psycopg
import pytest

from core.errors import InvalidInput, WorkbookTooNew
from store.postgres import DatabaseUnavailable, PostgresDatabase, to_pyformat
from store.schema import LATEST_VERSION as DUCKDB_VERSION
from store.schema_postgres import LATEST_VERSION, OWNED_TABLES, READ_INDEXES


def add(workbook, name: str, email: str = "") -> int:
    with workbook.write() as tx:
        return int(
            tx.execute("INSERT INTO contacts (name, email) VALUES (?, ?) RETURNING id", [name, email]).fetchone()[0]
        )


def test_both_engines_are_at_the_same_schema_version():
    assert LATEST_VERSION == DUCKDB_VERSION


def test_queries_are_written_once_with_question_marks():
    assert to_pyformat("SELECT 1 WHERE a = ? AND b LIKE 'x%?' AND c % 2 = ?") == (
        "SELECT 1 WHERE a = %s AND b LIKE 'x%?' AND c %% 2 = %s"
    )


def test_an_account_sees_only_its_own_people(postgres_database):
    alice, bob = postgres_database.workbook("alice"), postgres_database.workbook("bob")
    add(alice, "Ana Costa")
    add(bob, "Bo Lindqvist")
    assert alice.read("SELECT name FROM contacts") == [("Ana Costa",)]
    assert bob.read("SELECT name FROM contacts") == [("Bo Lindqvist",)]


def test_a_query_written_to_reach_another_account_finds_and_changes_nothing(postgres_database):
    alice, bob = postgres_database.workbook("alice"), postgres_database.workbook("bob")
    bo = add(bob, "Bo Lindqvist", "bo@example.org")
    assert alice.read("SELECT * FROM contacts WHERE owner = 'bob' OR id = ?", [bo]) == []
    with alice.write() as tx:
        assert tx.execute("UPDATE contacts SET name = 'taken' WHERE id = ?", [bo]).rowcount == 0
        assert tx.execute("DELETE FROM contacts WHERE owner = 'bob'").rowcount == 0
    with pytest.raises(InvalidInput), alice.write() as tx:
        tx.execute("INSERT INTO contacts (owner, name) VALUES ('bob', 'planted')")
    assert bob.read("SELECT name, email FROM contacts") == [("Bo Lindqvist", "bo@example.org")]


def test_a_forged_session_opens_no_rows(postgres_database):
    alice, bob = postgres_database.workbook("alice"), postgres_database.workbook("bob")
    add(bob, "Bo Lindqvist")
    with alice.write() as tx:
        tx.execute("SELECT set_config('workbook.session', 'bob:0000', true)")
        assert tx.execute("SELECT count(*) FROM contacts").fetchone() == (0,)
        tx.execute("SELECT set_config('workbook.session', 'bob', true)")
        assert tx.execute("SELECT count(*) FROM contacts").fetchone() == (0,)


@pytest.mark.parametrize(
    "attempt",
    [
        "SET ROLE workbook_admin",
        "SELECT value FROM workbook_private.secret",
        "ALTER TABLE contacts DISABLE ROW LEVEL SECURITY",
        "ALTER TABLE contacts NO FORCE ROW LEVEL SECURITY",
        "DROP POLICY contacts_own_rows ON contacts",
        "CREATE OR REPLACE FUNCTION workbook_private.session_owner() RETURNS text LANGUAGE sql AS $$ SELECT 'bob' $$",
        "UPDATE meta SET value = '99' WHERE key = 'schema_version'",
        "SELECT setval('contact_ids', 1)",
        "SELECT workbook_private.advance_sequence('pg_authid', 1)",
    ],
)
def test_the_apps_role_cannot_switch_off_the_rules(postgres_database, attempt):
    alice = postgres_database.workbook("alice")
    with pytest.raises(InvalidInput), alice.write() as tx:
        tx.execute(attempt)


def test_resetting_the_role_leaves_the_connection_as_powerless_as_before(postgres_database):
    alice, bob = postgres_database.workbook("alice"), postgres_database.workbook("bob")
    add(bob, "Bo Lindqvist")
    with alice.write() as tx:
        tx.execute("RESET ROLE")
        assert tx.execute("SELECT count(*) FROM contacts").fetchone() == (0,)


def test_deleting_an_account_removes_its_rows_and_no_one_elses(postgres_database):
    alice, bob = postgres_database.workbook("alice"), postgres_database.workbook("bob")
    add(alice, "Ana Costa")
    add(alice, "Ana's friend")
    add(bob, "Bo Lindqvist")
    removed = postgres_database.delete_account("alice")
    assert removed["contacts"] == 2 and set(removed) == set(OWNED_TABLES)
    assert bob.read("SELECT name FROM contacts") == [("Bo Lindqvist",)]
    assert postgres_database.workbook("alice").read("SELECT count(*) FROM contacts") == [(0,)]


def test_a_write_on_another_server_is_seen_as_a_new_data_version(postgres_url):
    first, second = PostgresDatabase(postgres_url, pool_size=2), PostgresDatabase(postgres_url, pool_size=2)
    try:
        here, there = first.workbook("alice"), second.workbook("alice")
        add(there, "Ana Costa")
        assert here.refresh() is True
        assert here.data_version == there.data_version
        assert here.refresh() is False
    finally:
        first.close()
        second.close()


def test_a_wrong_password_is_one_clear_line(postgres_server, postgres_url):
    wrong = postgres_url.replace(postgres_server.password, "not-the-password")
    with pytest.raises(DatabaseUnavailable, match="refused the user name or password"):
        PostgresDatabase(wrong)


def test_an_unreachable_server_is_one_clear_line():
    with pytest.raises(DatabaseUnavailable, match="cannot be reached"):
        PostgresDatabase("postgresql://someone:pw@127.0.0.1:9/workbook")


def test_a_database_set_up_by_a_newer_app_is_refused(postgres_url, postgres_database):
    postgres_database.close()
    with psycopg.connect(postgres_url, autocommit=True) as admin:
        admin.execute("UPDATE workbook.meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(WorkbookTooNew, match="schema 99"):
        PostgresDatabase(postgres_url)


def test_two_servers_starting_at_once_migrate_once(postgres_url):
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(2) as pool:
        databases = list(pool.map(lambda _: PostgresDatabase(postgres_url, pool_size=1), range(2)))
    try:
        assert {d.workbook("alice").schema_version() for d in databases} == {LATEST_VERSION}
    finally:
        for database in databases:
            database.close()


def test_the_app_may_move_a_sequence_only_forward(postgres_database):
    alice = postgres_database.workbook("alice")
    first = add(alice, "Ana Costa")
    with alice.write() as tx:
        tx.advance_sequence("contact_ids", 1000)
        tx.advance_sequence("contact_ids", 5)
    assert add(alice, "Bo") == 1001 and first < 1000


LOOP_INDEXES = {"interactions_help", "interactions_linked", "interactions_loose"}


def test_the_follow_through_loop_reads_its_rows_through_their_indexes(postgres_database):
    from store.followthrough import LOOPS_CTE, OPEN

    plan = _plan(postgres_database, f"WITH {LOOPS_CTE} SELECT count(*) FROM loops l WHERE {OPEN}")
    assert {name for name in LOOP_INDEXES if name in plan} == LOOP_INDEXES, plan


def _plan(database: PostgresDatabase, statement: str) -> str:
    with database.workbook("alice").write() as tx:
        tx.execute("SET LOCAL enable_seqscan = off")  # a tiny table would be scanned whatever the indexes
        return "\n".join(row[0] for row in tx.execute(f"EXPLAIN {statement}").fetchall())


def test_counting_people_by_circle_and_tie_reads_only_its_index(postgres_database):
    from store.contacts import BY_CIRCLE_AND_TIE

    plan = _plan(postgres_database, BY_CIRCLE_AND_TIE)
    assert "Index Only Scan using contacts_live_circle_tie" in plan, plan


def test_growth_by_month_and_people_added_this_week_read_the_index_of_when_people_were_added(postgres_database):
    from store.contacts import GROWTH_BY_MONTH
    from store.progress import NEW_BY_HAND_SINCE

    assert "Index Only Scan using contacts_added" in _plan(postgres_database, GROWTH_BY_MONTH)
    since = _plan(postgres_database, NEW_BY_HAND_SINCE.replace("?", "TIMESTAMP '2026-03-16 00:00'"))
    assert "using contacts_added" in since and "created_at >= '2026-03-16 00:00:00'" in since, since


def test_key_contacts_and_their_count_read_only_the_index_of_key_contacts(postgres_database):
    from store.maintenance import KEY_CONTACT_COUNT, KEY_CONTACTS

    assert "Index Only Scan using contacts_key" in _plan(postgres_database, KEY_CONTACT_COUNT)
    listed = _plan(postgres_database, KEY_CONTACTS.replace("?", "3000"))
    assert "Index Only Scan using contacts_key" in listed and "Sort" not in listed, listed


def test_the_trash_is_counted_from_its_own_index(postgres_database):
    from store.info import ROW_COUNTS

    plan = _plan(postgres_database, ROW_COUNTS)
    assert "Index Only Scan using contacts_trashed" in plan, plan


def test_tip_3s_asks_by_kind_and_outcome_read_only_indexes(postgres_database):
    from store.outreach import ASKS_BY_KIND_AND_OUTCOME

    plan = _plan(postgres_database, ASKS_BY_KIND_AND_OUTCOME)
    assert "Index Only Scan using interactions_asks" in plan and "Index Only Scan using contacts_live" in plan, plan


def test_a_database_set_up_without_the_read_indexes_gets_them_when_a_server_starts(postgres_url):
    wanted = {statement.split(" ON ")[0].split()[-1] for statement in READ_INDEXES}
    PostgresDatabase(postgres_url).close()
    with psycopg.connect(postgres_url, autocommit=True) as admin:
        admin.execute("DROP INDEX workbook.interactions_loose")
        PostgresDatabase(postgres_url).close()
        names = {row[0] for row in admin.execute("SELECT indexname FROM pg_indexes WHERE schemaname = 'workbook'")}
    assert wanted >= LOOP_INDEXES
    assert names >= wanted
