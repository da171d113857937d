"""How a page gets its workbook.

Local mode (the default for ``make run``): one workbook file, shared by every tab of this server.
Shared mode (Community Cloud): every visitor gets a private workbook in memory, held for them
under a secret token kept in a cookie of their browser (see services/private.py) and gone a grace
period after they leave.
The mode comes from WORKBOOK_MODE, then the ``workbook_mode`` secret; when neither is set, an
app running on Streamlit Community Cloud is shared (the safe choice) and any other is local.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import streamlit as st

from core.errors import WorkbookError, WorkbookUnavailable
from core.text import plural
from services.locations import default_workbook_path
from services.private import DEFAULT_GRACE_SECONDS, PrivateWorkbooks
from services.workbooks import Workbook, keep_daily_snapshot, open_local_workbook, open_shared_database
from ui.cookies import read_cookie, write_cookie
from ui.feedback import stop_database_away

LOCAL, SHARED = "local", "shared"


def secret(name: str) -> object:
    """A value from Streamlit's secrets (None when there are none, or no such key)."""
    try:
        return st.secrets.get(name)
    except (FileNotFoundError, st.errors.StreamlitSecretNotFoundError):
        return None


def database_url() -> str | None:
    """WORKBOOK_DATABASE_URL, then the database_url secret."""
    return os.environ.get("WORKBOOK_DATABASE_URL") or (str(secret("database_url") or "") or None)


def user_dir() -> str | None:
    """WORKBOOK_USER_DIR, then the user_dir secret."""
    return os.environ.get("WORKBOOK_USER_DIR") or (str(secret("user_dir") or "") or None)


@st.cache_resource(show_spinner=False)
def _shared_database(url: str):
    return open_shared_database(url)


def shared_database():
    """The PostgreSQL database this deployment's servers share, or None; unreachable, it stops the page in one line."""
    url = database_url()
    if not url:
        return None
    try:
        return _shared_database(url)
    except WorkbookUnavailable as error:
        _shared_database.clear()  # the next visit tries again: the database may be back
        stop_database_away(error)
    except WorkbookError as error:
        _shared_database.clear()  # the next visit tries again: the database may be back
        st.error(f"{error} Your data is safe; reload the page in a moment.", icon=":material/cloud_off:")
        st.stop()


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


TOKEN_PARAM = "w"  # where older versions kept the token: the page address (no longer read)
COOKIE = "jnw_private"
TOKEN_KEY = "_visitor_token"
EXPIRED_KEY = "_private_expired"
WIPED_KEY = "_private_wiped"
COOKIE_WRITTEN_KEY = "_private_cookie"
WIPED_TOKEN_KEY = "_private_wiped_token"


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
    held = private_workbooks()
    state = st.session_state
    cookie = _cookie()
    if cookie and cookie == state.get(WIPED_TOKEN_KEY):
        cookie = None  # this session's browser still sends the wiped workbook's token until it reloads
    claim = held.claim(state.get(TOKEN_KEY) or cookie)
    if claim.expired:
        state[EXPIRED_KEY] = True  # the banner says the old one was wiped, as promised, and why
    state[TOKEN_KEY] = claim.token
    session_id = _session_id()
    if session_id:
        held.bind(claim.token, session_id)
    if state.get(COOKIE_WRITTEN_KEY) != claim.token and _cookie() != claim.token:
        _remember_in_browser(claim.token)
        state[COOKIE_WRITTEN_KEY] = claim.token
    if TOKEN_PARAM in st.query_params:
        del st.query_params[TOKEN_PARAM]  # an address from an older version: it opens nothing now
    return claim.workbook


def _cookie() -> str | None:
    return read_cookie(COOKIE)


def _remember_in_browser(token: str | None) -> None:
    """Keep the token in a cookie of this browser (never in the address, which people copy and project):
    a reloaded or reconnected tab finds its workbook; another browser, or a copied link, does not."""
    write_cookie(COOKIE, token)


def wipe_private_workbook() -> None:
    """Wipe this visitor's private workbook now (and forget it in the browser); a new empty one follows."""
    token = st.session_state.pop(TOKEN_KEY, None)
    if token:
        private_workbooks().release(token)
        st.session_state[WIPED_TOKEN_KEY] = token
    st.session_state.pop(COOKIE_WRITTEN_KEY, None)
    st.session_state[WIPED_KEY] = True


def private_workbook_expired() -> bool:
    """True (once) when this visitor's earlier private workbook had been wiped for lack of activity."""
    return bool(st.session_state.pop(EXPIRED_KEY, False))


def private_workbook_wiped() -> bool:
    """True (once) right after the visitor wiped their workbook."""
    return bool(st.session_state.pop(WIPED_KEY, False))


def grace_period() -> str:
    """How long a quiet visitor's workbook is kept, in words: '15 minutes', '1 minute'."""
    return plural(max(1, round(private_workbooks().grace_seconds / 60)), "minute")


def session_private_workbook() -> Workbook | None:
    """This session's private (anonymous) workbook in shared mode, if it holds one."""
    token = st.session_state.get(TOKEN_KEY)
    if not token:
        return None
    claim = private_workbooks().claim(token)
    return claim.workbook if claim.token == token else None


def session_actor() -> str:
    """An anonymous, stable name for this browser session (a hash of its id), for rate limits."""
    import hashlib

    session_id = _session_id() or "no-session"
    return hashlib.sha256(f"actor:{session_id}".encode()).hexdigest()[:16]


def visitor_token() -> str | None:
    """This session's secret token in shared mode (None in local mode)."""
    return st.session_state.get(TOKEN_KEY)


def current_workbook() -> Workbook:
    """The workbook of this session; on a problem, shows one clear line and stops the page."""
    from ui.router import ensure_routed  # until every page begins with ui.page.start_page

    ensure_routed()
    opened_for_run = st.session_state.get(RUN_WORKBOOK_KEY)
    if opened_for_run is not None:
        return opened_for_run
    try:
        if workbook_mode() == SHARED:
            from ui.account import account_workbook

            private = _private_workbook()
            return account_workbook() or private
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


RUN_WORKBOOK_KEY = "_workbook_for_this_run"


@contextmanager
def workbook_for_run() -> Iterator[Workbook]:
    """app.py's workbook for one full run, which the page's own ``current_workbook()`` is handed too.

    Opening it is a trip to the database on a shared server (the account's revision, to catch up with
    other tabs): once per run, not once for the router, once for the page and once for the watch.
    Whatever changes which workbook a session holds (sign-in, keeping, wiping, deleting) runs in a
    button's callback, before the run begins."""
    workbook = current_workbook()
    st.session_state[RUN_WORKBOOK_KEY] = workbook
    try:
        yield workbook
    finally:
        st.session_state.pop(RUN_WORKBOOK_KEY, None)


SEEN_VERSION_KEY = "_seen_data_version"
WATCH_SECONDS = 10


def note_seen(workbook: Workbook) -> None:
    """After a page has drawn: the data version this tab now shows."""
    st.session_state[SEEN_VERSION_KEY] = workbook.data_version


@st.fragment(run_every=WATCH_SECONDS)
def _watch(workbook: Workbook) -> None:
    # Another tab or server saved: redraw the whole page so nothing shown is stale.
    if RUN_WORKBOOK_KEY in st.session_state:
        return  # a full run: it has just caught up and is drawing the data as it is now
    try:
        workbook.refresh()
    except WorkbookUnavailable:
        return  # the database is away: the next full run (a click, a reload) says so
    seen = st.session_state.get(SEEN_VERSION_KEY)
    if seen is not None and workbook.data_version != seen:
        st.rerun(scope="app")


def watch_for_changes(workbook: Workbook) -> None:
    """Keep this tab in step with saves made elsewhere (another tab, another server): a light poll.

    Called in every full run, which draws the data as it is now; the timed reruns of the fragment
    alone then compare against that."""
    if not workbook.in_memory:
        note_seen(workbook)
        _watch(workbook)
