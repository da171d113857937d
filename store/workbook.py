"""The workbook: one DuckDB database (a file, or private memory for one browser session)."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from core.errors import InvalidInput, NotAWorkbook, WorkbookError, WorkbookLocked, WorkbookTooNew
from store.schema import APPLICATION_ID, LATEST_VERSION, MIGRATIONS

IN_MEMORY = ":memory:"
# A shared server holds hundreds of private workbooks: keep each one small and single-threaded.
PRIVATE_CONFIG = {"threads": "1", "memory_limit": "256MB"}
# A workbook never needs an extension; without this a SQLite file makes DuckDB fetch one online.
BASE_CONFIG = {"autoinstall_known_extensions": "false", "autoload_known_extensions": "false"}
DUCKDB_MAGIC = b"DUCK"


class Workbook:
    """A handle on one workbook database, safe to share between the threads of one process.

    Reads run on their own cursor; writes are serialised by a lock so that two sessions on
    the same workbook never meet DuckDB's write-write conflict. ``data_version`` rises on
    every committed write, so caches keyed by (workbook key, data_version) are never stale.
    """

    def __init__(self, connection: duckdb.DuckDBPyConnection, path: str) -> None:
        self._connection = connection
        self.path = path
        self._write_lock = threading.RLock()
        self.data_version = 0
        self.closed = False

    @property
    def key(self) -> str:
        """A name that identifies this workbook within the process (for cache keys)."""
        return f"{self.path}#{id(self)}"

    @property
    def in_memory(self) -> bool:
        return self.path == IN_MEMORY

    def read(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        """Run a parameterised query and return all its rows."""
        cursor = self._connection.cursor()
        try:
            return cursor.execute(sql, list(params)).fetchall()
        finally:
            cursor.close()

    def read_one(self, sql: str, params: Sequence[Any] = ()) -> tuple | None:
        rows = self.read(sql, params)
        return rows[0] if rows else None

    def read_dicts(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cursor = self._connection.cursor()
        try:
            result = cursor.execute(sql, list(params))
            names = [d[0] for d in result.description]
            return [dict(zip(names, row)) for row in result.fetchall()]
        finally:
            cursor.close()

    @contextmanager
    def write(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A transaction: all of it commits, or none of it does."""
        with self._write_lock:
            cursor = self._connection.cursor()
            try:
                cursor.begin()
                try:
                    yield cursor
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


def open_workbook(path: str | os.PathLike[str]) -> Workbook:
    """Open (creating or upgrading as needed) the workbook at ``path``, or a private one in memory."""
    path = str(path)
    if path != IN_MEMORY:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    connection = _connect(path, {**BASE_CONFIG, **(PRIVATE_CONFIG if path == IN_MEMORY else {})})
    workbook = Workbook(connection, path)
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


def open_private_workbook() -> Workbook:
    """A new workbook in memory, private to whoever holds it."""
    return open_workbook(IN_MEMORY)


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
        version = int(rows.get("schema_version", "0"))
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
