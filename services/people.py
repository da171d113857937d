"""Tip 1's use cases: the people you know, found, added, edited, trashed and restored."""

from __future__ import annotations

from core.model import Contact
from services.workbooks import Workbook
from store import contacts


def search_people(workbook: Workbook, query: str, limit: int = 20) -> tuple[list[Contact], int]:
    """Up to ``limit`` live people whose name, company, role or email contains ``query``, and how many match."""
    return contacts.search_contacts(workbook, query, limit=limit)
