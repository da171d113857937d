"""The room registry: workshop rooms, who joined and the figures they chose to share.

One store serves every session of the server, so it holds no personal data: a room code, a hash
of the facilitator key, random participant tokens, optional nicknames and the numbers of a
:class:`~core.workshop.ParticipantShare`. Without a database it lives in a private in-memory DuckDB
database and is gone when the server stops; with one (PostgreSQL), every server shares it, so a
room opened on one server is joined from another and outlives a restart.

Opening and joining rooms have limits a facilitator never meets and a script always does, per
browser session and per server (``OPEN_LIMITS``, ``JOIN_LIMITS``), counted in ``room_events``.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

import duckdb

from core.errors import InvalidInput
from core.model import RATING_QUESTIONS
from core.workshop import (
    MIN_GROUP,
    ParticipantShare,
    Room,
    check_code,
    check_expiry_hours,
    check_nickname,
    check_share,
    hash_key,
    is_expired,
    key_matches,
    new_code,
    new_key,
    normalise_code,
)
from store.sql import TEXTS

MAX_OPEN_ROOMS = 200
MAX_PARTICIPANTS = 500
TOKEN_BYTES = 18
CLOSED_ROOM_MEMORY = timedelta(days=1)
_QUESTIONS = list(RATING_QUESTIONS)
_SHARE_COLUMNS = [
    "score",
    *_QUESTIONS,
    "strong_ties",
    "weak_ties",
    "circles_covered",
    "asks_made",
    "follow_ups_done",
    "tips_completed",
]
# (how many, within how long): per session, then per server.
OPEN_LIMITS = ((3, timedelta(hours=1)), (60, timedelta(minutes=10)))
JOIN_LIMITS = ((10, timedelta(minutes=10)), (600, timedelta(minutes=10)))
SCHEMA = f"""
CREATE TABLE room_events (kind VARCHAR NOT NULL, actor VARCHAR NOT NULL, happened_at TIMESTAMP NOT NULL);
CREATE TABLE rooms (
    code VARCHAR PRIMARY KEY, key_hash VARCHAR NOT NULL, expires_at TIMESTAMP NOT NULL,
    min_group INTEGER NOT NULL, agenda_started_at TIMESTAMP
);
CREATE TABLE participants (
    token VARCHAR PRIMARY KEY, code VARCHAR NOT NULL, nickname VARCHAR NOT NULL, joined_at TIMESTAMP NOT NULL
);
CREATE TABLE shares (
    token VARCHAR PRIMARY KEY, code VARCHAR NOT NULL, score INTEGER,
    {", ".join(f"{q} BOOLEAN" for q in _QUESTIONS)},
    strong_ties BIGINT NOT NULL, weak_ties BIGINT NOT NULL, circles_covered INTEGER NOT NULL,
    asks_made BIGINT NOT NULL, follow_ups_done BIGINT NOT NULL, tips_completed INTEGER[] NOT NULL,
    shared_at TIMESTAMP NOT NULL
);
"""


class RoomError(InvalidInput):
    """A room could not be used; ``str(error)`` is one line for the user."""


class UnknownRoom(RoomError):
    """No open room has that code."""


class RoomExpired(RoomError):
    """The room's set time has run out."""


class NotFacilitator(RoomError):
    """The facilitator key is missing or wrong."""


class NotInRoom(RoomError):
    """The participant token does not belong to the room."""


class RoomStore:
    """A process-wide registry of rooms, safe to share between the threads of the server."""

    def __init__(self) -> None:
        self._connection = duckdb.connect(":memory:")
        self._connection.execute(SCHEMA)
        self._lock = threading.RLock()

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """Several statements that must happen together (nobody else's run comes between them)."""
        with self._lock:
            yield

    def run(self, sql: str, params: list | tuple = ()) -> list[tuple]:
        """Run one parameterised statement under the store's lock and return its rows."""
        with self._lock:
            cursor = self._connection.cursor()
            try:
                result = cursor.execute(sql, list(params))
                return result.fetchall() if result.description else []
            finally:
                cursor.close()

    def dump(self) -> dict[str, list[tuple]]:
        """Every row of every table, for audits (and the test that no name ever lands here)."""
        tables = [row[0] for row in self.run("SELECT table_name FROM information_schema.tables ORDER BY 1")]
        return {table: self.run(f'SELECT * FROM "{table}"') for table in tables}

    def close(self) -> None:
        with self._lock:
            self._connection.close()


class PostgresRoomStore(RoomStore):
    """The room registry in the PostgreSQL database every app server shares."""

    TABLES = ("room_events", "rooms", "participants", "shares")

    def __init__(self, database) -> None:
        self._database = database
        self._local = threading.local()

    @contextmanager
    def atomic(self) -> Iterator[None]:
        if getattr(self._local, "connection", None) is not None:
            yield
            return
        with self._database.shared_connection() as connection:
            self._local.connection = connection
            try:
                yield
            finally:
                self._local.connection = None

    def run(self, sql: str, params: list | tuple = ()) -> list[tuple]:
        from store.postgres import _bound

        with self.atomic():
            cursor = self._local.connection.execute(*_bound(sql, params))
            return cursor.fetchall() if cursor.description else []

    def dump(self) -> dict[str, list[tuple]]:
        return {table: self.run(f"SELECT * FROM {table}") for table in self.TABLES}

    def close(self) -> None:
        """The connections belong to the database's pool."""


def open_room_store(database=None) -> RoomStore:
    """The room registry: in the shared database when there is one, else a new, empty one in memory."""
    return PostgresRoomStore(database) if database is not None else RoomStore()


def _utc(now: datetime | None) -> datetime:
    """Naive UTC, the way the store keeps time."""
    now = now or datetime.now(UTC)
    return now.astimezone(UTC).replace(tzinfo=None) if now.tzinfo else now


def _within_limits(store: RoomStore, kind: str, actor: str, now: datetime, limits, what: str) -> None:
    """Refuse one more ``kind`` event past the limits (per actor, then for the whole server); else count it."""
    (mine, mine_within), (everyone, everyone_within) = limits
    store.run("DELETE FROM room_events WHERE happened_at < ?", [now - max(mine_within, everyone_within)])
    count_mine = store.run(
        "SELECT count(*) FROM room_events WHERE kind = ? AND actor = ? AND happened_at >= ?",
        [kind, actor, now - mine_within],
    )[0][0]
    if count_mine >= mine:
        minutes = int(mine_within.total_seconds() // 60)
        raise RoomError(
            f"You have {what} {mine} times in {minutes} minutes, the most one browser may; try again later."
        )
    count_all = store.run(
        "SELECT count(*) FROM room_events WHERE kind = ? AND happened_at >= ?", [kind, now - everyone_within]
    )[0][0]
    if count_all >= everyone:
        raise RoomError(
            f"This server is busier than usual ({what} {everyone} times just now); try again in a few minutes."
        )
    store.run("INSERT INTO room_events (kind, actor, happened_at) VALUES (?, ?, ?)", [kind, actor, now])


def open_room(
    store: RoomStore,
    expires_in: timedelta,
    *,
    min_group: int = MIN_GROUP,
    now: datetime | None = None,
    opener: str = "",
) -> tuple[str, str]:
    """Open a room for ``expires_in``; returns its join code and the secret facilitator key.

    ``opener`` names the browser session asking (a hash, never who it is), for the limits."""
    problems = check_expiry_hours(expires_in.total_seconds() / 3600)
    if problems:
        raise RoomError(problems[0].message)
    if not isinstance(min_group, int) or not 3 <= min_group <= 50:
        raise RoomError("The minimum group is between 3 and 50 participants, so nobody can be singled out.")
    now = _utc(now)
    expire_rooms(store, now)
    if store.run("SELECT count(*) FROM rooms")[0][0] >= MAX_OPEN_ROOMS:
        raise RoomError("This server has as many rooms open as it can hold; try again after some close.")
    _within_limits(store, "open", opener, now, OPEN_LIMITS, "opened a room")
    key = new_key()
    for _ in range(20):
        code = new_code()
        inserted = store.run(
            "INSERT INTO rooms (code, key_hash, expires_at, min_group) VALUES (?, ?, ?, ?) "
            "ON CONFLICT DO NOTHING RETURNING code",
            [code, hash_key(key), now + expires_in, min_group],
        )
        if inserted:
            return code, key
    raise RoomError("Could not find a free room code; try again.")


def get_room(store: RoomStore, code: str, now: datetime | None = None) -> Room:
    """The open room with this code; a clear error for a malformed, unknown or expired code."""
    problems = check_code(code)
    if problems:
        raise UnknownRoom(problems[0].message)
    code = normalise_code(code)
    rows = store.run("SELECT code, expires_at, min_group, agenda_started_at FROM rooms WHERE code = ?", [code])
    if not rows:
        raise UnknownRoom(
            f"No open room has the code {code}; check it with your facilitator (rooms close after a set time)."
        )
    room = Room(*rows[0])
    if is_expired(room.expires_at, _utc(now)):
        expire_rooms(store, now)  # whatever was shared in it goes now, not at the next room opening
        raise RoomExpired(f"Room {code} closed at {room.expires_at:%H:%M} UTC; ask your facilitator for a new code.")
    return room


def check_facilitator(store: RoomStore, code: str, key: str | None, now: datetime | None = None) -> Room:
    """The room, if ``key`` is its facilitator key; a clear error for a missing or wrong key."""
    room = get_room(store, code, now)
    if not key:
        raise NotFacilitator(
            f"The facilitator view of room {room.code} needs its secret key: open the facilitator link "
            "you got when you opened the room."
        )
    [(key_hash,)] = store.run("SELECT key_hash FROM rooms WHERE code = ?", [room.code])
    if not key_matches(key, key_hash):
        raise NotFacilitator(
            f"That key does not open room {room.code}; use the facilitator link you got when you opened it."
        )
    return room


def join(store: RoomStore, code: str, nickname: str = "", now: datetime | None = None, joiner: str = "") -> str:
    """Join an open room (nickname optional); returns the participant's secret token."""
    room = get_room(store, code, now)
    clean, problems = check_nickname(nickname)
    if problems:
        raise RoomError(problems[0].message)
    _within_limits(store, "join", joiner, _utc(now), JOIN_LIMITS, "joined a room")
    if store.run("SELECT count(*) FROM participants WHERE code = ?", [room.code])[0][0] >= MAX_PARTICIPANTS:
        raise RoomError(f"Room {room.code} is full ({MAX_PARTICIPANTS} people); ask your facilitator for another room.")
    token = secrets.token_urlsafe(TOKEN_BYTES)
    store.run(
        "INSERT INTO participants (token, code, nickname, joined_at) VALUES (?, ?, ?, ?)",
        [token, room.code, clean, _utc(now)],
    )
    return token


def _require_participant(store: RoomStore, code: str, token: str, now: datetime | None) -> Room:
    room = get_room(store, code, now)
    if not store.run("SELECT 1 FROM participants WHERE token = ? AND code = ?", [token or "", room.code]):
        raise NotInRoom(f"You are not in room {room.code} (or it was reopened); join it again with its code.")
    return room


def share(store: RoomStore, code: str, token: str, figures: ParticipantShare, now: datetime | None = None) -> None:
    """Share (or update) a participant's figures with the room; anything but checked figures is refused."""
    room = _require_participant(store, code, token, now)
    problems = check_share(figures)
    if problems:
        raise RoomError(problems[0].message)
    answers = list(figures.answers) if figures.rated else [None] * len(_QUESTIONS)
    values = [
        figures.score,
        *answers,
        figures.strong_ties,
        figures.weak_ties,
        figures.circles_covered,
        figures.asks_made,
        figures.follow_ups_done,
        sorted(figures.tips_completed),
    ]
    columns = ", ".join(_SHARE_COLUMNS)
    updates = ", ".join(f"{c} = excluded.{c}" for c in [*_SHARE_COLUMNS, "shared_at"])
    store.run(
        f"INSERT INTO shares (token, code, {columns}, shared_at) VALUES ({', '.join('?' * (len(values) + 3))}) "
        f"ON CONFLICT (token) DO UPDATE SET {updates}",
        [token, room.code, *values, _utc(now)],
    )


def withdraw(store: RoomStore, code: str, token: str) -> bool:
    """Stop sharing: the participant's figures leave the room now. True when there was a share."""
    deleted = store.run(
        "DELETE FROM shares WHERE token = ? AND code = ? RETURNING token", [token or "", normalise_code(code)]
    )
    return bool(deleted)


def leave(store: RoomStore, code: str, token: str) -> None:
    """Leave a room: the share and the place in the room both go."""
    withdraw(store, code, token)
    store.run("DELETE FROM participants WHERE token = ? AND code = ?", [token or "", normalise_code(code)])


def seat_nickname(store: RoomStore, code: str, token: str) -> str | None:
    """The nickname of the participant holding this token in the room ('' for none); None when not in it."""
    rows = store.run(
        "SELECT nickname FROM participants WHERE token = ? AND code = ?", [token or "", normalise_code(code)]
    )
    return rows[0][0] if rows else None


def is_sharing(store: RoomStore, code: str, token: str) -> bool:
    """Whether this participant's figures are in the room now."""
    return bool(store.run("SELECT 1 FROM shares WHERE token = ? AND code = ?", [token or "", normalise_code(code)]))


def room_shares(store: RoomStore, code: str) -> list[ParticipantShare]:
    """Every share in the room, in no particular person's order."""
    rows = store.run(
        f"SELECT {', '.join(_SHARE_COLUMNS)} FROM shares WHERE code = ? ORDER BY random()", [normalise_code(code)]
    )
    return [_share(row) for row in rows]


def _share(row: tuple) -> ParticipantShare:
    score, *rest = row
    answers, (strong, weak, circles, asks, follow_ups, tips) = rest[: len(_QUESTIONS)], rest[len(_QUESTIONS) :]
    return ParticipantShare(
        score=score,
        answers=tuple(bool(a) for a in answers) if score is not None else (),
        strong_ties=strong,
        weak_ties=weak,
        circles_covered=circles,
        asks_made=asks,
        follow_ups_done=follow_ups,
        tips_completed=frozenset(tips),
    )


def count_joined(store: RoomStore, code: str) -> int:
    """How many people are in the room."""
    return int(store.run("SELECT count(*) FROM participants WHERE code = ?", [normalise_code(code)])[0][0])


def room_nicknames(store: RoomStore, code: str) -> list[str]:
    """The nicknames people chose (blank ones left out), alphabetical, with no figures beside them."""
    rows = store.run(
        "SELECT nickname FROM participants WHERE code = ? AND nickname <> '' ORDER BY lower(nickname)",
        [normalise_code(code)],
    )
    return [row[0] for row in rows]


def set_agenda_start(
    store: RoomStore, code: str, key: str, started_at: datetime | None, now: datetime | None = None
) -> None:
    """Start (or move, or stop with None) the room's agenda clock; facilitator only."""
    room = check_facilitator(store, code, key, now)
    store.run("UPDATE rooms SET agenda_started_at = ? WHERE code = ?", [started_at and _utc(started_at), room.code])


def close_room(store: RoomStore, code: str, key: str, now: datetime | None = None) -> None:
    """Close a room now: it and everything shared in it are gone."""
    room = check_facilitator(store, code, key, now)
    _delete_rooms(store, [room.code])


def expire_rooms(store: RoomStore, now: datetime | None = None) -> int:
    """Empty every room past its time (participants and shares go at once); returns how many were emptied.

    The bare room row (a code and its times, nothing else) stays for a day, so that a late
    participant is told the room has closed rather than that the code is unknown.
    """
    now = _utc(now)
    expired = [
        row[0]
        for row in store.run(
            "SELECT DISTINCT code FROM participants WHERE code IN (SELECT code FROM rooms WHERE expires_at <= ?)", [now]
        )
    ]
    with store.atomic():
        _delete_rooms(store, expired, tables=("shares", "participants"))
        gone = [row[0] for row in store.run("SELECT code FROM rooms WHERE expires_at <= ?", [now - CLOSED_ROOM_MEMORY])]
        _delete_rooms(store, gone)
    return len(expired)


def _delete_rooms(
    store: RoomStore, codes: list[str], tables: tuple[str, ...] = ("shares", "participants", "rooms")
) -> None:
    if not codes:
        return
    with store.atomic():
        for table in tables:
            store.run(f"DELETE FROM {table} WHERE code IN {TEXTS}", [codes])
