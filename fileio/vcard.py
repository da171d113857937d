"""vCard 2.1, 3.0 and 4.0 in (through vobject), and vCard 3.0 out that reads back identically."""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Callable, Iterable, Iterator

import vobject

from core.import_result import SkippedRow
from core.model import CIRCLES, TIES, ContactDraft
from core.names import join_name
from fileio.csv_formats import fallback_key
from fileio.decode import split_lines

_BEGIN = re.compile(r"^\s*BEGIN\s*:\s*VCARD\s*$", re.IGNORECASE)
_END = re.compile(r"^\s*END\s*:\s*VCARD\s*$", re.IGNORECASE)
_QP_PARAMS = re.compile(r"ENCODING=QUOTED-PRINTABLE|;QUOTED-PRINTABLE(;|$)", re.IGNORECASE)
PROGRESS_EVERY = 250  # vobject reads about a thousand cards a second: say how far it has got
_SINGLE_TEXT = {"FN", "NOTE", "TITLE", "ROLE", "ORG", "NICKNAME"}
_BARE_COMMA = re.compile(r"(?<!\\),")
_UID_NAMESPACE = uuid.UUID("6f1d7c1e-2b7a-4d55-9a3e-4c2f1b9e8a10")

logging.getLogger("vobject").setLevel(logging.CRITICAL)
logging.getLogger("vobject.base").setLevel(logging.CRITICAL)


def is_vcard_text(text: str) -> bool:
    """True when the text starts like a vCard file."""
    head = text.lstrip("\ufeff \t\r\n")[:20].upper()
    return head.startswith("BEGIN:VCARD") or head.startswith("BEGIN :VCARD")


def split_cards(text: str) -> Iterator[tuple[int, str]]:
    """Each card's first line number and its text, unfolded and with 2.1's soft line breaks joined."""
    start, body = 0, []
    for number, line in enumerate(split_lines(text), start=1):
        if _BEGIN.match(line):
            start, body = number, [line]
        elif body:
            body.append(line)
            if _END.match(line):
                yield start, _tidy_card(body)
                body = []
    if body:
        yield start, _tidy_card(body)


def _tidy_card(raw: list[str]) -> str:
    logical: list[str] = []
    for line in raw:
        if logical and logical[-1].endswith("=") and _QP_PARAMS.search(logical[-1].partition(":")[0]):
            logical[-1] = logical[-1][:-1] + line  # a quoted-printable soft line break
        elif logical and line[:1] in (" ", "\t"):
            logical[-1] += line[1:]  # a folded line goes on the one before
        else:
            logical.append(line)
    return "\r\n".join(_escape_commas(line) for line in logical) + "\r\n"


def _escape_commas(line: str) -> str:
    """Escape bare commas in one-value text properties: many exporters leave them bare."""
    name, colon, value = line.partition(":")
    if not colon or name.split(";")[0].split(".")[-1].upper() not in _SINGLE_TEXT:
        return line
    return name + ":" + _BARE_COMMA.sub(lambda _: "\\,", value)


def read_vcards(
    text: str, progress: Callable[[float, str], None] | None = None
) -> tuple[list[ContactDraft], list[int], list[SkippedRow]]:
    """The people in a .vcf text, the line each card starts on, and the cards skipped with reasons."""
    drafts, lines, skipped = [], [], []
    cards = list(split_cards(text))
    for count, (line, card_text) in enumerate(cards, start=1):
        if progress is not None and count % PROGRESS_EVERY == 0:
            progress(count / len(cards), f"Read {count:,} of {len(cards):,} cards")
        outcome = _read_card(card_text)
        if isinstance(outcome, str):
            skipped.append(SkippedRow(line, outcome))
        else:
            drafts.append(outcome)
            lines.append(line)
    return drafts, lines, skipped


def _read_card(card_text: str) -> ContactDraft | str:
    if not _END.match(split_lines(card_text.rstrip("\r\n"))[-1]):
        return "the card has no END:VCARD line (the file may be cut short)"
    try:
        card = vobject.readOne(card_text, ignoreUnreadable=True)
    except Exception:  # vobject raises many kinds of error on malformed cards
        return "the card could not be read (a damaged line?); fix or remove it"
    return _draft_from_card(card)


def _value(card, key: str) -> str:
    items = card.contents.get(key) or []
    for item in items:
        value = item.value
        if isinstance(value, list):
            value = value[0] if value else ""
        text = str(value).strip() if value is not None else ""
        if text:
            return text
    return ""


def _name_from_n(card) -> str:
    items = card.contents.get("n") or []
    if not items or not hasattr(items[0].value, "given"):
        return ""
    n = items[0].value
    return join_name(*(str(p) if not isinstance(p, list) else " ".join(p) for p in (n.given, n.additional, n.family)))


def _phone(card) -> str:
    """The first phone number; a vCard 4.0 URI (VALUE=uri, 'tel:+1...') loses its scheme."""
    phone = _value(card, "tel")
    items = card.contents.get("tel") or []
    is_uri = items and any(v.lower() == "uri" for v in items[0].params.get("VALUE", []))
    return phone.removeprefix("tel:") if is_uri else phone


def _draft_from_card(card) -> ContactDraft | str:
    name = _value(card, "fn") or _name_from_n(card)
    if not name:
        return "the card has no name (FN or N); add one in your address book"
    email, company = _value(card, "email"), _value(card, "org")
    circle, tie = _value(card, "x-jnw-circle"), _value(card, "x-jnw-tie")
    source, key = _value(card, "x-jnw-source"), _value(card, "x-jnw-source-key")
    uid = _value(card, "uid")
    return ContactDraft(
        name=name,
        email=email,
        phone=_phone(card),
        company=company,
        role=_value(card, "title"),
        notes=_value(card, "note"),
        circle=circle if circle in CIRCLES else "friends",
        tie=tie if tie in TIES else "weak",
        source=source or "vcard",
        source_key=key or (f"uid:{uid}" if uid else fallback_key(name, email, company)),
    )


def write_vcards(drafts: Iterable[ContactDraft]) -> str:
    """vCard 3.0 text for these people; ``read_vcards`` gives the same people back.

    Written by hand rather than through vobject: its serializer takes over a second per thousand cards.
    """
    return "".join(_card(draft) for draft in drafts)


def _card(draft: ContactDraft) -> str:
    head, _, last = draft.name.rpartition(" ")
    family, given = (last, head) if head else ("", last)
    uid = uuid.uuid5(_UID_NAMESPACE, f"{draft.source}\n{draft.source_key}")
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"FN:{_escape(draft.name)}", f"N:{_escape(family)};{_escape(given)};;;"]
    for key, value in (
        ("EMAIL", draft.email),
        ("TEL", draft.phone),
        ("ORG", draft.company),
        ("TITLE", draft.role),
        ("NOTE", draft.notes),
    ):
        if value:
            lines.append(f"{key}:{_escape(value)}")
    lines.append(f"UID:{uid}")
    for key, value in (
        ("X-JNW-CIRCLE", draft.circle),
        ("X-JNW-TIE", draft.tie),
        ("X-JNW-SOURCE", draft.source),
        ("X-JNW-SOURCE-KEY", draft.source_key),
    ):
        if value:
            lines.append(f"{key}:{_escape(value)}")
    lines.append("END:VCARD")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _escape(value: str) -> str:
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace(",", "\\,").replace(";", "\\;")


def _fold(line: str, limit: int = 75) -> str:
    """Fold a line to at most ``limit`` bytes of UTF-8, never splitting a character."""
    if len(line.encode("utf-8")) <= limit:
        return line
    parts, current, size = [], [], 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > (limit if not parts else limit - 1):
            parts.append("".join(current))
            current, size = [], 0
        current.append(char)
        size += width
    parts.append("".join(current))
    return "\r\n ".join(parts)
