"""A use case's reads in one scope: answers that agree, each question asked once, and a write seen at once."""

from __future__ import annotations

import threading

import pytest

from core.model import ContactDraft
from store.contacts import add_contact, count_contacts

pytestmark = pytest.mark.both_engines


def test_a_question_asked_twice_in_a_scope_is_answered_once_and_both_answers_agree(workbook, monkeypatch):
    add_contact(workbook, ContactDraft(name="Ana"))
    asked = []
    if workbook.engine == "postgres":  # a scope asks through its snapshot's connection
        import store.postgres as engine

        rows = engine._rows
        monkeypatch.setattr(engine, "_rows", lambda c, sql, params: (asked.append(sql), rows(c, sql, params))[1])
    else:
        read = workbook._read
        monkeypatch.setattr(workbook, "_read", lambda sql, params: (asked.append(sql), read(sql, params))[1])
    with workbook.reading():
        first = count_contacts(workbook)
        again = count_contacts(workbook)
    assert (first, again) == (1, 1)
    assert len(asked) == 1


def test_a_write_inside_a_scope_is_seen_by_the_reads_after_it(workbook):
    with workbook.reading():
        assert count_contacts(workbook) == 0
        add_contact(workbook, ContactDraft(name="Ana"))
        assert count_contacts(workbook) == 1


def test_another_thread_reads_outside_this_threads_scope(workbook):
    seen = []
    with workbook.reading():
        assert count_contacts(workbook) == 0
        writer = threading.Thread(target=lambda: add_contact(workbook, ContactDraft(name="Ana")))
        writer.start()
        writer.join()
        seen.append(count_contacts(workbook))  # the other thread's write raised data_version: asked anew
    assert seen == [1]
    assert count_contacts(workbook) == 1


def test_a_failed_read_in_a_scope_leaves_the_next_read_working(workbook):
    add_contact(workbook, ContactDraft(name="Ana"))
    with workbook.reading():
        with pytest.raises(Exception, match="no_such_column"):
            workbook.read("SELECT no_such_column FROM contacts")
        assert count_contacts(workbook) == 1
