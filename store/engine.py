"""What every workbook offers the queries, whichever database holds it (DuckDB or PostgreSQL).

Queries are written once, with ``?`` parameters, in SQL both engines read the same way; each engine
turns them into its own form. ``data_version`` rises with every committed write, so caches keyed
by (workbook, data_version) are never stale; ``refresh()`` learns of writes made elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol

ColumnSpec = tuple[str, list]  # (SQL type, values) of one column of rows loaded for a query


class Rows(Protocol):
    """The result of one statement."""

    description: Any

    def fetchone(self) -> tuple | None: ...

    def fetchall(self) -> list[tuple]: ...


class Transaction(Protocol):
    """One transaction of a write: all of it commits, or none of it does."""

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Rows: ...

    def load_rows(self, name: str, columns: dict[str, ColumnSpec]) -> None:
        """Make ``name`` a table of these columns for the rest of the transaction (bulk input)."""
        ...

    def advance_sequence(self, sequence: str, past: int) -> None:
        """Make the next id ``sequence`` hands out greater than ``past``."""
        ...


class Workbook:
    """A handle on one person's workbook, safe to share between the threads of one process."""

    engine = "abstract"
    budget = None  # a private workbook on a shared server has a core.budget.Budget
    path: str
    closed: bool
    data_version: int

    @property
    def key(self) -> str:
        """A name that identifies this workbook within the process (for cache keys)."""
        return f"{self.path}#{id(self)}"

    @property
    def in_memory(self) -> bool:
        """True for a private workbook that lives only in this server's memory."""
        return False

    @property
    def durable(self) -> bool:
        """True when the workbook outlives this server process (a file, or a database server)."""
        return not self.in_memory

    def read(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        """Run a parameterised query and return all its rows."""
        return self._read(sql, params)[1]

    def read_one(self, sql: str, params: Sequence[Any] = ()) -> tuple | None:
        """The first row of a query, or None."""
        rows = self.read(sql, params)
        return rows[0] if rows else None

    def read_dicts(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """The rows of a query as dicts keyed by column name."""
        names, rows = self._read(sql, params)
        return [dict(zip(names, row)) for row in rows]

    def write(self) -> AbstractContextManager[Transaction]:
        """A transaction: all of it commits, or none of it does."""
        raise NotImplementedError

    def refresh(self) -> bool:
        """Catch up with writes made elsewhere (another server); True when the data changed."""
        return False

    def schema_version(self) -> int:
        """The number of migrations this workbook's data has been through."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def _read(self, sql: str, params: Sequence[Any]) -> tuple[list[str], list[tuple]]:
        raise NotImplementedError

    def __iter__(self) -> Iterator:  # a workbook is not a sequence: fail loudly if one is unpacked
        raise TypeError("a Workbook is not iterable")
