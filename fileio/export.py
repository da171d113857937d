"""Exports that leave the app: CSV that cannot smuggle formulas, and the whole workbook as a zip."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

# A spreadsheet treats a cell starting with one of these as a formula (or can be tricked into it).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_FIRST = frozenset(FORMULA_STARTS)
MANIFEST_NAME = "workbook.json"


def neutralise_cell(value: Any) -> str:
    """The cell as text; one a spreadsheet would run as a formula gets a leading apostrophe."""
    kind = value.__class__
    text = value if kind is str else str(value) if kind is int else format_cell(value)
    return "'" + text if text[:1] in _FORMULA_FIRST else text


def format_cell(value: Any) -> str:
    """Plain text for a value: ISO dates, true/false, empty for None."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def write_csv(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """CSV text with a header, every cell neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(list(map(neutralise_cell, columns)))
    writer.writerows(list(map(neutralise_cell, row)) for row in rows)
    return buffer.getvalue()


def build_workbook_zip(
    tables: dict[str, tuple[Sequence[str], Sequence[Sequence[Any]]]],
    schema_version: int,
    exported_at: datetime,
    application: str = "job-networking-workbook",
) -> bytes:
    """A zip with one CSV per table and a JSON manifest holding the schema version."""
    manifest = {
        "application": application,
        "schema_version": schema_version,
        "exported_at": exported_at.isoformat(timespec="seconds"),
        "tables": {
            name: {"file": f"{name}.csv", "rows": len(rows), "columns": list(columns)}
            for name, (columns, rows) in tables.items()
        },
        "note": "Cells that began with = + - @ or a tab were prefixed with ' so spreadsheets show them as text.",
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST_NAME, json.dumps(manifest, indent=2, ensure_ascii=False))
        for name, (columns, rows) in tables.items():
            # utf-8-sig so that Excel shows accented and non-Latin names properly
            archive.writestr(f"{name}.csv", write_csv(columns, rows).encode("utf-8-sig"))
    return buffer.getvalue()
