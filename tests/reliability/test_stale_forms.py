"""A stale form never overwrites a newer save (issue 14): two tabs of tip 1 on one workbook file,
and two editors of one person on DuckDB and on PostgreSQL (two servers share that database)."""

from __future__ import annotations

from dataclasses import replace

import pytest

import ui.session
from core.errors import ChangedSinceOpened
from core.model import ContactDraft
from services import people
from store.contacts import get_contact
from tests.pages.tab_support import open_tab

AREA = "A stale form overwrites a newer save"
ENGINE_NAMES = {"duckdb": "DuckDB", "postgres": "PostgreSQL, as two servers share it"}
FIELDS = ("name", "email", "phone", "company", "role", "circle", "tie", "notes")


def draft_of(person) -> ContactDraft:
    """The editor's fields, as a form holding this person sends them."""
    return ContactDraft(**{f: getattr(person, f) for f in FIELDS})


def saved_row(path):
    return ui.session._open_local(str(path)).read("SELECT email, role, company FROM contacts WHERE id = 1")[0]


def save_changes(tab) -> None:
    next(b for b in tab.button if b.label == "Save changes").click().run()
    assert not tab.exception, [e.value for e in tab.exception]


def test_two_tabs_of_tip_1_a_stale_editor_saves_only_its_own_field_or_is_refused(app_on, tmp_path, record):
    path = tmp_path / "w.duckdb"
    first = app_on(path, "know_your_network.py")
    first.text_input(key="new_name").input("Ana Costa")
    next(b for b in first.button if b.label == "Add person").click().run()
    open_tab(first, "know_tab", "Your list").selectbox(key="edit_pick").select_index(0).run()  # then waits
    second = open_tab(app_on(path, "know_your_network.py"), "know_tab", "Your list")
    second.selectbox(key="edit_pick").select_index(0).run()
    second.text_input(key="edit_email").input("ana@example.org")
    save_changes(second)  # tab 2 saves the email
    first.text_input(key="edit_role").input("Head nurse")
    save_changes(first)  # tab 1, opened earlier, saves the role
    after_role = saved_row(path)
    first.text_input(key="edit_email").input("typo@example.org")
    second.text_input(key="edit_email").input("ana.costa@example.org")
    save_changes(second)
    save_changes(first)  # the same field, changed since tab 1 showed it
    told = [e.value for e in first.error if "changed since you opened them" in e.value]
    fresh_shown = first.text_input(key="edit_email").value
    final = saved_row(path)
    lost = (after_role[:2] != ("ana@example.org", "Head nurse")) + (final[0] != "ana.costa@example.org")
    record(
        AREA,
        "two tabs of tip 1 on one file: a stale editor saves after the other tab",
        sessions=2,
        changes=3,
        inputs=1,
        lost=lost + (not told),
    )
    assert after_role[:2] == ("ana@example.org", "Head nurse")
    assert told and "\n" not in told[0] and fresh_shown == "ana.costa@example.org"
    assert final[:2] == ("ana.costa@example.org", "Head nurse")


@pytest.mark.both_engines
def test_two_editors_of_one_person_keep_every_field_the_other_saved(workbook, engine, soak, record):
    """Rounds of: editor A opens, editor B opens, B saves one field, A saves another (or the same)."""
    rounds = 10 * soak
    person = people.add_person(workbook, ContactDraft(name="Ana Costa")).id
    expected = {f: getattr(get_contact(workbook, person), f) for f in FIELDS}
    editable = ("email", "phone", "company", "role", "notes")
    refused = wrong = 0
    for n in range(rounds):
        opened_a = get_contact(workbook, person)
        opened_b = get_contact(workbook, person)
        b_field = editable[n % len(editable)]
        b_value = f"b{n}@example.org" if b_field == "email" else f"B {b_field} {n}"
        people.edit_person(workbook, person, replace(draft_of(opened_b), **{b_field: b_value}), seen=opened_b)
        expected[b_field] = b_value
        clash = n % 3 == 2  # every third round, A changes the very field B just saved
        a_field = b_field if clash else editable[(n + 1) % len(editable)]
        a_value = f"a{n}@example.org" if a_field == "email" else f"A {a_field} {n}"
        try:
            people.edit_person(workbook, person, replace(draft_of(opened_a), **{a_field: a_value}), seen=opened_a)
            expected[a_field] = a_value
            wrong += clash  # a clash must be refused
        except ChangedSinceOpened as stopped:
            refused += 1
            wrong += not clash or getattr(stopped.fresh, a_field) != b_value or "\n" in str(stopped)
        now = get_contact(workbook, person)
        wrong += any(getattr(now, f) != v for f, v in expected.items())
    record(
        AREA,
        f"two editors of one person, rounds of overlapping saves ({ENGINE_NAMES[engine]})",
        sessions=2,
        changes=2 * rounds - refused,
        inputs=refused,
        lost=wrong,
    )
    assert wrong == 0 and refused == len([n for n in range(rounds) if n % 3 == 2])
