"""Every page renders without an exception on an empty and on a demo workbook."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import PAGE_FILES
from ui.registry import PAGES

SIDEBAR_TITLES = {spec.file: spec.title for spec in PAGES}


@pytest.mark.parametrize("page", PAGE_FILES)
def test_every_page_renders_on_an_empty_workbook(app_on, tmp_path, page):
    at = app_on(tmp_path / "empty.duckdb", page)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title, f"{page} shows no title"
    assert at.title[0].value == SIDEBAR_TITLES[page], f"{page} is titled unlike its sidebar entry"
    texts = [e.value for kind in (at.markdown, at.info, at.caption, at.warning) for e in kind if len(e.value) > 60]
    assert len(texts) == len(set(texts)), f"{page} says the same thing twice"
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
