"""Tip 5 · Take advantage of both strong and weak ties: mark ties, see the mix, plan where to go, find introductions."""

import streamlit as st

from charts.ties import graph_height, introduction_paths, mix_height, tie_mix
from core.model import CIRCLES, DESTINATION_KINDS, TIES
from core.ties import (
    SECTION_PARAM,
    SECTIONS,
    assess_destinations,
    describe_path,
    find_paths,
    goal_label,
    goals_out_of_reach,
    layout_paths,
    summarise_mix,
)
from store import InvalidInput
from store import contacts as people
from store import goals as goal_store
from store import ties as tie_store
from ui.cache import cached, chart_spec
from ui.session import current_workbook
from ui.widgets import credit_article, flash, set_flash

MATCH_LIMIT = 50
PRIORITIES = {1: "High", 2: "Normal", 3: "Low"}
MARKDOWN_SPECIALS = set("\\`*_{}[]()#+-.!|<>~$:=")
workbook = current_workbook()


def md(text: str) -> str:
    """User text made inert for st.markdown: every markdown sign is escaped, so a name stays a name."""
    return "".join("\\" + ch if ch in MARKDOWN_SPECIALS else ch for ch in text)


def plural(count: int, one: str = "person", many: str = "people") -> str:
    return f"{count:,} {one if count == 1 else many}"


def load_introductions(book) -> tuple:
    """What paths are made of: the people on introduction chains, their goal links, every goal."""
    return tie_store.introduction_people(book), tie_store.introduction_goal_links(book), goal_store.list_goals(book)


def compute_paths(book, limit: int) -> list:
    return find_paths(*cached(book, load_introductions), limit)


def compute_unreached(book) -> list:
    return goals_out_of_reach(*cached(book, load_introductions))


# --- your mix ------------------------------------------------------------------------------------


def show_mix(mix) -> None:
    if not mix.total:
        st.info(md(mix.advice))
        return
    chart_col, reading_col = st.columns([3, 2])
    chart_col.vega_lite_chart(
        spec=chart_spec(workbook, tie_mix, mix.rows), width="stretch", height=mix_height(mix.rows)
    )
    reading_col.markdown(f"{md(mix.reading)}\n\n{md(mix.advice)}")
    reading_col.caption(
        "Strong ties are your inner circle: people you trust and talk to often. Weak ties are "
        "acquaintances; they link you to circles, ideas and openings your inner circle does not reach."
    )


# --- mark ties -----------------------------------------------------------------------------------


def set_chosen() -> None:
    chosen = st.session_state.get("tie_chosen") or []
    tie = st.session_state.get("tie_value", "strong")
    if not chosen:
        set_flash("error", "Choose at least one person from the list first; nothing was changed.", "_tie_flash")
        return
    changed = tie_store.set_ties(workbook, chosen, tie)
    st.session_state["tie_chosen"] = []
    set_flash("success", f"Marked {plural(changed)} as {TIES[tie].lower()}s.", "_tie_flash")


def set_all(search: str, circle: str | None, current: str | None, total: int) -> None:
    tie = st.session_state.get("tie_value", "strong")
    if not st.session_state.get("tie_confirm_all"):
        set_flash("error", f"Tick “Yes, change all {total:,}” to confirm; nothing was changed.", "_tie_flash")
        return
    try:
        changed = tie_store.set_ties_matching(workbook, tie, search, circle, current)
    except InvalidInput as error:
        set_flash("error", md(str(error)), "_tie_flash")
        return
    st.session_state["tie_confirm_all"] = False
    set_flash("success", f"Marked {plural(changed)} as {TIES[tie].lower()}s.", "_tie_flash")


def show_marking() -> None:
    st.markdown("Find people, then mark the ones you choose, or everyone who matches, as strong or weak.")
    left, middle, right = st.columns([2, 1, 1])
    search = left.text_input("Search name, company, role or email", key="tie_search")
    circle = middle.selectbox(
        "Circle", [None, *CIRCLES], format_func=lambda c: "All circles" if c is None else CIRCLES[c], key="tie_circle"
    )
    current = right.selectbox(
        "Tie now", [None, *TIES], format_func=lambda t: "Both" if t is None else TIES[t], key="tie_current"
    )
    matches, total = cached(workbook, people.search_contacts, search, circle, current, MATCH_LIMIT, 0)
    flash("_tie_flash")
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
    st.caption(f"{plural(total)} match ({shown}).")
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
    names = {c.id: f"{c.name} ({c.tie})" for c in matches}
    st.multiselect(
        "People to mark", list(names), format_func=names.get, key="tie_chosen", placeholder="Choose from the list above"
    )
    st.button("Mark the chosen people", type="primary", on_click=set_chosen, icon=":material/done:")
    with st.expander(f"Mark all {plural(total)} who match at once"):
        st.checkbox(f"Yes, change all {total:,}", key="tie_confirm_all")
        st.button(
            "Mark everyone who matches",
            on_click=set_all,
            args=(search, circle, current, total),
            icon=":material/done_all:",
        )


# --- where you want to go ------------------------------------------------------------------------


def add_destination() -> None:
    state = st.session_state
    try:
        goal_store.add_goal(
            workbook, state.get("dest_kind", "association"), state.get("dest_title", ""), state.get("dest_priority", 2)
        )
    except InvalidInput as error:
        set_flash("error", md(f"{error} Nothing was saved."), "_dest_flash")
        return
    set_flash("success", f"Added “{md(state['dest_title'].strip())}” to where you want to go.", "_dest_flash")
    state["dest_title"] = ""


def link_people(goal_id: int, title: str) -> None:
    chosen = st.session_state.get("dest_people") or []
    if not chosen:
        set_flash("error", "Choose at least one person to link; nothing was changed.", "_dest_flash")
        return
    goal_store.link_contacts(workbook, goal_id, chosen)
    st.session_state["dest_people"] = []
    set_flash("success", f"Linked {plural(len(chosen))} to “{md(title)}”.", "_dest_flash")


def remove_destination(goal_id: int, title: str) -> None:
    goal_store.delete_goal(workbook, goal_id)
    set_flash("success", f"Removed “{md(title)}”; the people stay in your list.", "_dest_flash")


def show_destinations(report, destinations) -> None:
    st.markdown(
        "Your network should point where you are going, not only where you have been. Name the "
        "associations, conferences, journals and fields you want to be part of, then link the people "
        "who relate to each."
    )
    flash("_dest_flash")
    with st.form("add_destination", border=True):
        kind_col, title_col, priority_col = st.columns([1, 2, 1])
        kind_col.selectbox("Kind", list(DESTINATION_KINDS), format_func=DESTINATION_KINDS.get, key="dest_kind")
        title_col.text_input("Name", key="dest_title", max_chars=200, placeholder="e.g. Healthcare Data Association")
        priority_col.selectbox("Priority", list(PRIORITIES), index=1, format_func=PRIORITIES.get, key="dest_priority")
        st.form_submit_button("Add destination", on_click=add_destination, icon=":material/add_location_alt:")
    st.markdown(md(report.reading))
    if not destinations:
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
            for r in report.reaches
        ],
        hide_index=True,
        width="stretch",
    )
    show_linking(destinations)


def show_linking(destinations) -> None:
    st.markdown("**Link people to a destination**")
    titles = {g.id: goal_label(g) for g in destinations}
    goal_id = st.selectbox("Destination", list(titles), format_func=titles.get, key="dest_pick")
    linked = tie_store.people_for_goal(workbook, goal_id, limit=20)
    if linked:
        st.caption(
            "Linked so far: " + md(", ".join(name for _, name, _ in linked)) + (" …" if len(linked) == 20 else "")
        )
    query = st.text_input(
        "Find people who relate to it", key="dest_search", placeholder="Type part of a name, company or role"
    )
    if query.strip():
        matches, total = cached(workbook, people.search_contacts, query, None, None, MATCH_LIMIT, 0)
        names = {c.id: c.name + (f" · {c.company}" if c.company else "") for c in matches}
        more = f" (first {len(matches)} of {total:,})" if total > len(matches) else ""
        st.multiselect(f"People to link{more}", list(names), format_func=names.get, key="dest_people")
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
    paths = cached(workbook, compute_paths, limit)
    if not paths:
        st.info(
            "No introduction paths yet. A path needs a strong tie who can introduce you to someone: on "
            "“Know your network”, add the people you could meet through a friend, and mark your closest people strong."
        )
        show_unreached()
        return
    layout = layout_paths(paths)
    st.vega_lite_chart(
        spec=chart_spec(workbook, introduction_paths, layout), width="stretch", height=graph_height(layout)
    )
    st.caption(
        "Circles are strong ties, triangles the people to meet, diamonds your goals; "
        "dashed lines link a person to a goal."
    )
    st.markdown("**Who to ask**\n" + "\n".join(f"{i}. {md(describe_path(p))}" for i, p in enumerate(paths, 1)))
    show_unreached()


def show_unreached() -> None:
    unreached = cached(workbook, compute_unreached)
    if unreached:
        names = ", ".join(goal_label(g) for g in unreached)
        st.markdown(
            f"**No path yet to:** {md(names)}. Ask your strong ties who they know there, and note who "
            "would introduce you when you add that person on “Know your network”."
        )


st.title("5 · Strong and weak ties")
st.markdown(
    "Strong ties are your inner circle; weak ties are the acquaintances at its edge. You need both: "
    "the people you trust can open doors to new people, and new people bring fresh ideas, circles and openings."
)
mix = summarise_mix(cached(workbook, people.count_by_circle_and_tie))
with st.container(horizontal=True):  # stays one row on a phone
    st.metric("Strong ties", f"{mix.strong:,}")
    st.metric("Weak ties", f"{mix.weak:,}")
    st.metric("Weak share", f"{mix.weak / mix.total:.0%}" if mix.total else "–")
# Only the open part runs (and the URL names it), so a visit pays for one part, not four.
mix_tab, mark_tab, where_tab, paths_tab = st.tabs(SECTIONS, key=SECTION_PARAM, on_change="rerun", bind="query-params")
if mix_tab.open:
    show_mix(mix)
if mark_tab.open:
    show_marking()
if where_tab.open:
    destinations = cached(workbook, goal_store.list_goals, tuple(DESTINATION_KINDS))
    show_destinations(
        assess_destinations(destinations, cached(workbook, tie_store.count_people_per_goal)), destinations
    )
if paths_tab.open:
    show_paths()
credit_article()
