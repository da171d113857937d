"""What every workbook offers the queries, whichever database holds it (DuckDB or PostgreSQL).

Queries are written once, with ``?`` parameters, in SQL both engines read the same way; each engine
turns them into its own form. ``data_version`` rises with every committed write, so caches keyed
by (workbook, data_version) are never stale; ``refresh()`` learns of writes made elsewhere.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, ExitStack, contextmanager
from typing import Any, Protocol

ColumnSpec = tuple[str, list]  # (SQL type, values) of one column of rows loaded for a query
Reader = Callable[[str, Sequence[Any]], tuple[list[str], list[tuple]]]


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


class _ReadScope:
    """One thread's reading of a workbook: the answers so far, and the engine's snapshot once opened."""

    def __init__(self) -> None:
        self.depth = 0
        self.version: int | None = None
        self.answers: dict[tuple, tuple[list[str], list[tuple]]] = {}
        self.snapshot: ExitStack | None = None
        self.reader: Reader | None = None

    def end_snapshot(self) -> None:
        self.answers.clear()
        self.reader = None
        snapshot, self.snapshot = self.snapshot, None
        if snapshot is not None:
            snapshot.close()


def _answer_key(sql: str, params: Sequence[Any]) -> tuple | None:
    key = (sql, tuple(params))
    try:
        hash(key)
    except TypeError:  # a list among the parameters: asked rarely, so not remembered
        return None
    return key


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

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Reads inside see one snapshot of the workbook, and a query asked twice is run once.

        A use case asks several questions (home asks how many loops are open for three of its
        panels): they get answers that agree, and a database server is asked each question once, in
        one transaction. A write in this process ends the snapshot, so reads after it see the write.
        Scopes nest; each thread has its own.
        """
        scope = self._scope()
        scope.depth += 1
        try:
            yield
        finally:
            scope.depth -= 1
            if scope.depth == 0:
                scope.end_snapshot()

    def _scope(self) -> _ReadScope:
        scopes = self.__dict__.get("_read_scopes")
        if scopes is None:
            scopes = self.__dict__.setdefault("_read_scopes", threading.local())
        if not hasattr(scopes, "scope"):
            scopes.scope = _ReadScope()
        return scopes.scope

    def _end_snapshot(self) -> None:
        """Let go of this thread's snapshot (before a write, which would not be seen from it)."""
        scopes = self.__dict__.get("_read_scopes")
        scope = getattr(scopes, "scope", None)
        if scope is not None:
            scope.end_snapshot()

    def _open_snapshot(self, snapshot: ExitStack) -> Reader:
        """The engine's reader for one scope; an engine with snapshots enters one on ``snapshot``."""
        return self._read

    def _answer(self, sql: str, params: Sequence[Any]) -> tuple[list[str], list[tuple]]:
        scope = self._scope()
        if scope.depth == 0:
            return self._read(sql, params)
        if scope.version != self.data_version:  # written since: what was read may have changed
            scope.end_snapshot()
            scope.version = self.data_version
        key = _answer_key(sql, params)
        if key is not None and key in scope.answers:
            names, rows = scope.answers[key]
            return names, list(rows)
        if scope.reader is None:
            scope.snapshot = ExitStack()
            try:
                scope.reader = self._open_snapshot(scope.snapshot)
            except BaseException:
                scope.end_snapshot()
                raise
        try:
            names, rows = scope.reader(sql, params)
        except BaseException:
            # A failed statement ends a server's transaction: the snapshot learns why (so that it says
            # so as a read outside a scope would), and the next read starts a new one.
            snapshot, scope.snapshot = scope.snapshot, None
            scope.end_snapshot()
            if snapshot is not None:
                snapshot.__exit__(*sys.exc_info())
            raise
        if key is not None:
            scope.answers[key] = (names, rows)
        return names, list(rows)

    def read(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        """Run a parameterised query and return all its rows."""
        return self._answer(sql, params)[1]

    def read_one(self, sql: str, params: Sequence[Any] = ()) -> tuple | None:
        """The first row of a query, or None."""
        rows = self.read(sql, params)
        return rows[0] if rows else None

    def read_dicts(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """The rows of a query as dicts keyed by column name."""
        names, rows = self._answer(sql, params)
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
