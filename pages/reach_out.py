"""Tip 2 · Reach out to your network: specific targets, your pitch, references and the outreach log."""

from datetime import date

import streamlit as st

from charts.outreach import goal_coverage_chart, reference_progress_chart
from core.model import CHANNELS, INTERACTION_KINDS, OUTCOMES, REFERENCE_STEPS, REQUEST_KINDS, TARGET_KINDS
from core.outreach import NERVOUS_POINTS, TARGET_EXAMPLES, describe_coverage
from services import outreach
from ui.cache import cached, show_chart
from ui.feedback import run_save, show
from ui.forms import clear_form, start_form
from ui.page import credit_article, start_page
from ui.session import current_workbook
from ui.text import literal
from ui.widgets import draw_open_tab, held_place, pick_person_id

PRIORITIES = {1: "High", 2: "Normal", 3: "Low"}
# Each form's fields and their defaults: after a save every field goes back to them.
TARGET_DEFAULTS = {"target_kind": next(iter(TARGET_KINDS)), "target_title": "", "target_priority": 2}
LINK_DEFAULTS = {"link_person_search": ""}
MARK_DEFAULTS = {"ref_person_search": ""}
LOG_DEFAULTS = {
    "log_person_search": "",
    "log_date": date.today,
    "log_channel": next(iter(CHANNELS)),
    "log_kind": next(iter(INTERACTION_KINDS)),
    "log_request": next(iter(REQUEST_KINDS)),
    "log_outcome": next(iter(OUTCOMES)),
    "log_note": "",
}
TAB_KEY = "tip2_tab"
# What is typed or chosen in one tab outlives a visit to another (only the open tab is drawn).
KEPT_ACROSS_TABS = (
    *TARGET_DEFAULTS,
    "remove_goal",
    "link_goal",
    *LINK_DEFAULTS,
    "link_person_pick",
    "pitch_looking",
    "pitch_lately",
    "ref_pick",
    "ref_step",
    "ref_date",
    *MARK_DEFAULTS,
    "ref_person_pick",
    *LOG_DEFAULTS,
    "log_person_pick",
)
workbook = current_workbook()


# --- what you want ------------------------------------------------------------------------------


def add_target() -> None:
    state = st.session_state

    def action() -> str:
        title = outreach.add_target(
            workbook, state["target_kind"], state.get("target_title", ""), state["target_priority"]
        )
        clear_form(TARGET_DEFAULTS)
        return f"Added the target “{literal(title)}”. Now link the people who could help."

    run_save("target", action)


def link_person(goal_id: int, contact_id: int | None, label: str) -> None:
    def action() -> str:
        outreach.link_person(workbook, goal_id, contact_id)
        clear_form(LINK_DEFAULTS, ["link_person_pick"])
        return f"Linked them to “{literal(label)}”."

    run_save("link", action)


def remove_target(goal_id: int, label: str) -> None:
    def action() -> str:
        outreach.remove_target(workbook, goal_id)
        return f"Removed the target “{literal(label)}”; the people stay in your list."

    run_save("remove", action)


def save_pitch() -> None:
    def action() -> str:
        outreach.save_pitch(workbook, st.session_state["pitch_looking"], st.session_state["pitch_lately"])
        return "Pitch saved; every ask you compose on page 3 starts from it."

    run_save("pitch", action)


def show_targets(targets: outreach.Targets) -> None:
    st.markdown("Name specific roles, employers and industries. “Anything” gives people nothing to act on.")
    start_form(TARGET_DEFAULTS)
    kind_col, title_col, priority_col = st.columns([1, 2, 1])
    kind = kind_col.selectbox("Kind", list(TARGET_KINDS), format_func=TARGET_KINDS.get, key="target_kind")
    title_col.text_input("Target", key="target_title", max_chars=120, placeholder=f"e.g. {TARGET_EXAMPLES[kind]}")
    priority_col.selectbox("Priority", list(PRIORITIES), format_func=PRIORITIES.get, key="target_priority")
    st.button("Add target", type="primary", on_click=add_target, icon=":material/flag:")
    show("target")
    for title, example in targets.vague:
        st.warning(
            f"“{literal(title)}” is too open to bring leads; try something like “{example}”.", icon=":material/help:"
        )
    if not targets.goals:
        show("remove")  # the last target was removed: say so where the list was
        return
    labels = targets.labels
    st.markdown(
        "**Your targets:** "
        + " · ".join(f"{literal(labels[g.id])}{', high priority' if g.priority == 1 else ''}" for g in targets.goals)
    )
    with st.expander("Remove a target"):
        doomed = st.selectbox("Target to remove", list(labels), format_func=labels.get, key="remove_goal")
        st.button("Remove target", on_click=remove_target, args=(doomed, labels[doomed]), icon=":material/delete:")
        show("remove")
    st.markdown("**Link people to a target**")
    goal_id = st.selectbox("Target", list(labels), format_func=labels.get, key="link_goal")
    start_form(LINK_DEFAULTS)
    contact_id = pick_person_id(workbook, "Who could help with it?", "link_person")
    st.button("Link person", on_click=link_person, args=(goal_id, contact_id, labels[goal_id]), icon=":material/link:")
    show("link")


def show_pitch() -> None:
    st.markdown("Be ready to say both in a breath: they start every ask you compose.")
    if "pitch_looking" not in st.session_state:
        pitch = outreach.get_pitch(workbook)
        st.session_state["pitch_looking"], st.session_state["pitch_lately"] = pitch.looking_for, pitch.done_lately
    st.text_area(
        "What I'm looking for",
        key="pitch_looking",
        height=68,
        max_chars=outreach.PITCH_MAX,
        placeholder="e.g. a data analyst role in a hospital's quality team",
    )
    st.text_area(
        "What I've done lately",
        key="pitch_lately",
        height=68,
        max_chars=outreach.PITCH_MAX,
        placeholder="e.g. finished a SQL course and built a dashboard for a clinic",
    )
    show("pitch")
    st.button("Save pitch", on_click=save_pitch, icon=":material/save:")


def show_coverage() -> None:
    coverage = cached(workbook, outreach.goal_coverage)
    if not coverage.targets:
        st.info(describe_coverage([], {}), icon=":material/flag:")
        return
    chart_col, reading_col = st.columns([3, 2])
    with chart_col:
        show_chart(workbook, goal_coverage_chart, coverage.targets)
    reading_col.markdown(describe_coverage(coverage.targets, coverage.names, escape=literal))


# --- references ---------------------------------------------------------------------------------


def mark_reference(contact_id: int | None) -> None:
    def action() -> str:
        outreach.mark_reference(workbook, contact_id)
        clear_form(MARK_DEFAULTS, ["ref_person_pick"])
        return "Marked as a reference. Their first step: ask them to agree."

    run_save("mark", action)


def record_step(contact_id: int) -> None:
    state = st.session_state

    def action() -> str:
        outreach.record_step(workbook, contact_id, state["ref_step"], state.get("ref_date"), date.today())
        return f"Recorded “{REFERENCE_STEPS[state['ref_step']].lower()}”."

    run_save("ref", action)


def show_references() -> None:
    st.markdown(
        "Your best references like you and can vouch for your work and character: start with them. "
        "Confirm they are happy to be a reference, tell them your goals, keep them posted, brief them "
        "before employers call, and thank them whatever happens."
    )
    refs = cached(workbook, outreach.references_overview)
    names = refs.names
    if refs.progress:
        chart_col, reading_col = st.columns([3, 2])
        with chart_col:
            show_chart(workbook, reference_progress_chart, refs.progress, names)
        reading_col.markdown(literal(refs.reading))
        by_id = {p.contact_id: p for p in refs.progress}
        contact_id = st.selectbox("Reference", list(names), format_func=names.get, key="ref_pick")
        next_step = by_id[contact_id].next_step
        if st.session_state.get("_ref_next") != (contact_id, next_step):
            st.session_state["_ref_next"] = (contact_id, next_step)
            st.session_state["ref_step"] = next_step or "thanked"
        st.caption("Next step: " + (REFERENCE_STEPS[next_step] if next_step else "all five done. Well done!"))
        with st.expander("Every reference and their next step, as a table"):
            st.dataframe(
                [
                    {
                        "Reference": names[p.contact_id],
                        "Steps done": f"{p.steps_done} of {len(REFERENCE_STEPS)}",
                        "Next step": REFERENCE_STEPS[p.next_step] if p.next_step else "All done",
                    }
                    for p in refs.progress
                ],
                hide_index=True,
                width="stretch",
            )
        step_col, date_col = st.columns(2)
        step_col.selectbox("Step done", list(REFERENCE_STEPS), format_func=REFERENCE_STEPS.get, key="ref_step")
        date_col.date_input("On", value=date.today(), key="ref_date", format="DD/MM/YYYY")
        st.button("Record step", type="primary", on_click=record_step, args=(contact_id,), icon=":material/task_alt:")
        show("ref")
    else:
        st.info(refs.reading, icon=":material/verified_user:")
    with st.expander("Mark someone as a reference", expanded=not refs.progress):
        start_form(MARK_DEFAULTS)
        chosen = pick_person_id(workbook, "Find the person", "ref_person")
        st.button("Mark as reference", on_click=mark_reference, args=(chosen,), icon=":material/verified_user:")
        show("mark")


# --- the outreach log ---------------------------------------------------------------------------


def log_contact(contact_id: int | None) -> None:
    state = st.session_state

    def action() -> str:
        kind = state["log_kind"]
        outreach.log_contact(
            workbook,
            contact_id,
            happened_on=state.get("log_date") or date.today(),
            kind=kind,
            channel=state["log_channel"],
            outcome=state.get("log_outcome", ""),
            request_kind=state.get("log_request", ""),
            note=state.get("log_note", ""),
            today=date.today(),
        )
        clear_form(LOG_DEFAULTS, ["log_person_pick"])
        return f"Logged a {INTERACTION_KINDS[kind].lower()}; their “last spoke” date is updated."

    run_save("log", action)


def show_log() -> None:
    st.markdown("Log every contact: it keeps “when did we last speak?” honest for the reminders on page 6.")
    start_form(LOG_DEFAULTS)
    contact_id = pick_person_id(workbook, "Who did you contact?", "log_person")
    left, middle, right = st.columns(3)
    left.date_input("When", key="log_date", format="DD/MM/YYYY")
    middle.selectbox("How", list(CHANNELS), format_func=CHANNELS.get, key="log_channel")
    kind = right.selectbox("What", list(INTERACTION_KINDS), format_func=INTERACTION_KINDS.get, key="log_kind")
    with held_place():  # the fields of one kind of contact
        if kind == "ask":
            ask_left, ask_right = st.columns(2)
            ask_left.selectbox("Asked for", list(REQUEST_KINDS), format_func=REQUEST_KINDS.get, key="log_request")
            ask_right.selectbox("Outcome", list(OUTCOMES), format_func=OUTCOMES.get, key="log_outcome")
        elif kind == "help_received":
            st.selectbox("What they helped with", list(REQUEST_KINDS), format_func=REQUEST_KINDS.get, key="log_request")
            st.caption("Page 3 reminds you to thank them if no thank-you follows within the days you set there.")
    st.text_input("Note (optional)", key="log_note", max_chars=outreach.NOTE_MAX)
    st.button("Log it", type="primary", on_click=log_contact, args=(contact_id,), icon=":material/edit_note:")
    show("log")
    rows = cached(workbook, outreach.recent_log)
    if not rows:
        st.info("Nothing logged yet. Start with a reference or a close friend.")
        return
    st.dataframe(
        [
            {
                "When": r["happened_on"],
                "Who": r["name"],
                "What": INTERACTION_KINDS.get(r["kind"], r["kind"]),
                "How": CHANNELS.get(r["channel"], r["channel"]),
                "Outcome": OUTCOMES.get(r["outcome"], r["outcome"]),
                "Note": r["note"][:80],
            }
            for r in rows
        ],
        hide_index=True,
        width="stretch",
    )
    st.caption(f"The {outreach.LOG_SHOWN} most recent contacts.")


def show_what_you_want() -> None:
    st.subheader("Your targets")
    show_targets(cached(workbook, outreach.list_targets))
    st.subheader("Your pitch")
    show_pitch()
    st.subheader("Goal coverage")
    show_coverage()


start_page(
    "reach",
    "Nobody can help if nobody knows you are looking. Decide what you want first, then tell people: "
    "be specific about the work you are after and ask what they know or whom they know. Do not rule "
    "anyone out; people often know more people than you expect.",
)
with st.expander("Nervous about getting in touch? Read this first", icon=":material/favorite:"):
    st.markdown("\n".join(f"- {point}" for point in NERVOUS_POINTS))

draw_open_tab(
    {"What you want": show_what_you_want, "Your references": show_references, "Outreach log": show_log},
    TAB_KEY,
    kept=KEPT_ACROSS_TABS,
)
credit_article()
