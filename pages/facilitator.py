"""Facilitate a workshop: open a room, invite the room, project the live dashboard and the agenda."""

import streamlit as st

from charts.workshop import (
    NO_ANSWERS_HEIGHT,
    SCORES_HEIGHT,
    TIE_MIX_HEIGHT,
    TIPS_HEIGHT,
    common_no_answers,
    score_distribution,
    tie_mix,
    tip_progress,
)
from core.errors import WorkbookError
from core.text import plural
from core.workshop import (
    AGENDA,
    DEFAULT_EXPIRY_HOURS,
    EXPIRY_HOURS,
    MIN_GROUP,
    Room,
    agenda_minutes,
    describe_summary,
    format_left,
)
from services import workshop
from ui.cache import show_chart
from ui.cookies import read_cookie, write_cookie
from ui.feedback import run_save, say, show
from ui.page import start_page
from ui.rooms import join_qr, page_address, room_store
from ui.session import current_workbook, session_actor
from ui.text import literal

REFRESH_SECONDS = 5
KEYS = "_facilitator_keys"
KEY_COOKIE = "jnw_room_"
ROOM = "facilitator_room"  # opening and closing the room: the page changes, so the message goes on top
AGENDA_MOVES = "facilitator_agenda"  # beside the agenda's buttons, inside its fragment
workbook = current_workbook()  # holds this session's cache of chart specs
store = room_store()


def open_new_room() -> None:
    def action() -> str:
        hours = st.session_state.get("fac_hours", DEFAULT_EXPIRY_HOURS)
        opened = workshop.open_room(
            store, hours, st.session_state.get("fac_min_group", MIN_GROUP), opener=session_actor()
        )
        st.query_params["room"] = opened.code
        remember_key(opened.code, opened.key)
        return (
            f"Room {opened.code} is open for {hours} hours. Keep your facilitator link (under “Invite”): "
            "it is the only way back to this view from another browser."
        )

    run_save(ROOM, action)


def forget_room() -> None:
    code = st.query_params.get("room")
    st.query_params.pop("room", None)
    st.query_params.pop("key", None)
    if code:
        st.session_state.get(KEYS, {}).pop(code, None)


def remember_key(code: str, key: str) -> None:
    """Keep the facilitator key with this session and in a cookie, never in the (projected) address."""
    st.session_state.setdefault(KEYS, {})[code] = key
    write_cookie(f"{KEY_COOKIE}{code}", key)


def facilitator_key(code: str | None) -> str | None:
    """The key for this room: from the facilitator link, this session or this browser's cookie."""
    if not code:
        return None
    return st.query_params.get("key") or st.session_state.get(KEYS, {}).get(code) or read_cookie(f"{KEY_COOKIE}{code}")


def show_refusal(error: WorkbookError) -> None:
    st.error(literal(error), icon=":material/error:")


def show_open_form() -> None:
    st.markdown("Open a room for your session. Participants join with its code; you keep the secret facilitator link.")
    st.selectbox(
        "Close the room after",
        EXPIRY_HOURS,
        index=EXPIRY_HOURS.index(DEFAULT_EXPIRY_HOURS),
        format_func=lambda h: plural(h, "hour"),
        key="fac_hours",
    )
    st.number_input(
        "Minimum group before any figure shows",
        min_value=3,
        max_value=20,
        value=MIN_GROUP,
        step=1,
        key="fac_min_group",
        help="Nothing beyond head counts appears until this many people share, so nobody can be singled out.",
    )
    st.button("Open a room", type="primary", on_click=open_new_room, icon=":material/meeting_room:")


def show_invite(code: str, key: str) -> None:
    link = page_address("workshop", room=code)
    words, picture = st.columns([3, 2], gap="large")
    with words:
        st.markdown("Join code")
        st.title(code, anchor=False)
        st.markdown("Participants open **Join a workshop** in the app and type the code, scan the QR code, or open:")
        st.code(link, language=None)
        names = workshop.joined_nicknames(store, code)
        if names:
            with st.expander(f"Who joined ({len(names)} with a nickname)"):
                # Typed by anyone and projected: plain text, never Markdown (whose GFM autolinks turn even an
                # escaped "http://..." into a link on the projector).
                st.text(", ".join(names))
        with st.expander("Your facilitator link (keep it to yourself)"):
            st.code(page_address("facilitator", room=code, key=key), language=None)
            st.caption(
                "Only this link opens this view from another browser. Keep it to yourself: this browser "
                "remembers the key, so the address bar you project shows only the room code."
            )
    with picture:
        if link.startswith("http"):
            st.image(join_qr(link), caption=f"Scan to join room {code}", width=280)
        else:
            st.caption("Open this page through its web address to get a QR code.")


@st.fragment(run_every=REFRESH_SECONDS)
def show_dashboard(code: str, key: str) -> None:
    try:
        now = workshop.check_facilitator(store, code, key)
    except WorkbookError as error:
        show_refusal(error)
        return
    summary = workshop.room_summary(store, now.room)
    if now.agenda is not None and not now.agenda.finished:
        item = now.agenda.item
        st.caption(f"Now: tip {item.tip} · {item.title}, {format_left(now.agenda.seconds_left)} left.")
    joined, shared, rated = st.columns(3)
    joined.metric("Joined", summary.joined)
    shared.metric("Shared their figures", summary.shared)
    rated.metric("Took the rating", summary.rated if summary.visible else "–")
    st.markdown(describe_summary(summary))
    if not summary.visible:
        st.info(
            f"Figures appear once {summary.min_group} people have shared, so nobody can be singled out.",
            icon=":material/visibility_off:",
        )
        return
    left, right = st.columns(2, gap="large")
    # Each chart's alt and spec name what it shows; the figures are in the line above and in its rows
    # (ui.cache.show_chart), so the wall's browser redraws only the rows at a refresh.
    if summary.ratings_visible:
        with left:
            show_chart(
                workbook, score_distribution, summary, height=SCORES_HEIGHT, alt="How the room's rating scores spread."
            )
        with right:
            show_chart(
                workbook,
                common_no_answers,
                summary,
                height=NO_ANSWERS_HEIGHT,
                alt="The rating questions most often answered no.",
            )
    else:
        left.info(f"Ratings appear once {summary.min_group} people have taken the quiz ({summary.rated} so far).")
    if summary.strong_ties + summary.weak_ties == 0:
        left.info("Nobody who shared has listed anyone yet, so there is no strong/weak mix to show.")
    else:
        with left:
            show_chart(workbook, tie_mix, summary, height=TIE_MIX_HEIGHT, alt="Strong and weak ties across the room.")
    with right:
        show_chart(workbook, tip_progress, summary, height=TIPS_HEIGHT, alt="How many participants completed each tip.")
    asks, follow_ups, circles = st.columns(3)
    asks.metric("Asks made", f"{summary.asks_made:,}")
    follow_ups.metric("Thank-yous and follow-ups", f"{summary.follow_ups_done:,}")
    circles.metric("Circles covered (median)", f"{summary.median_circles:g} of 10")


def move_agenda(code: str, key: str, index: int | None) -> None:
    run_save(AGENDA_MOVES, lambda: workshop.move_agenda(store, code, key, index))


@st.fragment(run_every=REFRESH_SECONDS)
def show_agenda(code: str, key: str) -> None:
    try:
        agenda = workshop.check_facilitator(store, code, key).agenda
    except WorkbookError as error:
        show_refusal(error)
        return
    if agenda is None:
        st.markdown(f"A timed run through the six tips, {agenda_minutes()} minutes in all:")
        st.markdown("\n".join(f"{i.tip}. **{i.title}** ({i.minutes} min): {i.prompt}" for i in AGENDA))
        st.button(
            "Start the agenda", type="primary", on_click=move_agenda, args=(code, key, 0), icon=":material/play_arrow:"
        )
        show(AGENDA_MOVES)
        return
    if agenda.finished:
        st.success("The agenda is done. Export the results, then close the room.", icon=":material/flag:")
    else:
        item = agenda.item
        st.markdown(f"## Tip {item.tip} of 6 · {item.title}")
        st.metric("Time left", format_left(agenda.seconds_left))
        st.progress(1 - agenda.seconds_left / (item.minutes * 60), text=f"{item.minutes} minutes for this tip")
        st.markdown(f"**Discuss**\n### {item.prompt}")
    back, forward, stop = st.columns(3)
    back.button(
        "Previous tip",
        on_click=move_agenda,
        args=(code, key, max(0, agenda.index - 1)),
        icon=":material/skip_previous:",
    )
    forward.button(
        "Next tip",
        on_click=move_agenda,
        args=(code, key, agenda.index + 1),
        disabled=agenda.finished,
        icon=":material/skip_next:",
    )
    stop.button("Stop the agenda", on_click=move_agenda, args=(code, key, None), icon=":material/stop:")
    show(AGENDA_MOVES)


def show_results(room: Room, key: str) -> None:
    st.markdown("Download the room's aggregate results (head counts and totals only; no nicknames) as CSV.")
    st.download_button(
        "Download results (CSV)",
        data=lambda: workshop.results_csv(store, room),
        file_name=workshop.results_file_name(room.code),
        mime="text/csv",
        on_click="ignore",
        icon=":material/download:",
    )
    st.divider()
    st.markdown("Closing the room removes it and everything shared in it, for good.")
    st.button("Close the room now", on_click=end_room, args=(room.code, key), icon=":material/door_front:")


def end_room(code: str, key: str) -> None:
    if run_save(ROOM, lambda: workshop.close_room(store, code, key)):
        forget_room()
        say(ROOM, "info", f"Room {code} is closed and its figures are gone.")


start_page("facilitator")
show(ROOM)
code = st.query_params.get("room")
key = facilitator_key(code)
if code is None and key is None:
    show_open_form()
    st.stop()
try:
    now = workshop.check_facilitator(store, code or "", key)
except WorkbookError as error:
    show_refusal(error)
    st.button("Open a new room instead", on_click=forget_room)
    st.stop()
room = now.room
if st.query_params.get("key"):  # a good key from the link: remember it here, and out of the projected address
    remember_key(room.code, key)
    del st.query_params["key"]
st.caption(f"Room {room.code} closes in {now.closes_in} (at {room.expires_at:%H:%M} UTC).")
invite, dashboard, agenda, results = st.tabs(["Invite", "Dashboard", "Agenda", "Results"])
with invite:
    show_invite(room.code, key)
with dashboard:
    show_dashboard(room.code, key)
with agenda:
    show_agenda(room.code, key)
with results:
    show_results(room, key)
