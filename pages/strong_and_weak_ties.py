"""Tip 5 · Take advantage of both strong and weak ties: mark ties, see the mix, plan where to go, find introductions."""

import streamlit as st

from charts.ties import graph_height, introduction_paths, mix_height, tie_mix
from core.model import CIRCLES, DESTINATION_KINDS, TIES
from core.text import distinct_labels, person_labels, plural
from core.ties import SECTIONS, goal_label
from services import people, ties
from ui.cache import cached, chart_spec, show_chart
from ui.feedback import run_save, show
from ui.page import credit_article, start_page
from ui.registry import PART_PARAM
from ui.session import current_workbook
from ui.text import literal
from ui.widgets import filter_select

PRIORITIES = {1: "High", 2: "Normal", 3: "Low"}
workbook = current_workbook()


# --- your mix ------------------------------------------------------------------------------------


def show_mix(mix) -> None:
    if not mix.total:
        st.info(literal(mix.advice))
        return
    chart_col, reading_col = st.columns([3, 2])
    chart_col.vega_lite_chart(
        spec=chart_spec(workbook, tie_mix, mix.rows), width="stretch", height=mix_height(mix.rows)
    )
    reading_col.markdown(f"{literal(mix.reading)}\n\n{literal(mix.advice)}")
    reading_col.caption(
        "Strong ties are your inner circle: people you trust and talk to often. Weak ties are "
        "acquaintances; they link you to circles, ideas and openings your inner circle does not reach."
    )


# --- mark ties -----------------------------------------------------------------------------------


def marked(changed: int, tie: str) -> str:
    return f"Marked {plural(changed, 'person', 'people')} as {TIES[tie].lower()}s."


def set_chosen() -> None:
    def action() -> str:
        tie = st.session_state.get("tie_value", "strong")
        changed = ties.mark_chosen(workbook, st.session_state.get("tie_chosen") or [], tie)
        st.session_state["tie_chosen"] = []
        return marked(changed, tie)

    run_save("tie", action)


def set_all(search: str, circle: str | None, current: str | None) -> None:
    def action() -> str:
        tie = st.session_state.get("tie_value", "strong")
        confirmed = bool(st.session_state.get("tie_confirm_all"))
        changed = ties.mark_everyone_matching(workbook, tie, search, circle, current, confirmed)
        st.session_state["tie_confirm_all"] = False
        return marked(changed, tie)

    run_save("tie", action)


def show_marking() -> None:
    st.markdown("Find people, then mark the ones you choose, or everyone who matches, as strong or weak.")
    left, middle, right = st.columns([2, 1, 1])
    search = left.text_input("Search name, company, role or email", key="tie_search")
    circle = filter_select(middle, "Circle", CIRCLES, "tie_circle", "All circles")
    current = filter_select(right, "Tie now", TIES, "tie_current", "Both")
    found = cached(workbook, ties.find_people, search, circle, current)
    matches, total = found.people, found.total
    show("tie")
    if not total:
        st.info(
            "Nobody matches these filters."
            if (search or circle or current)
            else "Nobody listed yet: add people on “Know your network”."
        )
        return
    shown = (
        f"first {len(matches)} of {total:,}; narrow the search to see others" if total > len(matches) else f"{total:,}"
    )
    st.caption(f"{plural(total, 'person', 'people')} match ({shown}).")
    st.dataframe(
        [
            {"Name": c.name, "Tie": TIES[c.tie], "Circle": CIRCLES.get(c.circle, c.circle), "Company": c.company}
            for c in matches
        ],
        hide_index=True,
        width="stretch",
        height=min(38 + 35 * len(matches), 300),
    )
    st.radio("Mark as", list(TIES), format_func=TIES.get, horizontal=True, key="tie_value")
    labels = person_labels(matches)
    names = {c.id: f"{labels[c.id]} ({c.tie})" for c in matches}
    st.multiselect(
        "People to mark", list(names), format_func=names.get, key="tie_chosen", placeholder="Choose from the list above"
    )
    st.button("Mark the chosen people", type="primary", on_click=set_chosen, icon=":material/done:")
    with st.expander(f"Mark all {plural(total, 'person', 'people')} who match at once"):
        st.checkbox(f"Yes, change all {total:,}", key="tie_confirm_all")
        st.button(
            "Mark everyone who matches",
            on_click=set_all,
            args=(search, circle, current),
            icon=":material/done_all:",
        )


# --- where you want to go ------------------------------------------------------------------------


def add_destination() -> None:
    state = st.session_state

    def action() -> str:
        title = ties.add_destination(
            workbook, state.get("dest_kind", "association"), state.get("dest_title", ""), state.get("dest_priority", 2)
        )
        state["dest_title"] = ""
        return f"Added “{literal(title)}” to where you want to go."

    run_save("dest", action)


def link_people(goal_id: int, title: str) -> None:
    def action() -> str:
        linked = ties.link_people(workbook, goal_id, st.session_state.get("dest_people") or [])
        st.session_state["dest_people"] = []
        return f"Linked {plural(linked, 'person', 'people')} to “{literal(title)}”."

    run_save("link", action)


def remove_destination(goal_id: int, title: str) -> None:
    def action() -> str:
        ties.remove_destination(workbook, goal_id)
        return f"Removed “{literal(title)}”; the people stay in your list."

    run_save("dest", action)


def show_destinations(found) -> None:
    st.markdown(
        "Your network should point where you are going, not only where you have been. Name the "
        "associations, conferences, journals and fields you want to be part of, then link the people "
        "who relate to each."
    )
    show("dest")
    with st.form("add_destination", border=True):
        kind_col, title_col, priority_col = st.columns([1, 2, 1])
        kind_col.selectbox("Kind", list(DESTINATION_KINDS), format_func=DESTINATION_KINDS.get, key="dest_kind")
        title_col.text_input("Name", key="dest_title", max_chars=200, placeholder="e.g. Healthcare Data Association")
        priority_col.selectbox("Priority", list(PRIORITIES), index=1, format_func=PRIORITIES.get, key="dest_priority")
        st.form_submit_button("Add destination", on_click=add_destination, icon=":material/add_location_alt:")
    st.markdown(literal(found.report.reading))
    if not found.goals:
        return
    st.dataframe(
        [
            {
                "Destination": r.goal.title,
                "Kind": DESTINATION_KINDS[r.goal.kind],
                "Priority": PRIORITIES[r.goal.priority],
                "People": r.people,
                "Status": "nobody yet" if r.people == 0 else "covered",
            }
            for r in found.report.reaches
        ],
        hide_index=True,
        width="stretch",
    )
    show_linking(found.goals)


def show_linking(destinations) -> None:
    st.markdown("**Link people to a destination**")
    titles = distinct_labels({g.id: goal_label(g) for g in destinations})
    goal_id = st.selectbox("Destination", list(titles), format_func=titles.get, key="dest_pick")
    linked = cached(workbook, ties.linked_names, goal_id)
    if linked:
        more = " …" if len(linked) == ties.LINKED_SHOWN else ""
        st.caption("Linked so far: " + literal(", ".join(linked)) + more)
    query = st.text_input(
        "Find people who relate to it", key="dest_search", placeholder="Type part of a name, company or role"
    )
    if query.strip():
        matches, total = cached(workbook, people.search_people, query, ties.MATCH_LIMIT)
        names = person_labels(matches)
        more = f" (first {len(matches)} of {total:,})" if total > len(matches) else ""
        st.multiselect(f"People to link{more}", list(names), format_func=names.get, key="dest_people")
        show("link")
        st.button(
            "Link them", type="primary", on_click=link_people, args=(goal_id, titles[goal_id]), icon=":material/link:"
        )
    st.button(
        "Remove this destination",
        on_click=remove_destination,
        args=(goal_id, titles[goal_id]),
        icon=":material/delete:",
    )


# --- introduction paths --------------------------------------------------------------------------


def show_paths() -> None:
    st.markdown(
        "Your strong ties can vouch for you. Each path runs from someone you trust, through the people "
        "they introduced you to, to someone worth meeting, and to the goal that person relates to."
    )
    limit = st.slider("Paths to show", 3, 25, 12, key="path_limit")
    found = cached(workbook, ties.introduction_paths, limit)
    if not found.paths:
        st.info(
            "No introduction paths yet. A path needs someone you know who can introduce you to someone: on "
            "“Know your network”, add the people you could meet through a friend, and mark your closest people strong."
        )
        show_unreached(found.unreached)
        return
    show_chart(workbook, introduction_paths, found.layout, height=graph_height(found.layout))
    st.caption(
        "Circles are people you know (strong ties first), triangles the people to meet, diamonds your goals; "
        "dashed lines link a person to a goal."
    )
    st.markdown("**Who to ask**\n" + "\n".join(f"{i}. {literal(r)}" for i, r in enumerate(found.requests, 1)))
    show_unreached(found.unreached)


def show_unreached(unreached) -> None:
    if unreached:
        names = ", ".join(goal_label(g) for g in unreached)
        st.markdown(
            f"**No path yet to:** {literal(names)}. Ask your strong ties who they know there, and note who "
            "would introduce you when you add that person on “Know your network”."
        )


start_page(
    "ties",
    "Strong ties are your inner circle; weak ties are the acquaintances at its edge. You need both: "
    "the people you trust can open doors to new people, and new people bring fresh ideas, circles and openings.",
)
mix = cached(workbook, ties.tie_mix)
with st.container(horizontal=True):  # stays one row on a phone
    st.metric("Strong ties", f"{mix.strong:,}")
    st.metric("Weak ties", f"{mix.weak:,}")
    st.metric("Weak share", f"{mix.weak / mix.total:.0%}" if mix.total else "–")
# Only the open part runs (and the URL names it), so a visit pays for one part, not four.
mix_tab, mark_tab, where_tab, paths_tab = st.tabs(SECTIONS, key=PART_PARAM, on_change="rerun", bind="query-params")
if mix_tab.open:
    show_mix(mix)
if mark_tab.open:
    show_marking()
if where_tab.open:
    show_destinations(cached(workbook, ties.destinations))
if paths_tab.open:
    show_paths()
credit_article()
