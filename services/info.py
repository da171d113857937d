"""What a workbook holds, and how to look inside it yourself ("About your data" and `workbook info`)."""

from __future__ import annotations

from dataclasses import dataclass

from services.workbooks import Workbook
from store.info import EXAMPLE_QUERY, count_rows


@dataclass(frozen=True)
class WorkbookInfo:
    """The schema version and how many rows each table holds (and how many people are in the trash)."""

    schema_version: int
    counts: dict[str, int]


def describe_workbook(workbook: Workbook) -> WorkbookInfo:
    """The schema version of a workbook and the rows of each of its tables."""
    return WorkbookInfo(workbook.schema_version(), count_rows(workbook))


def example_session(workbook: Workbook) -> str | None:
    """The shell command that opens this workbook file in DuckDB and a first query, or None for one in memory."""
    if workbook.in_memory:
        return None
    return f"duckdb '{workbook.path}'\n{EXAMPLE_QUERY}"
