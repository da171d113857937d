"""The floor: the most trivial Streamlit app there is, a title and a button.

`workbook bench` times a click on its button against the same machine and the same browser as the
workbook's pages; no app can answer a click faster than this one, so every figure is also given as
a ratio to it.

With FLOOR_ROWS set, rows follow the button, each a line that changes with every click beside a
button of its own, in two columns: the shape the workbook's lists had (who to contact next, the open
loops). Timed with 10, 25 and 50 rows, it says what Streamlit itself spends on each row it draws.
With FLOOR_ROWS_AS=list, the same rows are one element, as the workbook draws its lists now
(ui/action_list.py): what that saves.
"""

import os

import streamlit as st

st.title("Floor")
clicks = st.session_state.get("clicks", 0)
if st.button("Click"):
    clicks += 1
    st.session_state["clicks"] = clicks
st.write(f"Clicked {clicks} times.")
rows = range(int(os.environ.get("FLOOR_ROWS", "0")))
if os.environ.get("FLOOR_ROWS_AS") == "list":
    from ui.action_list import Action, Row, action_list

    drawn = [
        Row(str(r), f"Row {r + 1}", f" · clicked {clicks} times", actions=(Action("press", f"Row {r + 1}"),))
        for r in rows
    ]
    action_list("rows", drawn, lambda row, name: None)
else:
    for row in rows:
        line, action = st.columns([3, 2])
        line.markdown(f"**Row {row + 1}** · clicked {clicks} times")
        action.button(f"Row {row + 1}", key=f"row_{row}")
