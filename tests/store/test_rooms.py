"""The room registry: codes and keys are checked with clear messages, rooms expire, shares are
figures only, and no contact's name or detail ever reaches the registry."""

from __future__ import annotations

import threading
from datetime import date, datetime, timedelta

import pytest

from core.model import ContactDraft
from core.workshop import ParticipantShare, hash_key
from store.contacts import add_contact
from store.goals import add_goal
from store.interactions import log_interaction
from store.maintenance import add_ledger_entry, save_person_notes, set_key_contact
from store.ratings import save_rating
from store.rooms import (
    NotFacilitator,
    NotInRoom,
    RoomError,
    RoomExpired,
    UnknownRoom,
    check_facilitator,
    close_room,
    count_joined,
    expire_rooms,
    get_room,
    is_sharing,
    join,
    leave,
    open_room,
    open_room_store,
    room_nicknames,
    room_shares,
    seat_nickname,
    set_agenda_start,
    share,
    withdraw,
)
from store.workshop_figures import count_figures

NOW = datetime(2026, 5, 4, 9, 0)
TODAY = date(2026, 5, 4)
FIGURES = ParticipantShare(
    score=3,
    answers=(True, True, False, True, False),
    strong_ties=2,
    weak_ties=5,
    circles_covered=4,
    asks_made=1,
    follow_ups_done=1,
    tips_completed=frozenset({3, 4}),
)


@pytest.fixture(params=["duckdb", "postgres"])
def store(request):
    """The room registry in memory, and in a PostgreSQL database (where every server shares it)."""
    database = request.getfixturevalue("postgres_database") if request.param == "postgres" else None
    rooms = open_room_store(database)
    yield rooms
    rooms.close()


@pytest.fixture
def room(store):
    code, key = open_room(store, timedelta(hours=2), now=NOW)
    return code, key


def test_an_open_room_is_found_by_its_code_typed_loosely(store, room):
    code, _ = room
    assert get_room(store, code.lower()[:3] + " " + code.lower()[3:], NOW).code == code
    assert get_room(store, code, NOW).expires_at == NOW + timedelta(hours=2)


def test_an_unknown_code_gets_a_clear_message(store, room):
    with pytest.raises(UnknownRoom, match="No open room has the code ZZZZZZ; check it with your facilitator"):
        get_room(store, "ZZZZZZ", NOW)
    with pytest.raises(UnknownRoom, match="is not a room code"):
        join(store, "hello!", now=NOW)


def test_an_expired_room_says_so_and_refuses_new_participants(store, room):
    code, _ = room
    later = NOW + timedelta(hours=2)
    with pytest.raises(RoomExpired, match=f"Room {code} closed at 11:00 UTC; ask your facilitator for a new code"):
        get_room(store, code, later)
    with pytest.raises(RoomExpired):
        join(store, code, "Sam", now=later)
    assert count_joined(store, code) == 0


def test_expiring_empties_the_room_of_everyone_and_everything_shared(store, room):
    code, _ = room
    share(store, code, join(store, code, now=NOW), FIGURES, now=NOW)
    assert expire_rooms(store, NOW + timedelta(hours=1)) == 0
    assert expire_rooms(store, NOW + timedelta(hours=2)) == 1
    dump = store.dump()
    assert (dump["participants"], dump["shares"], [r[0] for r in dump["rooms"]]) == ([], [], [code])
    with pytest.raises(RoomExpired):  # a late participant is told it closed, for a day
        get_room(store, code, NOW + timedelta(hours=3))
    expire_rooms(store, NOW + timedelta(hours=2, days=1))
    assert store.dump()["rooms"] == []
    with pytest.raises(UnknownRoom):
        get_room(store, code, NOW)


def test_the_first_look_at_an_expired_room_removes_what_was_shared(store, room):
    code, _ = room
    share(store, code, join(store, code, now=NOW), FIGURES, now=NOW)
    with pytest.raises(RoomExpired):
        get_room(store, code, NOW + timedelta(hours=2))
    assert store.dump()["shares"] == [] and store.dump()["participants"] == []


def test_a_missing_facilitator_key_is_refused_with_a_clear_message(store, room):
    code, _ = room
    with pytest.raises(NotFacilitator, match=f"The facilitator view of room {code} needs its secret key"):
        check_facilitator(store, code, None, NOW)
    with pytest.raises(NotFacilitator):
        check_facilitator(store, code, "", NOW)


def test_a_wrong_key_or_another_rooms_key_is_refused(store, room):
    code, key = room
    _, other_key = open_room(store, timedelta(hours=1), now=NOW)
    for wrong in (key + "x", other_key, key.upper()):
        with pytest.raises(NotFacilitator, match=f"That key does not open room {code}"):
            check_facilitator(store, code, wrong, NOW)
    assert check_facilitator(store, code, key, NOW).code == code


def test_the_store_keeps_a_hash_of_the_key_never_the_key(store, room):
    _, key = room
    assert key not in repr(store.dump())


def test_a_room_open_longer_than_a_day_or_with_a_tiny_group_is_refused(store):
    with pytest.raises(RoomError, match="between 1 and 24 hours"):
        open_room(store, timedelta(hours=30), now=NOW)
    with pytest.raises(RoomError, match="minimum group is between 3 and 50"):
        open_room(store, timedelta(hours=1), min_group=2, now=NOW)
    assert store.dump()["rooms"] == []


def test_a_too_long_nickname_is_refused_and_nobody_joins(store, room):
    code, _ = room
    with pytest.raises(RoomError, match="at most 30 characters"):
        join(store, code, "x" * 31, now=NOW)
    assert count_joined(store, code) == 0


def test_joining_counts_people_and_lists_only_chosen_nicknames(store, room):
    code, _ = room
    for name in ("zoe", "", "Ana"):
        join(store, code, name, now=NOW)
    assert count_joined(store, code) == 3
    assert room_nicknames(store, code) == ["Ana", "zoe"]


def test_sharing_again_updates_the_one_share_and_stopping_removes_it(store, room):
    code, _ = room
    token = join(store, code, now=NOW)
    share(store, code, token, FIGURES, now=NOW)
    share(store, code, token, ParticipantShare(strong_ties=9), now=NOW)
    assert room_shares(store, code) == [ParticipantShare(strong_ties=9)]
    assert is_sharing(store, code, token)
    assert withdraw(store, code, token)
    assert room_shares(store, code) == [] and not is_sharing(store, code, token)
    assert count_joined(store, code) == 1


def test_a_share_round_trips_every_figure(store, room):
    code, _ = room
    share(store, code, join(store, code, now=NOW), FIGURES, now=NOW)
    assert room_shares(store, code) == [FIGURES]


def test_bad_figures_are_refused_and_nothing_is_shared(store, room):
    code, _ = room
    token = join(store, code, now=NOW)
    with pytest.raises(RoomError, match="number of yes answers"):
        share(store, code, token, ParticipantShare(score=5, answers=(False,) * 5), now=NOW)
    with pytest.raises(RoomError):
        share(store, code, token, ParticipantShare(weak_ties="Rosa Mensah"), now=NOW)
    assert room_shares(store, code) == []


def test_a_token_from_another_room_cannot_share_here(store, room):
    code, _ = room
    other, _ = open_room(store, timedelta(hours=1), now=NOW)
    stranger = join(store, other, now=NOW)
    with pytest.raises(NotInRoom, match=f"You are not in room {code}"):
        share(store, code, stranger, FIGURES, now=NOW)
    assert room_shares(store, code) == []


def test_leaving_removes_the_share_and_the_seat(store, room):
    code, _ = room
    token = join(store, code, "Kit", now=NOW)
    share(store, code, token, FIGURES, now=NOW)
    leave(store, code, token)
    assert (count_joined(store, code), room_shares(store, code), room_nicknames(store, code)) == (0, [], [])


def test_closing_a_room_takes_the_facilitator_key(store, room):
    code, key = room
    with pytest.raises(NotFacilitator):
        close_room(store, code, "nope", NOW)
    close_room(store, code, key, NOW)
    assert store.dump()["rooms"] == []


def test_only_the_facilitator_moves_the_agenda_clock(store, room):
    code, key = room
    with pytest.raises(NotFacilitator):
        set_agenda_start(store, code, "nope", NOW, NOW)
    set_agenda_start(store, code, key, NOW, NOW)
    assert get_room(store, code, NOW).agenda_started_at == NOW
    set_agenda_start(store, code, key, None, NOW)
    assert get_room(store, code, NOW).agenda_started_at is None


def test_many_sessions_joining_and_sharing_at_once_lose_nothing(store, room):
    code, _ = room

    def take_part(session: int) -> None:
        for n in range(10):
            share(store, code, join(store, code, now=NOW, joiner=f"session-{session}-{n}"), FIGURES, now=NOW)

    threads = [threading.Thread(target=take_part, args=(s,)) for s in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert count_joined(store, code) == 80
    assert len(room_shares(store, code)) == 80


# A participant's figures, counted over their own workbook


def fill_workbook(workbook) -> None:
    """Contacts with distinctive names and details, and something for every tip."""
    circles = ["family", "friends", "neighbours", "former_jobs", "school", "gym"]
    ids = [
        add_contact(
            workbook,
            ContactDraft(
                name=f"Zebediah Quillfeather {n}",
                email=f"zq{n}@quill-secret.example",
                phone=f"+44 7700 90{n:04d}",
                company="Xylophone Holdings",
                role="Chief Whisperer",
                circle=circle,
                tie="strong" if n < 2 else "weak",
                notes="Met at the Marmalade Congress",
            ),
        )
        for n, circle in enumerate(circles)
    ]
    save_person_notes(workbook, ids[0], family="Twins named Orrin and Pell", interests="Fennel farming")
    set_key_contact(workbook, ids[0], 30)
    log_interaction(
        workbook, ids[1], TODAY, "ask", request_kind="advice", note="Asked Quillfeather about Xylophone", today=TODAY
    )
    log_interaction(workbook, ids[1], TODAY, "thank_you", note="Thanked for the Marmalade tip", today=TODAY)
    log_interaction(workbook, ids[2], TODAY, "follow_up", today=TODAY)
    log_interaction(workbook, ids[2], TODAY, "catch_up", today=TODAY)
    add_ledger_entry(workbook, ids[0], TODAY, "gave", "article", 2, today=TODAY, note="Sent the Gorgonzola paper")
    add_goal(workbook, "employer", "Xylophone Holdings")
    add_goal(workbook, "association", "Guild of Marmalade Makers")
    save_rating(
        workbook,
        {"truth": True, "challenge": False, "vibrant": True, "future": False, "strong_links": True},
        TODAY,
        today=TODAY,
        strengths="Quillfeather loyalty",
        weaknesses="Stuck at Xylophone",
    )


# Pieces of the workbook's text that no room code, token, key hash, number or time can contain: each
# holds a space, "@" or "+", which none of those ever has, so a match is a leak and never chance.
DISTINCTIVE = [
    "Zebediah Quillfeather",
    "@quill-secret.example",
    "+44 7700 90",
    "Xylophone Holdings",
    "Chief Whisperer",
    "Marmalade Congress",
    "Orrin and Pell",
    "Fennel farming",
    "Gorgonzola paper",
    "Guild of Marmalade",
    "Quillfeather loyalty",
]


def test_no_contacts_name_or_detail_ever_reaches_the_room_store(store, room, workbook):
    fill_workbook(workbook)
    code, key = room
    token = join(store, code, "Sam", now=NOW)
    share(store, code, token, count_figures(workbook), now=NOW)
    assert room_shares(store, code), "the share should be in the store"
    # Text can only leak as text: the share's figures are typed numbers, yes/no answers and times.
    texts = [value for rows in store.dump().values() for row in rows for value in row if isinstance(value, str)]
    for secret in DISTINCTIVE:
        assert not any(secret.lower() in text.lower() for text in texts), f"{secret} reached the room store"
    # The only text at all: the room's code, its key's hash, the participant's token and chosen nickname.
    # ...and the room events counted for the limits: their kind and the (hashed) session, here unnamed.
    assert set(texts) == {code, hash_key(key), token, "Sam", "open", "join", ""}


def test_a_seat_is_found_again_by_its_token_only_in_its_own_room(store, room):
    code, _ = room
    other, _ = open_room(store, timedelta(hours=1), now=NOW)
    token = join(store, code, "Ren", now=NOW)
    assert seat_nickname(store, code, token) == "Ren"
    assert seat_nickname(store, code, join(store, code, now=NOW)) == ""
    assert seat_nickname(store, other, token) is None
    assert seat_nickname(store, code, "made-up") is None


def test_one_session_opening_room_after_room_is_stopped_and_others_are_not(store):
    for _ in range(3):
        open_room(store, timedelta(hours=2), now=NOW, opener="script")
    with pytest.raises(RoomError, match="opened a room 3 times in 60 minutes, the most one browser may"):
        open_room(store, timedelta(hours=2), now=NOW, opener="script")
    assert open_room(store, timedelta(hours=2), now=NOW, opener="facilitator")
    later = NOW + timedelta(hours=1, minutes=1)
    assert open_room(store, timedelta(hours=2), now=later, opener="script")


def test_a_flood_of_openings_from_many_sessions_is_stopped_for_the_whole_server(store):
    from store.rooms import OPEN_LIMITS

    per_server = OPEN_LIMITS[1][0]
    for n in range(per_server):
        open_room(store, timedelta(hours=1), now=NOW, opener=f"bot-{n}")
    with pytest.raises(RoomError, match="This server is busier than usual"):
        open_room(store, timedelta(hours=1), now=NOW, opener="one-more")


def test_one_session_joining_again_and_again_is_stopped(store, room):
    code, _ = room
    from store.rooms import JOIN_LIMITS

    for _ in range(JOIN_LIMITS[0][0]):
        join(store, code, now=NOW, joiner="script")
    with pytest.raises(RoomError, match="joined a room 10 times in 10 minutes"):
        join(store, code, now=NOW, joiner="script")
    assert join(store, code, now=NOW, joiner="a participant")
