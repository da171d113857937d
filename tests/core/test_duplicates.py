"""Likely duplicates: nicknames, accents and case aside; different companies apart."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from core.duplicates import (
    DuplicatePair,
    Person,
    could_match,
    find_duplicates,
    matches_for,
    name_key,
    name_keys_near,
)
from core.names import canonical_name


def compare_people(a: Person, b: Person) -> DuplicatePair | None:
    """The pair these two make, if they look like one person."""
    found = find_duplicates([a, b])
    return found[0] if found else None


def test_bill_smith_at_acme_and_william_smith_at_acme_inc_are_one_person():
    pair = compare_people(Person(1, "Bill Smith", "Acme"), Person(2, "William Smith", "Acme Inc."))
    assert pair is not None and pair.score >= 90 and pair.reason == "same name and company"


def test_accents_and_case_do_not_hide_a_duplicate():
    assert compare_people(Person(1, "JOSÉ NÚÑEZ"), Person(2, "jose nunez")) is not None


def test_same_name_at_two_different_companies_is_two_people():
    assert compare_people(Person(1, "Ann Lee", "Acme"), Person(2, "Ann Lee", "Globex Hospital")) is None


def test_the_same_email_is_the_same_person_whatever_the_name():
    pair = compare_people(Person(1, "A. Lee", email="ann@x.org"), Person(2, "Ann Lee-Park", email="ANN@x.org"))
    assert pair is not None and pair.score == 100 and pair.reason == "same email address"


def test_different_people_are_not_suggested():
    assert find_duplicates([Person(1, "Ann Lee"), Person(2, "Bob Stone"), Person(3, "Ann Leeds-Hart")]) == []


def test_pairs_kept_apart_are_left_out():
    people = [Person(1, "Ann Lee"), Person(2, "Ann Lee"), Person(3, "Ann Lee")]
    assert len(find_duplicates(people)) == 3
    assert [(p.first_id, p.second_id) for p in find_duplicates(people, kept_apart=[(3, 1)])] == [(1, 2), (2, 3)]


def test_nicknames_map_to_the_formal_first_name():
    assert canonical_name("Dr. Bill  O'Neil") == "william oneil"


@settings(deadline=None)
@given(st.text(max_size=30), st.text(max_size=20))
def test_a_person_written_in_another_case_is_always_found(name, company):
    if canonical_name(name):
        assert compare_people(Person(1, name, company), Person(2, name.upper(), company.lower())) is not None or (
            canonical_name(name.upper()) != canonical_name(name)
        )


def test_someone_about_to_be_added_is_matched_by_the_import_s_rules():
    listed = [
        Person(1, "Maria Lopez", "St Jude Hospital"),
        Person(2, "Maria Lopez", "Globex"),
        Person(3, "Mario Lopes"),
        Person(4, "Ann Lee", email="ann@x.org"),
    ]
    found = matches_for(Person(0, "maria lopez"), listed)
    assert [p.second_id for p in found][:2] == [1, 2]  # no company: neither is kept apart
    assert all(p.first_id == 0 for p in found)
    assert [p.second_id for p in matches_for(Person(0, "María López", "St Jude"), listed)] == [1]
    assert [p.second_id for p in matches_for(Person(0, "Someone", email=" ANN@x.org"), listed)] == [4]
    assert matches_for(Person(0, "Bob Stone"), listed) == []
    assert matches_for(Person(0, "   "), listed) == []


LISTED = [
    Person(1, "Maria Lopez", "St Jude Hospital"),
    Person(2, "Bill", email="bill@x.org"),
    Person(3, "Seán O'Brien", "Globex"),
    Person(4, "Dr. Katie Müller"),
    Person(5, "Ann Lee", email="Ann@X.org "),
    Person(6, "Robert Stone"),
]


@settings(max_examples=300, deadline=None)
@given(
    name=st.sampled_from(["William", "Sean OBrien", "katherine muller", "Bob Stone", "María López", "Lee", "", "Ann"])
    | st.text(max_size=20),
    email=st.sampled_from(["", " ann@x.org", "BILL@x.org", "nobody@x.org"]),
)
def test_narrowing_to_who_could_match_finds_the_same_likely_duplicates(name, email):
    # Adding a person reads only those could_match keeps: the "already listed" warning must not change.
    candidate = Person(0, name, email=email)
    near = [p for p in LISTED if could_match(candidate, p.name, p.email)]
    assert matches_for(candidate, near) == matches_for(candidate, LISTED)


ONE_WORD_AND_NICKNAMED = [
    *LISTED,
    Person(7, "Will"),
    Person(8, "Walter William"),
    Person(9, "William"),
    Person(10, "Bob"),
    Person(11, "Müller"),
]


@settings(max_examples=300, deadline=None)
@given(
    name=st.sampled_from(["William", "Bill", "Wanda Will", "Robert", "Bob Stone", "muller", "Kate Müller", "Stone"])
    | st.text(max_size=20),
)
def test_the_stored_name_keys_reach_everyone_a_name_could_match(name):
    # The workbook reads only people whose name key is near the typed name: none of its block may be left out.
    candidate = Person(0, name)
    keys = set(name_keys_near(name))
    by_block = [p for p in ONE_WORD_AND_NICKNAMED if could_match(candidate, p.name, "")]
    assert [p for p in by_block if name_key(p.name) not in keys] == []
