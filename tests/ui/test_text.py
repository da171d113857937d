"""User text shown through Markdown stays the text that was typed."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from tests.markdown_support import table_cells
from ui.text import literal, markdown_table

RENDER = MarkdownIt("commonmark")


def rendered_text(markdown: str) -> str:
    """What a reader sees: the rendered HTML with its one paragraph's tags taken off."""
    html = RENDER.render(markdown).strip()
    return html.removeprefix("<p>").removesuffix("</p>")


def test_a_link_image_or_html_in_a_name_stays_text():
    for text in ("[x](javascript:alert(1))", "![x](http://h/i)", "<b>bold</b>", "**bold**", "`code`"):
        assert rendered_text(literal(text)) == text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def test_line_starts_that_would_make_a_heading_list_or_quote_stay_text():
    for text in ("# ROOM CLOSED", "- not a bullet", "1. not a list", "> quote", "+ plus", "=== rule"):
        assert rendered_text(literal(text)) == text.replace(">", "&gt;")


def test_streamlits_own_colour_icon_and_maths_signs_are_escaped():
    escaped = literal(r":red[**FIRE**] $\huge\text{BIG}$ :material/home:")
    assert "\\:red\\[" in escaped and "\\$" in escaped and "\\:material/home\\:" in escaped


@given(st.text(alphabet=st.characters(codec="ascii", categories=("L", "N", "P", "S", "Zs"))))
def test_any_ascii_text_renders_back_as_itself(text):
    html_safe = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    assert rendered_text(literal(text)) == html_safe.strip()


def test_a_table_holds_one_row_per_entry_under_its_title():
    rows = [{"When": "01 Dec 2026", "Note": "Lunch"}, {"When": "02 Dec 2026", "Note": ""}]
    markdown = markdown_table(rows, "**Recent contact**")
    assert markdown.startswith("**Recent contact**\n\n|")
    assert table_cells(markdown) == [["When", "Note"], ["01 Dec 2026", "Lunch"], ["02 Dec 2026", ""]]
    assert markdown_table([], "**Recent contact**") == "**Recent contact**"  # no rows: no empty frame


TYPED = st.characters(codec="ascii", categories=("L", "N", "P", "S", "Zs"), include_characters="\n\t")


@given(st.lists(st.text(alphabet=TYPED), min_size=1))
def test_any_text_in_a_table_cell_stays_in_its_cell_as_typed(notes):
    rows = [{"Who": "Ana", "Note": note} for note in notes]
    shown = table_cells(markdown_table(rows))
    # One line a cell: line breaks and runs of spaces read as one space, as they would in a sentence.
    assert shown == [["Who", "Note"], *(["Ana", " ".join(note.split())] for note in notes)]
