"""The floor: the most trivial Streamlit app there is, a title and a button.

`workbook bench` times a click on its button against the same machine and the same browser as the
workbook's pages; no app can answer a click faster than this one, so every figure is also given as
a ratio to it.

With FLOOR_ROWS set, rows follow the button, each a line that changes with every click beside a
button of its own, in two columns: the shape of the workbook's lists (who to contact next, the open
loops). Timed with 10, 25 and 50 rows, it says what Streamlit itself spends on each row it draws.
"""

import os

import streamlit as st

st.title("Floor")
clicks = st.session_state.get("clicks", 0)
if st.button("Click"):
    clicks += 1
    st.session_state["clicks"] = clicks
st.write(f"Clicked {clicks} times.")
for row in range(int(os.environ.get("FLOOR_ROWS", "0"))):
    line, action = st.columns([3, 2])
    line.markdown(f"**Row {row + 1}** · clicked {clicks} times")
    action.button(f"Row {row + 1}", key=f"row_{row}")
