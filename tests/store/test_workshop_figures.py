"""A participant's figures, counted in SQL over their own workbook: numbers only, live people only."""

from __future__ import annotations

from datetime import date

import pytest

from core.model import ContactDraft
from core.workshop import ParticipantShare
from store.contacts import add_contact, trash_contacts
from store.interactions import log_interaction
from store.ratings import save_rating
from store.workshop_figures import count_figures

pytestmark = pytest.mark.both_engines

TODAY = date(2026, 5, 4)


def test_an_empty_workbook_counts_nothing_and_has_no_score(workbook):
    assert count_figures(workbook) == ParticipantShare()


def test_the_figures_are_counts_of_the_workbook_and_its_latest_rating(workbook):
    circles = ["family", "friends", "gym", "gym"]
    ids = [
        add_contact(workbook, ContactDraft(name=f"P{n}", circle=c, tie="strong" if n == 0 else "weak"))
        for n, c in enumerate(circles)
    ]
    log_interaction(workbook, ids[1], TODAY, "ask", request_kind="advice", today=TODAY)
    log_interaction(workbook, ids[1], TODAY, "thank_you", today=TODAY)
    log_interaction(workbook, ids[2], TODAY, "follow_up", today=TODAY)
    answers = {"truth": True, "challenge": False, "vibrant": True, "future": False, "strong_links": True}
    save_rating(workbook, dict.fromkeys(answers, False), date(2026, 1, 1), today=TODAY)
    save_rating(workbook, answers, TODAY, today=TODAY)
    assert count_figures(workbook) == ParticipantShare(
        score=3,
        answers=(True, False, True, False, True),
        strong_ties=1,
        weak_ties=3,
        circles_covered=3,
        asks_made=1,
        follow_ups_done=2,
    )


def test_people_in_the_trash_are_not_counted(workbook):
    ids = [add_contact(workbook, ContactDraft(name=f"P{n}", circle=c)) for n, c in enumerate(["family", "gym"])]
    log_interaction(workbook, ids[1], TODAY, "ask", today=TODAY)
    trash_contacts(workbook, [ids[1]])
    figures = count_figures(workbook)
    assert (figures.weak_ties, figures.circles_covered, figures.asks_made) == (1, 1, 0)
