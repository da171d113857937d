"""Home: the next five actions, this week against its goal, progress through the six tips, the headline charts."""

from datetime import date

import streamlit as st

from charts.maintenance import give_take_balance, reconnect_schedule
from charts.network import people_per_circle
from charts.progress import HEIGHT as WEEKS_HEIGHT
from charts.progress import weekly_goal_chart
from charts.rating import score_history
from core.text import plural
from core.weekly import MAX_PER_WEEK
from services import home, progress
from services.home import HomeOverview, NextAction
from services.progress import ThisWeek
from ui.account import show_sign_in_prompt
from ui.action_list import GOT_IN_TOUCH, Row, action_list
from ui.cache import cached, show_chart
from ui.feedback import run_save, show
from ui.followthrough import loop_actions, open_report, press_loop
from ui.page import credit_article, start_page
from ui.registry import link, link_to_tip
from ui.session import current_workbook
from ui.text import literal
from ui.widgets import draw_open_tab

NUMBERS = {2: "two", 3: "three", 4: "four", 5: "five"}
PLACE = "home_actions"
GOAL_PLACE = "home_goal"
TAB_KEY = "home_tab"
WEEK_TAB, PROGRESS_TAB, GLANCE_TAB = "This week", "Your progress", "At a glance"
workbook = current_workbook()
today = date.today()


def mark_done(action: NextAction) -> None:
    def save() -> str:
        home.mark_action_done(workbook, action, today)
        return f"Logged a catch-up with {literal(action.name)} today."

    run_save(PLACE, save)


def show_actions(actions: tuple[NextAction, ...], view_loops: str) -> None:
    count = NUMBERS.get(len(actions))
    st.subheader(
        "Your next action" if len(actions) == 1 else f"Your next {count} actions" if count else "Your next actions"
    )
    show(PLACE)
    if view_loops:
        st.markdown(f":material/autorenew: {view_loops}")
    if not actions:
        st.info("No actions yet: list people (tip 1) and mark your key contacts (tip 6).", icon=":material/info:")
        return
    by_id = {f"loop_{a.loop.help_id}" if a.loop else f"contact_{a.contact_id}": a for a in actions}
    rows = [
        Row(
            row_id,
            action.name,
            lines=(action.why,),
            actions=loop_actions(action.loop) if action.loop else (GOT_IN_TOUCH,),
        )
        for row_id, action in by_id.items()
    ]

    def pressed(row: Row, name: str) -> None:
        action = by_id[row.id]
        if action.loop is None:
            mark_done(action)
        else:
            press_loop(workbook, action.loop, name, PLACE, "home")

    loops = ((row_id, action.loop) for row_id, action in by_id.items() if action.loop)
    action_list("home_actions", rows, pressed, below=open_report(workbook, loops, PLACE, "home"))


def save_goal() -> None:
    state = st.session_state
    run_save(
        GOAL_PLACE,
        lambda: "Weekly goal saved: {}.".format(
            describe_goal(progress.set_weekly_goal(workbook, state.get("goal_new"), state.get("goal_interviews")))
        ),
    )


def describe_goal(goal) -> str:
    return (
        f"{plural(goal.new_people, 'new person', 'new people')} and "
        f"{plural(goal.interviews, 'informational interview')} a week"
    )


def show_week(week: ThisWeek) -> None:
    st.subheader(f"This week (from {week.starts_on:%a %d %b})")
    due, owed, goal = st.columns(3)
    with due.container(border=True):
        st.markdown(f"**Key contacts due: {week.due_count:,}**")
        if week.due:
            st.markdown("  \n".join(f"{literal(d.name)} · {d.due_on:%a %d %b}" for d in week.due))
            if week.due_count > len(week.due):
                st.caption(f"and {week.due_count - len(week.due):,} more on tip 6's schedule.")
        else:
            st.caption("Nobody is due this week.")
    with owed.container(border=True):
        st.markdown(f"**Thanks and reports owed: {week.owed.count:,}**")
        if week.owed.newest:
            st.markdown("  \n".join(f"{literal(r.name)} · helped {r.happened_on:%d %b}" for r in week.owed.newest))
        else:
            st.caption("Everyone who helped has been thanked.")
    with goal.container(border=True):
        st.markdown(f"**Your goal: {describe_goal(week.goal)}**")
        mark = ":material/check_circle: Goal met" if week.met else ":material/radio_button_unchecked: Goal not met yet"
        st.markdown(mark)
        st.caption(week.reading)
    chart, reading = st.columns([3, 2])
    with chart:
        show_chart(workbook, weekly_goal_chart, week.weeks, week.goal, height=WEEKS_HEIGHT)
    with reading:
        st.markdown(week.weeks_reading)
        st.caption(
            "Black marks: your goal. New people: added by hand that week (imports are left out). "
            "Informational interviews: asks or help "
            "for advice, information or an insider's view, held in person, by call or by video."
        )
        with st.form("weekly_goal", border=True):
            st.markdown("**Set your weekly goal**")
            st.number_input("New people a week", 0, MAX_PER_WEEK, value=week.goal.new_people, step=1, key="goal_new")
            st.number_input(
                "Informational interviews a week",
                0,
                MAX_PER_WEEK,
                value=week.goal.interviews,
                step=1,
                key="goal_interviews",
            )
            st.form_submit_button("Save my goal", on_click=save_goal, icon=":material/flag:")
        show(GOAL_PLACE)


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
show_actions(view.actions, view.loops)
# One part at a time: a visit draws one chart, not five, and the browser settles sooner.
draw_open_tab(
    {
        WEEK_TAB: lambda: show_week(view.week),
        PROGRESS_TAB: lambda: show_progress(view),
        GLANCE_TAB: lambda: show_charts(view),
    },
    TAB_KEY,
)
credit_article()
