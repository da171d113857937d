"""On a phone the sidebar starts collapsed: home itself asks a visitor to sign in, and on a wide screen too."""

from __future__ import annotations

import pytest

from tests.browser_support import screenshot, wait_until_idle

pytestmark = pytest.mark.browser

SECRETS = """
[auth]
redirect_uri = "http://127.0.0.1:8501/oauth2callback"
cookie_secret = "a-cookie-secret-for-tests-only"
client_id = "workbook"
client_secret = "not-a-secret"
server_metadata_url = "http://127.0.0.1:9/.well-known/openid-configuration"
"""


@pytest.mark.parametrize("width, height, name", [(390, 844, "phone"), (1280, 900, "wide")])
def test_home_offers_sign_in_where_the_visitor_looks(server_factory, browser, tmp_path, width, height, name):
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(SECRETS)
    server = server_factory(
        extra_env={"WORKBOOK_MODE": "shared", "WORKBOOK_USER_DIR": str(tmp_path / "accounts")},
        extra_args=["--secrets.files", str(secrets)],
    )
    context = browser.new_context(viewport={"width": width, "height": height})
    visitor = context.new_page()
    visitor.set_default_timeout(20_000)
    visitor.goto(server.url)
    wait_until_idle(visitor)
    main = visitor.locator('[data-testid="stMain"]')
    prompt = main.get_by_text("Sign in to keep your workbook.")
    prompt.wait_for()
    button = main.get_by_role("button", name="Sign in", exact=True)
    assert button.is_visible()
    box = button.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width, "the button fits the screen"
    assert box["y"] < height, "the button is on the first screen, without scrolling"
    sidebar = visitor.locator('[data-testid="stSidebar"]')
    in_sidebar = sidebar.get_by_role("button", name="Sign in to keep your workbook")
    side = in_sidebar.bounding_box()
    on_screen = side is not None and in_sidebar.is_visible() and side["x"] >= 0 and side["x"] < width
    assert on_screen == (name == "wide"), "a phone starts with the sidebar (and its sign-in) out of sight"
    main.get_by_text("Your progress").wait_for()  # the rest of home follows the line
    wait_until_idle(visitor)
    screenshot(visitor, f"sign-in-prompt-{name}")
    context.close()
