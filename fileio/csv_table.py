"""A forgiving CSV reader: finds the header row, keeps line numbers, skips rows with broken quotes."""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass

from core.errors import ImportFileError
from core.import_result import SkippedRow
from fileio.decode import split_lines

MAX_HEADER_SEARCH = 30  # LinkedIn's "Notes:" preamble is a few lines; give it room
MAX_FIELD_LINES = 200  # a quoted field (a long note) may span many lines, but not the whole file


@dataclass(frozen=True)
class CsvTable:
    """The rows of a CSV file under its header, each with the line it starts on."""

    header: tuple[str, ...]
    header_line: int
    rows: tuple[tuple[int, dict[str, str]], ...]
    skipped: tuple[SkippedRow, ...]


def read_table(text: str, is_header: Callable[[list[str]], bool] | None = None) -> CsvTable:
    """Parse CSV text; the header is the first record that ``is_header`` accepts (default: the first)."""
    lines = split_lines(text)
    header_index, header_line, header_fields = _find_header(lines, is_header)
    header = tuple(_clean_header(h) for h in header_fields)
    rows, skipped = [], []
    for line, fields, error in _records(lines, header_index + 1, len(header)):
        if error:
            skipped.append(SkippedRow(line, error))
        elif not any(f.strip() for f in fields):
            continue
        elif len(fields) > len(header) and any(f.strip() for f in fields[len(header) :]):
            skipped.append(
                SkippedRow(line, f"{len(fields)} values where the header has {len(header)}; remove the stray comma")
            )
        else:
            padded = fields + [""] * (len(header) - len(fields))
            rows.append((line, dict(zip(header, padded))))
    return CsvTable(header, header_line, tuple(rows), tuple(skipped))


def _clean_header(name: str) -> str:
    return name.strip().strip("\ufeff").strip()


def _find_header(lines: list[str], is_header) -> tuple[int, int, list[str]]:
    """The index where the header record starts, its line number and its fields."""
    for count, (line, fields, error) in enumerate(_records(lines, 0, None)):
        if count >= MAX_HEADER_SEARCH:
            break
        if error or not any(f.strip() for f in fields):
            continue
        if is_header is None or is_header([_clean_header(f) for f in fields]):
            end = _record_end(lines, line - 1)
            return (end if end is not None else line - 1), line, fields
    raise ImportFileError(
        "No header row with a name column was found; check it is a contacts CSV, "
        "or choose 'Other CSV' and name the columns."
    )


def _records(lines: list[str], index: int, width: int | None):
    """Yield (line number, fields, error) for each logical record; a broken one skips one line."""
    while index < len(lines):
        alone = _parse_alone(lines[index], width)
        if alone is not None:
            yield index + 1, alone, ""
            index += 1
            continue
        end = _record_end(lines, index)
        if end is None:
            yield index + 1, [], "a quote is opened but never closed; fix that line or remove it"
            index += 1
            continue
        chunk = "\n".join(lines[index : end + 1]) if end > index else lines[index]
        try:
            fields = next(csv.reader([chunk], strict=True), [])
        except csv.Error as error:
            yield index + 1, [], _explain(error)
            index += 1
            continue
        if end > index and width is not None and len(fields) != width:
            # The quote that spanned lines was a stray one: it swallowed its neighbours.
            yield index + 1, [], "a quote is opened but never closed; fix that line or remove it"
            index += 1
            continue
        yield index + 1, fields, ""
        index = end + 1


def _explain(error: csv.Error) -> str:
    """Why a record could not be read, in words (Python's csv names a field over its size limit)."""
    if "field larger than field limit" in str(error):
        return f"a value of more than {csv.field_size_limit() // 1024} KB; shorten it or remove that line"
    return "a quote in the wrong place; fix that line or remove it"


def _parse_alone(line: str, width: int | None) -> list[str] | None:
    """The fields of a line with an odd quote inside a value (O"Brien), when it stands alone."""
    if line.count('"') % 2 == 0:
        return None
    try:
        fields = next(csv.reader([line], strict=True), [])
    except csv.Error:
        return None
    return fields if width is not None and len(fields) == width else None


def _record_end(lines: list[str], start: int) -> int | None:
    quotes = lines[start].count('"')
    end = start
    while quotes % 2:
        end += 1
        if end >= len(lines) or end - start > MAX_FIELD_LINES:
            return None
        quotes += lines[end].count('"')
    return end
