"""Job Networking Workbook: the router. Page config, the shared sidebar, and navigation."""

from pathlib import Path

import streamlit as st

from services.workbooks import describe_location
from ui.account import show_account_panel, signed_in_owner
from ui.feedback import database_guard
from ui.memory import freeze_the_code
from ui.registry import navigation
from ui.rooms import refresh_my_share
from ui.router import mark_routed
from ui.session import (
    SHARED,
    grace_period,
    note_seen,
    private_workbook_expired,
    session_private_workbook,
    watch_for_changes,
    workbook_for_run,
    workbook_mode,
)
from ui.shared import show_shared_banner

ICON = Path(__file__).resolve().parent / "ui" / "assets" / "icon.png"

freeze_the_code()  # once per process, before any session's workbook is open

# The icon is our own file: a Material icon name would make every browser fetch it from a font host.
st.set_page_config(page_title="Job Networking Workbook", page_icon=str(ICON), layout="wide")
page = st.navigation(navigation())
mark_routed()
# A database that goes away mid-session is one line at the top of the page, never a traceback.
with database_guard(), workbook_for_run() as workbook:
    if workbook_mode() == SHARED and private_workbook_expired():
        st.warning(
            f"Your earlier private workbook was wiped after {grace_period()} without a sign of life from "
            "your browser, as this shared server promises. This one is new and empty: if you downloaded a "
            "backup, restore it on “Import, export, backup”.",
            icon=":material/history:",
        )
    with st.sidebar:
        if workbook_mode() == SHARED:
            show_account_panel(session_private_workbook())  # signing in comes first: it is how work is kept
            if signed_in_owner() is None:
                show_shared_banner(workbook)
        else:
            st.caption("Workbook open")
            st.markdown(describe_location(workbook))
    refresh_my_share(workbook)  # a workshop participant's shared figures follow their work on any page
    watch_for_changes(workbook)
    try:
        page.run()
    finally:
        # This run's own saves are not news to this tab: without this, the poll redrew the page ten
        # seconds after every save and wiped its confirmation.
        note_seen(workbook)
