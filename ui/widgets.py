"""Small pieces of page furniture shared by every page."""

from __future__ import annotations

import re

import streamlit as st

from core.model import ARTICLE_AUTHORS, ARTICLE_DATE, ARTICLE_SOURCE, ARTICLE_TITLE, ARTICLE_URL


_MARKDOWN_SYNTAX = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=])")


def literal(text: object) -> str:
    """User text for st.markdown, shown as typed: a name can make no link, emphasis, colour or maths."""
    return _MARKDOWN_SYNTAX.sub(r"\\\1", str(text))


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


def show_coming(tip: int, title: str, what: list[str]) -> None:
    """A page not built yet: what is coming, and where it sits in the plan. No invented data."""
    st.title(title)
    what_is_built = f"Tip {tip}" if tip else "This page"
    st.info(f"{what_is_built} is being built. Nothing on this page is saved yet.", icon=":material/construction:")
    st.markdown("**What this page will let you do:**\n" + "\n".join(f"- {item}" for item in what))
    if tip:
        st.caption(f"Its place in the plan: tip {tip} of six, described in the project's docs/plan.md.")
    credit_article()
