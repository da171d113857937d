"""A save's message holds its place on the page whether or not there is one to show."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def page_with_a_message_place() -> None:
    import streamlit as st

    from ui.feedback import say, show

    if st.button("Save"):
        say("here", "success", "Saved.")
    show("here")
    st.text_input("Below the message")


def place_of_the_field(at: AppTest) -> int:
    (place,) = [i for i, node in at.main.children.items() if getattr(node, "type", "") == "text_input"]
    return place


def test_the_elements_below_a_message_keep_their_place_when_it_comes_and_goes():
    """A message that came and went moved every element after it, and the browser rebuilt them all."""
    at = AppTest.from_function(page_with_a_message_place).run()
    quiet = place_of_the_field(at)
    at.button[0].click().run()
    assert [s.value for s in at.success] == ["Saved."]
    told = place_of_the_field(at)
    at.run()
    assert not at.success  # said once
    assert quiet == told == place_of_the_field(at)
