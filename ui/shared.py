"""Shared mode's promise, shown on every page: nothing is kept here; take a backup with you."""

from __future__ import annotations

from datetime import date

import streamlit as st

from services.backups import backup_bytes
from services.workbooks import Workbook
from ui.session import private_workbooks, visitor_token

HEARTBEAT_SECONDS = 60


@st.fragment(run_every=HEARTBEAT_SECONDS)
def _keep_alive() -> None:
    # While this tab is connected, its private workbook stays held; once it goes quiet,
    # the grace period starts and the workbook is released when it runs out.
    token = visitor_token()
    if token:
        private_workbooks().touch(token)


def show_shared_banner(workbook: Workbook) -> None:
    """The plain-words notice, the backup download and the way to restore one."""
    minutes = round(private_workbooks().grace_seconds / 60)
    st.info(
        "**Private workbook on a shared server.** Only this browser tab can see it, and nothing is "
        f"kept on the server: it is wiped about {minutes} minutes after you leave. Download a backup "
        "to keep your work; restore it next time on “Import, export, backup”.",
        icon=":material/lock:",
    )
    st.download_button(
        "Download a backup",
        data=lambda: backup_bytes(workbook),
        file_name=f"job-networking-workbook-{date.today():%Y-%m-%d}.duckdb",
        mime="application/octet-stream",
        icon=":material/download:",
        on_click="ignore",
    )
    st.caption("Do not share this page's address: it carries the key to your private workbook.")
    _keep_alive()
