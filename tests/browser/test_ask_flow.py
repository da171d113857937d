"""Tip 3 in a real browser: catch up first, then compose an ask that is judged as you type, take a
rewrite with one click, save it (a flagged one only after "Send anyway"), find it in the workbook."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

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


def seeded(tmp_path, circle="online"):
    path = tmp_path / "ask-flow.duckdb"
    book = open_workbook(path)
    add_contact(book, ContactDraft(name="Sam Costa", circle=circle, company="Meridian Hospital"))
    add_target(book, "employer", "Meridian Hospital")
    save_pitch(book, "a data analyst role in a hospital", "finished a SQL course")
    book.close()
    return path


def write_message(page, text: str) -> None:
    box = page.get_by_label(re.compile("^Your message"))
    box.fill(text)
    box.press("Control+Enter")  # Streamlit applies a text area on Ctrl+Enter (or on leaving it)
    wait_until_idle(page)


def open_composer(page, server) -> None:
    page.goto(f"{server.url}/build_relationships")
    wait_until_idle(page)
    search = page.get_by_label("Who are you asking?")
    search.fill("Sam")
    search.press("Enter")
    wait_until_idle(page)


def saved_interactions(server):
    server.stop()  # release the file's lock before reading it from this process
    with duckdb.connect(str(server.workbook_path), read_only=True) as con:
        return con.execute("SELECT kind, request_kind, outcome, note FROM interactions ORDER BY id").fetchall()


def test_an_ask_is_composed_flagged_fixed_saved_and_found_in_the_log(server_factory, page, tmp_path):
    server = server_factory(seeded(tmp_path))
    open_composer(page, server)
    expect(page.get_by_label(re.compile("^Your message"))).to_have_value(re.compile("^Hi Sam,"), timeout=20_000)
    draft = page.get_by_label(re.compile("^Your message")).input_value()
    assert draft.startswith("Hi Sam,") and "Meridian Hospital" in draft

    write_message(page, JOB_ASK)
    # expect() waits for the rerun the edit triggers, however busy the machine is
    expect(page.get_by_text("Asks for a job outright", exact=True)).to_be_visible(timeout=20_000)
    screenshot(page, "ask-flow-flagged")

    write_message(page, FIXED)
    expect(page.get_by_text("No flags")).to_be_visible(timeout=20_000)
    expect(page.get_by_text("Asks for a job outright", exact=True)).to_have_count(0)

    page.get_by_role("button", name="Save and log this ask").click()
    wait_until_idle(page)
    expect(page.get_by_text("Saved: the ask is in your log")).to_be_visible(timeout=20_000)

    page.get_by_role("tab", name="Your asks").click()
    wait_until_idle(page)
    logged = f"{date.today():%d %b} · Sam Costa · Advice"
    # the newest ask comes first in the log, ready for its outcome
    expect(page.get_by_label("Ask", exact=True)).to_have_value(logged, timeout=20_000)
    screenshot(page, "ask-flow-logged")
    assert saved_interactions(server) == [("ask", "advice", "pending", FIXED)]


VAGUE = "Hi Sam, anything would do. I finished a SQL course."
REWRITTEN = (
    "Hi Sam, I'm aiming for Meridian Hospital. Do you know anyone there I could ask about how they hire? "
    "I finished a SQL course."
)


def verdict(page):
    return page.get_by_text(re.compile("^No flags|^Too generic"))


def test_an_old_colleague_is_caught_up_with_then_a_vague_ask_is_judged_while_typing_and_rewritten(
    server_factory, page, tmp_path
):
    server = server_factory(seeded(tmp_path, circle="former_jobs"))
    open_composer(page, server)
    # An old colleague (a weak tie): the catch-up comes alone, and the ask waits for it.
    expect(page.get_by_text("Step 1 of 2 · Catch up first.")).to_be_visible()
    expect(page.get_by_role("button", name="Save and log this ask")).to_have_count(0)
    screenshot(page, "ask-flow-catch-up")
    page.get_by_role("button", name="Log the catch-up").click()
    wait_until_idle(page)
    expect(page.get_by_text("Catch-up with Sam Costa logged")).to_be_visible()

    box = page.get_by_label(re.compile("^Your message"))
    expect(box).to_have_value(re.compile("good to catch up"))
    expect(page.get_by_text("No flags")).to_be_visible()
    box.click()
    page.keyboard.press("Control+A")
    page.keyboard.type(VAGUE, delay=15)
    # judged while the box still has the focus: no blur, no Ctrl+Enter
    expect(page.get_by_text("Too generic", exact=True)).to_be_visible()
    expect(page.get_by_text("No flags")).to_have_count(0)
    assert page.evaluate("document.activeElement.tagName") == "TEXTAREA"
    screenshot(page, "ask-flow-vague")

    page.get_by_role("button", name="Use this rewrite (too generic)").click()
    wait_until_idle(page)
    expect(box).to_have_value(REWRITTEN)
    expect(page.get_by_text("No flags")).to_be_visible()
    page.get_by_role("button", name="Save and log this ask").click()
    wait_until_idle(page)
    expect(page.get_by_text("Saved: the ask is in your log")).to_be_visible()
    assert saved_interactions(server) == [("catch_up", "", "", ""), ("ask", "advice", "pending", REWRITTEN)]


def test_a_flagged_ask_is_saved_only_after_send_anyway(server_factory, page, tmp_path):
    server = server_factory(seeded(tmp_path))
    hosts: set[str] = set()  # blob: and data: URLs (the box's inline script) name no host
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc or urlsplit(request.url).scheme))
    open_composer(page, server)
    box = page.get_by_label(re.compile("^Your message"))
    expect(box).to_have_value(re.compile("^Hi Sam,"))
    box.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("Hi Sam, any leads at Meridian Hospital? I'm not picky.", delay=10)
    expect(page.get_by_text("Too generic", exact=True)).to_be_visible()
    page.get_by_role("button", name="Save and log this ask").click()
    wait_until_idle(page)
    expect(page.get_by_text("Send anyway?")).to_be_visible()
    screenshot(page, "ask-flow-send-anyway")
    page.get_by_role("button", name="Send anyway").click()
    wait_until_idle(page)
    expect(page.get_by_text("Saved: the ask is in your log")).to_be_visible()
    assert hosts - {"blob", "data"} == {urlsplit(server.url).netloc}  # nothing from another host
    assert saved_interactions(server) == [
        ("ask", "advice", "pending", "Hi Sam, any leads at Meridian Hospital? I'm not picky.")
    ]


@pytest.mark.parametrize("path", ["reach_out", "build_relationships"])
def test_tips_two_and_three_fit_a_phone_sized_window(server_factory, browser, tmp_path, path):
    server = server_factory(seeded(tmp_path))
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    phone = context.new_page()
    phone.set_default_timeout(20_000)
    phone.goto(f"{server.url}/{path}")
    wait_until_idle(phone)
    if path == "build_relationships":  # the composer open, with a flagged ask in its box
        open_composer(phone, server)
        box = phone.get_by_label(re.compile("^Your message"))
        expect(box).to_have_value(re.compile("^Hi Sam,"))
        box.click()
        phone.keyboard.press("Control+A")
        phone.keyboard.type(VAGUE, delay=10)
        expect(phone.get_by_text("Too generic", exact=True)).to_be_visible()
    width = phone.evaluate("document.documentElement.scrollWidth")
    screenshot(phone, f"{path}-phone")
    context.close()
    assert width <= 390, f"the page scrolls sideways on a phone ({width}px wide)"
