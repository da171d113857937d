"""A short-lived folder for a file that holds someone's data (a backup being made or checked).

DuckDB can only write or attach a database as a file. So that a shared server writes nothing personal
to its disk, the folder is made in memory (/dev/shm, a RAM file system on Linux) when there is one
with room, and on disk only where there is not; either way it is deleted when the work is done.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

MEMORY_FOLDER = Path("/dev/shm")
MIN_FREE_BYTES = 256 * 1024 * 1024


def in_memory_folder_available(folder: Path = MEMORY_FOLDER) -> bool:
    """True when the RAM file system is there, writable, and has room for a workbook or two."""
    try:
        return os.access(folder, os.W_OK) and shutil.disk_usage(folder).free >= MIN_FREE_BYTES
    except OSError:
        return False


@contextmanager
def scratch_folder(prefix: str) -> Iterator[Path]:
    """A new private folder, in memory when possible, removed with everything in it afterwards."""
    base = str(MEMORY_FOLDER) if in_memory_folder_available() else None
    with tempfile.TemporaryDirectory(prefix=prefix, dir=base) as folder:
        yield Path(folder)
