"""Workshop rooms: what the facilitator's dashboard and a participant's page do with the server's room store.

The room store is passed in, as a workbook is elsewhere: one per server, shared by every session,
holding codes, key hashes, random tokens, optional nicknames and shared figures, never a contact.
Refusals are ``store.rooms.RoomError`` (a ``core.errors.InvalidInput``) with one line for the user.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from core.workshop import (
    MIN_GROUP,
    AgendaNow,
    ParticipantShare,
    Room,
    RoomSummary,
    agenda_position,
    check_nickname,
    normalise_code,
    start_for_item,
    summarise_room,
    summary_rows,
)
from fileio.export import write_csv
from fileio.qr import qr_png
from store import rooms
from store.rooms import RoomStore

__all__ = ["RoomStore"]
RESULTS_COLUMNS = ("section", "item", "value")


@dataclass(frozen=True)
class Seat:
    """A participant's place in a room: the code, its secret token, the nickname, whether they share."""

    code: str
    token: str
    nickname: str = ""
    sharing: bool = False
    last_shared: ParticipantShare | None = None  # what the room holds now, so unchanged figures are not resent


@dataclass(frozen=True)
class OpenedRoom:
    """A room just opened: the code everyone sees and the facilitator's secret key."""

    code: str
    key: str


@dataclass(frozen=True)
class RoomNow:
    """An open room as a page shows it: the room, the minutes until it closes, where its agenda stands."""

    room: Room
    minutes_left: int
    agenda: AgendaNow | None  # None until the facilitator starts the agenda

    @property
    def closes_in(self) -> str:
        """The time left in words, e.g. '2 h 59 min'."""
        return f"{self.minutes_left // 60} h {self.minutes_left % 60} min"


def _utc_now() -> datetime:
    """Naive UTC, the way the room store keeps time."""
    return datetime.now(UTC).replace(tzinfo=None)


def new_room_store(database=None) -> RoomStore:
    """The room store for every session: in the shared database when there is one, else in memory."""
    return rooms.open_room_store(database)


def open_room(
    store: RoomStore, hours: float, min_group: int = MIN_GROUP, now: datetime | None = None, opener: str = ""
) -> OpenedRoom:
    """Open a room for ``hours``, showing figures only once ``min_group`` people share.

    ``opener`` is an anonymous name for the browser session asking, for the limits on opening rooms."""
    code, key = rooms.open_room(store, timedelta(hours=hours), min_group=int(min_group), now=now, opener=opener)
    return OpenedRoom(code, key)


def _room_now(room: Room, now: datetime | None) -> RoomNow:
    now = now or _utc_now()
    minutes = max(0, int((room.expires_at - now).total_seconds() // 60))
    started = room.agenda_started_at
    return RoomNow(room, minutes, None if started is None else agenda_position(started, now))


def find_room(store: RoomStore, code: str, now: datetime | None = None) -> RoomNow:
    """The open room with this code, as a participant sees it."""
    return _room_now(rooms.get_room(store, code, now), now)


def check_facilitator(store: RoomStore, code: str, key: str | None, now: datetime | None = None) -> RoomNow:
    """The room, if ``key`` is its facilitator key; refused for a missing or wrong key."""
    return _room_now(rooms.check_facilitator(store, code, key, now), now)


def join_room(store: RoomStore, code: str, nickname: str = "", now: datetime | None = None, joiner: str = "") -> Seat:
    """Join an open room (nickname optional); nothing is shared until the participant says so."""
    token = rooms.join(store, code, nickname, now, joiner=joiner)
    return Seat(normalise_code(code), token, check_nickname(nickname)[0])


def find_seat(store: RoomStore, code: str, token: str) -> Seat | None:
    """The seat a page address names, if its token still holds a place in that room."""
    nickname = rooms.seat_nickname(store, code, token)
    if nickname is None:
        return None
    return Seat(normalise_code(code), token, nickname, sharing=rooms.is_sharing(store, code, token))


def share_figures(store: RoomStore, seat: Seat, figures: ParticipantShare, now: datetime | None = None) -> Seat:
    """Send (or update) the participant's figures to the room; the seat remembers what it sent."""
    rooms.share(store, seat.code, seat.token, figures, now)
    return replace(seat, sharing=True, last_shared=figures)


def withdraw_figures(store: RoomStore, seat: Seat) -> Seat:
    """Stop sharing: the participant's figures leave the room now."""
    rooms.withdraw(store, seat.code, seat.token)
    return replace(seat, sharing=False, last_shared=None)


def leave_room(store: RoomStore, seat: Seat) -> None:
    """Leave the room: the share and the place in it both go."""
    rooms.leave(store, seat.code, seat.token)


def joined_nicknames(store: RoomStore, code: str) -> list[str]:
    """The nicknames people chose, alphabetical, with no figures beside them (user text: escape it)."""
    return rooms.room_nicknames(store, code)


def room_summary(store: RoomStore, room: Room) -> RoomSummary:
    """The dashboard's figures: head counts, and aggregates once the room's minimum group has shared."""
    return summarise_room(rooms.count_joined(store, room.code), rooms.room_shares(store, room.code), room.min_group)


def move_agenda(store: RoomStore, code: str, key: str, index: int | None, now: datetime | None = None) -> None:
    """Put the agenda at the start of item ``index`` now (None stops it); facilitator only."""
    now = now or _utc_now()
    rooms.set_agenda_start(store, code, key, None if index is None else start_for_item(index, now), now)


def results_csv(store: RoomStore, room: Room) -> str:
    """The dashboard's aggregates as CSV text (no nicknames); a formula-like cell is neutralised."""
    return write_csv(RESULTS_COLUMNS, summary_rows(room_summary(store, room)))


def results_file_name(code: str, now: datetime | None = None) -> str:
    """The results download's name, by room and day."""
    return f"workshop-{code}-{now or _utc_now():%Y-%m-%d}.csv"


def close_room(store: RoomStore, code: str, key: str, now: datetime | None = None) -> None:
    """Close the room now: it and everything shared in it are gone; facilitator only."""
    rooms.close_room(store, code, key, now)


def join_qr(link: str) -> bytes:
    """The join link as a QR code (PNG), for the projector."""
    return qr_png(link)
