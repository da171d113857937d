"""Home: progress through the six tips, the next five actions, and the headline charts."""

from datetime import date

import streamlit as st

from charts.maintenance import give_take_balance, reconnect_schedule
from charts.network import people_per_circle
from charts.rating import score_history
from services import home
from services.home import HomeOverview, NextAction
from ui.account import show_sign_in_prompt
from ui.cache import cached, show_chart
from ui.feedback import run_save, show
from ui.page import credit_article, start_page
from ui.registry import link, link_to_tip
from ui.session import current_workbook
from ui.text import literal

NUMBERS = {2: "two", 3: "three", 4: "four", 5: "five"}
PLACE = "home_actions"
workbook = current_workbook()
today = date.today()


def mark_done(action: NextAction) -> None:
    def save() -> str:
        home.mark_action_done(workbook, action, today)
        if action.kind == "thanks":
            return f"Logged your thank-you to {literal(action.name)}."
        return f"Logged a catch-up with {literal(action.name)} today."

    run_save(PLACE, save)


def show_actions(actions: tuple[NextAction, ...]) -> None:
    count = NUMBERS.get(len(actions))
    st.subheader(
        "Your next action" if len(actions) == 1 else f"Your next {count} actions" if count else "Your next actions"
    )
    show(PLACE)
    if not actions:
        st.info("No actions yet: list people (tip 1) and mark your key contacts (tip 6).", icon=":material/info:")
        return
    for action in actions:
        text, button = st.columns([5, 2], vertical_alignment="center")
        text.markdown(f"**{literal(action.name)}**  \n{literal(action.why)}")
        button.button(
            "Sent thanks" if action.kind == "thanks" else "Got in touch today",
            key=f"home_{action.kind}_{action.contact_id}",
            on_click=mark_done,
            args=(action,),
            icon=":material/check:",
        )


def show_progress(view: HomeOverview) -> None:
    st.subheader(f"Your progress: {view.tips_done} of {len(view.progress)} tips done")
    st.progress(view.tips_done / len(view.progress))
    for row in (view.progress[:3], view.progress[3:]):
        for column, s in zip(st.columns(3), row):
            with column.container(border=True):
                mark = ":material/check_circle: Done" if s.done else ":material/radio_button_unchecked: Not yet"
                st.markdown(f"**Tip {s.number} · {s.title}**  \n{mark}")
                st.caption(f"Counts as done: {s.rule}.")
                st.markdown(f"Next: {s.next_step}.")
                link_to_tip(s.number, f"Open tip {s.number}")


def show_charts(view: HomeOverview) -> None:
    st.subheader("At a glance")
    charts = (
        (people_per_circle, view.circles),
        (score_history, view.rating),
        (give_take_balance, view.balance),
        (reconnect_schedule, view.schedule),
    )
    for row in (charts[:2], charts[2:]):
        for column, (build, glance) in zip(st.columns(2), row):
            with column:
                if glance.data is not None:
                    show_chart(workbook, build, glance.data)
                st.caption(literal(glance.reading))


start_page(
    "home",
    "Most jobs are found through people. This workbook walks you through six tips for "
    "networking, one page each: list who you know, decide what you want, ask well, rate your "
    "network, balance close and loose ties, and keep in touch, giving as much as you take.",
)
show_sign_in_prompt()
view = cached(workbook, home.overview, today)
if not view.started:
    st.info("Start with tip 1: list the people you know, circle by circle.", icon=":material/arrow_forward:")
    link("know", "Tip 1 · Know your network", icon=":material/groups:")
show_actions(view.actions)
show_progress(view)
show_charts(view)
credit_article()
