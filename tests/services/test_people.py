"""Tip 1's use cases on a real workbook: a person is checked, compared with who is listed, saved, listed, trashed."""

from __future__ import annotations

from dataclasses import replace

import pytest

from core.errors import ChangedSinceOpened, InvalidInput
from core.model import CIRCLES, ContactDraft
from services import people
from store.contacts import add_contact, get_contact


def draft_of(person) -> ContactDraft:
    """The editor's fields, as a form holding this person would send them."""
    fields = ("name", "email", "phone", "company", "role", "circle", "tie", "notes")
    return ContactDraft(**{f: getattr(person, f) for f in fields})


pytestmark = pytest.mark.both_engines


def test_a_new_person_is_saved_tidied_and_returned(workbook):
    saved = people.add_person(workbook, ContactDraft(name="  Rosa   Mensah ", email="Rosa@Example.org", circle="gym"))
    assert (saved.name, saved.email, saved.circle) == ("Rosa Mensah", "rosa@example.org", "gym")
    assert get_contact(workbook, saved.id) == saved


def test_a_person_without_a_name_or_with_a_bad_email_is_refused_and_nothing_is_saved(workbook):
    with pytest.raises(InvalidInput, match="name is required.*does not look like an email"):
        people.add_person(workbook, ContactDraft(name=" ", email="kofi-at-example"))
    assert people.list_people(workbook, "", None, None).total == 0


def test_a_person_already_listed_is_refused_without_save_anyway(workbook):
    people.add_person(workbook, ContactDraft(name="Lena Costa", company="Acme"))
    with pytest.raises(people.LikelyDuplicate, match=r"already listed \(same name and company\).*add anyway"):
        people.add_person(workbook, ContactDraft(name="lena costa", company="ACME"))
    assert people.list_people(workbook, "", None, None).total == 1
    people.add_person(workbook, ContactDraft(name="lena costa", company="ACME"), save_anyway=True)
    assert people.list_people(workbook, "", None, None).total == 2


@pytest.mark.parametrize(
    ("listed", "typed"),
    [
        (ContactDraft(name="Maria Lopez", company="St Jude Hospital"), ContactDraft(name="maria lopez")),
        (ContactDraft(name="María López"), ContactDraft(name="MARIA LOPEZ", company="St Jude")),
        (ContactDraft(name="William Smith", company="Acme"), ContactDraft(name="Bill Smith")),
        (
            ContactDraft(name="Ana Ruiz", email="Ana.Ruiz@Example.org"),
            ContactDraft(name="A. R.", email="ana.ruiz@example.org"),
        ),
    ],
)
def test_the_import_matcher_catches_case_accents_a_missing_company_nicknames_and_email(workbook, listed, typed):
    first = people.add_person(workbook, listed)
    with pytest.raises(people.LikelyDuplicate, match="already listed") as caught:
        people.add_person(workbook, typed)
    assert [c.id for c in caught.value.matches] == [first.id]
    assert people.list_people(workbook, "", None, None).total == 1  # nothing saved until confirmed


def test_a_one_word_nickname_and_a_person_saved_before_name_keys_are_still_found(workbook):
    bill = people.add_person(workbook, ContactDraft(name="Bill"))
    with workbook.write() as cursor:  # as a workbook from before name keys holds them
        cursor.execute("INSERT INTO contacts (name, company) VALUES ('Lena Costa', 'Acme')")
    with pytest.raises(people.LikelyDuplicate) as caught:
        people.add_person(workbook, ContactDraft(name="William"))
    assert [c.id for c in caught.value.matches] == [bill.id]
    with pytest.raises(people.LikelyDuplicate, match="Lena Costa"):
        people.add_person(workbook, ContactDraft(name="lena costa", company="ACME"))
    assert people.list_people(workbook, "", None, None).total == 2


def test_a_renamed_person_is_found_under_their_new_name_only(workbook):
    first = people.add_person(workbook, ContactDraft(name="Kofi Mensah", company="Acme"))
    people.edit_person(workbook, first.id, replace(draft_of(first), name="Kwame Boateng"), seen=first)
    with pytest.raises(people.LikelyDuplicate):
        people.add_person(workbook, ContactDraft(name="kwame boateng", company="Acme"))
    people.add_person(workbook, ContactDraft(name="Kofi Mensah", company="Acme"))
    assert people.list_people(workbook, "", None, None).total == 2


def test_the_same_name_at_another_company_and_trashed_people_are_not_duplicates(workbook):
    people.add_person(workbook, ContactDraft(name="Ana Ruiz", company="Acme"))
    people.add_person(workbook, ContactDraft(name="Ana Ruiz", company="Globex Hospital"))
    gone = people.add_person(workbook, ContactDraft(name="Bo Chen", email="bo@example.org"))
    people.trash_person(workbook, gone.id)
    people.add_person(workbook, ContactDraft(name="Bo Chen", email="bo@example.org"))
    assert people.list_people(workbook, "", None, None).total == 3


def test_a_likely_duplicate_is_a_refusal_like_any_other(workbook):
    assert issubclass(people.LikelyDuplicate, InvalidInput)


def test_an_edit_changes_the_form_fields_and_keeps_the_introducer(workbook):
    ines = add_contact(workbook, ContactDraft(name="Ines"))
    friend = add_contact(workbook, ContactDraft(name="Friend", introduced_by=ines))
    edited = people.edit_person(workbook, friend, ContactDraft(name=" Friend  Jr ", company="Orchid", tie="strong"))
    assert (edited.name, edited.company, edited.tie, edited.introduced_by) == ("Friend Jr", "Orchid", "strong", ines)


def test_an_edit_that_fails_the_checks_changes_nothing(workbook):
    ana = add_contact(workbook, ContactDraft(name="Ana"))
    with pytest.raises(InvalidInput, match="name is required"):
        people.edit_person(workbook, ana, ContactDraft(name=""))
    assert get_contact(workbook, ana).name == "Ana"


def test_a_trashed_person_leaves_the_list_goes_to_the_trash_and_comes_back(workbook):
    ana = add_contact(workbook, ContactDraft(name="Ana"))
    people.trash_person(workbook, ana)
    assert people.list_people(workbook, "", None, None).total == 0
    assert [c.name for c in people.list_trash(workbook)] == ["Ana"]
    assert people.restore_people(workbook, [ana]) == 1
    assert people.list_trash(workbook) == []
    assert people.restore_people(workbook, []) == 0


def test_the_list_comes_in_pages_of_fifty_with_the_names_of_introducers(workbook):
    ines = add_contact(workbook, ContactDraft(name="Ines"))
    for n in range(60):
        add_contact(workbook, ContactDraft(name=f"Person {n:02d}", introduced_by=ines))
    assert people.count_pages(workbook, "", None, None) == 2
    second = people.list_people(workbook, "", None, None, page=2)
    assert (second.total, second.first, len(second.people)) == (61, 51, 11)
    assert second.introducers == {ines: "Ines"}
    assert people.count_pages(workbook, "nobody", None, None) == 1


def test_the_circles_overview_counts_every_circle_reads_the_coverage_and_the_growth(workbook):
    add_contact(workbook, ContactDraft(name="Priya", circle="gym"))
    add_contact(workbook, ContactDraft(name="Mum", circle="family"))
    overview = people.circles_overview(workbook)
    assert [c.circle for c in overview.circles] == list(CIRCLES)
    assert (overview.total, overview.covered) == (2, 2)
    assert overview.reading.startswith("2 people across 2 of 10 circles")
    assert [n for _, n in overview.growth] == [2]


def test_an_empty_workbook_has_every_circle_empty(workbook):
    overview = people.circles_overview(workbook)
    assert (overview.total, overview.covered, overview.growth) == (0, 0, ())
    assert all(c.empty for c in overview.circles)
    assert overview.reading.startswith("Nobody listed yet")


def test_a_stale_form_saves_only_what_its_user_changed(workbook):
    ana = people.add_person(workbook, ContactDraft(name="Ana Costa", role="Nurse")).id
    opened = get_contact(workbook, ana)  # tab 1 opens the editor
    people.edit_person(workbook, ana, replace(draft_of(opened), email="ana@example.org"), seen=opened)  # tab 2
    people.edit_person(workbook, ana, replace(draft_of(opened), role="Head nurse"), seen=opened)  # tab 1 saves
    now = get_contact(workbook, ana)
    assert (now.email, now.role) == ("ana@example.org", "Head nurse")


def test_a_stale_form_changing_a_field_changed_elsewhere_is_refused_with_the_fresh_values(workbook):
    ana = people.add_person(workbook, ContactDraft(name="Ana Costa")).id
    opened = get_contact(workbook, ana)
    people.edit_person(workbook, ana, replace(draft_of(opened), email="new@example.org"), seen=opened)
    with pytest.raises(ChangedSinceOpened, match="Ana Costa changed since you opened them \\(the email") as refused:
        people.edit_person(workbook, ana, replace(draft_of(opened), email="mine@example.org"), seen=opened)
    assert refused.value.fresh.email == "new@example.org"
    assert get_contact(workbook, ana).email == "new@example.org"
