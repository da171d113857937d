"""Shared mode's promise, shown on every page: nothing is kept here; take a backup with you, or wipe it now."""

from __future__ import annotations

import os
from datetime import date

import streamlit as st

from services.backups import backup_bytes
from services.private import DEFAULT_GRACE_SECONDS
from services.workbooks import Workbook
from ui.downloads import personal_download_button
from ui.feedback import say, show
from ui.session import grace_period, private_workbook_wiped, private_workbooks, visitor_token, wipe_private_workbook

# A sign of life well within the grace period, so an open tab's workbook is never wiped under it.
HEARTBEAT_SECONDS = max(1.0, min(60.0, float(os.environ.get("WORKBOOK_GRACE_SECONDS", DEFAULT_GRACE_SECONDS)) / 3))


@st.fragment(run_every=HEARTBEAT_SECONDS)
def _keep_alive() -> None:
    # While this tab is connected, its private workbook stays held; once it goes quiet,
    # the grace period starts and the workbook is released when it runs out.
    token = visitor_token()
    if token:
        private_workbooks().touch(token)


def _wipe() -> None:
    if not st.session_state.get("wipe_sure"):
        say("wipe", "error", "Tick the box first: wiping cannot be undone. Nothing was wiped.")
        return
    wipe_private_workbook()
    st.session_state["wipe_sure"] = False


def show_shared_banner(workbook: Workbook) -> None:
    """The plain-words notice, the backup download, and wiping the workbook now."""
    if private_workbook_wiped():
        st.success("Wiped: nothing of that workbook is left on the server. This one is new and empty.")
    st.info(
        "**Private workbook on a shared server.** Only this browser can open it, and nothing is kept "
        f"on the server: it is wiped about {grace_period()} after you leave. Download a backup "
        "to keep your work; restore it next time on “Import, export, backup”.",
        icon=":material/lock:",
    )
    personal_download_button(
        "Download a backup",
        lambda: backup_bytes(workbook),
        file_name=f"job-networking-workbook-{date.today():%Y-%m-%d}.duckdb",
        mime="application/octet-stream",
        icon=":material/download:",
    )
    with st.expander("Wipe my workbook now"):
        st.caption("Everything you entered leaves the server at once (download a backup first to keep it).")
        st.checkbox("Yes, wipe it now", key="wipe_sure")
        show("wipe")
        st.button("Wipe my workbook", on_click=_wipe, icon=":material/delete_sweep:")
    _keep_alive()
