"""Checking a person before they are saved: required name, plausible email, known circle and tie."""

from __future__ import annotations

import re
from collections.abc import Sequence

from core.model import CIRCLES, TIES, Contact, ContactDraft, Problem
from core.text import plural

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
MAX_TEXT = 2000
# The longest each field may be, typed in a form or read from a file alike.
MAX_LENGTHS = {"name": 200, "email": 320, "phone": 100, "company": MAX_TEXT, "role": MAX_TEXT, "notes": MAX_TEXT}


def too_long(draft: ContactDraft) -> Problem | None:
    """The first field of the draft that is longer than a person's field may be, or None."""
    for field_name, limit in MAX_LENGTHS.items():
        length = len(getattr(draft, field_name))
        if length > limit:
            what = "name" if field_name == "name" else f"{field_name} field"
            return Problem(field_name, f"the {what} is {length:,} characters; up to {limit:,} fit")
    return None


def clean_draft(draft: ContactDraft) -> ContactDraft:
    """The same draft with surrounding spaces removed and the email lower-cased."""
    return ContactDraft(
        name=" ".join(draft.name.split()),
        email=draft.email.strip().lower(),
        phone=draft.phone.strip(),
        company=draft.company.strip(),
        role=draft.role.strip(),
        circle=draft.circle,
        tie=draft.tie,
        introduced_by=draft.introduced_by,
        notes=draft.notes.strip(),
        source=draft.source,
        source_key=draft.source_key,
    )


def check_draft(draft: ContactDraft) -> list[Problem]:
    """Problems that stop a person being saved, each naming the field and the fix."""
    problems: list[Problem] = []
    if not draft.name.strip():
        problems.append(Problem("name", "A name is required: even a first name or a nickname will do."))
    elif len(draft.name) > MAX_LENGTHS["name"]:
        problems.append(Problem("name", f"That name is over {MAX_LENGTHS['name']} characters; shorten it."))
    if draft.email.strip() and not EMAIL.match(draft.email.strip()):
        problems.append(
            Problem("email", f"'{draft.email.strip()}' does not look like an email address (name@example.org).")
        )
    if draft.circle not in CIRCLES:
        problems.append(Problem("circle", f"'{draft.circle}' is not a circle; pick one from the list."))
    if draft.tie not in TIES:
        problems.append(Problem("tie", "A tie is either strong or weak; pick one."))
    for field_name in ("notes", "company", "role", "phone", "email"):
        if len(getattr(draft, field_name)) > MAX_LENGTHS[field_name]:
            problems.append(
                Problem(
                    field_name, f"The {field_name} field is over {MAX_LENGTHS[field_name]:,} characters; shorten it."
                )
            )
    return problems


def describe_duplicates(draft: ContactDraft, matches: Sequence[Contact], reason: str = "") -> str:
    """One line warning that this person may already be listed, and what the user can do about it.

    ``reason`` is the matcher's (``core.duplicates``), for the first match: "same name", "similar name"...
    """
    if not matches:
        return ""
    first = matches[0]
    if not reason:
        same_email = draft.email.strip() and first.email.lower() == draft.email.strip().lower()
        reason = "same email address" if same_email else "same name and company"
    where = f" at {first.company}" if first.company else ""
    more = f" (and {plural(len(matches) - 1, 'other')} like them)" if len(matches) > 1 else ""
    return (
        f"{first.name}{where} is already listed ({reason}){more}. "
        "Open them if this is the same person; add anyway only if this is someone else."
    )


def describe_contact(contact: Contact) -> str:
    """One line telling a person apart from a namesake: company, role, email, circle and tie, id, when added."""
    added = f"added {contact.created_at:%d %b %Y}" if contact.created_at else ""
    parts = [
        contact.company,
        contact.role,
        contact.email,
        f"{CIRCLES.get(contact.circle, contact.circle)}, {contact.tie} tie",
        f"person #{contact.id}",
        added,
    ]
    return " · ".join(p for p in parts if p)
