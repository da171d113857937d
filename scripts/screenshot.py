"""Refresh the README's screenshot: start the app on a small demo workbook and photograph tip 1."""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.demo import make_demo  # noqa: E402
from store import open_workbook  # noqa: E402
from store.bulk import load_tables  # noqa: E402
from tests.browser_support import CHROMIUM_ARGS, find_chromium, start_server, wait_until_idle  # noqa: E402


def main(output: str, page_path: str = "/know_your_network") -> None:
    folder = Path(tempfile.mkdtemp(prefix="workbook-shot-"))
    book = open_workbook(folder / "demo.duckdb")
    load_tables(book, make_demo(120, seed=3, today=date.today()).tables)
    book.close()
    server = start_server(folder / "demo.duckdb", folder)
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=find_chromium(), headless=True, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 1000})
            page.goto(server.url + page_path)
            wait_until_idle(page, 800)
            page.get_by_text("Your circles").scroll_into_view_if_needed()
            wait_until_idle(page, 500)
            page.screenshot(path=output, full_page=False)
            browser.close()
    finally:
        server.stop()
    print(f"wrote {output}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "docs" / "screenshot.png"))
