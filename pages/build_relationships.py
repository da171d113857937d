"""Tip 3 · Focus on building relationships: compose and check an ask, and pay back help with thanks."""

from datetime import date

import streamlit as st

from charts.followthrough import loops_by_week_chart
from charts.outreach import asks_chart
from core.asks import CHANNEL_LIMITS, FINDING_TITLES, apply_fix, check_ask, needs_a_second_look
from core.followthrough import describe_loops
from core.model import CHANNELS, FAMILIARITY, OUTCOMES, REQUEST_KINDS
from core.text import plural
from services import asks, followthrough
from ui.cache import cached, show_chart
from ui.feedback import run_save, show
from ui.followthrough import loop_list
from ui.live_text import live_text_area, replace_text
from ui.page import credit_article, start_page
from ui.session import current_workbook
from ui.text import literal
from ui.widgets import draw_open_tab, pick_person

workbook = current_workbook()
CHART_HEIGHT = 330  # in pixels: a chart drawn in a tab not yet shown has no height of its own to fit
TAB_KEY = "tip3_tab"
COMPOSE_TAB, THANKS_TAB, ASKS_TAB = "Compose an ask", "Thank and report back", "Your asks"
# Widgets whose values must outlive a visit to another tab (the ask's text is kept apart: ui.live_text).
KEPT_ACROSS_TABS = (
    "ask_person_search",
    "ask_person_pick",
    "ask_channel",
    "ask_recent",
    "ask_kind",
    "ask_goal",
    "ask_date",
    "catch_up_channel",
    "outcome_ask",
    "outcome_value",
)


# --- the composer -------------------------------------------------------------------------------


def refresh_draft(person_id: int, draft: str) -> None:
    """Put a fresh draft in the box when a choice above it changes it; keep the user's edits otherwise."""
    # Plain values, not a dataclass: a module reload makes a new class, and old != new.
    if st.session_state.get("_ask_draft") != (person_id, draft):
        st.session_state["_ask_draft"] = (person_id, draft)
        replace_text("ask_text", draft)


def save_familiarity(contact_id: int, name: str) -> None:
    chosen = st.session_state[f"ask_familiarity_{contact_id}"]

    def action() -> str:
        asks.set_familiarity(workbook, contact_id, chosen)
        return f"Saved: {literal(name)} is {FAMILIARITY[chosen][0].lower() + FAMILIARITY[chosen][1:]}."

    run_save("familiarity", action)


def log_catch_up(contact_id: int, name: str) -> None:
    channel = st.session_state["catch_up_channel"]

    def action() -> str:
        asks.log_catch_up(workbook, contact_id, channel, date.today())
        return f"Catch-up with {literal(name)} logged. Now the ask: it is drafted below."

    run_save("catch_up", action)


def save_ask(contact_id: int, goal_id: int | None, target: str | None, send_anyway: bool = False) -> None:
    state = st.session_state
    text = state.get("ask_text", "")
    state.pop("_ask_second_look", None)
    if not send_anyway and needs_a_second_look(check_ask(text, state["ask_channel"], target)):
        state["_ask_second_look"] = text  # ask "send anyway?" about exactly this text
        return

    def action() -> str:
        asks.save_ask(
            workbook,
            contact_id,
            message=text,
            request_kind=state["ask_kind"],
            channel=state["ask_channel"],
            goal_id=goal_id,
            happened_on=state.get("ask_date") or date.today(),
            today=date.today(),
            send_anyway=send_anyway,
        )
        return "Saved: the ask is in your log, waiting to hear back (see “Your asks”)."

    run_save("ask", action)


def keep_editing() -> None:
    st.session_state.pop("_ask_second_look", None)


def use_rewrite(index: int, channel: str, target: str | None) -> None:
    text = st.session_state.get("ask_text", "")
    findings = check_ask(text, channel, target)
    if index < len(findings):
        replace_text("ask_text", apply_fix(text, findings[index]))


def show_findings(text: str, channel: str, target: str | None) -> None:
    findings = check_ask(text, channel, target)
    if not findings:
        st.success(
            "No flags: it says what you want, asks for one concrete thing, and fits the channel.",
            icon=":material/check_circle:",
        )
        return
    for index, finding in enumerate(findings):
        quoted = f" (“{literal(finding.phrase)}”)" if finding.phrase else ""
        st.warning(
            f"**{FINDING_TITLES[finding.code]}**{quoted}. {literal(finding.why)}\n\nTry: {literal(finding.rewrite)}",
            icon=":material/flag:",
        )
        if finding.fix:
            st.button(
                f"Use this rewrite ({FINDING_TITLES[finding.code].lower()})",
                key=f"ask_fix_{index}_{finding.code}",
                on_click=use_rewrite,
                args=(index, channel, target),
                icon=":material/auto_fix_high:",
            )


def show_familiarity(person) -> asks.Opening:
    opening = asks.opening(workbook, person, date.today())
    first = person.name.split()[0] if person.name.split() else person.name
    key = f"ask_familiarity_{person.id}"
    st.session_state.setdefault(key, opening.familiarity)
    st.selectbox(
        f"How well you know {first}",
        list(FAMILIARITY),
        format_func=FAMILIARITY.get,
        key=key,
        on_change=save_familiarity,
        args=(person.id, person.name),
        help="Friends, family and old colleagues: catch up first, then ask. A busy professional: get to the point.",
    )
    if opening.guessed:
        st.caption("A guess from their circle and tie; choose another to save it for this person.")
    show("familiarity")
    return opening


def show_catch_up(person, channel: str, recent: str) -> None:
    st.markdown(
        "**Step 1 of 2 · Catch up first.** With someone you know, get through the catching-up before you "
        "ask. Send this, hear their news, then log the catch-up: the ask is drafted once it is."
    )
    message = cached(workbook, asks.compose_catch_up_draft, person, channel, recent)
    st.code(message, language=None, wrap_lines=True)
    channel_col, button_col = st.columns([1, 1], vertical_alignment="bottom")
    channel_col.selectbox(
        "How you caught up", list(CHANNELS), format_func=CHANNELS.get, index=1, key="catch_up_channel"
    )
    button_col.button(
        "Log the catch-up",
        type="primary",
        on_click=log_catch_up,
        args=(person.id, person.name),
        icon=":material/forum:",
    )


def show_second_look(person_id: int, goal_id: int | None, target: str | None, text: str) -> bool:
    """Ask "send anyway?" after a flagged ask's save was pressed; True while the question stands."""
    if st.session_state.get("_ask_second_look") != text:
        st.session_state.pop("_ask_second_look", None)  # edited since: judge the new text first
        return False
    count = len(check_ask(text, st.session_state["ask_channel"], target))
    st.warning(
        f"**Send anyway?** The checker flags {plural(count, 'thing')} in this ask (see above). "
        "Use a rewrite or edit it, or save it as it is.",
        icon=":material/help:",
    )
    send_col, edit_col = st.columns(2)
    send_col.button(
        "Send anyway",
        type="primary",
        on_click=save_ask,
        args=(person_id, goal_id, target, True),
        icon=":material/send:",
    )
    edit_col.button("Keep editing", on_click=keep_editing, icon=":material/edit:")
    return True


def show_composer() -> None:
    st.markdown(
        "Ask for advice or information, not a job; be specific; share what you have done lately. "
        "With people you know, catch up before you ask. With a busy professional, get to the point."
    )
    person = pick_person(workbook, "Who are you asking?", "ask_person")
    if person is None:
        st.info(
            "Search for someone to start a draft. Your references and strong ties are a good start.",
            icon=":material/search:",
        )
        return
    choices = cached(workbook, asks.ask_choices)
    if "ask_recent" not in st.session_state:
        st.session_state["ask_recent"] = choices.done_lately
    opening = show_familiarity(person)
    left, right = st.columns(2)
    channel = left.selectbox("Channel", list(CHANNELS), format_func=CHANNELS.get, index=3, key="ask_channel")
    recent = right.text_input(
        "A line on your recent experience",
        key="ask_recent",
        max_chars=200,
        placeholder="e.g. finished a SQL course and built a clinic dashboard",
    )
    show("catch_up")
    if opening.catch_up_first:
        show_catch_up(person, channel, recent)
        return
    if opening.approach == "catch_up":
        st.markdown("**Step 2 of 2 · The ask.** You have caught up lately, so the ask can follow.")
    left, right = st.columns(2)
    kind = left.selectbox("What you are asking for", list(REQUEST_KINDS), format_func=REQUEST_KINDS.get, key="ask_kind")
    labels = choices.labels
    goal_id = right.selectbox(
        "The target it serves", list(labels), format_func=labels.get, index=1 if choices.targets else 0, key="ask_goal"
    )
    draft = asks.Draft(kind, goal_id, channel, opening.approach, recent)
    refresh_draft(person.id, cached(workbook, asks.compose_draft, person, draft))
    text = live_text_area(
        f"Your message (edit freely; {CHANNELS[channel]}: about {CHANNEL_LIMITS[channel]:,} characters fit)",
        "ask_text",
        height=260,
        max_chars=asks.MESSAGE_MAX,
    )
    st.caption(f"{plural(len(text), 'character')}. Checked as you type. Changing a choice above writes a fresh draft.")
    goal = choices.target(goal_id)
    target = goal.title if goal else None
    show_findings(text, channel, target)
    with st.expander("Copy the message", icon=":material/content_copy:"):
        st.code(text or " ", language=None, wrap_lines=True)
    date_col, _ = st.columns(2)
    date_col.date_input("Sent on", value=date.today(), key="ask_date", format="DD/MM/YYYY")
    show("ask")
    if show_second_look(person.id, goal_id, target, text):
        return
    st.button(
        "Save and log this ask",
        type="primary",
        on_click=save_ask,
        args=(person.id, goal_id, target),
        icon=":material/send:",
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

    def when(loop) -> tuple[str]:
        ago_days = (today - loop.happened_on).days
        late = f" · over {days} days" if ago_days > days else ""
        ago = "today" if ago_days == 0 else f"{plural(ago_days, 'day')} ago"
        return (f"{ago.capitalize()}{late}",)

    loop_list(workbook, loops.loops, "thanks", "tip3", when)


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
# A chart and its table each cost the browser tens of ms to draw: only the open tab is.
draw_open_tab(
    {COMPOSE_TAB: show_composer, THANKS_TAB: show_follow_ups, ASKS_TAB: show_asks}, TAB_KEY, kept=KEPT_ACROSS_TABS
)
credit_article()
