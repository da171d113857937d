"""About your data: where the workbook is, what it holds, how to open it and how to delete it."""

import streamlit as st

from services import info
from services.workbooks import describe_location
from ui.cache import cached
from ui.page import start_page
from ui.session import current_workbook

workbook = current_workbook()
start_page("about")
st.markdown(f"**Where it is:** {describe_location(workbook)}")
held = cached(workbook, info.describe_workbook)
st.markdown(f"**Schema version:** {held.schema_version} (documented in `docs/schema.md`).")
st.dataframe(
    [{"What": table, "Rows": count} for table, count in held.counts.items()],
    hide_index=True,
    width="content",
)
st.markdown(
    "**What is stored:** the people you list (names, contact details, notes you write), your goals, "
    "the interactions you log, your network ratings and your give-and-take ledger. Nothing is sent "
    "anywhere: the app has no accounts, no tracking and no usage statistics."
)
session = info.example_session(workbook)
if session is not None:
    st.markdown("**Open it yourself** with DuckDB while the app is stopped:")
    st.code(session, language="sql")
    st.markdown(
        "**Delete it:** stop the app and delete the file above (and the `.wal` file beside it, if any). "
        "The next start makes a new, empty workbook."
    )
else:
    st.markdown("**Delete it:** close this browser tab; nothing is kept on the server after you leave.")
