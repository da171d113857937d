"""Home: progress through the six tips, the next five actions, and the headline charts."""

from datetime import date

import streamlit as st

from charts.maintenance import give_take_balance, reconnect_schedule
from charts.network import people_per_circle
from charts.rating import score_history
from core.circles import count_circles, describe_coverage
from core.model import DESTINATION_KINDS
from core.priority import Suggestion, rank_contacts
from core.progress import TipStatus, assess_tips
from core.rating import describe_history
from core.reciprocity import describe_balances
from core.schedule import Pick, Schedule, describe_schedule, plan_weeks
from store import Workbook, outreach, ratings
from store import contacts as people
from store import maintenance as upkeep
from store.goals import list_goals
from store.interactions import log_interaction
from ui.cache import cached, chart_spec
from ui.session import current_workbook
from ui.text import literal
from ui.widgets import credit_article, flash, set_flash

ACTIONS = 5
NUMBERS = {2: "two", 3: "three", 4: "four", 5: "five"}
workbook = current_workbook()
today = date.today()


def ranked_list(book: Workbook, on: date) -> list[Suggestion]:
    return rank_contacts(upkeep.load_candidates(book, on), on)


def week_plan(book: Workbook, on: date) -> Schedule:
    capacity = upkeep.get_capacity(book)
    keys = upkeep.list_key_contacts(book)
    picks = [Pick(s.contact_id, s.name, s.summary) for s in cached(book, ranked_list, on)[: capacity * 4 + len(keys)]]
    return plan_weeks(keys, picks, on, capacity=capacity, weeks=4)


def thanks_owed(book: Workbook, on: date) -> list[dict]:
    """The two most recent pieces of help still unthanked after the grace period (tip 3's rule)."""
    return outreach.owed_follow_ups(book, on, outreach.get_follow_up_days(book), limit=2)


def gather_facts(book: Workbook, on: date) -> dict:
    """The few counts the six progress checks need (each an aggregate in SQL)."""
    ties = {tie for _, tie, n in people.count_by_circle_and_tie(book) if n}
    latest = ratings.latest_ratings(book, 1)
    ranked = cached(book, ranked_list, on)
    return {
        "circles": people.count_by_circle(book),
        "targets": len(outreach.list_targets(book)),
        "agreed": outreach.reference_step_counts(book).get("agreed", 0),
        "asks": sum(n for _, _, n in outreach.asks_by_kind_and_outcome(book)),
        "owed": len(cached(book, thanks_owed, on)),
        "rated_on": latest[0].taken_on if latest else None,
        "ties": ties,
        "destinations": len(list_goals(book, DESTINATION_KINDS)),
        "keys": upkeep.count_key_contacts(book),
        "overdue": sum(1 for s in ranked if any(r.code == "overdue" for r in s.reasons)),
    }


def next_actions(book: Workbook, on: date) -> list[tuple[str, int, str, str]]:
    """Up to five (kind, person id, name, why): thanks owed first, then who to contact next."""
    owed = cached(book, thanks_owed, on)
    actions = [
        ("thanks", int(r["contact_id"]), r["name"], f"Thank them for their help on {r['happened_on']:%d %b %Y}")
        for r in owed
    ]
    seen = {a[1] for a in actions}
    for s in cached(book, ranked_list, on):
        if len(actions) >= ACTIONS:
            break
        if s.contact_id not in seen and not s.contacted_today:
            seen.add(s.contact_id)
            actions.append(("contact", s.contact_id, s.name, s.reasons[0].text if s.reasons else s.summary))
    return actions


def mark_done(kind: str, contact_id: int, name: str) -> None:
    if kind == "thanks":
        outreach.log_thank_you(workbook, contact_id, today)
        set_flash("success", f"Logged your thank-you to {literal(name)}.", "_home_flash")
    else:
        log_interaction(workbook, contact_id, today, "catch_up", today=today)
        set_flash("success", f"Logged a catch-up with {literal(name)} today.", "_home_flash")


def show_progress(statuses: list[TipStatus]) -> None:
    done = sum(s.done for s in statuses)
    st.subheader(f"Your progress: {done} of 6 tips done")
    st.progress(done / 6)
    for row in (statuses[:3], statuses[3:]):
        for column, s in zip(st.columns(3), row):
            with column.container(border=True):
                mark = ":material/check_circle: Done" if s.done else ":material/radio_button_unchecked: Not yet"
                st.markdown(f"**Tip {s.number} · {s.title}**  \n{mark}")
                st.caption(f"Counts as done: {s.rule}.")
                st.markdown(f"Next: {s.next_step}.")
                st.page_link(s.page, label=f"Open tip {s.number}", icon=":material/arrow_forward:")


def show_actions() -> None:
    actions = cached(workbook, next_actions, today)
    count = NUMBERS.get(len(actions))
    st.subheader(
        "Your next action" if len(actions) == 1 else f"Your next {count} actions" if count else "Your next actions"
    )
    flash("_home_flash")
    if not actions:
        st.info("No actions yet: list people (tip 1) and mark your key contacts (tip 6).", icon=":material/info:")
        return
    for kind, contact_id, name, why in actions:
        text, button = st.columns([5, 2], vertical_alignment="center")
        text.markdown(f"**{literal(name)}**  \n{literal(why)}")
        label = "Sent thanks" if kind == "thanks" else "Got in touch today"
        button.button(
            label,
            key=f"home_{kind}_{contact_id}",
            on_click=mark_done,
            args=(kind, contact_id, name),
            icon=":material/check:",
        )


def glance(book: Workbook, on: date) -> list[tuple[str, object, object, str]]:
    """The four headline charts: (name, builder, its data or None when there is nothing to draw, reading)."""
    counts = people.count_by_circle(book)
    history = [(r.taken_on, r.score) for r in ratings.list_ratings(book)]
    extremes = upkeep.balance_extremes(book, 5)
    plan = cached(book, week_plan, on)
    this_week = ", ".join(f"{literal(s.name)} ({s.on:%a})" for s in plan.weeks[0].slots)
    no_rating = "No ratings yet: take tip 4's five-question rating to see your score here."
    return [
        (
            "home_circles",
            people_per_circle,
            count_circles(counts) if sum(counts.values()) else None,
            describe_coverage(counts),
        ),
        ("home_rating", score_history, history or None, describe_history(history) if history else no_rating),
        (
            "home_balance",
            give_take_balance,
            extremes or None,
            literal(describe_balances(upkeep.tally_everyone(book), extremes)),
        ),
        (
            "home_schedule",
            reconnect_schedule,
            plan if plan.slots else None,
            describe_schedule(plan) + (f" This week: {this_week}." if this_week else ""),
        ),
    ]


def show_charts() -> None:
    st.subheader("At a glance")
    charts = cached(workbook, glance, today)
    for row in (charts[:2], charts[2:]):
        for column, (_name, build, data, reading) in zip(st.columns(2), row):
            with column:
                if data is not None:
                    st.vega_lite_chart(spec=chart_spec(workbook, build, data), width="stretch")
                st.caption(reading)


st.title("Job Networking Workbook")
st.markdown(
    "Most jobs are found through people. This workbook walks you through six tips for "
    "networking, one page each: list who you know, decide what you want, ask well, rate your "
    "network, balance close and loose ties, and keep in touch, giving as much as you take."
)
facts = cached(workbook, gather_facts, today)
if sum(facts["circles"].values()) == 0:
    st.info("Start with tip 1: list the people you know, circle by circle.", icon=":material/arrow_forward:")
    st.page_link("pages/know_your_network.py", label="Tip 1 · Know your network", icon=":material/groups:")
show_actions()
show_progress(assess_tips(facts, today))
show_charts()
credit_article()
