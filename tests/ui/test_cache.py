"""Cached results: reused until the workbook changes, and never shared between two workbooks."""

from __future__ import annotations

import gc

import pytest

from core.model import ContactDraft
from store import open_private_workbook
from store.contacts import add_contact, count_by_circle, count_contacts, trash_contacts
from store.settings import set_setting
from ui.cache import cached

calls: list[tuple] = []


def count_people_noting_the_call(workbook, *args) -> int:
    calls.append((workbook.key, args))
    return count_contacts(workbook)


@pytest.fixture(autouse=True)
def fresh_calls():
    calls.clear()
    yield
    calls.clear()


@pytest.fixture
def books():
    first, second = open_private_workbook(), open_private_workbook()
    yield first, second
    first.close()
    second.close()


def test_a_cached_result_is_reused_while_the_workbook_is_unchanged(workbook):
    add_contact(workbook, ContactDraft(name="Ana"))
    assert cached(workbook, count_people_noting_the_call) == 1
    assert cached(workbook, count_people_noting_the_call) == 1
    assert len(calls) == 1


def test_a_write_makes_the_next_call_see_the_new_data(workbook):
    assert cached(workbook, count_people_noting_the_call) == 0
    person = add_contact(workbook, ContactDraft(name="Ana"))
    assert cached(workbook, count_people_noting_the_call) == 1
    trash_contacts(workbook, [person])
    assert cached(workbook, count_people_noting_the_call) == 0
    assert len(calls) == 3


def test_any_committed_write_refreshes_even_one_elsewhere_in_the_workbook(workbook):
    cached(workbook, count_people_noting_the_call)
    set_setting(workbook, "pitch", "hello")
    cached(workbook, count_people_noting_the_call)
    assert len(calls) == 2


def test_a_refused_write_keeps_the_cached_result(workbook):
    cached(workbook, count_people_noting_the_call)
    with pytest.raises(RuntimeError), workbook.write() as cursor:
        cursor.execute("INSERT INTO contacts (name) VALUES ('Ghost')")
        raise RuntimeError("abandoned")
    assert cached(workbook, count_people_noting_the_call) == 0
    assert len(calls) == 1


def test_different_arguments_are_cached_separately(workbook):
    cached(workbook, count_people_noting_the_call, "friends")
    cached(workbook, count_people_noting_the_call, "family")
    cached(workbook, count_people_noting_the_call, "friends")
    assert [args for _, args in calls] == [("friends",), ("family",)]


def test_different_functions_with_the_same_arguments_are_cached_separately(workbook):
    add_contact(workbook, ContactDraft(name="Ana", circle="gym"))
    assert cached(workbook, count_people_noting_the_call) == 1
    assert cached(workbook, count_by_circle) == {"gym": 1}


def test_two_workbooks_never_share_a_cached_result(books):
    first, second = books
    add_contact(first, ContactDraft(name="Only in the first"))
    assert cached(first, count_people_noting_the_call) == 1
    assert cached(second, count_people_noting_the_call) == 0
    assert cached(first, count_people_noting_the_call) == 1
    assert cached(second, count_people_noting_the_call) == 0
    assert [key for key, _ in calls] == [first.key, second.key]


def test_two_workbooks_at_the_same_data_version_still_keep_their_own_results(books):
    first, second = books
    add_contact(first, ContactDraft(name="Ana", circle="family"))
    add_contact(second, ContactDraft(name="Bo", circle="online"))
    assert first.data_version == second.data_version
    assert cached(first, count_by_circle) == {"family": 1}
    assert cached(second, count_by_circle) == {"online": 1}


def test_a_new_workbook_never_inherits_a_closed_ones_results():
    old = open_private_workbook()
    add_contact(old, ContactDraft(name="Ana"))
    assert cached(old, count_people_noting_the_call) == 1
    old.close()
    del old
    gc.collect()
    # The new workbook may reuse the old one's memory; it must still compute its own answer.
    new = open_private_workbook()
    try:
        assert cached(new, count_people_noting_the_call) == 0
        assert len(calls) == 2
    finally:
        new.close()


def test_many_different_queries_still_give_right_answers(workbook):
    add_contact(workbook, ContactDraft(name="Ana"))
    for n in range(300):
        assert cached(workbook, count_people_noting_the_call, n) == 1
    add_contact(workbook, ContactDraft(name="Bo"))
    assert cached(workbook, count_people_noting_the_call, 5) == 2
