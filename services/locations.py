"""Where the workbook file lives: WORKBOOK_PATH if set, else the platform's per-user data folder."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "job-networking-workbook"
FILE_NAME = "workbook.duckdb"


def default_workbook_path(environ: dict[str, str] | None = None) -> Path:
    """The workbook file to open when none is named on the command line."""
    environ = os.environ if environ is None else environ
    chosen = environ.get("WORKBOOK_PATH", "").strip()
    if chosen:
        return Path(chosen).expanduser()
    return user_data_path(APP_NAME, appauthor=False) / FILE_NAME
