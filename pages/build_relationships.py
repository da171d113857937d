"""Tip 3 · Focus on building relationships: compose and check an ask, and pay back help with thanks."""

from datetime import date

import streamlit as st

from charts.outreach import asks_chart, follow_ups_chart
from core.asks import APPROACHES, CHANNEL_LIMITS, FINDING_TITLES, check_ask, choose_approach
from core.model import CHANNELS, OUTCOMES, REQUEST_KINDS
from core.text import plural
from services import asks
from ui.cache import cached, show_chart
from ui.feedback import run_save, show
from ui.page import credit_article, start_page
from ui.session import current_workbook
from ui.text import literal
from ui.widgets import pick_person

workbook = current_workbook()


# --- the composer -------------------------------------------------------------------------------


def refresh_draft(person_id: int, draft: str) -> None:
    """Put a fresh draft in the box when a choice above it changes it; keep the user's edits otherwise."""
    # Plain values, not a dataclass: a module reload makes a new class, and old != new.
    if st.session_state.get("_ask_draft") != (person_id, draft):
        st.session_state["_ask_draft"] = (person_id, draft)
        st.session_state["ask_text"] = draft


def save_ask(contact_id: int, goal_id: int | None) -> None:
    state = st.session_state

    def action() -> str:
        asks.save_ask(
            workbook,
            contact_id,
            message=state.get("ask_text", ""),
            request_kind=state["ask_kind"],
            channel=state["ask_channel"],
            goal_id=goal_id,
            happened_on=state.get("ask_date") or date.today(),
            today=date.today(),
        )
        return "Saved: the ask is in your log, waiting to hear back (see “Your asks”)."

    run_save("ask", action)


def show_findings(text: str, channel: str, target: str | None) -> None:
    findings = check_ask(text, channel, target)
    if not findings:
        st.success(
            "No flags: it says what you want, asks for one concrete thing, and fits the channel.",
            icon=":material/check_circle:",
        )
        return
    for finding in findings:
        quoted = f" (“{literal(finding.phrase)}”)" if finding.phrase else ""
        st.warning(
            f"**{FINDING_TITLES[finding.code]}**{quoted}. {literal(finding.why)}\n\nTry: {literal(finding.rewrite)}",
            icon=":material/flag:",
        )


def show_composer() -> None:
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
    choices = cached(workbook, asks.ask_choices)
    if st.session_state.get("_ask_person") != person.id:
        st.session_state["_ask_person"] = person.id
        st.session_state["ask_approach"] = choose_approach(person.tie, person.circle)
    if "ask_recent" not in st.session_state:
        st.session_state["ask_recent"] = choices.done_lately
    left, right = st.columns(2)
    kind = left.selectbox("What you are asking for", list(REQUEST_KINDS), format_func=REQUEST_KINDS.get, key="ask_kind")
    labels = choices.labels
    goal_id = right.selectbox(
        "The target it serves", list(labels), format_func=labels.get, index=1 if choices.targets else 0, key="ask_goal"
    )
    channel = left.selectbox("Channel", list(CHANNELS), format_func=CHANNELS.get, index=3, key="ask_channel")
    approach = right.radio("Opening", list(APPROACHES), format_func=APPROACHES.get, key="ask_approach")
    recent = st.text_input(
        "A line on your recent experience",
        key="ask_recent",
        max_chars=200,
        placeholder="e.g. finished a SQL course and built a clinic dashboard",
    )
    refresh_draft(
        person.id, cached(workbook, asks.compose_draft, person, asks.Draft(kind, goal_id, channel, approach, recent))
    )
    text = st.text_area(
        f"Your message (edit freely; {CHANNELS[channel]}: about {CHANNEL_LIMITS[channel]:,} characters fit)",
        key="ask_text",
        height=260,
    )
    st.caption(f"{plural(len(text), 'character')}. Changing a choice above writes a fresh draft.")
    goal = choices.target(goal_id)
    show_findings(text, channel, goal.title if goal else None)
    with st.expander("Copy the message", icon=":material/content_copy:"):
        st.code(text or " ", language=None, wrap_lines=True)
    date_col, _ = st.columns(2)
    date_col.date_input("Sent on", value=date.today(), key="ask_date", format="DD/MM/YYYY")
    show("ask")
    st.button(
        "Save and log this ask", type="primary", on_click=save_ask, args=(person.id, goal_id), icon=":material/send:"
    )


# --- follow-ups ---------------------------------------------------------------------------------


def thank(contact_id: int, name: str, channel: str) -> None:
    def action() -> str:
        asks.log_thank_you(workbook, contact_id, channel, date.today())
        return f"Logged a thank-you to {literal(name)}. Tell them how their help worked out, too."

    run_save("thanks", action)


def save_days() -> None:
    run_save("days", lambda: asks.set_follow_up_days(workbook, int(st.session_state["fu_days"])))


def show_follow_ups() -> None:
    st.markdown(
        "Do not vanish once you have what you needed. Thank people for a referral or an introduction, "
        "and tell them whether you got the interview or the job; if not, say so and what would help next."
    )
    today = date.today()
    follow_ups = cached(workbook, asks.follow_ups_overview, today)
    st.session_state.setdefault("fu_days", follow_ups.days)
    days_col, _ = st.columns([1, 2])
    days_col.number_input("Days you give yourself to say thank you", 1, 365, key="fu_days", on_change=save_days)
    show("days")
    chart_col, reading_col = st.columns([3, 2])
    with chart_col:
        show_chart(workbook, follow_ups_chart, follow_ups.counts)
    reading_col.markdown(follow_ups.reading)
    show("thanks")
    if follow_ups.owed:
        st.markdown(f"**Owed** (the {len(follow_ups.owed)} most recent of {follow_ups.counts['owed']:,}):")
    for owed in follow_ups.owed:
        text_col, button_col = st.columns([3, 1], vertical_alignment="center")
        text_col.markdown(
            f"**{literal(owed.name)}** {literal(owed.help)}, {plural(owed.days_ago, 'day')} ago "
            f"({owed.happened_on:%d %b %Y})."
        )
        button_col.button(
            "Log thank-you",
            key=f"thank_{owed.interaction_id}",
            on_click=thank,
            args=(owed.contact_id, owed.name, owed.channel),
            icon=":material/favorite:",
        )


# --- asks and outcomes --------------------------------------------------------------------------


def save_outcome() -> None:
    def action() -> str:
        asks.record_outcome(workbook, st.session_state.get("outcome_ask"), st.session_state["outcome_value"])
        return "Outcome saved. If they helped, remember to thank them."

    run_save("outcome", action)


def show_asks() -> None:
    found = cached(workbook, asks.asks_overview)
    if not found.rows:
        st.info("No asks yet. Compose one in the first tab; saving it logs it here.", icon=":material/send:")
        return
    chart_col, reading_col = st.columns([3, 2])
    with chart_col:
        show_chart(workbook, asks_chart, found.rows)
    reading_col.markdown(
        f"{found.helped:,} of {plural(found.total, 'ask')} led to help. Advice and introductions are easy to say "
        "yes to; a request for a job is not."
    )
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
            for r in found.recent
        ],
        hide_index=True,
        width="stretch",
    )
    st.markdown("**How did an ask turn out?**")
    ask_col, outcome_col = st.columns([2, 1])
    ask_col.selectbox("Ask", list(found.labels), format_func=found.labels.get, key="outcome_ask")
    outcome_col.selectbox("Outcome", list(OUTCOMES), format_func=OUTCOMES.get, key="outcome_value")
    show("outcome")
    st.button("Save outcome", on_click=save_outcome, icon=":material/done:")


start_page(
    "relationships",
    "Networking is give and take: sharing news, asking questions, helping back. Be yourself, be "
    "considerate of people's time, and take it slowly: rushed, last-minute networking rarely builds "
    "anything that lasts.",
)
compose_tab, thanks_tab, asks_tab = st.tabs(["Compose an ask", "Follow-ups owed", "Your asks"])
with compose_tab:
    show_composer()
with thanks_tab:
    show_follow_ups()
with asks_tab:
    show_asks()
credit_article()
