"""The frame of every page: through the router, the registry's title, a line of text, the credit."""

from __future__ import annotations

import streamlit as st

from core.model import ARTICLE_AUTHORS, ARTICLE_DATE, ARTICLE_SOURCE, ARTICLE_TITLE, ARTICLE_URL
from ui.registry import page
from ui.router import ensure_routed


def start_page(key: str, intro: str = "") -> None:
    """Begin a page: make sure the run went through app.py, then its title (the sidebar's) and intro."""
    ensure_routed()
    st.title(page(key).title)
    if intro:
        st.markdown(intro)


def credit_article() -> None:
    """The article's credit line, shown at the foot of every tip page."""
    st.caption(
        f"Adapted, in our own words, from “{ARTICLE_TITLE}” by {ARTICLE_AUTHORS} "
        f"({ARTICLE_SOURCE}, {ARTICLE_DATE}). [Read the article]({ARTICLE_URL})."
    )
