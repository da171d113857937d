"""Private workbooks for shared mode: one per visitor, reachable only by that visitor's secret token.

Streamlit releases session-scoped resources as soon as a browser disconnects, but a phone that
drops off the network for a minute should come back to its work. So each private workbook is
held here under a secret token (kept in the visitor's page address) and released only after a
grace period with no sign of life. Nothing here is written to disk.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from store import Workbook, open_private_workbook

DEFAULT_GRACE_SECONDS = 15 * 60
TOKEN_BYTES = 24


@dataclass
class _Held:
    workbook: Workbook
    last_seen: float


class PrivateWorkbooks:
    """Token -> private workbook, released after ``grace_seconds`` without a touch."""

    def __init__(self, grace_seconds: float = DEFAULT_GRACE_SECONDS, clock: Callable[[], float] = time.monotonic):
        self.grace_seconds = grace_seconds
        self._clock = clock
        self._held: dict[str, _Held] = {}
        self._lock = threading.Lock()

    def claim(self, token: str | None) -> tuple[str, Workbook]:
        """The workbook for ``token`` if it is still held; otherwise a new token and an empty workbook."""
        self.release_idle()
        with self._lock:
            held = self._held.get(token or "")
            if held is not None and not held.workbook.closed:
                held.last_seen = self._clock()
                return token, held.workbook
            fresh = secrets.token_urlsafe(TOKEN_BYTES)
            workbook = open_private_workbook()
            self._held[fresh] = _Held(workbook, self._clock())
            return fresh, workbook

    def touch(self, token: str) -> bool:
        """Record a sign of life; False when the token is unknown (released or never issued)."""
        with self._lock:
            held = self._held.get(token)
            if held is None:
                return False
            held.last_seen = self._clock()
            return True

    def release(self, token: str) -> None:
        """Forget a visitor's workbook now (they asked to wipe it)."""
        with self._lock:
            held = self._held.pop(token, None)
        if held is not None:
            held.workbook.close()

    def release_idle(self) -> int:
        """Release every workbook not touched within the grace period; returns how many."""
        cutoff = self._clock() - self.grace_seconds
        with self._lock:
            idle = [t for t, h in self._held.items() if h.last_seen < cutoff]
            released = [self._held.pop(t) for t in idle]
        for held in released:
            held.workbook.close()
        return len(released)

    def __len__(self) -> int:
        return len(self._held)
