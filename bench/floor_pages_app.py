"""The page-switch floor: the most trivial two-page Streamlit app, a title on each page.

`workbook bench` times a click on its sidebar links against the same machine and browser as the
workbook's page switches: what Streamlit itself spends on changing pages, which no page can beat.
"""

import streamlit as st


def first() -> None:
    st.title("First page")


def second() -> None:
    st.title("Second page")


st.navigation([st.Page(first, title="First page"), st.Page(second, title="Second page")]).run()
