"""Tip 6 in a real browser: mark a key contact, log a meeting, watch them drop, download the calendar."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import vobject
from playwright.sync_api import expect

from core.model import ContactDraft
from store import open_workbook
from store.contacts import add_contact
from store.interactions import log_interaction
from store.maintenance import set_key_contact
from tests.browser_support import choose, screenshot, wait_until_idle

pytestmark = pytest.mark.browser
TODAY = date.today()


def prepare(path) -> None:
    """Ana last spoke to you 60 days ago; Bo, already a key contact every 2 weeks, 30 days ago."""
    book = open_workbook(path)
    ana = add_contact(book, ContactDraft(name="Ana Costa", company="Meridian Hospital"))
    bo = add_contact(book, ContactDraft(name="Bo Chen"))
    set_key_contact(book, bo, 14)
    log_interaction(book, ana, TODAY - timedelta(days=60), "catch_up", today=TODAY)
    log_interaction(book, bo, TODAY - timedelta(days=30), "catch_up", today=TODAY)
    book.close()


def open_tab(page, name: str) -> None:
    page.get_by_role("tab", name=name).click()
    wait_until_idle(page)


def search_cards(page, url: str, query: str) -> None:
    """Open tip 6 at its card tab and search for ``query``: the first match's card opens."""
    page.goto(f"{url}/maintain_your_network")
    wait_until_idle(page)
    open_tab(page, "A person's card")
    page.get_by_label("Find a person").fill(query)
    page.keyboard.press("Enter")
    wait_until_idle(page)


def ranked_names(page) -> list[str]:
    """The names in the 'who to contact next' list, in order."""
    panel = page.get_by_role("tabpanel", name="Who to contact next")
    texts = panel.get_by_role("listitem").locator("strong").all_inner_texts()
    return [t.split(". ", 1)[1] for t in texts if ". " in t]


def test_a_key_contact_marked_and_met_drops_down_the_list_and_the_calendar_downloads(server_factory, page, tmp_path):
    path = tmp_path / "maintain.duckdb"
    prepare(path)
    server = server_factory(path)
    search_cards(page, server.url, "Ana")
    open_tab(page, "Key contact and notes")  # a card opens on logging a contact
    page.get_by_text("A key contact: someone crucial to my network").click()
    wait_until_idle(page)
    choose(page, "How often to be in touch", "Every 2 weeks")
    assert page.get_by_text("Unsaved changes: key contact, how often.").is_visible()
    page.get_by_role("button", name="Save the card").click()
    wait_until_idle(page)
    assert page.get_by_text("Saved Ana Costa's card (key contact, how often).").is_visible()

    open_tab(page, "Who to contact next")
    assert ranked_names(page)[:2] == ["Ana Costa", "Bo Chen"]
    screenshot(page, "maintain-flow-before")

    open_tab(page, "A person's card")
    assert page.get_by_role("tab", name="Log a contact").get_attribute("aria-selected") == "true"
    choose(page, "How", "In person")
    page.get_by_role("button", name="Log it").click()
    wait_until_idle(page)
    assert page.get_by_text("Logged: catch-up with Ana Costa.").is_visible()

    open_tab(page, "Who to contact next")
    assert ranked_names(page)[:2] == ["Bo Chen", "Ana Costa"]
    screenshot(page, "maintain-flow-after")

    open_tab(page, "Weekly schedule")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the calendar (.ics)").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    calendar = vobject.readOne(saved.read_text(encoding="utf-8"))
    events = {e.summary.value: e for e in calendar.vevent_list}
    assert saved.name == "networking-schedule.ics"
    assert events["Keep in touch with Ana Costa (every 2 weeks)"].rrule.value == "FREQ=WEEKLY;INTERVAL=2"
    assert events["Keep in touch with Bo Chen (every 2 weeks)"].dtstart.value == TODAY
    screenshot(page, "maintain-flow-schedule")

    open_tab(page, "Who to contact next")
    page.get_by_role("button", name="Open card").first.click()
    wait_until_idle(page)
    expect(page.get_by_role("tab", name="A person's card")).to_have_attribute("aria-selected", "true")
    assert page.get_by_role("heading", name="Bo Chen").is_visible()
    screenshot(page, "maintain-flow-card")


@pytest.mark.parametrize("url_path", ["/", "/maintain_your_network"])
def test_home_and_tip_six_fit_a_phone_sized_window(server_factory, browser, tmp_path, url_path):
    path = tmp_path / "phone.duckdb"
    prepare(path)
    server = server_factory(path)
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    phone = context.new_page()
    phone.goto(f"{server.url}{url_path}")
    wait_until_idle(phone)
    phone.get_by_role("button", name="Got in touch today").first.wait_for()
    wait_until_idle(phone)
    width = phone.evaluate("document.documentElement.scrollWidth")
    screenshot(phone, {"/": "home-phone-flow", "/maintain_your_network": "maintain-phone-flow"}[url_path])
    context.close()
    assert width <= 390, f"{url_path} scrolls sideways on a phone ({width}px wide)"


def test_two_namesakes_at_one_company_each_keep_their_own_card(server_factory, page, tmp_path):
    """Streamlit sends back the label picked: alike labels once switched the card to the other Rosa mid-typing."""
    path = tmp_path / "namesakes.duckdb"
    book = open_workbook(path)
    first, second = (
        add_contact(book, ContactDraft(name="Rosa Ivanova", company="Harbor City Council", email=email))
        for email in ("rosa.i@example.org", "rivanova@example.org")
    )
    book.close()
    server = server_factory(path)
    search_cards(page, server.url, "Rosa Ivanova")
    open_tab(page, "Key contact and notes")

    job = page.get_by_label("Job", exact=True)
    job.fill("Moving to the data team")
    job.press("Tab")  # leaving the box sends it
    wait_until_idle(page)
    assert page.get_by_text("Unsaved changes: job.").is_visible()
    page.get_by_role("button", name="Save the card").click()
    wait_until_idle(page)

    choose(page, "Person", "Rosa Ivanova · Harbor City Council · rivanova@example.org")
    job.fill("Hiring an analyst in spring")
    job.press("Tab")
    wait_until_idle(page)
    page.get_by_role("button", name="Save the card").click()
    wait_until_idle(page)
    screenshot(page, "maintain-namesakes")

    server.stop()  # the app holds the file while it runs
    book = open_workbook(path)
    try:
        notes = dict(book.read("SELECT id, job_notes FROM contacts"))
    finally:
        book.close()
    assert notes == {first: "Moving to the data team", second: "Hiring an analyst in spring"}


def test_the_list_shows_a_name_as_typed_and_answers_the_keyboard(server_factory, page, tmp_path):
    """Tip 6's list is one custom element (ui/action_list.py): its text is set as text, its buttons are buttons."""
    path = tmp_path / "keyboard.duckdb"
    typed = "<b>Zed</b> *Okafor* [site](http://example.org)"
    book = open_workbook(path)
    zed = add_contact(book, ContactDraft(name=typed))
    set_key_contact(book, zed, 14)  # never contacted: first on the list
    book.close()
    server = server_factory(path)
    page.goto(f"{server.url}/maintain_your_network")
    wait_until_idle(page)
    row = page.get_by_role("tabpanel", name="Who to contact next").get_by_role("listitem").first
    expect(row.locator("strong")).to_have_text(f"1. {typed}")
    assert row.locator("b, a, em").count() == 0  # nothing in the name was read as markup
    done = row.get_by_role("button", name="Got in touch today")
    done.focus()
    page.keyboard.press("Enter")
    wait_until_idle(page)
    expect(page.get_by_text(f"Logged a catch-up with {typed} today")).to_be_visible()
    rested = page.get_by_role("tabpanel", name="Who to contact next").get_by_role("listitem").first
    expect(rested.get_by_role("button", name="Got in touch today")).to_be_disabled()
    server.stop()  # release the file's lock before reading it
    book = open_workbook(path)
    try:
        assert book.read("SELECT last_contacted_on FROM contacts") == [(TODAY,)]
    finally:
        book.close()
