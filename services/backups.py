"""Backups: the workbook as a file to download, a checked file back in, and the automatic daily snapshots."""

from __future__ import annotations

from services.workbooks import Workbook
from store import backup


def backup_bytes(workbook: Workbook) -> bytes:
    """The whole workbook as the bytes of a .duckdb file, checked before it is handed over."""
    return backup.backup_bytes(workbook)
