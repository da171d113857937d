"""Messages after a save, shown where the user is looking, and the one way a save runs.

A callback runs before the page's next run, so it leaves its message under a place name; the page
shows it with ``show(place)`` right where the button is.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import streamlit as st

from core.errors import ImportFileError, WorkbookError, WorkbookUnavailable
from ui.text import literal
from ui.widgets import held_place

_log = logging.getLogger("workbook")
_PREFIX = "_said_"
_BOXES = {"success": st.success, "error": st.error, "warning": st.warning, "info": st.info}
_ICONS = {
    "success": ":material/check_circle:",
    "error": ":material/error:",
    "warning": ":material/warning:",
    "info": ":material/info:",
}
NOTHING_SAVED = "Nothing was saved."
_LOST_KEY = "_save_lost_at"  # the place of a save the database's absence refused, until the user is told
SAVE_LOST = (
    "Your last save did not go through: the database that keeps your workbook could not be reached. "
    "Nothing was saved; everything you saved before is safe. Try again in a moment."
)
AWAY = (
    "The database that keeps your workbook cannot be reached right now. "
    "Everything you saved is safe; reload the page in a moment."
)


def say(place: str, kind: str, text: str) -> None:
    """Leave a message (Markdown; escape user text with ``literal``) for the next run at ``place``."""
    st.session_state[_PREFIX + place] = (kind, text)


def show(place: str) -> None:
    """Show, once, the message left at ``place``; with none, hold its place."""
    said = st.session_state.pop(_PREFIX + place, None)
    if st.session_state.get(_LOST_KEY) == place:
        del st.session_state[_LOST_KEY]  # told here, beside the button
    # Said or not, the message's place is held (twelve widgets below a message: about 50 ms a click
    # with it held, 80-105 ms without). An empty container costs less to draw than st.empty (0.2
    # against 0.6 ms).
    with held_place():
        if said:
            kind, text = said
            _BOXES[kind](text, icon=_ICONS[kind])


def refusal(error: Exception) -> str:
    """A refused save in words: what was wrong, and that nothing was saved."""
    text = str(error).strip()
    if "nothing was" not in text.lower():
        text = f"{text} {NOTHING_SAVED}"
    return literal(text)


def run_save(place: str, action: Callable[[], str | None], refused_at: str | None = None) -> bool:
    """Run a save; its success message, or the refusal and "Nothing was saved.", is said at ``place``.

    ``action`` returns the success message (Markdown) or None to say nothing. True when it saved.
    ``refused_at``: where to say a refusal instead, when the form stays open there and closes on success.
    """
    refused_at = refused_at or place
    try:
        message = action()
    except WorkbookUnavailable as error:
        _log.warning("%s", error)
        say(refused_at, "error", SAVE_LOST)
        st.session_state[_LOST_KEY] = refused_at
        return False
    except (WorkbookError, ImportFileError) as error:
        say(refused_at, "error", refusal(error))
        return False
    st.session_state.pop(_LOST_KEY, None)
    if message:
        say(place, "success", message)
    return True


def stop_database_away(error: Exception, where=None) -> None:
    """The database is away: one line (that the last save did not go through, if one was refused), then stop.

    ``where`` is a placeholder to write the line in (the top of the page); by default, where the page is.
    The database's own words (host, reason) go to the server's log, for whoever runs it.
    """
    _log.warning("%s", error)
    place = st.session_state.pop(_LOST_KEY, None)
    if place is not None:
        st.session_state.pop(_PREFIX + place, None)  # said here, once, not again beside the button
    (where or st).error(SAVE_LOST if place is not None else AWAY, icon=":material/cloud_off:")
    st.stop()


@contextmanager
def database_guard() -> Iterator[None]:
    """Run the page; if its database goes away meanwhile, the page says so in one line at its top."""
    top = st.empty()
    try:
        yield
    except WorkbookUnavailable as error:
        stop_database_away(error, top)
