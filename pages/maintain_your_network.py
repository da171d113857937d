"""Tip 6 · Take the time to maintain your network: who to contact next, a weekly plan, give and take."""

from datetime import UTC, date, datetime

import streamlit as st

from charts.maintenance import give_take_balance, reconnect_schedule
from core.model import CHANNELS, CIRCLES, INTERACTION_KINDS, LEDGER_DIRECTIONS, LEDGER_KINDS, TIES
from core.priority import Suggestion, describe_days, rank_contacts
from core.reciprocity import DEFAULT_WEIGHTS, default_weight, describe_balance, describe_balances, suggest_give_backs
from core.schedule import (
    CADENCE_CHOICES,
    DEFAULT_WEEKS,
    Pick,
    Schedule,
    describe_cadence,
    describe_schedule,
    first_due,
    plan_weeks,
)
from fileio.ical import FILE_NAME, MEDIA_TYPE, export_schedule
from store import InvalidInput, Workbook
from store import contacts as people
from store import maintenance as upkeep
from store.interactions import log_interaction, recent_interactions
from ui.cache import cached, chart_spec
from ui.session import current_workbook
from ui.text import literal
from ui.widgets import credit_article, flash, set_flash

OTHER_CADENCE = "Another number of days"
SHOWN = 10
TAB_KEY = "tip6_tab"
CARD_TAB = "A person's card"
KEY_ROWS = 50
workbook = current_workbook()
today = date.today()


def ranked_list(book: Workbook, on: date) -> list[Suggestion]:
    """Everyone on the list, best first (called through `cached`, so once per workbook version)."""
    return rank_contacts(upkeep.load_candidates(book, on), on)


def planned_weeks(book: Workbook, on: date, weeks: int) -> Schedule:
    capacity = upkeep.get_capacity(book)
    keys = upkeep.list_key_contacts(book)
    picks = [
        Pick(s.contact_id, s.name, s.summary) for s in cached(book, ranked_list, on)[: capacity * weeks + len(keys)]
    ]
    return plan_weeks(keys, picks, on, capacity=capacity, weeks=weeks)


def calendar_file(book: Workbook, on: date, weeks: int) -> bytes:
    return export_schedule(cached(book, planned_weeks, on, weeks), datetime.now(UTC))


# --- callbacks (they run before the next script run, so the page shows the new state) ----------


def log_catch_up(contact_id: int, name: str, flash_key: str) -> None:
    log_interaction(workbook, contact_id, today, "catch_up", today=today)
    set_flash("success", f"Logged a catch-up with {literal(name)} today; they move down the list.", flash_key)


def open_card(contact_id: int, name: str) -> None:
    st.session_state.update(
        {"card_search": name, "card_pick": contact_id, "_card_wanted": (contact_id, name), TAB_KEY: CARD_TAB}
    )


def save_capacity() -> None:
    try:
        upkeep.set_capacity(workbook, _whole(st.session_state.get("capacity")))
    except InvalidInput as error:
        set_flash("error", f"{error} Nothing was saved.", "_plan_flash")
        return
    set_flash("success", f"Saved: {st.session_state['capacity']} people a week.", "_plan_flash")


def save_key(contact_id: int, name: str) -> None:
    state = st.session_state
    try:
        if not state.get("card_is_key"):
            upkeep.unset_key_contact(workbook, contact_id)
            set_flash("success", f"{literal(name)} is no longer a key contact.", "_card_flash")
            return
        choice = state.get("card_cadence")
        days = _whole(state.get("card_days")) if choice == OTHER_CADENCE else CADENCE_CHOICES[choice]
        upkeep.set_key_contact(workbook, contact_id, days)
    except InvalidInput as error:
        set_flash("error", f"{error} Nothing was saved.", "_card_flash")
        return
    set_flash("success", f"{literal(name)} is a key contact: {describe_cadence(days)}.", "_card_flash")


def save_notes(contact_id: int, name: str) -> None:
    notes = {f: st.session_state.get(f"card_{f}", "") or "" for f in upkeep.NOTE_FIELDS}
    try:
        upkeep.save_person_notes(workbook, contact_id, **notes)
    except InvalidInput as error:
        set_flash("error", f"{error} Nothing was saved.", "_card_flash")
        return
    set_flash("success", f"Saved the notes on {literal(name)}.", "_card_flash")


def log_contact(contact_id: int, name: str) -> None:
    state = st.session_state
    try:
        log_interaction(
            workbook,
            contact_id,
            state.get("card_log_on") or today,
            state.get("card_log_kind", "catch_up"),
            channel=state.get("card_log_channel", ""),
            today=today,
        )
    except InvalidInput as error:
        set_flash("error", f"{error} Nothing was saved.", "_card_flash")
        return
    set_flash(
        "success",
        f"Logged: {INTERACTION_KINDS[state.get('card_log_kind', 'catch_up')].lower()} with {literal(name)}.",
        "_card_flash",
    )


def record_give_take(contact_id: int, name: str) -> None:
    state = st.session_state
    try:
        upkeep.add_ledger_entry(
            workbook,
            contact_id,
            state.get("card_ledger_on") or today,
            state.get("card_direction", "gave"),
            state.get("card_ledger_kind", "thank_you"),
            _whole(state.get("card_weight")),
            today=today,
            note=state.get("card_ledger_note", "") or "",
        )
    except InvalidInput as error:
        set_flash("error", f"{error} Nothing was saved.", "_card_flash")
        return
    state["card_ledger_note"] = ""
    set_flash("success", f"Recorded in the give-and-take with {literal(name)}.", "_card_flash")


def plural(count: int, one: str, many: str) -> str:
    return f"{count:,} {one if count == 1 else many}"


def signed(number: int) -> str:
    """+3, -2, or a plain 0."""
    return f"{number:+d}" if number else "0"


def remove_give_take(name: str) -> None:
    entry_id = st.session_state.get("card_remove_pick")
    if entry_id is None:
        set_flash("error", "Choose the entry to remove first; nothing was removed.", "_card_flash")
        return
    upkeep.delete_ledger_entry(workbook, entry_id)
    st.session_state["card_remove_pick"] = None
    set_flash("success", f"Removed the entry from the give-and-take with {literal(name)}.", "_card_flash")


def _whole(value) -> object:
    """A number input's value as an int when it is a whole number (the store names anything else)."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


# --- sections ------------------------------------------------------------------------------------


def show_next() -> None:
    flash("_next_flash")
    ranked = cached(workbook, ranked_list, today)
    if not ranked and not cached(workbook, people.count_contacts):
        st.info(
            "Nobody is listed yet. Start with tip 1: list the people you know, circle by circle.",
            icon=":material/info:",
        )
        st.page_link("pages/know_your_network.py", label="Tip 1 · Know your network", icon=":material/groups:")
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
            args=(s.contact_id, s.name, "_next_flash"),
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


def show_plan() -> None:
    flash("_plan_flash")
    left, middle, right = st.columns([1, 1, 1], vertical_alignment="bottom")
    if "capacity" not in st.session_state:
        st.session_state["capacity"] = upkeep.get_capacity(workbook)
    left.number_input(
        "People a week (capacity)", step=1, key="capacity", help="How many people you can contact in a week; 1 to 50."
    )
    middle.button("Save capacity", on_click=save_capacity, icon=":material/save:")
    weeks = right.slider("Weeks to plan", 2, 12, DEFAULT_WEEKS, key="plan_weeks")
    plan = cached(workbook, planned_weeks, today, weeks)
    chart, reading = st.columns([3, 2])
    chart.vega_lite_chart(spec=chart_spec(workbook, reconnect_schedule, plan), width="stretch")
    reading.markdown(describe_schedule(plan))
    reading.download_button(
        "Download the calendar (.ics)",
        data=lambda: cached(workbook, calendar_file, today, weeks),
        file_name=FILE_NAME,
        mime=MEDIA_TYPE,
        icon=":material/calendar_month:",
        help="Key contacts recur at their cadence in your calendar app.",
    )
    rows = [{"Day": f"{s.on:%a %d %b}", "Who": s.name, "Why": s.reason} for s in plan.weeks[0].slots]
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
    matches, total = people.search_contacts(workbook, query, limit=20)
    wanted_id, wanted_name = st.session_state.get("_card_wanted") or (None, None)
    if query == wanted_name and wanted_id not in {c.id for c in matches}:
        person = people.get_contact(workbook, wanted_id)  # opened from the list: keep them among the choices
        matches = [person, *matches] if person else matches
    if not matches:
        st.caption(f"Nobody matches “{literal(query)}”.")
        return None
    names = {c.id: c.name + (f" · {c.company}" if c.company else "") for c in matches}
    more = f" (first 20 of {total:,}; type more to narrow)" if total > 20 else ""
    return st.selectbox(f"Person{more}", list(names), format_func=names.get, key="card_pick")


def show_key_contacts() -> None:
    keys = cached(workbook, upkeep.list_key_contacts, KEY_ROWS)
    if not keys:
        st.caption("No key contacts yet: open someone's card and mark them as a key contact.")
        return
    rows = sorted(
        (
            {
                "Next due": first_due(k.cadence_days, k.last_contacted_on, today),
                "Who": k.name,
                "How often": describe_cadence(k.cadence_days),
                "Last in touch": f"{k.last_contacted_on:%d %b %Y}" if k.last_contacted_on else "never",
            }
            for k in keys
        ),
        key=lambda row: (row["Next due"], row["Who"].casefold()),
    )
    total = cached(workbook, upkeep.count_key_contacts)
    st.markdown(
        f"**Your key contacts** ({total:,}" + (f"; the {KEY_ROWS} longest waiting" if total > KEY_ROWS else "") + ")"
    )
    st.dataframe(
        [{**row, "Next due": "today" if row["Next due"] == today else f"{row['Next due']:%d %b %Y}"} for row in rows],
        hide_index=True,
        width="stretch",
    )


def load_card(person) -> None:
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
    flash("_card_flash")
    contact_id = pick_person()
    person = people.get_contact(workbook, contact_id) if contact_id is not None else None
    if person is None:
        return
    load_card(person)
    where = " · ".join(
        x for x in (person.role, person.company, CIRCLES.get(person.circle, ""), TIES.get(person.tie, "")) if x
    )
    st.markdown(f"### {literal(person.name)}\n{literal(where)}")
    last = person.last_contacted_on
    seen = (
        f"last in touch {last:%d %b %Y} ({describe_days((today - last).days)} ago)" if last else "no contact logged yet"
    )
    due = ""
    if person.is_key and person.cadence_days:
        due_on = first_due(person.cadence_days, last, today)
        when = "today" if due_on == today else f"{due_on:%d %b %Y}"
        due = f"; next due {when} ({describe_cadence(person.cadence_days)})"
    st.caption(f"{seen[0].upper()}{seen[1:]}{due}.")
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
        st.markdown("**Log a contact**")
        st.selectbox("What happened", list(INTERACTION_KINDS), format_func=INTERACTION_KINDS.get, key="card_log_kind")
        st.selectbox("How", list(CHANNELS), format_func=CHANNELS.get, key="card_log_channel")
        st.date_input("When", value=today, max_value=today, key="card_log_on", format="DD/MM/YYYY")
        st.button("Log it", on_click=log_contact, args=(person.id, person.name), icon=":material/history_edu:")
    with notes_col:
        st.markdown("**Notes to remember**")
        st.text_area("Family", key="card_family", height=68, placeholder="Partner, children, what is going on at home")
        st.text_area("Job", key="card_job_notes", height=68, placeholder="Role, team, news at work")
        st.text_area("Interests", key="card_interests", height=68, placeholder="Separate with commas: jazz, cycling")
        st.text_area("Needs", key="card_needs", height=68, placeholder="What they are looking for: hiring a designer")
        st.button("Save notes", on_click=save_notes, args=(person.id, person.name), icon=":material/save:")
    show_history(person)
    show_give_take(person)


def show_history(person) -> None:
    recent = recent_interactions(workbook, person.id, limit=5)
    st.markdown("**Recent contact**")
    if not recent:
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
            for i in recent
        ],
        hide_index=True,
        width="stretch",
    )


def show_give_take(person) -> None:
    tally = upkeep.tally_person(workbook, person.id)
    st.markdown(
        f"**Give and take with {literal(person.name)}** · {describe_balance(tally.balance)}  \n"
        f"You gave **{tally.gave}** and received **{tally.received}** (weighted): balance **{signed(tally.balance)}**."
    )
    ideas = suggest_give_backs(person.interests, person.needs, person.family, person.job_notes)
    st.markdown("Ways to give back, from your notes:\n" + "\n".join(f"- {literal(i.text)}" for i in ideas))
    entries = upkeep.list_ledger(workbook, person.id, limit=10)
    if entries:
        st.dataframe(
            [
                {
                    "When": f"{e.happened_on:%d %b %Y}",
                    "Direction": LEDGER_DIRECTIONS[e.direction],
                    "What": LEDGER_KINDS.get(e.kind, e.kind),
                    "Weight": e.weight,
                    "Note": e.note,
                }
                for e in entries
            ],
            hide_index=True,
            width="stretch",
        )
        labels = {
            e.id: f"{e.happened_on:%d %b %Y} · {LEDGER_DIRECTIONS[e.direction]}: "
            f"{LEDGER_KINDS.get(e.kind, e.kind).lower()} (weight {e.weight})"
            for e in entries
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


def show_balance() -> None:
    overall = cached(workbook, upkeep.tally_everyone)
    extremes = cached(workbook, upkeep.balance_extremes, 10)
    chart, reading = st.columns([3, 2])
    if extremes:
        chart.vega_lite_chart(spec=chart_spec(workbook, give_take_balance, extremes), width="stretch")
    reading.markdown(literal(describe_balances(overall, extremes)))
    reading.markdown("**The weights** (you can change each entry's weight when you record it):")
    reading.dataframe(
        [{"What": LEDGER_KINDS[k], "Weight": w} for k, w in sorted(DEFAULT_WEIGHTS.items(), key=lambda kw: kw[1])],
        hide_index=True,
        width="stretch",
    )


st.title("6 · Take the time to maintain your network")
st.markdown(
    "A network you keep up matters as much as one you build. Choose the few people who matter most "
    "and set how often to be in touch; work down the rest of the list a few people a week; note what "
    "is going on in their lives; and give back as often as you ask."
)
key_count = cached(workbook, upkeep.count_key_contacts)
overdue = sum(1 for s in cached(workbook, ranked_list, today) if any(r.code == "overdue" for r in s.reasons))
balance = cached(workbook, upkeep.tally_everyone).balance
st.markdown(
    f"**{key_count:,}** key {'contact' if key_count == 1 else 'contacts'} · **{overdue:,}** overdue · "
    f"give/take balance **{signed(balance)}**"
)

next_tab, plan_tab, card_tab, balance_tab = st.tabs(
    ["Who to contact next", "Weekly schedule", CARD_TAB, "Give and take"], key=TAB_KEY, on_change="rerun"
)
with next_tab:
    show_next()
with plan_tab:
    show_plan()
with card_tab:
    show_card()
with balance_tab:
    show_balance()
credit_article()
