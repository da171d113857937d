"""Signing in with Streamlit's st.login, and the account panel of the sidebar (shared mode only).

Sign-in is offered when the deployment has an ``[auth]`` section in its secrets and somewhere to
keep accounts (a database, or a folder on a durable disk). Without either, shared mode is as it was:
private workbooks that are wiped a while after the visitor leaves.
"""

from __future__ import annotations

import urllib.error
import urllib.request

import streamlit as st

from core.errors import WorkbookError, WorkbookUnavailable
from services.accounts import Accounts, account_id, describe_removed, is_empty, keep_anonymous_work, open_accounts
from services.workbooks import Workbook
from ui.cookies import read_cookie, write_cookie
from ui.feedback import run_save, say, show, stop_database_away
from ui.session import SHARED, database_url, secret, shared_database, user_dir, workbook_mode
from ui.text import literal

PROVIDER_TIMEOUT_S = 4
SIGN_IN_COOKIE = "jnw_signing_in"
USER_COOKIE = "_streamlit_user"


def auth_section() -> dict | None:
    """The [auth] section of the secrets, when sign-in is configured."""
    section = secret("auth")
    return dict(section) if section else None


@st.cache_resource(show_spinner=False)
def _accounts() -> Accounts | None:
    return open_accounts(shared_database(), user_dir())


def forget_process_state() -> None:
    """Close and forget what this process keeps for shared mode: the accounts, the database, private
    workbooks. For a bench or a test that runs one deployment after another in one process."""
    import ui.session

    kept = _accounts()
    _accounts.clear()
    if kept is not None:
        kept.close()
    ui.session._shared_database.clear()
    ui.session.private_workbooks.clear()


def accounts() -> Accounts | None:
    """Where accounts are kept on this deployment; a problem with the database stops the page in one line."""
    try:
        return _accounts()
    except WorkbookError as error:
        _accounts.clear()  # the next visit tries again: the database may be back
        st.error(f"Accounts are not available right now: {error}", icon=":material/cloud_off:")
        return None


def sign_in_available() -> bool:
    """True when visitors can sign in and keep their workbook."""
    return auth_section() is not None and (database_url() is not None or user_dir() is not None)


def signed_in_owner() -> str | None:
    """The account of the signed-in visitor, or None."""
    if not sign_in_available() or not st.user.is_logged_in:
        return None
    return account_id(str(st.user.get("iss") or ""), str(st.user.get("sub") or ""))


def account_workbook() -> Workbook | None:
    """The signed-in visitor's workbook, caught up with saves from other tabs and servers."""
    owner = signed_in_owner()
    kept = accounts() if owner else None
    if kept is None:
        return None
    try:
        book = kept.workbook(owner)
        book.refresh()
    except WorkbookUnavailable as error:
        stop_database_away(error)
    except WorkbookError as error:
        st.error(f"{error} Your workbook is safe; reload the page in a moment.", icon=":material/cloud_off:")
        st.stop()
    return book


def _provider_problem() -> str | None:
    """One line when the identity provider does not answer (checked before leaving the app for it)."""
    section = auth_section() or {}
    url = section.get("server_metadata_url") or next(
        (v.get("server_metadata_url") for v in section.values() if isinstance(v, dict)), None
    )
    if not url:
        return None
    try:
        with urllib.request.urlopen(url, timeout=PROVIDER_TIMEOUT_S) as response:
            response.read(1)
    except (urllib.error.URLError, OSError, ValueError):
        host = urllib.parse.urlsplit(url).netloc
        return (
            f"The sign-in service ({host}) is not answering; try again in a few minutes. "
            "You can keep working here meanwhile: nothing is lost."
        )
    return None


def _sign_in(place: str = "account") -> None:
    problem = _provider_problem()
    if problem:
        say(place, "error", literal(problem))
        return
    st.session_state["_signing_in"] = True  # the sidebar's panel, drawn first in the next run, leaves for the provider


HOME_PLACE = "home_sign_in"


def show_sign_in_prompt() -> None:
    """Home's short sign-in line and button, for a visitor not signed in on a server that offers it.

    On a phone the sidebar (and its account panel) starts collapsed, so home says it where it is seen."""
    if workbook_mode() != SHARED or not sign_in_available() or signed_in_owner() is not None:
        return
    with st.container(border=True):
        text, button = st.columns([5, 2], vertical_alignment="center")
        text.markdown(
            "**Sign in to keep your workbook.** Until you do, this shared server wipes it a while after you leave."
        )
        button.button(
            "Sign in",
            key="home_sign_in",
            on_click=_sign_in,
            args=(HOME_PLACE,),
            icon=":material/login:",
            type="primary",
            width="stretch",
        )
        show(HOME_PLACE)


def _keep(private: Workbook, account: Workbook) -> str:
    return literal(keep_anonymous_work(private, account).describe())


def _delete(owner: str) -> str:
    if not st.session_state.get("account_delete_sure"):
        raise WorkbookError("Tick the box to confirm that the account and its workbook should go for good.")
    removed = accounts().delete(owner)
    st.session_state["account_delete_sure"] = False
    return "Your account and workbook are deleted. " + literal(describe_removed(removed))


def show_account_panel(private: Workbook | None) -> None:
    """The sidebar's sign-in (or signed-in) panel, with keep, sign out and delete."""
    if not sign_in_available():
        return
    owner = signed_in_owner()
    if owner is None:
        if read_cookie(SIGN_IN_COOKIE):
            st.warning(
                "The sign-in did not finish (it was cancelled, refused or timed out at the provider). "
                "You are still working in this private workbook.",
                icon=":material/no_accounts:",
            )
            write_cookie(SIGN_IN_COOKIE, None)
        elif read_cookie(USER_COOKIE):
            st.warning(
                "Your sign-in could not be read: it has expired or was changed. Sign in again to open your workbook.",
                icon=":material/key_off:",
            )
        show("account")
        st.button("Sign in to keep your workbook", on_click=_sign_in, icon=":material/login:", type="primary")
        if st.session_state.pop("_signing_in", False):
            write_cookie(SIGN_IN_COOKIE, "1", same_site="Lax")  # it must survive the trip to the provider
            st.login()
        st.caption("Signed in, your workbook is kept between visits, and only you can open it.")
        return
    name = st.user.get("name") or st.user.get("email") or "you"
    st.success(f"Signed in as {literal(name)}: your workbook is kept.", icon=":material/account_circle:")
    if read_cookie(SIGN_IN_COOKIE):
        write_cookie(SIGN_IN_COOKIE, None)
    show("account")
    book = accounts().workbook(owner)
    if private is not None and getattr(private, "materialized", False) and not is_empty(private):
        st.info("You did some work here before signing in.", icon=":material/move_down:")
        st.button(
            "Keep it in my account",
            on_click=run_save,
            args=("account", lambda: _keep(private, book)),
            icon=":material/save:",
        )
    st.button("Sign out", on_click=st.logout, icon=":material/logout:")
    with st.expander("Delete my account and workbook"):
        st.caption("Every person, note, rating and log of yours is removed from the server for good.")
        st.checkbox("Yes, delete my account and everything in it", key="account_delete_sure")
        st.button(
            "Delete my account and workbook",
            on_click=run_save,
            args=("account", lambda: _delete(owner)),
            icon=":material/delete_forever:",
        )
