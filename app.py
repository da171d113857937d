"""Job Networking Workbook: the router. Page config, the shared sidebar, and navigation."""

import streamlit as st

from ui.rooms import refresh_my_share
from ui.session import SHARED, current_workbook, describe_location, mark_routed, workbook_mode
from ui.shared import show_shared_banner

st.set_page_config(page_title="Job Networking Workbook", page_icon=":material/diversity_3:", layout="wide")

PAGES = {
    "Workbook": [
        st.Page("pages/home.py", title="Home", icon=":material/home:", default=True),
    ],
    "The six tips": [
        st.Page("pages/know_your_network.py", title="1 · Know your network", icon=":material/groups:"),
        st.Page("pages/reach_out.py", title="2 · Reach out", icon=":material/campaign:"),
        st.Page("pages/build_relationships.py", title="3 · Build relationships", icon=":material/handshake:"),
        st.Page("pages/rate_your_network.py", title="4 · Rate your network", icon=":material/star_rate:"),
        st.Page("pages/strong_and_weak_ties.py", title="5 · Strong and weak ties", icon=":material/hub:"),
        st.Page("pages/maintain_your_network.py", title="6 · Maintain your network", icon=":material/event_repeat:"),
    ],
    "Your data": [
        st.Page("pages/import_export.py", title="Import, export, backup", icon=":material/swap_vert:"),
        st.Page("pages/about_your_data.py", title="About your data", icon=":material/info:"),
    ],
    "Workshop": [
        st.Page("pages/workshop.py", title="Join a workshop", icon=":material/co_present:"),
        st.Page("pages/facilitator.py", title="Facilitate a workshop", icon=":material/cast_for_education:"),
    ],
}

page = st.navigation(PAGES)
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
