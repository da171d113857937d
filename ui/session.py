"""How a page gets its workbook.

Local mode (the default for ``make run``): one workbook file, shared by every tab of this server.
Shared mode (Community Cloud): every visitor gets a private workbook in memory, held for them
under a secret token (see ui/private.py) and gone a grace period after they leave.
The mode comes from WORKBOOK_MODE, then the ``workbook_mode`` secret; when neither is set, an
app running on Streamlit Community Cloud is shared (the safe choice) and any other is local.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import streamlit as st

from services.locations import default_workbook_path
from store import Workbook, WorkbookError, open_workbook
from store.backup import snapshot_folder, snapshot_if_due
from store.contacts import empty_trash
from ui.private import DEFAULT_GRACE_SECONDS, PrivateWorkbooks

LOCAL, SHARED = "local", "shared"


def on_community_cloud() -> bool:
    """Community Cloud checks repositories out under /mount/src."""
    return Path.cwd().as_posix().startswith("/mount/src/") or os.environ.get("HOSTNAME", "") == "streamlit"


def workbook_mode() -> str:
    """'local' or 'shared': WORKBOOK_MODE, then the workbook_mode secret, then where the app runs."""
    mode = os.environ.get("WORKBOOK_MODE", "").strip().lower()
    if not mode:
        try:
            mode = str(st.secrets.get("workbook_mode", "")).strip().lower()
        except (FileNotFoundError, KeyError, st.errors.StreamlitSecretNotFoundError):
            mode = ""
    if mode in (LOCAL, SHARED):
        return mode
    return SHARED if on_community_cloud() else LOCAL


@st.cache_resource(show_spinner=False, max_entries=8)
def _open_local(path: str) -> Workbook:
    workbook = open_workbook(path)
    empty_trash(workbook)
    return workbook


ROUTED = "_routed_through_app"


def mark_routed() -> None:
    """Called by app.py once st.navigation has run: this session's runs go through the router."""
    st.session_state[ROUTED] = True


def _insist_on_the_router() -> None:
    """Rerun through app.py when Streamlit ran a deep-linked page on its own.

    With a pages/ folder, a session that opens a page URL on a fresh server may be run in
    Streamlit's legacy multipage mode, skipping app.py (its st.navigation, layout, sidebar and
    shared-mode banner). The legacy flag is process-wide and several tabs can start at once,
    so each session checks its own marker: app.py never marked it, so clear the flag and rerun.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory or not st.session_state.get(ROUTED):
        PagesManager.uses_pages_directory = False
        st.rerun()


def _snapshot_daily(workbook: Workbook) -> None:
    """Local mode keeps a rotating daily snapshot; checking that today's exists is one stat call."""
    folder = snapshot_folder(workbook)
    if folder is None:
        return
    try:
        snapshot_if_due(workbook, folder, datetime.now())
    except (OSError, WorkbookError) as error:
        # A failed snapshot must not stop the user's work; the Backup tab shows the last good one.
        st.toast(f"Today's automatic backup could not be written: {error}", icon=":material/warning:")


TOKEN_PARAM = "w"


@st.cache_resource(show_spinner=False)
def private_workbooks() -> PrivateWorkbooks:
    """The process-wide holder of shared mode's private workbooks (each reachable by its token only)."""
    grace = float(os.environ.get("WORKBOOK_GRACE_SECONDS", DEFAULT_GRACE_SECONDS))
    return PrivateWorkbooks(grace_seconds=grace)


def _private_workbook() -> Workbook:
    token = st.session_state.get("_visitor_token") or st.query_params.get(TOKEN_PARAM)
    token, workbook = private_workbooks().claim(token)
    st.session_state["_visitor_token"] = token
    if st.query_params.get(TOKEN_PARAM) != token:
        # The token rides in the address so that a reconnecting or reloaded tab finds its workbook.
        st.query_params[TOKEN_PARAM] = token
    return workbook


def visitor_token() -> str | None:
    """This session's secret token in shared mode (None in local mode)."""
    return st.session_state.get("_visitor_token")


def current_workbook() -> Workbook:
    """The workbook of this session; on a problem, shows one clear line and stops the page."""
    _insist_on_the_router()
    try:
        if workbook_mode() == SHARED:
            return _private_workbook()
        workbook = _open_local(str(default_workbook_path()))
        if workbook.closed:
            _open_local.clear()
            workbook = _open_local(str(default_workbook_path()))
        _snapshot_daily(workbook)
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
