"""People in a real workbook file: every field round-trips, the trash restores and purges, search
pages and counts, duplicates are spotted, and refused edits change nothing."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.demo import make_demo
from core.duplicates import name_key
from core.model import CIRCLES, ContactDraft
from fileio.reader import read_contacts
from store import InvalidInput, open_private_workbook
from store.bulk import load_tables
from store.contacts import (
    CONTACT_COLUMNS,
    add_contact,
    contact_names,
    count_by_circle,
    count_by_circle_and_tie,
    count_contacts,
    empty_trash,
    fill_name_keys,
    get_contact,
    growth_by_month,
    list_trash,
    restore_contacts,
    search_contacts,
    trash_contacts,
    update_contact,
)
from store.goals import add_goal, link_contacts
from store.imports import import_contacts
from store.ties import people_for_goal

pytestmark = pytest.mark.both_engines


def add(workbook, name, **fields) -> int:
    return add_contact(workbook, ContactDraft(name=name, **fields))


def names(contacts) -> list[str]:
    return [c.name for c in contacts]


# --- round trips ------------------------------------------------------------------------------


def test_every_field_of_a_new_person_comes_back_as_saved(workbook):
    friend = add(workbook, "Lena Fischer", tie="strong")
    draft = ContactDraft(
        name="Ana Ruiz",
        email="ana@example.org",
        phone="+1 555 0100",
        company="Meridian Hospital",
        role="Data analyst",
        circle="former_jobs",
        tie="strong",
        introduced_by=friend,
        notes="Met at the 2019 conference",
        source="linkedin",
        source_key="ana-ruiz-1",
    )
    person = add_contact(workbook, draft)
    saved = get_contact(workbook, person)
    for name in ("name", "email", "phone", "company", "role", "circle", "tie", "introduced_by", "notes"):
        assert getattr(saved, name) == getattr(draft, name), name
    assert workbook.read("SELECT source, source_key FROM contacts WHERE id = ?", [person]) == [
        ("linkedin", "ana-ruiz-1")
    ]
    assert saved.created_at is not None and saved.updated_at is not None
    assert (saved.is_reference, saved.is_key, saved.cadence_days, saved.last_contacted_on) == (False, False, None, None)


def test_every_editable_field_of_a_person_changes_and_stays_changed(workbook):
    introducer = add(workbook, "Lena Fischer", tie="strong")
    person = add(workbook, "Ana")
    changes = dict(
        name="Ana Ruiz",
        email="ana@example.org",
        phone="+44 20 7946 0000",
        company="Acme",
        role="Nurse",
        circle="gym",
        tie="strong",
        introduced_by=introducer,
        notes="Runs the Sunday club",
        is_reference=True,
        is_key=True,
        cadence_days=30,
        family="Two kids",
        job_notes="Moving to IT",
        interests="cycling",
        needs="a good accountant",
        last_contacted_on=date(2026, 1, 15),
        familiarity="old_colleague",
    )
    update_contact(workbook, person, **changes)
    saved = get_contact(workbook, person)
    assert {name: getattr(saved, name) for name in changes} == changes


def test_an_edit_touches_only_the_named_fields(workbook):
    person = add(workbook, "Ana", company="Acme", email="ana@example.org", circle="school")
    update_contact(workbook, person, role="Teacher")
    saved = get_contact(workbook, person)
    assert (saved.company, saved.email, saved.circle, saved.role) == ("Acme", "ana@example.org", "school", "Teacher")


def test_how_well_you_know_someone_is_saved_changed_and_cleared_back_to_the_guess(workbook):
    person = add(workbook, "Ana", tie="weak", circle="former_jobs")
    assert get_contact(workbook, person).familiarity == ""  # not set: the composer guesses
    update_contact(workbook, person, familiarity="friend")
    assert get_contact(workbook, person).familiarity == "friend"
    update_contact(workbook, person, familiarity="professional")
    saved = get_contact(workbook, person)
    assert (saved.familiarity, saved.tie, saved.circle) == ("professional", "weak", "former_jobs")
    update_contact(workbook, person, familiarity="")
    assert get_contact(workbook, person).familiarity == ""


def test_a_familiarity_outside_the_list_is_refused_and_changes_nothing(workbook):
    person = add(workbook, "Ana")
    update_contact(workbook, person, familiarity="family")
    before = snapshot(workbook)
    with pytest.raises(InvalidInput, match="not a way of knowing someone"):
        update_contact(workbook, person, familiarity="acquaintance")
    assert snapshot(workbook) == before
    assert get_contact(workbook, person).familiarity == "family"


def test_an_introducer_can_be_cleared(workbook):
    friend = add(workbook, "Lena")
    person = add(workbook, "Ana", introduced_by=friend)
    update_contact(workbook, person, introduced_by=None)
    assert get_contact(workbook, person).introduced_by is None


AWKWARD_TEXT = [
    "O'Brien",
    'Dana "DJ" Dubois',
    "Robert'); DROP TABLE contacts; --",
    "'; DROP TABLE contacts; --",
    "Zoë 😀🎉 Åström",
    "שלום עליכם",
    "مرحبا بالعالم",
    "50% off_sale \\ back\\slash",
    "line one\nline two\ttabbed",
]


@pytest.mark.parametrize("text", AWKWARD_TEXT)
def test_awkward_user_text_round_trips_unchanged_and_harms_no_table(workbook, text):
    person = add(workbook, text, company=text, role=text, notes=text, email=text, phone=text)
    update_contact(workbook, person, family=text, needs=text, interests=text, job_notes=text)
    saved = get_contact(workbook, person)
    for name in ("name", "company", "role", "notes", "email", "phone", "family", "needs", "interests", "job_notes"):
        assert getattr(saved, name) == text, name
    assert count_contacts(workbook) == 1
    assert {row[0] for row in workbook.read("SELECT table_name FROM information_schema.tables")} >= {
        "contacts",
        "interactions",
        "goals",
        "settings",
    }
    assert search_contacts(workbook, text.strip().split()[0])[1] == 1


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=1, max_size=80))
def test_any_text_a_person_types_comes_back_exactly(text):
    book = open_private_workbook()
    try:
        person = add(book, "x" + text, notes=text, company=text)
        saved = get_contact(book, person)
        assert (saved.name, saved.notes, saved.company) == ("x" + text, text, text)
    finally:
        book.close()


def test_names_are_looked_up_for_a_few_ids_ignoring_gaps(workbook):
    a, b = add(workbook, "Ana"), add(workbook, "Bo")
    assert contact_names(workbook, [a, b, None, 999]) == {a: "Ana", b: "Bo"}
    assert contact_names(workbook, []) == {}


# --- the trash --------------------------------------------------------------------------------


def test_a_trashed_person_leaves_the_lists_and_comes_back_when_restored(workbook):
    ana, _bo = add(workbook, "Ana"), add(workbook, "Bo")
    assert trash_contacts(workbook, [ana]) == 1
    assert get_contact(workbook, ana) is None
    assert names(search_contacts(workbook)[0]) == ["Bo"]
    assert names(list_trash(workbook)) == ["Ana"]
    assert count_contacts(workbook) == 1

    assert restore_contacts(workbook, [ana]) == 1
    assert get_contact(workbook, ana).name == "Ana"
    assert list_trash(workbook) == []
    assert names(search_contacts(workbook)[0]) == ["Ana", "Bo"]


def test_trash_and_restore_count_only_the_people_they_actually_moved(workbook):
    ana, bo = add(workbook, "Ana"), add(workbook, "Bo")
    assert trash_contacts(workbook, []) == 0
    assert trash_contacts(workbook, [ana, ana, 999]) == 1
    assert trash_contacts(workbook, [ana, bo]) == 1  # Ana is already in the trash
    assert restore_contacts(workbook, [bo, 999]) == 1
    assert restore_contacts(workbook, [bo]) == 0
    assert restore_contacts(workbook, []) == 0


def fill_records(workbook, person: int, goal: int) -> None:
    """Give a person an interaction, a ledger entry, a reference step and a goal link."""
    with workbook.write() as cursor:
        cursor.execute(
            "INSERT INTO interactions (contact_id, happened_on, kind) VALUES (?, ?, 'catch_up')",
            [person, date(2026, 1, 2)],
        )
        cursor.execute(
            "INSERT INTO ledger (contact_id, happened_on, direction, kind, weight) VALUES (?, ?, 'gave', 'advice', 2)",
            [person, date(2026, 1, 3)],
        )
        cursor.execute(
            "INSERT INTO reference_steps (contact_id, step, done_on) VALUES (?, 'agreed', ?)",
            [person, date(2026, 1, 4)],
        )
    link_contacts(workbook, goal, [person])


def records_of(workbook, person: int) -> dict[str, int]:
    return {
        table: workbook.read_one(f"SELECT count(*) FROM {table} WHERE contact_id = ?", [person])[0]
        for table in ("interactions", "ledger", "reference_steps", "contact_goals")
    }


def test_emptying_the_trash_after_30_days_removes_the_person_and_everything_about_them(workbook):
    goal = add_goal(workbook, "role", "Data analyst")
    gone, kept = add(workbook, "Gone", tie="strong"), add(workbook, "Kept")
    introduced = add(workbook, "Introduced by Gone", introduced_by=gone)
    for person in (gone, kept):
        fill_records(workbook, person, goal)
    trash_contacts(workbook, [gone])

    assert empty_trash(workbook, now=datetime.now() + timedelta(days=31)) == 1
    assert list_trash(workbook) == []
    assert workbook.read("SELECT count(*) FROM contacts WHERE id = ?", [gone]) == [(0,)]
    assert records_of(workbook, gone) == dict.fromkeys(
        ("interactions", "ledger", "reference_steps", "contact_goals"), 0
    )
    assert get_contact(workbook, introduced).introduced_by is None
    # Nobody else lost anything.
    assert records_of(workbook, kept) == dict.fromkeys(
        ("interactions", "ledger", "reference_steps", "contact_goals"), 1
    )
    assert [i for i, _, _ in people_for_goal(workbook, goal)] == [kept]
    assert names(search_contacts(workbook)[0]) == ["Introduced by Gone", "Kept"]


def test_people_trashed_29_days_ago_stay_restorable_when_the_trash_is_emptied(workbook):
    goal = add_goal(workbook, "role", "Data analyst")
    recent = add(workbook, "Recent")
    fill_records(workbook, recent, goal)
    trash_contacts(workbook, [recent])

    assert empty_trash(workbook, now=datetime.now() + timedelta(days=29)) == 0
    assert names(list_trash(workbook)) == ["Recent"]
    assert restore_contacts(workbook, [recent]) == 1
    assert records_of(workbook, recent) == dict.fromkeys(
        ("interactions", "ledger", "reference_steps", "contact_goals"), 1
    )


def test_emptying_the_trash_removes_only_the_old_ones_of_a_mixed_trash(workbook):
    old, new = add(workbook, "Old"), add(workbook, "New")
    trash_contacts(workbook, [old, new])
    with workbook.write() as cursor:
        cursor.execute("UPDATE contacts SET deleted_at = ? WHERE id = ?", [datetime(2026, 1, 1), old])
        cursor.execute("UPDATE contacts SET deleted_at = ? WHERE id = ?", [datetime(2026, 1, 20), new])
    assert empty_trash(workbook, now=datetime(2026, 2, 18)) == 1
    assert names(list_trash(workbook)) == ["New"]


def test_emptying_the_trash_never_touches_people_who_are_not_in_it(workbook):
    add(workbook, "Ana")
    before = workbook.data_version
    assert empty_trash(workbook, now=datetime.now() + timedelta(days=3650)) == 0
    assert count_contacts(workbook) == 1
    assert workbook.data_version == before


# --- search, filters, pages -------------------------------------------------------------------


@pytest.fixture
def crowd(workbook):
    """Twelve people across circles, ties and companies."""
    people = [
        ("zoe Adams", "friends", "strong", "Acme"),
        ("Bo Chen", "friends", "weak", "Globex"),
        ("ana Ruiz", "family", "strong", ""),
        ("Carl Diaz", "former_jobs", "weak", "Acme"),
        ("Dana Eze", "former_jobs", "weak", "Initech"),
        ("Eli Fox", "school", "weak", ""),
        ("Fay Gul", "online", "weak", "Acme"),
        ("Gus Hall", "online", "weak", ""),
        ("Hana Ito", "online", "strong", ""),
        ("Ivan Jurić", "gym", "weak", "Globex"),
        ("Jo Kim", "online", "weak", ""),
        ("Kai Lee", "neighbours", "weak", ""),
    ]
    ids = {name: add(workbook, name, circle=c, tie=t, company=co) for name, c, t, co in people}
    update_contact(workbook, ids["Dana Eze"], role="Acme alumni lead", email="dana@EXAMPLE.org")
    return ids


def test_search_lists_everyone_alphabetically_regardless_of_case(workbook, crowd):
    rows, total = search_contacts(workbook)
    assert total == 12
    assert names(rows) == sorted(crowd, key=str.lower)


def test_search_matches_name_company_email_and_role_ignoring_case(workbook, crowd):
    rows, total = search_contacts(workbook, "  ACME ")
    assert total == 4
    assert names(rows) == ["Carl Diaz", "Dana Eze", "Fay Gul", "zoe Adams"]
    assert names(search_contacts(workbook, "example.ORG")[0]) == ["Dana Eze"]
    assert names(search_contacts(workbook, "JURIĆ")[0]) == ["Ivan Jurić"]


def test_circle_and_tie_filters_combine_with_the_search(workbook, crowd):
    assert names(search_contacts(workbook, circle="online")[0]) == ["Fay Gul", "Gus Hall", "Hana Ito", "Jo Kim"]
    assert names(search_contacts(workbook, circle="online", tie="strong")[0]) == ["Hana Ito"]
    assert names(search_contacts(workbook, "acme", tie="strong")[0]) == ["zoe Adams"]
    assert search_contacts(workbook, "nobody by that name") == ([], 0)


def test_pages_of_results_follow_on_without_gaps_or_repeats_and_the_total_is_for_all_pages(workbook, crowd):
    seen: list[str] = []
    for offset in range(0, 15, 5):
        rows, total = search_contacts(workbook, limit=5, offset=offset)
        assert total == 12
        seen += names(rows)
    assert seen == sorted(crowd, key=str.lower)
    assert search_contacts(workbook, limit=5, offset=20) == ([], 12)


def test_people_with_the_same_name_keep_a_stable_order_across_pages(workbook):
    first = [add(workbook, "Sam Lee") for _ in range(4)]
    page_one, _ = search_contacts(workbook, limit=2)
    page_two, _ = search_contacts(workbook, limit=2, offset=2)
    assert [c.id for c in page_one + page_two] == first


# --- refused edits ----------------------------------------------------------------------------


def snapshot(workbook):
    columns = ", ".join(c for c in CONTACT_COLUMNS if c != "updated_at")
    return workbook.read(f"SELECT {columns} FROM contacts ORDER BY id"), workbook.data_version


def test_an_edit_naming_an_unknown_field_is_refused_and_changes_nothing(workbook):
    person = add(workbook, "Ana")
    before = snapshot(workbook)
    for bad in ({"nickname": "Annie"}, {"id": 99}, {"deleted_at": None}, {"source": "x", "name": "Bo"}):
        with pytest.raises(InvalidInput) as caught:
            update_contact(workbook, person, **bad)
        assert "not a field of a person" in str(caught.value)
    assert snapshot(workbook) == before


def test_a_person_cannot_be_made_their_own_introducer(workbook):
    person = add(workbook, "Ana")
    before = snapshot(workbook)
    with pytest.raises(InvalidInput) as caught:
        update_contact(workbook, person, introduced_by=person, company="Acme")
    assert "introduce themselves" in str(caught.value)
    assert snapshot(workbook) == before


def test_an_introducer_who_is_missing_or_in_the_trash_is_refused(workbook):
    person, gone = add(workbook, "Ana"), add(workbook, "Gone")
    trash_contacts(workbook, [gone])
    before = snapshot(workbook)
    for introducer in (999, gone):
        with pytest.raises(InvalidInput) as caught:
            update_contact(workbook, person, introduced_by=introducer, company="Acme")
        assert f"#{introducer}" in str(caught.value)
    with pytest.raises(InvalidInput):
        add_contact(workbook, ContactDraft(name="New", introduced_by=gone))
    assert snapshot(workbook) == before


def test_a_person_in_the_trash_cannot_be_edited(workbook):
    person = add(workbook, "Ana")
    trash_contacts(workbook, [person])
    before = snapshot(workbook)
    with pytest.raises(InvalidInput) as caught:
        update_contact(workbook, person, company="Acme")
    assert "not in the workbook" in str(caught.value)
    with pytest.raises(InvalidInput):
        update_contact(workbook, 999, company="Acme")
    assert snapshot(workbook) == before


def test_an_edit_with_no_changes_writes_nothing(workbook):
    person = add(workbook, "Ana")
    before = snapshot(workbook)
    update_contact(workbook, person)
    assert snapshot(workbook) == before


# --- counts -----------------------------------------------------------------------------------


def test_counts_by_circle_and_by_circle_and_tie_leave_out_the_trash(workbook, crowd):
    trash_contacts(workbook, [crowd["Kai Lee"], crowd["Hana Ito"]])
    assert count_by_circle(workbook) == {
        "friends": 2,
        "family": 1,
        "former_jobs": 2,
        "school": 1,
        "online": 3,
        "gym": 1,
    }
    assert sorted(count_by_circle_and_tie(workbook)) == [
        ("family", "strong", 1),
        ("former_jobs", "weak", 2),
        ("friends", "strong", 1),
        ("friends", "weak", 1),
        ("gym", "weak", 1),
        ("online", "weak", 3),
        ("school", "weak", 1),
    ]
    assert set(count_by_circle(workbook)) <= set(CIRCLES)
    assert count_contacts(workbook) == 10


def test_an_empty_workbook_counts_nobody(workbook):
    assert (count_contacts(workbook), count_by_circle(workbook), count_by_circle_and_tie(workbook)) == (0, {}, [])
    assert growth_by_month(workbook) == []


def test_growth_by_month_is_a_running_total_that_skips_the_trash(workbook):
    added = {
        "Ana": datetime(2025, 11, 3),
        "Bo": datetime(2025, 11, 28),
        "Cy": datetime(2026, 1, 5),
        "Di": datetime(2026, 1, 6),
        "Ed": datetime(2026, 1, 31, 23, 0),
        "Fi": datetime(2026, 3, 1),
    }
    ids = {name: add(workbook, name) for name in added}
    with workbook.write() as cursor:
        for name, when in added.items():
            cursor.execute("UPDATE contacts SET created_at = ? WHERE id = ?", [when, ids[name]])
    trash_contacts(workbook, [ids["Di"]])
    assert growth_by_month(workbook) == [("2025-11", 2), ("2026-01", 4), ("2026-03", 5)]


def test_percent_and_underscore_in_a_search_are_plain_characters(workbook):
    for name in ("Ana Ruiz", "Bo Chen", "Cy 100% Vegan Catering", "jo_smith"):
        add_contact(workbook, ContactDraft(name=name))
    assert [c.name for c in search_contacts(workbook, "%")[0]] == ["Cy 100% Vegan Catering"]
    assert [c.name for c in search_contacts(workbook, "o_s")[0]] == ["jo_smith"]


def test_every_way_a_name_reaches_the_workbook_stores_its_name_key(workbook):
    # Adding a person reads only those whose name key is near: a missing or stale key would hide a duplicate.
    load_tables(workbook, make_demo(30, seed=3, today=date(2026, 3, 10)).tables)
    renamed = add(workbook, "Dr. Seán Ó Briain")
    update_contact(workbook, renamed, name="Katie Müller-Smith")
    update_contact(workbook, add(workbook, "Ana"), notes="met at the gym")
    fixture = Path(__file__).resolve().parent.parent / "fixtures" / "import" / "linkedin_connections.csv"
    import_contacts(workbook, read_contacts(fixture.read_bytes()))
    with workbook.write() as cursor:  # as a workbook from before name keys holds its people
        cursor.execute("INSERT INTO contacts (name) VALUES ('Old Friend')")
    assert fill_name_keys(workbook) == 1 and fill_name_keys(workbook) == 0
    stored = workbook.read("SELECT name, name_key FROM contacts")
    assert len(stored) == 30 + 2 + 5 + 1  # the demo, two added, the file's five, one from before keys
    assert [(name, key) for name, key in stored if key != name_key(name)] == []
    assert ("Katie Müller-Smith", "smith") in stored
