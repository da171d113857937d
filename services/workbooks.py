"""Opening workbooks: the local file, a visitor's private one in memory, and the daily snapshot."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from store import IN_MEMORY, Workbook, open_private_workbook, open_workbook
from store.backup import snapshot_folder, snapshot_if_due
from store.contacts import empty_trash

__all__ = ["IN_MEMORY", "Workbook", "keep_daily_snapshot", "open_local_workbook", "open_private_workbook"]


def open_local_workbook(path: str | os.PathLike[str]) -> Workbook:
    """The workbook file at ``path`` (made or upgraded as needed), with the trash past 30 days emptied."""
    workbook = open_workbook(path)
    empty_trash(workbook)
    return workbook


def open_shared_database(url: str):
    """The PostgreSQL database a deployment's servers share (accounts and rooms): migrated, its pool open."""
    from store.postgres import PostgresDatabase

    return PostgresDatabase(url)


@contextmanager
def opened_account(database_url: str, owner: str) -> Iterator[Workbook]:
    """An account's workbook in a PostgreSQL database, for one command; the connections close after."""
    from store.postgres import PostgresDatabase

    database = PostgresDatabase(database_url, pool_size=2)
    try:
        yield database.workbook(owner)
    finally:
        database.close()


def keep_daily_snapshot(workbook: Workbook, now: datetime) -> Path | None:
    """Write today's checked snapshot beside a local workbook file if there is none yet."""
    folder = snapshot_folder(workbook)
    if folder is None:
        return None
    taken = snapshot_if_due(workbook, folder, now)
    return taken.path if taken else None


def describe_location(workbook: Workbook) -> str:
    """Where the data lives, in plain words (Markdown)."""
    if workbook.in_memory:
        return "A private workbook in this browser session only. Download a backup to keep it."
    return f"`{workbook.path}`"
