"""Workshop, for the facilitator: open a room, invite the room, project the live dashboard and the agenda."""

from datetime import UTC, datetime, timedelta

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
from core.workshop import (
    AGENDA,
    DEFAULT_EXPIRY_HOURS,
    EXPIRY_HOURS,
    MIN_GROUP,
    RoomSummary,
    agenda_minutes,
    agenda_position,
    describe_summary,
    format_left,
    qr_png,
    start_for_item,
    summarise_room,
    summary_csv,
)
from store.rooms import (
    RoomError,
    check_facilitator,
    close_room,
    count_joined,
    open_room,
    room_nicknames,
    room_shares,
    set_agenda_start,
)
from ui.rooms import FACILITATOR_PAGE, PARTICIPANT_PAGE, page_link, room_store
from ui.session import current_workbook
from ui.widgets import flash, set_flash

REFRESH_SECONDS = 5
CHARTS = {"scores": score_distribution, "noes": common_no_answers, "ties": tie_mix, "tips": tip_progress}
current_workbook()  # not used here, but it sends a deep link through the app's router
store = room_store()


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def open_new_room() -> None:
    hours = st.session_state.get("fac_hours", DEFAULT_EXPIRY_HOURS)
    try:
        code, key = open_room(
            store, timedelta(hours=hours), min_group=int(st.session_state.get("fac_min_group", MIN_GROUP))
        )
    except RoomError as error:
        set_flash("error", str(error), "_fac_flash")
        return
    st.query_params["room"] = code
    st.query_params["key"] = key
    set_flash(
        "success",
        f"Room {code} is open for {hours} hours. Bookmark this page: its address is your facilitator link.",
        "_fac_flash",
    )


@st.cache_data(max_entries=64, show_spinner=False)
def chart_specs(summary: RoomSummary) -> dict[str, dict]:
    # The projector refreshes every few seconds; the charts change only when someone shares.
    return {name: build(summary).to_dict() for name, build in CHARTS.items()}


@st.cache_data(max_entries=64, show_spinner=False)
def join_qr(link: str) -> bytes:
    return qr_png(link)


def forget_room() -> None:
    for name in ("room", "key"):
        st.query_params.pop(name, None)


def show_open_form() -> None:
    st.markdown("Open a room for your session. Participants join with its code; you keep the secret facilitator link.")
    st.selectbox(
        "Close the room after",
        EXPIRY_HOURS,
        index=EXPIRY_HOURS.index(DEFAULT_EXPIRY_HOURS),
        format_func=lambda h: f"{h} hour{'s' if h > 1 else ''}",
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
    link = page_link(PARTICIPANT_PAGE, room=code)
    words, picture = st.columns([3, 2], gap="large")
    with words:
        st.markdown("Join code")
        st.title(code, anchor=False)
        st.markdown("Participants open **Join a workshop** in the app and type the code, scan the QR code, or open:")
        st.code(link, language=None)
        names = room_nicknames(store, code)
        if names:
            with st.expander(f"Who joined ({len(names)} with a nickname)"):
                st.write(", ".join(names))
        with st.expander("Your facilitator link (keep it to yourself)"):
            st.code(page_link(FACILITATOR_PAGE, room=code, key=key), language=None)
            st.caption(
                "Only this link opens this view. Bookmark it, and go full screen (F11) before "
                "projecting so the address bar, which holds the key, is hidden."
            )
    with picture:
        if link.startswith("http"):
            st.image(join_qr(link), caption=f"Scan to join room {code}", width=280)
        else:
            st.caption("Open this page through its web address to get a QR code.")


@st.fragment(run_every=REFRESH_SECONDS)
def show_dashboard(code: str, key: str) -> None:
    try:
        room = check_facilitator(store, code, key)
    except RoomError as error:
        st.error(str(error), icon=":material/error:")
        return
    summary = summarise_room(count_joined(store, code), room_shares(store, code), room.min_group)
    if room.agenda_started_at is not None:
        now = agenda_position(room.agenda_started_at, utc_now())
        if not now.finished:
            st.caption(f"Now: tip {now.item.tip} · {now.item.title}, {format_left(now.seconds_left)} left.")
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
    specs = chart_specs(summary)
    left, right = st.columns(2, gap="large")
    if summary.ratings_visible:
        left.vega_lite_chart(spec=specs["scores"], width="stretch", height=SCORES_HEIGHT, alt=describe_summary(summary))
        right.vega_lite_chart(
            spec=specs["noes"],
            width="stretch",
            height=NO_ANSWERS_HEIGHT,
            alt="The rating questions most often answered no.",
        )
    else:
        left.info(f"Ratings appear once {summary.min_group} people have taken the quiz ({summary.rated} so far).")
    if summary.strong_ties + summary.weak_ties == 0:
        left.info("Nobody who shared has listed anyone yet, so there is no strong/weak mix to show.")
    else:
        ties = f"{summary.strong_ties} strong and {summary.weak_ties} weak ties across the room."
        left.vega_lite_chart(spec=specs["ties"], width="stretch", height=TIE_MIX_HEIGHT, alt=ties)
    right.vega_lite_chart(
        spec=specs["tips"], width="stretch", height=TIPS_HEIGHT, alt="How many participants completed each tip."
    )
    asks, follow_ups, circles = st.columns(3)
    asks.metric("Asks made", f"{summary.asks_made:,}")
    follow_ups.metric("Thank-yous and follow-ups", f"{summary.follow_ups_done:,}")
    circles.metric("Circles covered (median)", f"{summary.median_circles:g} of 10")


def move_agenda(code: str, key: str, index: int | None) -> None:
    try:
        set_agenda_start(store, code, key, None if index is None else start_for_item(index, utc_now()))
    except RoomError as error:
        set_flash("error", str(error), "_fac_flash")


@st.fragment(run_every=REFRESH_SECONDS)
def show_agenda(code: str, key: str) -> None:
    try:
        room = check_facilitator(store, code, key)
    except RoomError as error:
        st.error(str(error), icon=":material/error:")
        return
    if room.agenda_started_at is None:
        st.markdown(f"A timed run through the six tips, {agenda_minutes()} minutes in all:")
        st.markdown("\n".join(f"{i.tip}. **{i.title}** ({i.minutes} min): {i.prompt}" for i in AGENDA))
        st.button(
            "Start the agenda", type="primary", on_click=move_agenda, args=(code, key, 0), icon=":material/play_arrow:"
        )
        return
    now = agenda_position(room.agenda_started_at, utc_now())
    if now.finished:
        st.success("The agenda is done. Export the results, then close the room.", icon=":material/flag:")
    else:
        item = now.item
        st.markdown(f"## Tip {item.tip} of 6 · {item.title}")
        st.metric("Time left", format_left(now.seconds_left))
        st.progress(1 - now.seconds_left / (item.minutes * 60), text=f"{item.minutes} minutes for this tip")
        st.markdown(f"**Discuss**\n### {item.prompt}")
    back, forward, stop = st.columns(3)
    back.button(
        "Previous tip", on_click=move_agenda, args=(code, key, max(0, now.index - 1)), icon=":material/skip_previous:"
    )
    forward.button(
        "Next tip",
        on_click=move_agenda,
        args=(code, key, now.index + 1),
        disabled=now.finished,
        icon=":material/skip_next:",
    )
    stop.button("Stop the agenda", on_click=move_agenda, args=(code, key, None), icon=":material/stop:")


def show_results(code: str, key: str, min_group: int) -> None:
    st.markdown("Download the room's aggregate results (head counts and totals only; no nicknames) as CSV.")
    st.download_button(
        "Download results (CSV)",
        data=lambda: summary_csv(summarise_room(count_joined(store, code), room_shares(store, code), min_group)),
        file_name=f"workshop-{code}-{utc_now():%Y-%m-%d}.csv",
        mime="text/csv",
        on_click="ignore",
        icon=":material/download:",
    )
    st.divider()
    st.markdown("Closing the room removes it and everything shared in it, for good.")
    st.button("Close the room now", on_click=end_room, args=(code, key), icon=":material/door_front:")


def end_room(code: str, key: str) -> None:
    try:
        close_room(store, code, key)
    except RoomError as error:
        set_flash("error", str(error), "_fac_flash")
        return
    forget_room()
    set_flash("info", f"Room {code} is closed and its figures are gone.", "_fac_flash")


st.title("Facilitator")
flash("_fac_flash")
code, key = st.query_params.get("room"), st.query_params.get("key")
if code is None and key is None:
    show_open_form()
    st.stop()
try:
    room = check_facilitator(store, code or "", key)
except RoomError as error:
    st.error(str(error), icon=":material/error:")
    st.button("Open a new room instead", on_click=forget_room)
    st.stop()
minutes = max(0, int((room.expires_at - utc_now()).total_seconds() // 60))
st.caption(f"Room {room.code} closes in {minutes // 60} h {minutes % 60} min (at {room.expires_at:%H:%M} UTC).")
invite, dashboard, agenda, results = st.tabs(["Invite", "Dashboard", "Agenda", "Results"])
with invite:
    show_invite(room.code, key)
with dashboard:
    show_dashboard(room.code, key)
with agenda:
    show_agenda(room.code, key)
with results:
    show_results(room.code, key, room.min_group)
