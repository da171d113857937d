"""Small wording rules used everywhere: counts with the right plural, and how a person is named."""

from __future__ import annotations


def plural(count: int, one: str, many: str | None = None) -> str:
    """'1 person', '2 people', '1,204 asks': the count with the word that agrees with it."""
    word = one if count == 1 else (many if many is not None else one + "s")
    return f"{count:,} {word}"


def person_label(name: str, company: str = "") -> str:
    """How a person is named in a list: 'Ana Costa · St Jude Hospital', or the name alone."""
    return f"{name} · {company}" if company.strip() else name
