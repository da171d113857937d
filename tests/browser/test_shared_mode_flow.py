"""Shared mode in the real server: strangers are isolated, and a dropped connection loses nothing."""

from __future__ import annotations

import time

import pytest

from tests.browser_support import add_person, people_listed, screenshot, wait_until_idle

pytestmark = pytest.mark.browser
SHARED = {"WORKBOOK_MODE": "shared"}


def test_two_strangers_on_one_server_never_see_each_others_people(server_factory, browser):
    server = server_factory(extra_env=SHARED)
    alice_context, bob_context = browser.new_context(), browser.new_context()
    alice, bob = alice_context.new_page(), bob_context.new_page()
    for visitor in (alice, bob):
        visitor.goto(f"{server.url}/know_your_network")
        wait_until_idle(visitor)
    add_person(alice, "Alice Only")
    bob.reload()
    wait_until_idle(bob)
    assert people_listed(alice) == "1"
    assert people_listed(bob) == "0"
    assert bob.get_by_text("Alice Only").count() == 0
    assert not server.workbook_path.exists(), "shared mode wrote a workbook file on the server"
    screenshot(alice, "shared-mode-alice")
    alice_context.close()
    bob_context.close()


def test_a_dropped_connection_comes_back_to_the_same_workbook(server_factory, browser):
    server = server_factory(extra_env=SHARED)
    context = browser.new_context(viewport={"width": 390, "height": 844})
    phone = context.new_page()
    phone.goto(f"{server.url}/know_your_network")
    wait_until_idle(phone)
    add_person(phone, "Kept Through The Tunnel")
    address = phone.url
    assert "?" not in address  # the key to the workbook is never in the address
    context.set_offline(True)
    phone.wait_for_timeout(3000)
    context.set_offline(False)
    phone.reload()  # the phone comes back: a new connection, a new Streamlit session
    wait_until_idle(phone)
    assert people_listed(phone) == "1"
    screenshot(phone, "shared-mode-phone-after-reconnect")
    context.close()


def test_a_copied_address_opened_in_another_browser_opens_nothing_of_the_first(server_factory, browser):
    server = server_factory(extra_env=SHARED)
    owner = browser.new_context().new_page()
    owner.goto(f"{server.url}/know_your_network")
    wait_until_idle(owner)
    add_person(owner, "Not For Copiers")
    copier = browser.new_context().new_page()
    copier.goto(owner.url)
    wait_until_idle(copier)
    assert people_listed(copier) == "0" and copier.get_by_text("Not For Copiers").count() == 0
    owner.reload()
    wait_until_idle(owner)
    assert people_listed(owner) == "1"
    owner.context.close()
    copier.context.close()


def test_a_quiet_visitors_workbook_is_released_after_the_grace_period(server_factory, browser):
    server = server_factory(extra_env={**SHARED, "WORKBOOK_GRACE_SECONDS": "8"})
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{server.url}/know_your_network")
    wait_until_idle(page)
    add_person(page, "Soon Forgotten")
    context.set_offline(True)  # the visitor goes quiet (no heartbeat), with nobody else visiting
    time.sleep(12)
    context.set_offline(False)
    page.reload()
    wait_until_idle(page)
    assert people_listed(page) == "0"
    page.get_by_text("wiped", exact=False).first.wait_for()  # and the page says why
    context.close()
