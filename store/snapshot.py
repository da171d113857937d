"""A consistent copy of a whole workbook as a new DuckDB file: the backup a visitor downloads."""

from __future__ import annotations

import os
from pathlib import Path

from store.transfer import copy_workbook
from store.workbook import Workbook, open_workbook


def snapshot_to(workbook: Workbook, target: str | os.PathLike[str]) -> Path:
    """Write every table of ``workbook`` into a new workbook file at ``target`` (which must not exist)."""
    target = Path(target)
    if target.exists():
        raise FileExistsError(f"{target} already exists; choose a new file name for the backup.")
    if not hasattr(workbook, "exclusive"):  # an account on a database server: its rows into a new file
        book = open_workbook(target)
        try:
            copy_workbook(workbook, book)
        finally:
            book.close()
        return target
    with workbook.exclusive() as cursor:  # no writer can start mid-copy, so the copy is consistent
        source = cursor.execute("SELECT current_database()").fetchone()[0]
        cursor.execute("ATTACH ? AS snapshot_target", [str(target)])
        try:
            cursor.execute(f'COPY FROM DATABASE "{source}" TO snapshot_target')
        finally:
            cursor.execute("DETACH snapshot_target")
    return target
