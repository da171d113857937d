"""Job Networking Workbook: the router. Page config, the shared sidebar, and navigation."""

from pathlib import Path

import streamlit as st

from services.workbooks import describe_location
from ui.registry import navigation
from ui.rooms import refresh_my_share
from ui.router import mark_routed
from ui.session import SHARED, current_workbook, workbook_mode
from ui.shared import show_shared_banner

ICON = Path(__file__).resolve().parent / "ui" / "assets" / "icon.png"

# The icon is our own file: a Material icon name would make every browser fetch it from a font host.
st.set_page_config(page_title="Job Networking Workbook", page_icon=str(ICON), layout="wide")
page = st.navigation(navigation())
mark_routed()
workbook = current_workbook()
with st.sidebar:
    if workbook_mode() == SHARED:
        show_shared_banner(workbook)
    else:
        st.caption("Workbook open")
        st.markdown(describe_location(workbook))
refresh_my_share(workbook)  # a workshop participant's shared figures follow their work on any page
page.run()
