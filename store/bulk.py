"""Bulk loading of whole tables (the demo workbook): each column sent once, not row by row."""

from __future__ import annotations

from datetime import date, datetime

from core.duplicates import name_key
from core.errors import InvalidInput
from store.engine import ColumnSpec
from store.schema import SEQUENCES
from store.workbook import Workbook


def _kind(values: list) -> str:
    """The SQL type of a column of Python values (the first value that is not None decides)."""
    sample = next((v for v in values if v is not None), "")
    if isinstance(sample, bool):
        return "BOOLEAN"
    if isinstance(sample, int):
        return "BIGINT"
    if isinstance(sample, datetime):
        return "TIMESTAMP"
    if isinstance(sample, date):
        return "DATE"
    return "VARCHAR"


def load_tables(workbook: Workbook, tables: dict[str, dict[str, list]]) -> None:
    """Fill an empty workbook with the given tables in one transaction."""
    if any(workbook.read_one(f"SELECT count(*) FROM {table}")[0] for table in ("contacts", *tables)):
        raise InvalidInput(f"{workbook.path} already has data in it; choose a new path for demo data.")
    with workbook.write() as cursor:
        for table, columns in tables.items():
            if not columns or not next(iter(columns.values())):
                continue
            if table == "contacts":
                columns = {**columns, "name_key": [name_key(name) for name in columns["name"]]}
            # A column of nothing but None is left to the table's default (its type is unknowable).
            spec: dict[str, ColumnSpec] = {
                name: (_kind(values), list(values))
                for name, values in columns.items()
                if any(v is not None for v in values)
            }
            cursor.load_rows(f"incoming_{table}", spec)
            names = ", ".join(spec)
            cursor.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM incoming_{table}")
        cursor.execute(
            "UPDATE contacts SET last_contacted_on = last.on_date FROM "
            "(SELECT contact_id, max(happened_on) AS on_date FROM interactions GROUP BY contact_id) AS last "
            "WHERE contacts.id = last.contact_id"
        )
        for table, sequence in SEQUENCES.items():
            top = cursor.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]
            cursor.advance_sequence(sequence, int(top))
