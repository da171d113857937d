"""The benchmark's browser half: cold start to the first rendered page, and the server's memory.

Runs the real server (`streamlit run app.py`) and drives it with headless Chromium through
Playwright, the way the browser tests do.
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from ui.registry import PAGES

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SESSIONS = 10
TITLE = "h1"
# The one rule for "the page has settled", for the benchmark and the browser tests alike: the first
# run has drawn something, and nothing is running, loading, reconnecting or stale. Without the
# first half, a tab still connecting after a reload (nothing drawn, nothing running) looked idle.
BUSY_SELECTOR = ",".join(
    [
        *(
            f'[data-testid="{test_id}"]'
            for test_id in (
                "stStatusWidgetRunningIcon",
                "stStatusWidgetRunningManIcon",
                "stSkeleton",
                "stSkeletonElement",
                "stAppSkeleton",
                "stConnectionStatus",
            )
        ),
        '[data-stale="true"]',
    ]
)
DRAWN_SELECTOR = '[data-testid="stMainBlockContainer"] [data-testid="stElementContainer"]'
IDLE = f"() => !!document.querySelector('{DRAWN_SELECTOR}') && !document.querySelector('{BUSY_SELECTOR}')"
# Ports for the servers we start, below Linux's ephemeral range (32768-60999), which the kernel hands
# out by itself. A port found by binding to 0 and then released could go to the next socket bound to
# 0 (a test's sign-in provider, a client connection) before our server took it: "Port 44149 is not
# available". Each process walks its own block of 1,000, so parallel test workers do not collide.
PORT_BLOCKS = range(20000, 32000, 1000)
_ports_tried = itertools.count()


def free_port() -> int:
    """A port on 127.0.0.1 that is free now and that nothing else here picks or is given."""
    start = PORT_BLOCKS[os.getpid() % len(PORT_BLOCKS)]
    for _ in range(PORT_BLOCKS.step):
        port = start + next(_ports_tried) % PORT_BLOCKS.step
        with socket.socket() as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the servers bind theirs
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
        return port
    raise RuntimeError(f"no free port from {start} to {start + PORT_BLOCKS.step - 1}")


# An expander grows open over about half a second; a click meanwhile can press on its button and
# release on the text above it, and the browser then clicks neither.
EXPANDER_OPENED = """summary => { const box = summary.closest('[data-testid="stExpander"]');
    return box.querySelector('details').open && box.getAnimations({subtree: true}).length === 0; }"""


@dataclass(frozen=True)
class BrowserFigures:
    """What the browser half measured (seconds and megabytes)."""

    server_ready_s: float
    first_page_s: float
    first_page_cpu_s: float
    local_peak_mb: float
    shared_peak_mb: float
    shared_per_visitor_mb: float


def find_chromium() -> str | None:
    """The Chromium a user's machine has: $CHROMIUM_PATH, a chromium on the PATH, Debian's
    /usr/bin/chromium, then Playwright's own download; None without one."""
    for candidate in (os.environ.get("CHROMIUM_PATH"), shutil.which("chromium"), "/usr/bin/chromium"):
        if candidate and Path(candidate).exists():
            return candidate
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            own = p.chromium.executable_path
        return own if own and Path(own).exists() else None
    except Exception:
        return None


def nav_url_paths() -> list[str]:
    """The URL path of every page the router lists, home ('') first."""
    return [spec.url_path for spec in PAGES]


def streamlit_command(app: Path, port: int, extra_args: list[str] | None = None) -> list[str]:
    """`streamlit run` for a headless server on 127.0.0.1 that reports nothing anywhere."""
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(app),
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        "--server.address",
        "127.0.0.1",
        "--browser.gatherUsageStats",
        "false",
        *(extra_args or []),
    ]


class Server:
    """A `streamlit run app.py` started by the benchmark, stopped by it."""

    def __init__(
        self, workbook_path: Path, mode: str, app: Path = ROOT / "app.py", extra_env: dict[str, str] | None = None
    ) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = Path(tempfile.mkstemp(prefix="workbook-bench-server-", suffix=".log")[1])
        env = {**os.environ, "WORKBOOK_PATH": str(workbook_path), "WORKBOOK_MODE": mode, **(extra_env or {})}
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            streamlit_command(app, self.port),
            cwd=ROOT,
            env=env,
            stdout=self.log.open("w"),
            stderr=subprocess.STDOUT,
        )

    def wait_ready(self, timeout: float = 90) -> float:
        """Seconds from the start of the process until /_stcore/health answers."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited early:\n{self.log.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        return time.perf_counter() - self.started
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"the server did not answer within {timeout:.0f} s:\n{self.log.read_text()[-2000:]}")

    def cpu_seconds(self) -> float:
        """CPU time the server (and its children) has used so far: steadier than wall time on a busy machine."""
        ticks = 0
        for pid in _process_tree(self.process.pid):
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            ticks += int(fields[11]) + int(fields[12])  # utime and stime
        return ticks / os.sysconf("SC_CLK_TCK")

    def memory_mb(self, field: str) -> float:
        """``VmHWM`` (peak) or ``VmRSS`` (now) of the server and its child processes, in MB."""
        return sum(_status_kb(pid, field) for pid in _process_tree(self.process.pid)) / 1024

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.unlink(missing_ok=True)


def _process_tree(pid: int) -> list[int]:
    pids, i = [pid], 0
    while i < len(pids):
        for children in Path(f"/proc/{pids[i]}/task").glob("*/children"):
            pids += [int(c) for c in children.read_text().split()]
        i += 1
    return pids


def _status_kb(pid: int, field: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1])
    except OSError:
        return 0
    return 0


def open_expander(page, label: str | re.Pattern) -> None:
    """Open the expander titled ``label`` (if it is closed) and wait until it has finished growing."""
    summary = page.locator('[data-testid="stExpander"] summary').filter(has=page.get_by_text(label)).first
    if not summary.evaluate("summary => summary.closest('details').open"):
        summary.click()
    page.wait_for_function(EXPANDER_OPENED, arg=summary.element_handle())


def _wait_idle(page) -> None:
    page.wait_for_selector(TITLE, state="visible", timeout=120_000)
    for _ in range(2):  # twice: a run may finish and start another (a callback, st.rerun)
        page.wait_for_timeout(250)
        page.wait_for_function(IDLE, timeout=120_000)


def _visit(server: Server, page, path: str) -> None:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.goto(f"{server.url}/{path}")
    try:
        _wait_idle(page)
    except PlaywrightTimeout:
        raise RuntimeError(
            f"/{path} showed no title within 2 minutes; the server said:\n{server.log.read_text()[-2000:]}"
        ) from None


def _open_sessions(browser, server: Server, paths: list[str]) -> list:
    contexts = []
    for path in paths:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.set_default_timeout(120_000)  # a busy machine: a first visit may take long, not forever
        _visit(server, context.new_page(), path)
        contexts.append(context)
    return contexts


def measure_cold_start(browser, workbook_path: Path) -> tuple[float, float, float]:
    """Seconds until the server answers, until the first page's title shows, and the server's CPU seconds by then."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    server = Server(workbook_path, "local")
    try:
        ready = server.wait_ready()
        page.goto(server.url)
        page.wait_for_selector(TITLE, state="visible", timeout=120_000)
        first_page = time.perf_counter() - server.started
        cpu = server.cpu_seconds()
    finally:
        context.close()
        server.stop()
    return ready, first_page, cpu


def measure_local_memory(browser, workbook_path: Path) -> float:
    """Peak resident MB of the server on the workbook with ten sessions open on different pages."""
    paths = nav_url_paths()
    server = Server(workbook_path, "local")
    try:
        server.wait_ready()
        contexts = _open_sessions(browser, server, [paths[i % len(paths)] for i in range(SESSIONS)])
        peak = server.memory_mb("VmHWM")
        for context in contexts:
            context.close()
    finally:
        server.stop()
    return peak


def measure_shared_memory(browser) -> tuple[float, float]:
    """Shared mode: peak resident MB with ten visitors, and MB each visitor adds (a private workbook)."""
    paths = nav_url_paths()
    server = Server(Path(tempfile.gettempdir()) / "unused-in-shared-mode.duckdb", "shared")
    try:
        server.wait_ready()
        # One visitor walks every page first, so the rest measures visitors, not the first import of a page.
        warm = browser.new_context()
        warm.set_default_timeout(120_000)
        page = warm.new_page()
        for path in paths:
            _visit(server, page, path)
        warm.close()
        before = server.memory_mb("VmRSS")
        contexts = _open_sessions(browser, server, [paths[i % len(paths)] for i in range(SESSIONS)])
        after = server.memory_mb("VmRSS")
        peak = server.memory_mb("VmHWM")
        for context in contexts:
            context.close()
    finally:
        server.stop()
    return peak, (after - before) / SESSIONS


def measure_browser(workbook_path: Path) -> BrowserFigures:
    """Cold start, and memory in local and shared mode; the workbook file must be closed by now."""
    chromium = find_chromium()
    if chromium is None:
        raise RuntimeError(
            "no Chromium found (set CHROMIUM_PATH or install Debian's chromium); add --skip-browser to bench without it"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
        try:
            ready, first_page, cpu = measure_cold_start(browser, workbook_path)
            local_peak = measure_local_memory(browser, workbook_path)
            shared_peak, per_visitor = measure_shared_memory(browser)
        finally:
            browser.close()
    return BrowserFigures(ready, first_page, cpu, local_peak, shared_peak, per_visitor)
