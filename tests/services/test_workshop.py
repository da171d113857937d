"""The workshop's use cases over a real room store: rooms open, seats are taken and found again,
figures are shared and withdrawn, the dashboard and the results keep to the minimum group."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta

import pytest

from core.errors import WorkbookError
from core.workshop import AGENDA, ParticipantShare
from services import workshop

NOW = datetime(2026, 5, 4, 9, 0)
FIGURES = ParticipantShare(
    score=4,
    answers=(False, True, True, True, True),
    strong_ties=2,
    weak_ties=3,
    circles_covered=4,
    asks_made=1,
    follow_ups_done=1,
    tips_completed=frozenset({1, 4}),
)


@pytest.fixture
def store():
    rooms = workshop.new_room_store()
    yield rooms
    rooms.close()


@pytest.fixture
def opened(store) -> workshop.OpenedRoom:
    return workshop.open_room(store, 2, min_group=3, now=NOW)


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_an_opened_room_is_found_by_its_code_with_the_time_it_has_left(store, opened):
    now = workshop.find_room(store, opened.code.lower(), NOW + timedelta(minutes=61))
    assert (now.room.code, now.minutes_left, now.closes_in, now.agenda) == (opened.code, 59, "0 h 59 min", None)


def test_a_room_past_its_time_is_refused_with_one_line_for_the_user(store, opened):
    with pytest.raises(WorkbookError, match=f"Room {opened.code} closed at 11:00 UTC"):
        workshop.find_room(store, opened.code, NOW + timedelta(hours=2))


def test_joining_gives_a_seat_with_the_code_normalised_and_the_nickname_cleaned(store, opened):
    seat = workshop.join_room(store, f" {opened.code[:3].lower()}-{opened.code[3:]} ", "  Sam   K ", NOW)
    assert (seat.code, seat.nickname, seat.sharing) == (opened.code, "Sam K", False)
    assert workshop.joined_nicknames(store, opened.code) == ["Sam K"]


def test_a_refused_join_seats_nobody(store, opened):
    with pytest.raises(WorkbookError, match="only plain text"):
        workshop.join_room(store, opened.code, "\x07bell", NOW)
    assert workshop.room_summary(store, workshop.find_room(store, opened.code, NOW).room).joined == 0


def test_a_seat_in_an_address_is_found_only_while_its_token_holds_a_place(store, opened):
    seat = workshop.join_room(store, opened.code, "Ren", NOW)
    workshop.share_figures(store, seat, FIGURES, NOW)
    assert workshop.find_seat(store, opened.code, seat.token) == workshop.Seat(opened.code, seat.token, "Ren", True)
    assert workshop.find_seat(store, opened.code, "made-up") is None
    workshop.leave_room(store, seat)
    assert workshop.find_seat(store, opened.code, seat.token) is None


def test_sharing_remembers_what_was_sent_and_withdrawing_takes_it_out_of_the_room(store, opened):
    seat = workshop.join_room(store, opened.code, now=NOW)
    shared = workshop.share_figures(store, seat, FIGURES, NOW)
    assert (shared.sharing, shared.last_shared) == (True, FIGURES)
    withdrawn = workshop.withdraw_figures(store, shared)
    assert (withdrawn.sharing, withdrawn.last_shared) == (False, None)
    summary = workshop.room_summary(store, workshop.find_room(store, opened.code, NOW).room)
    assert (summary.joined, summary.shared) == (1, 0)


def test_figures_that_are_not_figures_are_refused_and_nothing_is_shared(store, opened):
    seat = workshop.join_room(store, opened.code, now=NOW)
    with pytest.raises(WorkbookError, match="number of yes answers"):
        workshop.share_figures(store, seat, ParticipantShare(score=5, answers=(False,) * 5), NOW)
    assert workshop.find_seat(store, opened.code, seat.token).sharing is False


def share_as(store, code: str, count: int) -> None:
    for _ in range(count):
        workshop.share_figures(store, workshop.join_room(store, code, now=NOW), FIGURES, NOW)


def test_the_summary_shows_head_counts_only_until_the_minimum_group_has_shared(store, opened):
    room = workshop.find_room(store, opened.code, NOW).room
    share_as(store, opened.code, 2)
    hidden = workshop.room_summary(store, room)
    assert (hidden.joined, hidden.shared, hidden.visible, hidden.strong_ties) == (2, 2, False, None)
    share_as(store, opened.code, 1)
    shown = workshop.room_summary(store, room)
    assert (shown.visible, shown.strong_ties, shown.weak_ties) == (True, 6, 9)


def test_the_results_of_a_hidden_room_are_its_head_counts_only(store, opened):
    share_as(store, opened.code, 2)
    table = rows(workshop.results_csv(store, workshop.find_room(store, opened.code, NOW).room))
    assert table[0] == ["section", "item", "value"]
    assert table[1:4] == [["room", "joined", "2"], ["room", "shared", "2"], ["room", "minimum group", "3"]]
    assert [row[:2] for row in table[4:]] == [["note", "hidden"]]


def test_the_results_of_a_visible_room_have_every_figure_and_no_nickname(store, opened):
    workshop.share_figures(store, workshop.join_room(store, opened.code, "Ottoline", NOW), FIGURES, NOW)
    share_as(store, opened.code, 2)
    text = workshop.results_csv(store, workshop.find_room(store, opened.code, NOW).room)
    assert ["score", "4", "3"] in rows(text) and ["ties", "weak", "9"] in rows(text)
    assert ["no answer", "tells you the truth", "3"] in rows(text)
    assert "Ottoline" not in text


def test_the_results_file_is_named_by_room_and_day(opened):
    assert workshop.results_file_name(opened.code, NOW) == f"workshop-{opened.code}-2026-05-04.csv"


def test_moving_the_agenda_starts_that_tip_with_its_full_time_and_none_stops_it(store, opened):
    workshop.move_agenda(store, opened.code, opened.key, 2, NOW)
    agenda = workshop.find_room(store, opened.code, NOW).agenda
    assert (agenda.item.tip, agenda.seconds_left) == (3, AGENDA[2].minutes * 60)
    workshop.move_agenda(store, opened.code, opened.key, None, NOW)
    assert workshop.find_room(store, opened.code, NOW).agenda is None


def test_only_the_facilitators_key_moves_the_agenda_or_closes_the_room(store, opened):
    for act in (
        lambda: workshop.move_agenda(store, opened.code, "not-the-key", 1, NOW),
        lambda: workshop.close_room(store, opened.code, "not-the-key", NOW),
    ):
        with pytest.raises(WorkbookError, match=f"That key does not open room {opened.code}"):
            act()
    assert workshop.check_facilitator(store, opened.code, opened.key, NOW).agenda is None


def test_closing_the_room_removes_it_and_everything_shared_in_it(store, opened):
    share_as(store, opened.code, 3)
    workshop.close_room(store, opened.code, opened.key, NOW)
    with pytest.raises(WorkbookError, match=f"No open room has the code {opened.code}"):
        workshop.find_room(store, opened.code, NOW)
    assert store.dump()["shares"] == [] and store.dump()["participants"] == []


def test_a_refusal_never_says_nothing_was_saved_itself(store, opened):
    # The page's run_save adds that sentence to every refusal, once.
    refusals = []
    for act in (
        lambda: workshop.open_room(store, 30, now=NOW),
        lambda: workshop.open_room(store, 2, min_group=2, now=NOW),
        lambda: workshop.join_room(store, "ZZZZZZ", now=NOW),
        lambda: workshop.join_room(store, opened.code, "x" * 31, NOW),
        lambda: workshop.check_facilitator(store, opened.code, None, NOW),
    ):
        with pytest.raises(WorkbookError) as refused:
            act()
        refusals.append(str(refused.value))
    assert not any("nothing was" in text.lower() for text in refusals)
    assert all("\n" not in text for text in refusals)


def test_the_join_link_becomes_a_png_qr_code():
    assert workshop.join_qr("http://example.org/workshop?room=K7M2QX")[:8] == b"\x89PNG\r\n\x1a\n"
