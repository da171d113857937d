"""Backups: the workbook file itself out, a checked file back in, and rotating daily snapshots."""

from __future__ import annotations

import os
import re
import threading
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb

from core.errors import NotAWorkbook, WorkbookError, WorkbookTooNew
from store.schema import APPLICATION_ID, LATEST_VERSION, parse_version
from store.scratch import scratch_folder
from store.snapshot import snapshot_to
from store.workbook import Workbook, open_workbook

_SNAPSHOT_LOCK = threading.Lock()

SNAPSHOT_KEEP = 7
PARTIAL_STALE_SECONDS = 10 * 60
_SNAPSHOT = re.compile(r"^workbook-(\d{4}-\d{2}-\d{2})\.duckdb$")
_BEFORE_RESTORE = re.compile(r"^before-restore-(\d{4}-\d{2}-\d{2})-\d{6}\.duckdb$")
_REQUIRED_TABLES = {"meta", "contacts", "interactions", "goals", "ratings", "ledger", "settings"}
_NEXTVAL = re.compile(r"nextval\('([A-Za-z_][A-Za-z0-9_]*)'\)")


@dataclass(frozen=True)
class Snapshot:
    """One automatic backup on disk, already reopened and checked when it was written."""

    path: Path
    day: str
    taken_at: datetime

    @property
    def before_restore(self) -> bool:
        """True for the copy kept just before a restore replaced the workbook."""
        return self.path.name.startswith("before-restore-")


def write_backup(workbook: Workbook, target: str | os.PathLike[str]) -> Path:
    """Copy the whole workbook, as it stands at this instant, into a new file at ``target``, then check it."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    # A name of its own: two tabs writing the same day's snapshot must not share a half-written file.
    partial = target.with_name(f"{target.name}.{uuid.uuid4().hex[:12]}.partial")
    try:
        snapshot_to(workbook, partial)
    except duckdb.Error as error:
        partial.unlink(missing_ok=True)
        raise WorkbookError(f"The backup could not be written ({str(error).splitlines()[0]}).") from None
    try:
        check_workbook_file(partial)
    except WorkbookError:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, target)
    return target


def backup_bytes(workbook: Workbook) -> bytes:
    """The workbook as a file's bytes, for a download."""
    with scratch_folder("workbook-backup-") as folder:
        return write_backup(workbook, Path(folder) / "workbook.duckdb").read_bytes()


def check_workbook_file(path: str | os.PathLike[str]) -> int:
    """The schema version of a workbook file, after checking it is a readable, intact workbook."""
    path = Path(path)
    name = path.name
    head = path.read_bytes()[:16] if path.exists() else b""
    if len(head) < 12 or head[8:12] != b"DUCK":
        raise NotAWorkbook(f"{name} is not a workbook file (.duckdb); choose a backup downloaded from this app.")
    try:
        # No file or network access while a stranger's file is inspected.
        connection = duckdb.connect(str(path), read_only=True, config={"enable_external_access": False})
    except duckdb.Error as error:
        raise _damaged(name, error) from None
    try:
        return _check_contents(connection, name)
    except duckdb.Error as error:
        raise _damaged(name, error) from None
    finally:
        connection.close()


def _damaged(name: str, error: Exception) -> NotAWorkbook:
    """DuckDB's own words name temporary files and byte counts: the user needs only the verdict."""
    return NotAWorkbook(f"{name} is damaged or cut short (DuckDB cannot read it); choose another backup.")


def _check_contents(connection: duckdb.DuckDBPyConnection, name: str) -> int:
    tables = {r[0] for r in connection.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    meta = dict(connection.execute("SELECT key, value FROM meta").fetchall()) if "meta" in tables else {}
    if meta.get("application") != APPLICATION_ID:
        raise NotAWorkbook(f"{name} is a DuckDB file but not a workbook of this app; choose a backup made by this app.")
    version = parse_version(meta.get("schema_version", "0"), name)
    if version > LATEST_VERSION:
        raise WorkbookTooNew(
            f"{name} was saved by a newer version of the app (schema {version}, this app reads up to "
            f"{LATEST_VERSION}); upgrade the app to restore it."
        )
    _refuse_live_code(connection, name)
    missing = _REQUIRED_TABLES - tables
    if missing:
        raise NotAWorkbook(
            f"{name} is missing the {', '.join(sorted(missing))} table; it is damaged. Choose another backup."
        )
    for table in sorted(tables):
        # Reading every column of every row makes DuckDB verify each block's checksum.
        connection.execute(f'SELECT count(*), sum(hash(COLUMNS(*))) FROM "{table}"').fetchall()
    return version


def _refuse_live_code(connection: duckdb.DuckDBPyConnection, name: str) -> None:
    """A workbook holds data only: views, macros and computed columns would run code when read."""
    views = connection.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_type <> 'BASE TABLE'"
    ).fetchone()
    macros = connection.execute("SELECT count(*) FROM duckdb_functions() WHERE NOT internal").fetchone()
    computed = connection.execute(
        "SELECT count(*) FROM information_schema.columns WHERE is_generated <> 'NEVER'"
    ).fetchone()
    if views[0] or macros[0] or computed[0]:
        raise NotAWorkbook(
            f"{name} holds views, macros or computed columns, which this app never writes; "
            "choose a backup downloaded from this app."
        )


def restore_workbook(
    workbook: Workbook, upload: str | os.PathLike[str], keep_previous_in: str | os.PathLike[str] | None, now: datetime
) -> Path | None:
    """Replace the workbook's contents with a checked file's; the previous contents are kept as a dated backup.

    The open workbook stays open (the app's server holds it): its tables are emptied and refilled from
    the upload in one transaction, so a failure at any point leaves it as it was.
    """
    upload = Path(upload)
    check_workbook_file(upload)
    with scratch_folder("workbook-restore-") as folder:
        source = Path(folder) / "upload.duckdb"
        source.write_bytes(upload.read_bytes())
        try:
            open_workbook(source).close()  # brings an older backup up to this app's schema
        except duckdb.Error as error:
            raise _damaged(upload.name, error) from None
        previous = None
        if keep_previous_in is not None:
            previous = write_backup(workbook, Path(keep_previous_in) / f"before-restore-{now:%Y-%m-%d-%H%M%S}.duckdb")
        try:
            if hasattr(workbook, "exclusive"):  # DuckDB reads the upload in place (ATTACH)
                _copy_contents(workbook, source)
            else:  # an account on a database server: the rows travel, in the account's one transaction
                _copy_rows(workbook, source)
        except duckdb.Error as error:  # the transaction was rolled back: the workbook is as it was
            raise _damaged(upload.name, error) from None
    return previous


def _copy_rows(workbook: Workbook, source: Path) -> None:
    from store.transfer import copy_workbook

    book = open_workbook(source)
    try:
        copy_workbook(book, workbook)
    finally:
        book.close()


def _copy_contents(workbook: Workbook, source: Path) -> None:
    alias = f"restore_{uuid.uuid4().hex[:12]}"
    with workbook.exclusive() as cursor:
        cursor.execute(f"ATTACH ? AS {alias} (READ_ONLY)", [str(source)])
    try:
        with workbook.write() as cursor:
            for table in _tables(cursor):
                cursor.execute(f'DELETE FROM "{table}"')
                cursor.execute(f'INSERT INTO "{table}" BY NAME SELECT * FROM {alias}.main."{table}"')
            _move_sequences_past_ids(cursor)
    finally:
        with workbook.exclusive() as cursor:
            cursor.execute(f"DETACH {alias}")


def _tables(cursor) -> list[str]:
    rows = cursor.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' "
        "ORDER BY table_name"
    ).fetchall()
    return [r[0] for r in rows]


def _move_sequences_past_ids(cursor) -> None:
    """DuckDB cannot reset a sequence in place, so draw from it until it is past every restored id."""
    columns = cursor.execute(
        "SELECT table_name, column_name, column_default FROM duckdb_columns() "
        "WHERE database_name = current_database() AND column_default LIKE 'nextval(%'"
    ).fetchall()
    for table, column, default in columns:
        match = _NEXTVAL.search(default)
        if not match:
            continue
        sequence = match.group(1)
        top = cursor.execute(f'SELECT coalesce(max("{column}"), 0) FROM "{table}"').fetchone()[0]
        last = cursor.execute(
            "SELECT coalesce(last_value, start_value - 1) FROM duckdb_sequences() "
            "WHERE database_name = current_database() AND sequence_name = ?",
            [sequence],
        ).fetchone()
        gap = int(top) - int(last[0] if last else 0)
        if gap > 0:
            cursor.execute(f"SELECT max(nextval('{sequence}')) FROM range(?)", [gap])


def remove_stale_partials(folder: Path, now: datetime) -> int:
    """Delete half-written backups a crash left behind (a live one is minutes younger); returns how many."""
    if not folder.is_dir():
        return 0
    cutoff = now.timestamp() - PARTIAL_STALE_SECONDS
    stale = [p for p in folder.glob("*.partial") if p.stat().st_mtime < cutoff]
    for path in stale:
        path.unlink(missing_ok=True)
    return len(stale)


def snapshot_folder(workbook: Workbook) -> Path | None:
    """Where a local workbook's automatic snapshots go: a 'backups' folder beside the file.

    None for a workbook in memory, and for an account on a database server (no file beside it: the
    server's own backups keep it)."""
    if workbook.in_memory or workbook.engine != "duckdb":
        return None
    return Path(workbook.path).parent / "backups"


def snapshot_if_due(
    workbook: Workbook, folder: str | os.PathLike[str], now: datetime, keep: int = SNAPSHOT_KEEP
) -> Snapshot | None:
    """Write today's snapshot if there is none yet (checked after writing), keep the newest ``keep``."""
    folder = Path(folder)
    target = folder / f"workbook-{now:%Y-%m-%d}.duckdb"
    if target.exists():
        return None
    with _SNAPSHOT_LOCK:  # several tabs may find the day's snapshot missing at the same instant
        remove_stale_partials(folder, now)
        if target.exists():
            return None
        write_backup(workbook, target)
    for old in list_snapshots(folder)[keep:]:
        old.path.unlink(missing_ok=True)
    return next(s for s in list_snapshots(folder) if s.path == target)


def list_snapshots(folder: str | os.PathLike[str] | None) -> list[Snapshot]:
    """The automatic daily snapshots in ``folder``, newest first."""
    return [s for s in _backups_in(folder) if _SNAPSHOT.match(s.path.name)]


def list_restore_points(folder: str | os.PathLike[str] | None) -> list[Snapshot]:
    """Every backup the app keeps in ``folder``: daily snapshots and the copies made before a restore."""
    return _backups_in(folder)


def _backups_in(folder: str | os.PathLike[str] | None) -> list[Snapshot]:
    if folder is None or not Path(folder).is_dir():
        return []
    found = []
    for path in Path(folder).iterdir():
        match = _SNAPSHOT.match(path.name) or _BEFORE_RESTORE.match(path.name)
        if match:
            found.append(Snapshot(path, match.group(1), datetime.fromtimestamp(path.stat().st_mtime)))
    return sorted(found, key=lambda s: (s.day, s.taken_at), reverse=True)


# --- Exports of the whole workbook (the zip of CSVs, the people as vCards). ---


def export_tables(workbook: Workbook) -> dict[str, tuple[list[str], list[tuple]]]:
    """Every data table's column names and rows (live and trashed alike), in a stable order, and meta."""
    from store.transfer import read_contents

    tables = {"meta": (["key", "value"], sorted(workbook.read("SELECT key, value FROM meta")))}
    for table, (columns, rows) in read_contents(workbook).items():
        tables[table] = (list(columns), sorted(rows, key=lambda row: tuple((v is None, str(v)) for v in row)))
    return dict(sorted(tables.items()))


def contacts_for_export(workbook: Workbook) -> list:
    """Every live person as a draft (what a vCard carries), keyed so a re-import finds them again."""
    from core.model import ContactDraft

    rows = workbook.read(
        "SELECT id, name, email, phone, company, role, circle, tie, notes, source, source_key "
        "FROM contacts WHERE deleted_at IS NULL ORDER BY lower(name), id"
    )
    return [
        ContactDraft(
            name=n,
            email=e or "",
            phone=p or "",
            company=c or "",
            role=r or "",
            circle=ci,
            tie=t,
            notes=no or "",
            source=s or "workbook",
            source_key=k or f"id:{i}",
        )
        for i, n, e, p, c, r, ci, t, no, s, k in rows
    ]
