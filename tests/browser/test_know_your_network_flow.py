"""A person added through the real page, in a real browser, is listed and is in the file."""

from __future__ import annotations

import duckdb
import pytest

from tests.browser_support import screenshot, wait_until_idle

pytestmark = pytest.mark.browser


def test_a_person_added_in_the_browser_is_listed_and_saved_in_the_file(server, page):
    page.goto(f"{server.url}/know_your_network")
    wait_until_idle(page)
    page.get_by_label("Name (required)").fill("Siobhán O'Connor")
    page.get_by_label("Company").first.fill("Meridian Hospital")
    page.get_by_role("button", name="Add person").click()
    wait_until_idle(page)
    assert page.get_by_text("Added Siobhán O'Connor").is_visible()
    page.get_by_role("tab", name="Your list").click()
    wait_until_idle(page)
    assert page.get_by_text("1 person; showing 1").is_visible()
    screenshot(page, "know-your-network-added")
    server.stop()  # release the file's lock before reading it from this process
    with duckdb.connect(str(server.workbook_path), read_only=True) as con:
        rows = con.execute("SELECT name, company, circle FROM contacts").fetchall()
    assert rows == [("Siobhán O'Connor", "Meridian Hospital", "family")]


def test_the_page_fits_a_phone_sized_window(server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    phone = context.new_page()
    phone.goto(f"{server.url}/know_your_network")
    wait_until_idle(phone)
    width = phone.evaluate("document.documentElement.scrollWidth")
    screenshot(phone, "know-your-network-phone")
    context.close()
    assert width <= 390, f"the page scrolls sideways on a phone ({width}px wide)"
