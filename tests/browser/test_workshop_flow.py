"""A workshop in a real browser: one facilitator and three participants (phones) in one Chromium,
against one server in shared mode; the projected dashboard updates by itself as they share."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from core.model import RATING_QUESTIONS
from tests.browser_support import screenshot, wait_until_idle

pytestmark = pytest.mark.browser
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}


def query(page, name: str) -> str:
    return parse_qs(urlsplit(page.url).query)[name][0]


def rate(phone, url: str, yes: int) -> str:
    """Take the rating quiz in this phone's private workbook (its browser keeps the workbook's cookie)."""
    phone.goto(f"{url}/rate_your_network")
    wait_until_idle(phone)
    for n, question in enumerate(RATING_QUESTIONS.values()):
        group = phone.get_by_role("radiogroup", name=question)
        group.get_by_text("Yes" if n < yes else "No", exact=True).click()
    phone.get_by_role("button", name="Save my rating").click()
    phone.get_by_text(f"saved: {yes} of 5").wait_for()


def join_and_share(phone, url: str, code: str, nickname: str) -> None:
    phone.goto(f"{url}/workshop?room={code}")
    phone.get_by_role("button", name="Join the room").wait_for()
    wait_until_idle(phone)
    assert phone.get_by_role("textbox", name="Room code").input_value() == code
    screenshot(phone, f"workshop-participant-join-phone-{nickname.lower()}")
    phone.get_by_role("textbox", name="Nickname (optional)").fill(nickname)
    phone.get_by_role("button", name="Join the room").click()
    phone.get_by_text(f"You are in room {code} as {nickname}").wait_for()
    phone.get_by_text("Share my figures with the room").click()
    phone.get_by_text("Sharing. Your figures update").wait_for()


def test_three_participants_share_and_the_projected_dashboard_updates(server_factory, browser):
    server = server_factory(extra_env={"WORKBOOK_MODE": "shared"})
    projector = browser.new_context(viewport={"width": 1280, "height": 900})
    facilitator = projector.new_page()
    facilitator.set_default_timeout(20_000)
    facilitator.goto(f"{server.url}/facilitator")
    wait_until_idle(facilitator)
    facilitator.get_by_role("button", name="Open a room").click()
    wait_until_idle(facilitator)
    code = query(facilitator, "room")
    assert "key=" not in facilitator.url  # the projected address shows the room code, no secret
    facilitator.get_by_text("Your facilitator link (keep it to yourself)").click()
    key = facilitator.locator('[data-testid="stCode"]').last.inner_text().split("key=")[1].strip()
    facilitator.reload()  # the browser keeps the key: a reload still opens the dashboard
    wait_until_idle(facilitator)
    facilitator.get_by_role("heading", name=code).wait_for()
    assert (
        facilitator.get_by_role("img", name=f"Scan to join room {code}").count()
        or facilitator.locator('[data-testid="stImage"] img').count()
    )
    screenshot(facilitator, "workshop-facilitator-invite")
    facilitator.get_by_role("tab", name="Dashboard").click()
    assert facilitator.get_by_text("0 joined, 0 shared.").is_visible()

    phones = []
    for n, (yes, nickname) in enumerate([(2, "Ada"), (4, "Bo"), (5, "Cy")]):
        context = browser.new_context(**PHONE)
        phone = context.new_page()
        phone.set_default_timeout(20_000)
        rate(phone, server.url, yes)
        join_and_share(phone, server.url, code, nickname)
        phones.append((context, phone))
        if n == 1:  # two have shared: the dashboard still hides everything item-level
            facilitator.get_by_text("2 joined, 2 shared.").wait_for(timeout=15_000)
            assert facilitator.locator('[data-testid="stVegaLiteChart"]').count() == 0

    # Nobody touches the facilitator's page: the fragment refreshes it by itself.
    facilitator.get_by_text("3 joined, 3 shared.").wait_for(timeout=15_000)
    facilitator.locator('[data-testid="stVegaLiteChart"]').first.wait_for(timeout=15_000)
    assert facilitator.get_by_text("Bands: needs a makeover 1, needs enhancing 1, in great shape 1.").is_visible()
    # Scores, "no" answers and tip progress; these phones listed nobody, so the tie mix says so in words.
    assert facilitator.locator('[data-testid="stVegaLiteChart"]').count() == 3
    assert facilitator.get_by_text("Nobody who shared has listed anyone yet").is_visible()
    facilitator.wait_for_timeout(1500)  # let the charts draw before the picture
    screenshot(facilitator, "workshop-facilitator-dashboard")
    facilitator.locator('[data-testid="stVegaLiteChart"]').last.scroll_into_view_if_needed()
    screenshot(facilitator, "workshop-facilitator-dashboard-lower")
    facilitator.get_by_role("tab", name="Agenda").click()
    facilitator.get_by_role("button", name="Start the agenda").click()
    facilitator.get_by_role("heading", name="Tip 1 of 6 · Know your network").wait_for()
    screenshot(facilitator, "workshop-facilitator-agenda")

    _, phone = phones[-1]
    width = phone.evaluate("document.documentElement.scrollWidth")
    screenshot(phone, "workshop-participant-phone")
    phone.get_by_role("heading", name="Join a workshop").scroll_into_view_if_needed()
    screenshot(phone, "workshop-participant-phone-top")
    assert width <= 390, f"the participant page scrolls sideways on a phone ({width}px wide)"

    intruder = projector.new_page()
    intruder.goto(f"{server.url}/facilitator?room={code}&key=not-the-key")
    intruder.get_by_text(f"That key does not open room {code}").wait_for()
    assert intruder.locator('[data-testid="stMetric"]').count() == 0
    assert key not in intruder.content()
    for context, _ in phones:
        context.close()
    projector.close()
