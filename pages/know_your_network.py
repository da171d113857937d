"""Tip 1 · You know more people than you think: list people circle by circle."""

import streamlit as st

from charts.network import GROWTH_HEIGHT, list_growth, people_per_circle
from core.errors import ChangedSinceOpened
from core.model import CIRCLE_PROMPTS, CIRCLES, TIES, ContactDraft
from core.text import person_label, person_labels, plural
from services import people
from ui.cache import cached, show_chart
from ui.feedback import run_save, show
from ui.forms import clear_form, start_form
from ui.page import credit_article, start_page
from ui.session import current_workbook
from ui.text import literal
from ui.widgets import draw_open_tab, filter_select, pick_person_id

FIELDS = ("name", "company", "role", "email", "phone", "notes")
# The add form's fields and what each starts at; after every save they all go back to these.
# The circle is not reset: it is where the user is in the circle-by-circle walk, named with its prompt
# above the form, and going back to the first circle after each person would break that walk.
NEW_DEFAULTS = {
    **{f"new_{f}": "" for f in FIELDS},
    "new_tie": "weak",
    "new_second_degree": False,
    "new_introducer_search": "",
}
NEW_FORGET = ("new_introducer_pick",)  # the introducer picked: none until the user picks again
TAB_KEY, LIST_TAB = "know_tab", "Your list"
EDIT_FIELDS = tuple(
    f"edit_{f}" for f in (*FIELDS, "circle", "tie", "no_introducer", "introducer_search", "introducer_pick")
)
# Widgets whose values must outlive a visit to another tab: a half-typed person, the list's filters
# and a half-made edit are where the user left them when they come back.
KEPT_ACROSS_TABS = (
    *NEW_DEFAULTS,
    "new_circle",
    *NEW_FORGET,
    "list_search",
    "list_circle",
    "list_tie",
    "list_page",
    "edit_pick",
    *EDIT_FIELDS,
    "trash_pick",
)
workbook = current_workbook()


def draft_from_state(prefix: str, introduced_by: int | None) -> ContactDraft:
    state = st.session_state
    return ContactDraft(
        **{f: state.get(f"{prefix}_{f}", "") or "" for f in FIELDS},
        circle=state.get(f"{prefix}_circle", "friends"),
        tie=state.get(f"{prefix}_tie", "weak"),
        introduced_by=introduced_by,
    )


def add_person(introduced_by: int | None, anyway: bool = False) -> None:
    def action() -> str | None:
        draft = draft_from_state("new", introduced_by)
        pending = st.session_state.pop("_new_duplicate", None)
        confirmed = anyway and pending is not None and pending[0] == draft  # "add anyway" for what was checked
        try:
            person = people.add_person(workbook, draft, save_anyway=confirmed)
        except people.LikelyDuplicate as warning:  # not a refusal: the user may well mean a second person
            matches = tuple((c.id, c.name, c.company) for c in warning.matches)
            st.session_state["_new_duplicate"] = (draft, str(warning), matches)
            return None
        clear_form(NEW_DEFAULTS, NEW_FORGET)
        return f"Added {literal(person.name)} to {CIRCLES[person.circle].lower()}."

    run_save("add", action)


def open_existing(contact_id: int, name: str) -> None:
    """Show the person already listed in the editor of "Your list", and leave the add form as typed."""
    st.session_state.pop("_new_duplicate", None)
    st.session_state.update(list_search=name, edit_pick=contact_id)
    for key in ("list_circle", "list_tie", "list_page"):  # back to "all circles", "both", the first page
        st.session_state.pop(key, None)
    st.session_state[TAB_KEY] = LIST_TAB


def show_duplicate_question() -> None:
    """The person typed looks like someone listed: nothing is saved until the user says which it is."""
    pending = st.session_state.get("_new_duplicate")
    if not pending:
        return
    _, message, matches = pending
    st.warning(literal(message), icon=":material/warning:")
    with st.container(horizontal=True):
        st.button(
            "Add anyway", on_click=add_person, args=(pending[0].introduced_by, True), icon=":material/person_add:"
        )
        for contact_id, name, company in matches[:3]:
            st.button(
                f"Open {person_label(name, company)}",
                on_click=open_existing,
                args=(contact_id, name),
                key=f"open_existing_{contact_id}",
                icon=":material/open_in_new:",
            )


def show_add_form() -> None:
    start_form(NEW_DEFAULTS)
    circle = st.selectbox("Circle", list(CIRCLES), format_func=CIRCLES.get, key="new_circle")
    st.caption(f"Think of: {CIRCLE_PROMPTS[circle]}")
    second_degree = st.toggle(
        "Someone I would meet through a person I know (“my sister's co-worker”)", key="new_second_degree"
    )
    introducer = pick_person_id(workbook, "Who would introduce you?", "new_introducer") if second_degree else None
    # One row of columns per pair, so that on a phone (where columns stack) the fields read in order.
    name_col, company_col = st.columns(2)
    name_col.text_input("Name (required)", key="new_name", max_chars=200)
    company_col.text_input("Company", key="new_company")
    role_col, email_col = st.columns(2)
    role_col.text_input("Role", key="new_role")
    email_col.text_input("Email", key="new_email")
    phone_col, tie_col = st.columns(2)
    phone_col.text_input("Phone", key="new_phone")
    tie_col.radio("Tie", list(TIES), format_func=TIES.get, key="new_tie", horizontal=True)
    st.text_area("Notes", key="new_notes", height=68, placeholder="How you know them, what they do")
    st.button("Add person", type="primary", on_click=add_person, args=(introducer,), icon=":material/person_add:")
    show("add")
    show_duplicate_question()


def show_list() -> None:
    show("undo")
    if "_last_trashed" in st.session_state:
        _, name = st.session_state["_last_trashed"]
        st.warning(f"Moved {literal(name)} to the trash (kept 30 days).", icon=":material/delete:")
        st.button("Undo", on_click=undo_trash, icon=":material/undo:")
    left, middle, right = st.columns([2, 1, 1])
    search = left.text_input("Search name, company, role or email", key="list_search")
    circle = filter_select(middle, "Circle", CIRCLES, "list_circle", "All circles")
    tie = filter_select(right, "Tie", TIES, "list_tie", "Both")
    pages = cached(workbook, people.count_pages, search, circle, tie)
    page = st.number_input(f"Page (of {pages:,})", min_value=1, max_value=pages, key="list_page") if pages > 1 else 1
    listed = cached(workbook, people.list_people, search, circle, tie, page)
    if not listed.total:
        st.info(
            "Nobody matches these filters."
            if (search or circle or tie)
            else "Nobody listed yet: add someone in “Add people”."
        )
        return
    st.caption(f"{plural(listed.total, 'person', 'people')}; showing {len(listed.people)} from #{listed.first:,}.")
    st.dataframe(
        [
            {
                "Name": r.name,
                "Circle": CIRCLES.get(r.circle, r.circle),
                "Tie": r.tie,
                "Company": r.company,
                "Role": r.role,
                "Email": r.email,
                "Introduced by": listed.introducers.get(r.introduced_by, ""),
                "Notes": r.notes,
            }
            for r in listed.people
        ],
        hide_index=True,
        width="stretch",
    )
    show_editor({r.id: r for r in listed.people})


def save_edit(contact_id: int, introduced_by: int | None) -> None:
    def action() -> str:
        try:
            person = people.edit_person(
                workbook,
                contact_id,
                draft_from_state("edit", introduced_by),
                seen=st.session_state.get("_editing_seen"),
            )
        except ChangedSinceOpened as changed:
            load_into_editor(changed.fresh)  # the form shows what is saved now
            raise
        load_into_editor(person)
        return f"Saved {literal(person.name)}."

    run_save("edit", action)


def trash_person(contact_id: int, name: str) -> None:
    def action() -> None:
        people.trash_person(workbook, contact_id)
        st.session_state["_last_trashed"] = (contact_id, name)  # its warning carries the Undo button

    run_save("edit", action)


def undo_trash() -> None:
    contact_id, name = st.session_state.pop("_last_trashed")

    def action() -> str:
        people.restore_people(workbook, [contact_id])
        return f"{literal(name)} is back in your list."

    run_save("undo", action)


def load_into_editor(chosen) -> None:
    st.session_state["_editing_seen"] = chosen  # what the form shows, to save only what the user changes
    for f in FIELDS:
        st.session_state[f"edit_{f}"] = getattr(chosen, f)
    st.session_state["edit_circle"] = chosen.circle if chosen.circle in CIRCLES else "friends"
    st.session_state["edit_tie"] = chosen.tie
    st.session_state["edit_no_introducer"] = False
    st.session_state["edit_introducer_search"] = ""
    st.session_state.pop("edit_introducer_pick", None)


def edit_introducer(person) -> int | None:
    """Who introduced the person being edited: as saved, another person picked, or nobody."""
    names = cached(workbook, people.introducer_name, person.introduced_by)
    st.caption(f"Introduced by {literal(names)}." if names else "Nobody introduced them: you know them yourself.")
    picked = pick_person_id(workbook, "Change who introduced them", "edit_introducer")
    nobody = st.checkbox("Nobody introduced them", key="edit_no_introducer") if person.introduced_by else False
    if nobody:
        return None
    return picked if picked is not None else person.introduced_by


def show_editor(shown: dict) -> None:
    st.subheader("Edit or delete someone on this page")
    labels = person_labels(shown.values())
    contact_id = st.selectbox(
        "Person",
        list(shown),
        format_func=labels.__getitem__,  # raises for a stranger, as the name lookup did (AppTest relies on it)
        key="edit_pick",
        index=None,
        placeholder="Choose someone listed above",
    )
    if contact_id is None:
        return
    if st.session_state.get("_editing_id") != contact_id:
        st.session_state["_editing_id"] = contact_id
        load_into_editor(shown[contact_id])
    for first, second in (("name", "circle"), ("company", "role"), ("email", "phone")):
        first_col, second_col = st.columns(2)
        for column, field in ((first_col, first), (second_col, second)):
            if field == "circle":
                column.selectbox("Circle", list(CIRCLES), format_func=CIRCLES.get, key="edit_circle")
            else:
                column.text_input(field.capitalize(), key=f"edit_{field}", max_chars=200 if field == "name" else None)
    st.radio("Tie", list(TIES), format_func=TIES.get, key="edit_tie", horizontal=True)
    st.text_area("Notes", key="edit_notes", height=68)
    introducer = edit_introducer(st.session_state["_editing_seen"])
    save, delete = st.columns(2)
    save.button(
        "Save changes", type="primary", on_click=save_edit, args=(contact_id, introducer), icon=":material/save:"
    )
    delete.button(
        "Move to trash", on_click=trash_person, args=(contact_id, shown[contact_id].name), icon=":material/delete:"
    )
    show("edit")


def restore_selected() -> None:
    def action() -> str:
        restored = people.restore_people(workbook, st.session_state.get("trash_pick") or [])
        return f"Restored {plural(restored, 'person', 'people')}."

    run_save("trash", action)


def show_trash() -> None:
    show("trash")
    trashed = cached(workbook, people.list_trash)
    if not trashed:
        st.info("The trash is empty. Deleted people stay here for 30 days before they go for good.")
        return
    names = person_labels(trashed)
    st.multiselect("People to bring back", list(names), format_func=names.get, key="trash_pick")
    st.button("Restore", on_click=restore_selected, icon=":material/restore_from_trash:")


start_page(
    "know",
    "Your network is bigger than it feels: family, friends, neighbours, old colleagues, the parents "
    "at the school gate, even your accountant. Go circle by circle and write names down; the list "
    "grows quickly, and people you meet through them count too.",
)
overview = cached(workbook, people.circles_overview)
metric_people, metric_circles = st.columns(2)
metric_people.metric("People listed", f"{overview.total:,}")
metric_circles.metric("Circles with people", f"{overview.covered} of {len(CIRCLES)}")

work_col, circles_col = st.columns([3, 2], gap="large")
with work_col:
    draw_open_tab(
        {"Add people": show_add_form, LIST_TAB: show_list, "Trash": show_trash}, TAB_KEY, kept=KEPT_ACROSS_TABS
    )

with circles_col:
    st.subheader("Your circles")
    st.markdown(overview.reading)
    show_chart(workbook, people_per_circle, overview.circles, alt="How many people you have listed in each circle.")
    if len(overview.growth) > 1:
        show_chart(
            workbook,
            list_growth,
            overview.growth,
            alt="How many people your list held, month by month.",
            height=GROWTH_HEIGHT,
        )
credit_article()
