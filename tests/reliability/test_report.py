"""docs/reliability.md is rewritten only from a whole, passing run, and shows what was lost."""

from __future__ import annotations

from tests.reliability import conftest as report

EVERY_FILE = sorted(f"tests/reliability/{p.name}" for p in report.HERE.glob("test_*.py"))


def part(
    outcomes: dict[str, bool] | None = None,
    deselected: list[str] | None = None,
    soak: int = 1,
    files: list[str] | None = None,
) -> dict:
    collected = [f"{f}::test_one" for f in (files or EVERY_FILE)]
    return {
        "records": [],
        "outcomes": {n: True for n in collected} if outcomes is None else outcomes,
        "collected": collected,
        "deselected": deselected or [],
        "soak": soak,
    }


def test_a_whole_passing_run_may_rewrite_the_report():
    assert report._whole_suite_passed([part()])


def test_a_run_of_one_file_leaves_the_report_alone():
    assert not report._whole_suite_passed([part(files=EVERY_FILE[:1])])


def test_a_run_with_a_failed_or_deselected_test_leaves_the_report_alone():
    failed = part()
    failed["outcomes"][failed["collected"][0]] = False
    assert not report._whole_suite_passed([failed])
    assert not report._whole_suite_passed([part(deselected=["tests/reliability/x.py::y"])])


def test_two_workers_together_make_a_whole_run():
    whole = part()
    first, second = whole["collected"][::2], whole["collected"][1::2]
    assert report._whole_suite_passed(
        [part(outcomes={n: True for n in first}), part(outcomes={n: True for n in second})]
    )
    assert not report._whole_suite_passed([part(outcomes={n: True for n in first})])


def test_the_table_adds_up_each_kind_of_trial_and_shows_any_loss():
    records = [
        {
            "test": "a",
            "area": "Crashes",
            "what": "kill",
            "sessions": 0,
            "changes": 10,
            "crashes": 1,
            "inputs": 0,
            "lost": 0,
        },
        {
            "test": "b",
            "area": "Crashes",
            "what": "kill",
            "sessions": 0,
            "changes": 5,
            "crashes": 1,
            "inputs": 0,
            "lost": 2,
        },
        {
            "test": "c",
            "area": "Concurrent sessions",
            "what": "tabs",
            "sessions": 20,
            "changes": 1000,
            "crashes": 0,
            "inputs": 0,
            "lost": 0,
        },
    ]
    text = report.render_report(records)
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    assert rows[1] == "| Concurrent sessions | tabs | 20 | 1,000 | – | – | 0 |"  # areas in their fixed order
    assert rows[2] == "| Crashes | kill | – | 15 | 2 | – | 2 |"
    assert rows[-1] == "| **all** | | **20** | **1,015** | **2** | **0** | **2** |"
