"""A printable action plan: sections of short items, as Markdown or as HTML that prints well."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from core.model import ARTICLE_AUTHORS, ARTICLE_DATE, ARTICLE_SOURCE, ARTICLE_TITLE

_PRINT_CSS = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 46rem; margin: 2rem auto;
       padding: 0 1rem; color: #111; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.15rem; border-bottom: 1px solid #999; padding-bottom: 0.15rem; margin-top: 1.6rem; }
p.meta, p.credit { color: #444; font-size: 0.9rem; }
ul { padding-left: 0; list-style: none; }
li { margin: 0.35rem 0; padding-left: 1.6rem; text-indent: -1.6rem; }
li::before { content: "\\2610\\00a0\\00a0"; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } li { break-inside: avoid; }
               a { color: inherit; text-decoration: none; } }
"""


@dataclass(frozen=True)
class PlanSection:
    """One part of the plan: a heading, a sentence saying why, and the things to do."""

    title: str
    intro: str
    items: tuple[str, ...]
    empty: str = "Nothing to do here yet."


def credit_line() -> str:
    """The article the plan follows, credited (never quoted)."""
    return f"Based on “{ARTICLE_TITLE}” by {ARTICLE_AUTHORS} ({ARTICLE_SOURCE}, {ARTICLE_DATE})."


def render_markdown(title: str, sections: Sequence[PlanSection], today: date) -> str:
    """The plan as Markdown, each item a checkbox."""
    lines = [f"# {_md(title)}", "", f"Made on {today:%d %B %Y}.", ""]
    for section in sections:
        lines += [f"## {_md(section.title)}", "", _md(section.intro), ""]
        lines += [f"- [ ] {_md(item)}" for item in section.items] or [f"_{_md(section.empty)}_"]
        lines.append("")
    lines.append(f"_{_md(credit_line())}_")
    return "\n".join(lines) + "\n"


def render_html(title: str, sections: Sequence[PlanSection], today: date) -> str:
    """The plan as a standalone HTML page for printing; every piece of user text is escaped."""
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{html.escape(title)}</title><style>{_PRINT_CSS}</style></head><body>",
        f"<h1>{html.escape(title)}</h1>",
        f'<p class="meta">Made on {today:%d %B %Y}.</p>',
    ]
    for section in sections:
        parts.append(f"<section><h2>{html.escape(section.title)}</h2><p>{html.escape(section.intro)}</p>")
        if section.items:
            parts.append("<ul>" + "".join(f"<li>{html.escape(item)}</li>" for item in section.items) + "</ul>")
        else:
            parts.append(f"<p><em>{html.escape(section.empty)}</em></p>")
        parts.append("</section>")
    parts.append(f'<p class="credit">{html.escape(credit_line())}</p></body></html>')
    return "\n".join(parts) + "\n"


def _md(text: str) -> str:
    """Keep user text from being read as Markdown markup or HTML."""
    escaped = html.escape(" ".join(text.split()), quote=False)
    for char in "\\`*_[]#|":
        escaped = escaped.replace(char, "\\" + char)
    return escaped
