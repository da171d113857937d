"""Tip 3 in a real browser: compose an ask, see a flag, fix the phrase, save it, find it in the log."""

from __future__ import annotations

import re
from datetime import date

import duckdb
import pytest
from playwright.sync_api import expect

from core.model import ContactDraft
from store import open_workbook
from store.contacts import add_contact
from store.outreach import add_target, save_pitch
from tests.browser_support import screenshot, wait_until_idle

pytestmark = pytest.mark.browser

JOB_ASK = "Hi Sam, do you have any openings for me at Meridian Hospital?"
FIXED = "Hi Sam, could you tell me how Meridian Hospital's data team hires, and who I should talk to?"


def seeded(tmp_path):
    path = tmp_path / "ask-flow.duckdb"
    book = open_workbook(path)
    add_contact(book, ContactDraft(name="Sam Costa", circle="former_jobs", company="Meridian Hospital"))
    add_target(book, "employer", "Meridian Hospital")
    save_pitch(book, "a data analyst role in a hospital", "finished a SQL course")
    book.close()
    return path


def write_message(page, text: str) -> None:
    box = page.get_by_label(re.compile("^Your message"))
    box.fill(text)
    box.press("Control+Enter")  # Streamlit applies a text area on Ctrl+Enter (or on leaving it)
    wait_until_idle(page)


def test_an_ask_is_composed_flagged_fixed_saved_and_found_in_the_log(server_factory, page, tmp_path):
    server = server_factory(seeded(tmp_path))
    page.goto(f"{server.url}/build_relationships")
    wait_until_idle(page)
    search = page.get_by_label("Who are you asking?")
    search.fill("Sam")
    search.press("Enter")
    wait_until_idle(page)
    expect(page.get_by_label(re.compile("^Your message"))).to_have_value(re.compile("^Hi Sam,"), timeout=20_000)
    draft = page.get_by_label(re.compile("^Your message")).input_value()
    assert draft.startswith("Hi Sam,") and "Meridian Hospital" in draft

    write_message(page, JOB_ASK)
    # expect() waits for the rerun the edit triggers, however busy the machine is
    expect(page.get_by_text("Asks for a job outright")).to_be_visible(timeout=20_000)
    screenshot(page, "ask-flow-flagged")

    write_message(page, FIXED)
    expect(page.get_by_text("No flags")).to_be_visible(timeout=20_000)
    expect(page.get_by_text("Asks for a job outright")).to_have_count(0)

    page.get_by_role("button", name="Save and log this ask").click()
    wait_until_idle(page)
    expect(page.get_by_text("Saved: the ask is in your log")).to_be_visible(timeout=20_000)

    page.get_by_role("tab", name="Your asks").click()
    wait_until_idle(page)
    logged = f"{date.today():%d %b} · Sam Costa · Advice"
    # the newest ask comes first in the log, ready for its outcome
    expect(page.get_by_label("Ask", exact=True)).to_have_value(logged, timeout=20_000)
    screenshot(page, "ask-flow-logged")
    screenshot(page, "ask-flow-logged")

    server.stop()  # release the file's lock before reading it from this process
    with duckdb.connect(str(server.workbook_path), read_only=True) as con:
        rows = con.execute("SELECT kind, request_kind, outcome, note FROM interactions").fetchall()
    assert rows == [("ask", "advice", "pending", FIXED)]


@pytest.mark.parametrize("path", ["reach_out", "build_relationships"])
def test_tips_two_and_three_fit_a_phone_sized_window(server_factory, browser, tmp_path, path):
    server = server_factory(seeded(tmp_path))
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    phone = context.new_page()
    phone.goto(f"{server.url}/{path}")
    wait_until_idle(phone)
    width = phone.evaluate("document.documentElement.scrollWidth")
    screenshot(phone, f"{path}-phone")
    context.close()
    assert width <= 390, f"the page scrolls sideways on a phone ({width}px wide)"
