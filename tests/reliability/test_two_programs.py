"""Two programs, one file: the one that cannot have it says why in one line, and nothing is damaged."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import ui.session
from store import open_workbook
from tests.browser_support import start_server, wait_until_idle
from tests.conftest import APP

ROOT = Path(__file__).resolve().parents[2]
LOCKED = "is open in another program"


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "cli", *args], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )


HOLD = "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('held', flush=True); time.sleep(120)"


def hold_file(path) -> subprocess.Popen:
    """Another program (here a bare DuckDB connection) holding the file open; returns once it does."""
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    return holder


def add_in_browser(page, url: str, name: str) -> None:
    page.goto(f"{url}/know_your_network")
    wait_until_idle(page)
    page.get_by_label("Name (required)").fill(name)
    page.get_by_role("button", name="Add person").click()
    wait_until_idle(page)
    assert page.get_by_text(f"Added {name}").is_visible()


def assert_one_clear_line(result: subprocess.CompletedProcess, *wanted: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    for text in wanted:
        assert text in lines[0]


@pytest.fixture(scope="module")
def app_holding_the_file(browser, tmp_path_factory):
    """The real server with its workbook open (a person added in the browser), and a browser tab."""
    folder = tmp_path_factory.mktemp("two-programs")
    path = folder / "held.duckdb"
    server = start_server(path, folder)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(20_000)
    try:
        add_in_browser(tab, server.url, "Held By The App")
        yield server, tab, path
    finally:
        context.close()
        server.stop()


@pytest.mark.browser
def test_workbook_info_on_a_file_the_app_holds_says_so_in_one_line(app_holding_the_file, record):
    _, _, path = app_holding_the_file
    result = run_cli("info", "--db", str(path))
    assert_one_clear_line(result, str(path), LOCKED, "close that program")
    record("Two programs, one file", "`workbook info` while the app holds the file", sessions=2, lost=0)


@pytest.mark.browser
def test_workbook_demo_on_a_file_the_app_holds_refuses_to_replace_it(app_holding_the_file, record):
    _, _, path = app_holding_the_file
    result = run_cli("demo", "--db", str(path), "--contacts", "5")
    assert_one_clear_line(result, "already exists")
    record(
        "Two programs, one file", "`workbook demo` (without --force) while the app holds the file", sessions=2, lost=0
    )


@pytest.mark.browser
def test_after_the_refusals_the_app_still_saves_and_the_file_keeps_everything(app_holding_the_file, record):
    server, tab, path = app_holding_the_file
    for args in (("info",), ("demo", "--contacts", "5")):
        run_cli(*args, "--db", str(path))
    add_in_browser(tab, server.url, "Saved After The Refusals")
    server.stop()
    result = run_cli("info", "--db", str(path))
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert "contacts: 2" in result.stdout
    book = open_workbook(path)
    try:
        names = sorted(n for (n,) in book.read("SELECT name FROM contacts"))
    finally:
        book.close()
    assert names == ["Held By The App", "Saved After The Refusals"]
    record(
        "Two programs, one file",
        "the app saving after the command was refused, then the file read back",
        sessions=1,
        changes=2,
        lost=2 - len(names),
    )


def test_the_app_on_a_file_another_program_holds_shows_one_line_and_no_traceback(tmp_path, monkeypatch, record):
    path = tmp_path / "held-elsewhere.duckdb"
    open_workbook(path).close()
    holder = hold_file(path)
    try:
        monkeypatch.setenv("WORKBOOK_PATH", str(path))
        monkeypatch.setenv("WORKBOOK_MODE", "local")
        ui.session._open_local.clear()
        at = AppTest.from_file(APP, default_timeout=30)
        at.switch_page("pages/know_your_network.py")
        at.run()
    finally:
        holder.kill()
        holder.wait()
        ui.session._open_local.clear()
    assert not at.exception
    messages = [e.value for e in at.error]
    assert len(messages) == 1 and LOCKED in messages[0] and "\n" not in messages[0]
    book = open_workbook(path)  # the holder is gone: the file opens as before
    book.close()
    record("Two programs, one file", "the app started on a file a DuckDB shell holds", sessions=1, lost=0)
