"""The lists drawn as one component (ui.action_list) in AppTest: their rows, and a press on a button.

AppTest has no element class for a custom component. It keeps what the component was sent and its
widget state, so a press is sent as the browser sends it: a trigger value on the component's events.
"""

from __future__ import annotations

import json

from streamlit.proto.WidgetStates_pb2 import WidgetStates
from streamlit.runtime.state.session_state import STREAMLIT_INTERNAL_KEY_PREFIX


def _lists(at) -> dict[str, object]:
    """The key each list was drawn with -> its element (a list with an open form comes in parts)."""
    found = {}
    for element in at.get("bidi_component"):
        if element.proto.component_name == "workbook_action_list":
            found[element.proto.id.split("-", 2)[2]] = element
    return found


def rows(at, key: str) -> list[dict]:
    """Every row of the list ``key``, in order, across its parts: id, title, after, lines, actions."""
    parts = _lists(at)
    more = [k for k in parts if k.startswith(f"{key}_") and k[len(key) + 1 :].isdigit()]
    names = [key, *sorted(more, key=lambda k: int(k[len(key) + 1 :]))]
    return [row for name in names if name in parts for row in json.loads(parts[name].proto.json)["rows"]]


def row_text(row: dict) -> str:
    """A row as a person reads it: the title, what follows it, then each line."""
    return "\n".join([row["title"] + row["after"], *row["lines"]])


def texts(at, key: str) -> list[str]:
    return [row_text(row) for row in rows(at, key)]


def actions(at, key: str, row_id: object) -> dict[str, bool]:
    """The buttons of one row: action name -> whether it can be pressed."""
    (row,) = [r for r in rows(at, key) if r["id"] == str(row_id)]
    return {a["name"]: not a["disabled"] for a in row["actions"]}


def press(at, key: str, row_id: object, action: str):
    """Press the button ``action`` of the row ``row_id`` in the list ``key`` and rerun."""
    assert actions(at, key, row_id).get(action), f"no button {action!r} to press on row {row_id} of {key}"
    parts = _lists(at)
    part = next(
        name
        for name in parts
        if (name == key or name.startswith(f"{key}_"))
        and any(r["id"] == str(row_id) for r in json.loads(parts[name].proto.json)["rows"])
    )
    states: WidgetStates = at._tree.get_widget_states()  # AppTest's own serialization of every widget
    trigger = states.widgets.add()
    trigger.id = f"{STREAMLIT_INTERNAL_KEY_PREFIX}_{parts[part].proto.id}__events"
    trigger.json_trigger_value = json.dumps([{"event": "press", "value": {"row": str(row_id), "action": action}}])
    at._run(states)
    assert not at.exception, [e.value for e in at.exception]
    return at
