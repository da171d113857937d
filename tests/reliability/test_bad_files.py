"""Bad files that got a traceback or the wrong rows (issue 14): each case, tried on every run.

Backups with an unreadable schema version are offered to the restore on the real Import page
(AppTest) in local and in shared mode; the hostile address books go through the importer into a
real workbook file; the workbook command runs as a user types it; a snapshot writer is killed
with SIGKILL while its half-written file is on disk.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

import ui.session
from cli.main import main
from core.errors import ImportFileError
from core.model import ContactDraft
from services import imports
from store import open_workbook
from store.backup import PARTIAL_STALE_SECONDS, check_workbook_file, list_snapshots, snapshot_if_due
from store.contacts import add_contact, count_contacts
from store.schema import APPLICATION_ID, MIGRATIONS
from tests.conftest import APP

AREA = "Bad files"
ROOT = Path(__file__).resolve().parents[2]
HEADER = "Name,Email\r\n"
MAPPING = {"name": "Name", "email": "Email"}
UNREADABLE_VERSIONS = {"'abc'": "'abc'", "NULL": "missing", "'-1'": "'-1'"}


def names_in(path: Path) -> list[str]:
    book = open_workbook(path)
    try:
        return [n for (n,) in book.read("SELECT name FROM contacts WHERE deleted_at IS NULL ORDER BY id")]
    finally:
        book.close()


# --- restore: a schema version that is not a number ---------------------------------------------------


def backup_with_version(path: Path, recorded: str) -> bytes:
    connection = duckdb.connect(str(path))
    connection.execute(MIGRATIONS[0])
    connection.execute("DROP TABLE meta; CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")  # NULL allowed
    connection.execute(f"INSERT INTO meta VALUES ('application', ?), ('schema_version', {recorded})", [APPLICATION_ID])
    connection.close()
    return path.read_bytes()


def restore_on_the_page(at: AppTest, name: str, data: bytes) -> AppTest:
    """Offer a file on the Backup part of the Import page, tick the box, press Restore."""
    at.session_state["section"] = "Backup and restore"
    at.run()
    uploader = next(u for u in at.get("file_uploader") if str(u.key).startswith("restore_file_"))
    at.file_uploader(key=uploader.key).upload(name, data).run()
    if not at.checkbox(key="restore_sure").value:
        at.checkbox(key="restore_sure").check().run()
    at.button(key="restore_go").click().run()
    return at


@pytest.mark.parametrize("mode", ["local", "shared"])
def test_a_backup_with_an_unreadable_schema_version_is_refused_in_one_line_on_the_page(
    mode, app_on, monkeypatch, tmp_path, record
):
    path = tmp_path / "w.duckdb"
    if mode == "local":
        at = app_on(path, "import_export.py")
        add_contact(ui.session._open_local(str(path)), ContactDraft(name="Stays"))
    else:
        monkeypatch.setenv("WORKBOOK_MODE", "shared")
        monkeypatch.setenv("WORKBOOK_PATH", str(path))
        ui.session.private_workbooks.clear()
        at = AppTest.from_file(APP, default_timeout=30)
        at.run()
        at.switch_page("pages/know_your_network.py").run()
        at.text_input(key="new_name").input("Stays")
        next(b for b in at.button if b.label == "Add person").click().run()
        at.switch_page("pages/import_export.py").run()
    refused = 0
    try:
        for n, (recorded, shown) in enumerate(UNREADABLE_VERSIONS.items()):
            data = backup_with_version(tmp_path / f"odd-{n}.duckdb", recorded)
            restore_on_the_page(at, f"odd-{n}.duckdb", data)
            assert not at.exception, [e.value for e in at.exception]  # no traceback on the page
            errors = [e.value for e in at.error]
            assert any(f"records its schema version as {shown}, so it is damaged" in e for e in errors), errors
            assert all("\n" not in e and "Traceback" not in e for e in errors)
            refused += 1
        if mode == "local":
            kept = names_in_open(path)
        else:
            book = ui.session.private_workbooks().claim(at.session_state[ui.session.TOKEN_KEY]).workbook
            kept = [n for (n,) in book.read("SELECT name FROM contacts ORDER BY id")]
    finally:
        if mode == "shared":
            ui.session.private_workbooks.clear()
    record(
        AREA,
        f"restore of a backup whose schema version is 'abc', NULL or '-1' ({mode} mode, on the page)",
        sessions=1,
        inputs=len(UNREADABLE_VERSIONS),
        lost=len(UNREADABLE_VERSIONS) - refused + (kept != ["Stays"]),
    )
    assert kept == ["Stays"] and not (mode == "shared" and path.exists())


def names_in_open(path: Path) -> list[str]:
    return [n for (n,) in ui.session._open_local(str(path)).read("SELECT name FROM contacts ORDER BY id")]


# --- address books built to trip the reader ------------------------------------------------------------


@pytest.mark.parametrize("odd", ["\u2028", "\u0085", "\f", "\v", "\u2029", "\x1c"])
def test_a_line_end_inside_a_quoted_name_keeps_two_people_two(odd, tmp_path, record):
    data = f'{HEADER}"Ana{odd}Costa",ana@example.org\r\nBo Lindqvist,bo@example.org\r\n'.encode()
    book = open_workbook(tmp_path / "w.duckdb")
    try:
        imports.import_people(book, imports.read_file(data, fmt="csv", mapping=MAPPING))
        emails = [e for (e,) in book.read("SELECT email FROM contacts ORDER BY id")]
    finally:
        book.close()
    record(
        AREA,
        "CSV with U+2028, U+0085, form feed and other line ends inside a quoted name",
        changes=len(emails),
        inputs=1,
        lost=abs(len(emails) - 2),
    )
    assert emails == ["ana@example.org", "bo@example.org"]


def test_a_nul_byte_anywhere_in_an_address_book_is_refused_with_its_line_and_nothing_is_saved(tmp_path, soak, record):
    rows = [f"Person {n},p{n}@example.org\r\n" for n in range(600)]  # 600 rows: well past the first 8 KB
    places = sorted({0, 1, 150, 599, *range(50, 600, max(1, 600 // (4 * soak)))})
    book = open_workbook(tmp_path / "w.duckdb")
    refused = 0
    try:
        for place in places:
            evil = [*rows[:place], "Evil\x00Name,e@example.org\r\n", *rows[place:]]
            data = (HEADER + "".join(evil)).encode()
            offset = len((HEADER + "".join(rows[:place])).encode())
            # In the first 8 KB the file is refused as not text; past them, by the line that holds it.
            said = r"^The file is not text" if offset < 8192 else rf"^Line {place + 2} holds a NUL character"
            with pytest.raises(ImportFileError, match=said):
                imports.import_people(book, imports.read_file(data, fmt="csv", mapping=MAPPING))
            refused += 1
        saved = count_contacts(book)
    finally:
        book.close()
    record(
        AREA,
        "CSV with a NUL byte at the start, middle and past the first 8 KB",
        inputs=len(places),
        lost=len(places) - refused + saved,
    )
    assert saved == 0


@pytest.mark.parametrize(
    "field, value, reason",
    [
        ("name", "A" * 100_000, "the name is 100,000 characters; up to 200 fit"),
        ("email", "x" * 200_000, "more than 128 KB"),  # unquoted: Python's csv refuses the field itself
    ],
)
def test_an_over_long_field_is_skipped_with_the_right_reason_and_the_rest_imported(
    field, value, reason, tmp_path, record
):
    first = f"{value},long@example.org" if field == "name" else f"Ana Costa,{value}"
    data = f"{HEADER}{first}\r\nBo Lindqvist,bo@example.org\r\n".encode()
    result = imports.read_file(data, fmt="csv", mapping=MAPPING)
    book = open_workbook(tmp_path / "w.duckdb")
    try:
        imports.import_people(book, result)
        saved = [n for (n,) in book.read("SELECT name FROM contacts ORDER BY id")]
    finally:
        book.close()
    [skipped] = result.skipped
    record(
        AREA,
        "CSV with a 100,000-character name, and an unquoted field over 128 KB",
        changes=len(saved),
        inputs=1,
        lost=(saved != ["Bo Lindqvist"]) + ("quote" in skipped.reason),
    )
    assert saved == ["Bo Lindqvist"]
    assert skipped.line == 2 and reason in skipped.reason and "quote" not in skipped.reason


# --- the workbook command --------------------------------------------------------------------------------


def test_workbook_export_from_a_mistyped_path_is_refused_and_creates_nothing(tmp_path, capsys, record):
    real = tmp_path / "workbook.duckdb"
    book = open_workbook(real)
    add_contact(book, ContactDraft(name="Only Here"))
    book.close()
    tried = 0
    for typo, fmt in [("workbok.duckdb", "csv"), ("workbook.duckdb.bak", "zip"), ("sub/workbook.duckdb", "vcard")]:
        missing = tmp_path / typo
        out_file = tmp_path / f"out-{tried}.{fmt}"
        code = main(["export", "--db", str(missing), "--format", fmt, "-o", str(out_file)])
        out, err = capsys.readouterr()
        assert code == 1 and out == "" and err.count("\n") == 1 and "does not exist" in err
        assert not missing.exists() and not missing.parent.joinpath(".tmp").exists() and not out_file.exists()
        tried += 1
    made = sorted(p.name for p in tmp_path.iterdir())
    record(AREA, "`workbook export --db` a mistyped path: refused, nothing created", inputs=tried, lost=len(made) - 1)
    assert made == ["workbook.duckdb"] and names_in(real) == ["Only Here"]


# --- a snapshot writer killed mid-write ------------------------------------------------------------------

SNAPSHOT_WRITER = textwrap.dedent(
    """
    import sys, time
    from datetime import datetime
    import store.backup as backup
    from store import open_workbook

    original = backup.snapshot_to

    def snapshot_then_stall(workbook, target):
        original(workbook, target)  # the half-written file is on disk, not yet checked nor renamed
        print("PARTIAL", target, flush=True)
        time.sleep(120)

    backup.snapshot_to = snapshot_then_stall
    book = open_workbook(sys.argv[1])
    backup.snapshot_if_due(book, sys.argv[2], datetime.now())
    """
)


def test_a_snapshot_killed_mid_write_leaves_a_partial_file_that_the_next_snapshot_clears(tmp_path, soak, record):
    path, folder = tmp_path / "workbook.duckdb", tmp_path / "backups"
    book = open_workbook(path)
    for n in range(20):
        add_contact(book, ContactDraft(name=f"Person {n}"))
    book.close()
    left_behind = 0
    for _ in range(soak):
        writer = subprocess.Popen(
            [sys.executable, "-c", SNAPSHOT_WRITER, str(path), str(folder)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        try:
            line = writer.stdout.readline()  # blocks until the partial file is written (or the writer died)
            assert line.startswith("PARTIAL"), f"the snapshot writer stopped early: {line!r}"
            os.kill(writer.pid, signal.SIGKILL)
        finally:
            writer.kill()
            writer.wait(timeout=30)
            writer.stdout.close()
        left_behind += len(list(folder.glob("*.partial")))
    assert left_behind == soak  # each kill did leave a half-written file behind, as in the issue
    book = open_workbook(path)
    try:
        later = datetime.now() + timedelta(seconds=PARTIAL_STALE_SECONDS + 60)  # the next day's visit, say
        snapshot_if_due(book, folder, later)
        people = count_contacts(book)
    finally:
        book.close()
    partials = list(folder.glob("*.partial"))
    (snapshot,) = list_snapshots(folder)
    check_workbook_file(snapshot.path)
    record(
        AREA,
        "SIGKILL during the daily snapshot, then the next snapshot: half-written files left",
        changes=people,
        crashes=soak,
        lost=len(partials) + (20 - people),
    )
    assert partials == [] and people == 20
