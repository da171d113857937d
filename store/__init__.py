"""The one door to the data: only this package runs SQL, always with parameters.

Submodules hold the queries of one area each (``contacts``, ``outreach``...), as functions that
take a :class:`Workbook` first.
"""

from core.errors import (
    InvalidInput,
    NotAWorkbook,
    WorkbookError,
    WorkbookLocked,
    WorkbookTooNew,
)
from store.engine import Workbook
from store.schema import LATEST_VERSION
from store.workbook import IN_MEMORY, DuckDBWorkbook, open_private_workbook, open_workbook

__all__ = [
    "IN_MEMORY",
    "LATEST_VERSION",
    "DuckDBWorkbook",
    "InvalidInput",
    "NotAWorkbook",
    "Workbook",
    "WorkbookError",
    "WorkbookLocked",
    "WorkbookTooNew",
    "open_private_workbook",
    "open_workbook",
]
