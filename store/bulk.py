"""Bulk loading of whole tables (the demo workbook), through DataFrames rather than row by row."""

from __future__ import annotations

import pandas as pd

from core.errors import InvalidInput
from store.workbook import Workbook

_SEQUENCES = {
    "contacts": "contact_ids",
    "interactions": "interaction_ids",
    "goals": "goal_ids",
    "ratings": "rating_ids",
    "ledger": "ledger_ids",
}


def load_tables(workbook: Workbook, tables: dict[str, dict[str, list]]) -> None:
    """Fill an empty workbook with the given tables in one transaction."""
    if any(workbook.read_one(f"SELECT count(*) FROM {table}")[0] for table in ("contacts", *tables)):
        raise InvalidInput(f"{workbook.path} already has data in it; choose a new path for demo data.")
    with workbook.write() as cursor:
        for table, columns in tables.items():
            frame = pd.DataFrame(columns)
            if frame.empty:
                continue
            cursor.register("incoming", frame)
            names = ", ".join(columns)
            cursor.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM incoming")
            cursor.unregister("incoming")
        cursor.execute(
            "UPDATE contacts SET last_contacted_on = last.on_date FROM "
            "(SELECT contact_id, max(happened_on) AS on_date FROM interactions GROUP BY contact_id) AS last "
            "WHERE contacts.id = last.contact_id"
        )
        for table, sequence in _SEQUENCES.items():
            top = cursor.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]
            # DuckDB cannot reset a sequence in place, so move it past the loaded ids.
            if top:
                cursor.execute(f"SELECT nextval('{sequence}') FROM range(?)", [int(top)])
