"""A tab left open learns of a save made in another tab, without a click, and shows it."""

from __future__ import annotations

import pytest

from tests.browser_support import people_listed, wait_until_idle
from ui.session import WATCH_SECONDS

pytestmark = pytest.mark.browser


def test_an_idle_tab_shows_a_person_another_tab_saved(server, browser):
    context = browser.new_context()
    idle, busy = context.new_page(), context.new_page()
    for tab in (idle, busy):
        tab.goto(f"{server.url}/know_your_network")
        wait_until_idle(tab)
    busy.get_by_label("Name (required)").fill("Saved Elsewhere")
    busy.get_by_role("button", name="Add person").click()
    wait_until_idle(busy)
    assert people_listed(busy) == "1"
    idle.wait_for_function(
        """() => document.querySelector('[data-testid="stMetricValue"]')?.innerText.trim() === "1\"""",
        timeout=(WATCH_SECONDS * 3) * 1000,
    )
    context.close()
