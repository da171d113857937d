"""Tip 6 · Take the time to maintain your network: who to contact next, a weekly plan, give and take."""

from datetime import date, datetime

import streamlit as st

from charts.maintenance import give_take_balance, reconnect_schedule
from core.model import CHANNELS, INTERACTION_KINDS, LEDGER_DIRECTIONS, LEDGER_KINDS, Contact
from core.reciprocity import DEFAULT_WEIGHTS, default_weight, describe_balance
from core.schedule import CADENCE_CHOICES, DEFAULT_WEEKS, describe_cadence, describe_schedule
from core.text import person_label, plural
from services import plan, upkeep
from services.upkeep import PersonCard, UpkeepOverview
from ui.cache import cached, chart_spec
from ui.feedback import run_save, show
from ui.page import credit_article, start_page
from ui.registry import link
from ui.session import current_workbook
from ui.text import literal

OTHER_CADENCE = "Another number of days"
SHOWN = 10
TAB_KEY = "tip6_tab"
CARD_TAB = "A person's card"
WEEKS_KEY = "plan_weeks"
KEY_ROWS = 50
workbook = current_workbook()
today = date.today()


# --- callbacks (they run before the next script run, so the page shows the new state) ----------


def log_catch_up(contact_id: int, name: str) -> None:
    def save() -> str:
        upkeep.log_catch_up(workbook, contact_id, today)
        return f"Logged a catch-up with {literal(name)} today; they move down the list."

    run_save("next", save)


def open_card(contact_id: int, name: str) -> None:
    st.session_state.update(
        {"card_search": name, "card_pick": contact_id, "_card_wanted": (contact_id, name), TAB_KEY: CARD_TAB}
    )


def save_capacity() -> None:
    def save() -> str:
        return f"Saved: {upkeep.save_capacity(workbook, st.session_state.get('capacity'))} people a week."

    run_save("plan", save)


def save_key(contact_id: int, name: str) -> None:
    state = st.session_state

    def save() -> str:
        if not state.get("card_is_key"):
            upkeep.save_key_contact(workbook, contact_id, None)
            return f"{literal(name)} is no longer a key contact."
        choice = state.get("card_cadence")
        wanted = state.get("card_days") if choice == OTHER_CADENCE else CADENCE_CHOICES[choice]
        days = upkeep.save_key_contact(workbook, contact_id, wanted)
        return f"{literal(name)} is a key contact: {describe_cadence(days)}."

    run_save("card_key", save)


def save_notes(contact_id: int, name: str) -> None:
    def save() -> str:
        notes = {f: st.session_state.get(f"card_{f}", "") or "" for f in upkeep.NOTE_FIELDS}
        upkeep.save_notes(workbook, contact_id, notes)
        return f"Saved the notes on {literal(name)}."

    run_save("card_notes", save)


def log_contact(contact_id: int, name: str) -> None:
    state = st.session_state
    kind = state.get("card_log_kind", "catch_up")

    def save() -> str:
        upkeep.log_contact(
            workbook, contact_id, state.get("card_log_on") or today, kind, state.get("card_log_channel", ""), today
        )
        return f"Logged: {INTERACTION_KINDS[kind].lower()} with {literal(name)}."

    run_save("card_log", save)


def record_give_take(contact_id: int, name: str) -> None:
    state = st.session_state

    def save() -> str:
        upkeep.record_give_take(
            workbook,
            contact_id,
            state.get("card_ledger_on") or today,
            state.get("card_direction", "gave"),
            state.get("card_ledger_kind", "thank_you"),
            state.get("card_weight"),
            state.get("card_ledger_note", "") or "",
            today,
        )
        return f"Recorded in the give-and-take with {literal(name)}."

    if run_save("card_ledger", save):
        state["card_ledger_note"] = ""


def remove_give_take(name: str) -> None:
    def save() -> str:
        upkeep.remove_give_take(workbook, st.session_state.get("card_remove_pick"))
        return f"Removed the entry from the give-and-take with {literal(name)}."

    if run_save("card_remove", save):
        st.session_state["card_remove_pick"] = None


def signed(number: int) -> str:
    """+3, -2, or a plain 0."""
    return f"{number:+d}" if number else "0"


# --- sections ------------------------------------------------------------------------------------


def show_next(view: UpkeepOverview) -> None:
    show("next")
    ranked = view.ranked
    if not ranked and not view.people:
        st.info(
            "Nobody is listed yet. Start with tip 1: list the people you know, circle by circle.",
            icon=":material/info:",
        )
        link("know", "Tip 1 · Know your network", icon=":material/groups:")
        return
    if not ranked:
        st.info(
            "Nobody needs you yet. Mark key contacts on a person's card, or log who you have met, "
            "and this list will tell you who to call next and why.",
            icon=":material/info:",
        )
        return
    top = f"; the top {SHOWN}" if len(ranked) > SHOWN else ""
    st.caption(f"{plural(len(ranked), 'person', 'people')} on the list{top}, with the reasons:")
    for s in ranked[:SHOWN]:
        text, column = st.columns([5, 2], vertical_alignment="center")
        reasons = "  \n".join(f"· {literal(r.text)}" for r in s.reasons) or f"· {literal(s.summary)}"
        text.markdown(f"**{s.rank}. {literal(s.name)}** (score {s.score})  \n{reasons}")
        action = column.container(horizontal=True)
        action.button(
            "Got in touch today",
            key=f"next_done_{s.contact_id}",
            on_click=log_catch_up,
            args=(s.contact_id, s.name),
            icon=":material/check:",
            disabled=s.contacted_today,
        )
        action.button(
            "Open card",
            key=f"next_card_{s.contact_id}",
            on_click=open_card,
            args=(s.contact_id, s.name),
            icon=":material/badge:",
            help="Notes, give and take, and ways to give back",
        )


def show_plan(view: UpkeepOverview) -> None:
    left, middle, right = st.columns([1, 1, 1], vertical_alignment="bottom")
    if "capacity" not in st.session_state:
        st.session_state["capacity"] = upkeep.capacity(workbook)
    left.number_input(
        "People a week (capacity)", step=1, key="capacity", help="How many people you can contact in a week; 1 to 50."
    )
    middle.button("Save capacity", on_click=save_capacity, icon=":material/save:")
    weeks = right.slider("Weeks to plan", 2, 12, DEFAULT_WEEKS, key=WEEKS_KEY)
    show("plan")
    schedule = view.schedule
    chart, reading = st.columns([3, 2])
    chart.vega_lite_chart(spec=chart_spec(workbook, reconnect_schedule, schedule), width="stretch")
    reading.markdown(describe_schedule(schedule))
    reading.download_button(
        "Download the calendar (.ics)",
        data=lambda: plan.calendar_file(workbook, datetime.now().astimezone(), weeks),
        file_name=plan.CALENDAR_FILE_NAME,
        mime=plan.CALENDAR_MEDIA_TYPE,
        icon=":material/calendar_month:",
        help="Key contacts recur at their cadence in your calendar app.",
    )
    rows = [{"Day": f"{s.on:%a %d %b}", "Who": s.name, "Why": s.reason} for s in schedule.weeks[0].slots]
    st.markdown("**This week**")
    if rows:
        st.dataframe(rows, hide_index=True, width="stretch")
    else:
        st.caption("Nobody planned this week.")


def pick_person() -> int | None:
    query = st.text_input("Find a person", key="card_search", placeholder="Type part of a name, company or email")
    if not query.strip():
        st.caption("Search for someone to open their card: key contact, notes, give and take.")
        show_key_contacts()
        return None
    wanted_id, wanted_name = st.session_state.get("_card_wanted") or (None, None)
    # Opened from the list: keep that person among the choices, even when a namesake ranks first.
    matches, total = upkeep.find_people(workbook, query, wanted_id if query == wanted_name else None)
    if not matches:
        st.caption(f"Nobody matches “{literal(query)}”.")
        return None
    names = {c.id: person_label(c.name, c.company) for c in matches}
    more = f" (first {upkeep.SEARCH_LIMIT} of {total:,}; type more to narrow)" if total > upkeep.SEARCH_LIMIT else ""
    return st.selectbox(f"Person{more}", list(names), format_func=names.get, key="card_pick")


def show_key_contacts() -> None:
    table = cached(workbook, upkeep.key_contact_table, today, KEY_ROWS)
    if not table.rows:
        st.caption("No key contacts yet: open someone's card and mark them as a key contact.")
        return
    longest = f"; the {KEY_ROWS} longest waiting" if table.total > KEY_ROWS else ""
    st.markdown(f"**Your key contacts** ({table.total:,}{longest})")
    st.dataframe(
        [
            {"Next due": r.next_due, "Who": r.name, "How often": r.how_often, "Last in touch": r.last_in_touch}
            for r in table.rows
        ],
        hide_index=True,
        width="stretch",
    )


def load_card(person: Contact) -> None:
    state = st.session_state
    if state.get("_card_id") == person.id:
        return
    state["_card_id"] = person.id
    state["card_remove_pick"] = None
    state["card_is_key"] = person.is_key
    named = {days: label for label, days in CADENCE_CHOICES.items()}
    state["card_cadence"] = named.get(person.cadence_days, OTHER_CADENCE if person.cadence_days else "Monthly")
    state["card_days"] = person.cadence_days or 30
    for f in upkeep.NOTE_FIELDS:
        state[f"card_{f}"] = getattr(person, f)


def show_card() -> None:
    contact_id = pick_person()
    card = cached(workbook, upkeep.person_card, contact_id, today) if contact_id is not None else None
    if card is None:
        return
    person = card.person
    load_card(person)
    st.markdown(f"### {literal(person.name)}\n{literal(card.where)}")
    st.caption(card.timing)
    key_col, notes_col = st.columns(2)
    with key_col:
        st.markdown("**Key contact**")
        st.toggle("A key contact: someone crucial to my network", key="card_is_key")
        st.selectbox("How often to be in touch", [*CADENCE_CHOICES, OTHER_CADENCE], key="card_cadence")
        if st.session_state.get("card_cadence") == OTHER_CADENCE:
            st.number_input(
                "Days between contacts", step=1, key="card_days", help="A whole number of days, at least 1."
            )
        st.button("Save key contact", on_click=save_key, args=(person.id, person.name), icon=":material/event_repeat:")
        show("card_key")
        st.markdown("**Log a contact**")
        st.selectbox("What happened", list(INTERACTION_KINDS), format_func=INTERACTION_KINDS.get, key="card_log_kind")
        st.selectbox("How", list(CHANNELS), format_func=CHANNELS.get, key="card_log_channel")
        st.date_input("When", value=today, max_value=today, key="card_log_on", format="DD/MM/YYYY")
        st.button("Log it", on_click=log_contact, args=(person.id, person.name), icon=":material/history_edu:")
        show("card_log")
    with notes_col:
        st.markdown("**Notes to remember**")
        st.text_area("Family", key="card_family", height=68, placeholder="Partner, children, what is going on at home")
        st.text_area("Job", key="card_job_notes", height=68, placeholder="Role, team, news at work")
        st.text_area("Interests", key="card_interests", height=68, placeholder="Separate with commas: jazz, cycling")
        st.text_area("Needs", key="card_needs", height=68, placeholder="What they are looking for: hiring a designer")
        st.button("Save notes", on_click=save_notes, args=(person.id, person.name), icon=":material/save:")
        show("card_notes")
    show_history(card)
    show_give_take(card)


def show_history(card: PersonCard) -> None:
    st.markdown("**Recent contact**")
    if not card.recent:
        st.caption("Nothing logged with them yet.")
        return
    st.dataframe(
        [
            {
                "When": f"{i.happened_on:%d %b %Y}",
                "What": INTERACTION_KINDS.get(i.kind, i.kind),
                "How": CHANNELS.get(i.channel, i.channel),
                "Note": i.note,
            }
            for i in card.recent
        ],
        hide_index=True,
        width="stretch",
    )


def show_give_take(card: PersonCard) -> None:
    person, tally = card.person, card.tally
    st.markdown(
        f"**Give and take with {literal(person.name)}** · {describe_balance(tally.balance)}  \n"
        f"You gave **{tally.gave}** and received **{tally.received}** (weighted): balance **{signed(tally.balance)}**."
    )
    st.markdown("Ways to give back, from your notes:\n" + "\n".join(f"- {literal(i.text)}" for i in card.give_backs))
    if card.ledger:
        st.dataframe(
            [
                {
                    "When": f"{e.happened_on:%d %b %Y}",
                    "Direction": LEDGER_DIRECTIONS[e.direction],
                    "What": LEDGER_KINDS.get(e.kind, e.kind),
                    "Weight": e.weight,
                    "Note": e.note,
                }
                for e in card.ledger
            ],
            hide_index=True,
            width="stretch",
        )
        labels = {
            e.id: f"{e.happened_on:%d %b %Y} · {LEDGER_DIRECTIONS[e.direction]}: "
            f"{LEDGER_KINDS.get(e.kind, e.kind).lower()} (weight {e.weight})"
            for e in card.ledger
        }
        pick, remove = st.columns([3, 1], vertical_alignment="bottom")
        pick.selectbox(
            "Remove an entry made by mistake",
            list(labels),
            format_func=labels.get,
            index=None,
            placeholder="Choose an entry",
            key="card_remove_pick",
        )
        remove.button("Remove entry", on_click=remove_give_take, args=(person.name,), icon=":material/delete:")
    show("card_remove")  # outside the list: removing the last entry hides it
    st.markdown("**Record something given or received**")
    direction, kind, weight = st.columns(3)
    direction.radio(
        "Direction", list(LEDGER_DIRECTIONS), format_func=LEDGER_DIRECTIONS.get, key="card_direction", horizontal=True
    )
    chosen = kind.selectbox("What", list(LEDGER_KINDS), format_func=LEDGER_KINDS.get, key="card_ledger_kind")
    if st.session_state.get("_weight_kind") != chosen:
        st.session_state["_weight_kind"] = chosen
        st.session_state["card_weight"] = default_weight(chosen)
    weight.number_input("Weight (1 small – 5 large)", step=1, key="card_weight")
    when, note = st.columns([1, 2])
    when.date_input("When", value=today, max_value=today, key="card_ledger_on", format="DD/MM/YYYY")
    note.text_input("Note (optional)", key="card_ledger_note", max_chars=upkeep.MAX_NOTE_CHARS)
    st.button("Record", on_click=record_give_take, args=(person.id, person.name), icon=":material/volunteer_activism:")
    show("card_ledger")


def show_balance() -> None:
    balance = cached(workbook, upkeep.balance_overview)
    chart, reading = st.columns([3, 2])
    if balance.extremes:
        chart.vega_lite_chart(spec=chart_spec(workbook, give_take_balance, balance.extremes), width="stretch")
    reading.markdown(literal(balance.reading))
    reading.markdown("**The weights** (you can change each entry's weight when you record it):")
    reading.dataframe(
        [{"What": LEDGER_KINDS[k], "Weight": w} for k, w in sorted(DEFAULT_WEIGHTS.items(), key=lambda kw: kw[1])],
        hide_index=True,
        width="stretch",
    )


start_page(
    "maintain",
    "A network you keep up matters as much as one you build. Choose the few people who matter most "
    "and set how often to be in touch; work down the rest of the list a few people a week; note what "
    "is going on in their lives; and give back as often as you ask.",
)
# The plan tab's slider comes later in the page; its value is in the session before this run starts.
view = cached(workbook, upkeep.overview, today, st.session_state.get(WEEKS_KEY, DEFAULT_WEEKS))
st.markdown(
    f"**{view.key_contacts:,}** key {'contact' if view.key_contacts == 1 else 'contacts'} · "
    f"**{view.overdue:,}** overdue · give/take balance **{signed(view.balance)}**"
)

next_tab, plan_tab, card_tab, balance_tab = st.tabs(
    ["Who to contact next", "Weekly schedule", CARD_TAB, "Give and take"], key=TAB_KEY, on_change="rerun"
)
with next_tab:
    show_next(view)
with plan_tab:
    show_plan(view)
with card_tab:
    show_card()
with balance_tab:
    show_balance()
credit_article()
