"""The forgiving CSV reader: header search, line numbers, notes over many lines, broken quotes."""

from __future__ import annotations

import pytest

from core.errors import ImportFileError
from fileio.csv_table import read_table
from fileio.decode import decode_bytes


def test_a_quoted_note_over_several_lines_is_one_value_and_the_next_row_keeps_its_line():
    table = read_table('Name,Notes\nAnn,"one\ntwo\nthree"\nBob,short\n')
    assert [(line, row["Notes"]) for line, row in table.rows] == [(2, "one\ntwo\nthree"), (5, "short")]


def test_a_stray_quote_swallows_no_neighbours():
    text = 'Name,Company,Role\nAnn,"Acme,CTO\nBob,Beta,CEO\nCara,"Gamma",CFO\nDan,Delta"x,COO\n'
    table = read_table(text)
    assert [row["Name"] for _, row in table.rows] == ["Bob", "Cara", "Dan"]
    assert [s.line for s in table.skipped] == [2]


def test_a_quote_inside_an_unquoted_name_is_kept():
    table = read_table('Name,Company,Role\nPeter O"Toole,Acme,CTO\n')
    assert table.rows[0][1]["Name"] == 'Peter O"Toole'


def test_a_row_with_too_many_values_is_skipped_with_its_line():
    table = read_table("Name,Email\nAnn,a@x\nBob,b@x,extra\n")
    assert [s.line for s in table.skipped] == [3] and "3 values where the header has 2" in table.skipped[0].reason


def test_a_short_row_is_padded_with_blanks():
    assert read_table("Name,Email,Phone\nAnn\n").rows[0][1] == {"Name": "Ann", "Email": "", "Phone": ""}


def test_without_a_recognisable_header_the_message_names_the_fix():
    with pytest.raises(ImportFileError, match="choose 'Other CSV' and name the columns"):
        read_table("a,b\n1,2\n", lambda fields: "Name" in fields)


def test_utf16_without_a_byte_order_mark_is_recognised():
    text, notes = decode_bytes("Name,Email\nZoë,z@x\n".encode("utf-16-le"))
    assert text.startswith("Name,Email") and "UTF-16" in notes[0]


def test_a_utf8_byte_order_mark_is_dropped_silently():
    assert decode_bytes(b"\xef\xbb\xbfName\nAnn\n") == ("Name\nAnn\n", ())


def test_whitespace_only_is_an_empty_file():
    with pytest.raises(ImportFileError, match="empty"):
        decode_bytes(b"  \n\n ")
