"""AppTest as a visitor signed in on a shared server whose accounts are kept in PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable

from streamlit.testing.v1 import AppTest

import ui.account
from services.accounts import DatabaseAccounts, account_id
from store.contacts import search_contacts
from tests.conftest import APP

ISSUER = "https://idp.example"
AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "a-cookie-secret-for-tests-only",
    "client_id": "workbook",
    "client_secret": "not-a-secret",
    "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
}


def signed_in_opener(monkeypatch, database_url: str) -> Callable[..., AppTest]:
    """A function that opens the app on a page, signed in as ``subject`` (alice unless told)."""
    monkeypatch.setenv("WORKBOOK_MODE", "shared")
    monkeypatch.setenv("WORKBOOK_DATABASE_URL", database_url)

    def open_app(page: str, subject: str = "alice") -> AppTest:
        at = AppTest.from_file(APP, default_timeout=30)
        at.secrets["auth"] = AUTH
        at.user = {"is_logged_in": True, "iss": ISSUER, "sub": subject, "name": subject.title()}
        at.run()
        at.switch_page(page).run()
        return at

    return open_app


def forget_the_server_state() -> None:
    """Close and forget what the app's process cached: the accounts, the database, private workbooks."""
    ui.account.forget_process_state()


def names_kept(database_url: str, subject: str = "alice") -> list[str]:
    """The people an account holds, read by a second app server of its own."""
    accounts = DatabaseAccounts(database_url)
    try:
        return sorted(c.name for c in search_contacts(accounts.workbook(account_id(ISSUER, subject)))[0])
    finally:
        accounts.close()
