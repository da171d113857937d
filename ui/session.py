"""How a page gets its workbook.

Local mode (the default for ``make run``): one workbook file, shared by every tab of this server.
Shared mode (Community Cloud): every browser session gets a private workbook in memory.
The mode comes from WORKBOOK_MODE (or the ``workbook_mode`` secret): "local" or "shared".
"""

from __future__ import annotations

import os

import streamlit as st

from core.paths import default_workbook_path
from core.store import Workbook, WorkbookError, open_private_workbook, open_workbook
from core.store.contacts import empty_trash

LOCAL, SHARED = "local", "shared"


def workbook_mode() -> str:
    """'local' or 'shared', from the environment, then secrets; local when unset."""
    mode = os.environ.get("WORKBOOK_MODE", "").strip().lower()
    if not mode:
        try:
            mode = str(st.secrets.get("workbook_mode", "")).strip().lower()
        except (FileNotFoundError, KeyError, st.errors.StreamlitSecretNotFoundError):
            mode = ""
    return SHARED if mode == SHARED else LOCAL


@st.cache_resource(show_spinner=False, max_entries=8)
def _open_local(path: str) -> Workbook:
    workbook = open_workbook(path)
    empty_trash(workbook)
    return workbook


def _insist_on_the_router() -> None:
    """Rerun through app.py when Streamlit ran a deep-linked page on its own.

    With a pages/ folder, the first run in a fresh server process that lands on a page URL
    is executed in Streamlit's legacy multipage mode, skipping app.py (its st.navigation,
    layout and sidebar). Clearing the flag and rerunning sends the run through the router.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def current_workbook() -> Workbook:
    """The workbook of this session; on a problem, shows one clear line and stops the page."""
    _insist_on_the_router()
    try:
        if workbook_mode() == SHARED:
            workbook = st.session_state.get("_private_workbook")
            if workbook is None or workbook.closed:
                workbook = open_private_workbook()
                st.session_state["_private_workbook"] = workbook
            return workbook
        workbook = _open_local(str(default_workbook_path()))
        if workbook.closed:
            _open_local.clear()
            workbook = _open_local(str(default_workbook_path()))
        return workbook
    except WorkbookError as error:
        st.error(str(error), icon=":material/error:")
        st.stop()
        raise  # st.stop() raises; this line keeps type checkers calm


def describe_location(workbook: Workbook) -> str:
    """Where the data of this session lives, in plain words."""
    if workbook.in_memory:
        return "A private workbook in this browser session only. Download a backup to keep it."
    return f"`{workbook.path}`"
