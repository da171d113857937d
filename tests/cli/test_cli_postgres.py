"""The workbook command on a PostgreSQL database: the same commands, the same output, one account at a time."""

from __future__ import annotations

from pathlib import Path

from cli.main import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_demo_info_import_and_export_act_on_one_accounts_workbook(capsys, postgres_url, tmp_path):
    code, out, _ = run(capsys, "demo", "--database-url", postgres_url, "--user", "ana", "--contacts", "40")
    assert code == 0 and "40 people" in out
    code, out, _ = run(capsys, "info", "--database-url", postgres_url, "--user", "ana")
    assert code == 0 and "contacts: 40" in out
    code, out, _ = run(capsys, "info", "--database-url", postgres_url, "--user", "bo")
    assert code == 0 and "contacts: 0" in out  # another account sees none of ana's people
    linkedin = str(FIXTURES / "linkedin_connections.csv")
    code, out, _ = run(capsys, "import", linkedin, "--database-url", postgres_url, "--user", "bo")
    assert code == 0 and out.startswith("Added ")
    code, out, _ = run(capsys, "import", linkedin, "--database-url", postgres_url, "--user", "bo")
    assert code == 0 and out.startswith("Added 0,")
    target = tmp_path / "ana.vcf"
    code, out, _ = run(
        capsys, "export", "--format", "vcard", "-o", str(target), "--database-url", postgres_url, "--user", "ana"
    )
    assert code == 0 and target.read_text().count("BEGIN:VCARD") == 40


def test_demo_refuses_to_fill_an_account_that_has_data_unless_forced(capsys, postgres_url):
    assert run(capsys, "demo", "--database-url", postgres_url, "--user", "ana", "--contacts", "10")[0] == 0
    code, _, err = run(capsys, "demo", "--database-url", postgres_url, "--user", "ana", "--contacts", "10")
    assert code == 1 and err.startswith("error: ") and len(err.strip().splitlines()) == 1
    assert run(capsys, "demo", "--database-url", postgres_url, "--user", "ana", "--contacts", "12", "--force")[0] == 0
    assert "contacts: 12" in run(capsys, "info", "--database-url", postgres_url, "--user", "ana")[1]


def test_a_wrong_password_is_one_clear_line_and_a_non_zero_exit(capsys, postgres_server, postgres_url):
    wrong = postgres_url.replace(postgres_server.password, "wrong-password")
    code, out, err = run(capsys, "info", "--database-url", wrong, "--user", "ana")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "refused the user name or password" in err


def test_an_unreachable_database_is_one_clear_line_and_a_non_zero_exit(capsys):
    code, _, err = run(capsys, "info", "--database-url", "postgresql://a:b@127.0.0.1:9/workbook", "--user", "ana")
    assert code == 1 and err.count("\n") == 1 and "cannot be reached" in err


def test_a_database_url_needs_a_user(capsys, postgres_url):
    import pytest

    with pytest.raises(SystemExit) as stopped:
        main(["info", "--database-url", postgres_url])
    assert stopped.value.code == 2 and "--user" in capsys.readouterr().err
