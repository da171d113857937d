"""Workshop, for participants: join a room by its code, and choose whether to share your figures."""

from datetime import UTC, datetime

import streamlit as st

from core.workshop import (
    AGENDA,
    MIN_GROUP,
    TIP_TITLES,
    agenda_position,
    check_code,
    describe_share,
    normalise_code,
)
from store.rooms import RoomError, get_room, join, leave
from ui.rooms import (
    Seat,
    keep_seat_in_address,
    my_figures,
    my_seat,
    refresh_my_share,
    room_store,
    seat_from_address,
    stop_sharing,
    take_seat,
)
from ui.session import current_workbook
from ui.widgets import flash, set_flash

TIP_PAGES = {
    1: "pages/know_your_network.py",
    2: "pages/reach_out.py",
    3: "pages/build_relationships.py",
    4: "pages/rate_your_network.py",
    5: "pages/strong_and_weak_ties.py",
    6: "pages/maintain_your_network.py",
}
workbook = current_workbook()
store = room_store()


def join_room() -> None:
    code = st.session_state.get("ws_code", "")
    try:
        token = join(store, code, st.session_state.get("ws_nickname", ""))
    except RoomError as error:
        set_flash("error", str(error), "_ws_flash")
        return
    nickname = " ".join(st.session_state.get("ws_nickname", "").split())
    take_seat(Seat(normalise_code(code), token, nickname))
    set_flash(
        "success",
        f"You joined room {normalise_code(code)}. Nothing is shared until you switch sharing on.",
        "_ws_flash",
    )


def consent_changed() -> None:
    seat = my_seat()
    if seat is None:
        return
    if st.session_state.get("ws_consent"):
        take_seat(Seat(seat.code, seat.token, seat.nickname, sharing=True))
    else:
        stop_sharing()
        set_flash("info", "You stopped sharing: your figures have left the room.", "_ws_flash")


def stop_now() -> None:
    st.session_state["ws_consent"] = False
    consent_changed()


def leave_room() -> None:
    seat = my_seat()
    if seat is not None:
        leave(store, seat.code, seat.token)
        take_seat(None)
        set_flash("info", f"You left room {seat.code}; anything you shared has been removed.", "_ws_flash")


def show_join_form() -> None:
    linked = st.query_params.get("room", "")
    if linked and "ws_code" not in st.session_state:
        st.session_state["ws_code"] = normalise_code(linked)[:12]
    if linked and not check_code(linked):
        try:
            get_room(store, linked)
        except RoomError as error:
            st.error(str(error), icon=":material/error:")
    st.text_input(
        "Room code",
        key="ws_code",
        max_chars=12,
        placeholder="e.g. K7M2QX",
        help="The six letters and digits your facilitator shows.",
    )
    st.text_input(
        "Nickname (optional)",
        key="ws_nickname",
        max_chars=30,
        help="Shown only in the facilitator's list of who joined, never beside your figures. "
        "A first name or a made-up one; leave it blank to stay anonymous.",
    )
    st.button("Join the room", type="primary", on_click=join_room, icon=":material/login:")


def show_agenda_now(started_at: datetime | None) -> None:
    if started_at is None:
        return
    now = agenda_position(started_at, datetime.now(UTC).replace(tzinfo=None))
    if now.finished:
        st.caption("The agenda is done: thank you for taking part.")
        return
    item = now.item
    st.info(f"**The room is on tip {item.tip}: {item.title}.** {item.prompt}", icon=":material/record_voice_over:")
    st.page_link(TIP_PAGES[item.tip], label=f"Open tip {item.tip} in your workbook", icon=":material/arrow_forward:")


def show_seat(seat: Seat) -> None:
    try:
        room = get_room(store, seat.code)
    except RoomError as error:
        st.error(str(error), icon=":material/error:")
        st.button("Forget this room", on_click=take_seat, args=(None,))
        return
    keep_seat_in_address(seat)
    name = f" as **{seat.nickname}**" if seat.nickname else ""
    left = max(0, int((room.expires_at - datetime.now(UTC).replace(tzinfo=None)).total_seconds() // 60))
    st.success(
        f"You are in room **{room.code}**{name}. It closes in {left // 60} h {left % 60} min.", icon=":material/groups:"
    )
    show_agenda_now(room.agenda_started_at)

    st.subheader("Share your figures with the room", anchor=False)
    st.markdown(
        "If you switch sharing on, the room receives **these figures and nothing else**: no names, no "
        "companies, no emails, no notes. The facilitator only sees them added up with everyone else's, "
        f"and only once at least {room.min_group or MIN_GROUP} people share. You can stop at any time; "
        "your figures then leave the room at once."
    )
    figures = my_figures(workbook)
    st.markdown("\n".join(f"- **{what}:** {value}" for what, value in describe_share(figures)))
    st.toggle("Share my figures with the room", value=seat.sharing, key="ws_consent", on_change=consent_changed)
    problem = refresh_my_share(workbook)
    if problem:
        st.error(problem, icon=":material/error:")
    elif my_seat().sharing:
        st.caption("Sharing. Your figures update each time you come back to this page.")
        st.button("Stop sharing", on_click=stop_now, icon=":material/block:")
    else:
        st.caption("Not sharing: the room sees only that you joined.")
    with st.expander("Work through the tips"):
        for tip, path in TIP_PAGES.items():
            st.page_link(path, label=f"Tip {tip} · {TIP_TITLES[tip]}")
    st.button("Leave the room", on_click=leave_room, icon=":material/logout:")


st.title("Workshop")
st.markdown(
    "In a workshop, everyone works through the six tips in their own workbook. Join the room with "
    "the code on the screen; then, if you like, share a few figures so the room can see how the group is doing."
)
flash("_ws_flash")
seat = my_seat() or seat_from_address()
if seat is None:
    show_join_form()
else:
    show_seat(seat)
st.caption(f"The agenda: {', '.join(f'{i.tip} · {i.title} ({i.minutes} min)' for i in AGENDA)}.")
