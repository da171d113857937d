"""Tip 6 · Take the time to maintain your network: who to contact next, a weekly plan, give and take."""

from dataclasses import replace
from datetime import date, datetime

import streamlit as st

from charts.maintenance import give_take_balance, reconnect_schedule
from core.errors import ChangedSinceOpened
from core.followthrough import HelpLoop
from core.model import (
    CHANNELS,
    INTERACTION_KINDS,
    LEDGER_DIRECTIONS,
    LEDGER_KINDS,
    RECONNECT_PRIORITIES,
    RECONNECT_REASONS,
    Contact,
)
from core.priority import Suggestion, split_contacted_today
from core.reciprocity import DEFAULT_WEIGHTS, default_weight, describe_balance
from core.schedule import CADENCE_CHOICES, DEFAULT_WEEKS, describe_schedule
from core.text import distinct_labels, person_labels, plural
from services import followthrough, plan, upkeep
from services.upkeep import PersonCard
from ui.action_list import GOT_IN_TOUCH, Action, Row, action_list
from ui.cache import cached, chart_spec
from ui.downloads import personal_download_button
from ui.feedback import run_save, show
from ui.followthrough import loop_actions, loop_list, open_report, press_loop
from ui.page import credit_article, start_page
from ui.registry import link
from ui.session import current_workbook
from ui.text import literal, markdown_table
from ui.widgets import draw_open_tab, draw_when_open, held_place

OTHER_CADENCE = "Another number of days"
DRAFTS_KEY = "_card_drafts"
FIELD_WORDS = {
    "is_key": "key contact",
    "cadence_days": "how often",
    "family": "family",
    "job_notes": "job",
    "interests": "interests",
    "needs": "needs",
    "reconnect": "reconnect list",
    "reconnect_priority": "priority",
}
SHOWN_STEP = 5  # people listed at first under "Who to contact next", and added by each "Show more"
SHOWN_KEY = "next_shown"
RECONNECT_KEY = "reconnect_open"
TAB_KEY = "tip6_tab"
CARD_TAB = "A person's card"
WEEKS_KEY = "plan_weeks"
KEPT_ACROSS_TABS = (WEEKS_KEY, "capacity", "card_search", "card_pick", "_card_wanted", RECONNECT_KEY)
KEY_ROWS = 50
CARD_PART_KEY = "card_part"
LOG_PART, NOTES_PART, GIVE_PART = "Log a contact", "Key contact and notes", "Given and received"
# What is chosen in one part of the card stays while another part is open (dates go back to today).
# The notes need not: they are kept as a draft (DRAFTS_KEY) and come back from it.
CARD_PART_FIELDS = ("card_log_kind", "card_log_channel", "card_direction", "card_ledger_kind", "card_ledger_note")
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


def form_values() -> dict[str, object]:
    """The card's values as the form shows them now."""
    state = st.session_state
    choice = state.get("card_cadence")
    days = state.get("card_days") if choice == OTHER_CADENCE else CADENCE_CHOICES.get(choice)
    values: dict[str, object] = {
        "is_key": bool(state.get("card_is_key")),
        "cadence_days": days if state.get("card_is_key") else None,
        "reconnect": state.get("card_reconnect") or "",
        "reconnect_priority": state.get("card_reconnect_priority") if state.get("card_reconnect") else None,
    }
    values.update({f: state.get(f"card_{f}", "") or "" for f in upkeep.NOTE_FIELDS})
    return values


def show_values(values: dict[str, object]) -> None:
    """Put a card's values in the form's widgets."""
    state = st.session_state
    state["card_is_key"] = bool(values["is_key"])
    named = {days: label for label, days in CADENCE_CHOICES.items()}
    cadence = values["cadence_days"]
    state["card_cadence"] = named.get(cadence, OTHER_CADENCE if cadence else "Monthly")
    state["card_days"] = cadence or 30
    for f in upkeep.NOTE_FIELDS:
        state[f"card_{f}"] = values[f] or ""
    state["card_reconnect"] = values["reconnect"] or ""
    state["card_reconnect_priority"] = values["reconnect_priority"] or 2


def save_card(contact_id: int, name: str) -> None:
    state = st.session_state

    def save() -> str:
        try:
            changed = upkeep.save_card(workbook, contact_id, state.get("_card_seen") or {}, form_values())
        except ChangedSinceOpened as error:
            if isinstance(error.fresh, Contact):  # show what is saved now, as the message says
                state["_card_seen"] = upkeep.card_values(error.fresh)
                show_values(state["_card_seen"])
                state.get(DRAFTS_KEY, {}).pop(contact_id, None)
            raise
        state["_card_seen"] = upkeep.clean_card(form_values())
        state.get(DRAFTS_KEY, {}).pop(contact_id, None)
        if not changed:
            return f"Nothing had changed on {literal(name)}'s card."
        return f"Saved {literal(name)}'s card ({', '.join(FIELD_WORDS[f] for f in changed)})."

    run_save("card", save)


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


def show_next() -> None:
    show("next")
    ranked = cached(workbook, upkeep.overview, today, st.session_state.get(WEEKS_KEY, DEFAULT_WEEKS)).ranked
    if not ranked and not line.people:
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
    ahead, rested = split_contacted_today(list(ranked))
    shown = st.session_state.get(SHOWN_KEY, SHOWN_STEP)
    loops = cached(workbook, followthrough.open_loop_by_person, tuple(x.contact_id for x in ahead[:shown]))
    top = f"; the top {min(shown, len(ahead))}" if len(ahead) > shown else ""
    if ahead:
        st.caption(
            f"{plural(len(ahead), 'person', 'people')} to contact next{top}, highest score first, with the reasons:"
        )
    show_suggestions("next", ahead[:shown], loops)
    if len(ahead) > shown:
        st.button(f"Show {SHOWN_STEP} more", key="show_more", on_click=show_more, icon=":material/expand_more:")
    if rested:
        st.markdown(f"**In touch today** ({len(rested):,})")
        st.caption(
            "You were in touch with them today, so they rest here until tomorrow whatever their score; "
            "the reasons stay for next time."
        )
        show_suggestions("rested", rested[:SHOWN_STEP], {})


def show_more() -> None:
    st.session_state[SHOWN_KEY] = st.session_state.get(SHOWN_KEY, SHOWN_STEP) + SHOWN_STEP


OPEN_CARD = Action("open_card", "Open card", help="Notes, give and take, and ways to give back", icon="badge")


def show_suggestions(key: str, suggestions: list[Suggestion], loops: dict[int, HelpLoop]) -> None:
    """A row a person: place, name, score and reasons; the buttons of their open loop, if any, and two more."""
    by_id = {str(s.contact_id): s for s in suggestions}
    rows = [
        Row(
            row_id,
            f"{place}. {s.name}",
            after=f" (score {s.score})",
            lines=tuple(f"· {r.text}" for r in s.reasons) or (f"· {s.summary}",),
            actions=(loop_actions(loops[s.contact_id]) if s.contact_id in loops else ())
            + (
                replace(GOT_IN_TOUCH, disabled=s.contacted_today),
                OPEN_CARD,
            ),
        )
        for place, (row_id, s) in enumerate(by_id.items(), start=1)
    ]

    def pressed(row: Row, action: str) -> None:
        s = by_id[row.id]
        if action == GOT_IN_TOUCH.name:
            log_catch_up(s.contact_id, s.name)
        elif action == OPEN_CARD.name:
            open_card(s.contact_id, s.name)
        else:
            press_loop(workbook, loops[s.contact_id], action, "next", "next")

    below = open_report(workbook, ((str(c), loop) for c, loop in loops.items() if str(c) in by_id), "next", "next")
    action_list(key, rows, pressed, below=below)


def show_reconnect_list() -> None:
    people = cached(workbook, upkeep.reconnect_list)
    if not people:
        st.caption(
            "Nobody on it yet. On a person's card, choose why you want to reconnect (to reconnect, because "
            "you value their view, or to know them better) and your priority: they join the list above."
        )
        return
    st.dataframe(
        [
            {
                "Who": c.name,
                "Why": RECONNECT_REASONS.get(c.reconnect, ""),
                "Your priority": RECONNECT_PRIORITIES.get(c.reconnect_priority or 2, ""),
                "Last in touch": f"{c.last_contacted_on:%d %b %Y}" if c.last_contacted_on else "never",
            }
            for c in people
        ],
        hide_index=True,
        width="stretch",
    )


def show_plan() -> None:
    left, middle, right = st.columns([1, 1, 1], vertical_alignment="bottom")
    if "capacity" not in st.session_state:
        st.session_state["capacity"] = upkeep.capacity(workbook)
    left.number_input(
        "People a week (capacity)", step=1, key="capacity", help="How many people you can contact in a week; 1 to 50."
    )
    middle.button("Save capacity", on_click=save_capacity, icon=":material/save:")
    st.session_state.setdefault(WEEKS_KEY, DEFAULT_WEEKS)
    weeks = right.slider("Weeks to plan", 2, 12, key=WEEKS_KEY)
    show("plan")
    schedule = cached(workbook, upkeep.overview, today, weeks).schedule
    chart, reading = st.columns([3, 2])
    chart.vega_lite_chart(spec=chart_spec(workbook, reconnect_schedule, schedule), width="stretch")
    reading.markdown(describe_schedule(schedule))
    with reading:
        personal_download_button(
            "Download the calendar (.ics)",
            lambda: plan.calendar_file(workbook, datetime.now().astimezone(), weeks),
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
    matches, total = cached(workbook, upkeep.find_people, query, wanted_id if query == wanted_name else None)
    if not matches:
        st.caption(f"Nobody matches “{literal(query)}”.")
        return None
    names = person_labels(matches)
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


def load_card(person: Contact, notes_open: bool) -> None:
    """Fill the form from what is saved, or from the unsaved changes left on this card earlier.

    While the notes are closed, refill it every run: a form Streamlit has not drawn for a run can
    show the values it was first given, not the ones typed since."""
    state = st.session_state
    if state.get("_card_id") != person.id:
        state["_card_id"] = person.id
        state["card_remove_pick"] = None
    elif notes_open and "card_family" in state:
        return
    draft = state.get(DRAFTS_KEY, {}).get(person.id)
    if draft is not None:
        state["_card_seen"] = draft["seen"]
        show_values(draft["values"])
    else:
        state["_card_seen"] = upkeep.card_values(person)
        show_values(state["_card_seen"])


def keep_draft(person: Contact, unsaved: list[str]) -> None:
    """Remember unsaved changes outside the widgets, so leaving the card (or the page) does not lose them."""
    drafts = st.session_state.setdefault(DRAFTS_KEY, {})
    if unsaved:
        drafts[person.id] = {"name": person.name, "seen": st.session_state["_card_seen"], "values": form_values()}
    else:
        drafts.pop(person.id, None)


def warn_other_drafts(shown_id: int | None) -> None:
    """Say so when another person's card has changes not yet saved."""
    others = [d["name"] for i, d in st.session_state.get(DRAFTS_KEY, {}).items() if i != shown_id]
    with held_place():  # above the card, which keeps its place when the warning comes and goes
        if others:
            st.warning(
                f"Unsaved changes on the card of {literal(', '.join(others))}: open it again to save them "
                "(they are kept while this tab stays open).",
                icon=":material/edit_note:",
            )


def show_card() -> None:
    contact_id = pick_person()
    card = cached(workbook, upkeep.person_card, contact_id, today) if contact_id is not None else None
    warn_other_drafts(card.person.id if card else None)
    if card is None:
        return
    person = card.person
    notes_open = st.session_state.get(CARD_PART_KEY, LOG_PART) == NOTES_PART
    load_card(person, notes_open)
    st.markdown(f"### {literal(person.name)}\n{literal(card.where)}")
    st.caption(f"{card.timing} Give and take: {describe_balance(card.tally.balance).lower()}.")
    show_follow_through(person)
    with held_place():  # above the card's parts, which keep their place when the warning comes and goes
        if not notes_open:
            warn_unsaved_notes(person.id)
    # One part of the card at a time: the whole card was four forms and three tables in every run.
    draw_open_tab(
        {
            LOG_PART: lambda: show_log_contact(card),
            NOTES_PART: lambda: show_notes(person),
            GIVE_PART: lambda: show_give_take(card),
        },
        CARD_PART_KEY,
        kept=CARD_PART_FIELDS,
    )


def warn_unsaved_notes(contact_id: int) -> None:
    """Say so when this card's notes have changes not yet saved, while another part of the card is open."""
    draft = st.session_state.get(DRAFTS_KEY, {}).get(contact_id)
    unsaved = upkeep.unsaved_fields(draft["seen"], draft["values"]) if draft else []
    if unsaved:
        st.warning(f"{unsaved_line(unsaved)} Open “{NOTES_PART}” to save them.", icon=":material/edit_note:")


def unsaved_line(unsaved: list[str]) -> str:
    return f"Unsaved changes: {', '.join(FIELD_WORDS[f] for f in unsaved)}."


def show_notes(person: Contact) -> None:
    key_col, notes_col = st.columns(2)
    with key_col:
        st.markdown("**Key contact**")
        st.toggle("A key contact: someone crucial to my network", key="card_is_key")
        st.selectbox("How often to be in touch", [*CADENCE_CHOICES, OTHER_CADENCE], key="card_cadence")
        st.number_input(
            "Days between contacts",
            step=1,
            key="card_days",
            help="A whole number of days, at least 1.",
            disabled=st.session_state.get("card_cadence") != OTHER_CADENCE,
        )
        st.markdown("**Your reconnect list**")
        st.selectbox(
            "Why reconnect",
            ["", *RECONNECT_REASONS],
            format_func=lambda k: RECONNECT_REASONS.get(k, "Not on my reconnect list"),
            key="card_reconnect",
        )
        st.radio(
            "Your priority",
            list(RECONNECT_PRIORITIES),
            format_func=RECONNECT_PRIORITIES.get,
            key="card_reconnect_priority",
            horizontal=True,
            disabled=not st.session_state.get("card_reconnect"),
        )
    with notes_col:
        st.markdown("**Notes to remember**")
        st.text_area("Family", key="card_family", height=68, placeholder="Partner, children, what is going on at home")
        st.text_area("Job", key="card_job_notes", height=68, placeholder="Role, team, news at work")
        st.text_area("Interests", key="card_interests", height=68, placeholder="Separate with commas: jazz, cycling")
        st.text_area("Needs", key="card_needs", height=68, placeholder="What they are looking for: hiring a designer")
    unsaved = upkeep.unsaved_fields(st.session_state["_card_seen"], form_values())
    keep_draft(person, unsaved)
    save_col, said_col = st.columns([1, 3], vertical_alignment="center")
    save_col.button(
        "Save the card",
        type="primary",
        on_click=save_card,
        args=(person.id, person.name),
        icon=":material/save:",
        help="Key contact, reconnect list and notes, in one save",
    )
    with said_col:
        show("card")
        if unsaved:
            st.warning(
                f"{unsaved_line(unsaved)} Save the card to keep them.",
                icon=":material/edit_note:",
            )


def show_follow_through(person: Contact) -> None:
    loops = cached(workbook, followthrough.person_loops, person.id)
    show("card_loop")
    loop_list(workbook, loops, "card_loop", "card")


def show_log_contact(card: PersonCard) -> None:
    person = card.person
    what, how, when = st.columns(3)
    what.selectbox("What happened", list(INTERACTION_KINDS), format_func=INTERACTION_KINDS.get, key="card_log_kind")
    how.selectbox("How", list(CHANNELS), format_func=CHANNELS.get, key="card_log_channel")
    when.date_input("When", value=today, max_value=today, key="card_log_on", format="DD/MM/YYYY")
    log_col, said_col = st.columns([1, 3], vertical_alignment="center")
    log_col.button("Log it", on_click=log_contact, args=(person.id, person.name), icon=":material/history_edu:")
    with said_col:
        show("card_log")
    show_history(card)


def show_history(card: PersonCard) -> None:
    if not card.recent:
        st.markdown("**Recent contact**")
        st.caption("Nothing logged with them yet.")
        return
    rows = [
        {
            "When": f"{i.happened_on:%d %b %Y}",
            "What": INTERACTION_KINDS.get(i.kind, i.kind),
            "How": CHANNELS.get(i.channel, i.channel),
            "Note": i.note,
        }
        for i in card.recent
    ]
    st.markdown(markdown_table(rows, "**Recent contact**"))


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
        labels = distinct_labels(
            {
                e.id: f"{e.happened_on:%d %b %Y} · {LEDGER_DIRECTIONS[e.direction]}: "
                f"{LEDGER_KINDS.get(e.kind, e.kind).lower()} (weight {e.weight})"
                for e in card.ledger
            }
        )
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
line = cached(workbook, upkeep.counts, today)
st.markdown(
    f"**{line.key_contacts:,}** key {'contact' if line.key_contacts == 1 else 'contacts'} · "
    f"**{line.overdue:,}** overdue · give/take balance **{signed(line.balance)}**"
)


def show_who_next() -> None:
    show_next()
    draw_when_open("Your reconnect list", show_reconnect_list, RECONNECT_KEY, icon=":material/replay:")


# The plan's settings and the card's search are kept while another tab is open.
draw_open_tab(
    {
        "Who to contact next": show_who_next,
        "Weekly schedule": show_plan,
        CARD_TAB: show_card,
        "Give and take": show_balance,
    },
    TAB_KEY,
    kept=KEPT_ACROSS_TABS,
)
credit_article()
