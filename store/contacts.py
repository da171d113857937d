"""Queries on people: add, edit, trash and restore, search, count."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, fields
from datetime import datetime, timedelta

from core.duplicates import name_key
from core.errors import ChangedSinceOpened, InvalidInput
from core.model import FAMILIARITY, Contact, ContactDraft
from store.sql import IDS, contains
from store.workbook import Workbook

TRASH_DAYS = 30
CONTACT_COLUMNS = [f.name for f in fields(Contact)]
_SELECT = "SELECT " + ", ".join(CONTACT_COLUMNS) + " FROM contacts"
EDITABLE = (
    "name",
    "email",
    "phone",
    "company",
    "role",
    "circle",
    "tie",
    "introduced_by",
    "notes",
    "is_reference",
    "is_key",
    "cadence_days",
    "family",
    "job_notes",
    "interests",
    "needs",
    "last_contacted_on",
    "familiarity",
    "reconnect",
    "reconnect_priority",
)


def _contact(row: Sequence) -> Contact:
    values = dict(zip(CONTACT_COLUMNS, row))
    for text in (
        "email",
        "phone",
        "company",
        "role",
        "notes",
        "family",
        "job_notes",
        "interests",
        "needs",
        "familiarity",
    ):
        values[text] = values[text] or ""
    return Contact(**values)


def add_contact(workbook: Workbook, draft: ContactDraft) -> int:
    """Save a new person and return their id."""
    values = {**asdict(draft), "name_key": name_key(draft.name)}
    columns = list(values)
    with workbook.write() as cursor:
        if draft.introduced_by is not None:
            _require_live(cursor, draft.introduced_by)
        row = cursor.execute(
            f"INSERT INTO contacts ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) RETURNING id",
            [values[c] for c in columns],
        ).fetchone()
    return int(row[0])


def update_contact(
    workbook: Workbook, contact_id: int, seen: Mapping[str, object] | None = None, **changes: object
) -> None:
    """Change some fields of a person; unknown fields are refused.

    With ``seen`` (each changed field's value when the form was opened), the change is made only if
    nobody changed those fields since: otherwise ChangedSinceOpened carries the person as they are now.
    Fields the form did not change are never written, so a save in another tab is never undone.
    """
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise InvalidInput(f"Cannot change {', '.join(sorted(unknown))}: not a field of a person.")
    if not changes:
        return
    if "familiarity" in changes and changes["familiarity"] not in ("", *FAMILIARITY):
        raise InvalidInput(f"'{changes['familiarity']}' is not a way of knowing someone; choose one from the list.")
    if changes.get("introduced_by") == contact_id:
        raise InvalidInput("A person cannot introduce themselves; choose someone else.")
    written = {**changes, "name_key": name_key(str(changes["name"]))} if "name" in changes else changes
    assignments = ", ".join(f"{name} = ?" for name in written)
    with workbook.write() as cursor:
        if seen is not None:
            _refuse_if_changed(cursor, contact_id, changes, seen)
        if changes.get("introduced_by") is not None:
            _require_live(cursor, int(changes["introduced_by"]))
        updated = cursor.execute(
            f"UPDATE contacts SET {assignments}, updated_at = current_timestamp "
            "WHERE id = ? AND deleted_at IS NULL RETURNING id",
            [*written.values(), contact_id],
        ).fetchall()
        if not updated:
            raise InvalidInput(f"Person #{contact_id} is not in the workbook (deleted?); reload the page.")


def fill_name_keys(workbook: Workbook) -> int:
    """Key the people who have no name key yet (a workbook from before keys, or rows copied in without one)."""
    unkeyed = workbook.read("SELECT id, name FROM contacts WHERE name_key IS NULL")
    if unkeyed:
        with workbook.write() as cursor:
            cursor.load_rows(
                "keyed",
                {
                    "id": ("BIGINT", [int(i) for i, _ in unkeyed]),
                    "name_key": ("VARCHAR", [name_key(name) for _, name in unkeyed]),
                },
            )
            cursor.execute("UPDATE contacts SET name_key = k.name_key FROM keyed k WHERE contacts.id = k.id")
    return len(unkeyed)


def _refuse_if_changed(cursor, contact_id: int, changes: Mapping[str, object], seen: Mapping[str, object]) -> None:
    """Optimistic concurrency, field by field: a field changed elsewhere since it was seen stops the save."""
    row = cursor.execute(f"{_SELECT} WHERE id = ? AND deleted_at IS NULL", [contact_id]).fetchone()
    if row is None:
        raise InvalidInput(f"Person #{contact_id} is not in the workbook (deleted?); reload the page.")
    now = _contact(row)
    moved = [f for f in changes if f in seen and getattr(now, f) != seen[f] and getattr(now, f) != changes[f]]
    if moved:
        fields = ", ".join(f.replace("_", " ") for f in moved)
        raise ChangedSinceOpened(
            f"{now.name} changed since you opened them (the {fields}, in another tab or on another device). "
            "The form now shows what is saved: make your change again.",
            fresh=now,
        )


def _require_live(cursor, contact_id: int) -> None:
    row = cursor.execute("SELECT 1 FROM contacts WHERE id = ? AND deleted_at IS NULL", [contact_id]).fetchone()
    if row is None:
        raise InvalidInput(f"The introducer (#{contact_id}) is not in the workbook; choose someone listed.")


def trash_contacts(workbook: Workbook, contact_ids: Iterable[int]) -> int:
    """Move people to the trash (restorable for 30 days); returns how many moved."""
    ids = list(contact_ids)
    if not ids:
        return 0
    with workbook.write() as cursor:
        rows = cursor.execute(
            f"UPDATE contacts SET deleted_at = current_timestamp WHERE id IN {IDS} AND deleted_at IS NULL RETURNING id",
            [ids],
        ).fetchall()
    return len(rows)


def restore_contacts(workbook: Workbook, contact_ids: Iterable[int]) -> int:
    """Bring people back from the trash; returns how many came back."""
    ids = list(contact_ids)
    if not ids:
        return 0
    with workbook.write() as cursor:
        rows = cursor.execute(
            "UPDATE contacts SET deleted_at = NULL, updated_at = current_timestamp "
            f"WHERE id IN {IDS} AND deleted_at IS NOT NULL RETURNING id",
            [ids],
        ).fetchall()
    return len(rows)


def empty_trash(workbook: Workbook, older_than_days: int = TRASH_DAYS, now: datetime | None = None) -> int:
    """Delete for good the people trashed more than ``older_than_days`` ago, with their records."""
    cutoff = (now or datetime.now()) - timedelta(days=older_than_days)
    if not workbook.read_one("SELECT 1 FROM contacts WHERE deleted_at < ? LIMIT 1", [cutoff]):
        return 0
    with workbook.write() as cursor:
        doomed = "(SELECT id FROM contacts WHERE deleted_at < ?)"
        for table in ("interactions", "ledger", "reference_steps", "contact_goals"):
            cursor.execute(f"DELETE FROM {table} WHERE contact_id IN {doomed}", [cutoff])
        cursor.execute(f"UPDATE contacts SET introduced_by = NULL WHERE introduced_by IN {doomed}", [cutoff])
        cursor.execute(f"DELETE FROM merges WHERE kept_id IN {doomed} OR merged_id IN {doomed}", [cutoff, cutoff])
        cursor.execute(f"DELETE FROM kept_apart WHERE first_id IN {doomed} OR second_id IN {doomed}", [cutoff, cutoff])
        rows = cursor.execute("DELETE FROM contacts WHERE deleted_at < ? RETURNING id", [cutoff]).fetchall()
    return len(rows)


def list_trash(workbook: Workbook) -> list[Contact]:
    """The people in the trash, most recently deleted first (at most 500)."""
    # People merged into someone else are not deleted by the user; their merge log brings them back.
    rows = workbook.read(
        f"{_SELECT} WHERE deleted_at IS NOT NULL "
        "AND id NOT IN (SELECT merged_id FROM merges WHERE undone_at IS NULL) "
        "ORDER BY deleted_at DESC, id LIMIT 500"
    )
    return [_contact(r) for r in rows]


def get_contact(workbook: Workbook, contact_id: int) -> Contact | None:
    """A live person, or None when they are not in the workbook (or in the trash)."""
    row = workbook.read_one(f"{_SELECT} WHERE id = ? AND deleted_at IS NULL", [contact_id])
    return _contact(row) if row else None


def get_contacts(workbook: Workbook, contact_ids: Iterable[int]) -> dict[int, Contact]:
    """The live people among these ids, by id (one query, however many)."""
    wanted = sorted({int(i) for i in contact_ids})
    if not wanted:
        return {}
    rows = workbook.read(f"{_SELECT} WHERE id IN {IDS} AND deleted_at IS NULL", [wanted])
    return {c.id: c for c in map(_contact, rows)}


def people_filter(search: str, circle: str | None, tie: str | None) -> tuple[str, list]:
    """The WHERE clause (and its parameters) for live people matching a search, a circle and a tie."""
    clauses, params = ["deleted_at IS NULL"], []
    if search.strip():
        needle = search.strip().lower()  # strpos, not LIKE: % and _ are ordinary characters here
        clauses.append(f"({contains('name')} OR {contains('company')} OR {contains('email')} OR {contains('role')})")
        params += [needle] * 4
    if circle:
        clauses.append("circle = ?")
        params.append(circle)
    if tie:
        clauses.append("tie = ?")
        params.append(tie)
    return " AND ".join(clauses), params


def search_contacts(
    workbook: Workbook,
    search: str = "",
    circle: str | None = None,
    tie: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[Contact], int]:
    """One page of people matching the filters, and how many match in all."""
    where, params = people_filter(search, circle, tie)
    rows = workbook.read(f"{_SELECT} WHERE {where} ORDER BY lower(name), id LIMIT ? OFFSET ?", [*params, limit, offset])
    return [_contact(r) for r in rows], count_matching(workbook, search, circle, tie)


def count_matching(workbook: Workbook, search: str = "", circle: str | None = None, tie: str | None = None) -> int:
    """How many live people match the filters (without fetching any of them)."""
    where, params = people_filter(search, circle, tie)
    return int(workbook.read_one(f"SELECT count(*) FROM contacts WHERE {where}", params)[0])


def contact_names(workbook: Workbook, ids: Iterable[int]) -> dict[int, str]:
    """Names for a few ids (for showing who introduced whom)."""
    wanted = sorted({int(i) for i in ids if i is not None})
    if not wanted:
        return {}
    rows = workbook.read(f"SELECT id, name FROM contacts WHERE id IN {IDS}", [wanted])
    return {int(i): n for i, n in rows}


def count_contacts(workbook: Workbook) -> int:
    """How many live people the workbook holds."""
    return int(workbook.read_one("SELECT count(*) FROM contacts WHERE deleted_at IS NULL")[0])


def count_by_circle(workbook: Workbook) -> dict[str, int]:
    """Circle -> how many live people it holds (circles with nobody are absent).

    Summed from :func:`count_by_circle_and_tie`'s query, so a use case that asks both (home's progress
    and its circles chart) asks the database once.
    """
    counts: dict[str, int] = {}
    for circle, _, n in count_by_circle_and_tie(workbook):
        counts[circle] = counts.get(circle, 0) + n
    return counts


BY_CIRCLE_AND_TIE = "SELECT circle, tie, count(*) FROM contacts WHERE deleted_at IS NULL GROUP BY circle, tie"


def count_by_circle_and_tie(workbook: Workbook) -> list[tuple[str, str, int]]:
    """(circle, tie, how many live people) for every pair there is."""
    rows = workbook.read(BY_CIRCLE_AND_TIE)
    return [(c, t, int(n)) for c, t, n in rows]


GROWTH_BY_MONTH = (
    "SELECT date_trunc('month', created_at) AS month, "
    "sum(count(*)) OVER (ORDER BY date_trunc('month', created_at)) "
    "FROM contacts WHERE deleted_at IS NULL GROUP BY date_trunc('month', created_at) ORDER BY 1"
)


def growth_by_month(workbook: Workbook) -> list[tuple[str, int]]:
    """Cumulative number of people by the month they were added."""
    rows = workbook.read(GROWTH_BY_MONTH)
    return [(f"{m:%Y-%m}", int(n)) for m, n in rows]
