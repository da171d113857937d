"""Small cookies of this browser: how the app remembers a secret without putting it in the address.

Streamlit reads a browser's cookies when its tab connects (``st.context.cookies``) but has no way
to set one, so a cookie is written by a line of script in the page: a session cookie, for this
app's path only, never sent to another site.
"""

from __future__ import annotations

import re

import streamlit as st

_SAFE = re.compile(r"^[A-Za-z0-9_.:@+-]*$")


def read_cookie(name: str) -> str | None:
    """The cookie's value as this tab sent it when it connected, or None."""
    try:
        value = st.context.cookies.get(name)
    except Exception:  # no browser behind this run (a test)
        return None
    return value if isinstance(value, str) else None


def write_cookie(name: str, value: str | None, same_site: str = "Strict") -> None:
    """Set (or with None, delete) a cookie of this browser; the values are tokens we made, never user text."""
    if not _SAFE.match(name) or (value is not None and not _SAFE.match(value)):
        raise ValueError("cookies hold only tokens made by the app")
    path = "/" + str(st.get_option("server.baseUrlPath") or "").strip("/")
    assignment = f"{name}={value}" if value else f"{name}=; Max-Age=0"
    st.html(
        f"<script>document.cookie = '{assignment}; Path={path}; SameSite={same_site}';</script>",
        unsafe_allow_javascript=True,
        width=1,
    )
