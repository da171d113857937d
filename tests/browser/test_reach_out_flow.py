"""Tip 2's outreach log in a real browser: log a contact, and the form stays put while parts of it come and go."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from core.model import ContactDraft
from store import open_workbook
from store.contacts import add_contact
from store.interactions import log_interaction
from tests.browser_support import choose, screenshot, wait_until_idle

pytestmark = pytest.mark.browser
WAIT = 20_000
BOXES = ("When", "How", "What", "Note (optional)")
LOG_TABLE = '[data-testid="stDataFrame"]'


def parts(page) -> dict[str, object]:
    """The form's boxes below the search, and the log below the form."""
    return {**{label: page.get_by_label(label, exact=True) for label in BOXES}, "the log": page.locator(LOG_TABLE)}


def mark(page) -> None:
    """Tag each part's element in the page, to tell afterwards whether the browser kept it or built a new one."""
    for part in parts(page).values():
        part.evaluate("element => { element.dataset.seen = 'before'; }")


def rebuilt(page) -> list[str]:
    """The parts that are new elements since they were marked."""
    return [name for name, part in parts(page).items() if part.evaluate("element => element.dataset.seen") != "before"]


def test_logging_a_contact_saves_it_and_leaves_the_form_in_place(server_factory, tmp_path, page):
    path = tmp_path / "workbook.duckdb"
    book = open_workbook(path)
    ana = add_contact(book, ContactDraft(name="Ana Costa", company="Meridian Hospital"))
    log_interaction(book, ana, date.today() - timedelta(days=30), "catch_up", channel="email", today=date.today())
    book.close()
    server = server_factory(path)
    page.goto(f"{server.url}/reach_out")
    wait_until_idle(page)
    page.get_by_role("tab", name="Outreach log").click()
    wait_until_idle(page)
    search = page.get_by_label("Who did you contact?", exact=True)
    search.fill("Ana")
    search.press("Enter")
    wait_until_idle(page)

    mark(page)
    choose(page, "What", "Ask")  # an ask's own two boxes come in above the note
    expect(page.get_by_label("Asked for", exact=True)).to_be_visible(timeout=WAIT)
    assert rebuilt(page) == [], "what follows an ask's own boxes was rebuilt when they came"
    choose(page, "What", "Catch-up")
    expect(page.get_by_label("Asked for", exact=True)).to_have_count(0)

    page.get_by_label("Note (optional)", exact=True).fill("Coffee near the hospital")
    page.get_by_role("button", name="Log it").click()
    wait_until_idle(page)
    expect(page.get_by_text("Logged a catch-up")).to_be_visible(timeout=WAIT)
    expect(search).to_have_value("")  # ready for the next person: the pick below the search is gone
    assert rebuilt(page) == [], "what follows the search was rebuilt when its pick went"
    screenshot(page, "outreach-log-after-a-log")

    server.stop()  # the app holds the file while it runs
    book = open_workbook(path)
    try:
        logged = book.read("SELECT i.kind, i.note, i.happened_on FROM interactions i ORDER BY i.id")
    finally:
        book.close()
    assert logged == [
        ("catch_up", "", date.today() - timedelta(days=30)),
        ("catch_up", "Coffee near the hospital", date.today()),
    ]
