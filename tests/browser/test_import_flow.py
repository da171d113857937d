"""A LinkedIn export uploaded in a real browser is previewed, confirmed, and its people are listed."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tests.browser_support import screenshot, wait_until_idle

pytestmark = pytest.mark.browser
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "import"


def test_a_linkedin_file_uploaded_and_confirmed_shows_its_people_in_the_list(server, page):
    page.goto(f"{server.url}/import_export")
    wait_until_idle(page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').first.set_input_files(
        str(FIXTURES / "linkedin_connections.csv")
    )
    wait_until_idle(page)
    assert page.get_by_text("5 people", exact=False).first.is_visible()
    screenshot(page, "import-preview")
    page.get_by_text("Import the 5 people above and skip the 1 row listed").click()
    wait_until_idle(page)
    page.get_by_role("button", name="Import 5 people").click()
    wait_until_idle(page)
    assert page.get_by_text("Added 5, updated 0", exact=False).is_visible()
    screenshot(page, "import-summary")

    page.goto(f"{server.url}/know_your_network")
    wait_until_idle(page)
    page.get_by_role("tab", name="Your list").click()
    page.get_by_text("5 people; showing 5").wait_for()  # the list is drawn by the rerun the tab's click starts
    wait_until_idle(page)
    screenshot(page, "import-people-listed")
    server.stop()
    with duckdb.connect(str(server.workbook_path), read_only=True) as con:
        names = sorted(r[0] for r in con.execute("SELECT name FROM contacts").fetchall())
    assert names == sorted(["Bill Smith", "José Núñez", "Seán O'Brien", "太郎 山田", "Дмитрий Иванов"])


def test_the_import_page_fits_a_phone_sized_window(server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    phone = context.new_page()
    phone.set_default_timeout(20_000)
    phone.goto(f"{server.url}/import_export")
    wait_until_idle(phone)
    phone.locator('[data-testid="stFileUploaderDropzoneInput"]').first.set_input_files(
        str(FIXTURES / "google_contacts.csv")
    )
    wait_until_idle(phone)
    width = phone.evaluate("document.documentElement.scrollWidth")
    screenshot(phone, "import-preview-phone")
    context.close()
    assert width <= 390, f"the page scrolls sideways on a phone ({width}px wide)"
