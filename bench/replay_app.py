"""The workbook's pages replayed: what the browser spends drawing them, with no workbook behind them.

`workbook bench` records what the server sent for one sidebar switch to each page (the websocket's
frames) and writes them to the file named by REPLAY_FILE. This app has the same pages in its
sidebar (titles, icons, sections, addresses) and, on each page, sends the recorded elements of the
page's main area back unchanged: the same titles, texts, widgets, charts and tables, each at its
place, while the script reads nothing and computes nothing. Timed with the same switches as the
workbook, it says how much of a page's felt time is Streamlit's browser drawing what the page
draws, which no workbook code can cut except by drawing less. The widgets are drawn but not
wired: nothing answers a click.
"""

import base64
import json
import os

import streamlit as st
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

import ui.action_list  # registers the list component the recorded pages draw
import ui.live_text  # noqa: F401  (and the text box that reports as you type)

MAIN_AREA = 0  # the first part of a delta's path: the page's main area (1 is the sidebar)


def main_area_deltas(frames: list[bytes]) -> list[ForwardMsg]:
    """The recorded messages that drew the page's main area, in the order they came."""
    deltas = []
    for frame in frames:
        msg = ForwardMsg()
        msg.ParseFromString(frame)
        if msg.WhichOneof("type") == "delta" and list(msg.metadata.delta_path)[:1] == [MAIN_AREA]:
            deltas.append(msg)
    return deltas


def replay(title: str, frames: list[str]):
    def draw() -> None:
        deltas = main_area_deltas([base64.b64decode(f) for f in frames])
        if not deltas:  # a page not recorded: its title, so the page has something drawn
            st.title(title)
            return
        run = get_script_run_ctx()
        for msg in deltas:
            run.enqueue(msg)  # stamped with this run's page, as the workbook's own were

    return draw


with open(os.environ["REPLAY_FILE"], encoding="utf-8") as replay_file:
    recorded = json.load(replay_file)
st.set_page_config(page_title="Replay", layout="wide")  # the workbook's layout: the same widths
sections: dict[str, list[st.Page]] = {}
for page in recorded["pages"]:
    sections.setdefault(page["section"], []).append(
        st.Page(
            replay(page["title"], page["frames"]),
            title=page["title"],
            icon=page["icon"],
            url_path=page["url_path"] or None,
            default=not page["url_path"],
        )
    )
st.navigation(sections).run()
