"""Downloads of personal files (a backup, the contacts, the plan): made on click, fetched once, gone.

Streamlit serves a download button's file at an address under /media/ that any client can fetch,
with no session, for as long as Streamlit keeps the file: after the tab has closed, a couple of
minutes more. For a file of someone's contacts that is too long. So the file is made only when the
button is clicked, and taken out of Streamlit's store AFTER_FETCH_S after the browser first fetched it
(the second read: the first is Streamlit making its address), or after FETCH_WINDOW_S at the latest.
The few seconds after the first fetch are there because Chromium asks for a download twice (the page's
request, then its download manager's): deleting at the first fetch made every backup download fail.

This relies on Streamlit 1.67's media store (``MemoryMediaFileStorage``): its ids are a hash of the
file's bytes, type and name, and its ``get_file`` is called once to make the address and once per
fetch. ``tests/ui/test_downloads.py`` fails if that changes.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from typing import Any

import streamlit as st

FETCH_WINDOW_S = 30.0
AFTER_FETCH_S = 5.0
_reads: dict[str, int] = {}
_lock = threading.Lock()
_installed: set[int] = set()


def _storage():
    from streamlit import runtime

    return runtime.get_instance().media_file_mgr._storage if runtime.exists() else None


def _install(storage) -> None:
    """Wrap the media store's get_file once, so a tracked file goes after its first fetch."""
    with _lock:
        if id(storage) in _installed:
            return
        _installed.add(id(storage))
    original = storage.get_file

    def get_file(filename: str):
        found = original(filename)
        file_id = os.path.splitext(filename)[0]
        with _lock:
            fetched = file_id in _reads and _reads[file_id] >= 1  # 1: Streamlit made the address
            if file_id in _reads:
                _reads[file_id] += 1
                if fetched:  # the browser fetched it: its download manager may ask once more, at once
                    del _reads[file_id]
        if fetched:
            _later(AFTER_FETCH_S, lambda: storage.delete_file(file_id))
        return found

    storage.get_file = get_file


def _track(data: bytes, mimetype: str, file_name: str) -> None:
    from streamlit.runtime.memory_media_file_storage import _calculate_file_id

    storage = _storage()
    if storage is None:
        return
    _install(storage)
    file_id = _calculate_file_id(data, mimetype, file_name)
    with _lock:
        _reads[file_id] = 0

    def expire() -> None:
        with _lock:
            _reads.pop(file_id, None)
        storage.delete_file(file_id)

    _later(FETCH_WINDOW_S, expire)


def _later(seconds: float, action: Callable[[], None]) -> None:
    timer = threading.Timer(seconds, action)
    timer.daemon = True
    timer.start()


def personal_download_button(label: str, build: Callable[[], bytes], file_name: str, mime: str, **options: Any) -> None:
    """A download button whose file is made on click and can be fetched once, by this browser, at once."""

    def make() -> bytes:
        data = build()
        _track(data, mime, file_name)
        return data

    st.download_button(label, data=make, file_name=file_name, mime=mime, on_click="ignore", **options)
