"""The router's workaround is needed only while Streamlit runs a pages/ folder in legacy mode."""

from __future__ import annotations

from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner import script_runner

ROOT = Path(__file__).resolve().parents[2]


def test_streamlit_still_reads_our_pages_folder_as_a_legacy_multipage_app():
    saved = PagesManager.uses_pages_directory
    PagesManager.uses_pages_directory = None
    try:
        PagesManager(str(ROOT / "app.py"))
        legacy = PagesManager.uses_pages_directory
    finally:
        PagesManager.uses_pages_directory = saved
    assert legacy is True and hasattr(script_runner, "_mpa_v1"), (
        "Streamlit no longer runs a pages/ folder in its legacy mode: delete the workaround in ui/router.py"
    )


def test_a_page_opened_first_on_a_fresh_server_still_runs_through_app_py(app_on, tmp_path):
    PagesManager.uses_pages_directory = True  # as a fresh server has it before any st.navigation call
    at = app_on(tmp_path / "w.duckdb", "reach_out.py")
    assert any("Workbook open" in c.value for c in at.sidebar.caption)
    assert PagesManager.uses_pages_directory is False
