"""Home's week and tip 4's upgrade plan in a real browser, at desktop and phone width."""

from __future__ import annotations

from datetime import date, timedelta

import duckdb
import pytest
from playwright.sync_api import expect

from core.model import RATING_QUESTIONS, ContactDraft
from store import open_workbook
from store.contacts import add_contact
from store.goals import add_goal, link_contacts
from store.interactions import log_interaction
from store.maintenance import set_key_contact
from store.outreach import log_outreach
from tests.browser_support import screenshot, wait_until_idle

pytestmark = pytest.mark.browser


def shoot_at(page, heading: str, name: str) -> None:
    """Streamlit scrolls inside its own container: bring the part into view, then keep the picture."""
    part = page.get_by_test_id("stVegaLiteChart") if heading == "chart" else page.get_by_role("heading", name=heading)
    part.first.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    screenshot(page, name)


def choose(page, label: str, option: str) -> None:
    """Pick from a selectbox by typing, as a person on a keyboard would (a redraw cannot close a typed choice)."""
    box = page.get_by_role("combobox", name=label, exact=True)
    box.click()
    box.press_sequentially(option[:6])
    page.get_by_role("option", name=option).click()


def phone_width(browser, url: str, heading: str | None, name: str, tab: str | None = None) -> int:
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    phone = context.new_page()
    phone.set_default_timeout(20_000)
    phone.goto(url)
    wait_until_idle(phone)
    if tab:
        phone.get_by_role("tab", name=tab, exact=True).click()
        wait_until_idle(phone)
    width = phone.evaluate("document.documentElement.scrollWidth")
    if heading:
        shoot_at(phone, heading, name)
    else:
        screenshot(phone, name)
    context.close()
    return width


def test_home_shows_this_week_and_keeps_the_goal_set(server, page, browser):
    page.goto(server.url)
    wait_until_idle(page)
    expect(page.get_by_role("heading", name="This week (from")).to_be_visible()
    expect(page.get_by_text("Your goal: 3 new people and 1 informational interview a week")).to_be_visible()
    expect(page.get_by_text("Nothing logged in the last 8 weeks yet")).to_be_visible()
    page.get_by_label("New people a week").fill("2")
    page.get_by_label("Informational interviews a week").fill("1")
    page.get_by_role("button", name="Save my goal").click()
    wait_until_idle(page)
    expect(page.get_by_text("Weekly goal saved: 2 new people and 1 informational interview a week.")).to_be_visible()
    expect(page.get_by_text("Your goal: 2 new people and 1 informational interview a week")).to_be_visible()
    shoot_at(page, "This week (from", "home-this-week")
    assert phone_width(browser, server.url, "This week (from", "home-this-week-phone") <= 390
    server.stop()
    with duckdb.connect(str(server.workbook_path), read_only=True) as con:
        rows = con.execute("SELECT key, value FROM settings WHERE key LIKE 'weekly_goal.%' ORDER BY key").fetchall()
    assert rows == [("weekly_goal.interviews", "1"), ("weekly_goal.new_people", "2")]


def test_a_low_score_shows_the_upgrade_plan_and_a_place_gets_its_status(server_factory, tmp_path, page, browser):
    path = tmp_path / "network.duckdb"
    book = open_workbook(path)
    today = date.today()
    boss = add_contact(book, ContactDraft(name="Old boss", circle="former_jobs"))
    mate = add_contact(book, ContactDraft(name="Classmate", circle="school"))
    add_contact(book, ContactDraft(name="Neighbour", circle="neighbours"))
    guild = add_goal(book, "association", "Health Data Guild")
    add_goal(book, "conference", "PyData London")
    link_contacts(book, guild, [mate])
    log_interaction(book, boss, today - timedelta(days=500), "catch_up", today=today)
    book.close()
    server = server_factory(path)
    page.goto(f"{server.url}/rate_your_network")
    wait_until_idle(page)
    for key in RATING_QUESTIONS:
        choice = "No" if key in ("future", "vibrant") else "Yes"
        page.get_by_role("radiogroup", name=RATING_QUESTIONS[key]).get_by_text(choice, exact=True).click()
    page.get_by_role("button", name="Save my rating").click()
    wait_until_idle(page)
    page.get_by_role("tab", name="Upgrade plan", exact=True).click()
    wait_until_idle(page)
    expect(page.get_by_text("Places nobody is linked to (1 of 2):")).to_be_visible()
    expect(page.get_by_text("Find someone who belongs to “PyData London”")).to_be_visible()
    choose(page, "Place", "PyData London (not yet)")
    page.get_by_role("radiogroup", name="Where you stand").get_by_text("Attended", exact=True).click()
    page.get_by_role("button", name="Save where I stand").click()
    wait_until_idle(page)
    expect(page.get_by_text("Saved: attended.")).to_be_visible()
    screenshot(page, "rate-your-network-upgrade")
    url = f"{server.url}/rate_your_network"
    assert phone_width(browser, url, None, "rate-your-network-upgrade-phone", tab="Upgrade plan") <= 390
    server.stop()
    with duckdb.connect(str(path), read_only=True) as con:
        rows = con.execute("SELECT title, status FROM goals ORDER BY id").fetchall()
    assert rows == [("Health Data Guild", ""), ("PyData London", "attended")]


def test_a_week_with_work_done_shows_who_is_due_thanks_owed_and_the_goal_met(server_factory, tmp_path, page, browser):
    path = tmp_path / "week.duckdb"
    book = open_workbook(path)
    today = date.today()
    people = [add_contact(book, ContactDraft(name=n)) for n in ("Ana Costa", "Bo Li", "Cy Diaz", "Dee Okafor")]
    set_key_contact(book, people[0], 30)
    log_interaction(book, people[0], today - timedelta(days=40), "catch_up", today=today)
    log_outreach(book, people[1], today, "ask", channel="call", request_kind="advice", outcome="helped", today=today)
    book.close()
    server = server_factory(path)
    page.goto(server.url)
    wait_until_idle(page)
    expect(page.get_by_text("Key contacts due: 1")).to_be_visible()
    expect(page.get_by_text("Thanks and reports owed: 1")).to_be_visible()
    expect(page.get_by_text("So far 4 new people of 3 and 1 informational interview of 1.")).to_be_visible()
    expect(page.get_by_text("Goal met")).to_be_visible()
    shoot_at(page, "chart", "home-week-with-work")
    assert phone_width(browser, server.url, "chart", "home-week-with-work-phone") <= 390
