"""Every page renders without an exception on an empty and on a demo workbook."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import PAGE_FILES


@pytest.mark.parametrize("page", PAGE_FILES)
def test_every_page_renders_on_an_empty_workbook(app_on, tmp_path, page):
    at = app_on(tmp_path / "empty.duckdb", page)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title, f"{page} shows no title"
    # The page ran through app.py: its sidebar names the open workbook.
    assert any("Workbook open" in c.value for c in at.sidebar.caption), f"{page} skipped the router"


@pytest.mark.parametrize("page", PAGE_FILES)
def test_every_page_renders_on_a_demo_workbook(app_on, tmp_path, demo_path, page):
    path = tmp_path / "demo.duckdb"
    shutil.copy(demo_path, path)
    at = app_on(path, page)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title, f"{page} shows no title"


def test_the_sidebar_names_the_open_workbook_file(app_on, tmp_path):
    path = tmp_path / "named.duckdb"
    at = app_on(path)
    assert any(str(path) in m.value for m in at.sidebar.markdown)
