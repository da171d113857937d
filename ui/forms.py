"""Forms that save what the user meant: every field starts from its default, and after a save every
field goes back to it, so nothing typed or chosen for one record is carried silently into the next.

A page lists its form's defaults once (values, or callables such as ``date.today`` for values of the
day); ``start_form`` puts them in the session before the widgets are drawn (the widgets then take no
``value=`` or ``index=``), and ``clear_form`` restores them from a save's callback.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import streamlit as st

Defaults = Mapping[str, Any | Callable[[], Any]]


def _value(default: Any) -> Any:
    return default() if callable(default) else default


def start_form(defaults: Defaults) -> None:
    """Give every field of a form its default, unless the user has already set it."""
    for key, default in defaults.items():
        if key not in st.session_state:
            st.session_state[key] = _value(default)


def clear_form(defaults: Defaults, forget: Iterable[str] = ()) -> None:
    """Put every field back to its default, and forget ``forget`` (fields whose default is "none chosen")."""
    for key, default in defaults.items():
        st.session_state[key] = _value(default)
    for key in forget:
        st.session_state.pop(key, None)
