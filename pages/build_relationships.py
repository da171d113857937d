"""Tip 3 · Focus on building relationships: compose and check an ask, and pay back help with thanks."""

from datetime import date

import streamlit as st

from charts.followthrough import loops_by_week_chart
from charts.outreach import asks_chart
from core.asks import APPROACHES, CHANNEL_LIMITS, FINDING_TITLES, check_ask, choose_approach
from core.followthrough import describe_loop, describe_loops
from core.model import CHANNELS, OUTCOMES, REQUEST_KINDS
from core.text import plural
from services import asks, followthrough
from ui.cache import cached, show_chart
from ui.feedback import run_save, show
from ui.followthrough import loop_buttons, loop_line
from ui.page import credit_article, start_page
from ui.session import current_workbook
from ui.text import literal
from ui.widgets import pick_person

workbook = current_workbook()
CHART_HEIGHT = 330  # in pixels: a chart drawn in a tab not yet shown has no height of its own to fit


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


def save_days() -> None:
    run_save("days", lambda: asks.set_follow_up_days(workbook, int(st.session_state["fu_days"])))


def show_follow_ups() -> None:
    st.markdown(
        "Do not vanish once you have what you needed. Each piece of help opens a loop with two steps: "
        "thank them, and tell them how it went (the interview, the job, or that you are still looking "
        "and what would help next). The loop closes when both are done."
    )
    today = date.today()
    days = cached(workbook, asks.follow_up_days)
    loops = cached(workbook, followthrough.overview, today)
    st.session_state.setdefault("fu_days", days)
    days_col, _ = st.columns([1, 2])
    days_col.number_input("Days you give yourself to follow through", 1, 365, key="fu_days", on_change=save_days)
    show("days")
    chart_col, reading_col = st.columns([3, 2])
    with chart_col:
        show_chart(workbook, loops_by_week_chart, loops.weeks, height=CHART_HEIGHT)
    reading_col.markdown(
        describe_loops(loops.total, loops.open)
        or "No help logged yet. When someone helps (an ask marked “Helped”, or help logged on tip 2), "
        "it shows here with a button to thank them and one to tell them how it went."
    )
    show("thanks")
    if loops.loops:
        more = f" (the {len(loops.loops)} most recent of {loops.open:,})" if loops.open > len(loops.loops) else ""
        st.markdown(f"**Still to follow through**{more}:")
    for loop in loops.loops:
        text_col, button_col = st.columns([3, 2], vertical_alignment="center")
        ago_days = (today - loop.happened_on).days
        late = f" · over {days} days" if ago_days > days else ""
        ago = "today" if ago_days == 0 else f"{plural(ago_days, 'day')} ago"
        text_col.markdown(f"{loop_line(loop, describe_loop)}  \n{ago.capitalize()}{late}")
        with button_col:
            loop_buttons(workbook, loop, "thanks", "tip3")


# --- asks and outcomes --------------------------------------------------------------------------


def save_outcome() -> None:
    def action() -> str:
        asks.record_outcome(workbook, st.session_state.get("outcome_ask"), st.session_state["outcome_value"])
        return "Outcome saved. If they helped, thank them and tell them how it went (“Thank and report back”)."

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
compose_tab, thanks_tab, asks_tab = st.tabs(["Compose an ask", "Thank and report back", "Your asks"])
with compose_tab:
    show_composer()
with thanks_tab:
    show_follow_ups()
with asks_tab:
    show_asks()
credit_article()
