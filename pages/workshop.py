"""Join a workshop: join a room by its code, and choose whether to share your figures."""

import streamlit as st

from core.errors import WorkbookError
from core.workshop import AGENDA, MIN_GROUP, TIP_TITLES, TIPS, AgendaNow, check_code, describe_share, normalise_code
from services import workshop
from services.workshop import Seat
from ui.feedback import run_save, say, show
from ui.page import start_page
from ui.registry import link_to_tip
from ui.rooms import (
    keep_seat_in_address,
    my_figures,
    my_seat,
    refresh_my_share,
    room_store,
    seat_from_address,
    stop_sharing,
    take_seat,
)
from ui.session import current_workbook, session_actor
from ui.text import literal

ROOM = "workshop_room"  # messages about joining and leaving, at the top where the room appears
SHARING = "workshop_sharing"  # messages about sharing, beside the switch
workbook = current_workbook()
store = room_store()


def join_room() -> None:
    def action() -> str:
        seat = workshop.join_room(
            store,
            st.session_state.get("ws_code", ""),
            st.session_state.get("ws_nickname", ""),
            joiner=session_actor(),
        )
        take_seat(seat)
        return f"You joined room {seat.code}. Nothing is shared until you switch sharing on."

    run_save(ROOM, action)


def consent_changed() -> None:
    seat = my_seat()
    if seat is None:
        return
    if st.session_state.get("ws_consent"):
        take_seat(Seat(seat.code, seat.token, seat.nickname, sharing=True))
    elif run_save(SHARING, stop_sharing):
        say(SHARING, "info", "You stopped sharing: your figures have left the room.")


def stop_now() -> None:
    st.session_state["ws_consent"] = False
    consent_changed()


def leave_room() -> None:
    seat = my_seat()
    if seat is not None and run_save(ROOM, lambda: workshop.leave_room(store, seat)):
        take_seat(None)
        say(ROOM, "info", f"You left room {seat.code}; anything you shared has been removed.")


def show_join_form() -> None:
    linked = st.query_params.get("room", "")
    if linked and "ws_code" not in st.session_state:
        st.session_state["ws_code"] = normalise_code(linked)[:12]
    if linked and not check_code(linked):
        try:
            workshop.find_room(store, linked)
        except WorkbookError as error:
            st.error(literal(error), icon=":material/error:")
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


def show_agenda_now(now: AgendaNow | None) -> None:
    if now is None:
        return
    if now.finished:
        st.caption("The agenda is done: thank you for taking part.")
        return
    item = now.item
    st.info(f"**The room is on tip {item.tip}: {item.title}.** {item.prompt}", icon=":material/record_voice_over:")
    link_to_tip(item.tip, f"Open tip {item.tip} in your workbook")


def show_seat(seat: Seat) -> None:
    try:
        now = workshop.find_room(store, seat.code)
    except WorkbookError as error:
        st.error(literal(error), icon=":material/error:")
        st.button("Forget this room", on_click=take_seat, args=(None,))
        return
    keep_seat_in_address(seat)
    name = f" as **{literal(seat.nickname)}**" if seat.nickname else ""
    st.success(f"You are in room **{now.room.code}**{name}. It closes in {now.closes_in}.", icon=":material/groups:")
    show_agenda_now(now.agenda)

    st.subheader("Share your figures with the room", anchor=False)
    st.markdown(
        "If you switch sharing on, the room receives **these figures and nothing else**: no names, no "
        "companies, no emails, no notes. The facilitator only sees them added up with everyone else's, "
        f"and only once at least {now.room.min_group or MIN_GROUP} people share. You can stop at any time; "
        "your figures then leave the room at once."
    )
    figures = my_figures(workbook)
    st.markdown("\n".join(f"- **{what}:** {value}" for what, value in describe_share(figures)))
    st.toggle("Share my figures with the room", value=seat.sharing, key="ws_consent", on_change=consent_changed)
    show(SHARING)
    problem = refresh_my_share(workbook)
    if problem:
        st.error(literal(problem), icon=":material/error:")
    elif my_seat().sharing:
        st.caption("Sharing. Your figures update each time you come back to this page.")
        st.button("Stop sharing", on_click=stop_now, icon=":material/block:")
    else:
        st.caption("Not sharing: the room sees only that you joined.")
    with st.expander("Work through the tips"):
        for tip in TIPS:
            link_to_tip(tip, f"Tip {tip} · {TIP_TITLES[tip]}")
    st.button("Leave the room", on_click=leave_room, icon=":material/logout:")


start_page(
    "workshop",
    "In a workshop, everyone works through the six tips in their own workbook. Join the room with "
    "the code on the screen; then, if you like, share a few figures so the room can see how the group is doing.",
)
show(ROOM)
seat = my_seat() or seat_from_address()
if seat is None:
    show_join_form()
else:
    show_seat(seat)
st.caption(f"The agenda: {', '.join(f'{i.tip} · {i.title} ({i.minutes} min)' for i in AGENDA)}.")
