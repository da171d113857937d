"""The follow-through loop's buttons, the same wherever help is seen: home, tip 3, tip 6 and a card."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from functools import partial

import streamlit as st

from core.followthrough import REPORT, THANK, HelpLoop, describe_loop
from core.model import REPORT_OUTCOMES
from services import followthrough
from services.workbooks import Workbook
from ui.action_list import Action, Row, action_list
from ui.feedback import run_save, show
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


def _report(workbook: Workbook, loop: HelpLoop, place: str, key: str, prefix: str) -> None:
    state = st.session_state

    def save() -> str:
        outcome = state.get(f"{key}_outcome") or ""
        followthrough.report_back(workbook, loop.help_id, outcome, state.get(f"{key}_note", "") or "", date.today())
        how = REPORT_OUTCOMES[outcome].lower()
        if THANK in loop.steps_left:
            return f"Logged that you told {literal(loop.name)} how it went ({how}). Next: thank them."
        return f"Logged that you told {literal(loop.name)} how it went ({how}): the loop is closed."

    if run_save(place, save, refused_at=key):
        state[f"{key}_outcome"] = None
        state[f"{key}_note"] = ""
        _close_report(prefix)


def reporting_key(prefix: str) -> str:
    """Which loop's "Told them how it went" form is open in the lists drawn with ``prefix``."""
    return f"{prefix}_reporting"


def loop_actions(loop: HelpLoop) -> tuple[Action, ...]:
    """A button per step still to do: 'Sent thanks', and 'Told them how it went', which opens its form."""
    left = loop.steps_left
    thank = Action(THANK, THANK_LABEL, help="Log a thank-you to them today", icon="favorite")
    report = Action(REPORT, REPORT_LABEL, help="Say how their help turned out", icon="campaign")
    return (thank,) * (THANK in left) + (report,) * (REPORT in left)


def press_loop(workbook: Workbook, loop: HelpLoop, step: str, place: str, prefix: str) -> None:
    """A press on one of ``loop_actions``: log the thank-you, or open (or close) the report's form."""
    if step == THANK:
        _thank(workbook, loop, place)
        return
    state = st.session_state
    key = reporting_key(prefix)
    state[key] = None if state.get(key) == loop.help_id else loop.help_id


def report_form(workbook: Workbook, loop: HelpLoop, place: str, prefix: str) -> None:
    """How the help turned out, and a note: drawn under the loop's row while its form is open."""
    key = f"{prefix}_loop_{loop.help_id}"
    with st.container(border=True):
        show(key)  # a refused report is said here, where the form stays open
        st.radio(
            f"How did {loop.name}'s help turn out?",
            list(REPORT_OUTCOMES),
            format_func=REPORT_OUTCOMES.get,
            index=None,
            key=f"{key}_outcome",
        )
        st.text_input("A short note (optional)", key=f"{key}_note", max_chars=300, placeholder="What happens next")
        buttons = st.container(horizontal=True)
        buttons.button(
            "Save the report",
            key=f"{key}_report",
            on_click=_report,
            args=(workbook, loop, place, key, prefix),
            icon=":material/send:",
            type="primary",
        )
        buttons.button("Cancel", key=f"{key}_cancel", on_click=_close_report, args=(prefix,))


def _close_report(prefix: str) -> None:
    st.session_state[reporting_key(prefix)] = None


def open_report(workbook: Workbook, loops: Iterable[tuple[str, HelpLoop]], place: str, prefix: str) -> dict:
    """For ``action_list``'s ``below``: the open report form under its row, given (row id, loop) pairs."""
    reporting = st.session_state.get(reporting_key(prefix))
    return {
        row_id: partial(report_form, workbook, loop, place, prefix)
        for row_id, loop in loops
        if loop.help_id == reporting and REPORT in loop.steps_left
    }


def loop_list(workbook: Workbook, loops: Sequence[HelpLoop], place: str, prefix: str, lines=lambda loop: ()) -> None:
    """Loops with steps left, a row each: whose help, where it stands, ``lines(loop)``, and its buttons."""
    loops = [loop for loop in loops if loop.steps_left]
    by_id = {str(loop.help_id): loop for loop in loops}
    rows = [
        Row(
            row_id,
            loop.name,
            after=f" {loop.help} on {loop.happened_on:%d %b %Y}: {describe_loop(loop)}.",
            lines=tuple(lines(loop)),
            actions=loop_actions(loop),
        )
        for row_id, loop in by_id.items()
    ]
    action_list(
        f"{prefix}_loops",
        rows,
        lambda row, step: press_loop(workbook, by_id[row.id], step, place, prefix),
        below=open_report(workbook, by_id.items(), place, prefix),
    )
