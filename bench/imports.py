"""The import the bench times: a generated LinkedIn export of 30,000 people, read, saved, then saved again."""

from __future__ import annotations

import time

from fileio.sample import make_linkedin_export
from services import imports
from store.workbook import Workbook, open_workbook


def time_linkedin_import(workbook: Workbook, rows: int) -> dict[str, float]:
    """Seconds to read and to save a generated LinkedIn export of ``rows`` people into ``workbook`` (then again)."""
    data = make_linkedin_export(rows)
    started = time.perf_counter()
    result = imports.read_file(data)
    read_at = time.perf_counter()
    summary = imports.import_people(workbook, result)
    saved_at = time.perf_counter()
    again = imports.import_people(workbook, imports.read_file(data))
    done_at = time.perf_counter()
    if summary.added != rows or again.added:
        raise RuntimeError("The benchmark import was not idempotent; run the import tests to see why.")
    return {
        "read_s": read_at - started,
        "save_s": saved_at - read_at,
        "total_s": saved_at - started,
        "reimport_s": done_at - saved_at,
    }


def bench_linkedin_import(rows: int = 30_000, path: str = ":memory:") -> dict[str, float]:
    """The import's timings into a new DuckDB workbook at ``path``."""
    workbook = open_workbook(path)
    try:
        return time_linkedin_import(workbook, rows)
    finally:
        workbook.close()
