"""Opening one tab of a page in AppTest, as a click on it does: pages draw only their open tab."""

from __future__ import annotations


def open_tab(at, key: str, label: str):
    """Open the tab ``label`` of the tabs keyed ``key`` and rerun; the run must not fail."""
    at.session_state[key] = label
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at
