"""Saving imported people: all or nothing, idempotent, in bulk; merging duplicates, undoably."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from core.duplicates import DuplicatePair, Person, find_duplicates, name_key
from core.errors import InvalidInput
from core.import_result import ImportResult, ImportSummary, SkippedRow
from core.model import CIRCLES, TIES
from store.engine import ColumnSpec
from store.sql import IDS, TEXTS, contains
from store.workbook import Workbook

Progress = Callable[[float, str], None]
_DRAFT_COLUMNS = ("name", "email", "phone", "company", "role", "circle", "tie", "notes", "source", "source_key")
_MATCH_SQL = """
WITH known AS (
    SELECT id, source, source_key, deleted_at, lower(trim(email)) AS email_l,
           lower(trim(name)) AS name_l, lower(trim(company)) AS company_l FROM contacts
),
by_key AS (SELECT i.n, min(k.id) AS id FROM incoming i JOIN known k
           ON k.source = i.source AND k.source_key = i.source_key WHERE i.source_key <> '' GROUP BY i.n),
by_email AS (SELECT i.n, min(k.id) AS id FROM incoming i JOIN known k ON k.email_l = i.email_l
             WHERE i.email_l <> '' AND k.deleted_at IS NULL GROUP BY i.n),
by_name AS (SELECT i.n, min(k.id) AS id FROM incoming i JOIN known k
            ON k.name_l = i.name_l AND k.company_l = i.company_l WHERE k.deleted_at IS NULL GROUP BY i.n),
matched AS (SELECT i.n, coalesce(b1.id, b2.id, b3.id) AS id FROM incoming i
            LEFT JOIN by_key b1 ON b1.n = i.n LEFT JOIN by_email b2 ON b2.n = i.n
            LEFT JOIN by_name b3 ON b3.n = i.n)
SELECT m.n, c.id, c.deleted_at IS NOT NULL,
       (i.email <> '' AND i.email <> c.email) OR (i.phone <> '' AND i.phone <> c.phone)
       OR (i.company <> '' AND i.company <> c.company) OR (i.role <> '' AND i.role <> c.role)
       OR (i.notes <> '' AND c.notes = '') OR (c.source_key = '' AND i.source_key <> '')
FROM matched m JOIN incoming i ON i.n = m.n LEFT JOIN contacts c ON c.id = m.id ORDER BY m.n
"""
_UPDATE_SQL = """
UPDATE contacts AS c SET
    email = CASE WHEN i.email <> '' THEN i.email ELSE c.email END,
    phone = CASE WHEN i.phone <> '' THEN i.phone ELSE c.phone END,
    company = CASE WHEN i.company <> '' THEN i.company ELSE c.company END,
    role = CASE WHEN i.role <> '' THEN i.role ELSE c.role END,
    notes = CASE WHEN c.notes = '' THEN i.notes ELSE c.notes END,
    source = CASE WHEN c.source_key = '' THEN i.source ELSE c.source END,
    source_key = CASE WHEN c.source_key = '' THEN i.source_key ELSE c.source_key END,
    updated_at = current_timestamp
FROM incoming i JOIN actions a ON a.n = i.n
WHERE a.action = 'update' AND c.id = a.contact_id
"""


def import_contacts(workbook: Workbook, result: ImportResult, progress: Progress | None = None) -> ImportSummary:
    """Save the people of one file in one transaction; importing the same file again adds nobody."""
    report = progress or (lambda fraction, text: None)
    _check_drafts(result)
    keep, skipped = _first_of_each_key(result)
    report(0.2, f"Matching {len(keep):,} people with your workbook")
    incoming = _incoming_table(result, keep)
    with workbook.write() as cursor:
        cursor.load_rows("incoming", incoming)
        matches = cursor.execute(_MATCH_SQL).fetchall()
        actions, skipped_here, unchanged = _decide(matches, result.lines)
        report(0.6, f"Saving {sum(a == 'add' for a in actions['action']):,} new people")
        cursor.load_rows(
            "actions",
            {
                "n": ("BIGINT", actions["n"]),
                "action": ("VARCHAR", actions["action"]),
                "contact_id": ("BIGINT", actions["contact_id"]),
            },
        )
        names = ", ".join((*_DRAFT_COLUMNS, "name_key"))
        added = cursor.execute(
            f"INSERT INTO contacts ({names}) SELECT {', '.join('i.' + c for c in (*_DRAFT_COLUMNS, 'name_key'))} "
            "FROM incoming i JOIN actions a ON a.n = i.n WHERE a.action = 'add' ORDER BY i.n RETURNING id"
        ).fetchall()
        cursor.execute(_UPDATE_SQL)
    report(1.0, "Done")
    updated = sum(a == "update" for a in actions["action"])
    all_skipped = tuple(sorted(result.skipped + tuple(skipped) + tuple(skipped_here), key=lambda s: s.line))
    return ImportSummary(len(added), updated, unchanged, all_skipped)


def _check_drafts(result: ImportResult) -> None:
    for draft, line in zip(result.drafts, result.lines):
        if not draft.name.strip():
            raise InvalidInput(f"Line {line} has no name; fix the file and try again.")
        if draft.circle not in CIRCLES:
            raise InvalidInput(f"'{draft.circle}' is not a circle; choose one from the list.")
        if draft.tie not in TIES:
            raise InvalidInput(f"'{draft.tie}' is not a tie; choose strong or weak.")


def _first_of_each_key(result: ImportResult) -> tuple[list[int], list[SkippedRow]]:
    """Indexes of the drafts to import; a person listed twice in one file is imported once."""
    seen: dict[tuple[str, str], int] = {}
    keep, skipped = [], []
    for index, (draft, line) in enumerate(zip(result.drafts, result.lines)):
        key = (draft.source, draft.source_key)
        if draft.source_key and key in seen:
            skipped.append(SkippedRow(line, f"the same person as line {seen[key]}"))
            continue
        seen[key] = line
        keep.append(index)
    return keep, skipped


def _incoming_table(result: ImportResult, keep: list[int]) -> dict[str, ColumnSpec]:
    drafts = [result.drafts[i] for i in keep]
    columns: dict[str, ColumnSpec] = {"n": ("BIGINT", keep)}
    for name in _DRAFT_COLUMNS:
        columns[name] = ("VARCHAR", [getattr(d, name).strip() for d in drafts])
    columns["name_key"] = ("VARCHAR", [name_key(d.name) for d in drafts])
    columns["email_l"] = ("VARCHAR", [d.email.strip().lower() for d in drafts])
    columns["name_l"] = ("VARCHAR", [d.name.strip().lower() for d in drafts])
    columns["company_l"] = ("VARCHAR", [d.company.strip().lower() for d in drafts])
    return columns


def _decide(matches: list[tuple], lines: tuple[int, ...]) -> tuple[dict[str, list], list[SkippedRow], int]:
    """For each incoming person: add, update or leave; a person matched twice is updated once."""
    actions: dict[str, list] = {"n": [], "action": [], "contact_id": []}
    skipped, unchanged, claimed = [], 0, {}
    for n, contact_id, trashed, changed in matches:
        action = "add"
        if contact_id is not None:
            if trashed:
                skipped.append(SkippedRow(lines[n], "this person is in the trash; restore them there first"))
                action = "skip"
            elif contact_id in claimed:
                skipped.append(SkippedRow(lines[n], f"the same person as line {claimed[contact_id]}"))
                action = "skip"
            else:
                claimed[contact_id] = lines[n]
                action = "update" if changed else "same"
                unchanged += action == "same"
        actions["n"].append(n)
        actions["action"].append(action)
        actions["contact_id"].append(contact_id)
    return actions, skipped, unchanged


# --- Likely duplicates: find them, merge them (undoably), or keep them apart. ---

_TEXT_FIELDS = ("email", "phone", "company", "role")
_NOTE_FIELDS = ("notes", "family", "job_notes", "interests", "needs")
_MERGE_FIELDS = (
    *_TEXT_FIELDS,
    *_NOTE_FIELDS,
    "tie",
    "is_reference",
    "is_key",
    "cadence_days",
    "last_contacted_on",
    "introduced_by",
)


@dataclass(frozen=True)
class MergeRecord:
    """One merge, for the list the user can undo from."""

    id: int
    kept_name: str
    merged_name: str
    merged_at: datetime
    undone: bool


def people_to_match(workbook: Workbook) -> list[Person]:
    """Every live person, as the duplicate matcher sees them (id, name, company, email)."""
    return _people(workbook.read("SELECT id, name, company, email FROM contacts WHERE deleted_at IS NULL"))


def people_near(workbook: Workbook, name_keys: Sequence[str], email: str) -> list[Person]:
    """Every live person with one of these name keys, or an email containing this one (lower-cased), and any
    not keyed yet, as the matcher sees them: all it could pair with a new person, and few of everyone.
    (Containing, not equal: trimming every email in SQL took most of the query's time.)

    Three reads joined, not one with OR: PostgreSQL then walks an index for each of the first two.
    """
    live = "SELECT id, name, company, email FROM contacts WHERE deleted_at IS NULL"
    rows = workbook.read(
        f"{live} AND name_key IN {TEXTS} UNION {live} AND name_key IS NULL "
        f"UNION {live} AND ? <> '' AND {contains('email')} ORDER BY id",
        [list(name_keys), email, email],
    )
    return _people(rows)


def _people(rows: list[tuple]) -> list[Person]:
    return [Person(int(i), n, c or "", e or "") for i, n, c, e in rows]


def likely_duplicates(workbook: Workbook, limit: int = 50) -> list[DuplicatePair]:
    """Pairs of live people who look like one person, best first, leaving out pairs kept apart."""
    people = people_to_match(workbook)
    apart = workbook.read("SELECT first_id, second_id FROM kept_apart")
    return find_duplicates(people, apart, limit=limit)


def keep_apart(workbook: Workbook, first_id: int, second_id: int) -> None:
    """Remember that these two are different people, so they are not suggested again."""
    if first_id == second_id:
        raise InvalidInput("Choose two different people to keep apart.")
    low, high = sorted((int(first_id), int(second_id)))
    with workbook.write() as cursor:
        cursor.execute("INSERT INTO kept_apart (first_id, second_id) VALUES (?, ?) ON CONFLICT DO NOTHING", [low, high])


def merge_contacts(workbook: Workbook, kept_id: int, merged_id: int) -> int:
    """Fold one person into another: every interaction, ledger entry and step moves; returns the merge id."""
    if kept_id == merged_id:
        raise InvalidInput("Choose two different people to merge.")
    columns = ", ".join(("name", *_MERGE_FIELDS))
    with workbook.write() as cursor:
        kept = _live_row(cursor, kept_id, columns)
        merged = _live_row(cursor, merged_id, columns)
        changes = _merged_values(kept, merged, kept_id)
        undo = {"kept_before": {k: _jsonable(kept[k]) for k in changes}}
        undo.update(_move_records(cursor, kept_id, merged_id))
        if changes:
            sets = ", ".join(f"{name} = ?" for name in changes)
            cursor.execute(
                f"UPDATE contacts SET {sets}, updated_at = current_timestamp WHERE id = ?", [*changes.values(), kept_id]
            )
        cursor.execute("UPDATE contacts SET deleted_at = current_timestamp WHERE id = ?", [merged_id])
        row = cursor.execute(
            "INSERT INTO merges (kept_id, merged_id, undo) VALUES (?, ?, ?) RETURNING id",
            [kept_id, merged_id, json.dumps(undo)],
        ).fetchone()
    return int(row[0])


def _live_row(cursor, contact_id: int, columns: str) -> dict:
    result = cursor.execute(f"SELECT {columns} FROM contacts WHERE id = ? AND deleted_at IS NULL", [contact_id])
    names = [d[0] for d in result.description]
    row = result.fetchone()
    if row is None:
        raise InvalidInput(f"Person #{contact_id} is not in the workbook (merged or deleted?); reload the page.")
    return dict(zip(names, row))


def _merged_values(kept: dict, merged: dict, kept_id: int) -> dict:
    """The kept person's fields that change: blanks filled, notes joined, the stronger tie kept."""
    new = {f: merged[f] for f in _TEXT_FIELDS if not (kept[f] or "").strip() and (merged[f] or "").strip()}
    for f in _NOTE_FIELDS:
        a, b = (kept[f] or "").strip(), (merged[f] or "").strip()
        if b and b not in a:
            new[f] = f"{a}\n{b}" if a else b
    if merged["tie"] == "strong" and kept["tie"] != "strong":
        new["tie"] = "strong"
    for flag in ("is_reference", "is_key"):
        if merged[flag] and not kept[flag]:
            new[flag] = True
    if merged["cadence_days"] and (not kept["cadence_days"] or merged["cadence_days"] < kept["cadence_days"]):
        new["cadence_days"] = merged["cadence_days"]
    if merged["last_contacted_on"] and (
        not kept["last_contacted_on"] or merged["last_contacted_on"] > kept["last_contacted_on"]
    ):
        new["last_contacted_on"] = merged["last_contacted_on"]
    if kept["introduced_by"] is None and merged["introduced_by"] not in (None, kept_id):
        new["introduced_by"] = merged["introduced_by"]
    return new


def _move_records(cursor, kept_id: int, merged_id: int) -> dict:
    """Move the merged person's records to the kept one; return what moved, for undo."""
    moved = {}
    for table in ("interactions", "ledger"):
        rows = cursor.execute(
            f"UPDATE {table} SET contact_id = ? WHERE contact_id = ? RETURNING id", [kept_id, merged_id]
        ).fetchall()
        moved[table] = [int(r[0]) for r in rows]
    steps = cursor.execute(
        "DELETE FROM reference_steps WHERE contact_id = ? RETURNING step, done_on", [merged_id]
    ).fetchall()
    moved["steps_removed"] = [[step, done_on.isoformat()] for step, done_on in steps]
    moved["steps_added"] = [
        step
        for step, done_on in steps
        if cursor.execute(
            "INSERT INTO reference_steps (contact_id, step, done_on) VALUES (?, ?, ?) "
            "ON CONFLICT DO NOTHING RETURNING step",
            [kept_id, step, done_on],
        ).fetchall()
    ]
    goals = cursor.execute("DELETE FROM contact_goals WHERE contact_id = ? RETURNING goal_id", [merged_id]).fetchall()
    moved["goals_removed"] = [int(g[0]) for g in goals]
    moved["goals_added"] = [
        goal
        for goal in moved["goals_removed"]
        if cursor.execute(
            "INSERT INTO contact_goals (contact_id, goal_id) VALUES (?, ?) ON CONFLICT DO NOTHING RETURNING goal_id",
            [kept_id, goal],
        ).fetchall()
    ]
    introduced = cursor.execute(
        "UPDATE contacts SET introduced_by = CASE WHEN id = ? THEN NULL ELSE ? END "
        "WHERE introduced_by = ? RETURNING id",
        [kept_id, kept_id, merged_id],
    ).fetchall()
    moved["introduced"] = [int(r[0]) for r in introduced]
    return moved


def _jsonable(value):
    return value.isoformat() if isinstance(value, date) else value


def undo_merge(workbook: Workbook, merge_id: int) -> None:
    """Split a merge: both people back as they were, each with their own records."""
    row = workbook.read_one(
        "SELECT kept_id, merged_id, undo FROM merges WHERE id = ? AND undone_at IS NULL", [merge_id]
    )
    if row is None:
        raise InvalidInput(f"Merge #{merge_id} is not in the list (already undone?); reload the page.")
    kept_id, merged_id, undo = int(row[0]), int(row[1]), json.loads(row[2])
    with workbook.write() as cursor:
        if cursor.execute("SELECT 1 FROM contacts WHERE id = ?", [merged_id]).fetchone() is None:
            raise InvalidInput("The merged person was deleted for good (trash emptied); this merge cannot be undone.")
        for table in ("interactions", "ledger"):
            if undo[table]:
                cursor.execute(f"UPDATE {table} SET contact_id = ? WHERE id IN {IDS}", [merged_id, undo[table]])
        _restore_links(cursor, kept_id, merged_id, undo)
        before = {k: _from_json(k, v) for k, v in undo["kept_before"].items()}
        if before:
            sets = ", ".join(f"{name} = ?" for name in before)
            cursor.execute(
                f"UPDATE contacts SET {sets}, updated_at = current_timestamp WHERE id = ?", [*before.values(), kept_id]
            )
        cursor.execute(
            "UPDATE contacts SET deleted_at = NULL, updated_at = current_timestamp WHERE id = ?", [merged_id]
        )
        cursor.execute("UPDATE merges SET undone_at = current_timestamp WHERE id = ?", [merge_id])


def _restore_links(cursor, kept_id: int, merged_id: int, undo: dict) -> None:
    for step in undo["steps_added"]:
        cursor.execute("DELETE FROM reference_steps WHERE contact_id = ? AND step = ?", [kept_id, step])
    for step, done_on in undo["steps_removed"]:
        cursor.execute(
            "INSERT INTO reference_steps (contact_id, step, done_on) VALUES (?, ?, ?)",
            [merged_id, step, date.fromisoformat(done_on)],
        )
    for goal_id in undo["goals_added"]:
        cursor.execute("DELETE FROM contact_goals WHERE contact_id = ? AND goal_id = ?", [kept_id, goal_id])
    for goal_id in undo["goals_removed"]:
        cursor.execute("INSERT INTO contact_goals (contact_id, goal_id) VALUES (?, ?)", [merged_id, goal_id])
    for contact_id in undo["introduced"]:
        cursor.execute("UPDATE contacts SET introduced_by = ? WHERE id = ?", [merged_id, contact_id])


def _from_json(name: str, value):
    return date.fromisoformat(value) if name == "last_contacted_on" and value else value


def list_merges(workbook: Workbook, limit: int = 20) -> list[MergeRecord]:
    """The latest merges, newest first, with both names."""
    rows = workbook.read(
        "SELECT m.id, k.name, d.name, m.merged_at, m.undone_at IS NOT NULL FROM merges m "
        "JOIN contacts k ON k.id = m.kept_id JOIN contacts d ON d.id = m.merged_id "
        "ORDER BY m.id DESC LIMIT ?",
        [limit],
    )
    return [MergeRecord(int(i), kn, dn, at, bool(u)) for i, kn, dn, at, u in rows]
