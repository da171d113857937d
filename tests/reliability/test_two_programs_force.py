"""`workbook demo --force` must not replace a file another program holds open (it deletes it today)."""

from __future__ import annotations

from store import open_workbook
from tests.reliability.test_two_programs import (
    LOCKED,
    assert_one_clear_line,
    hold_file,
    run_cli,
)


def test_workbook_demo_force_on_a_file_another_program_holds_refuses_and_keeps_its_people(tmp_path, record):
    path = tmp_path / "held.duckdb"
    assert run_cli("demo", "--db", str(path), "--contacts", "10").returncode == 0
    holder = hold_file(path)
    try:
        result = run_cli("demo", "--db", str(path), "--contacts", "5", "--force")
    finally:
        holder.kill()
        holder.wait()
    assert_one_clear_line(result, LOCKED)
    book = open_workbook(path)
    try:
        assert book.read_one("SELECT count(*) FROM contacts")[0] == 10
    finally:
        book.close()
    record("Two programs, one file", "`workbook demo --force` while another program holds the file", sessions=2, lost=0)
