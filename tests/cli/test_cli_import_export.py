"""The `workbook import` and `workbook export` commands: a summary, or one line and a non-zero exit."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from cli.main import build_parser, main
from fileio.reader import read_contacts
from store import open_workbook
from store.contacts import count_contacts

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def count_in(path: Path) -> int:
    book = open_workbook(path)
    try:
        return count_contacts(book)
    finally:
        book.close()


def test_import_prints_the_summary_and_a_second_run_adds_nobody(tmp_path, capsys):
    db = tmp_path / "w.duckdb"
    code, out, _ = run(capsys, "import", str(FIXTURES / "linkedin_connections.csv"), "--db", str(db))
    assert code == 0 and out.startswith("Added 5, updated 0") and "skipped line 10" in out
    code, out, _ = run(capsys, "import", str(FIXTURES / "linkedin_connections.csv"), "--db", str(db))
    assert code == 0 and out.startswith("Added 0, updated 0, 5 already up to date")
    assert count_in(db) == 5


def test_a_bad_file_gives_one_line_a_non_zero_exit_and_saves_nothing(tmp_path, capsys):
    db = tmp_path / "w.duckdb"
    code, out, err = run(capsys, "import", str(FIXTURES / "no_name.csv"), "--db", str(db))
    assert code == 1 and out == "" and err.count("\n") == 1 and "name column" in err
    assert not db.exists()


def test_a_missing_file_is_named_in_the_error(tmp_path, capsys):
    code, _, err = run(capsys, "import", str(tmp_path / "nope.csv"), "--db", str(tmp_path / "w.duckdb"))
    assert code == 1 and "cannot read" in err and "check the path" in err


def test_the_format_can_be_forced(tmp_path, capsys):
    code, out, _ = run(
        capsys, "import", str(FIXTURES / "other.csv"), "--db", str(tmp_path / "w.duckdb"), "--format", "csv"
    )
    assert code == 0 and out.startswith("Added 2")


def test_a_dry_run_saves_nothing(tmp_path, capsys):
    db = tmp_path / "w.duckdb"
    code, out, _ = run(capsys, "import", str(FIXTURES / "broken_quote.csv"), "--db", str(db), "--dry-run")
    assert code == 0 and "nothing was saved" in out and "skipped line 3" in out
    assert not db.exists()


def test_export_writes_a_zip_and_vcards_that_import_back(tmp_path, capsys):
    db = tmp_path / "w.duckdb"
    run(capsys, "import", str(FIXTURES / "google_contacts.csv"), "--db", str(db))
    code, out, _ = run(capsys, "export", "--db", str(db), "--format", "zip", "-o", str(tmp_path / "all.zip"))
    assert code == 0 and out.startswith("Wrote")
    assert "workbook.json" in zipfile.ZipFile(tmp_path / "all.zip").namelist()
    run(capsys, "export", "--db", str(db), "--format", "vcard", "-o", str(tmp_path / "people.vcf"))
    names = sorted(d.name for d in read_contacts((tmp_path / "people.vcf").read_bytes()).drafts)
    assert names == ["Anne-Marie Lévesque", "William Smith", "محمد الأحمد"]


@pytest.mark.parametrize("fmt", ["csv", "ics", "plan", "markdown"])
def test_every_export_format_writes_a_file(tmp_path, capsys, fmt):
    db = tmp_path / "w.duckdb"
    run(capsys, "import", str(FIXTURES / "linkedin_no_url.csv"), "--db", str(db))
    out_file = tmp_path / f"out.{fmt}"
    code, _, _ = run(capsys, "export", "--db", str(db), "--format", fmt, "-o", str(out_file))
    assert code == 0 and out_file.stat().st_size > 0


def test_import_and_export_have_help_text():
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices
    for name in ("import", "export"):
        assert commands[name].description and commands[name].format_help().count("--") >= 2


def test_any_csv_can_be_mapped_column_by_column(tmp_path, capsys):
    db = tmp_path / "w.duckdb"
    code, out, _ = run(
        capsys,
        "import",
        str(FIXTURES / "other.csv"),
        "--db",
        str(db),
        "--format",
        "csv",
        "--map",
        "name=Who",
        "--map",
        "company=Works at",
    )
    assert code == 0 and out.startswith("Added 2")
    book = open_workbook(db)
    assert book.read("SELECT company FROM contacts ORDER BY id") == [("Lagos Tech",), ("",)]
    book.close()


def test_a_mapping_to_an_unknown_field_is_refused(tmp_path, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["import", str(FIXTURES / "other.csv"), "--db", str(tmp_path / "w.duckdb"), "--map", "shoe_size=Who"])
    assert stopped.value.code == 2 and "FIELD=COLUMN" in capsys.readouterr().err


def test_export_from_a_mistyped_path_is_refused_and_makes_no_file(capsys, tmp_path):
    missing = tmp_path / "typo.duckdb"
    code, out, err = run(capsys, "export", "--db", str(missing), "--format", "csv", "-o", str(tmp_path / "out.csv"))
    assert code == 1 and "does not exist" in err
    assert not missing.exists() and not (tmp_path / "out.csv").exists()
