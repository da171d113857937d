"""Local mode: the app keeps a daily snapshot beside the workbook without being asked."""

from __future__ import annotations

from datetime import date

from store import open_workbook


def test_opening_the_app_in_local_mode_writes_todays_checked_snapshot(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    at = app_on(path, "know_your_network.py")
    at.text_input(key="new_name").input("In the snapshot")
    at.button[0].click().run()
    snapshot = tmp_path / "backups" / f"workbook-{date.today():%Y-%m-%d}.duckdb"
    assert snapshot.exists()
    copy = open_workbook(snapshot)
    try:
        assert copy.schema_version() >= 1
    finally:
        copy.close()


def test_the_snapshot_is_written_once_a_day_not_on_every_run(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    at = app_on(path, "know_your_network.py")
    snapshot = tmp_path / "backups" / f"workbook-{date.today():%Y-%m-%d}.duckdb"
    first = snapshot.stat().st_mtime_ns
    at.text_input(key="new_name").input("Later today")
    at.button[0].click().run()
    assert snapshot.stat().st_mtime_ns == first
