"""Exports: formulas are neutralised, the zip carries the schema version, the plan prints safely."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fileio.action_plan import PlanSection, render_html, render_markdown
from fileio.export import build_workbook_zip, neutralise_cell, write_csv


@pytest.mark.parametrize("value", ['=HYPERLINK("x")', "+1 555", "-2+3", "@SUM(A1)", "\tTab", "\rCR"])
def test_a_cell_a_spreadsheet_would_run_is_neutralised(value):
    assert neutralise_cell(value) == "'" + value


@settings(deadline=None)
@given(st.text())
def test_no_exported_cell_starts_a_formula(value):
    assert not neutralise_cell(value).startswith(("=", "+", "-", "@", "\t", "\r"))


def test_ordinary_values_are_written_as_they_are():
    assert [neutralise_cell(v) for v in ("Ann", 3, None, True, date(2026, 1, 2))] == [
        "Ann",
        "3",
        "",
        "true",
        "2026-01-02",
    ]


def test_csv_export_neutralises_every_cell_and_keeps_the_rest_intact():
    text = write_csv(["name", "note"], [["Zoë D'Arcy", "=1+1"], ["山田 太郎", "line one\nline two"]])
    rows = list(csv.reader(io.StringIO(text)))
    assert rows == [["name", "note"], ["Zoë D'Arcy", "'=1+1"], ["山田 太郎", "line one\nline two"]]


def test_the_workbook_zip_has_a_csv_per_table_and_the_schema_version():
    data = build_workbook_zip(
        {"contacts": (["id", "name"], [[1, "José"], [2, "@me"]]), "goals": (["id", "title"], [])},
        schema_version=2,
        exported_at=datetime(2026, 1, 2, 3, 4, 5),
    )
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert sorted(archive.namelist()) == ["contacts.csv", "goals.csv", "workbook.json"]
    manifest = json.loads(archive.read("workbook.json"))
    assert manifest["schema_version"] == 2 and manifest["tables"]["contacts"]["rows"] == 2
    contacts = archive.read("contacts.csv").decode("utf-8-sig")
    assert contacts.splitlines() == ["id,name", "1,José", "2,'@me"]


SECTIONS = [
    PlanSection("Who to contact next", "People you have not spoken to for a while.", ("Call <b>Ann</b> *today*",)),
    PlanSection("References", "Keep them informed.", (), empty="No references yet."),
]


def test_the_html_plan_escapes_user_text_and_prints_cleanly():
    page = render_html("My plan", SECTIONS, date(2026, 1, 2))
    assert "&lt;b&gt;Ann&lt;/b&gt;" in page and "<b>Ann</b>" not in page
    assert "@media print" in page and "No references yet." in page
    assert "HelpGuide.org" in page and "02 January 2026" in page


def test_the_markdown_plan_has_a_checkbox_per_item_and_no_live_markup():
    text = render_markdown("My plan", SECTIONS, date(2026, 1, 2))
    assert "- [ ] Call &lt;b&gt;Ann&lt;/b&gt; \\*today\\*" in text
    assert "## References" in text and "_No references yet._" in text
