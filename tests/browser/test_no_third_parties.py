"""The app asks no host but its own for anything: no font host, no tracker, no CDN."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.browser_support import wait_until_idle
from ui.registry import PAGES

pytestmark = pytest.mark.browser


def test_every_page_loads_everything_from_the_apps_own_server(server_factory, browser):
    server = server_factory(extra_env={"WORKBOOK_MODE": "shared"})
    context = browser.new_context()
    page = context.new_page()
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    try:
        for spec in PAGES:
            page.goto(f"{server.url}/{spec.url_path}")
            wait_until_idle(page)
    finally:
        context.close()
    assert hosts == {urlsplit(server.url).netloc}
