"""The workbook's schema on PostgreSQL: every account's rows in one set of tables, each row owned.

The migrations are numbered as DuckDB's are (store/schema.py): migration N brings the same tables
and columns to both engines, so a backup made from either restores into the other. On PostgreSQL
each table also has an ``owner`` column, and row-level security lets a connection see and change
only the rows of the account its session was opened for (see ``SESSION_OWNER``).
"""

from __future__ import annotations

from store.followthrough import HELP, LINKED_STEP, LOOSE_STEP
from store.rooms import SCHEMA as ROOMS
from store.schema import DATA_TABLES, SEQUENCES

SCHEMA = "workbook"
PRIVATE = "workbook_private"

# Tables that hold one account's data (every one gets an owner column and the row policy).
OWNED_TABLES = DATA_TABLES

# The owner of this transaction's session, or NULL when the session token is missing or forged.
# The token is "<owner>:<signature>", the signature a hash of the owner sandwiched in a secret that
# the app's database role cannot read: SQL sent through the app's connection cannot make one.
SESSION_OWNER = f"""
CREATE OR REPLACE FUNCTION {PRIVATE}.session_owner() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
    SELECT split_part(given.token, ':', 1)
    FROM (SELECT current_setting('workbook.session', true) AS token) AS given, {PRIVATE}.secret AS k
    WHERE given.token IS NOT NULL
      AND split_part(given.token, ':', 2) = encode(sha256(convert_to(
          k.value || ':' || split_part(given.token, ':', 1) || ':' || k.value, 'UTF8')), 'hex')
$$;
"""

# Tables whose rows have an id. The key is (owner, id): ids come from one sequence per table, so they
# are unique anyway, but a restored backup keeps its own ids, which another account may also have.
WITH_IDS = tuple(SEQUENCES)

# Restoring a backup keeps its ids, so the sequences must move past them; the app's role may only
# move a sequence forward (setting one back would make other accounts' next saves collide).
ADVANCE_SEQUENCE = f"""
CREATE OR REPLACE FUNCTION {PRIVATE}.advance_sequence(sequence_name text, past bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
    current bigint;
BEGIN
    IF sequence_name NOT IN ({", ".join(f"'{s}'" for s in SEQUENCES.values())}) THEN
        RAISE EXCEPTION 'not a workbook sequence: %', sequence_name;
    END IF;
    EXECUTE format('SELECT last_value FROM {SCHEMA}.%I', sequence_name) INTO current;
    IF past > current THEN
        PERFORM setval(format('{SCHEMA}.%I', sequence_name), past);
    END IF;
END
$$;
"""

OWNER = f"owner TEXT NOT NULL DEFAULT {PRIVATE}.session_owner()"


def _owned(table: str) -> str:
    key = f"ALTER TABLE {table} ADD PRIMARY KEY (owner, id);" if table in WITH_IDS else ""
    return f"""
    {key}
    CREATE INDEX {table}_owner ON {table} (owner);
    ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
    ALTER TABLE {table} FORCE ROW LEVEL SECURITY;
    CREATE POLICY {table}_own_rows ON {table}
        USING (owner = (SELECT {PRIVATE}.session_owner()))
        WITH CHECK (owner = (SELECT {PRIVATE}.session_owner()));
    """


# Migration N (1-based) is MIGRATIONS[N - 1], run as the database's owner (the admin of the URL).
MIGRATIONS: list[str] = [
    # 1: accounts, the shared bookkeeping, and the walking skeleton's tables.
    f"""
    CREATE TABLE {PRIVATE}.secret (value TEXT NOT NULL);
    {SESSION_OWNER}
    {ADVANCE_SEQUENCE}
    REVOKE ALL ON FUNCTION {PRIVATE}.advance_sequence(text, bigint) FROM PUBLIC;
    CREATE TABLE accounts (
        owner TEXT PRIMARY KEY DEFAULT {PRIVATE}.session_owner(),
        revision BIGINT NOT NULL DEFAULT 0,
        created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
        last_seen_at TIMESTAMP NOT NULL DEFAULT current_timestamp
    );
    ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;
    ALTER TABLE accounts FORCE ROW LEVEL SECURITY;
    CREATE POLICY accounts_own_row ON accounts
        USING (owner = (SELECT {PRIVATE}.session_owner()))
        WITH CHECK (owner = (SELECT {PRIVATE}.session_owner()));
    CREATE SEQUENCE contact_ids START 1;
    CREATE TABLE contacts (
        {OWNER},
        id BIGINT NOT NULL DEFAULT nextval('contact_ids'),
        name VARCHAR NOT NULL CHECK (length(trim(name)) > 0),
        email VARCHAR NOT NULL DEFAULT '',
        phone VARCHAR NOT NULL DEFAULT '',
        company VARCHAR NOT NULL DEFAULT '',
        role VARCHAR NOT NULL DEFAULT '',
        circle VARCHAR NOT NULL DEFAULT 'friends',
        tie VARCHAR NOT NULL DEFAULT 'weak' CHECK (tie IN ('strong', 'weak')),
        introduced_by BIGINT,
        notes VARCHAR NOT NULL DEFAULT '',
        is_reference BOOLEAN NOT NULL DEFAULT false,
        is_key BOOLEAN NOT NULL DEFAULT false,
        cadence_days INTEGER CHECK (cadence_days IS NULL OR cadence_days > 0),
        family VARCHAR NOT NULL DEFAULT '',
        job_notes VARCHAR NOT NULL DEFAULT '',
        interests VARCHAR NOT NULL DEFAULT '',
        needs VARCHAR NOT NULL DEFAULT '',
        last_contacted_on DATE,
        source VARCHAR NOT NULL DEFAULT '',
        source_key VARCHAR NOT NULL DEFAULT '',
        deleted_at TIMESTAMP,
        created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
        updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp
    );
    CREATE INDEX contacts_owner_name ON contacts (owner, lower(name));
    CREATE SEQUENCE interaction_ids START 1;
    CREATE TABLE interactions (
        {OWNER},
        id BIGINT NOT NULL DEFAULT nextval('interaction_ids'),
        contact_id BIGINT NOT NULL,
        happened_on DATE NOT NULL,
        kind VARCHAR NOT NULL,
        channel VARCHAR NOT NULL DEFAULT '',
        outcome VARCHAR NOT NULL DEFAULT '',
        request_kind VARCHAR NOT NULL DEFAULT '',
        goal_id BIGINT,
        note VARCHAR NOT NULL DEFAULT '',
        created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
    );
    CREATE INDEX interactions_contact ON interactions (owner, contact_id);
    CREATE SEQUENCE goal_ids START 1;
    CREATE TABLE goals (
        {OWNER},
        id BIGINT NOT NULL DEFAULT nextval('goal_ids'),
        kind VARCHAR NOT NULL,
        title VARCHAR NOT NULL CHECK (length(trim(title)) > 0),
        priority INTEGER NOT NULL DEFAULT 2 CHECK (priority BETWEEN 1 AND 3),
        created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
    );
    CREATE TABLE contact_goals (
        {OWNER},
        contact_id BIGINT NOT NULL,
        goal_id BIGINT NOT NULL,
        PRIMARY KEY (owner, contact_id, goal_id)
    );
    CREATE SEQUENCE rating_ids START 1;
    CREATE TABLE ratings (
        {OWNER},
        id BIGINT NOT NULL DEFAULT nextval('rating_ids'),
        taken_on DATE NOT NULL,
        score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 5),
        truth BOOLEAN, challenge BOOLEAN, vibrant BOOLEAN, future BOOLEAN, strong_links BOOLEAN,
        strengths VARCHAR NOT NULL DEFAULT '',
        weaknesses VARCHAR NOT NULL DEFAULT '',
        opportunities VARCHAR NOT NULL DEFAULT '',
        created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
    );
    CREATE TABLE reference_steps (
        {OWNER},
        contact_id BIGINT NOT NULL,
        step VARCHAR NOT NULL,
        done_on DATE NOT NULL,
        PRIMARY KEY (owner, contact_id, step)
    );
    CREATE SEQUENCE ledger_ids START 1;
    CREATE TABLE ledger (
        {OWNER},
        id BIGINT NOT NULL DEFAULT nextval('ledger_ids'),
        contact_id BIGINT NOT NULL,
        happened_on DATE NOT NULL,
        direction VARCHAR NOT NULL CHECK (direction IN ('gave', 'received')),
        kind VARCHAR NOT NULL,
        weight INTEGER NOT NULL CHECK (weight BETWEEN 1 AND 5),
        note VARCHAR NOT NULL DEFAULT '',
        created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
    );
    CREATE INDEX ledger_contact ON ledger (owner, contact_id);
    CREATE TABLE settings ({OWNER}, key VARCHAR NOT NULL, value VARCHAR NOT NULL, PRIMARY KEY (owner, key));
    """
    + "".join(_owned(table) for table in OWNED_TABLES[:8]),
    # 2: merging duplicates (undoable: what moved is logged) and pairs the user keeps apart.
    f"""
    CREATE SEQUENCE merge_ids START 1;
    CREATE TABLE merges (
        {OWNER},
        id BIGINT NOT NULL DEFAULT nextval('merge_ids'),
        kept_id BIGINT NOT NULL,
        merged_id BIGINT NOT NULL,
        undo VARCHAR NOT NULL,
        merged_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
        undone_at TIMESTAMP
    );
    CREATE TABLE kept_apart (
        {OWNER},
        first_id BIGINT NOT NULL,
        second_id BIGINT NOT NULL,
        decided_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
        PRIMARY KEY (owner, first_id, second_id),
        CHECK (first_id < second_id)
    );
    """
    + _owned("merges")
    + _owned("kept_apart"),
    # 3 (as DuckDB's 3): the follow-through loop, how well you know someone, your reconnect list, where you stand with a
    # destination.
    """
    ALTER TABLE interactions ADD COLUMN help_id BIGINT;
    ALTER TABLE contacts ADD COLUMN familiarity VARCHAR NOT NULL DEFAULT '';
    ALTER TABLE contacts ADD COLUMN reconnect VARCHAR NOT NULL DEFAULT '';
    ALTER TABLE contacts ADD COLUMN reconnect_priority INTEGER;
    ALTER TABLE goals ADD COLUMN status VARCHAR NOT NULL DEFAULT '';
    """
    + ROOMS,  # the workshop rooms every server shares (no personal data; no row policy)
    # 4 (as DuckDB's 4): each person's name key, which the store fills (store.contacts.fill_name_keys).
    """
    ALTER TABLE contacts ADD COLUMN name_key VARCHAR;
    """,
]

LATEST_VERSION = len(MIGRATIONS)

# Indexes that only make reads fast. They hold nothing of a workbook, so they are not a numbered migration
# (the schema's version stays DuckDB's, where they have no use); every server makes sure of them when it
# starts. A scan of one account's 100,000 interactions takes about 20 ms, and a page run made several:
# the follow-through loop reads three kinds of rows, several times a run (a partial index per kind took
# its count from 120 to 37 ms on the 30,000-person demo), and tip 2's log shows the newest 50.
READ_INDEXES = (
    f"CREATE INDEX IF NOT EXISTS interactions_help ON interactions (owner, contact_id, happened_on, id) WHERE {HELP}",
    f"CREATE INDEX IF NOT EXISTS interactions_linked ON interactions (owner, help_id) WHERE {LINKED_STEP}",
    "CREATE INDEX IF NOT EXISTS interactions_loose ON interactions (owner, contact_id, happened_on, kind) "
    f"WHERE {LOOSE_STEP}",
    "CREATE INDEX IF NOT EXISTS interactions_newest ON interactions (owner, happened_on DESC, id DESC)",
    # Counts by circle and tie (home, tips 1 and 5) read this index alone: 15 ms -> 4 on 30,000 people.
    "CREATE INDEX IF NOT EXISTS contacts_live_circle_tie ON contacts (owner, circle, tie) WHERE deleted_at IS NULL",
    # Which people are live, and tip 3's asks by kind and outcome, read from indexes alone: 21 ms -> 10.
    "CREATE INDEX IF NOT EXISTS contacts_live ON contacts (owner, id) WHERE deleted_at IS NULL",
    # Adding a person reads only those who may already be listed: by name key, and any not keyed yet.
    "CREATE INDEX IF NOT EXISTS contacts_name_key ON contacts (owner, name_key) WHERE deleted_at IS NULL",
    "CREATE INDEX IF NOT EXISTS contacts_unkeyed ON contacts (owner) WHERE name_key IS NULL",
    "CREATE INDEX IF NOT EXISTS interactions_asks ON interactions (owner, contact_id) INCLUDE (request_kind, outcome) "
    "WHERE kind = 'ask'",
    # When people were added, without their wide rows: tip 1's growth by month 18 ms -> 7 on 30,000 people,
    # and home's people added by hand in the chart's weeks 12 ms -> 3.
    "CREATE INDEX IF NOT EXISTS contacts_added ON contacts (owner, created_at) WHERE deleted_at IS NULL",
    # Key contacts, longest-waiting first, and their count (tip 6, home): 9 ms -> 1 each, three a run.
    "CREATE INDEX IF NOT EXISTS contacts_key ON contacts (owner, last_contacted_on NULLS FIRST, id) "
    "INCLUDE (name, cadence_days) WHERE deleted_at IS NULL AND is_key",
    # The trash's count ("About your data") from a tiny index: a scan of every person took 8 ms.
    "CREATE INDEX IF NOT EXISTS contacts_trashed ON contacts (owner) WHERE deleted_at IS NOT NULL",
)
