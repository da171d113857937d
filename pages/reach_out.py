"""Tip 2 · Reach out to your network: specific targets, your pitch, references and the outreach log."""

from dataclasses import replace
from datetime import date

import streamlit as st

from charts.outreach import goal_coverage_chart, reference_progress_chart
from core.model import CHANNELS, INTERACTION_KINDS, OUTCOMES, REFERENCE_STEPS, REQUEST_KINDS, TARGET_KINDS
from core.outreach import (
    NERVOUS_POINTS,
    TARGET_EXAMPLES,
    check_target,
    compute_coverage,
    describe_coverage,
    describe_references,
    is_vague_target,
    reference_progress,
)
from store import InvalidInput
from store import contacts as people
from store import outreach as store
from store.goals import delete_goal, link_contacts
from ui.cache import cached, chart_spec
from ui.session import current_workbook
from ui.text import literal
from ui.widgets import credit_article, flash, pick_person_id, set_flash

PRIORITIES = {1: "High", 2: "Normal", 3: "Low"}
workbook = current_workbook()


# --- what you want ------------------------------------------------------------------------------


def add_target() -> None:
    kind, title = st.session_state["target_kind"], st.session_state.get("target_title", "")
    problems = check_target(kind, title)
    if problems:
        set_flash("error", literal(problems[0].message) + " Nothing was saved.", "_target_flash")
        return
    try:
        store.add_target(workbook, kind, title, st.session_state["target_priority"])
    except InvalidInput as error:
        set_flash("error", str(error), "_target_flash")
        return
    st.session_state["target_title"] = ""
    set_flash(
        "success", f"Added the target “{literal(title.strip())}”. Now link the people who could help.", "_target_flash"
    )


def link_person(goal_id: int, contact_id: int | None, title: str) -> None:
    if contact_id is None:
        set_flash("error", "Search for a person first, then pick them.", "_link_flash")
        return
    link_contacts(workbook, goal_id, [contact_id])
    set_flash("success", f"Linked them to “{literal(title)}”.", "_link_flash")


def remove_target(goal_id: int, title: str) -> None:
    delete_goal(workbook, goal_id)
    set_flash("success", f"Removed the target “{literal(title)}”; the people stay in your list.", "_target_flash")


def save_pitch() -> None:
    try:
        store.save_pitch(workbook, st.session_state["pitch_looking"], st.session_state["pitch_lately"])
    except InvalidInput as error:
        set_flash("error", str(error) + " Nothing was saved.", "_pitch_flash")
        return
    set_flash("success", "Pitch saved; every ask you compose on page 3 starts from it.", "_pitch_flash")


def show_targets(targets: list) -> None:
    st.markdown("Name specific roles, employers and industries. “Anything” gives people nothing to act on.")
    kind_col, title_col, priority_col = st.columns([1, 2, 1])
    kind = kind_col.selectbox("Kind", list(TARGET_KINDS), format_func=TARGET_KINDS.get, key="target_kind")
    title_col.text_input("Target", key="target_title", max_chars=120, placeholder=f"e.g. {TARGET_EXAMPLES[kind]}")
    priority_col.selectbox("Priority", list(PRIORITIES), index=1, format_func=PRIORITIES.get, key="target_priority")
    flash("_target_flash")
    st.button("Add target", type="primary", on_click=add_target, icon=":material/flag:")
    for goal in targets:
        if is_vague_target(goal.title):
            st.warning(
                f"“{literal(goal.title)}” is too open to bring leads; try something like "
                f"“{TARGET_EXAMPLES.get(goal.kind, 'Data analyst')}”.",
                icon=":material/help:",
            )
    if not targets:
        return
    titles = {g.id: f"{g.title} ({TARGET_KINDS[g.kind].lower()})" for g in targets}
    st.markdown(
        "**Your targets:** "
        + " · ".join(f"{literal(titles[g.id])}{', high priority' if g.priority == 1 else ''}" for g in targets)
    )
    with st.expander("Remove a target"):
        doomed = st.selectbox("Target to remove", list(titles), format_func=titles.get, key="remove_goal")
        st.button("Remove target", on_click=remove_target, args=(doomed, titles[doomed]), icon=":material/delete:")
    st.markdown("**Link people to a target**")
    goal_id = st.selectbox("Target", list(titles), format_func=titles.get, key="link_goal")
    contact_id = pick_person_id(workbook, "Who could help with it?", "link_person")
    flash("_link_flash")
    st.button("Link person", on_click=link_person, args=(goal_id, contact_id, titles[goal_id]), icon=":material/link:")


def show_pitch() -> None:
    st.markdown("Be ready to say both in a breath: they start every ask you compose.")
    if "pitch_looking" not in st.session_state:
        st.session_state["pitch_looking"], st.session_state["pitch_lately"] = store.get_pitch(workbook)
    st.text_area(
        "What I'm looking for",
        key="pitch_looking",
        height=68,
        max_chars=store.PITCH_MAX,
        placeholder="e.g. a data analyst role in a hospital's quality team",
    )
    st.text_area(
        "What I've done lately",
        key="pitch_lately",
        height=68,
        max_chars=store.PITCH_MAX,
        placeholder="e.g. finished a SQL course and built a dashboard for a clinic",
    )
    flash("_pitch_flash")
    st.button("Save pitch", on_click=save_pitch, icon=":material/save:")


def show_coverage(targets: list) -> None:
    coverage = compute_coverage(targets, cached(workbook, store.coverage_links))
    if not coverage:
        st.info(describe_coverage([], {}), icon=":material/flag:")
        return
    shown = {i for c in coverage for i in c.direct[:3]} | {
        i for c in coverage for p in c.via[:1] for i in (p.introducer_id, p.helper_id)
    }
    names = {i: literal(n) for i, n in people.contact_names(workbook, shown).items()}
    safe = [replace(c, goal=replace(c.goal, title=literal(c.goal.title))) for c in coverage]
    chart_col, reading_col = st.columns([3, 2])
    chart_col.vega_lite_chart(spec=chart_spec(workbook, goal_coverage_chart, coverage), width="stretch")
    reading_col.markdown(describe_coverage(safe, names))


# --- references ---------------------------------------------------------------------------------


def mark_reference(contact_id: int | None) -> None:
    if contact_id is None:
        set_flash("error", "Search for a person first, then pick them.", "_ref_flash")
        return
    store.set_reference(workbook, [contact_id])
    set_flash("success", "Marked as a reference. Their first step: ask them to agree.", "_ref_flash")


def record_step(contact_id: int) -> None:
    try:
        store.record_reference_step(
            workbook, contact_id, st.session_state["ref_step"], st.session_state.get("ref_date"), date.today()
        )
    except InvalidInput as error:
        set_flash("error", str(error) + " Nothing was saved.", "_ref_flash")
        return
    set_flash("success", f"Recorded “{REFERENCE_STEPS[st.session_state['ref_step']].lower()}”.", "_ref_flash")


def show_references() -> None:
    st.markdown(
        "Your best references like you and can vouch for your work and character: start with them. "
        "Confirm they are happy to be a reference, tell them your goals, keep them posted, brief them "
        "before employers call, and thank them whatever happens."
    )
    refs = cached(workbook, store.list_references)
    steps = cached(workbook, store.reference_steps)
    progress = [reference_progress(r["id"], steps.get(r["id"], {})) for r in refs]
    names = {r["id"]: r["name"] for r in refs}
    flash("_ref_flash")
    if refs:
        chart_col, reading_col = st.columns([3, 2])
        chart_col.vega_lite_chart(spec=chart_spec(workbook, reference_progress_chart, progress, names), width="stretch")
        reading_col.markdown(literal(describe_references(progress)))
        by_id = {p.contact_id: p for p in progress}
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
                    for p in progress
                ],
                hide_index=True,
                width="stretch",
            )
        step_col, date_col = st.columns(2)
        step_col.selectbox("Step done", list(REFERENCE_STEPS), format_func=REFERENCE_STEPS.get, key="ref_step")
        date_col.date_input("On", value=date.today(), key="ref_date", format="DD/MM/YYYY")
        st.button("Record step", type="primary", on_click=record_step, args=(contact_id,), icon=":material/task_alt:")
    else:
        st.info(describe_references([]), icon=":material/verified_user:")
    with st.expander("Mark someone as a reference", expanded=not refs):
        chosen = pick_person_id(workbook, "Find the person", "ref_person")
        st.button("Mark as reference", on_click=mark_reference, args=(chosen,), icon=":material/verified_user:")


# --- the outreach log ---------------------------------------------------------------------------


def log_contact(contact_id: int | None) -> None:
    state = st.session_state
    if contact_id is None:
        set_flash("error", "Search for the person you contacted, then pick them. Nothing was saved.", "_log_flash")
        return
    kind = state["log_kind"]
    try:
        store.log_outreach(
            workbook,
            contact_id,
            state.get("log_date") or date.today(),
            kind,
            channel=state["log_channel"],
            outcome=state.get("log_outcome", "") if kind == "ask" else "",
            request_kind=state.get("log_request", "") if kind in ("ask", "help_received") else "",
            note=state.get("log_note", ""),
            today=date.today(),
        )
    except InvalidInput as error:
        set_flash("error", str(error) + " Nothing was saved.", "_log_flash")
        return
    state["log_note"] = ""
    set_flash(
        "success", f"Logged a {INTERACTION_KINDS[kind].lower()}; their “last spoke” date is updated.", "_log_flash"
    )


def show_log() -> None:
    st.markdown("Log every contact: it keeps “when did we last speak?” honest for the reminders on page 6.")
    contact_id = pick_person_id(workbook, "Who did you contact?", "log_person")
    left, middle, right = st.columns(3)
    left.date_input("When", value=date.today(), key="log_date", format="DD/MM/YYYY")
    middle.selectbox("How", list(CHANNELS), format_func=CHANNELS.get, key="log_channel")
    kind = right.selectbox("What", list(INTERACTION_KINDS), format_func=INTERACTION_KINDS.get, key="log_kind")
    if kind == "ask":
        ask_left, ask_right = st.columns(2)
        ask_left.selectbox("Asked for", list(REQUEST_KINDS), format_func=REQUEST_KINDS.get, key="log_request")
        ask_right.selectbox("Outcome", list(OUTCOMES), format_func=OUTCOMES.get, key="log_outcome")
    elif kind == "help_received":
        st.selectbox("What they helped with", list(REQUEST_KINDS), format_func=REQUEST_KINDS.get, key="log_request")
        st.caption("Page 3 reminds you to thank them if no thank-you follows within the days you set there.")
    st.text_input("Note (optional)", key="log_note", max_chars=store.NOTE_MAX)
    flash("_log_flash")
    st.button("Log it", type="primary", on_click=log_contact, args=(contact_id,), icon=":material/edit_note:")
    rows = cached(workbook, store.list_log, None, 30)
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
    st.caption("The 30 most recent contacts.")


st.title("2 · Reach out to your network")
st.markdown(
    "Nobody can help if nobody knows you are looking. Decide what you want first, then tell people: "
    "be specific about the work you are after and ask what they know or whom they know. Do not rule "
    "anyone out; people often know more people than you expect."
)
with st.expander("Nervous about getting in touch? Read this first", icon=":material/favorite:"):
    st.markdown("\n".join(f"- {point}" for point in NERVOUS_POINTS))

targets = cached(workbook, store.list_targets)
target_tab, ref_tab, log_tab = st.tabs(["What you want", "Your references", "Outreach log"])
with target_tab:
    st.subheader("Your targets")
    show_targets(targets)
    st.subheader("Your pitch")
    show_pitch()
    st.subheader("Goal coverage")
    show_coverage(targets)
with ref_tab:
    show_references()
with log_tab:
    show_log()
credit_article()
