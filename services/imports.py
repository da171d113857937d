"""Address books in: read a file into people (nothing saved), import them, then tidy up likely duplicates."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from core.budget import Budget, too_big_upload
from core.errors import ImportFileError
from core.import_result import ImportResult, ImportSummary, apply_defaults
from core.model import Contact
from fileio.csv_formats import guess_mapping
from fileio.reader import read_columns, read_contacts
from services.workbooks import Workbook
from store import contacts, imports
from store.imports import MergeRecord

Progress = Callable[[float, str], None]
PAIRS_SHOWN = 50
MERGES_SHOWN = 5


@dataclass(frozen=True)
class ColumnChoices:
    """The columns of any other CSV, and which column each field is guessed to be in."""

    columns: tuple[str, ...]
    guess: dict[str, str]


@dataclass(frozen=True)
class LikelyPair:
    """Two people who look like one, with the reason in words."""

    first: Contact
    second: Contact
    reason: str


def read_file(
    data: bytes,
    fmt: str | None = None,
    mapping: Mapping[str, str] | None = None,
    progress: Progress | None = None,
    budget: Budget | None = None,
) -> ImportResult:
    """The people in an address book file, read but not saved; ImportFileError says what is wrong with it.

    With a budget (a private workbook on a shared server), a file over its size or people is refused
    before its rows become values in the server's memory.
    """
    if budget is not None and len(data) > budget.upload_bytes:
        raise ImportFileError(too_big_upload(len(data), budget.upload_bytes))
    return read_contacts(
        data,
        fmt=fmt,
        mapping=dict(mapping) if mapping else None,
        progress=progress,
        max_people=budget.contacts if budget is not None else None,
    )


def column_choices(data: bytes) -> ColumnChoices:
    """For any other CSV: its columns and a first guess at which holds what."""
    columns = read_columns(data)
    return ColumnChoices(columns, guess_mapping(columns))


def import_people(
    workbook: Workbook,
    result: ImportResult,
    circle: str | None = None,
    tie: str | None = None,
    progress: Progress | None = None,
) -> ImportSummary:
    """Save the people read, with the circle and tie chosen for them, all or nothing; a second run adds nobody."""
    chosen = apply_defaults(result, circle or result.default_circle, tie or result.default_tie)
    return imports.import_contacts(workbook, chosen, progress=progress)


def likely_duplicates(workbook: Workbook, limit: int = PAIRS_SHOWN) -> tuple[LikelyPair, ...]:
    """The best ``limit`` pairs of people who look like one person (pairs kept apart left out)."""
    pairs = imports.likely_duplicates(workbook, limit)
    people = contacts.get_contacts(workbook, [i for p in pairs for i in (p.first_id, p.second_id)])
    return tuple(
        LikelyPair(people[p.first_id], people[p.second_id], p.reason)
        for p in pairs
        if p.first_id in people and p.second_id in people
    )


def merge(workbook: Workbook, kept_id: int, merged_id: int) -> int:
    """Fold one person into another, keeping every interaction, note and step; returns the merge's id."""
    return imports.merge_contacts(workbook, kept_id, merged_id)


def keep_apart(workbook: Workbook, first_id: int, second_id: int) -> None:
    """Remember that two people are different, so the pair is not suggested again."""
    imports.keep_apart(workbook, first_id, second_id)


def undo_merge(workbook: Workbook, merge_id: int) -> None:
    """Split a merge: both people back as they were."""
    imports.undo_merge(workbook, merge_id)


def recent_merges(workbook: Workbook, limit: int = MERGES_SHOWN) -> tuple[MergeRecord, ...]:
    """Among the latest ``limit`` merges, those not undone yet, newest first."""
    return tuple(m for m in imports.list_merges(workbook, limit) if not m.undone)
