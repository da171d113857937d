"""The import/export page: preview before saving, confirm, duplicates review, restore with a check."""

from __future__ import annotations

from pathlib import Path

from core.model import ContactDraft
from fileio.reader import read_contacts
from store import open_workbook
from store.backup import write_backup
from store.contacts import add_contact
from store.imports import import_contacts
from tests.pages.tab_support import open_tab

PAGE = "import_export.py"
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "import"


def rows_in(path, sql="SELECT name, circle, tie FROM contacts WHERE deleted_at IS NULL ORDER BY id"):
    import ui.session

    return ui.session._open_local(str(path)).read(sql)


def book(path):
    import ui.session

    return ui.session._open_local(str(path))


def open_part(at, section: str):
    return open_tab(at, "section", section)


def upload(at, name: str):
    at.file_uploader(key="upload_0").upload(name, (FIXTURES / name).read_bytes(), "text/csv")
    return at.run()


def confirm(at):
    return at.button(key="import_confirm").click().run()


def test_a_linkedin_file_is_previewed_and_saved_only_after_confirming(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    at = upload(app_on(path, PAGE), "linkedin_connections.csv")
    assert not at.exception
    assert rows_in(path) == []  # the preview saves nothing
    assert any("5 people" in m.value for m in at.markdown)
    assert at.selectbox(key="import_circle").value == "online" and at.radio(key="import_tie").value == "weak"
    assert at.button(key="import_confirm").disabled  # a row will be skipped: the user must agree first
    at.checkbox(key="import_accept_skips").check().run()
    confirm(at)
    assert not at.exception
    assert len(rows_in(path)) == 5 and {(c, t) for _, c, t in rows_in(path)} == {("online", "weak")}
    assert any("Added 5" in s.value for s in at.success)


def test_the_defaults_chosen_in_the_preview_are_saved(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    at = upload(app_on(path, PAGE), "linkedin_no_url.csv")
    at.selectbox(key="import_circle").select("former_jobs").run()
    at.radio(key="import_tie").set_value("strong").run()
    confirm(at)
    assert rows_in(path) == [("Zoë D'Arcy", "former_jobs", "strong"), ("Priya Raman", "former_jobs", "strong")]


def test_a_file_without_names_gets_one_clear_line_and_saves_nothing(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    at = upload(app_on(path, PAGE), "no_name.csv")
    assert not at.exception
    assert any("name column" in e.value and "Nothing was saved" in e.value for e in at.error)
    assert rows_in(path) == []


def test_a_binary_file_is_refused_clearly(app_on, tmp_path):
    at = upload(app_on(tmp_path / "w.duckdb", PAGE), "binary.csv")
    assert any("not text" in e.value for e in at.error)


def test_any_csv_is_imported_through_the_column_mapping(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    at = app_on(path, PAGE)
    at.selectbox(key="import_format").select("csv").run()
    at = upload(at, "other.csv")
    assert at.selectbox(key="map_name").value == "Who"
    at.selectbox(key="map_company").select("Works at").run()
    confirm(at)
    assert rows_in(path, "SELECT name, company FROM contacts ORDER BY id") == [
        ("Olu Adeyemi", "Lagos Tech"),
        ("Ana Lúcia Souza", ""),
    ]


def test_importing_the_same_file_again_adds_nobody(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    at = upload(app_on(path, PAGE), "google_contacts.csv")
    at.checkbox(key="import_accept_skips").check().run()
    confirm(at)
    at.file_uploader(key="upload_1").upload(
        "google_contacts.csv", (FIXTURES / "google_contacts.csv").read_bytes()
    ).run()
    at.checkbox(key="import_accept_skips").check().run()
    confirm(at)
    assert len(rows_in(path)) == 3
    assert any("Added 0" in s.value and "3 already up to date" in s.value for s in at.success)


def test_a_likely_duplicate_is_merged_and_the_merge_undone(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    at = app_on(path, PAGE)
    workbook = book(path)
    bill = add_contact(workbook, ContactDraft(name="Bill Smith", company="Acme"))
    william = add_contact(workbook, ContactDraft(name="William Smith", company="Acme Inc.", email="bill@acme.example"))
    open_part(at, "Duplicates")
    at.toggle(key="dup_look").set_value(True).run()
    assert "Bill Smith and William Smith" in at.selectbox(key="dup_pair").format_func(0)
    at.button(key=f"merge_{bill}_{william}").click().run()
    assert rows_in(path, "SELECT name, email FROM contacts WHERE deleted_at IS NULL") == [
        ("Bill Smith", "bill@acme.example")
    ]
    assert any("Merged into Bill Smith" in s.value for s in at.success)
    undo = [b for b in at.button if b.label == "Undo"][0]
    undo.click().run()
    assert len(rows_in(path)) == 2


def test_a_pair_kept_apart_is_not_offered_again(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    at = app_on(path, PAGE)
    workbook = book(path)
    first = add_contact(workbook, ContactDraft(name="Ann Lee"))
    second = add_contact(workbook, ContactDraft(name="Ann Lee"))
    open_part(at, "Duplicates")
    at.toggle(key="dup_look").set_value(True).run()
    at.button(key=f"apart_{first}_{second}").click().run()
    assert any("No likely duplicates" in i.value for i in at.info)


def test_a_good_backup_is_restored_and_a_bad_file_changes_nothing(app_on, tmp_path):
    other = open_workbook(tmp_path / "other.duckdb")
    import_contacts(other, read_contacts((FIXTURES / "linkedin_no_url.csv").read_bytes()))
    backup = write_backup(other, tmp_path / "backup.duckdb")
    other.close()
    path = tmp_path / "w.duckdb"
    at = app_on(path, PAGE)
    add_contact(book(path), ContactDraft(name="Before"))
    open_part(at, "Backup and restore")
    at.file_uploader(key="restore_file_0").upload("notes.duckdb", b"Name\nAnn\n").run()
    at.checkbox(key="restore_sure").check().run()
    at.button(key="restore_go").click().run()
    assert any("notes.duckdb is not a workbook file" in e.value and "Nothing was saved" in e.value for e in at.error)
    assert [r[0] for r in rows_in(path)] == ["Before"]

    at.file_uploader(key="restore_file_1").upload("backup.duckdb", backup.read_bytes()).run()
    at.button(key="restore_go").click().run()
    assert [r[0] for r in rows_in(path)] == ["Zoë D'Arcy", "Priya Raman"]
    assert any("Restored backup.duckdb: 2 people" in s.value for s in at.success)


def test_local_mode_keeps_a_daily_automatic_backup_and_says_when(app_on, tmp_path):
    at = open_part(app_on(tmp_path / "w.duckdb", PAGE), "Backup and restore")
    assert list((tmp_path / "backups").glob("workbook-*.duckdb"))
    assert any("Last good backup" in m.value for m in at.markdown)


def test_a_visitor_on_a_shared_server_restores_a_backup_into_their_private_workbook(monkeypatch, tmp_path):
    from streamlit.testing.v1 import AppTest

    import ui.session
    from tests.conftest import APP

    other = open_workbook(tmp_path / "other.duckdb")
    add_contact(other, ContactDraft(name="Siobhán O'Connor"))
    backup = write_backup(other, tmp_path / "backup.duckdb")
    other.close()
    monkeypatch.setenv("WORKBOOK_MODE", "shared")
    monkeypatch.setenv("WORKBOOK_PATH", str(tmp_path / "must-not-be-created.duckdb"))
    try:
        at = AppTest.from_file(APP, default_timeout=30)
        at.run()
        at.switch_page(f"pages/{PAGE}").run()
        open_part(at, "Backup and restore")
        assert any("only in this browser session" in c.value for c in at.caption)
        at.file_uploader(key="restore_file_0").upload("backup.duckdb", backup.read_bytes()).run()
        at.checkbox(key="restore_sure").check().run()
        at.button(key="restore_go").click().run()
        assert any("Restored backup.duckdb: 1 person." in s.value for s in at.success)
        assert not (tmp_path / "must-not-be-created.duckdb").exists() and not (tmp_path / "backups").exists()
    finally:
        ui.session.private_workbooks.clear()


def test_names_in_the_duplicates_review_are_shown_as_plain_text(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    at = app_on(path, PAGE)
    for _ in range(2):
        add_contact(book(path), ContactDraft(name="[Ann](javascript:alert(1)) *Lee*", company="<b>Acme</b>"))
    open_part(at, "Duplicates")
    at.toggle(key="dup_look").set_value(True).run()
    shown = [m.value for m in at.markdown] + [c.value for c in at.caption]
    assert "**\\[Ann\\]\\(javascript\\:alert\\(1\\)\\) \\*Lee\\***" in shown
    assert any("\\<b\\>Acme\\</b\\>" in text for text in shown)


def test_a_latin1_file_is_previewed_with_a_note_about_its_encoding(app_on, tmp_path):
    at = upload(app_on(tmp_path / "w.duckdb", PAGE), "latin1.csv")
    assert any("Latin-1" in i.value for i in at.info)
    assert any("2 people" in m.value for m in at.markdown)


def test_a_vcard_file_imports_through_the_page(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    at = upload(app_on(path, PAGE), "contacts_21.vcf")
    confirm(at)
    assert [r[0] for r in rows_in(path)] == ["Jürgen Müller", "Jan Kowalski"]
    assert at.file_uploader(key="upload_1").value is None  # a fresh uploader, ready for the next file


def test_a_restore_with_no_file_chosen_is_refused_beside_the_button(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    at = open_part(app_on(path, PAGE), "Backup and restore")
    at.checkbox(key="restore_sure").check().run()
    at.button(key="restore_go").click().run()
    assert any("Choose a backup file first" in e.value and "Nothing was saved" in e.value for e in at.error)


def test_a_signed_in_visitor_restores_a_backup_into_their_account_and_a_bad_file_changes_nothing(
    monkeypatch, tmp_path, postgres_url
):
    from tests.pages.account_support import forget_the_server_state, names_kept, signed_in_opener

    other = open_workbook(tmp_path / "other.duckdb")
    add_contact(other, ContactDraft(name="Siobhán O'Connor"))
    add_contact(other, ContactDraft(name="Priya Raman"))
    backup = write_backup(other, tmp_path / "backup.duckdb")
    other.close()
    open_app = signed_in_opener(monkeypatch, postgres_url)
    try:
        at = open_app(f"pages/{PAGE}")
        at.switch_page("pages/know_your_network.py").run()
        at.text_input(key="new_name").input("Before")
        [b for b in at.button if b.label == "Add person"][0].click().run()
        at.switch_page(f"pages/{PAGE}").run()
        open_part(at, "Backup and restore")
        assert any("kept on the server" in c.value for c in at.caption)

        at.file_uploader(key="restore_file_0").upload("notes.duckdb", b"Name\nAnn\n").run()
        at.checkbox(key="restore_sure").check().run()
        at.button(key="restore_go").click().run()
        refused = [e.value for e in at.error]
        assert any("notes.duckdb is not a workbook file" in e and "Nothing was saved" in e for e in refused)
        assert names_kept(postgres_url) == ["Before"]

        at.file_uploader(key="restore_file_1").upload("backup.duckdb", backup.read_bytes()).run()
        at.button(key="restore_go").click().run()
        assert not at.exception
        assert any("Restored backup.duckdb: 2 people." in s.value for s in at.success)
        assert names_kept(postgres_url) == ["Priya Raman", "Siobhán O'Connor"]
        assert names_kept(postgres_url, "bob") == []  # another account is untouched
        assert not (tmp_path / "backups").exists()
    finally:
        forget_the_server_state()
