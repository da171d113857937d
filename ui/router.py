"""Keeps every script run going through app.py, even when Streamlit would skip it.

The Streamlit behaviour worked around (1.67): at the first session of a server process,
``PagesManager`` sets the process-wide flag ``uses_pages_directory`` when a ``pages/`` folder sits
beside the main script, and while it is set, the script runner runs a deep-linked page on its own
in the legacy multipage mode (``script_runner._mpa_v1``), without app.py: no page config, no
sidebar, no shared-mode banner. Only a call to ``st.navigation`` clears the flag, and several tabs
may start before any has. Streamlit offers no option to turn the legacy mode off (its docs and
issues were checked for 1.67), and the design keeps the page files in ``pages/``. So each session
carries a marker that app.py sets; a run without it clears the flag and reruns through app.py.
``tests/ui/test_router.py`` fails the day Streamlit drops the legacy mode, so this can go then.
"""

from __future__ import annotations

import streamlit as st

ROUTED = "_routed_through_app"


def mark_routed() -> None:
    """Called by app.py once ``st.navigation`` has run: this session's runs go through the router."""
    st.session_state[ROUTED] = True


def ensure_routed() -> None:
    """Rerun through app.py when Streamlit ran a deep-linked page on its own."""
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory or not st.session_state.get(ROUTED):
        PagesManager.uses_pages_directory = False
        st.rerun()
