"""Shared mode's holder of private workbooks: by token only, kept through a short drop, then released."""

from __future__ import annotations

from core.model import ContactDraft
from services.private import PrivateWorkbooks
from store.contacts import add_contact, count_contacts


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_visitor_without_a_token_gets_a_new_empty_workbook_and_a_secret_token():
    held = PrivateWorkbooks()
    token, workbook = held.claim(None)
    assert len(token) >= 32
    assert count_contacts(workbook) == 0


def test_two_visitors_never_share_a_workbook():
    held = PrivateWorkbooks()
    first_token, first = held.claim(None)
    second_token, second = held.claim(None)
    add_contact(first, ContactDraft(name="Only in the first"))
    assert first_token != second_token
    assert count_contacts(second) == 0


def test_a_reconnecting_visitor_finds_their_workbook_within_the_grace_period():
    clock = Clock()
    held = PrivateWorkbooks(grace_seconds=600, clock=clock)
    token, workbook = held.claim(None)
    add_contact(workbook, ContactDraft(name="Kept"))
    clock.now += 599
    again_token, again = held.claim(token)
    assert again_token == token and again is workbook
    assert count_contacts(again) == 1


def test_a_workbook_is_released_after_the_grace_period_without_a_sign_of_life():
    clock = Clock()
    held = PrivateWorkbooks(grace_seconds=600, clock=clock)
    token, workbook = held.claim(None)
    clock.now += 601
    assert held.release_idle() == 1
    assert workbook.closed
    new_token, fresh = held.claim(token)
    assert new_token != token and count_contacts(fresh) == 0


def test_a_heartbeat_keeps_an_open_tab_alive_past_the_grace_period():
    clock = Clock()
    held = PrivateWorkbooks(grace_seconds=600, clock=clock)
    token, workbook = held.claim(None)
    for _ in range(5):
        clock.now += 300
        assert held.touch(token)
    assert held.release_idle() == 0
    assert held.claim(token)[1] is workbook


def test_a_made_up_token_opens_nothing_of_anyone_elses():
    held = PrivateWorkbooks()
    token, workbook = held.claim(None)
    add_contact(workbook, ContactDraft(name="Secret"))
    guessed_token, guessed = held.claim(token[:-1] + ("A" if token[-1] != "A" else "B"))
    assert guessed is not workbook and count_contacts(guessed) == 0
    assert not held.touch("not-a-token")


def test_release_forgets_a_workbook_at_once():
    held = PrivateWorkbooks()
    token, workbook = held.claim(None)
    held.release(token)
    assert workbook.closed and len(held) == 0
