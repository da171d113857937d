"""Markdown as a reader sees it: the cells of a table, once rendered."""

from __future__ import annotations

from html.parser import HTMLParser

from markdown_it import MarkdownIt

RENDER_TABLES = MarkdownIt("commonmark").enable("table")  # Streamlit's Markdown has GitHub's tables


class _Cells(HTMLParser):
    """The text of each header and data cell of a rendered table, row by row."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self.in_cell = False

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self.rows[-1].append("")
            self.in_cell = True

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self.in_cell = False

    def handle_data(self, data):
        if self.in_cell:
            self.rows[-1][-1] += data


def table_cells(markdown: str) -> list[list[str]]:
    cells = _Cells()
    cells.feed(RENDER_TABLES.render(markdown))
    return cells.rows
