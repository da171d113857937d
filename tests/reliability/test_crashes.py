"""A process killed with SIGKILL mid-write loses no committed answer and leaves no half an import."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from store import open_workbook
from tests.browser_support import start_server, wait_until_idle

ROOT = Path(__file__).resolve().parents[2]
SAVE_CYCLES = 4
IMPORT_ROWS = 30_000
# Seconds after the import's transaction began writing; None kills after it reported its commit.
IMPORT_KILLS = (0.0, 0.4, None)


class Writer:
    """tests/reliability/crash_writer.py running in its own process, its output read line by line."""

    def __init__(self, *args: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.reliability.crash_writer", *args],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        self.lines: list[str] = []
        self._new = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.process.stdout:
            with self._new:
                self.lines.append(line.strip())
                self._new.notify_all()
        with self._new:
            self._new.notify_all()

    def wait_for(self, ready, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        with self._new:
            while not ready(self.lines):
                left = deadline - time.monotonic()
                if left <= 0 or self.process.poll() is not None:
                    raise AssertionError(f"the writer never got there: {self.lines[-3:]} {self.process.stderr.read()}")
                self._new.wait(min(left, 0.5))

    def kill(self) -> list[str]:
        """SIGKILL: no handler runs, nothing is flushed or closed."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)
        self._reader.join(timeout=30)  # read to the end of what was printed before the kill
        with self._new:
            return list(self.lines)


def committed_numbers(lines: list[str]) -> list[int]:
    return [int(line) for line in lines if line.isdigit()]


def test_a_writer_killed_mid_save_keeps_every_answer_it_reported_saved(tmp_path, soak, record):
    path = tmp_path / "killed.duckdb"
    rng = random.Random(9)
    reported: list[int] = []
    stored: list[int] = []
    planned = 0
    for cycle in range(SAVE_CYCLES * soak):
        first = max([*reported, *stored], default=-1) + 1  # carry on after what the file holds
        # Kill after the writer has reported a few dozen commits, then at a random instant.
        wanted = rng.randrange(20, 60)
        planned += wanted
        writer = Writer("save", str(path), str(first))
        writer.wait_for(lambda lines, n=wanted: len(committed_numbers(lines)) >= n)
        time.sleep(rng.random() * 0.05)
        reported += committed_numbers(writer.kill())
        book = open_workbook(path)  # the file opens after every crash, however it was interrupted
        try:
            stored = [int(n.removeprefix("row-")) for (n,) in book.read("SELECT name FROM contacts")]
        finally:
            book.close()
        lost = sorted(set(reported) - set(stored))
        twice = len(stored) - len(set(stored))
        # At most the one write in flight when the kill landed may be there without being reported.
        extra = sorted(n for n in set(stored) - set(reported) if n >= first)
        assert lost == [] and twice == 0, f"cycle {cycle}: lost {lost[:10]}, {twice} stored twice"
        assert extra in ([], [max(stored)]), f"cycle {cycle}: unexpected rows {extra[:10]}"
    record("Crashes", "SIGKILL of a writer mid-save, then reopen", changes=planned, crashes=SAVE_CYCLES * soak, lost=0)


@pytest.mark.parametrize("delay", IMPORT_KILLS, ids=["as-it-writes", "mid-insert", "after-commit"])
def test_an_import_killed_mid_way_is_all_there_or_not_there_at_all(tmp_path, delay, soak, record):
    crashes = 0
    for attempt in range(soak):
        path = tmp_path / f"import-{attempt}.duckdb"
        writer = Writer("import", str(path), str(IMPORT_ROWS))
        if delay is None:
            writer.wait_for(lambda lines: any(line.startswith("committed") for line in lines))
        else:
            writer.wait_for(lambda lines: "saving" in lines)
            time.sleep(delay * (attempt + 1))
        lines = writer.kill()
        crashes += 1
        book = open_workbook(path)
        try:
            count = book.read_one("SELECT count(*) FROM contacts")[0]
            distinct = book.read_one("SELECT count(DISTINCT source_key) FROM contacts")[0]
        finally:
            book.close()
        assert count in (0, IMPORT_ROWS), f"a killed import left {count:,} of {IMPORT_ROWS:,} people"
        assert distinct == count
        if any(line.startswith("committed") for line in lines):
            assert count == IMPORT_ROWS, "an import reported as committed was lost"
    # Only the kill after the reported commit is sure to find the rows in; the others may find none.
    record(
        "Crashes",
        "SIGKILL during a 30,000-row import, then reopen: all rows or none",
        changes=IMPORT_ROWS * soak if delay is None else 0,
        crashes=crashes,
        lost=0,
    )


def test_an_import_interrupted_and_run_again_ends_with_everyone_once(tmp_path):
    path = tmp_path / "again.duckdb"
    writer = Writer("import", str(path), str(IMPORT_ROWS))
    writer.wait_for(lambda lines: "saving" in lines)
    writer.kill()
    rerun = Writer("import", str(path), str(IMPORT_ROWS))
    rerun.wait_for(lambda lines: any(line.startswith("committed") for line in lines))
    rerun.kill()
    book = open_workbook(path)
    try:
        assert book.read_one("SELECT count(*), count(DISTINCT source_key) FROM contacts") == (IMPORT_ROWS, IMPORT_ROWS)
    finally:
        book.close()


@pytest.mark.browser
def test_the_server_killed_after_a_save_restarts_with_the_saved_person(tmp_path, page, record):
    path = tmp_path / "server.duckdb"
    server = start_server(path, tmp_path)
    try:
        page.goto(f"{server.url}/know_your_network")
        wait_until_idle(page)
        page.get_by_label("Name (required)").fill("Nkechi Survivor")
        page.get_by_role("button", name="Add person").click()
        wait_until_idle(page)
        assert page.get_by_text("Added Nkechi Survivor").is_visible()
    finally:
        server.process.send_signal(signal.SIGKILL)
        server.process.wait(timeout=30)
    book = open_workbook(path)
    try:
        assert book.read("SELECT name FROM contacts") == [("Nkechi Survivor",)]
    finally:
        book.close()
    again = start_server(path, tmp_path)
    try:
        page.goto(f"{again.url}/know_your_network")
        wait_until_idle(page)
        assert page.get_by_test_id("stMetricValue").first.inner_text() == "1"
    finally:
        again.stop()
    record(
        "Crashes",
        "SIGKILL of the real server after a save in the browser, then restart",
        sessions=1,
        changes=1,
        crashes=1,
        lost=0,
    )
