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
    page.get_by_text("1 person; showing 1").wait_for()  # the list is drawn by the rerun the tab's click starts
    wait_until_idle(page)
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


@pytest.mark.parametrize("width", [1280, 390])
def test_two_people_added_in_a_row_each_get_what_was_chosen_for_them(server, browser, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, device_scale_factor=1)
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto(f"{server.url}/know_your_network")
    wait_until_idle(page)
    page.get_by_label("Name (required)").fill("María López")
    page.get_by_label("Company").first.fill("St Jude Hospital")
    page.get_by_text("Strong tie", exact=True).click()
    page.get_by_role("button", name="Add person").click()
    wait_until_idle(page)
    added = page.get_by_text("Added María López")
    assert added.is_visible()
    button = page.get_by_role("button", name="Add person").bounding_box()
    said = added.bounding_box()
    assert 0 < said["y"] - button["y"] < 120, "the confirmation is not next to the button pressed"
    page.get_by_label("Name (required)").fill("Kofi Boateng")
    page.get_by_role("button", name="Add person").click()
    wait_until_idle(page)
    assert page.get_by_text("Added Kofi Boateng").is_visible()
    page.get_by_label("Name (required)").fill("maria lopez")  # the same person, typed quickly
    page.get_by_role("button", name="Add person").click()
    wait_until_idle(page)
    assert page.get_by_text("María López at St Jude Hospital is already listed").is_visible()
    screenshot(page, f"know-your-network-twice-{width}")
    page.get_by_role("button", name="Open María López · St Jude Hospital").click()
    wait_until_idle(page)
    screenshot(page, f"know-your-network-open-existing-{width}")
    assert page.get_by_role("tab", name="Your list", selected=True).is_visible()
    assert page.get_by_label("Name", exact=True).input_value() == "María López"  # the editor holds her
    context.close()
    server.stop()  # release the file's lock before reading it from this process
    with duckdb.connect(str(server.workbook_path), read_only=True) as con:
        rows = con.execute("SELECT name, company, tie FROM contacts ORDER BY id").fetchall()
    assert rows == [("María López", "St Jude Hospital", "strong"), ("Kofi Boateng", "", "weak")]


@pytest.mark.parametrize("width", [1280, 390])
def test_the_growth_chart_title_is_not_under_a_legend(server_factory, browser, tmp_path, width):
    from core.model import ContactDraft
    from store import open_workbook
    from store.contacts import add_contact

    path = tmp_path / "grown.duckdb"
    book = open_workbook(path)
    for name, tie in (("Ana", "strong"), ("Bo", "weak"), ("Cy", "weak")):
        add_contact(book, ContactDraft(name=name, tie=tie, circle="friends"))
    book.close()
    with duckdb.connect(str(path)) as con:
        con.execute("UPDATE contacts SET created_at = created_at - INTERVAL 62 DAY WHERE name = 'Ana'")
    server = server_factory(path)
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto(f"{server.url}/know_your_network")
    wait_until_idle(page)
    from playwright.sync_api import expect

    charts = page.locator('[data-testid="stVegaLiteChart"]')
    expect(charts).to_have_count(2)
    charts.nth(1).scroll_into_view_if_needed()
    wait_until_idle(page)
    expect(charts.nth(1).get_by_text("How your list has grown")).to_be_visible()
    screenshot(page, f"know-your-network-growth-{width}")
    first, second = charts.nth(0).bounding_box(), charts.nth(1).bounding_box()
    context.close()
    assert first["y"] + first["height"] <= second["y"], "the circle chart (and its legend) runs into the growth chart"
