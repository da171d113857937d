"""Tip 3 · Focus on building relationships: compose and check an ask, and pay back help with thanks."""

from dataclasses import astuple
from datetime import date

import streamlit as st

from charts.outreach import asks_chart, follow_ups_chart
from core.asks import (
    APPROACHES,
    CHANNEL_LIMITS,
    FINDING_TITLES,
    AskRequest,
    check_ask,
    choose_approach,
    compose_ask,
)
from core.model import CHANNELS, OUTCOMES, REQUEST_KINDS, TARGET_KINDS
from core.outreach import describe_follow_ups
from store import InvalidInput
from store import outreach as store
from ui.cache import cached, chart_spec
from ui.session import current_workbook
from ui.text import literal
from ui.widgets import credit_article, flash, pick_person, set_flash

OWED_SHOWN = 10
workbook = current_workbook()


# --- the composer -------------------------------------------------------------------------------


def refresh_draft(person, request: AskRequest) -> None:
    """Rewrite the draft when a choice above it changes; keep the user's edits otherwise."""
    # Plain values, not the dataclass: a module reload makes a new class, and old != new.
    signature = (person.id, *astuple(request))
    if st.session_state.get("_ask_signature") != signature:
        st.session_state["_ask_signature"] = signature
        st.session_state["ask_text"] = compose_ask(request)


def save_ask(contact_id: int, goal_id: int | None) -> None:
    state = st.session_state
    try:
        store.log_ask(
            workbook,
            contact_id,
            message=state.get("ask_text", ""),
            request_kind=state["ask_kind"],
            channel=state["ask_channel"],
            goal_id=goal_id,
            happened_on=state.get("ask_date") or date.today(),
            today=date.today(),
        )
    except InvalidInput as error:
        set_flash("error", str(error) + " Nothing was saved.", "_ask_flash")
        return
    set_flash("success", "Saved: the ask is in your log, waiting to hear back (see “Your asks”).", "_ask_flash")


def show_findings(text: str, channel: str, target: str | None) -> None:
    findings = check_ask(text, channel, target)
    if not findings:
        st.success(
            "No flags: it says what you want, asks for one concrete thing, and fits the channel.",
            icon=":material/check_circle:",
        )
        return
    for finding in findings:
        quoted = f" (“{finding.phrase}”)" if finding.phrase else ""
        st.warning(
            f"**{FINDING_TITLES[finding.code]}**{quoted}. {finding.why}\n\nTry: {finding.rewrite}",
            icon=":material/flag:",
        )


def show_composer(targets: list) -> None:
    st.markdown(
        "Ask for advice or information, not a job; be specific; share what you have done lately. "
        "With an old friend, catch up before you ask. With a busy professional, get to the point."
    )
    person = pick_person(workbook, "Who are you asking?", "ask_person")
    if person is None:
        st.info(
            "Search for someone to start a draft. Your references and strong ties are a good start.",
            icon=":material/search:",
        )
        return
    if st.session_state.get("_ask_person") != person.id:
        st.session_state["_ask_person"] = person.id
        st.session_state["ask_approach"] = choose_approach(person.tie, person.circle)
    if "ask_recent" not in st.session_state:
        st.session_state["ask_recent"] = store.get_pitch(workbook)[1]
    left, right = st.columns(2)
    kind = left.selectbox("What you are asking for", list(REQUEST_KINDS), format_func=REQUEST_KINDS.get, key="ask_kind")
    titles = {None: "No target chosen", **{g.id: f"{g.title} ({TARGET_KINDS[g.kind].lower()})" for g in targets}}
    goal_id = right.selectbox(
        "The target it serves", list(titles), format_func=titles.get, index=1 if targets else 0, key="ask_goal"
    )
    channel = left.selectbox("Channel", list(CHANNELS), format_func=CHANNELS.get, index=3, key="ask_channel")
    approach = right.radio("Opening", list(APPROACHES), format_func=APPROACHES.get, key="ask_approach")
    recent = st.text_input(
        "A line on your recent experience",
        key="ask_recent",
        max_chars=200,
        placeholder="e.g. finished a SQL course and built a clinic dashboard",
    )
    goal = next((g for g in targets if g.id == goal_id), None)
    looking_for = store.get_pitch(workbook)[0]
    request = AskRequest(
        person.name.split()[0] if person.name.split() else "",
        kind,
        goal.title if goal else "",
        goal.kind if goal else "",
        recent,
        looking_for,
        approach,
        channel,
    )
    refresh_draft(person, request)
    text = st.text_area(
        f"Your message (edit freely; {CHANNELS[channel]}: about {CHANNEL_LIMITS[channel]:,} characters fit)",
        key="ask_text",
        height=260,
    )
    st.caption(f"{len(text)} characters. Changing a choice above writes a fresh draft.")
    show_findings(text, channel, goal.title if goal else None)
    with st.expander("Copy the message", icon=":material/content_copy:"):
        st.code(text or " ", language=None, wrap_lines=True)
    date_col, _ = st.columns(2)
    date_col.date_input("Sent on", value=date.today(), key="ask_date", format="DD/MM/YYYY")
    flash("_ask_flash")
    st.button(
        "Save and log this ask", type="primary", on_click=save_ask, args=(person.id, goal_id), icon=":material/send:"
    )


# --- follow-ups ---------------------------------------------------------------------------------


def thank(contact_id: int, name: str, channel: str) -> None:
    try:
        store.log_thank_you(workbook, contact_id, date.today(), channel if channel in CHANNELS else "email")
    except InvalidInput as error:
        set_flash("error", str(error), "_thanks_flash")
        return
    set_flash(
        "success", f"Logged a thank-you to {literal(name)}. Tell them how their help worked out, too.", "_thanks_flash"
    )


def save_days() -> None:
    try:
        store.set_follow_up_days(workbook, int(st.session_state["fu_days"]))
    except InvalidInput as error:
        set_flash("error", str(error), "_thanks_flash")


def describe_help(row: dict) -> str:
    if row["kind"] == "ask":
        return f"helped with your ask for {REQUEST_KINDS.get(row['request_kind'], 'help').lower()}"
    what = f" with {REQUEST_KINDS[row['request_kind']].lower()}" if row["request_kind"] in REQUEST_KINDS else ""
    return f"helped you{what}" + (f" ({row['note'][:60]})" if row["note"] else "")


def show_follow_ups() -> None:
    st.markdown(
        "Do not vanish once you have what you needed. Thank people for a referral or an introduction, "
        "and tell them whether you got the interview or the job; if not, say so and what would help next."
    )
    days = cached(workbook, store.get_follow_up_days)
    st.session_state.setdefault("fu_days", days)
    days_col, _ = st.columns([1, 2])
    days_col.number_input("Days you give yourself to say thank you", 1, 365, key="fu_days", on_change=save_days)
    flash("_thanks_flash")
    today = date.today()
    counts = cached(workbook, store.follow_up_counts, today, days)
    owed = cached(workbook, store.owed_follow_ups, today, days, OWED_SHOWN)
    chart_col, reading_col = st.columns([3, 2])
    chart_col.vega_lite_chart(spec=chart_spec(workbook, follow_ups_chart, counts), width="stretch")
    reading_col.markdown(describe_follow_ups(counts, days))
    if owed:
        st.markdown(f"**Owed** (the {len(owed)} most recent of {counts['owed']:,}):")
    for row in owed:
        text_col, button_col = st.columns([3, 1], vertical_alignment="center")
        ago = (today - row["happened_on"]).days
        text_col.markdown(
            f"**{literal(row['name'])}** {literal(describe_help(row))}, {ago} days ago ({row['happened_on']:%d %b %Y})."
        )
        button_col.button(
            "Log thank-you",
            key=f"thank_{row['id']}",
            on_click=thank,
            args=(row["contact_id"], row["name"], row["channel"]),
            icon=":material/favorite:",
        )


# --- asks and outcomes --------------------------------------------------------------------------


def save_outcome() -> None:
    try:
        store.record_outcome(workbook, st.session_state["outcome_ask"], st.session_state["outcome_value"])
    except InvalidInput as error:
        set_flash("error", str(error), "_outcome_flash")
        return
    set_flash("success", "Outcome saved. If they helped, remember to thank them.", "_outcome_flash")


def show_asks() -> None:
    rows = cached(workbook, store.asks_by_kind_and_outcome)
    recent = cached(workbook, store.list_log, ("ask",), 30)
    if not rows:
        st.info("No asks yet. Compose one in the first tab; saving it logs it here.", icon=":material/send:")
        return
    chart_col, reading_col = st.columns([3, 2])
    chart_col.vega_lite_chart(spec=chart_spec(workbook, asks_chart, rows), width="stretch")
    total = sum(n for _, _, n in rows)
    helped = sum(n for _, o, n in rows if o == "helped")
    reading_col.markdown(
        f"{helped:,} of {total:,} asks led to help. Advice and introductions are easy to say "
        "yes to; a request for a job is not."
    )
    labels = {
        r["id"]: f"{r['happened_on']:%d %b} · {r['name']} · {REQUEST_KINDS.get(r['request_kind'], 'ask')}"
        for r in recent
    }
    st.dataframe(
        [
            {
                "When": r["happened_on"],
                "Who": r["name"],
                "Asked for": REQUEST_KINDS.get(r["request_kind"], ""),
                "Target": r["target"],
                "Outcome": OUTCOMES.get(r["outcome"], r["outcome"]),
                "Message": r["note"][:90],
            }
            for r in recent
        ],
        hide_index=True,
        width="stretch",
    )
    st.markdown("**How did an ask turn out?**")
    ask_col, outcome_col = st.columns([2, 1])
    ask_col.selectbox("Ask", list(labels), format_func=labels.get, key="outcome_ask")
    outcome_col.selectbox("Outcome", list(OUTCOMES), format_func=OUTCOMES.get, key="outcome_value")
    flash("_outcome_flash")
    st.button("Save outcome", on_click=save_outcome, icon=":material/done:")


st.title("3 · Focus on building relationships")
st.markdown(
    "Networking is give and take: sharing news, asking questions, helping back. Be yourself, be "
    "considerate of people's time, and take it slowly: rushed, last-minute networking rarely builds "
    "anything that lasts."
)
targets = cached(workbook, store.list_targets)
compose_tab, thanks_tab, asks_tab = st.tabs(["Compose an ask", "Follow-ups owed", "Your asks"])
with compose_tab:
    show_composer(targets)
with thanks_tab:
    show_follow_ups()
with asks_tab:
    show_asks()
credit_article()
