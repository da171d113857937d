"""The demo workbook: realistic synthetic people and history, the same for the same seed and day."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from core.demo import make_demo
from core.errors import InvalidInput
from store import open_workbook
from store.bulk import load_tables
from store.workbook import ensure_not_open_elsewhere


@dataclass(frozen=True)
class DemoMade:
    """The demo workbook written: where, and how many people and interactions it holds."""

    path: Path
    people: int
    interactions: int


def make_demo_workbook(path: str | os.PathLike[str], contacts: int, seed: int = 7, replace: bool = False) -> DemoMade:
    """Write a demo workbook of ``contacts`` people to ``path``; an existing file is replaced only if asked."""
    path = Path(path)
    if path.exists():
        if not replace:
            raise InvalidInput(f"{path} already exists; choose a new path for demo data.")
        ensure_not_open_elsewhere(path)  # never delete a workbook another program is writing to
        path.unlink()
        Path(f"{path}.wal").unlink(missing_ok=True)
    data = make_demo(contacts, seed=seed)
    workbook = open_workbook(path)
    try:
        load_tables(workbook, data.tables)
    finally:
        workbook.close()
    return DemoMade(path, data.rows("contacts"), data.rows("interactions"))


def make_demo_account(database_url: str, owner: str, contacts: int, seed: int = 7, replace: bool = False) -> DemoMade:
    """Fill an account's workbook in a PostgreSQL database with demo data; its own data is replaced only if asked."""
    from store.postgres import PostgresDatabase

    database = PostgresDatabase(database_url, pool_size=2)
    try:
        if replace:
            database.delete_account(owner)
        workbook = database.workbook(owner)
        data = make_demo(contacts, seed=seed)
        load_tables(workbook, data.tables)
    finally:
        database.close()
    return DemoMade(Path(owner), data.rows("contacts"), data.rows("interactions"))
