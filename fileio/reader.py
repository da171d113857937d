"""Read an address book: detect its format, read every row, say what was skipped and why."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from core.budget import too_many
from core.contacts import too_long
from core.errors import ImportFileError
from core.import_result import FORMATS, ImportResult, SkippedRow
from fileio.csv_formats import (
    guess_mapping,
    has_name_column,
    is_google_header,
    is_linkedin_header,
    is_outlook_header,
    make_mapped_reader,
    read_google_row,
    read_linkedin_row,
    read_outlook_row,
)
from fileio.csv_table import CsvTable, read_table
from fileio.decode import MAX_IMPORT_BYTES, decode_bytes, split_lines
from fileio.vcard import is_vcard_text, read_vcards

DEFAULTS: dict[str, tuple[str, str]] = {
    "linkedin": ("online", "weak"),
    "google": ("friends", "weak"),
    "outlook": ("friends", "weak"),
    "vcard": ("friends", "weak"),
    "csv": ("friends", "weak"),
}
_DETECTORS = (("linkedin", is_linkedin_header), ("google", is_google_header), ("outlook", is_outlook_header))
_EXPECTED = {
    "linkedin": "First Name, Last Name and Connected On",
    "google": "First Name and Organization Name, Labels or E-mail 1 - Value",
    "outlook": "First Name and E-mail Address, Job Title or Business Phone",
}
_ROW_READERS = {"linkedin": read_linkedin_row, "google": read_google_row, "outlook": read_outlook_row}


def detect_format(text: str) -> str:
    """'vcard', 'linkedin', 'google', 'outlook' or 'csv' (any other CSV), from the text alone."""
    if is_vcard_text(text):
        return "vcard"
    for fmt, is_header in _DETECTORS:
        try:
            read_table(_head(text), is_header)
        except ImportFileError:
            continue
        return fmt
    return "csv"


def _head(text: str, lines: int = 40) -> str:
    return "\n".join(split_lines(text)[:lines])


def read_contacts(
    data: bytes,
    fmt: str | None = None,
    mapping: Mapping[str, str] | None = None,
    limit: int = MAX_IMPORT_BYTES,
    progress: Callable[[float, str], None] | None = None,
    max_people: int | None = None,
) -> ImportResult:
    """Read the people in a file; raises ImportFileError with a one-line message on bad input."""
    if fmt is not None and fmt not in FORMATS:
        raise ImportFileError(f"'{fmt}' is not a format we read; choose one of {', '.join(FORMATS)}.")
    text, notes = decode_bytes(data, limit)
    fmt = fmt or detect_format(text)
    if fmt == "vcard":
        result = _read_vcard_text(text, progress)
    else:
        result = _read_csv_text(text, fmt, mapping)
    circle, tie = DEFAULTS[fmt]
    drafts, lines, too_long_rows = _within_limits(result)
    if max_people is not None and len(drafts) > max_people:
        raise ImportFileError(too_many("people", len(drafts), max_people))
    result = ImportResult(
        format=fmt,
        drafts=drafts,
        lines=lines,
        skipped=tuple(sorted(result.skipped + too_long_rows, key=lambda s: s.line)),
        notes=notes + result.notes,
        default_circle=circle,
        default_tie=tie,
    )
    if not result.drafts:
        raise ImportFileError(_nobody_message(result))
    return result


def _within_limits(result: ImportResult) -> tuple[tuple, tuple[int, ...], tuple[SkippedRow, ...]]:
    """The drafts whose every field fits (as the form would take them), and the rows that do not."""
    drafts, lines, skipped = [], [], []
    for draft, line in zip(result.drafts, result.lines):
        problem = too_long(draft)
        if problem is None:
            drafts.append(draft)
            lines.append(line)
        else:
            skipped.append(SkippedRow(line, problem.message))
    return tuple(drafts), tuple(lines), tuple(skipped)


def _nobody_message(result: ImportResult) -> str:
    if result.skipped:
        first = result.skipped[0]
        return f"No one could be read: all {len(result.skipped)} rows were skipped (line {first.line}: {first.reason})."
    return f"The file has no people in it; export your contacts again as {FORMATS[result.format]}."


def _read_vcard_text(text: str, progress) -> ImportResult:
    drafts, lines, skipped = read_vcards(text, progress)
    if not drafts and not skipped:
        raise ImportFileError("The file has no vCards (BEGIN:VCARD); export your contacts again as .vcf.")
    return ImportResult("vcard", tuple(drafts), tuple(lines), tuple(skipped))


def _read_csv_text(text: str, fmt: str, mapping: Mapping[str, str] | None) -> ImportResult:
    if fmt == "csv":
        table, mapping = _read_generic_table(text, mapping)
        row_reader = make_mapped_reader(mapping)
    else:
        try:
            table = read_table(text, dict(_DETECTORS)[fmt])
        except ImportFileError:
            raise ImportFileError(
                f"This is not a {FORMATS[fmt]} file (no header with {_EXPECTED[fmt]}); "
                "let the format be detected, or choose another."
            ) from None
        row_reader = _ROW_READERS[fmt]
    drafts, lines, skipped = [], [], list(table.skipped)
    for line, row in table.rows:
        outcome = row_reader(row)
        if isinstance(outcome, str):
            skipped.append(SkippedRow(line, outcome))
        else:
            drafts.append(outcome)
            lines.append(line)
    skipped.sort(key=lambda s: s.line)
    return ImportResult(fmt, tuple(drafts), tuple(lines), tuple(skipped))


def _read_generic_table(text: str, mapping: Mapping[str, str] | None) -> tuple[CsvTable, Mapping[str, str]]:
    if mapping:
        wanted = {c for c in mapping.values() if c}
        table = read_table(text, lambda fields: bool(wanted) and wanted <= set(fields))
        return table, mapping
    table = read_table(text, lambda fields: has_name_column(guess_mapping(fields)))
    return table, guess_mapping(table.header)


def read_columns(data: bytes, limit: int = MAX_IMPORT_BYTES) -> tuple[str, ...]:
    """The header of a CSV file (its first record), for the column-mapping step."""
    text, _ = decode_bytes(data, limit)
    return read_table(_head(text)).header
