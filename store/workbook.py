"""A workbook in DuckDB: a file on the user's disk, or private memory for one browser session."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from core.budget import Budget, out_of_memory
from core.errors import InvalidInput, NotAWorkbook, WorkbookError, WorkbookFull, WorkbookLocked, WorkbookTooNew
from store.engine import ColumnSpec, Workbook
from store.schema import APPLICATION_ID, LATEST_VERSION, MIGRATIONS, NAME_KEYS_VERSION, parse_version

IN_MEMORY = ":memory:"
# A shared server holds many private workbooks: each is single-threaded, and an empty temp_directory
# keeps DuckDB from spilling a visitor's data to the server's disk (it says "out of memory" instead).
PRIVATE_CONFIG = {"threads": "1", "temp_directory": ""}
# A workbook never needs an extension; without this a SQLite file makes DuckDB fetch one online.
BASE_CONFIG = {"autoinstall_known_extensions": "false", "autoload_known_extensions": "false"}
DUCKDB_MAGIC = b"DUCK"


_ARROW_TYPES = {
    "BIGINT": pa.int64(),
    "INTEGER": pa.int32(),
    "VARCHAR": pa.string(),
    "BOOLEAN": pa.bool_(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
}


class DuckDBTransaction:
    """A DuckDB cursor inside a write's transaction; rows loaded for it are dropped at its end."""

    def __init__(self, cursor: duckdb.DuckDBPyConnection) -> None:
        self._cursor = cursor
        self._loaded: list[str] = []

    def execute(self, sql: str, params: Sequence[Any] = ()) -> duckdb.DuckDBPyConnection:
        return self._cursor.execute(sql, list(params)) if params else self._cursor.execute(sql)

    def load_rows(self, name: str, columns: dict[str, ColumnSpec]) -> None:
        table = pa.table({column: pa.array(values, _ARROW_TYPES[kind]) for column, (kind, values) in columns.items()})
        self._cursor.register(name, table)
        self._loaded.append(name)

    def advance_sequence(self, sequence: str, past: int) -> None:
        """Make the next id from ``sequence`` greater than ``past`` (DuckDB cannot set one: draw from it)."""
        row = self._cursor.execute(
            "SELECT coalesce(last_value, start_value - 1) FROM duckdb_sequences() "
            "WHERE database_name = current_database() AND sequence_name = ?",
            [sequence],
        ).fetchone()
        gap = int(past) - int(row[0] if row else 0)
        if gap > 0:
            self._cursor.execute(f"SELECT max(nextval('{sequence}')) FROM range(?)", [gap]).fetchall()

    def __getattr__(self, name: str) -> Any:  # register/unregister until every bulk path uses load_rows
        return getattr(self._cursor, name)

    def finish(self) -> None:
        if self._loaded:
            self._cursor.complete()  # a result read with fetchone() is still open until completed
        for name in self._loaded:
            self._cursor.unregister(name)


class DuckDBWorkbook(Workbook):
    """A handle on one DuckDB workbook, safe to share between the threads of one process.

    Reads run on their own cursor; writes are serialised by a lock so that two sessions on
    the same workbook never meet DuckDB's write-write conflict.
    """

    engine = "duckdb"

    def __init__(self, connection: duckdb.DuckDBPyConnection, path: str, budget: Budget | None = None) -> None:
        self._connection = connection
        self.path = path
        self.budget = budget
        self._write_lock = threading.RLock()
        self.data_version = 0
        self.closed = False

    @property
    def in_memory(self) -> bool:
        return self.path == IN_MEMORY

    def _read(self, sql: str, params: Sequence[Any]) -> tuple[list[str], list[tuple]]:
        cursor = self._connection.cursor()
        try:
            result = cursor.execute(sql, list(params))
            return [d[0] for d in result.description], result.fetchall()
        finally:
            cursor.close()

    @contextmanager
    def write(self) -> Iterator[DuckDBTransaction]:
        """A transaction: all of it commits, or none of it does."""
        with self._write_lock:
            cursor = self._connection.cursor()
            transaction = DuckDBTransaction(cursor)
            try:
                cursor.begin()
                try:
                    yield transaction
                    transaction.finish()
                    self._check_budget(transaction)
                except duckdb.OutOfMemoryException:
                    cursor.rollback()
                    raise WorkbookFull(out_of_memory(self.budget.memory_mb if self.budget else 0)) from None
                except duckdb.ConstraintException as error:
                    cursor.rollback()
                    detail = str(error).splitlines()[0].removeprefix("Constraint Error: ")
                    raise InvalidInput(f"The workbook refused that change ({detail}); nothing was saved.") from None
                except BaseException:
                    cursor.rollback()
                    raise
                cursor.commit()
                self.data_version += 1
            finally:
                cursor.close()

    def _check_budget(self, transaction: DuckDBTransaction) -> None:
        """Refuse (before it commits) a write that takes a private workbook past its budget."""
        if self.budget is None:
            return
        contacts, interactions = transaction.execute(
            "SELECT (SELECT count(*) FROM contacts), (SELECT count(*) FROM interactions)"
        ).fetchone()
        problem = self.budget.overflow(int(contacts), int(interactions))
        if problem:
            raise WorkbookFull(problem)

    @contextmanager
    def exclusive(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor outside any transaction while no write can start (for ATTACH, COPY, CHECKPOINT)."""
        with self._write_lock:
            cursor = self._connection.cursor()
            try:
                yield cursor
            finally:
                cursor.close()

    def schema_version(self) -> int:
        row = self.read_one("SELECT value FROM meta WHERE key = 'schema_version'")
        return int(row[0]) if row else 0

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            self._connection.close()


def open_workbook(path: str | os.PathLike[str], budget: Budget | None = None) -> DuckDBWorkbook:
    """Open (creating or upgrading as needed) the workbook at ``path``, or a private one in memory."""
    path = str(path)
    config = dict(BASE_CONFIG)
    if path != IN_MEMORY:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    else:
        config.update(PRIVATE_CONFIG, memory_limit=f"{budget.memory_mb if budget else 256}MB")
    connection = _connect(path, config)
    workbook = DuckDBWorkbook(connection, path, budget)
    try:
        _migrate(workbook)
    except BaseException:
        connection.close()
        raise
    return workbook


def ensure_not_open_elsewhere(path: str | os.PathLike[str]) -> None:
    """Raise WorkbookLocked when another program holds the file (before replacing or deleting it)."""
    path = str(path)
    if not Path(path).exists():
        return
    try:
        duckdb.connect(path, read_only=True, config=BASE_CONFIG).close()
    except duckdb.IOException as error:
        if "lock" in str(error).lower():
            raise WorkbookLocked(
                f"{path} is open in another program (another copy of the app or a DuckDB shell); "
                "close that program, then try again."
            ) from None
    except duckdb.Error:
        pass  # not a readable DuckDB file: nothing holds it as a database


def open_private_workbook(budget: Budget | None = None) -> Workbook:
    """A new workbook in memory, private to whoever holds it (its database made at the first write)."""
    from store.private import PrivateWorkbook

    return PrivateWorkbook(budget)


def _refuse_foreign_file(path: str) -> None:
    """A non-empty file without DuckDB's magic bytes (offset 8) is not a workbook, whatever it is."""
    try:
        with open(path, "rb") as file:
            head = file.read(12)
    except FileNotFoundError:
        return
    if head and head[8:12] != DUCKDB_MAGIC:
        raise NotAWorkbook(f"{path} is not a DuckDB file; choose a workbook file (.duckdb) made by this app.")


def _connect(path: str, config: dict[str, str]) -> duckdb.DuckDBPyConnection:
    if path != IN_MEMORY:
        _refuse_foreign_file(path)
    try:
        return duckdb.connect(path, config=config)
    except duckdb.IOException as error:
        text = str(error)
        if "lock" in text.lower():
            raise WorkbookLocked(
                f"{path} is open in another program (another copy of the app or a DuckDB shell); "
                "close that program, then try again."
            ) from None
        if "not a valid DuckDB database" in text:
            raise NotAWorkbook(
                f"{path} is not a DuckDB file; choose a workbook file (.duckdb) made by this app."
            ) from None
        raise WorkbookError(f"Could not open {path}: {text.splitlines()[0]}") from None
    except (duckdb.SerializationException, duckdb.InvalidInputException) as error:
        raise NotAWorkbook(
            f"{path} could not be read as a workbook ({str(error).splitlines()[0]}); "
            "it may be damaged or made by a newer DuckDB. Restore a backup or choose another file."
        ) from None


def _migrate(workbook: Workbook) -> None:
    tables = {row[0] for row in workbook.read("SELECT table_name FROM information_schema.tables")}
    if not tables:
        version = 0
    elif "meta" not in tables:
        raise NotAWorkbook(
            f"{workbook.path} is a DuckDB database but not a workbook of this app; "
            "choose another file, or a new path to start a fresh workbook."
        )
    else:
        try:
            rows = dict(workbook.read("SELECT key, value FROM meta"))
        except duckdb.Error:
            rows = {}  # a table called meta of some other shape: not ours
        if rows.get("application") != APPLICATION_ID:
            raise NotAWorkbook(
                f"{workbook.path} is a DuckDB database but not a workbook of this app; "
                "choose another file, or a new path to start a fresh workbook."
            )
        version = parse_version(rows.get("schema_version", "0"), workbook.path)
    if version > LATEST_VERSION:
        raise WorkbookTooNew(
            f"{workbook.path} was saved by a newer version of the app (schema {version}, "
            f"this app reads up to {LATEST_VERSION}); upgrade the app to open it."
        )
    for number in range(version + 1, LATEST_VERSION + 1):
        with workbook.write() as cursor:
            cursor.execute(MIGRATIONS[number - 1])
            cursor.execute(
                "INSERT OR REPLACE INTO meta VALUES ('application', ?), ('schema_version', ?)",
                [APPLICATION_ID, str(number)],
            )
    if version < NAME_KEYS_VERSION <= LATEST_VERSION:
        from store.contacts import fill_name_keys  # store.contacts builds on this module

        fill_name_keys(workbook)
    if version < LATEST_VERSION and not workbook.in_memory:
        # Schema changes must not wait in the write-ahead log: replaying an ALTER TABLE rebinds the
        # table's CHECK constraints, whose functions (trim) DuckDB loads only after the file is open,
        # so a crash before the next checkpoint would leave a file that cannot be opened.
        with workbook.exclusive() as cursor:
            cursor.execute("CHECKPOINT")
