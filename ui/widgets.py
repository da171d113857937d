"""Small pieces of page furniture shared by every page."""

from __future__ import annotations

import re

import streamlit as st

from core.model import ARTICLE_AUTHORS, ARTICLE_DATE, ARTICLE_SOURCE, ARTICLE_TITLE, ARTICLE_URL, Contact
from store import Workbook
from store import contacts as people

_INLINE_SYNTAX = re.compile(r"([\\`*_{}\[\]()#|<>~$:])")
_LINE_START_SYNTAX = re.compile(r"^(\s*\d*)([-+=.)])", re.MULTILINE)


def literal(text: object) -> str:
    """User text for st.markdown, shown as typed: a name can make no link, emphasis, list, colour or maths."""
    escaped = _INLINE_SYNTAX.sub(r"\\\1", str(text))
    return _LINE_START_SYNTAX.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)


def credit_article() -> None:
    """The article's credit line, shown at the foot of every tip page."""
    st.caption(
        f"Adapted, in our own words, from “{ARTICLE_TITLE}” by {ARTICLE_AUTHORS} "
        f"({ARTICLE_SOURCE}, {ARTICLE_DATE}). [Read the article]({ARTICLE_URL})."
    )


def flash(key: str = "_flash") -> None:
    """Show (once) a message that a callback left for the next run."""
    message = st.session_state.pop(key, None)
    if message:
        kind, text = message
        {"success": st.success, "error": st.error, "warning": st.warning, "info": st.info}[kind](text)


def set_flash(kind: str, text: str, key: str = "_flash") -> None:
    st.session_state[key] = (kind, text)


def pick_person(workbook: Workbook, label: str, key: str, help_text: str | None = None) -> Contact | None:
    """Search by name, then pick one of at most 20 matches (never a 30,000-item list)."""
    query = st.text_input(label, key=f"{key}_search", placeholder="Type part of a name", help=help_text)
    if not query.strip():
        return None
    matches, total = people.search_contacts(workbook, query, limit=20)
    if not matches:
        st.caption(f"Nobody matches “{literal(query)}”.")
        return None
    by_id = {c.id: c for c in matches}
    label_of = {c.id: c.name + (f" · {c.company}" if c.company else "") for c in matches}
    more = f" (first 20 of {total:,}; type more to narrow)" if total > 20 else ""
    chosen = st.selectbox(f"Pick the person{more}", list(by_id), format_func=label_of.get, key=f"{key}_pick")
    return by_id.get(chosen)


def pick_person_id(workbook: Workbook, label: str, key: str, help_text: str | None = None) -> int | None:
    """The id of the person picked with :func:`pick_person`, or None."""
    chosen = pick_person(workbook, label, key, help_text)
    return chosen.id if chosen else None
