"""A list of rows, each a few lines of text and its buttons, drawn as one element in the browser.

Drawn with Streamlit's own elements, a row of text and buttons is five to seven elements, and
Chromium pays for every element on every run: ten rows of a line and two buttons added 52-61 ms
to a click here, against 1-10 ms for the same rows as this one component (docs/performance.md).
The lists that people click through most (who to contact next, the open follow-through loops)
are drawn with it.

The text is set as text, never as HTML or Markdown, so a name needs no escaping.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import streamlit as st


@dataclass(frozen=True)
class Action:
    """One button of a row; ``name`` is what a press reports, ``icon`` a Material Symbols name."""

    name: str
    label: str
    help: str = ""
    icon: str = ""
    disabled: bool = False


@dataclass(frozen=True)
class Row:
    """``title`` in bold, ``after`` on the same line, then ``lines``; ``id`` is unique in its list."""

    id: str
    title: str
    after: str = ""
    lines: tuple[str, ...] = ()
    actions: tuple[Action, ...] = ()


OnPress = Callable[[Row, str], None]

# Home's next actions and tip 6's who-next list: log a catch-up with the row's person today.
GOT_IN_TOUCH = Action("got_in_touch", "Got in touch today", icon="check")

_JS = """
export default function ({ data, parentElement, setTriggerValue }) {
  let list = parentElement.querySelector("ul");
  if (!list) {
    list = document.createElement("ul");
    parentElement.appendChild(list);
  }
  const focused = parentElement.activeElement;
  const keep = focused && focused.dataset ? focused.dataset.press : null;
  list.replaceChildren(...data.rows.map((row) => {
    const item = document.createElement("li");
    const text = document.createElement("div");
    text.className = "text";
    const first = document.createElement("p");
    const title = document.createElement("strong");
    title.textContent = row.title;
    first.append(title, row.after);
    text.append(first);
    for (const line of row.lines) {
      const p = document.createElement("p");
      p.textContent = line;
      text.append(p);
    }
    const actions = document.createElement("div");
    actions.className = "actions";
    for (const action of row.actions) {
      const button = document.createElement("button");
      button.type = "button";
      button.dataset.press = row.id + "\\n" + action.name;
      if (action.icon) {
        const icon = document.createElement("span");
        icon.className = "icon";
        icon.setAttribute("aria-hidden", "true");
        icon.textContent = action.icon;
        button.append(icon);
      }
      button.append(action.label);
      if (action.help) button.title = action.help;
      button.disabled = action.disabled;
      button.onclick = () => setTriggerValue("press", { row: row.id, action: action.name });
      actions.append(button);
    }
    item.append(text, actions);
    return item;
  }));
  if (keep) {  // a keyboard user keeps their place when the list is drawn again after a press
    const again = [...list.querySelectorAll("button")].find((b) => b.dataset.press === keep);
    if (again && !again.disabled) again.focus();
  }
}
"""

_CSS = """
ul { list-style: none; margin: 0; padding: 0; font-family: var(--st-font); color: var(--st-text-color);
  line-height: 1.6; }
li { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; }
li + li { margin-top: 1rem; }
p { margin: 0; }
.text { flex: 1 1 18rem; min-width: 0; overflow-wrap: anywhere; }
.actions { flex: 0 1 22rem; display: flex; flex-wrap: wrap; gap: 0.5rem; }
button { display: inline-flex; align-items: center; gap: 0.375rem; min-height: 2.5rem; padding: 0.25rem 0.75rem;
  font: inherit; font-size: 0.875rem; line-height: 1.6; color: inherit; cursor: pointer;
  border-radius: var(--st-button-radius, 0.5rem); background: var(--st-background-color);
  border: 1px solid var(--st-widget-border-color, rgba(49, 51, 63, 0.2)); }
button:hover:enabled { border-color: var(--st-primary-color); color: var(--st-primary-color); }
button:active:enabled { background: var(--st-primary-color); color: var(--st-background-color); }
button:focus-visible { outline: 2px solid var(--st-primary-color); outline-offset: 2px; }
button:disabled { cursor: not-allowed; opacity: 0.45; }
.icon { font-family: "Material Symbols Rounded"; font-size: 1.125rem; line-height: 1; font-weight: normal;
  font-style: normal; letter-spacing: normal; text-transform: none; white-space: nowrap;
  font-feature-settings: "liga"; -webkit-font-smoothing: antialiased; }
"""

_component = st.components.v2.component("workbook_action_list", js=_JS, css=_CSS)


def action_list(
    key: str, rows: Sequence[Row], on_press: OnPress, below: Mapping[str, Callable[[], None]] | None = None
) -> None:
    """Draw ``rows``; a press calls ``on_press(row, action name)`` before the run that follows.

    ``below`` maps a row's id to what to draw right under that row with Streamlit's own elements
    (a form the row's button opened); the list goes on after it.
    """
    below = below or {}
    start = 0
    for part, (end, draw) in enumerate(_breaks(rows, below)):
        _draw_part(key if part == 0 else f"{key}_{part}", rows[start:end], on_press)
        if draw is not None:
            draw()
        start = end


def _breaks(rows: Sequence[Row], below: Mapping[str, Callable[[], None]]):
    """(end of a part, what to draw after it) for each part of the list."""
    for index, row in enumerate(rows):
        if row.id in below:
            yield index + 1, below[row.id]
    yield len(rows), None


def _draw_part(key: str, rows: Sequence[Row], on_press: OnPress) -> None:
    if not rows:
        return
    by_id = {row.id: row for row in rows}

    def pressed() -> None:
        press = (st.session_state.get(key) or {}).get("press") or {}
        row = by_id.get(press.get("row"))
        names = {a.name for a in row.actions if not a.disabled} if row else set()
        if press.get("action") in names:
            on_press(row, press["action"])

    _component(data={"rows": [_as_data(row) for row in rows]}, key=key, on_press_change=pressed)


def _as_data(row: Row) -> dict:
    return {
        "id": row.id,
        "title": row.title,
        "after": row.after,
        "lines": list(row.lines),
        "actions": [
            {"name": a.name, "label": a.label, "help": a.help, "icon": a.icon, "disabled": a.disabled}
            for a in row.actions
        ],
    }
