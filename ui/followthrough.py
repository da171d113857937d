"""The follow-through loop's buttons, the same wherever help is seen: home, tip 3, tip 6 and a card."""

from __future__ import annotations

from datetime import date

import streamlit as st

from core.followthrough import REPORT, THANK, HelpLoop
from core.model import REPORT_OUTCOMES
from services import followthrough
from services.workbooks import Workbook
from ui.feedback import run_save
from ui.text import literal

THANK_LABEL = "Sent thanks"
REPORT_LABEL = "Told them how it went"


def _thank(workbook: Workbook, loop: HelpLoop, place: str) -> None:
    def save() -> str:
        followthrough.thank(workbook, loop.help_id, date.today(), loop.channel)
        if REPORT in loop.steps_left:
            return f"Logged your thank-you to {literal(loop.name)}. Next: tell them how their help turned out."
        return f"Logged your thank-you to {literal(loop.name)}: the loop is closed."

    run_save(place, save)


def _report(workbook: Workbook, loop: HelpLoop, place: str, key: str) -> None:
    state = st.session_state

    def save() -> str:
        outcome = state.get(f"{key}_outcome") or ""
        followthrough.report_back(workbook, loop.help_id, outcome, state.get(f"{key}_note", "") or "", date.today())
        how = REPORT_OUTCOMES[outcome].lower()
        if THANK in loop.steps_left:
            return f"Logged that you told {literal(loop.name)} how it went ({how}). Next: thank them."
        return f"Logged that you told {literal(loop.name)} how it went ({how}): the loop is closed."

    if run_save(place, save):
        state[f"{key}_outcome"] = None
        state[f"{key}_note"] = ""


def loop_buttons(workbook: Workbook, loop: HelpLoop, place: str, prefix: str) -> None:
    """A button per step still to do: 'Sent thanks', and 'Told them how it went' with its outcome and note."""
    key = f"{prefix}_loop_{loop.help_id}"
    row = st.container(horizontal=True)
    left = loop.steps_left
    if THANK in left:
        row.button(
            THANK_LABEL,
            key=f"{key}_thank",
            on_click=_thank,
            args=(workbook, loop, place),
            icon=":material/favorite:",
            help="Log a thank-you to them today",
        )
    if REPORT in left:
        # Drawn only while open: closed, its form cost every list of loops three widgets a row.
        report = row.popover(REPORT_LABEL, icon=":material/campaign:", key=f"{key}_open", on_change="rerun")
        if not report.open:
            return
        with report:
            st.radio(
                "How it went",
                list(REPORT_OUTCOMES),
                format_func=REPORT_OUTCOMES.get,
                index=None,
                key=f"{key}_outcome",
            )
            st.text_input("A short note (optional)", key=f"{key}_note", max_chars=300, placeholder="What happens next")
            st.button(
                "Save the report",
                key=f"{key}_report",
                on_click=_report,
                args=(workbook, loop, place, key),
                icon=":material/send:",
                type="primary",
            )


def loop_line(loop: HelpLoop, describe) -> str:
    """'**Ana** helped you with an introduction on 02 Mar 2026: not yet thanked.' (Markdown)."""
    return f"**{literal(loop.name)}** {literal(loop.help)} on {loop.happened_on:%d %b %Y}: {describe(loop)}."
