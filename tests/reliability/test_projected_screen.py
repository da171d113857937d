"""What participants type reaches the projected screen as text, never as markdown (issue 14).

On the real server (shared mode, headless Chromium) phones join a room with nicknames that are
markdown, links, an image beacon, a heading, KaTeX and colours; the facilitator's projected screen
must show each as typed and fetch nothing from any other host. What the join form cannot send
(a 1 MB nickname, control and direction characters) is sent to the service as a script would.
"""

from __future__ import annotations

from datetime import datetime
from urllib.parse import parse_qs, urlsplit

import pytest

from services import workshop
from store.rooms import RoomError
from tests.browser_support import wait_until_idle

AREA = "What participants type reaches the projected screen"
NOW = datetime(2026, 5, 4, 9, 0)
BEACON = "b.invalid"  # a host that cannot answer: asking it at all is the leak
# Each fits the form's 30 characters (MARKDOWN_NICKNAMES_FIT checks), as the did.
MARKDOWN_NICKNAMES = [
    f"![x](http://{BEACON}/i)",
    f"[click](http://{BEACON}/c)",
    "# ROOM CLOSED go away",
    r"$\huge\text{BIG}$",
    ":red[**FIRE**]",
    "<img src=x onerror=alert(1)>",
]
MARKDOWN_NICKNAMES_FIT = all(len(n) <= 30 for n in MARKDOWN_NICKNAMES)
REFUSED_NICKNAMES = {
    "a 1 MB nickname": "A" * 1_000_000,
    "a 31-character nickname": "B" * 31,
    "a right-to-left override": "\u202eevil list",
    "a right-to-left isolate": "Ada\u2067reversed",
    "a bell character": "Ada\x07",
    "a zero-width joiner": "A\u200dda",
    "a line break": "Ada\nBo",
}


def test_nicknames_that_are_not_short_plain_text_are_refused_and_nobody_joins(soak, record):
    store = workshop.new_room_store()
    try:
        room = workshop.open_room(store, 3, 3, now=NOW, opener="facilitator")
        refused, messages = 0, []
        for _ in range(soak):
            for n, nickname in enumerate(REFUSED_NICKNAMES.values()):
                try:
                    workshop.join_room(store, room.code, nickname, now=NOW, joiner=f"script-{n}")
                except RoomError as stopped:
                    refused += 1
                    messages.append(str(stopped))
        joined = workshop.joined_nicknames(store, room.code)
        summary = workshop.room_summary(store, workshop.find_room(store, room.code, now=NOW).room)
    finally:
        store.close()
    tried = soak * len(REFUSED_NICKNAMES)
    record(
        AREA,
        "nicknames of 1 MB, 31 characters, control and direction characters sent to the service",
        inputs=tried,
        lost=tried - refused + len(joined),
    )
    assert refused == tried and joined == [] and summary.joined == 0
    assert all("\n" not in m and "A nickname" in m for m in messages)


def query(page, name: str) -> str:
    return parse_qs(urlsplit(page.url).query)[name][0]


@pytest.mark.browser
def test_markdown_nicknames_show_as_typed_on_the_facilitators_real_screen(server_factory, browser, record):
    assert MARKDOWN_NICKNAMES_FIT  # a longer one would be cut short by the form, not tried
    server = server_factory(extra_env={"WORKBOOK_MODE": "shared"})
    own_host = urlsplit(server.url).netloc
    hosts: set[str] = set()
    projector = browser.new_context(viewport={"width": 1280, "height": 900})
    projector.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    facilitator = projector.new_page()
    facilitator.set_default_timeout(20_000)
    phones = []
    try:
        facilitator.goto(f"{server.url}/facilitator")
        wait_until_idle(facilitator)
        facilitator.get_by_role("button", name="Open a room").click()
        wait_until_idle(facilitator)
        code = query(facilitator, "room")
        projected_address = facilitator.url
        for nickname in MARKDOWN_NICKNAMES:
            context = browser.new_context(viewport={"width": 390, "height": 844})
            context.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
            phone = context.new_page()
            phone.set_default_timeout(20_000)
            phones.append(context)
            phone.goto(f"{server.url}/workshop?room={code}")
            phone.get_by_role("button", name="Join the room").wait_for()
            wait_until_idle(phone)
            phone.get_by_role("textbox", name="Nickname (optional)").fill(nickname)
            phone.get_by_role("button", name="Join the room").click()
            phone.get_by_text(f"You are in room {code} as {nickname}", exact=False).wait_for()
        facilitator.reload()  # the browser keeps the key in a cookie: the dashboard opens again
        wait_until_idle(facilitator)
        facilitator.get_by_text(f"Who joined ({len(MARKDOWN_NICKNAMES)} with a nickname)").click()
        listed = facilitator.get_by_text(MARKDOWN_NICKNAMES[0], exact=False).first
        listed.wait_for()
        shown = listed.inner_text()
        main = facilitator.locator('[data-testid="stMain"]')
        formatted = {
            "images": main.locator("img[src*='b.invalid'], img[src='x']").count(),
            "links": main.locator(f"a[href*='{BEACON}']").count(),
            "headings": main.get_by_role("heading", name="ROOM CLOSED").count(),
            "maths": main.locator(".katex").count(),
            "colours": main.locator("span[style*='color']", has_text="FIRE").count(),
        }
        facilitator.wait_for_timeout(500)  # a beacon image would have been asked for by now
    finally:
        for context in phones:
            context.close()
        projector.close()
    as_typed = [n for n in MARKDOWN_NICKNAMES if n in shown]
    escaped = sum(formatted.values()) + len(hosts - {own_host}) + len(MARKDOWN_NICKNAMES) - len(as_typed)
    record(
        AREA,
        "markdown, link, image, heading, KaTeX and colour nicknames on the real facilitator's screen",
        sessions=1 + len(MARKDOWN_NICKNAMES),
        inputs=len(MARKDOWN_NICKNAMES),
        lost=escaped,
    )
    assert as_typed == MARKDOWN_NICKNAMES, shown
    assert formatted == dict.fromkeys(formatted, 0)
    assert hosts == {own_host}, f"the projector or a phone asked another host: {hosts - {own_host}}"
    assert "key=" not in projected_address and "w=" not in projected_address  # the projected address bar
