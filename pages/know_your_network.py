"""Tip 1 · You know more people than you think: list people circle by circle."""

import streamlit as st

from charts.network import list_growth, people_per_circle
from core.circles import count_circles, describe_coverage
from core.contacts import check_draft, clean_draft, describe_duplicates
from core.model import CIRCLE_PROMPTS, CIRCLES, TIES, ContactDraft
from store import InvalidInput
from store import contacts as people
from ui.cache import cached, chart_spec
from ui.session import current_workbook
from ui.text import literal
from ui.widgets import credit_article, flash, pick_person_id, set_flash

PAGE_SIZE = 50
FIELDS = ("name", "company", "role", "email", "phone", "notes")
workbook = current_workbook()


def draft_from_state(prefix: str, introduced_by: int | None) -> ContactDraft:
    state = st.session_state
    return clean_draft(
        ContactDraft(
            **{f: state.get(f"{prefix}_{f}", "") or "" for f in FIELDS},
            circle=state.get(f"{prefix}_circle", "friends"),
            tie=state.get(f"{prefix}_tie", "weak"),
            introduced_by=introduced_by,
        )
    )


def add_person(introduced_by: int | None) -> None:
    draft = draft_from_state("new", introduced_by)
    problems = check_draft(draft)
    if problems:
        set_flash("error", literal(" ".join(p.message for p in problems)), "_add_flash")
        return
    duplicates = people.find_likely_duplicates(workbook, draft.name, draft.email, draft.company)
    if duplicates and not st.session_state.get("new_confirm_duplicate"):
        set_flash(
            "warning",
            literal(describe_duplicates(draft, duplicates)) + " Tick “Save anyway” to add them.",
            "_add_flash",
        )
        return
    try:
        people.add_contact(workbook, draft)
    except InvalidInput as error:
        set_flash("error", literal(error), "_add_flash")
        return
    for f in FIELDS:
        st.session_state[f"new_{f}"] = ""
    st.session_state["new_confirm_duplicate"] = False
    set_flash("success", f"Added {literal(draft.name)} to {CIRCLES[draft.circle].lower()}.", "_add_flash")


def show_add_form() -> None:
    circle = st.selectbox("Circle", list(CIRCLES), format_func=CIRCLES.get, key="new_circle")
    st.caption(f"Think of: {CIRCLE_PROMPTS[circle]}")
    second_degree = st.toggle(
        "Someone I would meet through a person I know (“my sister's co-worker”)", key="new_second_degree"
    )
    introducer = pick_person_id(workbook, "Who would introduce you?", "new_introducer") if second_degree else None
    left, right = st.columns(2)
    left.text_input("Name (required)", key="new_name", max_chars=200)
    right.radio("Tie", list(TIES), format_func=TIES.get, key="new_tie", horizontal=True, index=1)
    left.text_input("Company", key="new_company")
    right.text_input("Role", key="new_role")
    left.text_input("Email", key="new_email")
    right.text_input("Phone", key="new_phone")
    st.text_area("Notes", key="new_notes", height=68, placeholder="How you know them, what they do")
    st.checkbox("Save anyway if they look like someone already listed", key="new_confirm_duplicate")
    flash("_add_flash")
    st.button("Add person", type="primary", on_click=add_person, args=(introducer,), icon=":material/person_add:")


def show_list() -> None:
    flash("_edit_flash")
    if "_last_trashed" in st.session_state:
        _, name = st.session_state["_last_trashed"]
        st.warning(f"Moved {literal(name)} to the trash (kept 30 days).", icon=":material/delete:")
        st.button("Undo", on_click=undo_trash, icon=":material/undo:")
    left, middle, right = st.columns([2, 1, 1])
    search = left.text_input("Search name, company, role or email", key="list_search")
    circle = middle.selectbox(
        "Circle", [None, *CIRCLES], format_func=lambda c: "All circles" if c is None else CIRCLES[c], key="list_circle"
    )
    tie = right.selectbox("Tie", [None, *TIES], format_func=lambda t: "Both" if t is None else TIES[t], key="list_tie")
    pages = max(1, -(-cached(workbook, people.count_matching, search, circle, tie) // PAGE_SIZE))
    page = st.number_input(f"Page (of {pages:,})", 1, pages, 1, key="list_page") if pages > 1 else 1
    rows, total = cached(workbook, people.search_contacts, search, circle, tie, PAGE_SIZE, (page - 1) * PAGE_SIZE)
    if not total:
        st.info(
            "Nobody matches these filters."
            if (search or circle or tie)
            else "Nobody listed yet: add someone in “Add people”."
        )
        return
    introducers = people.contact_names(workbook, [r.introduced_by for r in rows])
    st.caption(
        f"{total:,} {'person' if total == 1 else 'people'}; showing {len(rows)} from #{(page - 1) * PAGE_SIZE + 1:,}."
    )
    st.dataframe(
        [
            {
                "Name": r.name,
                "Circle": CIRCLES.get(r.circle, r.circle),
                "Tie": r.tie,
                "Company": r.company,
                "Role": r.role,
                "Email": r.email,
                "Introduced by": introducers.get(r.introduced_by, ""),
                "Notes": r.notes,
            }
            for r in rows
        ],
        hide_index=True,
        width="stretch",
    )
    show_editor({r.id: r for r in rows})


def save_edit(contact_id: int) -> None:
    draft = draft_from_state("edit", None)
    problems = check_draft(draft)
    if problems:
        set_flash("error", literal(" ".join(p.message for p in problems)) + " Nothing was saved.", "_edit_flash")
        return
    changes = {f: getattr(draft, f) for f in (*FIELDS, "circle", "tie")}
    try:
        people.update_contact(workbook, contact_id, **changes)
    except InvalidInput as error:
        set_flash("error", literal(error), "_edit_flash")
        return
    set_flash("success", f"Saved {literal(draft.name)}.", "_edit_flash")


def trash_person(contact_id: int, name: str) -> None:
    people.trash_contacts(workbook, [contact_id])
    st.session_state["_last_trashed"] = (contact_id, name)


def undo_trash() -> None:
    contact_id, name = st.session_state.pop("_last_trashed")
    people.restore_contacts(workbook, [contact_id])
    set_flash("success", f"{literal(name)} is back in your list.", "_edit_flash")


def load_into_editor() -> None:
    chosen = st.session_state.get("_editing")
    if chosen is None:
        return
    for f in FIELDS:
        st.session_state[f"edit_{f}"] = getattr(chosen, f)
    st.session_state["edit_circle"] = chosen.circle if chosen.circle in CIRCLES else "friends"
    st.session_state["edit_tie"] = chosen.tie


def show_editor(shown: dict) -> None:
    st.subheader("Edit or delete someone on this page")
    contact_id = st.selectbox(
        "Person",
        list(shown),
        format_func=lambda i: shown[i].name,
        key="edit_pick",
        index=None,
        placeholder="Choose someone listed above",
    )
    if contact_id is None:
        return
    if st.session_state.get("_editing_id") != contact_id:
        st.session_state["_editing_id"] = contact_id
        st.session_state["_editing"] = shown[contact_id]
        load_into_editor()
    left, right = st.columns(2)
    left.text_input("Name", key="edit_name", max_chars=200)
    right.selectbox("Circle", list(CIRCLES), format_func=CIRCLES.get, key="edit_circle")
    left.text_input("Company", key="edit_company")
    right.text_input("Role", key="edit_role")
    left.text_input("Email", key="edit_email")
    right.text_input("Phone", key="edit_phone")
    st.radio("Tie", list(TIES), format_func=TIES.get, key="edit_tie", horizontal=True)
    st.text_area("Notes", key="edit_notes", height=68)
    save, delete = st.columns(2)
    save.button("Save changes", type="primary", on_click=save_edit, args=(contact_id,), icon=":material/save:")
    delete.button(
        "Move to trash", on_click=trash_person, args=(contact_id, shown[contact_id].name), icon=":material/delete:"
    )


def restore_selected() -> None:
    ids = st.session_state.get("trash_pick") or []
    restored = people.restore_contacts(workbook, ids)
    set_flash("success", f"Restored {restored} {'person' if restored == 1 else 'people'}.", "_trash_flash")


def show_trash() -> None:
    flash("_trash_flash")
    trashed = people.list_trash(workbook)
    if not trashed:
        st.info("The trash is empty. Deleted people stay here for 30 days before they go for good.")
        return
    names = {c.id: c.name + (f" · {c.company}" if c.company else "") for c in trashed}
    st.multiselect("People to bring back", list(names), format_func=names.get, key="trash_pick")
    st.button("Restore", on_click=restore_selected, icon=":material/restore_from_trash:")


st.title("1 · You know more people than you think")
st.markdown(
    "Your network is bigger than it feels: family, friends, neighbours, old colleagues, the parents "
    "at the school gate, even your accountant. Go circle by circle and write names down; the list "
    "grows quickly, and people you meet through them count too."
)
counts = cached(workbook, people.count_by_circle)
rows = count_circles(counts)
total = sum(counts.values())
metric_people, metric_circles = st.columns(2)
metric_people.metric("People listed", f"{total:,}")
metric_circles.metric("Circles with people", f"{sum(1 for r in rows if not r.empty)} of {len(CIRCLES)}")

work_col, circles_col = st.columns([3, 2], gap="large")
with work_col:
    add_tab, list_tab, trash_tab = st.tabs(["Add people", "Your list", "Trash"])
    with add_tab:
        show_add_form()
    with list_tab:
        show_list()
    with trash_tab:
        show_trash()

with circles_col:
    st.subheader("Your circles")
    st.markdown(describe_coverage(counts))
    st.vega_lite_chart(
        spec=chart_spec(workbook, people_per_circle, rows), width="stretch", alt=describe_coverage(counts)
    )
    growth = cached(workbook, people.growth_by_month)
    if len(growth) > 1:
        st.vega_lite_chart(
            spec=chart_spec(workbook, list_growth, growth),
            width="stretch",
            alt="How many people your list held, month by month.",
        )
credit_article()
