"""Where the workbook lives: WORKBOOK_PATH when set, else a file in the user's data folder."""

from __future__ import annotations

from pathlib import Path

from services.locations import APP_NAME, FILE_NAME, default_workbook_path


def test_workbook_path_wins_when_set(tmp_path):
    chosen = tmp_path / "elsewhere" / "mine.duckdb"
    assert default_workbook_path({"WORKBOOK_PATH": str(chosen)}) == chosen


def test_a_tilde_in_workbook_path_means_the_home_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    assert default_workbook_path({"WORKBOOK_PATH": "~/jobs/workbook.duckdb"}) == tmp_path / "jobs" / "workbook.duckdb"


def test_surrounding_spaces_in_workbook_path_are_ignored(tmp_path):
    assert default_workbook_path({"WORKBOOK_PATH": f"  {tmp_path / 'a.duckdb'}\n"}) == tmp_path / "a.duckdb"


def test_without_workbook_path_the_file_is_in_the_apps_per_user_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    for environ in ({}, {"WORKBOOK_PATH": ""}, {"WORKBOOK_PATH": "   "}):
        path = default_workbook_path(environ)
        assert path.name == FILE_NAME == "workbook.duckdb"
        assert path.parent.name == APP_NAME
        assert path.is_absolute()
        assert path.is_relative_to(tmp_path)


def test_the_process_environment_is_read_when_none_is_passed(monkeypatch, tmp_path):
    monkeypatch.setenv("WORKBOOK_PATH", str(tmp_path / "from-env.duckdb"))
    assert default_workbook_path() == tmp_path / "from-env.duckdb"
    monkeypatch.delenv("WORKBOOK_PATH")
    assert default_workbook_path().name == "workbook.duckdb"
    assert default_workbook_path() != tmp_path / "from-env.duckdb"
    assert isinstance(default_workbook_path(), Path)
