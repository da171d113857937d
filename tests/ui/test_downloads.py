"""A personal file can be fetched once, right after the click, and then never again."""

from __future__ import annotations

import pytest
from streamlit.runtime.media_file_storage import MediaFileKind, MediaFileStorageError
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

import ui.downloads


@pytest.fixture
def storage(monkeypatch):
    store = MemoryMediaFileStorage("/media")
    monkeypatch.setattr(ui.downloads, "_storage", lambda: store)
    return store


def test_streamlit_still_names_a_file_by_the_hash_the_downloads_module_computes(storage):
    from streamlit.runtime.memory_media_file_storage import _calculate_file_id

    file_id = storage.load_and_get_id(
        b"backup bytes", "application/octet-stream", MediaFileKind.DOWNLOADABLE, "w.duckdb"
    )
    assert file_id == _calculate_file_id(b"backup bytes", "application/octet-stream", "w.duckdb")


def test_the_file_is_gone_moments_after_the_browser_has_fetched_it(storage, monkeypatch):
    import time

    monkeypatch.setattr(ui.downloads, "AFTER_FETCH_S", 0.1)
    ui.downloads._track(b"backup bytes", "application/octet-stream", "w.duckdb")
    file_id = storage.load_and_get_id(
        b"backup bytes", "application/octet-stream", MediaFileKind.DOWNLOADABLE, "w.duckdb"
    )
    url = storage.get_url(file_id)  # what Streamlit does to give the browser the address
    name = url.rsplit("/", 1)[1]
    assert storage.get_file(name).content == b"backup bytes"  # the page's fetch
    assert storage.get_file(name).content == b"backup bytes"  # Chromium's download manager asks again at once
    time.sleep(0.5)
    with pytest.raises(MediaFileStorageError):
        storage.get_file(name)  # anyone else, later


def test_an_unfetched_file_goes_after_the_fetch_window(storage, monkeypatch):
    import time

    monkeypatch.setattr(ui.downloads, "FETCH_WINDOW_S", 0.1)
    ui.downloads._track(b"plan", "text/html", "plan.html")
    file_id = storage.load_and_get_id(b"plan", "text/html", MediaFileKind.DOWNLOADABLE, "plan.html")
    time.sleep(0.3)
    with pytest.raises(MediaFileStorageError):
        storage.get_file(file_id)


def test_files_nobody_tracked_are_served_as_streamlit_serves_them(storage):
    ui.downloads._install(storage)
    file_id = storage.load_and_get_id(b"chart", "image/png", MediaFileKind.MEDIA, None)
    for _ in range(3):
        assert storage.get_file(file_id).content == b"chart"
