"""A visitor's private workbook on a shared server: in memory, and made only once they save something.

Most visits only look (or join a workshop and read a page); an empty DuckDB database costs about
6 MB, so a private one is opened at the first write. Until then every read runs against one shared,
empty, never-written workbook, which answers every query with nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from typing import Any

from core.budget import Budget
from store.engine import Transaction, Workbook
from store.schema import LATEST_VERSION
from store.workbook import IN_MEMORY, DuckDBWorkbook, open_workbook

_blank: DuckDBWorkbook | None = None
_blank_lock = threading.Lock()


def _blank_workbook() -> DuckDBWorkbook:
    global _blank
    with _blank_lock:
        if _blank is None or _blank.closed:
            _blank = open_workbook(IN_MEMORY)
        return _blank


class PrivateWorkbook(Workbook):
    """A private in-memory workbook that exists (and costs memory) from its first write on."""

    engine = "duckdb"

    def __init__(self, budget: Budget | None = None, admit: Callable[[], None] | None = None) -> None:
        self.budget = budget
        self._admit = admit  # asked before the database is made; raises when the server is full
        self.path = IN_MEMORY
        self.closed = False
        self._real: DuckDBWorkbook | None = None
        self._lock = threading.Lock()

    @property
    def in_memory(self) -> bool:
        return True

    @property
    def materialized(self) -> bool:
        """True once something was saved (the visitor's own database exists)."""
        return self._real is not None

    @property
    def data_version(self) -> int:  # type: ignore[override]
        return self._real.data_version if self._real else 0

    def _materialize(self) -> DuckDBWorkbook:
        with self._lock:
            if self.closed:
                raise RuntimeError("this private workbook was released")
            if self._real is None:
                if self._admit is not None:
                    self._admit()
                self._real = open_workbook(IN_MEMORY, self.budget)
            return self._real

    def _read(self, sql: str, params: Sequence[Any]) -> tuple[list[str], list[tuple]]:
        return (self._real or _blank_workbook())._read(sql, params)

    def write(self) -> AbstractContextManager[Transaction]:
        return self._materialize().write()

    def exclusive(self) -> AbstractContextManager:
        """As DuckDBWorkbook.exclusive (a backup copies the visitor's own database)."""
        return self._materialize().exclusive()

    def schema_version(self) -> int:
        return self._real.schema_version() if self._real else LATEST_VERSION

    def close(self) -> None:
        with self._lock:
            self.closed = True
            if self._real is not None:
                self._real.close()
                self._real = None
