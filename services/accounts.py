"""Signed-in visitors keep their workbook: where accounts are kept, and what an account can do.

An account is keyed by the identity token's issuer and subject (never the email, which can change).
With a database configured (``WORKBOOK_DATABASE_URL`` or the ``database_url`` secret) every account
lives in PostgreSQL, which any number of app servers share; otherwise, with ``WORKBOOK_USER_DIR``, each
account is a DuckDB file in that folder, named by the same hash, opened as a local workbook is.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from pathlib import Path

from core.errors import WorkbookError
from core.text import plural
from store import Workbook
from store.info import is_empty
from store.transfer import copy_workbook, read_contents
from store.workbook import ensure_not_open_elsewhere

_LABELS = {
    "contacts": ("person", "people"),
    "interactions": ("logged contact", "logged contacts"),
    "goals": ("goal", "goals"),
    "ratings": ("rating", "ratings"),
    "ledger": ("give-and-take entry", "give-and-take entries"),
}


def account_id(issuer: str, subject: str) -> str:
    """The account of an identity: a hash of the provider (issuer) and the person's id there (subject)."""
    if not issuer or not subject:
        raise WorkbookError("The sign-in did not say who you are (no issuer or subject); sign in again.")
    return hashlib.sha256(f"{issuer}\n{subject}".encode()).hexdigest()


def describe_removed(counts: dict[str, int]) -> str:
    """'Removed 12 people, 30 logged contacts and 1 rating.' from rows removed per table."""
    parts = [plural(counts.get(table, 0), *_LABELS[table]) for table in _LABELS]
    return "Removed " + ", ".join(parts[:-1]) + f" and {parts[-1]}, with every note and setting."


class Accounts:
    """Where signed-in visitors' workbooks are kept."""

    kind = "abstract"

    def __init__(self) -> None:
        self._open: dict[str, Workbook] = {}
        self._lock = threading.Lock()

    def workbook(self, owner: str) -> Workbook:
        """The account's workbook (made empty on first use); the same object for every tab on this server."""
        with self._lock:
            book = self._open.get(owner)
            if book is None or book.closed:
                book = self._open[owner] = self._open_account(owner)
            return book

    def delete(self, owner: str) -> dict[str, int]:
        """Remove every row of the account; returns how many rows each table lost."""
        raise NotImplementedError

    def close(self) -> None:
        with self._lock:
            for book in self._open.values():
                book.close()
            self._open.clear()

    def _open_account(self, owner: str) -> Workbook:
        raise NotImplementedError


class FolderAccounts(Accounts):
    """One DuckDB file per account in a folder on a durable disk (one server)."""

    kind = "folder"

    def __init__(self, folder: str | Path) -> None:
        super().__init__()
        self.folder = Path(folder)

    def path_of(self, owner: str) -> Path:
        return self.folder / f"{owner}.duckdb"

    def _open_account(self, owner: str) -> Workbook:
        from services.workbooks import open_local_workbook

        return open_local_workbook(self.path_of(owner))

    def delete(self, owner: str) -> dict[str, int]:
        book = self.workbook(owner)
        counts = {table: len(rows) for table, (_, rows) in read_contents(book).items()}
        with self._lock:
            self._open.pop(owner, None)
        book.close()
        path = self.path_of(owner)
        ensure_not_open_elsewhere(path)
        for leftover in (path, Path(f"{path}.wal")):
            leftover.unlink(missing_ok=True)
        return counts


class DatabaseAccounts(Accounts):
    """Every account in one PostgreSQL database, shared by every app server."""

    kind = "database"

    def __init__(self, database) -> None:
        """``database``: a store.postgres.PostgresDatabase (or its URL)."""
        from store.postgres import PostgresDatabase

        super().__init__()
        self.database = PostgresDatabase(database) if isinstance(database, str) else database
        self._owns_database = isinstance(database, str)

    def _open_account(self, owner: str) -> Workbook:
        return self.database.workbook(owner)

    def delete(self, owner: str) -> dict[str, int]:
        with self._lock:
            self._open.pop(owner, None)
        return self.database.delete_account(owner)

    def close(self) -> None:
        super().close()
        if self._owns_database:
            self.database.close()


def open_accounts(database, user_dir: str | None) -> Accounts | None:
    """The accounts this deployment keeps: in the database if there is one, else in the folder, else none."""
    if database is not None:
        return DatabaseAccounts(database)
    if user_dir:
        return FolderAccounts(user_dir)
    return None


@dataclass(frozen=True)
class KeptWork:
    """What signing in kept of the anonymous visit."""

    copied: bool
    people: int

    def describe(self) -> str:
        if self.copied:
            return (
                f"Kept what you did before signing in: {plural(self.people, 'person', 'people')} and everything else."
            )
        return f"Added {plural(self.people, 'person', 'people')} you listed before signing in to your account."


def keep_anonymous_work(private: Workbook, account: Workbook) -> KeptWork:
    """Keep an anonymous visit's work in the account: all of it into an empty account, else its people."""
    if is_empty(account):
        counts = copy_workbook(private, account)
        return KeptWork(copied=True, people=counts["contacts"])
    return KeptWork(copied=False, people=_import_people(private, account))


def _import_people(source: Workbook, target: Workbook) -> int:
    """The source's people imported into the target (matched as an import matches: nobody twice)."""
    from core.import_result import ImportResult
    from store.backup import contacts_for_export
    from store.imports import import_contacts

    drafts = tuple(contacts_for_export(source))
    summary = import_contacts(target, ImportResult("workbook", drafts, tuple(range(1, len(drafts) + 1))))
    return summary.added


__all__ = [
    "Accounts",
    "is_empty",
    "DatabaseAccounts",
    "FolderAccounts",
    "KeptWork",
    "account_id",
    "describe_removed",
    "keep_anonymous_work",
    "open_accounts",
]
