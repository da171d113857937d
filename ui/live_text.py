"""A text box that reports what is typed as you type (st.text_area reports only when it loses focus).

A small ``st.components.v2`` component, all inline: no file, no host but the app's own. The text in
``st.session_state[text_key]`` is the truth. The box sends what is typed after a short pause (and at
once on leaving it or on Ctrl+Enter); :func:`replace_text` puts new text in from Python (a fresh draft,
a rewrite), which the box takes without losing the caret to a rerun that is older than the typing.
"""

from __future__ import annotations

import streamlit as st

PAUSE_MS = 300  # how long typing pauses before the text is judged

# No whitespace between the tags: the label's text is exactly the label (what "get by label" reads).
_HTML = (
    '<label class="wb-live-text"><span class="wb-live-text-label"></span>'
    '<textarea spellcheck="true"></textarea></label>'
)


_CSS = """
.wb-live-text { display: flex; flex-direction: column; gap: 0.25rem; width: 100%;
  font-family: var(--st-font, sans-serif); color: var(--st-text-color, inherit); }
.wb-live-text-label { font-size: 0.875rem; }
.wb-live-text textarea { box-sizing: border-box; width: 100%; resize: vertical; padding: 0.75rem;
  font: inherit; font-size: 1rem; line-height: 1.5; color: inherit;
  background: var(--st-secondary-background-color, #f0f2f6);
  border: 1px solid var(--st-border-color, transparent); border-radius: 0.5rem; }
.wb-live-text textarea:focus { outline: 2px solid var(--st-primary-color, #ff4b4b); outline-offset: -1px; }
"""

_JS = """
export default function (component) {
  const { data, setStateValue, parentElement } = component;
  const box = parentElement.querySelector("textarea");
  parentElement.querySelector(".wb-live-text-label").textContent = data.label;
  box.style.height = `${data.height}px`;
  box.maxLength = data.max_chars;
  const send = () => {
    clearTimeout(box._timer);
    box._timer = null;
    if (box.value !== box._sent) {
      box._sent = box.value;
      setStateValue("text", box.value);
    }
  };
  if (box.dataset.version !== String(data.version)) {
    // Python put new text in (a fresh draft, a rewrite): take it, and say so, so both sides agree.
    clearTimeout(box._timer);
    box.dataset.version = String(data.version);
    box.value = data.text;
    box._sent = data.text;
    if (!data.synced) setStateValue("text", data.text);  // only when Python's text is news to the box
  }
  box.oninput = () => {
    clearTimeout(box._timer);
    box._timer = setTimeout(send, data.pause_ms);
  };
  box.onblur = send;
  box.onkeydown = (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) send();
  };
}
"""

_live_text = st.components.v2.component("workbook.live_text", html=_HTML, css=_CSS, js=_JS, isolate_styles=False)


def replace_text(text_key: str, text: str) -> None:
    """Put new text in the box from Python: the box shows it on the next run."""
    st.session_state[text_key] = text
    st.session_state[f"_{text_key}_version"] = st.session_state.get(f"_{text_key}_version", 0) + 1


def live_text_area(label: str, text_key: str, *, height: int = 260, max_chars: int = 5000) -> str:
    """Draw the box and return the text as last reported (typing reruns the page after a short pause)."""
    state = st.session_state
    state.setdefault(text_key, "")
    version = state.setdefault(f"_{text_key}_version", 0)
    box_key = f"_{text_key}_box"
    reported = (state.get(box_key) or {}).get("text", state[text_key]) if box_key in state else state[text_key]

    def took_text() -> None:
        typed = (state.get(box_key) or {}).get("text")
        if isinstance(typed, str):
            state[text_key] = typed[:max_chars]

    _live_text(
        key=box_key,
        data={
            "label": label,
            "text": state[text_key],
            "version": version,
            "height": height,
            "max_chars": max_chars,
            "pause_ms": PAUSE_MS,
            "synced": reported == state[text_key],
        },
        default={"text": state[text_key]},
        height="content",
        on_text_change=took_text,
    )
    return state[text_key]
