"""Backups: the workbook as a file to download, a checked file back in, and the automatic daily snapshots."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from core.errors import InvalidInput, WorkbookError
from services.workbooks import Workbook
from store import backup, contacts
from store.backup import SNAPSHOT_KEEP, Snapshot
from store.scratch import scratch_folder

# An uploaded file keeps its own name in messages, unless the name could not be a plain file name.
_PLAIN_NAME = re.compile(r"^[\w][\w .()\-]{0,120}$")
UPLOAD_NAME = "upload.duckdb"
# As big as the app takes an upload at all (.streamlit/config.toml's maxUploadSize, which holds a
# 30,000-person workbook with room).
MAX_BACKUP_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class Restored:
    """What a restore brought back, and where the previous contents were kept (if they were)."""

    people: int
    previous: str | None  # the file name of the copy kept before the restore


@dataclass(frozen=True)
class AutomaticBackups:
    """The daily snapshots beside a local workbook: where they go, which there are, and today's failure if any."""

    folder: Path | None  # None for a workbook in memory, or an account on a database server
    points: tuple[Snapshot, ...]
    keep: int = SNAPSHOT_KEEP
    failure: str | None = None
    kept_on_server: bool = False  # an account: the database server keeps it, there is no file to snapshot


def backup_bytes(workbook: Workbook) -> bytes:
    """The whole workbook as the bytes of a .duckdb file, checked before it is handed over."""
    return backup.backup_bytes(workbook)


def restore_upload(workbook: Workbook, data: bytes | None, name: str, now: datetime) -> Restored:
    """Replace the workbook's contents with an uploaded backup, once the file is checked to be a good workbook."""
    if data is None:
        raise InvalidInput("Choose a backup file first.")
    limit = workbook.budget.upload_bytes if workbook.budget is not None else MAX_BACKUP_BYTES
    if len(data) > limit:
        raise InvalidInput(
            f"That file is {len(data) / 1_048_576:.1f} MB; a backup restored here may be up to "
            f"{limit / 1_048_576:.0f} MB. Choose a backup downloaded from this app."
        )
    with scratch_folder("workbook-upload-") as folder:
        path = Path(folder) / (name if _PLAIN_NAME.match(name or "") else UPLOAD_NAME)
        path.write_bytes(data)
        return _restore(workbook, path, now)


def automatic_backups(workbook: Workbook, now: datetime) -> AutomaticBackups:
    """Take today's snapshot if it is due, then list every backup there is to go back to."""
    folder = backup.snapshot_folder(workbook)
    if folder is None:
        return AutomaticBackups(None, (), kept_on_server=workbook.durable)
    failure = None
    try:
        backup.snapshot_if_due(workbook, folder, now)
    except (WorkbookError, OSError) as error:
        failure = str(error)
    return AutomaticBackups(folder, tuple(backup.list_restore_points(folder)), failure=failure)


def restore_snapshot(workbook: Workbook, path: Path, now: datetime) -> Restored:
    """Go back to one of the automatic backups listed for this workbook."""
    points = {p.path for p in backup.list_restore_points(backup.snapshot_folder(workbook))}
    if Path(path) not in points:
        raise InvalidInput("That backup is no longer there; choose one from the list.")
    return _restore(workbook, Path(path), now)


def _restore(workbook: Workbook, path: Path, now: datetime) -> Restored:
    previous = backup.restore_workbook(workbook, path, backup.snapshot_folder(workbook), now)
    return Restored(contacts.count_contacts(workbook), previous.name if previous else None)
