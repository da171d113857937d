"""Taking tip 4's quiz in a real browser shows the score, its band and an action for each no."""

from __future__ import annotations

import duckdb
import pytest
from playwright.sync_api import expect

from core.model import RATING_QUESTIONS
from tests.browser_support import screenshot, wait_until_idle

pytestmark = pytest.mark.browser
ANSWERS = {"truth": "Yes", "challenge": "No", "vibrant": "Yes", "future": "No", "strong_links": "Yes"}


def answer(page, question: str, choice: str) -> None:
    page.get_by_role("radiogroup", name=question).get_by_text(choice, exact=True).click()


def test_taking_the_quiz_shows_the_score_band_and_what_to_do(server, page):
    page.goto(f"{server.url}/rate_your_network")
    wait_until_idle(page)
    expect(page.get_by_role("tab", name="Take the rating", selected=True)).to_be_visible()
    for key, choice in ANSWERS.items():
        answer(page, RATING_QUESTIONS[key], choice)
    page.get_by_label("Strengths").fill("Former colleagues who vouch for me")
    page.get_by_role("button", name="Save my rating").click()
    wait_until_idle(page)
    expect(page.get_by_text("Rating saved: 3 of 5, needs enhancing.")).to_be_visible()
    expect(page.get_by_role("tab", name="Your result", selected=True)).to_be_visible()  # the save shows it
    expect(page.get_by_test_id("stMetricValue").first).to_have_text("3 of 5")
    expect(page.get_by_test_id("stAlertContentWarning").get_by_text("Needs enhancing.")).to_be_visible()
    expect(page.get_by_role("link", name="Tip 5: Strong and weak ties", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Tip 5: Strong and weak ties: where you want to go")).to_be_visible()
    screenshot(page, "rate-your-network-result")
    page.get_by_role("link", name="Tip 5: Strong and weak ties: where you want to go").click()
    wait_until_idle(page)
    expect(page.get_by_role("tab", name="Where you want to go", selected=True)).to_be_visible()
    expect(page.get_by_text("No destinations yet")).to_be_visible()
    server.stop()  # release the file's lock before reading it from this process
    with duckdb.connect(str(server.workbook_path), read_only=True) as con:
        rows = con.execute("SELECT score, challenge, future, strengths FROM ratings").fetchall()
    assert rows == [(3, False, False, "Former colleagues who vouch for me")]


def test_saving_with_a_question_unanswered_says_so_and_saves_nothing(server, page):
    page.goto(f"{server.url}/rate_your_network")
    wait_until_idle(page)
    answer(page, RATING_QUESTIONS["truth"], "Yes")
    page.get_by_role("button", name="Save my rating").click()
    wait_until_idle(page)
    expect(page.get_by_text("4 of the 5 questions are not answered")).to_be_visible()
    expect(page.get_by_role("tab", name="Take the rating", selected=True)).to_be_visible()
    expect(
        page.get_by_role("radiogroup", name=RATING_QUESTIONS["truth"]).get_by_role("radio", name="Yes")
    ).to_be_checked()
    expect(page.get_by_text("Your latest rating")).to_have_count(0)


def test_the_quiz_fits_a_phone_sized_window(server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    phone = context.new_page()
    phone.goto(f"{server.url}/rate_your_network")
    wait_until_idle(phone)
    width = phone.evaluate("document.documentElement.scrollWidth")
    screenshot(phone, "rate-your-network-phone")
    context.close()
    assert width <= 390, f"the page scrolls sideways on a phone ({width}px wide)"
