"""Tip 1's use cases: the people you know, found, added, edited, trashed and restored, circle by circle."""

from __future__ import annotations

from dataclasses import dataclass

from core.circles import CircleCount, count_circles, describe_coverage
from core.contacts import check_draft, clean_draft, describe_duplicates
from core.duplicates import Person, could_match, matches_for, name_keys_near
from core.errors import InvalidInput
from core.model import Contact, ContactDraft
from services.workbooks import Workbook
from store import contacts, imports

PAGE_SIZE = 50
# What the edit form changes, who introduced a person included (set, changed or cleared for anyone, imported too).
EDITED_FIELDS = ("name", "company", "role", "email", "phone", "notes", "circle", "tie", "introduced_by")


class LikelyDuplicate(InvalidInput):
    """The person looks like someone already listed; saved only when the user says "add anyway".

    ``matches`` are the people they look like, best first, for the page to offer to open.
    """

    def __init__(self, message: str, matches: tuple[Contact, ...] = ()) -> None:
        super().__init__(message)
        self.matches = matches


@dataclass(frozen=True)
class PeoplePage:
    """One page of the list: the people on it, who introduced them, and where it sits in the whole."""

    people: tuple[Contact, ...]
    introducers: dict[int, str]
    total: int
    first: int  # the position (from 1) of the page's first person in the whole list


@dataclass(frozen=True)
class CirclesOverview:
    """Every circle with its count, how many have someone, a plain reading, and the list's growth."""

    circles: tuple[CircleCount, ...]
    total: int
    covered: int
    reading: str
    growth: tuple[tuple[str, int], ...]


def search_people(workbook: Workbook, query: str, limit: int = 20) -> tuple[list[Contact], int]:
    """Up to ``limit`` live people whose name, company, role or email contains ``query``, and how many match."""
    return contacts.search_contacts(workbook, query, limit=limit)


def add_person(workbook: Workbook, draft: ContactDraft, save_anyway: bool = False) -> Contact:
    """Save a new person once the draft checks out; someone who looks already listed needs ``save_anyway``.

    "Looks already listed" is the import's matcher (core.duplicates): same email, or the same or a
    similar name with case, accents and nicknames aside, a missing company on either side included.
    """
    draft = _checked(draft)
    if not save_anyway:
        candidate = Person(0, draft.name, draft.company, draft.email)
        # Only the few who share the email or the name's block are read in full and scored.
        maybe = imports.people_near(workbook, name_keys_near(draft.name), draft.email)
        pairs = matches_for(candidate, [p for p in maybe if could_match(candidate, p.name, p.email)])
        if pairs:
            found = tuple(c for c in (contacts.get_contact(workbook, p.second_id) for p in pairs) if c is not None)
            raise LikelyDuplicate(describe_duplicates(draft, found, pairs[0].reason), found)
    return contacts.get_contact(workbook, contacts.add_contact(workbook, draft))


def edit_person(workbook: Workbook, contact_id: int, draft: ContactDraft, seen: Contact | None = None) -> Contact:
    """Change a person's details (name, circle, tie, company, role, email, phone, notes, introducer).

    With ``seen`` (the person as the form showed them), only the fields the user changed are saved
    (the introducer only then: without ``seen`` it is kept),
    and a field someone else changed meanwhile stops the save (ChangedSinceOpened) rather than undo theirs.
    """
    draft = _checked(draft)
    wanted = {f: getattr(draft, f) for f in EDITED_FIELDS}
    if seen is None:  # a caller that does not know the introducer as saved never clears it
        wanted.pop("introduced_by")
    else:
        wanted = {f: v for f, v in wanted.items() if v != getattr(seen, f)}
        if not wanted:
            return contacts.get_contact(workbook, contact_id) or seen
    was = {f: getattr(seen, f) for f in wanted} if seen is not None else None
    contacts.update_contact(workbook, contact_id, seen=was, **wanted)
    return contacts.get_contact(workbook, contact_id)


def _checked(draft: ContactDraft) -> ContactDraft:
    draft = clean_draft(draft)
    problems = check_draft(draft)
    if problems:
        raise InvalidInput(" ".join(p.message for p in problems))
    return draft


def trash_person(workbook: Workbook, contact_id: int) -> None:
    """Move a person to the trash, where they stay restorable for 30 days."""
    contacts.trash_contacts(workbook, [contact_id])


def restore_people(workbook: Workbook, contact_ids: list[int]) -> int:
    """Bring people back from the trash (an undo, or a pick from the trash list); how many came back."""
    return contacts.restore_contacts(workbook, contact_ids)


def count_pages(workbook: Workbook, search: str, circle: str | None, tie: str | None) -> int:
    """How many pages the list has with these filters (at least one)."""
    return max(1, -(-contacts.count_matching(workbook, search, circle, tie) // PAGE_SIZE))


def list_people(workbook: Workbook, search: str, circle: str | None, tie: str | None, page: int = 1) -> PeoplePage:
    """One page of the people matching the filters, by name, with the names of their introducers."""
    offset = (max(page, 1) - 1) * PAGE_SIZE
    rows, total = contacts.search_contacts(workbook, search, circle, tie, PAGE_SIZE, offset)
    introducers = contacts.contact_names(workbook, [r.introduced_by for r in rows])
    return PeoplePage(tuple(rows), introducers, total, offset + 1)


def circles_overview(workbook: Workbook) -> CirclesOverview:
    """How many people each circle holds (empty ones too), how many circles have someone, and the growth."""
    counts = contacts.count_by_circle(workbook)
    circles = tuple(count_circles(counts))
    return CirclesOverview(
        circles=circles,
        total=sum(counts.values()),
        covered=sum(1 for c in circles if not c.empty),
        reading=describe_coverage(counts),
        growth=tuple(contacts.growth_by_month(workbook)),
    )


def list_trash(workbook: Workbook) -> list[Contact]:
    """The people in the trash, most recently deleted first (people merged into someone are left out)."""
    return contacts.list_trash(workbook)


def introducer_name(workbook: Workbook, introducer_id: int | None) -> str:
    """The name of who introduced someone ('' for nobody, or an introducer no longer listed)."""
    if introducer_id is None:
        return ""
    return contacts.contact_names(workbook, [introducer_id]).get(introducer_id, "")
