"""'About your data': where the workbook is, what it holds, and how to open it yourself."""

from __future__ import annotations

from store import LATEST_VERSION

PAGE = "about_your_data.py"


def test_a_workbook_file_is_described_with_its_version_and_the_command_that_opens_it(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    at = app_on(path, PAGE)
    assert [t.value for t in at.title] == ["About your data"]
    assert any(f"**Schema version:** {LATEST_VERSION}" in m.value for m in at.markdown)
    [code] = at.code
    assert code.value.startswith(f"duckdb '{path}'\nSELECT name, circle, tie FROM contacts")
