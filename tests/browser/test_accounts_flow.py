"""Accounts across servers, as people use them: sign in with a real OpenID Connect provider on two app
servers that share one PostgreSQL, find your workbook on either, never anyone else's, and lose no
confirmed save when a server is killed."""

from __future__ import annotations

import psycopg
import pytest

from store.schema_postgres import SCHEMA
from tests.browser_support import add_person, free_port, people_listed, screenshot, wait_until_idle
from tests.oidc_provider import CLIENT_ID, CLIENT_SECRET, start_provider

pytestmark = pytest.mark.browser
COOKIE_SECRET = "a-test-cookie-secret-that-is-long-enough-0123456789"


@pytest.fixture
def deployment(server_factory, postgres_url, tmp_path):
    """Two app servers (A and B) on one database, with sign-in through a provider on 127.0.0.1."""
    ports = {"A": free_port(), "B": free_port()}
    provider = start_provider({f"http://127.0.0.1:{p}/oauth2callback" for p in ports.values()})
    servers = {}

    def start(name: str):
        secrets = tmp_path / f"secrets-{name}.toml"
        secrets.write_text(
            "[auth]\n"
            f'redirect_uri = "http://127.0.0.1:{ports[name]}/oauth2callback"\n'
            f'cookie_secret = "{COOKIE_SECRET}"\n'
            f'client_id = "{CLIENT_ID}"\n'
            f'client_secret = "{CLIENT_SECRET}"\n'
            f'server_metadata_url = "{provider.metadata_url}"\n'
        )
        servers[name] = server_factory(
            extra_env={"WORKBOOK_MODE": "shared", "WORKBOOK_DATABASE_URL": postgres_url},
            port=ports[name],
            extra_args=["--secrets.files", str(secrets)],
        )
        return servers[name]

    start("A")
    start("B")
    yield servers, start, provider
    provider.stop()


def sign_in(page, url: str, user: str) -> None:
    page.goto(url)
    wait_until_idle(page)
    page.get_by_role("heading", name="Home").wait_for()  # the first visit also sets up the database
    if page.viewport_size["width"] < 640:  # on a phone the sidebar starts closed
        page.get_by_test_id("stExpandSidebarButton").click()
    button = page.get_by_role("button", name="Sign in to keep your workbook")
    button.wait_for()
    button.click()
    page.wait_for_url("**/authorize**")
    page.fill("input[name=user]", user)
    page.click("button[value=allow]")
    page.get_by_text("Signed in as").wait_for()
    wait_until_idle(page)
    if page.viewport_size["width"] < 640 and page.get_by_test_id("stSidebarCollapseButton").count():
        page.get_by_test_id("stSidebarCollapseButton").first.click()  # a phone user closes the menu again


def find(page, name: str) -> None:
    """Search the list for a name and wait until exactly one person matches."""
    search = page.get_by_label("Search name, company, role or email")
    for _ in range(3):  # a rerun just after the page loads (the sign-in cookie is read) may reset the tabs
        page.get_by_role("tab", name="Your list").click()
        wait_until_idle(page)
        if search.is_visible():
            break
    search.fill(name)
    search.press("Enter")
    page.get_by_text("1 person;").wait_for()


def test_a_signed_in_workbook_follows_you_to_another_server_and_no_one_else_sees_it(deployment, browser):
    servers, _, _ = deployment
    alice_on_a = browser.new_context().new_page()
    sign_in(alice_on_a, servers["A"].url, "alice")
    alice_on_a.goto(f"{servers['A'].url}/know_your_network")
    wait_until_idle(alice_on_a)
    for name in ("Ana Costa", "Bo Lindqvist"):
        add_person(alice_on_a, name)
    screenshot(alice_on_a, "accounts-alice-on-server-a")

    alice_on_b = browser.new_context(viewport={"width": 390, "height": 844}).new_page()  # her phone, server B
    sign_in(alice_on_b, servers["B"].url, "alice")
    alice_on_b.goto(f"{servers['B'].url}/know_your_network")
    wait_until_idle(alice_on_b)
    assert people_listed(alice_on_b) == "2"
    find(alice_on_b, "Bo Lindqvist")  # the list itself is a canvas grid: the search's count is what shows
    screenshot(alice_on_b, "accounts-alice-on-server-b-phone")

    bob_on_b = browser.new_context().new_page()
    sign_in(bob_on_b, servers["B"].url, "bob")
    bob_on_b.goto(f"{servers['B'].url}/know_your_network")
    wait_until_idle(bob_on_b)
    assert people_listed(bob_on_b) == "0" and bob_on_b.get_by_text("Ana Costa").count() == 0
    for page in (alice_on_a, alice_on_b, bob_on_b):
        page.context.close()


def test_a_facilitator_on_one_server_sees_a_participant_who_joined_on_the_other(deployment, browser):
    servers, _, _ = deployment
    facilitator = browser.new_context().new_page()
    facilitator.goto(f"{servers['A'].url}/facilitator")
    wait_until_idle(facilitator)
    facilitator.get_by_role("button", name="Open a room").click()
    wait_until_idle(facilitator)
    code = facilitator.url.split("room=")[1].split("&")[0]
    phone = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    phone.goto(f"{servers['B'].url}/workshop?room={code}")
    wait_until_idle(phone)
    phone.get_by_role("button", name="Join the room").click()
    phone.get_by_text(f"You joined room {code}").wait_for()
    facilitator.get_by_role("tab", name="Dashboard").click()
    facilitator.wait_for_function(
        """() => [...document.querySelectorAll('[data-testid="stMetric"]')]
            .some(m => m.innerText.includes("Joined") && m.innerText.includes("1"))""",
        timeout=20_000,
    )
    facilitator.context.close()
    phone.context.close()


def test_killing_a_server_mid_saves_loses_no_save_it_confirmed(deployment, browser, postgres_url):
    servers, start, _ = deployment
    page = browser.new_context().new_page()
    sign_in(page, servers["A"].url, "carol")
    page.goto(f"{servers['A'].url}/know_your_network")
    wait_until_idle(page)
    confirmed = []
    for n in range(6):
        name = f"Saved Before The Crash {n}"
        add_person(page, name)  # returns once the page says "Added"
        confirmed.append(name)
    page.get_by_label("Name (required)").fill("Typed As It Died")
    page.get_by_role("button", name="Add person").click()
    servers["A"].kill()  # mid-save, or just after: either way, only confirmed saves are promised
    start("A")
    page.goto(f"{servers['A'].url}/know_your_network")
    page.get_by_text("Signed in as").wait_for()  # the sign-in cookie outlives the server
    wait_until_idle(page)
    listed = int(people_listed(page))
    assert listed in (len(confirmed), len(confirmed) + 1)
    page.context.close()
    with psycopg.connect(postgres_url) as admin:  # what the database holds, not only what the page says
        saved = {name for (name,) in admin.execute(f"SELECT name FROM {SCHEMA}.contacts")}
    assert set(confirmed) <= saved <= set(confirmed) | {"Typed As It Died"}
