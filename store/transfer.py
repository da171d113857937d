"""A whole workbook's contents copied into another, whichever engines hold them, in one transaction.

Restoring a backup, keeping an anonymous visitor's work when they sign in, and making a backup of an
account are the same act: every data table of the source replaces the target's. Ids are kept, so
every link between rows (who introduced whom, what an interaction was about) survives.
"""

from __future__ import annotations

from store.engine import Workbook
from store.schema import DATA_TABLES, SEQUENCES

# information_schema's names of the column types, on DuckDB and PostgreSQL, as load_rows takes them.
_KINDS = {
    "BIGINT": "BIGINT",
    "INTEGER": "INTEGER",
    "VARCHAR": "VARCHAR",
    "BOOLEAN": "BOOLEAN",
    "DATE": "DATE",
    "TIMESTAMP": "TIMESTAMP",
    "CHARACTER VARYING": "VARCHAR",
    "TEXT": "VARCHAR",
    "TIMESTAMP WITHOUT TIME ZONE": "TIMESTAMP",
}


def _columns(workbook: Workbook, table: str) -> dict[str, str]:
    """The table's columns (but the owner of PostgreSQL's rows) and their types."""
    rows = workbook.read(
        "SELECT column_name, upper(data_type) FROM information_schema.columns "
        "WHERE table_name = ? AND table_schema IN ('main', 'workbook') ORDER BY ordinal_position",
        [table],
    )
    return {name: _KINDS[kind] for name, kind in rows if name != "owner"}


def read_contents(workbook: Workbook) -> dict[str, tuple[dict[str, str], list[tuple]]]:
    """Every data table: its columns with their types, and all its rows."""
    contents = {}
    for table in DATA_TABLES:
        columns = _columns(workbook, table)
        contents[table] = (columns, workbook.read(f"SELECT {', '.join(columns)} FROM {table}"))
    return contents


def replace_contents(target: Workbook, contents: dict[str, tuple[dict[str, str], list[tuple]]]) -> dict[str, int]:
    """Replace everything in ``target`` with ``contents`` (all or nothing); returns rows per table."""
    counts = {}
    with target.write() as tx:
        for table in DATA_TABLES:
            tx.execute(f"DELETE FROM {table}")
        for table in DATA_TABLES:
            columns, rows = contents[table]
            counts[table] = len(rows)
            if not rows:
                continue
            values = list(zip(*rows))
            incoming = f"incoming_{table}"
            tx.load_rows(incoming, {c: (kind, list(values[i])) for i, (c, kind) in enumerate(columns.items())})
            names = ", ".join(columns)
            tx.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM {incoming}")
        for table, sequence in SEQUENCES.items():
            top = tx.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]
            tx.advance_sequence(sequence, int(top))
    return counts


def copy_workbook(source: Workbook, target: Workbook) -> dict[str, int]:
    """Make ``target`` hold exactly what ``source`` holds; returns rows per table."""
    return replace_contents(target, read_contents(source))
