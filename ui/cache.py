"""Results cached per workbook and per data version, so nothing leaks between workbooks and
nothing goes stale after a write (every write raises the workbook's data_version)."""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import Any, TypeVar

from core.store import Workbook

T = TypeVar("T")
_MAX_ENTRIES = 128
_caches: "weakref.WeakKeyDictionary[Workbook, dict]" = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def cached(workbook: Workbook, compute: Callable[..., T], *args: Any) -> T:
    """``compute(workbook, *args)``, reused until the workbook changes."""
    with _lock:
        entries = _caches.setdefault(workbook, {})
    key = (compute.__module__, compute.__qualname__, args)
    version = workbook.data_version
    hit = entries.get(key)
    if hit is not None and hit[0] == version:
        return hit[1]
    value = compute(workbook, *args)
    if len(entries) >= _MAX_ENTRIES:
        entries.clear()
    entries[key] = (version, value)
    return value
