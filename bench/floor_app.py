"""The floor: the most trivial Streamlit app there is, a title and a button.

`workbook bench` times a click on its button against the same machine and the same browser as the
workbook's pages; no app can answer a click faster than this one, so every figure is also given as
a ratio to it.
"""

import streamlit as st

st.title("Floor")
clicks = st.session_state.get("clicks", 0)
if st.button("Click"):
    clicks += 1
    st.session_state["clicks"] = clicks
st.write(f"Clicked {clicks} times.")
