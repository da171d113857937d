"""Widgets several pages share."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

import streamlit as st

from core.model import Contact
from core.text import person_labels
from services import people
from services.workbooks import Workbook
from ui.cache import cached
from ui.text import literal

PICK_LIMIT = 20


def keep_across_runs(keys: Iterable[str]) -> None:
    """Keep these widgets' values through runs that do not draw them (a tab that is not open).

    Streamlit forgets the value of a widget a run does not draw. Written back into the session, the
    value stays until the widget is drawn again and takes it up."""
    for key in keys:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def held_place():
    """A container drawn on every run, for a part that comes and goes (a pick that appears once a
    search is typed, the fields of one kind of contact): what follows keeps its place in the page.

    The browser matches elements by their place: when a part came or went, everything after it
    moved, and Chromium rebuilt every block and table that moved (a widget keeps its node by its
    id): tip 2's row of date, channel and kind boxes after every "Log it", which empties the search.
    ``ui.feedback.show`` holds a message's place the same way."""
    return st.container()


def draw_open_tab(
    parts: dict[str, Callable[[], None]], key: str, *, kept: Iterable[str] = (), bind: str | None = None
) -> None:
    """Tabs of which only the open one runs and is drawn: a visit pays for one part, not all.

    ``parts`` maps each tab's label to what draws it; ``kept`` names the widgets whose values must
    outlive a visit to another tab (see keep_across_runs); ``bind="query-params"`` names the open
    tab in the URL under ``key``."""
    keep_across_runs(kept)
    for tab, draw in zip(st.tabs(list(parts), key=key, on_change="rerun", bind=bind), parts.values(), strict=True):
        if tab.open:
            with tab:
                draw()


def draw_when_open(label: str, draw: Callable[[], None], key: str, *, icon: str | None = None) -> None:
    """An expander, closed at first, whose contents run and are drawn only while it is open: a long
    table nobody opened costs nothing.

    Keep ``label`` fixed (no counts in it): Streamlit counts the label in the expander's identity,
    so a label that changes after a save would close it under the user."""
    expander = st.expander(label, key=key, icon=icon, on_change="rerun")
    if expander.open:
        with expander:
            draw()


def filter_select(column, label: str, options: Mapping[str, str], key: str, everything: str) -> str | None:
    """A list filter whose empty choice, shown as ``everything`` ("All circles"), means no filter: None.

    None is the empty choice, not an option: a None option written back by keep_across_runs would show
    as an empty box ("Choose an option") instead of its label."""
    return column.selectbox(label, list(options), format_func=options.get, index=None, placeholder=everything, key=key)


def pick_person(workbook: Workbook, label: str, key: str, help_text: str | None = None) -> Contact | None:
    """Search by name, then pick one of at most 20 matches (never a 30,000-item list)."""
    query = st.text_input(label, key=f"{key}_search", placeholder="Type part of a name", help=help_text)
    with held_place():  # the pick comes with a search and goes when it is emptied
        if not query.strip():
            return None
        matches, total = cached(workbook, people.search_people, query, PICK_LIMIT)
        if not matches:
            st.caption(f"Nobody matches “{literal(query)}”.")
            return None
        by_id = {c.id: c for c in matches}
        more = f" (first {PICK_LIMIT} of {total:,}; type more to narrow)" if total > PICK_LIMIT else ""
        chosen = st.selectbox(
            f"Pick the person{more}",
            list(by_id),
            format_func=person_labels(matches).get,
            key=f"{key}_pick",
        )
        return by_id.get(chosen)


def pick_person_id(workbook: Workbook, label: str, key: str, help_text: str | None = None) -> int | None:
    """The id of the person picked with :func:`pick_person`, or None."""
    chosen = pick_person(workbook, label, key, help_text)
    return chosen.id if chosen else None
