"""Numbered migrations. Each entry upgrades the file by one version; never edit a released one."""

from __future__ import annotations

APPLICATION_ID = "job-networking-workbook"

# Migration N (1-based) is MIGRATIONS[N - 1]. The file's version is the number of migrations applied.
MIGRATIONS: list[str] = [
    # 1: the walking skeleton's tables, with room for every tip.
    """
    CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);
    CREATE SEQUENCE contact_ids START 1;
    CREATE TABLE contacts (
        id BIGINT PRIMARY KEY DEFAULT nextval('contact_ids'),
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
    CREATE SEQUENCE interaction_ids START 1;
    CREATE TABLE interactions (
        id BIGINT PRIMARY KEY DEFAULT nextval('interaction_ids'),
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
    CREATE INDEX interactions_contact ON interactions (contact_id);
    CREATE SEQUENCE goal_ids START 1;
    CREATE TABLE goals (
        id BIGINT PRIMARY KEY DEFAULT nextval('goal_ids'),
        kind VARCHAR NOT NULL,
        title VARCHAR NOT NULL CHECK (length(trim(title)) > 0),
        priority INTEGER NOT NULL DEFAULT 2 CHECK (priority BETWEEN 1 AND 3),
        created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
    );
    CREATE TABLE contact_goals (
        contact_id BIGINT NOT NULL,
        goal_id BIGINT NOT NULL,
        PRIMARY KEY (contact_id, goal_id)
    );
    CREATE SEQUENCE rating_ids START 1;
    CREATE TABLE ratings (
        id BIGINT PRIMARY KEY DEFAULT nextval('rating_ids'),
        taken_on DATE NOT NULL,
        score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 5),
        truth BOOLEAN, challenge BOOLEAN, vibrant BOOLEAN, future BOOLEAN, strong_links BOOLEAN,
        strengths VARCHAR NOT NULL DEFAULT '',
        weaknesses VARCHAR NOT NULL DEFAULT '',
        opportunities VARCHAR NOT NULL DEFAULT '',
        created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
    );
    CREATE TABLE reference_steps (
        contact_id BIGINT NOT NULL,
        step VARCHAR NOT NULL,
        done_on DATE NOT NULL,
        PRIMARY KEY (contact_id, step)
    );
    CREATE SEQUENCE ledger_ids START 1;
    CREATE TABLE ledger (
        id BIGINT PRIMARY KEY DEFAULT nextval('ledger_ids'),
        contact_id BIGINT NOT NULL,
        happened_on DATE NOT NULL,
        direction VARCHAR NOT NULL CHECK (direction IN ('gave', 'received')),
        kind VARCHAR NOT NULL,
        weight INTEGER NOT NULL CHECK (weight BETWEEN 1 AND 5),
        note VARCHAR NOT NULL DEFAULT '',
        created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
    );
    CREATE INDEX ledger_contact ON ledger (contact_id);
    CREATE TABLE settings (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);
    """,
    # 2: merging duplicates (undoable: what moved is logged) and pairs the user keeps apart.
    """
    CREATE SEQUENCE merge_ids START 1;
    CREATE TABLE merges (
        id BIGINT PRIMARY KEY DEFAULT nextval('merge_ids'),
        kept_id BIGINT NOT NULL,
        merged_id BIGINT NOT NULL,
        undo VARCHAR NOT NULL,
        merged_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
        undone_at TIMESTAMP
    );
    CREATE TABLE kept_apart (
        first_id BIGINT NOT NULL,
        second_id BIGINT NOT NULL,
        decided_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
        PRIMARY KEY (first_id, second_id),
        CHECK (first_id < second_id)
    );
    """,
    # 3: the follow-through loop, how well you know someone, your reconnect list, where you stand with a
    # destination.
    """
    ALTER TABLE interactions ADD COLUMN help_id BIGINT;
    ALTER TABLE contacts ADD COLUMN familiarity VARCHAR NOT NULL DEFAULT '';
    ALTER TABLE contacts ADD COLUMN reconnect VARCHAR NOT NULL DEFAULT '';
    ALTER TABLE contacts ADD COLUMN reconnect_priority INTEGER;
    ALTER TABLE goals ADD COLUMN status VARCHAR NOT NULL DEFAULT '';
    """,
    # 4: each person's name key (core.duplicates.name_key), so adding a person finds who may already be
    # listed without reading every name. Computed in Python, so the store fills it (store.contacts).
    """
    ALTER TABLE contacts ADD COLUMN name_key VARCHAR;
    """,
]

LATEST_VERSION = len(MIGRATIONS)
NAME_KEYS_VERSION = 4  # the migration that adds contacts.name_key: upgrading past it keys everyone


def parse_version(value: object, name: str) -> int:
    """The schema version a workbook records; a value that is not a whole number means a damaged file."""
    text = str(value).strip() if value is not None else ""
    if not text.isdigit():
        from core.errors import NotAWorkbook

        shown = "missing" if value is None else f"'{text[:20]}'"
        raise NotAWorkbook(f"{name} records its schema version as {shown}, so it is damaged; choose another file.")
    return int(text)


# The tables that hold a workbook's data (every table but meta), in an order that copies cleanly.
DATA_TABLES = (
    "contacts",
    "interactions",
    "goals",
    "contact_goals",
    "ratings",
    "reference_steps",
    "ledger",
    "settings",
    "merges",
    "kept_apart",
)
# Each table whose ids come from a sequence, and that sequence.
SEQUENCES = {
    "contacts": "contact_ids",
    "interactions": "interaction_ids",
    "goals": "goal_ids",
    "ratings": "rating_ids",
    "ledger": "ledger_ids",
    "merges": "merge_ids",
}
