"""The workshop room store for this server, and a participant's seat in a room.

``room_store`` is the only process-wide state the workshop adds. It holds rooms, random tokens,
optional nicknames and shared figures; never a workbook, never a contact. A seat lives in the
session and in the page address, so a reloaded phone is still in its room.
"""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode, urlsplit

import streamlit as st

from core.errors import WorkbookError
from core.workshop import ParticipantShare
from services import workshop
from services.workbooks import Workbook
from services.workshop import RoomStore, Seat
from services.workshop_figures import participant_figures
from ui.cache import cached
from ui.registry import page
from ui.session import shared_database

SEAT = "_workshop_seat"
SEAT_PARAM = "seat"
ROOM_PARAM = "room"
# services.workshop_figures.participant_figures is gaining a ``today`` (a change under way elsewhere);
# until it has one, the figures are counted without it.


@st.cache_resource(show_spinner=False)
def room_store() -> RoomStore:
    """The server's one room store (shared by every session; no personal data in it): in the database
    when one is configured, so every server sees the same rooms, else in this server's memory."""
    return workshop.new_room_store(shared_database())


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
    if st.query_params.get(ROOM_PARAM) != seat.code:
        st.query_params[ROOM_PARAM] = seat.code
    if st.query_params.get(SEAT_PARAM) != seat.token:
        st.query_params[SEAT_PARAM] = seat.token


def seat_from_address() -> Seat | None:
    """The seat named in the page address, if it still holds a place in an open room."""
    code, token = st.query_params.get(ROOM_PARAM), st.query_params.get(SEAT_PARAM)
    if not code or not token:
        return None
    seat = workshop.find_seat(room_store(), code, token)
    if seat is None:  # a seat of a room that closed, or a made-up one: the address forgets it
        st.query_params.pop(SEAT_PARAM, None)
        return None
    st.session_state[SEAT] = seat
    return seat


def my_figures(workbook: Workbook) -> ParticipantShare:
    """This session's figures, recounted only when the workbook (or the day) changed."""
    return cached(workbook, participant_figures, date.today())


def refresh_my_share(workbook: Workbook) -> str | None:
    """While this session shares, send its current figures to the room; returns a problem, or None."""
    seat = my_seat()
    if seat is None or not seat.sharing:
        return None
    figures = my_figures(workbook)
    if figures == seat.last_shared:
        return None
    try:
        take_seat(workshop.share_figures(room_store(), seat, figures))
    except WorkbookError as error:
        take_seat(Seat(seat.code, seat.token, seat.nickname))
        return str(error)
    return None


def stop_sharing() -> None:
    """Withdraw this session's figures from its room now."""
    seat = my_seat()
    if seat is not None:
        take_seat(workshop.withdraw_figures(room_store(), seat))


def page_address(page_key: str, /, **params: str) -> str:
    """An absolute link to the page with this registry key (relative when the browser's address is unknown)."""
    query = "?" + urlencode(params) if params else ""
    where = page(page_key).url_path
    url = _context_url()
    if not url:
        return f"{where}{query}"
    parts = urlsplit(url)
    base = str(st.get_option("server.baseUrlPath") or "").strip("/")
    path = "/".join(p for p in (base, where) if p)
    return f"{parts.scheme}://{parts.netloc}/{path}{query}"


def _context_url() -> str | None:
    try:
        return st.context.url
    except Exception:  # outside a script run (or in AppTest) the browser's address is unknown
        return None


@st.cache_data(max_entries=64, show_spinner=False)
def join_qr(link: str) -> bytes:
    """The join link's QR code, made once per link: the invite reruns with every click on the page."""
    return workshop.join_qr(link)
