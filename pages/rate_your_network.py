"""Tip 4 · Evaluate the quality of your network: five yes/no questions, a score, its band and what to do."""

from datetime import date

import streamlit as st

from charts.rating import HISTORY_HEIGHT, score_history
from core.model import DESTINATION_KINDS, RATING_QUESTIONS, Rating
from core.rating import MAX_NOTE_CHARS, MAX_SCORE, NOTE_FIELDS, Action, band_for, short_question
from core.text import distinct_labels
from core.upgrade import DESTINATION_STATUSES
from services import rating
from ui.cache import cached, show_chart
from ui.feedback import run_save, show
from ui.page import credit_article, start_page
from ui.registry import link_to_tip
from ui.session import current_workbook
from ui.text import literal
from ui.widgets import draw_open_tab, draw_when_open

ANSWERS = {True: "Yes", False: "No"}
NOTE_PROMPTS = {
    "strengths": "What works: people who back you, circles that open doors…",
    "weaknesses": "What holds you back: out-of-date contacts, one circle only…",
    "opportunities": "Where to branch out: a group to join, a person to reconnect with…",
}
BAND_BOXES = {"great": st.success, "enhance": st.warning, "makeover": st.error}
BAND_ICONS = {"great": ":material/verified:", "enhance": ":material/trending_up:", "makeover": ":material/build:"}
PAST_ROWS = 200
PAST_KEY = "past_open"
TAB_KEY = "tip4_tab"
QUIZ_TAB, RESULT_TAB, UPGRADE_TAB, HISTORY_TAB = "Take the rating", "Your result", "Upgrade plan", "How it has changed"
workbook = current_workbook()


def save_quiz() -> None:
    state = st.session_state

    def action() -> str:
        answers = {key: state.get(f"q_{key}") for key in RATING_QUESTIONS}
        notes = {key: state.get(f"note_{key}", "") or "" for key in NOTE_FIELDS}
        score = rating.save_rating(workbook, answers, state.get("taken_on") or date.today(), notes, date.today())
        for key in RATING_QUESTIONS:
            state[f"q_{key}"] = None
        for key in NOTE_FIELDS:
            state[f"note_{key}"] = ""
        return f"Rating saved: {score} of {MAX_SCORE}, {band_for(score).label.lower()}."

    if run_save("quiz", action):
        state[TAB_KEY] = RESULT_TAB  # what the score means, and what to do about each no


def show_quiz() -> None:
    with st.form("quiz", border=True):
        st.markdown("**Give yourself one point for every yes.**")
        for key, question in RATING_QUESTIONS.items():
            st.radio(question, list(ANSWERS), format_func=ANSWERS.get, index=None, horizontal=True, key=f"q_{key}")
        st.date_input("Date taken", value=date.today(), max_value=date.today(), key="taken_on", format="DD/MM/YYYY")
        st.markdown("**Strengths, weaknesses and opportunities** (optional, saved with this rating)")
        for key, label in NOTE_FIELDS.items():
            st.text_area(label, key=f"note_{key}", height=68, max_chars=MAX_NOTE_CHARS, placeholder=NOTE_PROMPTS[key])
        st.form_submit_button("Save my rating", type="primary", on_click=save_quiz, icon=":material/check:")
    show("quiz")


def show_result_tab(result: rating.Result | None) -> None:
    show("quiz")
    if result is None:
        st.info(
            f"No rating yet. Answer the five questions under “{QUIZ_TAB}” to see your score, its band and what "
            "to do next.",
            icon=":material/info:",
        )
        return
    show_result(result)


def show_upgrade_tab(result: rating.Result | None) -> None:
    if result is None:
        st.caption(f"Take the rating first: a score under {MAX_SCORE} comes with a plan to upgrade your network.")
    elif result.rating.score == MAX_SCORE:
        st.caption("Full marks: your network needs no upgrade. Retake the rating in a few months to check.")
    else:
        show_upgrade(cached(workbook, rating.upgrade_plan, date.today()))


def show_history() -> None:
    history = cached(workbook, rating.rating_history)
    chart_col, reading_col = st.columns([3, 2])
    with chart_col:
        show_chart(workbook, score_history, history.points, height=HISTORY_HEIGHT)
    reading_col.markdown(history.reading)
    reading_col.caption("Bands: 5 in great shape · 3–4 needs enhancing · 0–2 needs a makeover.")
    if history.ratings:
        draw_when_open("All your ratings and notes", lambda: show_past(history.ratings), PAST_KEY)


def show_result(result: rating.Result) -> None:
    current, band, comparison = result.rating, result.band, result.comparison
    score_col, band_col = st.columns([1, 3])
    score_col.metric(
        "Your score",
        f"{current.score} of {MAX_SCORE}",
        delta=f"{comparison.change:+d}" if comparison.change else None,
        help=f"Taken {current.taken_on:%d %b %Y}",
    )
    with band_col:
        BAND_BOXES[band.key](f"**{band.label}.** {band.advice}", icon=BAND_ICONS[band.key])
        st.caption(comparison.summary)
    show_actions(result.actions)
    if result.notes:
        st.markdown("**Your notes from this rating**")
        for label, text in result.notes:
            st.text(f"{label}: {text}")


def show_actions(actions: tuple[Action, ...]) -> None:
    if not actions:
        st.markdown(
            "Every answer was yes. Keep in touch with the people who make it so, and retake this in a few months."
        )
        return
    st.markdown(f"**What to do about each no** ({len(actions)})")
    for action in actions:
        with st.container(border=True):
            st.markdown(f"*No to: {RATING_QUESTIONS[action.question]}*  \n{action.text}")
            link_to_tip(action.tip, f"Tip {action.tip}: {action.label}", part=action.part)


def save_status() -> None:
    state = st.session_state

    def action() -> str:
        goal_id, status = state.get("dest_pick"), state.get("dest_status")
        rating.set_destination_status(workbook, goal_id, status)
        state["dest_pick"], state["dest_status"] = None, None
        return f"Saved: {DESTINATION_STATUSES[status].lower()}."

    run_save("destinations", action)


def show_upgrade(upgrade: rating.Upgrade) -> None:
    plan = upgrade.plan
    st.markdown(
        "A score under 5 says the network has not kept up with where you are going. "
        "These counts show how far behind it is; the steps below close the gap."
    )
    forward, past, silent = st.columns(3)
    forward.metric(
        "Linked to where you want to go", f"{plan.forward_share}%", help="People linked to a target or a place to go"
    )
    past.metric("From past circles", f"{plan.past_share}%", help="People from former jobs and school")
    silent.metric("Silent for over a year", f"{plan.silent:,}", help="Last in touch more than a year ago")
    if plan.unlinked:
        count = f"{len(plan.unlinked):,} of {len(upgrade.destinations):,}"
        st.markdown(f"**Places nobody is linked to ({count}):** " + ", ".join(literal(t) for t in plan.unlinked))
    st.markdown(f"**Next steps** ({len(plan.steps)})")
    for step in plan.steps:
        with st.container(border=True):
            st.markdown(literal(step.text))
            link_to_tip(step.tip)
    show_destinations(upgrade.destinations)


def show_destinations(destinations) -> None:
    st.markdown("**Where you stand with each place you want to go**")
    if not destinations:
        st.caption("No places yet: add an association, conference, journal or field on tip 5, then come back.")
        return
    st.dataframe(
        [
            {
                "Place": d.title,
                "Kind": DESTINATION_KINDS.get(d.kind, d.kind),
                "Where you stand": DESTINATION_STATUSES.get(d.status, d.status),
                "People linked": d.linked,
            }
            for d in destinations
        ],
        hide_index=True,
        width="stretch",
    )
    labels = distinct_labels(
        {d.goal_id: f"{d.title} ({DESTINATION_STATUSES.get(d.status, d.status).lower()})" for d in destinations}
    )
    with st.form("destination_status", border=True):
        st.selectbox(
            "Place", list(labels), format_func=labels.get, index=None, key="dest_pick", placeholder="Choose a place"
        )
        st.radio(
            "Where you stand",
            list(DESTINATION_STATUSES),
            format_func=DESTINATION_STATUSES.get,
            index=None,
            horizontal=True,
            key="dest_status",
        )
        st.form_submit_button("Save where I stand", on_click=save_status, icon=":material/check:")
    show("destinations")


def remove_rating() -> None:
    def action() -> str:
        rating.remove_rating(workbook, st.session_state.get("remove_pick"))
        st.session_state["remove_pick"] = None
        return "Rating removed; the history and your result no longer count it."

    run_save("past", action)


def show_past(ratings: tuple[Rating, ...]) -> None:
    newest = list(reversed(ratings))[:PAST_ROWS]
    st.dataframe(
        [
            {
                "Taken": r.taken_on,
                "Score": r.score,
                "Band": band_for(r.score).label,
                "No to": ", ".join(short_question(k) for k in RATING_QUESTIONS if not r.answers.get(k)) or "–",
                **{label: getattr(r, key) for key, label in NOTE_FIELDS.items()},
            }
            for r in newest
        ],
        hide_index=True,
        width="stretch",
        column_config={"Taken": st.column_config.DateColumn(format="DD MMM YYYY")},
    )
    labels = distinct_labels({r.id: f"{r.taken_on:%d %b %Y}: {r.score} of {MAX_SCORE}" for r in newest})
    st.selectbox(
        "Remove a rating taken by mistake",
        list(labels),
        format_func=labels.get,
        index=None,
        key="remove_pick",
        placeholder="Choose a rating",
    )
    st.button("Remove this rating", on_click=remove_rating, icon=":material/delete:")
    show("past")


start_page(
    "rate",
    "If your networking seems to go nowhere, step back and look at the network itself: what it does "
    "well, where it falls short and where it could grow. Answer five questions honestly; each 'no' "
    "comes with one thing to do about it. Retake the rating whenever you like to see the change.",
)
result = cached(workbook, rating.latest_result)
if result:
    st.markdown(
        f"Your latest rating: **{result.rating.score} of {MAX_SCORE}**, {result.band.label.lower()} "
        f"(taken {result.rating.taken_on:%d %b %Y})."
    )
draw_open_tab(
    {
        QUIZ_TAB: show_quiz,
        RESULT_TAB: lambda: show_result_tab(result),
        UPGRADE_TAB: lambda: show_upgrade_tab(result),
        HISTORY_TAB: show_history,
    },
    TAB_KEY,
)
credit_article()
