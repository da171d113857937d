"""Private workbooks for shared mode: one per visitor, reachable only by that visitor's secret token.

Streamlit releases a session's resources as soon as a browser disconnects, but a phone that drops
off the network for a minute should come back to its work. So each private workbook is held here
under a secret token (kept in a cookie of the visitor's browser, never in the page address) and
released a grace period after its last sign of life, by a timer of its own: nobody else has to
visit for a quiet visitor's data to go. Nothing here is written to disk.

Two limits keep one visitor (or a script) from taking the server: each workbook has a budget
(core.budget), and the server holds at most ``max_open`` workbooks with data in them, and opens no
new one while its memory is past ``memory_guard_mb``.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from core.budget import Budget
from core.errors import WorkbookFull
from store.private import PrivateWorkbook

DEFAULT_GRACE_SECONDS = 15 * 60
DEFAULT_MAX_OPEN = 150
DEFAULT_MEMORY_GUARD_MB = 1500
MAX_TOKENS = 5000
TOKEN_BYTES = 24


@dataclass
class _Held:
    workbook: PrivateWorkbook
    last_seen: float
    sessions: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Claim:
    """What a visitor got: their token and workbook, and whether the token they came with had expired."""

    token: str
    workbook: PrivateWorkbook
    expired: bool = False


def resident_mb() -> float | None:
    """This process's resident memory in MB (None where /proc is not there)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return pages * 4096 / 1_048_576


class PrivateWorkbooks:
    """Token -> private workbook, released after ``grace_seconds`` without a touch."""

    def __init__(
        self,
        grace_seconds: float = DEFAULT_GRACE_SECONDS,
        clock: Callable[[], float] = time.monotonic,
        *,
        budget: Budget | None = None,
        max_open: int = DEFAULT_MAX_OPEN,
        memory_guard_mb: float | None = DEFAULT_MEMORY_GUARD_MB,
        memory: Callable[[], float | None] = resident_mb,
        on_release: Callable[[set[str]], None] | None = None,
    ):
        self.grace_seconds = grace_seconds
        self.budget = budget or Budget()
        self.max_open = max_open
        self._memory_guard_mb = memory_guard_mb
        self._memory = memory
        self._clock = clock
        self._on_release = on_release
        self._held: dict[str, _Held] = {}
        self._lock = threading.Lock()
        self._reaper: threading.Thread | None = None
        self._stopping = threading.Event()

    # --- visitors ---------------------------------------------------------------------------------

    def claim(self, token: str | None) -> Claim:
        """The workbook for ``token`` if it is still held; otherwise a new token and an empty workbook."""
        self.release_idle()
        with self._lock:
            held = self._held.get(token or "")
            if held is not None and not held.workbook.closed:
                held.last_seen = self._clock()
                return Claim(token, held.workbook)
            self._make_room_for_a_token()
            fresh = secrets.token_urlsafe(TOKEN_BYTES)
            workbook = PrivateWorkbook(self.budget, admit=self._admit)
            self._held[fresh] = _Held(workbook, self._clock())
            return Claim(fresh, workbook, expired=bool(token))

    def bind(self, token: str, session_id: str) -> None:
        """Note a browser session that uses ``token`` (its uploads are dropped when the workbook goes)."""
        with self._lock:
            held = self._held.get(token)
            if held is not None:
                held.sessions.add(session_id)

    def touch(self, token: str) -> bool:
        """Record a sign of life; False when the token is unknown (released or never issued)."""
        with self._lock:
            held = self._held.get(token)
            if held is None:
                return False
            held.last_seen = self._clock()
            return True

    def release(self, token: str) -> bool:
        """Forget a visitor's workbook now (they asked to wipe it); True when there was one."""
        with self._lock:
            held = self._held.pop(token, None)
        if held is None:
            return False
        self._forget([held])
        return True

    def release_idle(self) -> int:
        """Release every workbook not touched within the grace period; returns how many."""
        cutoff = self._clock() - self.grace_seconds
        with self._lock:
            idle = [t for t, h in self._held.items() if h.last_seen < cutoff]
            released = [self._held.pop(t) for t in idle]
        self._forget(released)
        return len(released)

    # --- the server's limits ------------------------------------------------------------------------

    def open_count(self) -> int:
        """How many workbooks hold data (the ones that cost memory)."""
        with self._lock:
            return sum(1 for h in self._held.values() if h.workbook.materialized)

    def _admit(self) -> None:
        """Called before a private workbook's first save: refuse it when the server is full."""
        if self.open_count() >= self.max_open:
            raise WorkbookFull(
                f"This shared server is holding as many private workbooks as it can ({self.max_open}); nothing "
                "was saved. Try again in a few minutes, sign in, or run the app on your own computer."
            )
        used = self._memory() if self._memory_guard_mb else None
        if used is not None and used > self._memory_guard_mb:
            raise WorkbookFull(
                f"This shared server is short of memory ({used:,.0f} MB in use); nothing was saved. "
                "Try again in a few minutes, sign in, or run the app on your own computer."
            )

    def _make_room_for_a_token(self) -> None:
        """Past MAX_TOKENS, forget the oldest tokens that never saved anything (they hold nothing)."""
        if len(self._held) < MAX_TOKENS:
            return
        empty = sorted((h.last_seen, t) for t, h in self._held.items() if not h.workbook.materialized)
        for _, token in empty[: len(self._held) - MAX_TOKENS + 1]:
            self._held.pop(token).workbook.close()

    def _forget(self, released: list[_Held]) -> None:
        sessions: set[str] = set()
        for held in released:
            held.workbook.close()
            sessions |= held.sessions
        if sessions and self._on_release is not None:
            self._on_release(sessions)

    # --- the timer ----------------------------------------------------------------------------------

    def start_reaper(self, every: float | None = None) -> None:
        """Release idle workbooks on a timer, so a quiet visitor's data goes when promised."""
        if self._reaper is not None:
            return
        interval = every if every is not None else max(0.5, min(30.0, self.grace_seconds / 4))

        def reap() -> None:
            while not self._stopping.wait(interval):
                self.release_idle()

        self._reaper = threading.Thread(target=reap, daemon=True, name="private-workbook-reaper")
        self._reaper.start()

    def stop(self) -> None:
        """Stop the timer and release every workbook (the server is shutting down, or a test ends)."""
        self._stopping.set()
        with self._lock:
            held = list(self._held.values())
            self._held.clear()
        self._forget(held)

    def __len__(self) -> int:
        return len(self._held)
