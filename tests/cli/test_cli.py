"""The ``workbook`` command: demo makes a file that info reads; refusals are one line starting
'error:' with a non-zero exit and no traceback; every subcommand explains itself."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from cli.main import build_parser, main
from store import LATEST_VERSION, open_workbook
from store.contacts import count_contacts

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cli", *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


def subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    [action] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(action.choices)


def test_demo_makes_a_workbook_that_info_reads(tmp_path, capsys):
    path = tmp_path / "demo.duckdb"
    assert main(["demo", "--db", str(path), "--contacts", "50", "--seed", "3"]) == 0
    made = capsys.readouterr().out
    assert made.startswith(f"Made {path}: 50 people, 167 interactions")
    assert "(seed 3)" in made

    assert main(["info", "--db", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:2] == [f"workbook: {path}", f"schema version: {LATEST_VERSION}"]
    counts = dict(line.split(": ") for line in lines[2:])
    assert counts["contacts"] == "50"
    assert counts["interactions"] == "167"
    assert counts["goals"] == "7"
    assert counts["contacts in trash"] == "0"


def test_the_same_seed_makes_the_same_people(tmp_path, capsys):
    names = []
    for run in ("a", "b"):
        path = tmp_path / f"{run}.duckdb"
        assert main(["demo", "--db", str(path), "--contacts", "20", "--seed", "9"]) == 0
        book = open_workbook(path)
        names.append(book.read("SELECT name FROM contacts ORDER BY id"))
        book.close()
    assert names[0] == names[1]


def test_demo_refuses_to_overwrite_an_existing_file_without_force(tmp_path, capsys):
    path = tmp_path / "precious.duckdb"
    main(["demo", "--db", str(path), "--contacts", "10"])
    capsys.readouterr()
    before = path.read_bytes()

    assert main(["demo", "--db", str(path), "--contacts", "99"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error:") and err.count("\n") == 1
    assert "--force" in err
    assert path.read_bytes() == before


def test_demo_with_force_replaces_the_file(tmp_path, capsys):
    path = tmp_path / "book.duckdb"
    path.write_text("not even a workbook")
    assert main(["demo", "--db", str(path), "--contacts", "12", "--force"]) == 0
    book = open_workbook(path)
    assert count_contacts(book) == 12
    book.close()


def test_demo_uses_workbook_path_when_no_db_is_given(tmp_path, monkeypatch, capsys):
    path = tmp_path / "env" / "workbook.duckdb"
    monkeypatch.setenv("WORKBOOK_PATH", str(path))
    assert main(["demo", "--contacts", "5"]) == 0
    assert path.exists()
    assert main(["info"]) == 0
    assert "contacts: 5" in capsys.readouterr().out.splitlines()


@pytest.mark.parametrize("count", ["0", "-5", "many"])
def test_a_demo_of_no_or_a_negative_or_a_wordy_number_of_people_is_refused(tmp_path, capsys, count):
    path = tmp_path / "none.duckdb"
    with pytest.raises(SystemExit) as caught:
        main(["demo", "--db", str(path), "--contacts", count])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "--contacts" in err
    assert not path.exists()


def test_zero_contacts_is_refused_as_not_a_positive_whole_number(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["demo", "--db", str(tmp_path / "x.duckdb"), "--contacts", "0"])
    assert "0 is not a positive whole number" in capsys.readouterr().err


def test_info_on_a_text_file_says_so_in_one_line_without_a_traceback(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("Call Ana on Friday\n")
    result = run_cli("info", "--db", str(path))
    assert result.returncode != 0
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("error:")
    assert "not a DuckDB file" in lines[0]
    assert "Traceback" not in result.stderr
    assert path.read_text() == "Call Ana on Friday\n"


def test_info_on_a_workbook_from_a_newer_app_says_to_upgrade(tmp_path, capsys):
    path = tmp_path / "future.duckdb"
    book = open_workbook(path)
    with book.write() as cursor:
        cursor.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(LATEST_VERSION + 5)])
    book.close()
    assert main(["info", "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error:") and err.count("\n") == 1
    assert "upgrade" in err


def test_no_subcommand_or_an_unknown_one_is_refused_with_usage(capsys):
    for argv in ([], ["explode"]):
        with pytest.raises(SystemExit) as caught:
            main(argv)
        assert caught.value.code == 2
        assert "usage: workbook" in capsys.readouterr().err


def test_every_subcommand_has_help_and_a_description():
    parser = build_parser()
    [action] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    helps = {choice.dest: choice.help for choice in action._choices_actions}
    assert set(helps) == set(action.choices) >= {"demo", "info"}
    for name, sub in action.choices.items():
        assert helps[name] and helps[name].strip(), name
        assert sub.description and sub.description.strip(), name


def test_every_option_of_every_subcommand_is_explained():
    for name, sub in subcommands().items():
        for option in sub._actions:
            if isinstance(option, argparse._HelpAction):
                continue
            assert option.help and option.help.strip(), f"{name} {option.option_strings}"


@pytest.mark.parametrize("name", sorted(subcommands()))
def test_asking_a_subcommand_for_help_prints_its_description_and_succeeds(name, capsys):
    with pytest.raises(SystemExit) as caught:
        main([name, "--help"])
    assert caught.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: workbook {name}")
    assert subcommands()[name].description in " ".join(out.split())


def test_info_on_a_file_that_does_not_exist_says_so_and_creates_nothing(tmp_path, capsys):
    path = tmp_path / "typo.duckdb"
    assert main(["info", "--db", str(path)]) != 0
    assert capsys.readouterr().err.startswith("error:")
    assert not path.exists()
