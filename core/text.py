"""Small wording rules used everywhere: counts with the right plural, and how a person is named."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import Protocol, TypeVar

Key = TypeVar("Key", bound=Hashable)


def plural(count: int, one: str, many: str | None = None) -> str:
    """'1 person', '2 people', '1,204 asks': the count with the word that agrees with it."""
    word = one if count == 1 else (many if many is not None else one + "s")
    return f"{count:,} {word}"


def person_label(name: str, company: str = "") -> str:
    """How a person is named in a list: 'Ana Costa · St Jude Hospital', or the name alone."""
    return f"{name} · {company}" if company.strip() else name


def distinct_labels(labels: Mapping[Key, str], detail: Callable[[Key], str] | None = None) -> dict[Key, str]:
    """The same labels, with any that repeat told apart: by ``detail`` (an email, say), then by the key.

    A choice list needs this: Streamlit's selectbox, multiselect and radio send back the label the
    user picked, not its place, so of two options labelled alike every pick returns the last one
    (streamlit/streamlit#11949). A label depends only on its own key and the labels it collides with,
    so it stays the same from one run to the next while the same people are listed.
    """

    def told_apart(named: Mapping[Key, str], extra: Callable[[Key], str]) -> dict[Key, str]:
        repeated = Counter(named.values())
        return {k: f"{label} · {extra(k)}" if repeated[label] > 1 and extra(k) else label for k, label in named.items()}

    told = told_apart(labels, detail) if detail else dict(labels)
    while len(set(told.values())) < len(told):  # each pass lengthens only the labels still alike
        told = told_apart(told, lambda key: f"#{key}")
    return told


class Named(Protocol):
    id: int
    name: str
    company: str
    email: str


def person_labels(people: Iterable[Named]) -> dict[int, str]:
    """Each person's label for a choice list, namesakes at one company told apart by email, then by number."""
    listed = list(people)
    emails = {p.id: p.email.strip() for p in listed}
    return distinct_labels({p.id: person_label(p.name, p.company) for p in listed}, emails.get)


# Characters that change how text around them is shown rather than being text: control characters,
# the bidirectional overrides and isolates (a right-to-left override reverses a whole list), and
# invisible joiners that make two names look alike.
_NOT_TEXT = frozenset(
    [chr(c) for c in range(32) if chr(c) not in "\t"]
    + ["\x7f", "\u061c", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\ufeff"]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
)


def plain_text_problem(text: str, limit: int, what: str) -> str | None:
    """Why ``text``, typed by one person and shown to others, is refused; None when it is short plain text."""
    if len(text) > limit:
        return f"{what} is at most {limit} characters; shorten it."
    if any(ch in _NOT_TEXT for ch in text):
        return f"{what} can hold only plain text: no control or direction characters. Type it again."
    return None


def part_of(part: int, whole: int, one: str, many: str | None = None, verbs: tuple[str, str] = ("has", "have")) -> str:
    """'0 of 1 reference has', '1 of 3 targets has', '2 of 3 targets have': the noun agrees with the
    whole and the verb with the part (a single one of them, or a single one in all)."""
    noun = one if whole == 1 else (many if many is not None else one + "s")
    verb = verbs[0] if part == 1 or whole == 1 else verbs[1]
    return f"{part:,} of {whole:,} {noun} {verb}"
