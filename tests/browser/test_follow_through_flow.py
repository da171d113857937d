"""The follow-through loop in a real browser, from an empty workbook: ten people (one strong), a target,
an ask, marked helped, thanked, told how it went; home shows the loop closed and the file holds both steps."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from store import open_workbook
from tests.browser_support import screenshot, wait_until_idle

pytestmark = pytest.mark.browser
PEOPLE = [
    "Sam Costa",
    "Ana Lima",
    "Bo Chen",
    "Cy Diaz",
    "Dee Park",
    "Eli Stone",
    "Fay Wong",
    "Gus Hall",
    "Hana Mori",
    "Ivo Kral",
]
WAIT = 20_000


def click(page, name: str, **options) -> None:
    page.get_by_role("button", name=name, **options).click()
    wait_until_idle(page)


def add_people(page) -> None:
    for n, name in enumerate(PEOPLE):
        page.get_by_label("Name (required)").fill(name)
        page.get_by_text("Strong tie" if n == 0 else "Weak tie", exact=True).click()
        click(page, "Add person")
        expect(page.get_by_text(f"Added {name}")).to_be_visible(timeout=WAIT)


def test_an_ask_that_helped_is_thanked_and_reported_and_home_shows_the_loop_closed(server, page, browser):
    page.goto(server.url)
    wait_until_idle(page)
    expect(page.get_by_text("No actions yet")).to_be_visible(timeout=WAIT)

    page.goto(f"{server.url}/know_your_network")
    wait_until_idle(page)
    add_people(page)

    page.goto(f"{server.url}/reach_out")
    wait_until_idle(page)
    page.get_by_label("Target", exact=True).fill("Data analyst at Meridian Hospital")
    click(page, "Add target")

    page.goto(f"{server.url}/build_relationships")
    wait_until_idle(page)
    search = page.get_by_label("Who are you asking?")
    search.fill("Sam")
    search.press("Enter")
    wait_until_idle(page)
    page.get_by_role("button", name="Log the catch-up").click()  # Sam is a friend: catch up first, then ask
    wait_until_idle(page)
    expect(page.get_by_label(re.compile("^Your message"))).to_have_value(re.compile("^Hi Sam"), timeout=WAIT)
    click(page, "Save and log this ask")
    expect(page.get_by_text("Saved: the ask is in your log")).to_be_visible(timeout=WAIT)

    page.get_by_role("tab", name="Your asks").click()
    wait_until_idle(page)
    box = page.get_by_role("combobox", name="Outcome", exact=True)
    box.click()
    page.get_by_role("option", name="Helped", exact=True).click()
    wait_until_idle(page)
    click(page, "Save outcome")
    expect(page.get_by_text("Outcome saved.")).to_be_visible(timeout=WAIT)

    page.get_by_role("tab", name="Thank and report back").click()
    wait_until_idle(page)
    panel = page.get_by_role("tabpanel", name="Thank and report back")
    expect(panel.get_by_text("not yet thanked, nor told how it went")).to_be_visible(timeout=WAIT)
    chart = panel.locator('[data-testid="stVegaLiteChart"]').first
    expect(chart).to_be_visible(timeout=WAIT)
    page.wait_for_timeout(500)  # let Vega lay the chart out
    assert chart.bounding_box()["height"] > 200, "the loops chart drew without room for its lines"
    screenshot(page, "follow-through-tip3-open")
    panel.get_by_role("button", name="Sent thanks").click()
    wait_until_idle(page)
    expect(page.get_by_text("Logged your thank-you to Sam Costa")).to_be_visible(timeout=WAIT)

    page.goto(server.url)  # the report-back, from home's next actions
    wait_until_idle(page)
    expect(page.get_by_text("thanked; not yet told how it went")).to_be_visible(timeout=WAIT)
    screenshot(page, "follow-through-home-open")
    click(page, "Told them how it went")
    page.get_by_text("Got an interview", exact=True).click()
    wait_until_idle(page)
    note = page.get_by_label("A short note (optional)")
    note.fill("Interview with the data team on Friday")
    note.press("Enter")
    wait_until_idle(page)
    click(page, "Save the report")
    expect(page.get_by_text("the loop is closed")).to_be_visible(timeout=WAIT)
    expect(page.get_by_text("Every helper thanked and told how it went: 1 of 1 loop closed.")).to_be_visible(
        timeout=WAIT
    )
    screenshot(page, "follow-through-home-closed")

    phone = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2).new_page()
    phone.goto(server.url)
    wait_until_idle(phone)
    expect(phone.get_by_text("1 of 1 loop closed")).to_be_visible(timeout=WAIT)
    width = phone.evaluate("document.documentElement.scrollWidth")
    screenshot(phone, "follow-through-home-phone")
    phone.goto(f"{server.url}/build_relationships")
    wait_until_idle(phone)
    phone.get_by_role("tab", name="Thank and report back").click()
    wait_until_idle(phone)
    screenshot(phone, "follow-through-tip3-phone")
    phone.context.close()
    assert width <= 390, f"home scrolls sideways on a phone ({width}px wide)"

    server.stop()  # release the file's lock before opening it with the store
    book = open_workbook(server.workbook_path)
    try:
        [(ask_id,)] = book.read("SELECT id FROM interactions WHERE kind = 'ask' AND outcome = 'helped'")
        steps = book.read("SELECT kind, help_id, outcome, note FROM interactions WHERE help_id IS NOT NULL ORDER BY id")
        tie = book.read("SELECT tie, count(*) FROM contacts GROUP BY tie ORDER BY tie")
    finally:
        book.close()
    assert steps == [
        ("thank_you", ask_id, "", ""),
        ("update", ask_id, "interview", "Interview with the data team on Friday"),
    ]
    assert tie == [("strong", 1), ("weak", 9)]
