"""The real server (`streamlit run app.py`) driven by headless Chromium through Playwright.

The fixtures here are registered once, in tests/conftest.py, so that a test process holds one
Playwright at most: a second sync Playwright in the same thread refuses to start.

The browser is found the way a user's machine has it (bench.browser.find_chromium). Without one
the browser tests say so in one line and the rest of the suite runs; under CI (CI=true) a missing
browser fails instead.
"""

from __future__ import annotations

import os
import subprocess
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bench.browser import CHROMIUM_ARGS, IDLE, find_chromium, free_port, streamlit_command

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "artifacts"


@pytest.fixture(scope="session")
def browser():
    path = find_chromium()
    if path is None:
        message = "no Chromium found (set CHROMIUM_PATH or install Debian's chromium): browser tests not run"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import expect, sync_playwright

    # Playwright's expect waits 5 s by default; a contended 2-core CI machine took longer than that
    # to draw the rating page once, so assertions wait as long as every other browser step does.
    expect.set_options(timeout=20_000)
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class Server:
    """A running `streamlit run app.py` and the workbook it serves."""

    def __init__(self, process: subprocess.Popen, url: str, workbook_path: Path, log: Path) -> None:
        self.process, self.url, self.workbook_path, self.log = process, url, workbook_path, log

    def kill(self) -> None:
        """SIGKILL: the server dies at once, mid-whatever, as in a crash or an out-of-memory kill."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_server(
    workbook_path: Path,
    log_dir: Path,
    extra_env: dict[str, str] | None = None,
    port: int | None = None,
    extra_args: list[str] | None = None,
) -> Server:
    """Start the app (on a free port unless given one) and wait until /_stcore/health answers."""
    port = port or free_port()
    env = {**os.environ, "WORKBOOK_PATH": str(workbook_path), "WORKBOOK_MODE": "local", **(extra_env or {})}
    log = log_dir / f"server-{port}-{time.monotonic_ns()}.log"
    process = subprocess.Popen(
        streamlit_command(ROOT / "app.py", port, extra_args),
        cwd=ROOT,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited early:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return Server(process, url, workbook_path, log)
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError(f"the server did not answer /_stcore/health within 60 s:\n{log.read_text()}")


@pytest.fixture
def server_factory(tmp_path) -> Iterator[Callable[..., Server]]:
    started: list[Server] = []

    def make(
        workbook_path: Path | None = None,
        extra_env: dict[str, str] | None = None,
        port: int | None = None,
        extra_args: list[str] | None = None,
    ) -> Server:
        server = start_server(workbook_path or tmp_path / "workbook.duckdb", tmp_path, extra_env, port, extra_args)
        started.append(server)
        return server

    yield make
    for server in started:
        server.stop()


@pytest.fixture
def server(server_factory) -> Server:
    """The app on an empty workbook in a temporary folder."""
    return server_factory()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    opened.set_default_timeout(20_000)
    yield opened
    context.close()


def wait_until_idle(page, settle_ms: int = 250, timeout_ms: int = 20_000) -> None:
    """Wait for Streamlit to finish the current script run (and any rerun it asked for): see IDLE."""
    page.wait_for_selector('[data-testid="stApp"]', state="attached")
    for _ in range(2):  # twice: a run may finish and start another (a callback, st.rerun)
        page.wait_for_timeout(settle_ms)
        page.wait_for_function(IDLE, timeout=timeout_ms)


def choose(page, label: str, option: str) -> None:
    """Pick ``option`` from the select box ``label`` with the mouse, then wait for the run it starts."""
    box = page.get_by_role("combobox", name=label, exact=True)
    box.click()
    if box.get_attribute("aria-expanded") != "true":
        box.press("ArrowDown")  # a box that kept focus from an earlier run opens on the keyboard
    page.get_by_role("option", name=option, exact=True).click()
    wait_until_idle(page)


def add_person(page, name: str) -> None:
    """Add someone on tip 1 as a user does, and wait for the page to say it was added.

    A press that lands while a timed fragment (shared mode's heartbeat, the change watch) redraws
    the page can be dropped, or reach the server without the typed name (streamlit/streamlit#10805):
    nothing is saved and the page shows it. The person then does what anyone would, once: types the
    name again if it is gone, and presses again. What the workbook holds is checked by the caller."""
    box = page.get_by_label("Name (required)")
    added = page.get_by_text(f"Added {name}")
    for attempt in range(2):
        box.fill(name)
        page.get_by_role("button", name="Add person").click()
        wait_until_idle(page)
        if attempt == 0 and not added.count():
            refused = page.get_by_text("A name is required").count() > 0
            if refused or box.input_value() == name:
                continue
        break
    added.wait_for()


def people_listed(page) -> str:
    """Tip 1's count of the people in the workbook, as shown (its first metric)."""
    metric = page.locator('[data-testid="stMetricValue"]').first
    metric.wait_for()
    return metric.inner_text().strip()


def screenshot(page, name: str) -> Path:
    """Keep a full-page screenshot in the git-ignored artifacts folder, for people to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
