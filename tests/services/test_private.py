"""Shared mode's holder of private workbooks: by token only, kept through a short drop, then released."""

from __future__ import annotations

import time

import pytest

from core.errors import WorkbookFull
from core.model import ContactDraft
from services.private import PrivateWorkbooks
from store.contacts import add_contact, count_contacts


def unpack(claim):
    return claim.token, claim.workbook


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_visitor_without_a_token_gets_a_new_empty_workbook_and_a_secret_token():
    held = PrivateWorkbooks()
    token, workbook = unpack(held.claim(None))
    assert len(token) >= 32
    assert count_contacts(workbook) == 0


def test_two_visitors_never_share_a_workbook():
    held = PrivateWorkbooks()
    first_token, first = unpack(held.claim(None))
    second_token, second = unpack(held.claim(None))
    add_contact(first, ContactDraft(name="Only in the first"))
    assert first_token != second_token
    assert count_contacts(second) == 0


def test_a_reconnecting_visitor_finds_their_workbook_within_the_grace_period():
    clock = Clock()
    held = PrivateWorkbooks(grace_seconds=600, clock=clock)
    token, workbook = unpack(held.claim(None))
    add_contact(workbook, ContactDraft(name="Kept"))
    clock.now += 599
    again_token, again = unpack(held.claim(token))
    assert again_token == token and again is workbook
    assert count_contacts(again) == 1


def test_a_workbook_is_released_after_the_grace_period_without_a_sign_of_life():
    clock = Clock()
    held = PrivateWorkbooks(grace_seconds=600, clock=clock)
    token, workbook = unpack(held.claim(None))
    clock.now += 601
    assert held.release_idle() == 1
    assert workbook.closed
    new_token, fresh = unpack(held.claim(token))
    assert new_token != token and count_contacts(fresh) == 0


def test_a_heartbeat_keeps_an_open_tab_alive_past_the_grace_period():
    clock = Clock()
    held = PrivateWorkbooks(grace_seconds=600, clock=clock)
    token, workbook = unpack(held.claim(None))
    for _ in range(5):
        clock.now += 300
        assert held.touch(token)
    assert held.release_idle() == 0
    assert held.claim(token).workbook is workbook


def test_a_made_up_token_opens_nothing_of_anyone_elses():
    held = PrivateWorkbooks()
    token, workbook = unpack(held.claim(None))
    add_contact(workbook, ContactDraft(name="Secret"))
    guessed_token, guessed = unpack(held.claim(token[:-1] + ("A" if token[-1] != "A" else "B")))
    assert guessed is not workbook and count_contacts(guessed) == 0
    assert not held.touch("not-a-token")


def test_release_forgets_a_workbook_at_once():
    held = PrivateWorkbooks()
    token, workbook = unpack(held.claim(None))
    held.release(token)
    assert workbook.closed and len(held) == 0


def test_a_token_whose_workbook_was_released_is_told_so():
    clock = Clock()
    held = PrivateWorkbooks(grace_seconds=600, clock=clock)
    token = held.claim(None).token
    clock.now += 601
    again = held.claim(token)
    assert again.expired and again.token != token
    assert not held.claim(None).expired


def test_a_quiet_visitors_workbook_goes_on_time_with_nobody_else_visiting():
    held = PrivateWorkbooks(grace_seconds=0.5)
    claim = held.claim(None)
    add_contact(claim.workbook, ContactDraft(name="Due to go"))
    # The reaper starts after the save: on a loaded machine the save alone can outlast the grace period.
    held.touch(claim.token)
    held.start_reaper(every=0.1)
    try:
        deadline = time.monotonic() + 5
        while len(held) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(held) == 0 and claim.workbook.closed
    finally:
        held.stop()


def test_the_browser_sessions_of_a_released_workbook_are_handed_over_to_drop_their_uploads():
    dropped = []
    held = PrivateWorkbooks(on_release=dropped.append)
    token = held.claim(None).token
    held.bind(token, "session-1")
    held.bind(token, "session-2")
    held.release(token)
    assert dropped == [{"session-1", "session-2"}]


def test_a_full_server_refuses_a_new_workbook_at_its_first_save_and_keeps_the_others():
    held = PrivateWorkbooks(max_open=2)
    books = [held.claim(None).workbook for _ in range(3)]
    add_contact(books[0], ContactDraft(name="One"))
    add_contact(books[1], ContactDraft(name="Two"))
    with pytest.raises(WorkbookFull, match="as many private workbooks as it can"):
        add_contact(books[2], ContactDraft(name="Three"))
    assert [count_contacts(b) for b in books] == [1, 1, 0]


def test_no_new_workbook_opens_while_the_server_is_short_of_memory():
    held = PrivateWorkbooks(memory_guard_mb=1000, memory=lambda: 1200.0)
    with pytest.raises(WorkbookFull, match="short of memory"):
        add_contact(held.claim(None).workbook, ContactDraft(name="Waits"))


def test_visits_that_save_nothing_cost_no_database_however_many(monkeypatch):
    import services.private

    monkeypatch.setattr(services.private, "MAX_TOKENS", 50)
    held = PrivateWorkbooks()
    kept = held.claim(None)
    add_contact(kept.workbook, ContactDraft(name="Kept"))
    for _ in range(200):
        held.claim(None)
    assert len(held) <= 50 and held.open_count() == 1
    assert held.claim(kept.token).workbook is kept.workbook
