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

from core.errors import WorkbookError
from services.locations import default_workbook_path
from services.private import DEFAULT_GRACE_SECONDS, PrivateWorkbooks
from services.workbooks import Workbook, keep_daily_snapshot, open_local_workbook

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
    return open_local_workbook(path)


def _snapshot_daily(workbook: Workbook) -> None:
    """Local mode keeps a rotating daily snapshot; checking that today's exists is one stat call."""
    try:
        keep_daily_snapshot(workbook, datetime.now())
    except (OSError, WorkbookError) as error:
        # A failed snapshot must not stop the user's work; the Backup tab shows the last good one.
        st.toast(f"Today's automatic backup could not be written: {error}", icon=":material/warning:")


TOKEN_PARAM = "w"


@st.cache_resource(show_spinner=False)
def private_workbooks() -> PrivateWorkbooks:
    """The process-wide holder of shared mode's private workbooks (each reachable by its token only)."""
    grace = float(os.environ.get("WORKBOOK_GRACE_SECONDS", DEFAULT_GRACE_SECONDS))
    held = PrivateWorkbooks(grace_seconds=grace, on_release=_drop_uploads)
    held.start_reaper()
    return held


def _drop_uploads(session_ids: set[str]) -> None:
    """A wiped workbook's uploads (address books, backups) leave the server's memory with it."""
    from streamlit import runtime

    if not runtime.exists():
        return
    manager = runtime.get_instance().uploaded_file_mgr
    for session_id in session_ids:
        manager.remove_session_files(session_id)


def _session_id() -> str | None:
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    context = get_script_run_ctx()
    return context.session_id if context else None


def _private_workbook() -> Workbook:
    token = st.session_state.get("_visitor_token") or st.query_params.get(TOKEN_PARAM)
    claim = private_workbooks().claim(token)
    token, workbook = claim.token, claim.workbook
    session_id = _session_id()
    if session_id:
        private_workbooks().bind(token, session_id)
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
    from ui.router import ensure_routed  # until every page begins with ui.page.start_page

    ensure_routed()
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
