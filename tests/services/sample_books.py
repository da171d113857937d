"""Workbooks for the use-case tests of home, the plan and the room: a demo copy, and a partly done one."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from core.model import RATING_QUESTIONS, ContactDraft
from store import Workbook, open_workbook
from store.contacts import add_contact
from store.interactions import log_interaction
from store.maintenance import set_key_contact
from store.outreach import add_target
from store.ratings import save_rating

TODAY = date.today()


@contextlib.contextmanager
def demo_copy(demo_path: Path, folder: Path) -> Iterator[Workbook]:
    """A copy of the 300-person demo workbook, open for writing, closed afterwards."""
    path = folder / "demo.duckdb"
    shutil.copy(demo_path, path)
    book = open_workbook(path)
    try:
        yield book
    finally:
        book.close()


def fill_partly_done(workbook: Workbook) -> Workbook:
    """Five circles listed, strong and weak ties (tip 1 done); a target, help unthanked, a stale rating and an
    overdue key contact: the old room rules counted tips 2, 3, 4 and 6 as done, home counts none of them."""
    ids = [
        add_contact(workbook, ContactDraft(name=f"Person {n}", circle=circle, tie="strong" if n == 0 else "weak"))
        for n, circle in enumerate(("family", "friends", "neighbours", "former_jobs", "school"))
    ]
    add_target(workbook, "employer", "Meridian Hospital")
    log_interaction(
        workbook, ids[0], TODAY - timedelta(days=30), "ask", outcome="helped", request_kind="advice", today=TODAY
    )
    save_rating(workbook, dict.fromkeys(RATING_QUESTIONS, True), TODAY - timedelta(days=120), today=TODAY)
    set_key_contact(workbook, ids[1], 14)
    log_interaction(workbook, ids[1], TODAY - timedelta(days=40), "catch_up", today=TODAY)
    return workbook
