"""Messages after a save, shown where the user is looking, and the one way a save runs.

A callback runs before the page's next run, so it leaves its message under a place name; the page
shows it with ``show(place)`` right where the button is.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from core.errors import ImportFileError, WorkbookError
from ui.text import literal

_PREFIX = "_said_"
_BOXES = {"success": st.success, "error": st.error, "warning": st.warning, "info": st.info}
_ICONS = {
    "success": ":material/check_circle:",
    "error": ":material/error:",
    "warning": ":material/warning:",
    "info": ":material/info:",
}
NOTHING_SAVED = "Nothing was saved."


def say(place: str, kind: str, text: str) -> None:
    """Leave a message (Markdown; escape user text with ``literal``) for the next run at ``place``."""
    st.session_state[_PREFIX + place] = (kind, text)


def show(place: str) -> None:
    """Show, once, the message left at ``place``."""
    said = st.session_state.pop(_PREFIX + place, None)
    if said:
        kind, text = said
        _BOXES[kind](text, icon=_ICONS[kind])


def refusal(error: Exception) -> str:
    """A refused save in words: what was wrong, and that nothing was saved."""
    text = str(error).strip()
    if "nothing was" not in text.lower():
        text = f"{text} {NOTHING_SAVED}"
    return literal(text)


def run_save(place: str, action: Callable[[], str | None]) -> bool:
    """Run a save; its success message, or the refusal and "Nothing was saved.", is said at ``place``.

    ``action`` returns the success message (Markdown) or None to say nothing. True when it saved.
    """
    try:
        message = action()
    except (WorkbookError, ImportFileError) as error:
        say(place, "error", refusal(error))
        return False
    if message:
        say(place, "success", message)
    return True
