"""Small named settings kept in the workbook (the pitch, the weekly capacity...)."""

from __future__ import annotations

from store.workbook import Workbook


def get_setting(workbook: Workbook, key: str, default: str = "") -> str:
    row = workbook.read_one("SELECT value FROM settings WHERE key = ?", [key])
    return row[0] if row else default


def set_setting(workbook: Workbook, key: str, value: str) -> None:
    with workbook.write() as cursor:
        cursor.execute("DELETE FROM settings WHERE key = ?", [key])
        cursor.execute("INSERT INTO settings (key, value) VALUES (?, ?)", [key, value])
