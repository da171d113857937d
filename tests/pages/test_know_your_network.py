"""Tip 1's page: adding, editing and deleting a person changes the workbook file."""

from __future__ import annotations

import shutil

from store import open_workbook
from tests.pages.chart_support import chart_design
from tests.pages.tab_support import open_tab

PAGE = "know_your_network.py"
TAB_KEY = "know_tab"


def open_list(at):
    return open_tab(at, TAB_KEY, "Your list")


def rows_in(path, sql="SELECT name, circle, tie, company, email FROM contacts WHERE deleted_at IS NULL ORDER BY id"):
    import ui.session

    return ui.session._open_local(str(path)).read(sql)


def fill(at, **values):
    for key, value in values.items():
        at.text_input(key=f"new_{key}").input(value)


def test_adding_a_person_saves_them_in_the_file(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    at = app_on(path, PAGE)
    at.selectbox(key="new_circle").select("former_jobs")
    fill(at, name="  Rosa   Mensah ", company="Acme", email="Rosa@Example.org")
    at.radio(key="new_tie").set_value("strong")
    at.button[0].click().run()
    assert not at.exception
    assert rows_in(path) == [("Rosa Mensah", "former_jobs", "strong", "Acme", "rosa@example.org")]
    assert any("Added Rosa Mensah" in s.value for s in at.success)
    assert at.text_input(key="new_name").value == ""  # the form is ready for the next person


def test_a_person_without_a_name_is_refused_and_nothing_is_saved(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    at = app_on(path, PAGE)
    fill(at, name="   ", company="Acme")
    at.button[0].click().run()
    assert rows_in(path) == []
    assert any("name is required" in e.value for e in at.error)
    assert at.text_input(key="new_company").value == "Acme"  # what was typed is kept


def test_an_email_that_does_not_look_like_one_is_refused(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    at = app_on(path, PAGE)
    fill(at, name="Kofi", email="kofi-at-example")
    at.button[0].click().run()
    assert rows_in(path) == []
    assert any("does not look like an email" in e.value for e in at.error)


def test_a_likely_duplicate_is_flagged_before_saving_and_can_be_added_anyway(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    at = app_on(path, PAGE)
    for _ in range(2):
        fill(at, name="Lena Costa", company="Acme")
        at.button[0].click().run()
    assert len(rows_in(path)) == 1
    assert any("already listed" in w.value for w in at.warning)
    [b for b in at.button if b.label == "Add anyway"][0].click().run()
    assert len(rows_in(path)) == 2
    assert not at.warning


def test_maria_lopez_without_a_company_is_caught_and_saved_only_when_confirmed(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    at = app_on(path, PAGE)
    fill(at, name="María López", company="St Jude Hospital")
    at.button[0].click().run()
    fill(at, name="maria lopez")
    at.button[0].click().run()
    assert rows_in(path, "SELECT name FROM contacts") == [("María López",)]  # nothing saved yet
    warning = " ".join(w.value for w in at.warning)
    assert "María López at St Jude Hospital is already listed" in warning
    labels = [b.label for b in at.button]
    assert "Add anyway" in labels and "Open María López · St Jude Hospital" in labels
    [b for b in at.button if b.label == "Add person"][0].click().run()  # asking again is not confirming
    assert rows_in(path, "SELECT count(*) FROM contacts") == [(1,)]
    [b for b in at.button if b.label == "Add anyway"][0].click().run()
    assert rows_in(path, "SELECT name, company FROM contacts ORDER BY id") == [
        ("María López", "St Jude Hospital"),
        ("maria lopez", ""),
    ]


def test_opening_the_existing_person_saves_nothing_and_shows_them_in_the_editor(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    at = app_on(path, PAGE)
    fill(at, name="William Smith", company="Acme")
    at.button[0].click().run()
    fill(at, name="Bill Smith")  # a nickname, no company
    at.button[0].click().run()
    [b for b in at.button if b.label.startswith("Open William Smith")][0].click().run()
    assert not at.exception
    assert rows_in(path, "SELECT count(*) FROM contacts") == [(1,)]
    assert at.text_input(key="edit_name").value == "William Smith"  # "Your list" opened on them
    assert not at.warning
    open_tab(at, TAB_KEY, "Add people")
    assert at.text_input(key="new_name").value == "Bill Smith"  # what was typed is still there


def test_a_second_degree_person_records_who_introduces_them(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    at = app_on(path, PAGE)
    fill(at, name="Ines Haddad")
    at.button[0].click().run()
    at.toggle(key="new_second_degree").set_value(True).run()
    at.text_input(key="new_introducer_search").input("ines").run()
    fill(at, name="Ines's co-worker")
    [b for b in at.button if b.label == "Add person"][0].click().run()
    assert rows_in(path, "SELECT name, introduced_by FROM contacts ORDER BY id") == [
        ("Ines Haddad", None),
        ("Ines's co-worker", 1),
    ]


def test_editing_a_person_on_the_list_changes_the_file(app_on, tmp_path, demo_path):
    path = tmp_path / "w.duckdb"
    shutil.copy(demo_path, path)
    at = open_list(app_on(path, PAGE))
    at.selectbox(key="edit_pick").select_index(0).run()
    chosen = at.text_input(key="edit_name").value
    at.text_input(key="edit_name").input(chosen + " Jr")
    at.text_input(key="edit_company").input("Orchid Biotech")
    [b for b in at.button if b.label == "Save changes"][0].click().run()
    assert not at.exception
    assert (chosen + " Jr", "Orchid Biotech") in rows_in(path, "SELECT name, company FROM contacts")


def test_a_deleted_person_goes_to_the_trash_and_undo_brings_them_back(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    at = app_on(path, PAGE)
    fill(at, name="Omar Rossi")
    at.button[0].click().run()
    open_list(at).selectbox(key="edit_pick").select_index(0).run()
    [b for b in at.button if b.label == "Move to trash"][0].click().run()
    assert rows_in(path) == []
    assert rows_in(path, "SELECT name FROM contacts WHERE deleted_at IS NOT NULL") == [("Omar Rossi",)]
    [b for b in at.button if b.label == "Undo"][0].click().run()
    assert [r[0] for r in rows_in(path)] == ["Omar Rossi"]


def test_a_trashed_person_can_be_restored_from_the_trash_tab(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    book = open_workbook(path)
    from core.model import ContactDraft
    from store.contacts import add_contact, trash_contacts

    trash_contacts(book, [add_contact(book, ContactDraft(name="Wen Xu"))])
    book.close()
    at = open_tab(app_on(path, PAGE), TAB_KEY, "Trash")
    at.multiselect(key="trash_pick").select(1)
    [b for b in at.button if b.label == "Restore"][0].click().run()
    assert [r[0] for r in rows_in(path)] == ["Wen Xu"]


def test_the_circle_chart_shows_every_circle_including_empty_ones(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    at = app_on(path, PAGE)
    at.selectbox(key="new_circle").select("gym")
    fill(at, name="Priya")
    at.button[0].click().run()
    reading = " ".join(m.value for m in at.markdown)
    assert "1 person across 1 of 10 circles" in reading
    assert "Still empty: family, friends" in reading
    assert "gym and clubs" not in reading.split("Still empty:")[1]


def test_adding_a_person_redraws_the_circle_chart_in_place(app_on, tmp_path):
    """The browser redraws a chart's new rows in place while its spec and alt stay the same; a new
    alt had it build the chart anew after every save."""
    at = app_on(tmp_path / "w.duckdb", PAGE)
    (before,) = at.get("vega_lite_chart")
    fill(at, name="Priya")
    at.button[0].click().run()
    (after,) = at.get("vega_lite_chart")
    assert after.proto.datasets[0].data.data != before.proto.datasets[0].data.data  # the new person is drawn
    assert chart_design(after) == chart_design(before)
    assert "circle" in after.proto.alt


def test_the_page_is_titled_as_in_the_sidebar(app_on, tmp_path):
    at = app_on(tmp_path / "w.duckdb", PAGE)
    assert [t.value for t in at.title] == ["1 · Know your network"]


def test_a_stale_editor_in_another_tab_never_wipes_a_newer_save(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    first = app_on(path, PAGE)
    fill(first, name="Ana Costa")
    first.button[0].click().run()
    open_list(first).selectbox(key="edit_pick").select_index(0).run()  # tab 1 opens the editor, then waits
    second = open_list(app_on(path, PAGE))
    second.selectbox(key="edit_pick").select_index(0).run()
    second.text_input(key="edit_email").input("ana@example.org")
    [b for b in second.button if b.label == "Save changes"][0].click().run()
    first.text_input(key="edit_role").input("Head nurse")  # tab 1 changes the role only
    [b for b in first.button if b.label == "Save changes"][0].click().run()
    assert rows_in(path, "SELECT email, role FROM contacts") == [("ana@example.org", "Head nurse")]
    first.text_input(key="edit_email").input("typo@example.org")
    second.text_input(key="edit_email").input("ana.costa@example.org")
    [b for b in second.button if b.label == "Save changes"][0].click().run()
    [b for b in first.button if b.label == "Save changes"][0].click().run()  # same field, changed since
    assert any("changed since you opened them" in e.value for e in first.error)
    assert first.text_input(key="edit_email").value == "ana.costa@example.org"
    assert rows_in(path, "SELECT email FROM contacts") == [("ana.costa@example.org",)]


def add_clicked(at):
    [b for b in at.button if b.label == "Add person"][0].click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_a_strong_tie_is_not_carried_into_the_next_person(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    at = app_on(path, PAGE)
    at.selectbox(key="new_circle").select("former_jobs")
    fill(at, name="Rosa Mensah", company="Acme", role="Nurse", phone="0123")
    at.radio(key="new_tie").set_value("strong")
    add_clicked(at)
    fill(at, name="Kofi Boateng")  # nothing else touched
    add_clicked(at)
    assert rows_in(path, "SELECT name, circle, tie, company, role, phone FROM contacts ORDER BY id") == [
        ("Rosa Mensah", "former_jobs", "strong", "Acme", "Nurse", "0123"),
        ("Kofi Boateng", "former_jobs", "weak", "", "", ""),  # still walking the same circle
    ]
    assert at.radio(key="new_tie").value == "weak"  # the form shows what the next save would store


def test_the_introducer_switch_and_pick_are_cleared_after_a_save(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    at = app_on(path, PAGE)
    fill(at, name="Ines Haddad")
    add_clicked(at)
    at.toggle(key="new_second_degree").set_value(True).run()
    at.text_input(key="new_introducer_search").input("ines").run()
    fill(at, name="Ines's co-worker")
    add_clicked(at)
    assert at.toggle(key="new_second_degree").value is False
    fill(at, name="Tomas Berg")
    add_clicked(at)
    assert rows_in(path, "SELECT name, introduced_by FROM contacts ORDER BY id") == [
        ("Ines Haddad", None),
        ("Ines's co-worker", 1),
        ("Tomas Berg", None),
    ]


def test_the_confirmation_is_shown_right_after_the_add_button(app_on, tmp_path):
    at = app_on(tmp_path / "w.duckdb", PAGE)
    fill(at, name="Rosa Mensah")
    add_clicked(at)
    add_tab = at.tabs[0]
    shown = [add_tab.children[k] for k in sorted(add_tab.children)]  # top to bottom
    button_at = [getattr(e, "label", None) for e in shown].index("Add person")
    (said,) = shown[button_at + 1].children.values()  # the message's place, kept when nothing is said
    assert type(said).__name__ == "Success"
    assert "Added Rosa Mensah" in said.value


def test_the_introducer_of_someone_already_listed_can_be_set_changed_and_cleared(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    book = open_workbook(path)
    from core.model import ContactDraft
    from store.contacts import add_contact

    for name in ("Ines Haddad", "Tomas Berg", "Imported Person"):  # as an import leaves them: no introducer
        add_contact(book, ContactDraft(name=name))
    book.close()
    at = open_list(app_on(path, PAGE))
    introducer_of = "SELECT introduced_by FROM contacts WHERE name = 'Imported Person'"

    def save(search):
        at.selectbox(key="edit_pick").select(3).run()
        if search:
            at.text_input(key="edit_introducer_search").input(search).run()
        [b for b in at.button if b.label == "Save changes"][0].click().run()
        assert not at.exception

    save("ines")
    assert rows_in(path, introducer_of) == [(1,)]
    assert any("Introduced by Ines Haddad" in c.value for c in at.caption)
    save("tomas")
    assert rows_in(path, introducer_of) == [(2,)]
    at.checkbox(key="edit_no_introducer").check().run()
    [b for b in at.button if b.label == "Save changes"][0].click().run()
    assert rows_in(path, introducer_of) == [(None,)]


def test_a_visit_to_another_tab_keeps_the_list_search_and_unsaved_edits(app_on, tmp_path):
    path = tmp_path / "w.duckdb"
    at = app_on(path, PAGE)
    for name in ("Ana Costa", "Ben Okafor"):
        fill(at, name=name)
        add_clicked(at)
    fill(at, name="Half typed", company="Acme")  # not saved yet
    open_list(at).text_input(key="list_search").input("costa").run()
    at.selectbox(key="edit_pick").select_index(0).run()
    at.text_input(key="edit_role").input("Head nurse")  # not saved yet
    open_tab(at, TAB_KEY, "Trash")
    open_tab(at, TAB_KEY, "Add people")
    assert at.text_input(key="new_name").value == "Half typed"
    assert at.text_input(key="new_company").value == "Acme"
    open_list(at)
    assert at.text_input(key="list_search").value == "costa"
    circle = at.selectbox(key="list_circle")
    assert circle.value is None and circle.placeholder == "All circles"  # not an empty "Choose an option"
    assert at.text_input(key="edit_name").value == "Ana Costa"
    assert at.text_input(key="edit_role").value == "Head nurse"
    [b for b in at.button if b.label == "Save changes"][0].click().run()
    assert rows_in(path, "SELECT name, role FROM contacts ORDER BY id") == [
        ("Ana Costa", "Head nurse"),
        ("Ben Okafor", ""),
    ]
