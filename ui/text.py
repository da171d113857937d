"""User text on the page, shown as typed: the one escape for anything a person wrote."""

from __future__ import annotations

import re
from collections.abc import Iterable

# Signs that Markdown, Streamlit's directives (":red[...]", ":material/x:") or KaTeX ("$...$") give a
# meaning anywhere in a line. A backslash before ASCII punctuation is always a valid escape.
_INLINE = re.compile(r"([\\`*_{}\[\]()#|<>~$:&])")
# Signs that mean something only at the start of a line: a list, a quote, a rule, a heading underline.
_LINE_START = re.compile(r"^(\d*)([-+=.)>])", re.MULTILINE)
_INDENT = re.compile(r"^[ \t]+", re.MULTILINE)  # four spaces would start a code block


def literal(text: object) -> str:
    """``text`` for st.markdown (or any Markdown label) as the plain text it is: no link, image,
    heading, emphasis, list, colour, icon, maths or HTML can come of it."""
    escaped = _INLINE.sub(r"\\\1", _INDENT.sub("", str(text)))
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)


def markdown_table(rows: list[dict[str, object]], title: str = "") -> str:
    """A few rows as a Markdown table, each cell shown as typed on one line; ``title`` (Markdown) above it.

    One text element, where st.dataframe is a grid the browser draws anew on every run: 13 ms more a
    click for five rows in a bare app. For short lists read at a glance, not sorted or scrolled."""
    if not rows:
        return title
    columns = list(rows[0])

    def line(cells: Iterable[object]) -> str:
        return "| " + " | ".join(literal(" ".join(str(cell).split())) for cell in cells) + " |"

    table = [line(columns), "|" + "---|" * len(columns), *(line(row[c] for c in columns) for row in rows)]
    return "\n\n".join(filter(None, [title, "\n".join(table)]))
