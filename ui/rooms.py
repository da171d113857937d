"""The workshop room registry for this server, and a participant's seat in a room.

``room_store`` is the only process-wide state the workshop adds. It holds rooms, random tokens,
optional nicknames and shared figures; never a workbook, never a contact.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import urlencode, urlsplit

import streamlit as st

from core.workshop import ParticipantShare
from services.workshop_figures import participant_figures
from store import Workbook
from store.rooms import (
    RoomError,
    RoomStore,
    is_sharing,
    open_room_store,
    seat_nickname,
    share,
    withdraw,
)
from ui.cache import cached

SEAT = "_workshop_seat"
SEAT_PARAM = "seat"
PARTICIPANT_PAGE = "workshop"
FACILITATOR_PAGE = "facilitator"


@st.cache_resource(show_spinner=False)
def room_store() -> RoomStore:
    """The server's one room registry (shared by every session; no personal data in it)."""
    return open_room_store()


@dataclass(frozen=True)
class Seat:
    """This session's place in a room: the code, its secret token, the nickname, whether it shares."""

    code: str
    token: str
    nickname: str = ""
    sharing: bool = False
    last_shared: ParticipantShare | None = None


def my_seat() -> Seat | None:
    """The room this session has joined, if any."""
    return st.session_state.get(SEAT)


def take_seat(seat: Seat | None) -> None:
    """Remember (or with None, forget) this session's seat, in the session and in the page address."""
    if seat is None:
        st.session_state.pop(SEAT, None)
        st.query_params.pop(SEAT_PARAM, None)
    else:
        st.session_state[SEAT] = seat
        keep_seat_in_address(seat)


def keep_seat_in_address(seat: Seat) -> None:
    """Put the seat in the address, so a reloaded or reconnected phone is still in the room."""
    if st.query_params.get("room") != seat.code:
        st.query_params["room"] = seat.code
    if st.query_params.get(SEAT_PARAM) != seat.token:
        st.query_params[SEAT_PARAM] = seat.token


def seat_from_address() -> Seat | None:
    """The seat named in the page address, if it still holds a place in an open room."""
    code, token = st.query_params.get("room"), st.query_params.get(SEAT_PARAM)
    if not code or not token:
        return None
    store = room_store()
    nickname = seat_nickname(store, code, token)
    if nickname is None:
        st.query_params.pop(SEAT_PARAM, None)
        return None
    seat = Seat(code, token, nickname, sharing=is_sharing(store, code, token))
    st.session_state[SEAT] = seat
    return seat


def my_figures(workbook: Workbook) -> ParticipantShare:
    """This session's figures, recounted only when the workbook changed."""
    return cached(workbook, participant_figures)


def refresh_my_share(workbook: Workbook) -> str | None:
    """While this session shares, send its current figures to the room; returns a problem, or None."""
    seat = my_seat()
    if seat is None or not seat.sharing:
        return None
    figures = my_figures(workbook)
    if figures == seat.last_shared:
        return None
    try:
        share(room_store(), seat.code, seat.token, figures)
    except RoomError as error:
        take_seat(replace(seat, sharing=False, last_shared=None))
        return str(error)
    take_seat(replace(seat, last_shared=figures))
    return None


def stop_sharing() -> None:
    """Withdraw this session's figures from its room now."""
    seat = my_seat()
    if seat is not None:
        withdraw(room_store(), seat.code, seat.token)
        take_seat(replace(seat, sharing=False, last_shared=None))


def page_link(page: str, **params: str) -> str:
    """An absolute link to a page of this app (a relative one when the browser's address is unknown)."""
    query = "?" + urlencode(params) if params else ""
    url = _context_url()
    if not url:
        return f"{page}{query}"
    parts = urlsplit(url)
    base = str(st.get_option("server.baseUrlPath") or "").strip("/")
    path = "/".join(p for p in (base, page) if p)
    return f"{parts.scheme}://{parts.netloc}/{path}{query}"


def _context_url() -> str | None:
    try:
        return st.context.url
    except Exception:
        return None
