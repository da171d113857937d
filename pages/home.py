"""Home: what the workbook is for and where to start."""

import streamlit as st

from core.circles import count_circles
from core.store.contacts import count_by_circle
from ui.cache import cached
from ui.session import current_workbook
from ui.widgets import credit_article

workbook = current_workbook()
st.title("Job Networking Workbook")
st.markdown(
    "Most jobs are found through people. This workbook walks you through six tips for "
    "networking, one page each: list who you know, decide what you want, ask well, rate your "
    "network, balance close and loose ties, and keep in touch, giving as much as you take."
)
counts = cached(workbook, count_by_circle)
people = sum(counts.values())
covered = sum(1 for row in count_circles(counts) if not row.empty)
left, right = st.columns(2)
left.metric("People listed", f"{people:,}")
right.metric("Circles with people", f"{covered} of 10")
if people == 0:
    st.info("Start with tip 1: list the people you know, circle by circle.", icon=":material/arrow_forward:")
st.page_link("pages/know_your_network.py", label="Tip 1 · Know your network", icon=":material/groups:")
credit_article()
